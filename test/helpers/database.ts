import fs from 'node:fs';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { inject } from 'vitest';
import { openDatabase, type Database, type DatabaseTarget } from '../../src/db/database.js';
import { migrateToLatest } from '../../src/db/migrate.js';

export interface TestDatabase extends Database {
  /** Target to open a second, independent connection to the same database. */
  target: DatabaseTarget;
}

/** The PostgreSQL server tests run against, when TEST_DATABASE_URL is set; PGlite otherwise. */
export const postgresUrl = process.env.TEST_DATABASE_URL || null;
export const databaseKind = postgresUrl ? 'postgres' : 'pglite';

export function urlWithDatabase(url: string, name: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${name}`;
  return parsed.toString();
}

export async function adminQuery(text: string): Promise<void> {
  const client = new pg.Client({ connectionString: postgresUrl! });
  await client.connect();
  try {
    await client.query(text);
  } finally {
    await client.end();
  }
}

let migratedDump: Blob | null = null;

/**
 * A fresh database: a new PostgreSQL database per call, or an in-memory PGlite. Migrated ones
 * are copies of the database the global setup migrated once (test/global-setup.ts); with
 * `migrate: false`, an empty one (tests of the migrator itself).
 */
export async function createTestDatabase(options: { migrate?: boolean } = {}): Promise<TestDatabase> {
  const migrated = options.migrate !== false ? inject('migratedDatabase') : null;
  let target: DatabaseTarget;
  let drop = async () => {};
  if (postgresUrl) {
    const name = `inflow_test_${randomBytes(6).toString('hex')}`;
    await adminQuery(migrated?.kind === 'postgres' ? `create database ${name} template ${migrated.template}` : `create database ${name}`);
    target = { kind: 'postgres', url: urlWithDatabase(postgresUrl, name), poolSize: 10 };
    drop = () => adminQuery(`drop database if exists ${name} with (force)`);
  } else if (migrated?.kind === 'pglite') {
    migratedDump ??= new Blob([fs.readFileSync(migrated.dump)]);
    target = { kind: 'pglite', dataDir: null, from: migratedDump };
  } else {
    target = { kind: 'pglite', dataDir: null };
  }
  const database = await openDatabase(target);
  // A copy is already current; this only checks so (and migrates a database made without one).
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
