import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, databaseKind, type TestDatabase } from '../../../test/helpers/database.js';
import { vacuumEmbeddedDatabase } from './maintenance.js';

let database: TestDatabase;

beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(() => database.close());

const run = () => vacuumEmbeddedDatabase.run({} as never, { db: database.db, signal: new AbortController().signal, config: {} });
const estimatedRows = async () =>
  (await sql<{ reltuples: number }>`select reltuples from pg_class where relname = 'maintenance_probe'`.execute(database.db)).rows[0]!.reltuples;

describe('the vacuum of the embedded database', () => {
  it(databaseKind === 'pglite' ? 'gives the planner the size of tables it never measured' : 'leaves PostgreSQL to its autovacuum', async () => {
    await sql`create table maintenance_probe (n integer)`.execute(database.db);
    await sql`insert into maintenance_probe select generate_series(1, 5000)`.execute(database.db);
    expect(await estimatedRows()).toBeLessThan(0);
    await run();
    if (databaseKind === 'pglite') expect(await estimatedRows()).toBe(5000);
    else {
      // Autovacuum may have come by meanwhile; a vacuum by hand would show here.
      const stats = await sql<{ last_vacuum: Date | null }>`select last_vacuum from pg_stat_user_tables where relname = 'maintenance_probe'`.execute(database.db);
      expect(stats.rows[0]!.last_vacuum).toBeNull();
    }
  });
});
