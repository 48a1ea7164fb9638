import { randomUUID } from 'node:crypto';
import { publish } from '../../../src/events/publish.js';
import type { MakeIsolationFixture } from './fixture.js';

export const fixture: MakeIsolationFixture = async (server, b) => {
  const contactId = randomUUID();
  await server.database.db.transaction().execute((tx) =>
    publish(tx, { workspaceId: b.workspaceId, kind: 'contact.deleted', contactId, actor: { type: 'system', id: null }, payload: {} }),
  );
  const event = await server.database.db.selectFrom('domain_events').select(['id', 'kind']).where('contact_id', '=', contactId).executeTakeFirstOrThrow();
  await server.database.db
    .insertInto('event_dead_letters')
    .values({ workspace_id: b.workspaceId, subscriber: 'contacts.duplicates', event_id: event.id, kind: event.kind, contact_id: contactId, attempts: 8, error: 'beta-secret-failure' })
    .execute();
  const letter = { subscriber: 'contacts.duplicates', eventId: String(event.id) };
  return {
    params: {
      '/api/v1/event-subscribers/:subscriber/dead-letters/:eventId': letter,
      '/api/v1/event-subscribers/:subscriber/dead-letters/:eventId/retry': letter,
    },
    secrets: ['beta-secret-failure', contactId],
  };
};
