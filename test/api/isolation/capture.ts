import { createForm, publishForm } from '../../../src/modules/capture/service.js';
import { FormCache } from '../../../src/modules/capture/form-cache.js';
import type { MakeIsolationFixture } from './fixture.js';

export const fixture: MakeIsolationFixture = async (server, b) => {
  const user = { type: 'system', id: null } as const;
  const form = await createForm(server.database.db, b.workspaceId, { template: 'newsletter', name: 'Beta secret form' }, user);
  await publishForm(server.database.db, b.workspaceId, form.id, user, new FormCache(server.database.db));
  return {
    params: {
      '/api/v1/forms/:id': { id: form.id },
      '/api/v1/forms/:id/publish': { id: form.id },
      '/api/v1/forms/:id/analytics': { id: form.id },
      '/api/v1/forms/:id/unpublish': { id: form.id },
      '/api/v1/forms/:id/versions': { id: form.id },
      '/api/v1/forms/:id/versions/:version/restore': { id: form.id, version: '1' },
    },
    secrets: [form.id, 'Beta secret form'],
  };
};
