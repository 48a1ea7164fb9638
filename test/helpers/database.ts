import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { openDatabase, type Database, type DatabaseTarget } from '../../src/db/database.js';
import { migrateToLatest } from '../../src/db/migrate.js';

export interface TestDatabase extends Database {
  /** Target to open a second, independent connection to the same database. */
  target: DatabaseTarget;
}

/** The PostgreSQL server tests run against, when TEST_DATABASE_URL is set; PGlite otherwise. */
export const postgresUrl = process.env.TEST_DATABASE_URL || null;
export const databaseKind = postgresUrl ? 'postgres' : 'pglite';

function urlWithDatabase(url: string, name: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${name}`;
  return parsed.toString();
}

async function adminQuery(text: string): Promise<void> {
  const client = new pg.Client({ connectionString: postgresUrl! });
  await client.connect();
  try {
    await client.query(text);
  } finally {
    await client.end();
  }
}

/** A fresh, migrated database: a new PostgreSQL database per call, or an in-memory PGlite. */
export async function createTestDatabase(options: { migrate?: boolean } = {}): Promise<TestDatabase> {
  let target: DatabaseTarget;
  let drop = async () => {};
  if (postgresUrl) {
    const name = `inflow_test_${randomBytes(6).toString('hex')}`;
    await adminQuery(`create database ${name}`);
    target = { kind: 'postgres', url: urlWithDatabase(postgresUrl, name), poolSize: 10 };
    drop = () => adminQuery(`drop database if exists ${name} with (force)`);
  } else {
    target = { kind: 'pglite', dataDir: null };
  }
  const database = await openDatabase(target);
  if (options.migrate !== false) await migrateToLatest(database.db);
  return {
    ...database,
    target,
    close: async () => {
      await database.close();
      await drop();
    },
  };
}
