import { upsertContact } from '../../../src/modules/contacts/service.js';
import { recordTimeline } from '../../../src/modules/timeline/timeline.js';
import type { MakeIsolationFixture } from './fixture.js';

// The timeline has no routes of its own (contacts serve /contacts/:id/timeline): its fixture is
// an entry of B's whose text must never reach A.
export const fixture: MakeIsolationFixture = async (server, b) => {
  const system = { type: 'system', id: null } as const;
  const { contact } = await upsertContact(server.database.db, b.workspaceId, { email: 'timeline@beta.example' }, { actor: system });
  await server.database.db.transaction().execute((tx) =>
    recordTimeline(tx, b.workspaceId, system, [{ contactId: contact.id, kind: 'note.added', data: { text: 'beta-secret-note' } }]),
  );
  return { params: {}, secrets: ['beta-secret-note', 'timeline@beta.example', contact.id] };
};
