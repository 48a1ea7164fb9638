import { createForm, publishForm } from '../../../src/modules/capture/service.js';
import { FormCache } from '../../../src/modules/capture/form-cache.js';
import { call } from '../../helpers/server.js';
import type { MakeIsolationFixture } from './fixture.js';

export const fixture: MakeIsolationFixture = async (server, b) => {
  const user = { type: 'system', id: null } as const;
  const form = await createForm(server.database.db, b.workspaceId, { template: 'newsletter', name: 'Beta secret form' }, user);
  await publishForm(server.database.db, b.workspaceId, form.id, user, new FormCache(server.database.db));
  // One submission and one spam post of B's, to list, export and rescue.
  const submit = (body: Record<string, unknown>) => call(server, `/public/forms/${form.id}/submit`, { method: 'POST', body: { _sid: `iso-${Math.random().toString(36).slice(2)}`, ...body } });
  await submit({ email: 'beta-lead@beta.example', consent_email: true });
  await submit({ email: 'beta-spam@beta.example', consent_email: true, _hp: 'x' });
  const submission = await server.database.db.selectFrom('form_submissions').select(['contact_id']).where('workspace_id', '=', b.workspaceId).executeTakeFirstOrThrow();
  const spam = await server.database.db.selectFrom('form_spam').select(['id']).where('workspace_id', '=', b.workspaceId).executeTakeFirstOrThrow();
  return {
    params: {
      '/api/v1/forms/:id': { id: form.id },
      '/api/v1/forms/:id/publish': { id: form.id },
      '/api/v1/forms/:id/analytics': { id: form.id },
      '/api/v1/forms/:id/submissions': { id: form.id },
      '/api/v1/forms/:id/submissions/export': { id: form.id },
      '/api/v1/forms/:id/spam': { id: form.id },
      '/api/v1/forms/:id/spam/:spamId/rescue': { id: form.id, spamId: spam.id },
      '/api/v1/contacts/:id/submissions': { id: submission.contact_id! },
    },
    secrets: [form.id, 'Beta secret form', 'beta-lead@beta.example', 'beta-spam@beta.example'],
  };
};
