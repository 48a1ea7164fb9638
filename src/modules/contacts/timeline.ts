import type { Kysely, Transaction } from 'kysely';
import { newId } from '../../db/ids.js';
import type { Actor } from '../../actor.js';
import type { DB } from '../../db/schema.js';

type Executor = Kysely<DB> | Transaction<DB>;

export type { Actor };

export interface TimelineEntry {
  contactId: string;
  /** Dotted, past tense: `contact.created`, `contact.updated`, `note.added`, `form.submitted`… */
  kind: string;
  data?: Record<string, unknown>;
  occurredAt?: Date;
}

/**
 * Adds entries to contacts' timelines, in the caller's transaction. The one way every module
 * writes a contact's history, so the timeline stays one ordered list.
 */
export async function recordTimeline(db: Executor, workspaceId: string, actor: Actor, entries: readonly TimelineEntry[]): Promise<void> {
  if (entries.length === 0) return;
  await db
    .insertInto('contact_events')
    .values(
      entries.map((entry) => ({
        workspace_id: workspaceId,
        id: newId(entry.occurredAt?.getTime()),
        contact_id: entry.contactId,
        kind: entry.kind,
        occurred_at: entry.occurredAt ?? new Date(),
        actor_type: actor.type,
        actor_id: actor.id,
        data: JSON.stringify(entry.data ?? {}),
      })),
    )
    .execute();
}

/** A contact's timeline, newest first, by keyset on (occurred_at, id). */
export function timelineOf(
  db: Executor,
  workspaceId: string,
  contactId: string,
  page: { before: { occurredAt: string; id: string } | null; limit: number },
) {
  let query = db
    .selectFrom('contact_events')
    .select(['id', 'kind', 'occurred_at', 'actor_type', 'actor_id', 'data'])
    .where('workspace_id', '=', workspaceId)
    .where('contact_id', '=', contactId)
    .orderBy('occurred_at', 'desc')
    .orderBy('id', 'desc')
    .limit(page.limit);
  if (page.before) {
    const { occurredAt, id } = page.before;
    query = query.where((eb) =>
      eb.or([eb('occurred_at', '<', new Date(occurredAt)), eb.and([eb('occurred_at', '=', new Date(occurredAt)), eb('id', '<', id)])]),
    );
  }
  return query.execute();
}
