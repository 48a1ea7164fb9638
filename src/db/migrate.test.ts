import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, databaseKind, type TestDatabase } from '../../test/helpers/database.js';
import { openDatabase } from './database.js';
import { migrateToLatest } from './migrate.js';
import { migrations } from './migrations/index.js';

let database: TestDatabase;

beforeAll(async () => {
  database = await createTestDatabase({ migrate: false });
});
afterAll(() => database.close());

describe('migrations', () => {
  it(`apply once when two processes start at the same time (${databaseKind})`, async () => {
    const other = databaseKind === 'postgres' ? await openDatabase(database.target) : database;
    const results = await Promise.all([migrateToLatest(database.db), migrateToLatest(other.db)]);
    if (other !== database) await other.close();
    expect(results.flat().sort()).toEqual(Object.keys(migrations).sort());
    const applied = await sql<{ name: string }>`select name from kysely_migration order by name`.execute(database.db);
    expect(applied.rows.map((r) => r.name)).toEqual(Object.keys(migrations).sort());
  });

  it('are a no-op when the schema is current', async () => {
    expect(await migrateToLatest(database.db)).toEqual([]);
  });

  it('give every tenant table a primary key that starts with workspace_id', async () => {
    const keys = await sql<{ table_name: string; first_column: string }>`
      select c.relname as table_name, a.attname as first_column
        from pg_index i
        join pg_class c on c.oid = i.indrelid
        join pg_namespace n on n.oid = c.relnamespace and n.nspname = current_schema()
        join pg_attribute a on a.attrelid = c.oid and a.attnum = i.indkey[0]
       where i.indisprimary
         and exists (select 1 from information_schema.columns col
                      where col.table_name = c.relname and col.column_name = 'workspace_id'
                        and col.table_schema = current_schema())`.execute(database.db);
    // jobs is the queue, not tenant data: it stays on the coordinator when sharded.
    const tenantTables = keys.rows.filter((r) => r.table_name !== 'jobs');
    expect(tenantTables.length).toBeGreaterThan(0);
    expect(tenantTables.filter((r) => r.first_column !== 'workspace_id')).toEqual([]);
  });
});
