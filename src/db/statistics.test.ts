import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, databaseKind, type TestDatabase } from '../../test/helpers/database.js';
import { StatisticsKeeper } from './statistics.js';

let database: TestDatabase;

beforeAll(async () => {
  database = await createTestDatabase({ migrate: false });
  await sql`create table grown (id int primary key)`.execute(database.db);
});
afterAll(() => database.close());

const reltuples = async () => Number((await sql<{ n: number }>`select reltuples as n from pg_class where relname = 'grown'`.execute(database.db)).rows[0]!.n);

describe(`StatisticsKeeper (${databaseKind})`, () => {
  it('analyzes once the rows written pass each threshold, and not before', async () => {
    const errors: unknown[] = [];
    const keeper = new StatisticsKeeper(database.db, ['grown'], [100, 1_000], (err) => errors.push(err));
    await sql`insert into grown select generate_series(1, 150)`.execute(database.db);
    keeper.wrote(99);
    await keeper.settled();
    expect(await reltuples()).toBeLessThan(1);
    keeper.wrote(51);
    await keeper.settled();
    expect(await reltuples()).toBe(150);
    await sql`insert into grown select generate_series(151, 600)`.execute(database.db);
    keeper.wrote(450);
    await keeper.settled();
    expect(await reltuples()).toBe(150);
    keeper.wrote(500);
    await keeper.settled();
    expect(await reltuples()).toBe(600);
    expect(errors).toEqual([]);
  });
});
