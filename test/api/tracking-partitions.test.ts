// Events by month: partitions made ahead, rows of a month without one kept in the default
// partition and moved out when it is made, and retention: whole months dropped past every
// workspace's retention, a workspace that keeps less losing its older rows alone.
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createWorkspace } from '../../src/modules/workspaces/service.js';
import { randomUuid } from '../../src/modules/capture/visitor-id.js';
import { applyRetention, ensurePartitions, monthStart, partitionName } from '../../src/modules/tracking/partitions.js';
import { updateTrackingSettings } from '../../src/modules/tracking/settings.js';
import { createTestDatabase, type TestDatabase } from '../helpers/database.js';

let database: TestDatabase;
let brief: string;
let keeper: string;
const now = new Date(Date.UTC(2027, 5, 15, 12));

const partitions = async () =>
  (await sql<{ name: string }>`select c.relname as name from pg_inherits i join pg_class c on c.oid = i.inhrelid join pg_class p on p.oid = i.inhparent where p.relname = 'tracking_events' order by 1`.execute(database.db)).rows.map((r) => r.name);

async function event(workspaceId: string, at: Date): Promise<void> {
  await database.db.insertInto('tracking_events').values({ workspace_id: workspaceId, id: randomUuid(), occurred_at: at, visitor_id: randomUuid(), session_id: randomUuid(), type: 'page_view', url: 'https://site.example/' }).execute();
}

const countIn = async (table: string, workspaceId: string) =>
  (await sql<{ n: number }>`select count(*)::int as n from ${sql.table(table)} where workspace_id = ${workspaceId}`.execute(database.db)).rows[0]!.n;

beforeAll(async () => {
  database = await createTestDatabase();
  brief = (await createWorkspace(database.db, { slug: 'brief', name: 'Keeps one month' }, null)).id;
  keeper = (await createWorkspace(database.db, { slug: 'keeper', name: 'Keeps the default' }, null)).id;
  await updateTrackingSettings(database.db, brief, { retention_months: 1 });
  await updateTrackingSettings(database.db, keeper, {});
});
afterAll(() => database.close());

describe('event partitions', () => {
  it('makes last month to two months ahead, once, however often asked', async () => {
    const made = await ensurePartitions(database.db, now);
    expect(made).toEqual([-1, 0, 1, 2].map((offset) => partitionName(monthStart(now, offset))));
    expect(await ensurePartitions(database.db, now)).toEqual([]);
    expect(await partitions()).toEqual(expect.arrayContaining(made));
  });

  it('moves the rows a month waited with in the default partition into the month’s own when it is made', async () => {
    const later = new Date(Date.UTC(2027, 11, 3));
    await event(keeper, later);
    expect(await countIn('tracking_events_default', keeper)).toBe(1);
    await ensurePartitions(database.db, later);
    expect(await countIn('tracking_events_default', keeper)).toBe(0);
    expect(await countIn(partitionName(monthStart(later)), keeper)).toBe(1);
  });

  it('drops months past every workspace’s retention, and deletes a shorter-keeping workspace’s older rows alone', async () => {
    const ancient = new Date(Date.UTC(2024, 10, 10));
    await ensurePartitions(database.db, ancient, 0);
    const ancientPartition = partitionName(monthStart(ancient));
    await event(keeper, ancient);
    const threeMonthsAgo = new Date(Date.UTC(2027, 2, 20));
    await ensurePartitions(database.db, threeMonthsAgo, 0);
    for (const workspace of [brief, keeper]) await event(workspace, threeMonthsAgo);
    await event(brief, new Date(now.getTime() - 86_400_000));
    const { dropped, deleted } = await applyRetention(database.db, now);
    // The month before it was made with it (last month is always made).
    expect([...dropped].sort()).toEqual([partitionName(monthStart(ancient, -1)), ancientPartition]);
    expect(await partitions()).not.toContain(ancientPartition);
    expect(deleted).toBe(1);
    // The brief workspace keeps its last month; the keeper keeps its three-month-old event.
    expect(await countIn('tracking_events', brief)).toBe(1);
    expect(await countIn(partitionName(monthStart(threeMonthsAgo)), keeper)).toBe(1);
  });
});
