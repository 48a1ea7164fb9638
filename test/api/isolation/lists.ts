import { existingContactIds, upsertContact } from '../../../src/modules/contacts/service.js';
import { addToList, createList } from '../../../src/modules/lists/service.js';
import type { MakeIsolationFixture } from './fixture.js';

export const fixture: MakeIsolationFixture = async (server, b) => {
  const system = { type: 'system', id: null } as const;
  const { contact } = await upsertContact(server.database.db, b.workspaceId, { email: 'list-member@beta.example' }, { actor: system });
  const list = await createList(server.database.db, b.workspaceId, { name: 'Beta secret list' });
  await addToList(server.database.db, b.workspaceId, list.id, [contact.id], system, existingContactIds);
  return {
    params: {
      '/api/v1/lists/:id': { id: list.id },
      '/api/v1/lists/:id/contacts': { id: list.id },
      '/api/v1/contacts/:id/lists': { id: contact.id },
    },
    secrets: [list.id, 'Beta secret list', 'list-member@beta.example', contact.id],
  };
};
