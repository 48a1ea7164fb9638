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
  /** Entries of one kind may share one data object: it is then sent to the database once. */
  data?: Record<string, unknown>;
  occurredAt?: Date;
}

/**
 * Adds entries to contacts' timelines, in the caller's transaction. The one way every module
 * writes a contact's history, so the timeline stays one ordered list.
 */
export async function recordTimeline(db: Executor, workspaceId: string, actor: Actor, entries: readonly TimelineEntry[]): Promise<void> {
  if (entries.length === 0) return;
  const own: TimelineEntry[] = [];
  for (const group of groupBySharedData(entries)) {
    if (group.length === 1) own.push(group[0]!);
    else await recordSharedEntries(db, workspaceId, actor, group);
  }
  if (own.length === 0) return;
  // All entries travel as one JSON document, built by JSON.stringify in native code: bound as
  // arrays, the event data was JSON inside an array literal, escaped by us and unescaped by
  // PostgreSQL, which cost as much as inserting the events.
  const rows = own.map((e) => ({ id: newId(e.occurredAt?.getTime()), contact_id: e.contactId, kind: e.kind, occurred_at: e.occurredAt, data: e.data ?? {} }));
  await sql`
    insert into contact_events (workspace_id, id, contact_id, kind, occurred_at, actor_type, actor_id, data)
    select ${workspaceId}::uuid, e.id, e.contact_id, e.kind, coalesce(e.occurred_at, now()), ${actor.type}, ${actor.id}::text, e.data
      from json_to_recordset(${JSON.stringify(rows)}::json) as e(id uuid, contact_id uuid, kind text, occurred_at timestamptz, data jsonb)`.execute(db);
}

/** Entries of one kind that share one data object (an import's `contact.created`), together. */
function groupBySharedData(entries: readonly TimelineEntry[]): TimelineEntry[][] {
  const shared = new Map<Record<string, unknown>, TimelineEntry[]>();
  const alone: TimelineEntry[][] = [];
  for (const entry of entries) {
    const group = entry.data && shared.get(entry.data);
    if (group && group[0]!.kind === entry.kind) group.push(entry);
    else if (entry.data && !group) shared.set(entry.data, [entry]);
    else alone.push([entry]);
  }
  return [...shared.values(), ...alone];
}

/**
 * Entries sharing their data: the data is sent and turned into jsonb once, each entry is only
 * its ids. Parsing one JSON document per entry was most of the time a large import spent on
 * its timeline.
 */
async function recordSharedEntries(db: Executor, workspaceId: string, actor: Actor, entries: readonly TimelineEntry[]): Promise<void> {
  const { kind, data } = entries[0]!;
  await sql`
    insert into contact_events (workspace_id, id, contact_id, kind, occurred_at, actor_type, actor_id, data)
    select ${workspaceId}::uuid, e.id, e.contact_id, ${kind}, coalesce(e.occurred_at, now()), ${actor.type}, ${actor.id}::text, ${JSON.stringify(data)}::jsonb
      from unnest(${arrayLiteral(entries.map((e) => newId(e.occurredAt?.getTime())))}::uuid[], ${arrayLiteral(entries.map((e) => e.contactId))}::uuid[],
                  ${columnLiteral(entries.map((e) => e.occurredAt?.toISOString()))}::timestamptz[]) as e(id, contact_id, occurred_at)`.execute(db);
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
