import { sql } from 'kysely';
import type { Actor } from '../../actor.js';
import { arrayLiteral, columnLiteral } from '../../db/array-literal.js';
import type { Executor } from '../../db/database.js';
import { newId } from '../../db/ids.js';
import { pastKeyset, timestampKey, type Keyset } from '../../db/keyset.js';

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

/** A contact's timeline, newest first, by keyset on (occurred_at, id); `sort_key` keys the next page. */
export function timelineOf(db: Executor, workspaceId: string, contactId: string, page: { after: Keyset | null; limit: number }) {
  let query = db
    .selectFrom('contact_events')
    .select(['id', 'kind', 'occurred_at', 'actor_type', 'actor_id', 'data', timestampKey('occurred_at').as('sort_key')])
    .where('workspace_id', '=', workspaceId)
    .where('contact_id', '=', contactId);
  if (page.after) query = query.where(pastKeyset(sql.ref('occurred_at'), 'id', page.after, 'desc', 'timestamptz'));
  return query.orderBy('occurred_at', 'desc').orderBy('id', 'desc').limit(page.limit).execute();
}

const EXPORT_CHUNK = 1000;

/** A contact's whole timeline, oldest first, read in chunks (a subject access request). */
export async function wholeTimelineOf(db: Executor, workspaceId: string, contactId: string) {
  const entries: Awaited<ReturnType<typeof timelineOf>> = [];
  for (let after: Keyset | null = null; ; ) {
    const chunk = await timelineOf(db, workspaceId, contactId, { after, limit: EXPORT_CHUNK });
    entries.push(...chunk);
    if (chunk.length < EXPORT_CHUNK) break;
    const last = chunk[chunk.length - 1]!;
    after = { key: last.sort_key, id: last.id };
  }
  return entries.reverse().map(({ sort_key: _key, ...entry }) => entry);
}

/** Moves one contact's timeline to another (a merge). Returns how many entries moved. */
export async function moveTimeline(tx: Executor, workspaceId: string, fromContactId: string, toContactId: string): Promise<number> {
  const moved = await tx.updateTable('contact_events').set({ contact_id: toContactId }).where('workspace_id', '=', workspaceId).where('contact_id', '=', fromContactId).executeTakeFirst();
  return Number(moved.numUpdatedRows);
}

/**
 * Deletes contacts' timelines, in the transaction that deletes the contacts: the table has no
 * foreign key to contacts (migration 0002 says why).
 */
export async function forgetTimelines(tx: Executor, workspaceId: string, contactIds: readonly string[]): Promise<void> {
  if (contactIds.length === 0) return;
  await tx.deleteFrom('contact_events').where('workspace_id', '=', workspaceId).where('contact_id', 'in', contactIds).execute();
}

/** The texts of the notes these contacts have, so a writer can leave out one already there. */
export async function noteTextsOf(db: Executor, workspaceId: string, contactIds: readonly string[]): Promise<Array<{ contact_id: string; text: string }>> {
  if (contactIds.length === 0) return [];
  return db
    .selectFrom('contact_events')
    .select(['contact_id', sql<string>`data->>'text'`.as('text')])
    .where('workspace_id', '=', workspaceId)
    .where('contact_id', 'in', contactIds)
    .where('kind', '=', 'note.added')
    .execute();
}
