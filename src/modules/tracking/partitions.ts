// `tracking_events` is partitioned by month of `occurred_at` (migration 0025): old months go
// by dropping a table, not by deleting millions of rows. Partitions are made ahead of time;
// rows of a month without one land in the default partition and are moved out when it is made.
import { sql, type Kysely } from 'kysely';
import type { Executor } from '../../db/database.js';
import type { RecurringJob } from '../../db/jobs/recurring.js';
import type { Tables } from '../../db/schema.js';

/** The first instant (UTC) of the month `offset` months from `date`'s. */
export function monthStart(date: Date, offset = 0): Date {
  return new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth() + offset, 1));
}

export function partitionName(month: Date): string {
  return `tracking_events_${month.getUTCFullYear()}_${String(month.getUTCMonth() + 1).padStart(2, '0')}`;
}

const PARTITION = /^tracking_events_(\d{4})_(\d{2})$/;

/** The month a partition holds, from its name. */
export function partitionMonth(name: string): Date | null {
  const match = PARTITION.exec(name);
  return match ? new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, 1)) : null;
}

async function partitions(db: Executor): Promise<string[]> {
  const rows = await sql<{ name: string }>`
    select c.relname as name from pg_inherits i
      join pg_class c on c.oid = i.inhrelid
      join pg_class p on p.oid = i.inhparent
     where p.relname = 'tracking_events'`.execute(db);
  return rows.rows.map((r) => r.name);
}

/**
 * Makes the partitions of last month to `ahead` months from now that do not exist yet, one
 * transaction each under an advisory lock (several processes may start at once). A partition is
 * made detached, filled with the default partition's rows of its month, then attached: attaching
 * checks that the default keeps none of them.
 */
export async function ensurePartitions(db: Kysely<Tables>, now = new Date(), ahead = 2): Promise<string[]> {
  const made: string[] = [];
  const existing = new Set(await partitions(db));
  for (let offset = -1; offset <= ahead; offset++) {
    const from = monthStart(now, offset);
    const name = partitionName(from);
    if (existing.has(name)) continue;
    const to = monthStart(now, offset + 1);
    await db.transaction().execute(async (tx) => {
      await sql`select pg_advisory_xact_lock(hashtext('tracking_events partitions'))`.execute(tx);
      if ((await partitions(tx)).includes(name)) return;
      const range = sql`occurred_at >= ${from.toISOString()}::timestamptz and occurred_at < ${to.toISOString()}::timestamptz`;
      await sql`create table ${sql.id(name)} (like tracking_events including defaults including constraints)`.execute(tx);
      await sql`insert into ${sql.id(name)} select * from tracking_events_default where ${range}`.execute(tx);
      await sql`delete from tracking_events_default where ${range}`.execute(tx);
      await sql`alter table tracking_events attach partition ${sql.id(name)} for values from (${sql.lit(from.toISOString())}) to (${sql.lit(to.toISOString())})`.execute(tx);
      made.push(name);
    });
  }
  return made;
}

/** The default a workspace keeps events when its settings say nothing. */
export const DEFAULT_RETENTION_MONTHS = 25;
const DELETE_CHUNK = 5_000;

/**
 * Retention: whole months older than every workspace's retention are dropped; a workspace that
 * keeps less has its older rows deleted, in chunks so the embedded database is never held for
 * long. Sessions and anonymous visitors older than the retention go too; a contact's sources
 * (first touch, conversion) stay, being about the contact rather than the browsing.
 */
export async function applyRetention(db: Kysely<Tables>, now = new Date()): Promise<{ dropped: string[]; deleted: number }> {
  const settings = await db.selectFrom('tracking_settings').select(['workspace_id', 'retention_months']).execute();
  const longest = Math.max(DEFAULT_RETENTION_MONTHS, ...settings.map((s) => s.retention_months));
  const dropped: string[] = [];
  for (const name of await partitions(db)) {
    const month = partitionMonth(name);
    if (month && monthStart(month, 1) <= monthStart(now, -longest)) {
      await sql`drop table ${sql.id(name)}`.execute(db);
      dropped.push(name);
    }
  }
  let deleted = 0;
  for (const { workspace_id: workspaceId, retention_months: months } of settings) {
    const cutoff = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - months, now.getUTCDate()));
    for (;;) {
      const result = await sql`
        delete from tracking_events where (workspace_id, occurred_at, id) in (
          select workspace_id, occurred_at, id from tracking_events
           where workspace_id = ${workspaceId} and occurred_at < ${cutoff.toISOString()}::timestamptz limit ${DELETE_CHUNK})`.execute(db);
      const count = Number(result.numAffectedRows ?? 0);
      deleted += count;
      if (count < DELETE_CHUNK) break;
    }
    await db.deleteFrom('tracking_sessions').where('workspace_id', '=', workspaceId).where('last_seen_at', '<', cutoff).execute();
    await db.deleteFrom('tracking_visitors').where('workspace_id', '=', workspaceId).where('last_seen_at', '<', cutoff).where('contact_id', 'is', null).execute();
    await db.deleteFrom('tracking_drops_daily').where('workspace_id', '=', workspaceId).where('day', '<', cutoff.toISOString().slice(0, 10)).execute();
  }
  return { dropped, deleted };
}

export const trackingMaintenance: RecurringJob = {
  kind: 'tracking.maintenance',
  everyMs: 24 * 3600_000,
  run: async (_job, { db }) => {
    await ensurePartitions(db);
    await applyRetention(db);
  },
};
