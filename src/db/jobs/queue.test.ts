import { sql } from 'kysely';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createTestDatabase, databaseKind, type TestDatabase } from '../../../test/helpers/database.js';
import { openDatabase, type Database } from '../database.js';
import { claimJobs, completeJob, enqueue } from './queue.js';
import { Worker, type JobHandler } from './worker.js';

let database: TestDatabase;

beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(() => database.close());
beforeEach(async () => {
  await database.db.deleteFrom('jobs').execute();
});

function worker(handlers: Record<string, JobHandler>, concurrency = 4, db = database.db): Worker {
  return new Worker(db, new Map(Object.entries(handlers)), { concurrency, pollMs: 20, leaseMs: 30_000 });
}

async function statuses(): Promise<string[]> {
  const rows = await database.db.selectFrom('jobs').select('status').orderBy('id').execute();
  return rows.map((r) => r.status);
}

describe('jobs queue', () => {
  it('runs a job enqueued in a committed transaction, exactly once', async () => {
    const seen: unknown[] = [];
    await database.db.transaction().execute((tx) => enqueue(tx, 'test.record', { n: 1 }));
    const w = worker({ 'test.record': async (job) => void seen.push(job.payload) });
    expect(await w.runOnce()).toBe(1);
    expect(await w.runOnce()).toBe(0);
    expect(seen).toEqual([{ n: 1 }]);
    expect(await statuses()).toEqual(['done']);
  });

  it('never runs a job enqueued in a rolled-back transaction', async () => {
    const seen: unknown[] = [];
    await expect(
      database.db.transaction().execute(async (tx) => {
        await enqueue(tx, 'test.record', { n: 2 });
        throw new Error('the change failed');
      }),
    ).rejects.toThrow('the change failed');
    const w = worker({ 'test.record': async (job) => void seen.push(job.payload) });
    expect(await w.runOnce()).toBe(0);
    expect(seen).toEqual([]);
    expect(await statuses()).toEqual([]);
  });

  it('keeps one job per idempotency key', async () => {
    const first = await enqueue(database.db, 'test.record', { n: 1 }, { idempotencyKey: 'send:42' });
    const second = await enqueue(database.db, 'test.record', { n: 2 }, { idempotencyKey: 'send:42' });
    expect(first).toBeTypeOf('number');
    expect(second).toBeNull();
    const rows = await database.db.selectFrom('jobs').select(['payload']).execute();
    expect(rows).toEqual([{ payload: { n: 1 } }]);
  });

  it('waits for run_at before running a delayed job', async () => {
    const seen: number[] = [];
    await enqueue(database.db, 'test.record', { n: 3 }, { runAt: new Date(Date.now() + 60_000) });
    const w = worker({ 'test.record': async () => void seen.push(3) });
    expect(await w.runOnce()).toBe(0);
    await sql`update jobs set run_at = now()`.execute(database.db);
    expect(await w.runOnce()).toBe(1);
    expect(seen).toEqual([3]);
  });

  it('retries a failing job with growing delays, then marks it dead', async () => {
    await enqueue(database.db, 'test.flaky', {}, { maxAttempts: 3 });
    const w = worker({ 'test.flaky': async () => Promise.reject(new Error('SMTP said no')) });
    const delays: number[] = [];
    for (let attempt = 1; attempt <= 3; attempt++) {
      expect(await w.runOnce()).toBe(1);
      const job = await sql<{ status: string; attempts: number; last_error: string; delay: number }>`
        select status, attempts, last_error, extract(epoch from run_at - now()) * 1000 as delay from jobs`
        .execute(database.db)
        .then((r) => r.rows[0]!);
      expect(job.attempts).toBe(attempt);
      expect(job.last_error).toBe('SMTP said no');
      if (attempt < 3) {
        expect(job.status).toBe('queued');
        delays.push(Number(job.delay));
        await sql`update jobs set run_at = now()`.execute(database.db);
      } else {
        expect(job.status).toBe('dead');
      }
    }
    expect(delays[0]).toBeGreaterThan(2_000);
    expect(delays[1]).toBeGreaterThan(delays[0]! * 0.9);
    expect(await w.runOnce()).toBe(0);
  });

  it('lets another worker take a job whose worker died mid-run (lease expiry)', async () => {
    await enqueue(database.db, 'test.record', { n: 4 });
    const [taken] = await claimJobs(database.db, 'worker-that-dies', 1, 50);
    expect(taken?.attempts).toBe(1);
    const seen: number[] = [];
    const survivor = worker({ 'test.record': async () => void seen.push(4) });
    expect(await survivor.runOnce()).toBe(0);
    await new Promise((resolve) => setTimeout(resolve, 80));
    expect(await survivor.runOnce()).toBe(1);
    expect(seen).toEqual([4]);
    // The dead worker coming back must not overwrite the survivor's result.
    expect(await completeJob(database.db, taken!, 'worker-that-dies')).toBe(false);
    const row = await database.db.selectFrom('jobs').select(['status', 'attempts', 'locked_by']).executeTakeFirstOrThrow();
    expect(row.status).toBe('done');
    expect(row.attempts).toBe(2);
    expect(row.locked_by).toBe(survivor.id);
  });

  it(`never gives one job to two workers running side by side (${databaseKind})`, async () => {
    const total = 300;
    await database.db
      .insertInto('jobs')
      .values(Array.from({ length: total }, (_, n) => ({ kind: 'test.count', payload: JSON.stringify({ n }) })))
      .execute();
    // On PostgreSQL each worker gets its own connection pool, as two processes would.
    const second: Database = databaseKind === 'postgres' ? await openDatabase(database.target) : database;
    const runs = new Map<number, string[]>();
    const handler =
      (name: string): JobHandler =>
      async (job) => {
        const n = (job.payload as { n: number }).n;
        runs.set(n, [...(runs.get(n) ?? []), name]);
        await new Promise((resolve) => setTimeout(resolve, Math.random() * 3));
      };
    const a = worker({ 'test.count': handler('a') }, 8);
    const b = worker({ 'test.count': handler('b') }, 8, second.db);
    a.start();
    b.start();
    const deadline = Date.now() + 20_000;
    while (Date.now() < deadline) {
      const left = await database.db
        .selectFrom('jobs')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('status', '!=', 'done')
        .executeTakeFirstOrThrow();
      if (Number(left.n) === 0) break;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    await Promise.all([a.stop(), b.stop()]);
    if (second !== database) await second.close();
    expect(runs.size).toBe(total);
    expect([...runs.values()].every((names) => names.length === 1)).toBe(true);
    const byWorker = [...runs.values()].flat();
    expect(byWorker.filter((w) => w === 'a').length).toBeGreaterThan(0);
    expect(byWorker.filter((w) => w === 'b').length).toBeGreaterThan(0);
  });

  it('finishes running jobs before stop() returns', async () => {
    let finished = false;
    await enqueue(database.db, 'test.slow', {});
    const w = worker({
      'test.slow': async () => {
        await new Promise((resolve) => setTimeout(resolve, 200));
        finished = true;
      },
    });
    w.start();
    while ((await statuses())[0] !== 'running') await new Promise((resolve) => setTimeout(resolve, 10));
    await w.stop();
    expect(finished).toBe(true);
    expect(await statuses()).toEqual(['done']);
  });
});
