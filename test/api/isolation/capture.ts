import { createForm, publishForm } from '../../../src/modules/capture/service.js';
import { FormCache } from '../../../src/modules/capture/form-cache.js';
import { randomUuid } from '../../../src/modules/capture/visitor-id.js';
import { call } from '../../helpers/server.js';
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
  return {
    params: {
      '/api/v1/forms/:id': { id: form.id },
      '/api/v1/forms/:id/publish': { id: form.id },
      '/api/v1/forms/:id/analytics': { id: form.id },
    },
    secrets: [form.id, 'Beta secret form', visitorId, email],
  };
};
