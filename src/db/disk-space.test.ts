import os from 'node:os';
import { PGlite } from '@electric-sql/pglite';
import { Kysely, sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppError } from '../errors.js';
import { isStorageFull, watchDiskSpace, type DiskSpace } from './disk-space.js';
import { PGliteDialect } from './pglite-dialect.js';

describe('watchDiskSpace', () => {
  it('reads the free space of the directory’s file system at most once a second', () => {
    let now = 0;
    const disk = watchDiskSpace(os.tmpdir(), 0, () => now);
    const first = disk.freeBytes();
    expect(first).toBeGreaterThan(0);
    expect(disk.low()).toBe(false);
    now = 999;
    expect(disk.freeBytes()).toBe(first);
    expect(watchDiskSpace(os.tmpdir(), Number.MAX_SAFE_INTEGER).low()).toBe(true);
  });
});

describe('the embedded database on a disk below its reserve', () => {
  let low = false;
  const disk: DiskSpace = { dir: '/data', reserveBytes: 64 * 2 ** 20, freeBytes: () => (low ? 2 ** 20 : 2 ** 30), low: () => low };
  let pg: PGlite;
  let db: Kysely<{ notes: { id: number; body: string } }>;

  beforeAll(async () => {
    pg = new PGlite();
    db = new Kysely({ dialect: new PGliteDialect(pg, disk) });
    await sql`create table notes (id int primary key, body text)`.execute(db);
    await db.insertInto('notes').values({ id: 1, body: 'kept' }).execute();
  });
  afterAll(() => db.destroy());

  const refused = async (write: Promise<unknown>) => {
    const err = await write.then(() => null, (e: unknown) => e);
    expect(err).toBeInstanceOf(AppError);
    expect(isStorageFull(err)).toBe(true);
    expect((err as Error).message).toMatch(/almost full \(1.0 MB free\).*less than 64.0 MB/);
  };

  it('refuses every statement that writes, before it reaches the database', async () => {
    low = true;
    await refused(db.insertInto('notes').values({ id: 2, body: 'new' }).execute());
    await refused(db.updateTable('notes').set({ body: 'changed' }).execute());
    await refused(db.deleteFrom('notes').execute());
    await refused(sql`insert into notes values (3, 'raw')`.execute(db));
    await refused(sql`with gone as (delete from notes returning id) select * from gone`.execute(db));
    await refused(sql`create table more (id int)`.execute(db));
  });

  it('answers reads, and lets a transaction that wrote before the disk ran low end', async () => {
    low = false;
    const ended = db.transaction().execute(async (tx) => {
      await tx.insertInto('notes').values({ id: 4, body: 'before' }).execute();
      low = true;
    });
    await ended;
    const rows = await db.selectFrom('notes').select(['id', 'body']).orderBy('id').execute();
    expect(rows).toEqual([{ id: 1, body: 'kept' }, { id: 4, body: 'before' }]);
    expect((await sql<{ n: number }>`select count(*)::int as n from notes`.execute(db)).rows).toEqual([{ n: 2 }]);
  });

  it('rolls back the whole transaction when a later statement is refused', async () => {
    low = false;
    const failed = db.transaction().execute(async (tx) => {
      await tx.insertInto('notes').values({ id: 5, body: 'half' }).execute();
      low = true;
      await tx.insertInto('notes').values({ id: 6, body: 'refused' }).execute();
    });
    await refused(failed);
    low = false;
    expect(await db.selectFrom('notes').select('id').where('id', 'in', [5, 6]).execute()).toEqual([]);
    await db.insertInto('notes').values({ id: 7, body: 'after' }).execute();
  });
});
