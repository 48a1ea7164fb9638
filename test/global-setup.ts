import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import type { TestProject } from 'vitest/node';
import { openDatabase } from '../src/db/database.js';
import { migrateToLatest } from '../src/db/migrate.js';
import { adminQuery, databaseKind, postgresUrl, urlWithDatabase } from './helpers/database.js';

declare module 'vitest' {
  export interface ProvidedContext {
    /** A migrated database every test database starts as a copy of: a PGlite dump file, or a PostgreSQL template's name. */
    migratedDatabase: { kind: 'pglite'; dump: string } | { kind: 'postgres'; template: string };
    /** Whole-process tests: a migrated PGlite data dir on disk, which each test copies for its server or CLI. */
    migratedDataDir: string;
  }
}

/**
 * Migrates once for the whole run: each test database is then a copy of the migrated one (a
 * PGlite dump loaded in memory, or `create database … template`), instead of an empty database
 * migrated again by every test file.
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  if (project.name === 'slow') return migratedDataDirForProcesses(project);
  console.log(`\n  storage tests run on ${databaseKind === 'postgres' ? 'PostgreSQL (TEST_DATABASE_URL)' : 'embedded PGlite'}\n`);
  if (postgresUrl) {
    const template = `inflow_template_${process.pid}_${Date.now()}`;
    await adminQuery(`create database ${template}`);
    const database = await openDatabase({ kind: 'postgres', url: urlWithDatabase(postgresUrl, template), poolSize: 1 });
    await migrateToLatest(database.db);
    await database.close();
    project.provide('migratedDatabase', { kind: 'postgres', template });
    return async () => {
      await adminQuery(`drop database if exists ${template} with (force)`);
    };
  }
  const database = await openDatabase({ kind: 'pglite', dataDir: null });
  await migrateToLatest(database.db);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'inflow-test-db-'));
  const dump = path.join(dir, 'migrated.tar');
  fs.writeFileSync(dump, Buffer.from(await (await database.dumpDataDir!()).arrayBuffer()));
  await database.close();
  project.provide('migratedDatabase', { kind: 'pglite', dump });
  return async () => {
    fs.rmSync(dir, { recursive: true, force: true });
  };
}

/**
 * The processes the slow tests start (servers, CLI commands, benchmarks) run on PGlite data dirs
 * on disk. Creating one (initdb, in WebAssembly) costs seconds of CPU each time; a copy of one
 * created and migrated here costs a fraction of that. Tests of creating a data dir still start empty.
 */
async function migratedDataDirForProcesses(project: TestProject): Promise<() => Promise<void>> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'inflow-test-datadir-'));
  // The cluster is created here, in the runner's process (the product creates one in a child
  // process to keep its own memory small), without waiting for a build of the product.
  const cluster = new PGlite(dir);
  await cluster.waitReady;
  await cluster.close();
  const database = await openDatabase({ kind: 'pglite', dataDir: dir });
  await migrateToLatest(database.db);
  await database.close();
  project.provide('migratedDataDir', dir);
  return async () => {
    fs.rmSync(dir, { recursive: true, force: true });
  };
}
