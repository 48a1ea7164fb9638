// Deleted contacts wait in the trash for TRASH_DAYS, with their timeline, consents and the lists
// they were on, so a deletion by mistake (one contact, or a bulk action over a wrong filter) can
// be undone; then the purge job removes them for good. Erasure never passes through here: a
// person who asked to be forgotten is deleted at once (privacy.ts).
//
// A write that names a trashed contact's email or external id (an upsert, a batch, an import)
// restores that contact and then applies to it (batch.ts): the email still belongs to it, so a
// second contact is never created beside it, and the person's history comes back with them.
import { sql, type Kysely } from 'kysely';
import type { Actor } from '../../actor.js';
import type { Executor } from '../../db/database.js';
import { isId } from '../../db/ids.js';
import type { RecurringJob } from '../../db/jobs/recurring.js';
import { pastKeyset, timestampKey, type Keyset } from '../../db/keyset.js';
import type { Contact, Tables } from '../../db/schema.js';
import { notFound } from '../../errors.js';
import { publish } from '../../events/publish.js';
import { parkMemberships, restoreMemberships } from '../lists/service.js';
import { forgetTimelines, recordTimeline } from '../timeline/timeline.js';
import { publishDeletions } from './contact-changes.js';
import { forgetDuplicatePairs } from './duplicates/pairs.js';

export const TRASH_DAYS = 30;
const PURGE_BATCH = 500;

/**
 * Deletes contacts for good with their timelines and duplicate pairs, in the caller's
 * transaction (consents and list memberships go by foreign key; events have none, see
 * migration 0002). Publishes nothing: an erasure says so itself, and a purge from the trash
 * was published when the contacts were deleted. Returns the ids that went.
 */
export async function deleteContactRows(tx: Executor, workspaceId: string, ids: readonly string[]): Promise<string[]> {
  if (ids.length === 0) return [];
  await forgetTimelines(tx, workspaceId, ids);
  await forgetDuplicatePairs(tx, workspaceId, ids);
  const deleted = await tx.deleteFrom('contacts').where('workspace_id', '=', workspaceId).where('id', 'in', ids).returning('id').execute();
  return deleted.map((row) => row.id);
}

/**
 * Moves live contacts to the trash, in the caller's transaction: they leave their lists (kept
 * on the row for a restore) and their duplicate pairs, and get a `contact.deleted` timeline
 * entry and domain event. Returns how many went.
 */
export async function trashContacts(tx: Executor, workspaceId: string, ids: readonly string[], actor: Actor): Promise<number> {
  if (ids.length === 0) return 0;
  const live = await tx.selectFrom('contacts').select('id').where('workspace_id', '=', workspaceId).where('id', 'in', ids).where('deleted_at', 'is', null).forUpdate().execute();
  const trashed = live.map((row) => row.id);
  if (trashed.length === 0) return 0;
  const memberships = await parkMemberships(tx, workspaceId, trashed, actor);
  const listsOf = new Map<string, Array<{ list_id: string; added_at: string }>>();
  for (const { contact_id, list_id, added_at } of memberships) {
    if (!listsOf.has(contact_id)) listsOf.set(contact_id, []);
    listsOf.get(contact_id)!.push({ list_id, added_at });
  }
  await forgetDuplicatePairs(tx, workspaceId, trashed);
  await sql`
    update contacts c
       set deleted_at = now(), deleted_by_type = ${actor.type}, deleted_by_id = ${actor.id}::text, deleted_lists = t.lists
      from json_to_recordset(${JSON.stringify(trashed.map((id) => ({ id, lists: listsOf.get(id) ?? [] })))}::json) as t(id uuid, lists jsonb)
     where c.workspace_id = ${workspaceId} and c.id = t.id`.execute(tx);
  await recordTimeline(tx, workspaceId, actor, trashed.map((contactId) => ({ contactId, kind: 'contact.deleted', data: {} })));
  await publishDeletions(tx, workspaceId, actor, trashed);
  return trashed.length;
}

/**
 * Brings contacts back from the trash, in the caller's transaction: onto the lists they were on
 * (those that still exist), with a `contact.restored` timeline entry and domain event. Returns
 * the ids restored (those of these that were in the trash).
 */
export async function restoreContacts(tx: Executor, workspaceId: string, ids: readonly string[], actor: Actor): Promise<string[]> {
  if (ids.length === 0) return [];
  const restored = await tx
    .selectFrom('contacts')
    .select(['id', 'deleted_lists'])
    .where('workspace_id', '=', workspaceId)
    .where('id', 'in', ids)
    .where('deleted_at', 'is not', null)
    .forUpdate()
    .execute();
  if (restored.length === 0) return [];
  const restoredIds = restored.map((row) => row.id);
  await tx
    .updateTable('contacts')
    .set({ deleted_at: null, deleted_by_type: null, deleted_by_id: null, deleted_lists: null, updated_at: sql`now()` })
    .where('workspace_id', '=', workspaceId)
    .where('id', 'in', restoredIds)
    .execute();
  await recordTimeline(tx, workspaceId, actor, restoredIds.map((contactId) => ({ contactId, kind: 'contact.restored', data: {} })));
  await publish(tx, restoredIds.map((contactId) => ({ workspaceId, kind: 'contact.restored' as const, contactId, actor, payload: {} })));
  await restoreMemberships(tx, workspaceId, restored.flatMap((row) => (row.deleted_lists ?? []).map((m) => ({ ...m, contact_id: row.id }))), actor);
  return restoredIds;
}

/** Moves one live contact to the trash; 404 when there is none. */
export async function trashContact(db: Kysely<Tables>, workspaceId: string, id: string, actor: Actor): Promise<void> {
  if (!isId(id)) throw notFound('Contact');
  await db.transaction().execute(async (tx) => {
    if ((await trashContacts(tx, workspaceId, [id], actor)) === 0) throw notFound('Contact');
  });
}

/** Restores one contact from the trash; 404 when it is not there. */
export async function restoreContact(db: Kysely<Tables>, workspaceId: string, id: string, actor: Actor): Promise<Contact> {
  if (!isId(id)) throw notFound('Contact in the trash');
  return db.transaction().execute(async (tx) => {
    if ((await restoreContacts(tx, workspaceId, [id], actor)).length === 0) throw notFound('Contact in the trash');
    return tx.selectFrom('contacts').selectAll().where('workspace_id', '=', workspaceId).where('id', '=', id).executeTakeFirstOrThrow();
  });
}

/** Deletes one trashed contact for good, now rather than when its days are up; 404 when it is not in the trash. */
export async function purgeContact(db: Kysely<Tables>, workspaceId: string, id: string): Promise<void> {
  if (!isId(id)) throw notFound('Contact in the trash');
  await db.transaction().execute(async (tx) => {
    const trashed = await tx.selectFrom('contacts').select('id').where('workspace_id', '=', workspaceId).where('id', '=', id).where('deleted_at', 'is not', null).forUpdate().execute();
    if (trashed.length === 0) throw notFound('Contact in the trash');
    await deleteContactRows(tx, workspaceId, [id]);
  });
}

/** One page of the workspace's trash, most recently deleted first, by keyset on (deleted_at, id). */
export function trashPage(db: Executor, workspaceId: string, page: { limit: number; after: Keyset | null }) {
  let query = db
    .selectFrom('contacts')
    .selectAll()
    .select([timestampKey('deleted_at').as('sort_key'), sql<Date>`deleted_at + ${TRASH_DAYS} * interval '1 day'`.as('purge_at')])
    .where('workspace_id', '=', workspaceId)
    .where('deleted_at', 'is not', null);
  if (page.after) query = query.where(pastKeyset(sql.ref('deleted_at'), 'id', page.after, 'desc', 'timestamptz'));
  return query.orderBy('deleted_at', 'desc').orderBy('id', 'desc').limit(page.limit).execute();
}

/**
 * Deletes for good the contacts that have been in the trash for TRASH_DAYS, in every
 * workspace, a batch per transaction. Their deletion was published when they were trashed.
 * Returns how many went.
 */
export async function purgeExpiredTrash(db: Kysely<Tables>, now = new Date()): Promise<number> {
  let purged = 0;
  for (;;) {
    const batch = await db.transaction().execute(async (tx) => {
      const due = await tx
        .selectFrom('contacts')
        .select(['workspace_id', 'id'])
        .where('deleted_at', '<', sql<Date>`${now}::timestamptz - ${TRASH_DAYS} * interval '1 day'`)
        .limit(PURGE_BATCH)
        .forUpdate()
        .skipLocked()
        .execute();
      const byWorkspace = new Map<string, string[]>();
      for (const row of due) {
        if (!byWorkspace.has(row.workspace_id)) byWorkspace.set(row.workspace_id, []);
        byWorkspace.get(row.workspace_id)!.push(row.id);
      }
      for (const [workspaceId, ids] of byWorkspace) await deleteContactRows(tx, workspaceId, ids);
      return due.length;
    });
    purged += batch;
    if (batch < PURGE_BATCH) return purged;
  }
}

export const purgeTrashJob: RecurringJob = {
  kind: 'contacts.purge_trash',
  everyMs: 60 * 60_000,
  run: async (_job, { db }) => {
    await purgeExpiredTrash(db);
  },
};
