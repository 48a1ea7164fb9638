import { sql, type Kysely, type Transaction } from 'kysely';
import type { Actor } from '../../../actor.js';
import { isId } from '../../../db/ids.js';
import { enqueue, hasLiveJob } from '../../../db/jobs/queue.js';
import type { Tables } from '../../../db/schema.js';
import type { Executor } from '../../../db/database.js';

export type DuplicateReason = 'same_name_and_company' | 'same_phone';

export interface DuplicatePair {
  /** The older contact of the pair (ids are time-ordered). */
  a_id: string;
  b_id: string;
  reasons: DuplicateReason[];
}

/** Digits a phone number needs before two equal ones say "same person": shorter ones are extensions or junk. */
export const MIN_PHONE_DIGITS = 8;
/**
 * A name at a company, or a phone number, shared by more contacts than this is a pattern of
 * the data (a switchboard number, test records), not one person: its contacts are not paired.
 * It also keeps the pairs of one key (n² / 2) bounded.
 */
export const MAX_SHARED_BY = 25;

export const FIND_DUPLICATES_JOB = 'contacts.find_duplicates';

/**
 * Finds the workspace's likely duplicates and stores them: pairs of contacts with the same
 * first and last name (case-insensitive) at the same company (the same linked company, or the
 * same company name), or the same phone number compared on its digits (at least 8). Each rule
 * groups contacts by one key, so the scan is linear in the workspace's contacts. Pairs no
 * longer found are dropped, unless marked "not a duplicate": those marks stay.
 */
export async function scanDuplicates(db: Kysely<Tables>, workspaceId: string): Promise<number> {
  return db.transaction().execute(async (tx) => {
    await lockScans(tx, workspaceId);
    await sql`
      create temporary table found_duplicates on commit drop as
      with people as (
        select id, lower(first_name) || ' ' || lower(last_name) as name_key, company_id::text as company_id,
               lower(company_name) as company_name, regexp_replace(phone, '[^0-9]', '', 'g') as phone_digits
          from contacts
         where workspace_id = ${workspaceId} and deleted_at is null
      ), keyed as (
        select id, 'same_name_and_company' as reason, name_key || '|' || company_id as key from people where company_id is not null
        union all
        select id, 'same_name_and_company', name_key || '|' || company_name from people where company_name is not null
        union all
        select id, 'same_phone', phone_digits from people where length(phone_digits) >= ${MIN_PHONE_DIGITS}
      ), groups as (
        select reason, array_agg(distinct id) as ids
          from keyed
         where key is not null
         group by reason, key
        having count(distinct id) between 2 and ${MAX_SHARED_BY}
      )
      select a.id as a_id, b.id as b_id, array_agg(distinct g.reason order by g.reason) as reasons
        from groups g
        cross join lateral unnest(g.ids) as a(id)
        cross join lateral unnest(g.ids) as b(id)
       where a.id < b.id
       group by a.id, b.id`.execute(tx);
    await sql`
      delete from contact_duplicates d
       where d.workspace_id = ${workspaceId} and d.dismissed_at is null
         and not exists (select 1 from found_duplicates f where f.a_id = d.a_id and f.b_id = d.b_id)`.execute(tx);
    // A contact deleted while the scan ran (its pairs already forgotten) gets none back.
    await sql`
      insert into contact_duplicates (workspace_id, a_id, b_id, reasons)
      select ${workspaceId}, f.a_id, f.b_id, f.reasons from found_duplicates f
       where exists (select 1 from contacts c where c.workspace_id = ${workspaceId} and c.id = f.a_id and c.deleted_at is null)
         and exists (select 1 from contacts c where c.workspace_id = ${workspaceId} and c.id = f.b_id and c.deleted_at is null)
      on conflict (workspace_id, a_id, b_id) do update set reasons = excluded.reasons`.execute(tx);
    const { rows } = await sql<{ count: string }>`select count(*) as count from found_duplicates`.execute(tx);
    // The newest change the scan saw, kept to the microsecond by PostgreSQL (a JavaScript Date
    // would round it down, and every workspace would look changed since).
    await sql`
      insert into duplicate_scans (workspace_id, scanned_at, contacts_changed_at)
      values (${workspaceId}, now(), (select max(updated_at) from contacts where workspace_id = ${workspaceId}))
      on conflict (workspace_id) do update set scanned_at = excluded.scanned_at, contacts_changed_at = excluded.contacts_changed_at`.execute(tx);
    return Number(rows[0]!.count);
  });
}

/** The pairs not marked "not a duplicate", by keyset on (older id, newer id). */
export function duplicatePairs(db: Executor, workspaceId: string, page: { limit: number; after: { a: string; b: string } | null }): Promise<DuplicatePair[]> {
  let query = db
    .selectFrom('contact_duplicates')
    .select(['a_id', 'b_id', sql<DuplicateReason[]>`reasons`.as('reasons')])
    .where('workspace_id', '=', workspaceId)
    .where('dismissed_at', 'is', null);
  if (page.after) query = query.where(sql<boolean>`(a_id, b_id) > (${page.after.a}::uuid, ${page.after.b}::uuid)`);
  return query.orderBy('a_id').orderBy('b_id').limit(page.limit).execute();
}

/** Marks a pair "not a duplicate". False when no such pair was found. */
export async function dismissDuplicate(db: Executor, workspaceId: string, ids: [string, string], actor: Actor): Promise<boolean> {
  if (!ids.every(isId)) return false;
  const [first, second] = ids.map((id) => id.toLowerCase()) as [string, string];
  const [a, b] = first < second ? [first, second] : [second, first];
  const result = await db
    .updateTable('contact_duplicates')
    .set({ dismissed_at: sql<Date>`now()`, dismissed_by_type: actor.type, dismissed_by_id: actor.id })
    .where('workspace_id', '=', workspaceId)
    .where('a_id', '=', a)
    .where('b_id', '=', b)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

/** Contacts that go (deleted, erased, merged away) take their pairs with them. */
export async function forgetDuplicatePairs(tx: Executor, workspaceId: string, contactIds: readonly string[]): Promise<void> {
  if (contactIds.length === 0) return;
  await tx
    .deleteFrom('contact_duplicates')
    .where('workspace_id', '=', workspaceId)
    .where((eb) => eb.or([eb('a_id', 'in', contactIds), eb('b_id', 'in', contactIds)]))
    .execute();
}

export interface ScanState {
  /** When the pairs were last looked for; null: never. */
  scanned_at: Date | null;
  /** A scan is waiting or running. */
  scanning: boolean;
  /** Contacts changed since the last scan: pairs may be missing or gone. */
  outdated: boolean;
}

export async function duplicateScanState(db: Executor, workspaceId: string): Promise<ScanState> {
  const { rows } = await sql<{ scanned_at: Date | null; outdated: boolean }>`
    select s.scanned_at,
           exists (select 1 from contacts c
                    where c.workspace_id = ${workspaceId} and (s.contacts_changed_at is null or c.updated_at > s.contacts_changed_at)) as outdated
      from (select 1) as one
      left join duplicate_scans s on s.workspace_id = ${workspaceId}`.execute(db);
  return { scanned_at: rows[0]?.scanned_at ?? null, scanning: await pendingScan(db, workspaceId), outdated: rows[0]?.outdated ?? false };
}

/** Scans of one workspace, and requests for one, take turns: two at once could deadlock or queue twice. */
async function lockScans(tx: Transaction<Tables>, workspaceId: string): Promise<void> {
  await sql`select pg_advisory_xact_lock(hashtext(${`duplicates:${workspaceId}`}))`.execute(tx);
}

function pendingScan(db: Executor, workspaceId: string): Promise<boolean> {
  return hasLiveJob(db, workspaceId, FIND_DUPLICATES_JOB);
}

/** Queues a scan of the workspace, unless one is waiting or running already. */
export async function requestDuplicateScan(db: Kysely<Tables>, workspaceId: string): Promise<void> {
  await db.transaction().execute((tx) => scheduleDuplicateScan(tx, workspaceId, 0));
}

/**
 * The same, in the caller's transaction, to run after `delayMs`: a burst of changes (an
 * import, a bulk edit) asks for one scan, not one per change.
 */
export async function scheduleDuplicateScan(tx: Transaction<Tables>, workspaceId: string, delayMs: number): Promise<void> {
  await lockScans(tx, workspaceId);
  if (await pendingScan(tx, workspaceId)) return;
  await enqueue(tx, FIND_DUPLICATES_JOB, { workspace_id: workspaceId }, { workspaceId, maxAttempts: 3, runAt: new Date(Date.now() + delayMs) });
}
