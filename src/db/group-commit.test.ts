import type { Kysely, Transaction } from 'kysely';
import { describe, expect, it } from 'vitest';
import { GroupCommit, type WriteBatch } from './group-commit.js';
import type { Tables } from './schema.js';

/** A database whose transactions take a little while (writes, then commit) and count how many run at once. */
function fakeDb(delayMs = 5, commitMs = 0) {
  const stats = { transactions: 0, concurrent: 0, maxConcurrent: 0, writing: 0, maxWriting: 0 };
  const db = {
    transaction: () => ({
      execute: async <T>(fn: (tx: Transaction<Tables>) => Promise<T>) => {
        stats.transactions++;
        stats.concurrent++;
        stats.maxConcurrent = Math.max(stats.maxConcurrent, stats.concurrent);
        try {
          stats.writing++;
          stats.maxWriting = Math.max(stats.maxWriting, stats.writing);
          await new Promise((r) => setTimeout(r, delayMs));
          const result = await fn({} as Transaction<Tables>).finally(() => stats.writing--);
          await new Promise((r) => setTimeout(r, commitMs));
          return result;
        } finally {
          stats.concurrent--;
        }
      },
    }),
  } as unknown as Kysely<Tables>;
  return { db, stats };
}

interface Item {
  n: number;
}
interface Outcome {
  id: string;
}
const item = (n: number): Item => ({ n });
const accept: WriteBatch<Item, Outcome> = async (_tx, items) => items.map((i) => ({ id: `id-${i.n}` }));

describe('GroupCommit', () => {
  it('groups concurrent submissions into few transactions, never more at once than maxFlights', async () => {
    const { db, stats } = fakeDb();
    const batcher = new GroupCommit(db, accept, { maxBatch: 50, maxFlights: 2, maxOpen: 2, maxQueue: 1000 });
    const outcomes = await Promise.all(Array.from({ length: 300 }, (_, n) => batcher.submit(item(n))));
    expect(outcomes.map((o) => o.id)).toEqual(Array.from({ length: 300 }, (_, n) => `id-${n}`));
    expect(stats.maxConcurrent).toBeLessThanOrEqual(2);
    expect(stats.transactions).toBeLessThanOrEqual(8);
  });

  it('lets the next batch write while the last one commits, never more open than maxOpen', async () => {
    const { db, stats } = fakeDb(5, 10);
    const batcher = new GroupCommit(db, accept, { maxBatch: 10, maxFlights: 1, maxOpen: 2, maxQueue: 1000 });
    const outcomes = await Promise.all(Array.from({ length: 100 }, (_, n) => batcher.submit(item(n))));
    expect(outcomes).toHaveLength(100);
    expect(stats.maxWriting).toBe(1);
    expect(stats.maxConcurrent).toBe(2);
  });

  it('starts another writing flight only while a full batch waits', async () => {
    const { db, stats } = fakeDb(5);
    const batcher = new GroupCommit(db, accept, { maxBatch: 100, maxFlights: 3, maxOpen: 4, maxQueue: 1000 });
    await Promise.all(Array.from({ length: 150 }, (_, n) => batcher.submit(item(n))));
    expect(stats.maxWriting).toBe(1);
    const small = new GroupCommit(db, accept, { maxBatch: 10, maxFlights: 3, maxOpen: 4, maxQueue: 1000 });
    await Promise.all(Array.from({ length: 150 }, (_, n) => small.submit(item(n))));
    expect(stats.maxWriting).toBe(3);
    // Or while `spreadAt` wait, when asked: big batches, and small ones side by side.
    const spread = fakeDb(5);
    const early = new GroupCommit(spread.db, accept, { maxBatch: 100, spreadAt: 10, maxFlights: 3, maxOpen: 4, maxQueue: 1000 });
    await Promise.all(Array.from({ length: 150 }, (_, n) => early.submit(item(n))));
    expect(spread.stats.maxWriting).toBeGreaterThan(1);
  });

  it('fails a poison item alone: the rest of its batch is written item by item', async () => {
    const { db } = fakeDb(1);
    const write: WriteBatch<Item, Outcome> = async (tx, items) => {
      if (items.some((i) => i.n === 3)) throw Object.assign(new Error('boom'), { code: 'XX000' });
      return accept(tx, items);
    };
    const batcher = new GroupCommit(db, write, { maxBatch: 10, maxFlights: 1, maxOpen: 1, maxQueue: 100 });
    const results = await Promise.allSettled(Array.from({ length: 6 }, (_, n) => batcher.submit(item(n))));
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'fulfilled', 'fulfilled', 'rejected', 'fulfilled', 'fulfilled']);
  });

  it('retries a batch that hit a concurrent duplicate, and turns a refused value into a 400', async () => {
    const { db } = fakeDb(1);
    let calls = 0;
    const flaky: WriteBatch<Item, Outcome> = async (tx, items) => {
      if (++calls === 1) throw Object.assign(new Error('duplicate'), { code: '23505' });
      return accept(tx, items);
    };
    expect(await new GroupCommit(db, flaky, { maxBatch: 10, maxFlights: 1, maxOpen: 1, maxQueue: 10 }).submit(item(1))).toEqual({ id: 'id-1' });
    const refused: WriteBatch<Item, Outcome> = async () => { throw Object.assign(new Error('too long'), { code: '22001' }); };
    await expect(new GroupCommit(db, refused, { maxBatch: 10, maxFlights: 1, maxOpen: 1, maxQueue: 10 }).submit(item(1))).rejects.toMatchObject({ kind: 'invalid_input' });
  });

  it('answers 503 when the queue is full, and drains before closing', async () => {
    const { db } = fakeDb(20);
    const batcher = new GroupCommit(db, accept, { maxBatch: 1, maxFlights: 1, maxOpen: 1, maxQueue: 2 });
    const taken = [batcher.submit(item(1)), batcher.submit(item(2))];
    await expect(batcher.submit(item(3))).rejects.toMatchObject({ kind: 'unavailable' });
    await batcher.drain();
    expect((await Promise.all(taken)).length).toBe(2);
    await expect(batcher.submit(item(4))).rejects.toMatchObject({ kind: 'unavailable' });
  });
});
