import { sql, type Kysely, type Transaction } from 'kysely';
import type { Actor } from '../../actor.js';
import { isId, newId } from '../../db/ids.js';
import type { Tables } from '../../db/schema.js';
import { conflict, invalid, notFound } from '../../errors.js';
import { publish } from '../../events/publish.js';
import type { ProvidedServices } from '../module.js';
import { pastKeyset, type Keyset } from '../../db/keyset.js';
import { likePrefix } from '../../db/like.js';
import { recordTimeline } from '../timeline/timeline.js';
import type { ContactListView, ListCreateInput, ListPatchInput, ListView } from './schema.js';
import type { Executor } from '../../db/database.js';

const COLUMNS = ['id', 'name', 'description', 'created_at', 'updated_at'] as const;

type ListRow = Omit<ListView, 'member_count'>;

/** Members of each list of a page: one grouped query (an index-only scan of list_members). */
async function withMemberCounts(db: Executor, workspaceId: string, rows: readonly ListRow[]): Promise<ListView[]> {
  if (rows.length === 0) return [];
  const counts = await db
    .selectFrom('list_members')
    .select(['list_id', (eb) => eb.fn.countAll<number>().as('count')])
    .where('workspace_id', '=', workspaceId)
    .where('list_id', 'in', rows.map((row) => row.id))
    .groupBy('list_id')
    .execute();
  const countOf = new Map(counts.map((row) => [row.list_id, Number(row.count)]));
  return rows.map((row) => ({ ...row, member_count: countOf.get(row.id) ?? 0 }));
}

function cleanName(name: string): string {
  const clean = name.normalize('NFC').trim();
  if (clean === '') throw invalid('The list needs a name', [{ field: 'name', message: 'must not be empty' }]);
  return clean;
}

/** Runs a write whose only unique constraint is the name, turning a collision into a 409. */
async function uniqueName<T>(write: () => Promise<T>): Promise<T> {
  try {
    return await write();
  } catch (err) {
    if ((err as { code?: string }).code === '23505') throw conflict('Another list of this workspace has this name', [{ field: 'name', message: 'is already used by another list' }]);
    throw err;
  }
}

/** One page of the workspace's lists by name, by keyset on (lower(name), id). */
export async function listLists(db: Executor, workspaceId: string, filters: { q?: string }, page: { limit: number; after: Keyset | null }): Promise<ListView[]> {
  let query = db.selectFrom('lists').select(COLUMNS).where('workspace_id', '=', workspaceId);
  if (filters.q) query = query.where(sql`lower(name)`, 'like', likePrefix(filters.q.trim()));
  if (page.after) query = query.where(pastKeyset(sql`lower(name)`, 'id', page.after, 'asc', 'text'));
  const rows = await query.orderBy(sql`lower(name)`).orderBy('id').limit(page.limit).execute();
  return withMemberCounts(db, workspaceId, rows);
}

/** One list without its count: for callers that only need it to exist. */
export async function listById(db: Executor, workspaceId: string, id: string, lock = false): Promise<ListRow> {
  if (!isId(id)) throw notFound('List');
  let query = db.selectFrom('lists').select(COLUMNS).where('workspace_id', '=', workspaceId).where('id', '=', id);
  // Membership changes keep the list from being deleted under them.
  if (lock) query = query.forKeyShare();
  const row = await query.executeTakeFirst();
  if (!row) throw notFound('List');
  return row;
}

export async function getList(db: Executor, workspaceId: string, id: string): Promise<ListView> {
  return (await withMemberCounts(db, workspaceId, [await listById(db, workspaceId, id)]))[0]!;
}

export async function createList(db: Executor, workspaceId: string, input: ListCreateInput): Promise<ListView> {
  const row = await uniqueName(() =>
    db
      .insertInto('lists')
      .values({ workspace_id: workspaceId, id: newId(), name: cleanName(input.name), description: input.description?.trim() ?? '' })
      .returning(COLUMNS)
      .executeTakeFirstOrThrow(),
  );
  return { ...row, member_count: 0 };
}

export async function patchList(db: Executor, workspaceId: string, id: string, input: ListPatchInput): Promise<ListView> {
  if (!isId(id)) throw notFound('List');
  const set: { name?: string; description?: string } = {};
  if (input.name !== undefined) set.name = cleanName(input.name);
  if (input.description !== undefined) set.description = input.description.trim();
  if (Object.keys(set).length === 0) return getList(db, workspaceId, id);
  const row = await uniqueName(() =>
    db.updateTable('lists').set({ ...set, updated_at: sql`now()` }).where('workspace_id', '=', workspaceId).where('id', '=', id).returning(COLUMNS).executeTakeFirst(),
  );
  if (!row) throw notFound('List');
  return (await withMemberCounts(db, workspaceId, [row]))[0]!;
}

/** Deletes the list and its memberships; the contacts stay. */
export async function deleteList(db: Executor, workspaceId: string, id: string): Promise<void> {
  if (!isId(id)) throw notFound('List');
  const result = await db.deleteFrom('lists').where('workspace_id', '=', workspaceId).where('id', '=', id).executeTakeFirst();
  if (result.numDeletedRows === 0n) throw notFound('List');
}

/** One event per contact that joined or left, sharing one payload: written set-based. */
function publishMembershipChanges(tx: Executor, workspaceId: string, kind: 'list.joined' | 'list.left', listId: string, contactIds: readonly string[], actor: Actor) {
  const payload = { list_id: listId };
  return publish(tx, contactIds.map((contactId) => ({ workspaceId, kind, contactId, actor, payload })));
}

export interface MembersAddedResult {
  added: number;
  already_members: number;
  not_found: string[];
}

/**
 * Adds contacts to a list, each id on its own: ids that are not contacts of this workspace
 * (another workspace's included) are reported and skipped, the rest join. Each contact that
 * joins gets a `list.added` timeline entry, in the same transaction.
 */
export async function addToList(db: Kysely<Tables>, workspaceId: string, listId: string, contactIds: readonly string[], actor: Actor, existingContactIds: ExistingContactIds): Promise<MembersAddedResult> {
  return db.transaction().execute((tx) => addToListIn(tx, workspaceId, listId, contactIds, actor, existingContactIds));
}

/** Which of these ids are contacts of the workspace: the contacts module's answer, locking them against deletion. */
export type ExistingContactIds = ProvidedServices['existingContactIds'];

/** The same, in the caller's transaction (a bulk action's chunk, with its checkpoint). */
export async function addToListIn(tx: Transaction<Tables>, workspaceId: string, listId: string, contactIds: readonly string[], actor: Actor, existingContactIds: ExistingContactIds): Promise<MembersAddedResult> {
  const list = await listById(tx, workspaceId, listId, true);
  const requested = [...new Set(contactIds)];
  const existing = await existingContactIds(tx, workspaceId, requested);
  const found = requested.filter((id) => existing.has(id));
  const joined = found.length === 0 ? [] : await tx
    .insertInto('list_members')
    .values(found.map((contactId) => ({ workspace_id: workspaceId, list_id: list.id, contact_id: contactId })))
    .onConflict((oc) => oc.columns(['workspace_id', 'list_id', 'contact_id']).doNothing())
    .returning('contact_id')
    .execute();
  await recordTimeline(tx, workspaceId, actor, joined.map((row) => ({ contactId: row.contact_id, kind: 'list.added', data: { list_id: list.id, list_name: list.name } })));
  await publishMembershipChanges(tx, workspaceId, 'list.joined', list.id, joined.map((row) => row.contact_id), actor);
  return { added: joined.length, already_members: found.length - joined.length, not_found: requested.filter((id) => !existing.has(id)) };
}

/**
 * Adds contacts to several lists at once in the caller's transaction (a batch of form
 * submissions): lists deleted since the caller named them are skipped, each list that exists
 * is locked against deletion, one insert, `list.added` entries and `list.joined` events for the
 * memberships that are new. The caller vouches that the contacts are the workspace's.
 * Returns the ids of the lists each contact joined or was already on.
 */
export async function addToListsIn(tx: Executor, workspaceId: string, additions: ReadonlyArray<{ listId: string; contactIds: readonly string[] }>, actor: Actor): Promise<Map<string, { id: string; name: string }>> {
  const listIds = [...new Set(additions.map((a) => a.listId).filter(isId))];
  if (listIds.length === 0) return new Map();
  const lists = await tx.selectFrom('lists').select(['id', 'name']).where('workspace_id', '=', workspaceId).where('id', 'in', listIds).orderBy('id').forKeyShare().execute();
  const byId = new Map(lists.map((list) => [list.id, list]));
  const pairs = new Map<string, { list_id: string; contact_id: string }>();
  for (const { listId, contactIds } of additions) {
    if (!byId.has(listId)) continue;
    for (const contactId of contactIds) pairs.set(`${listId}|${contactId}`, { list_id: listId, contact_id: contactId });
  }
  if (pairs.size === 0) return byId;
  const joined = await tx
    .insertInto('list_members')
    .values([...pairs.values()].map((pair) => ({ workspace_id: workspaceId, ...pair })))
    .onConflict((oc) => oc.columns(['workspace_id', 'list_id', 'contact_id']).doNothing())
    .returning(['list_id', 'contact_id'])
    .execute();
  await recordTimeline(tx, workspaceId, actor, joined.map((row) => ({ contactId: row.contact_id, kind: 'list.added', data: { list_id: row.list_id, list_name: byId.get(row.list_id)!.name } })));
  await publish(tx, joined.map((row) => ({ workspaceId, kind: 'list.joined' as const, contactId: row.contact_id, actor, payload: { list_id: row.list_id } })));
  return byId;
}

/** The list of this name (any case), created when there is none: a template's own list (a form's "Newsletter"). */
export async function ensureList(db: Executor, workspaceId: string, name: string, description = ''): Promise<ListRow> {
  const existing = await db.selectFrom('lists').select(COLUMNS).where('workspace_id', '=', workspaceId).where(sql`lower(name)`, '=', name.toLowerCase()).executeTakeFirst();
  if (existing) return existing;
  return db
    .insertInto('lists')
    .values({ workspace_id: workspaceId, id: newId(), name, description })
    .onConflict((oc) => oc.doNothing())
    .returning(COLUMNS)
    .executeTakeFirst()
    .then(async (row) => row ?? (await db.selectFrom('lists').select(COLUMNS).where('workspace_id', '=', workspaceId).where(sql`lower(name)`, '=', name.toLowerCase()).executeTakeFirstOrThrow()));
}

/** Which of these ids are lists of the workspace. */
export async function listsAmong(db: Executor, workspaceId: string, ids: readonly string[]): Promise<Set<string>> {
  const candidates = [...new Set(ids.filter(isId))];
  if (candidates.length === 0) return new Set();
  const rows = await db.selectFrom('lists').select('id').where('workspace_id', '=', workspaceId).where('id', 'in', candidates).execute();
  return new Set(rows.map((row) => row.id));
}

/** Takes contacts off a list; each one that was on it gets a `list.removed` timeline entry. */
export async function removeFromList(db: Kysely<Tables>, workspaceId: string, listId: string, contactIds: readonly string[], actor: Actor): Promise<{ removed: number; not_members: string[] }> {
  return db.transaction().execute(async (tx) => {
    const list = await listById(tx, workspaceId, listId, true);
    const requested = [...new Set(contactIds)];
    const candidates = requested.filter(isId);
    const left = candidates.length === 0 ? [] : await tx
      .deleteFrom('list_members')
      .where('workspace_id', '=', workspaceId)
      .where('list_id', '=', list.id)
      .where('contact_id', 'in', candidates)
      .returning('contact_id')
      .execute();
    await recordTimeline(tx, workspaceId, actor, left.map((row) => ({ contactId: row.contact_id, kind: 'list.removed', data: { list_id: list.id, list_name: list.name } })));
    await publishMembershipChanges(tx, workspaceId, 'list.left', list.id, left.map((row) => row.contact_id), actor);
    const removed = new Set(left.map((row) => row.contact_id));
    return { removed: removed.size, not_members: requested.filter((id) => !removed.has(id)) };
  });
}

/** The lists a contact is on, by name (the caller knows the contact is the workspace's). */
export async function listsOfContact(db: Executor, workspaceId: string, contactId: string): Promise<ContactListView[]> {
  return db
    .selectFrom('list_members')
    .innerJoin('lists', (join) => join.onRef('lists.workspace_id', '=', 'list_members.workspace_id').onRef('lists.id', '=', 'list_members.list_id'))
    .select(['lists.id', 'lists.name', 'lists.description', 'list_members.added_at'])
    .where('list_members.workspace_id', '=', workspaceId)
    .where('list_members.contact_id', '=', contactId)
    .orderBy(sql`lower(lists.name)`)
    .execute();
}

/**
 * Moves one contact's memberships to another (merging two people); on lists both were on the
 * survivor's membership stays. The survivor's new lists are published as `list.joined`.
 * Returns how many lists the survivor joined. In the caller's transaction.
 */
export async function moveListMemberships(tx: Executor, workspaceId: string, fromContactId: string, toContactId: string, actor: Actor): Promise<number> {
  await tx
    .deleteFrom('list_members')
    .where('workspace_id', '=', workspaceId)
    .where('contact_id', '=', fromContactId)
    .where('list_id', 'in', (eb) => eb.selectFrom('list_members').select('list_id').where('workspace_id', '=', workspaceId).where('contact_id', '=', toContactId))
    .execute();
  const moved = await tx
    .updateTable('list_members')
    .set({ contact_id: toContactId })
    .where('workspace_id', '=', workspaceId)
    .where('contact_id', '=', fromContactId)
    .returning('list_id')
    .execute();
  await publish(tx, moved.map((row) => ({ workspaceId, kind: 'list.joined' as const, contactId: toContactId, actor, payload: { list_id: row.list_id } })));
  return moved.length;
}

/** The contact ids on a list, as a subquery for the contacts module's `?list=` filter (served by the membership key). */
export function memberIdsOfList(db: Executor, workspaceId: string, listId: string) {
  return db.selectFrom('list_members').select('list_members.contact_id').where('list_members.workspace_id', '=', workspaceId).where('list_members.list_id', '=', listId);
}

/** A contact's place on a list, as kept while the contact is in the trash. */
export interface ParkedMembership {
  contact_id: string;
  list_id: string;
  added_at: string;
}

/**
 * Takes contacts off every list as they go to the trash, so lists count and show live
 * contacts only; returns the memberships for the restore. Published as `list.left`. In the
 * caller's transaction.
 */
export async function parkMemberships(tx: Executor, workspaceId: string, contactIds: readonly string[], actor: Actor): Promise<ParkedMembership[]> {
  if (contactIds.length === 0) return [];
  const left = await tx
    .deleteFrom('list_members')
    .where('workspace_id', '=', workspaceId)
    .where('contact_id', 'in', contactIds)
    .returning(['contact_id', 'list_id', sql<string>`added_at::text`.as('added_at')])
    .execute();
  await publish(tx, left.map((row) => ({ workspaceId, kind: 'list.left' as const, contactId: row.contact_id, actor, payload: { list_id: row.list_id } })));
  return left;
}

/**
 * Puts restored contacts back on the lists they were on, as of when they first joined; lists
 * deleted meanwhile are skipped. Published as `list.joined`. In the caller's transaction.
 */
export async function restoreMemberships(tx: Executor, workspaceId: string, memberships: readonly ParkedMembership[], actor: Actor): Promise<void> {
  if (memberships.length === 0) return;
  const { rows } = await sql<{ contact_id: string; list_id: string }>`
    insert into list_members (workspace_id, list_id, contact_id, added_at)
    select ${workspaceId}::uuid, m.list_id, m.contact_id, m.added_at
      from json_to_recordset(${JSON.stringify(memberships)}::json) as m(list_id uuid, contact_id uuid, added_at timestamptz)
     where exists (select 1 from lists l where l.workspace_id = ${workspaceId} and l.id = m.list_id)
    on conflict do nothing
    returning list_id, contact_id`.execute(tx);
  await publish(tx, rows.map((row) => ({ workspaceId, kind: 'list.joined' as const, contactId: row.contact_id, actor, payload: { list_id: row.list_id } })));
}
