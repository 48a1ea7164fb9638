import { createForm, publishForm } from '../../../src/modules/capture/service.js';
import { createPage, publishPage } from '../../../src/modules/capture/pages/service.js';
import { createPopup, setPopupStatus } from '../../../src/modules/capture/popups/service.js';
import { FormCache } from '../../../src/modules/capture/form-cache.js';
import { randomUuid } from '../../../src/modules/capture/visitor-id.js';
import { downloadLink } from '../../../src/modules/capture/assets/links.js';
import { call } from '../../helpers/server.js';
import { pdfFile } from '../../helpers/sample-files.js';
import type { MakeIsolationFixture } from './fixture.js';

export const fixture: MakeIsolationFixture = async (server, b) => {
  const user = { type: 'system', id: null } as const;
  const form = await createForm(server.database.db, b.workspaceId, { template: 'newsletter', name: 'Beta secret form' }, user);
  await publishForm(server.database.db, b.workspaceId, form.id, user, new FormCache(server.database.db));
  // A visitor of B's site who signed up: the visitor id is a bearer secret of B's (it tells `/known` who they are).
  const visitorId = randomUuid();
  const email = 'beta-visitor@beta-secret.example';
  const submitted = await call(server, `/public/forms/${form.id}/submit`, { method: 'POST', body: { email, consent_email: true, _t: '10000', _vid: visitorId } });
  if (submitted.status !== 201) throw new Error(`B's visitor could not submit: ${submitted.status} ${submitted.text}`);
  // One submission and one spam post of B's, to list, export and rescue.
  const submit = (body: Record<string, unknown>) => call(server, `/public/forms/${form.id}/submit`, { method: 'POST', body: { _sid: `iso-${Math.random().toString(36).slice(2)}`, ...body } });
  await submit({ email: 'beta-lead@beta.example', consent_email: true });
  await submit({ email: 'beta-spam@beta.example', consent_email: true, _hp: 'x' });
  const submission = await server.database.db.selectFrom('form_submissions').select(['contact_id']).where('workspace_id', '=', b.workspaceId).executeTakeFirstOrThrow();
  const spam = await server.database.db.selectFrom('form_spam').select(['id']).where('workspace_id', '=', b.workspaceId).executeTakeFirstOrThrow();
  // An asset of B's, downloaded once by B's lead.
  const uploaded = await fetch(`${server.url}/api/v1/assets?name=${encodeURIComponent('Beta secret e-book')}&file_name=beta-secret-ebook.pdf`, { method: 'POST', headers: { authorization: `Bearer ${b.apiKey}` }, body: pdfFile() });
  const asset = (await uploaded.json()) as { id: string };
  if (uploaded.status !== 201) throw new Error(`B could not upload an asset: ${uploaded.status}`);
  const link = await downloadLink(server.database.db, b.workspaceId, asset.id, submission.contact_id);
  await (await fetch(`${server.url}${link.path}`)).arrayBuffer();
  // A published page of B's with its form, and a second version to restore.
  const page = await createPage(server.database.db, b.workspaceId, { template: 'ebook', slug: 'beta-secret-page', name: 'Beta secret page', form_id: form.id }, user);
  await publishPage(server.database.db, b.workspaceId, page.id, user);
  await publishPage(server.database.db, b.workspaceId, page.id, user);
  // A pop-up of B's, active, with figures.
  const popup = await createPopup(server.database.db, b.workspaceId, { name: 'Beta secret pop-up', form_id: form.id }, user);
  await setPopupStatus(server.database.db, b.workspaceId, popup.id, 'active');
  return {
    params: {
      '/api/v1/popups/:id': { id: popup.id },
      '/api/v1/popups/:id/activate': { id: popup.id },
      '/api/v1/popups/:id/pause': { id: popup.id },
      '/api/v1/popups/:id/analytics': { id: popup.id },
      '/api/v1/pages/:id': { id: page.id },
      '/api/v1/pages/:id/publish': { id: page.id },
      '/api/v1/pages/:id/unpublish': { id: page.id },
      '/api/v1/pages/:id/schedule': { id: page.id },
      '/api/v1/pages/:id/versions': { id: page.id },
      '/api/v1/pages/:id/versions/:version/restore': { id: page.id, version: '1' },
      '/api/v1/pages/:id/preview-link': { id: page.id },
      '/api/v1/pages/:id/render': { id: page.id },
      '/api/v1/pages/:id/analytics': { id: page.id },
      '/api/v1/assets/:id': { id: asset.id },
      '/api/v1/assets/:id/content': { id: asset.id },
      '/api/v1/assets/:id/link': { id: asset.id },
      '/api/v1/forms/:id': { id: form.id },
      '/api/v1/forms/:id/publish': { id: form.id },
      '/api/v1/forms/:id/analytics': { id: form.id },
      '/api/v1/forms/:id/submissions': { id: form.id },
      '/api/v1/forms/:id/submissions/export': { id: form.id },
      '/api/v1/forms/:id/spam': { id: form.id },
      '/api/v1/forms/:id/spam/:spamId/rescue': { id: form.id, spamId: spam.id },
      '/api/v1/contacts/:id/submissions': { id: submission.contact_id! },
      '/api/v1/forms/:id/unpublish': { id: form.id },
      '/api/v1/forms/:id/versions': { id: form.id },
      '/api/v1/forms/:id/versions/:version/restore': { id: form.id, version: '1' },
    },
    secrets: [popup.id, 'Beta secret pop-up', form.id, 'Beta secret form', page.id, 'Beta secret page', 'beta-secret-page', asset.id, 'Beta secret e-book', 'beta-secret-ebook', visitorId, email, 'beta-lead@beta.example', 'beta-spam@beta.example'],
  };
};
