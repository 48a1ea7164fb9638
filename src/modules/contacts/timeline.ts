import { sql, type Kysely, type Transaction } from 'kysely';
import { arrayLiteral, columnLiteral } from '../../db/array-literal.js';
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
  // One array per column instead of one parameter per value: a batch of 1,000 entries binds
  // 5 parameters, not 8,000, which is most of the cost of writing a timeline in bulk.
  const ids = entries.map((entry) => newId(entry.occurredAt?.getTime()));
  await sql`
    insert into contact_events (workspace_id, id, contact_id, kind, occurred_at, actor_type, actor_id, data)
    select ${workspaceId}::uuid, e.id, e.contact_id, e.kind, coalesce(e.occurred_at, now()), ${actor.type}, ${actor.id}::text, e.data
      from unnest(${arrayLiteral(ids)}::uuid[], ${arrayLiteral(entries.map((e) => e.contactId))}::uuid[], ${arrayLiteral(entries.map((e) => e.kind))}::text[],
                  ${columnLiteral(entries.map((e) => e.occurredAt?.toISOString()))}::timestamptz[],
                  ${arrayLiteral(entries.map((e) => JSON.stringify(e.data ?? {})))}::jsonb[])
           as e(id, contact_id, kind, occurred_at, data)`.execute(db);
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
