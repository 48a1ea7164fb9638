import { execFile } from 'node:child_process';
import fs from 'node:fs/promises';
import path from 'node:path';
import { PGlite, types as pgliteTypes } from '@electric-sql/pglite';
import { Kysely, PostgresDialect, type Transaction } from 'kysely';
import pg from 'pg';
import { DISK_RESERVE_MB, PGLITE_SHARED_BUFFERS_MB } from '../config.js';
import { watchDiskSpace, type DiskSpace } from './disk-space.js';
import { PGliteDialect } from './pglite-dialect.js';
import type { Tables } from './schema.js';

export type QueryBuilder = Kysely<Tables>;
/** Where a query runs: the database, or a transaction on it. */
export type Executor = Kysely<Tables> | Transaction<Tables>;

export interface Subscription {
  /** A notification's payload arrived. */
  message(payload: string): void;
  /** Listening (again): from now on every notification arrives. */
  up(): void;
  /** The listening connection dropped: notifications may be missed until up() again. */
  down(): void;
}

const pooled = new WeakSet<QueryBuilder>();

/** Whether the database serves several connections at once (PostgreSQL) or one query at a time (PGlite). */
export function servesConcurrently(db: QueryBuilder): boolean {
  return pooled.has(db);
}

export interface Database {
  db: QueryBuilder;
  kind: 'pglite' | 'postgres';
  /** LISTEN on a channel; what NOTIFY sends there after commit reaches every subscribed process. */
  listen(channel: string, subscription: Subscription): Promise<() => Promise<void>>;
  /** PGlite only: the whole database as one file, which `from` in a target loads again (tests copy a migrated one). */
  dumpDataDir?(): Promise<Blob>;
  /** PGlite on a data dir: the space left under it (writes stop below the reserve). */
  disk?: DiskSpace;
  close(): Promise<void>;
}

export type DatabaseTarget =
  | { kind: 'postgres'; url: string; poolSize: number }
  /** `from`: an in-memory database starts as a copy of this dump (PGlite's dumpDataDir), not empty. */
  | { kind: 'pglite'; dataDir: string | null; from?: Blob; sharedBuffersMb?: number; diskReserveMb?: number };

// Both drivers must hand back the same JS types for the same SQL types, or code that works
// on one database breaks on the other: int8 and numeric as numbers (counts, ids of jobs,
// money fits in a double), date as the 'YYYY-MM-DD' string (no time-zone shift).
const INT8 = 20;
const NUMERIC = 1700;
const DATE = 1082;

function pgTypes(): pg.CustomTypesConfig {
  return {
    getTypeParser: ((oid: number, format?: string) => {
      if (oid === INT8 || oid === NUMERIC) return (v: string) => Number(v);
      if (oid === DATE) return (v: string) => v;
      return pg.types.getTypeParser(oid, format as 'text');
    }) as pg.CustomTypesConfig['getTypeParser'],
  };
}

/**
 * Creating a PostgreSQL cluster (initdb) inside PGlite leaves the process hundreds of MB larger
 * for good: WASM memory never shrinks. A new data directory is therefore created by a short-lived
 * child process, and this process only ever opens an existing one.
 */
async function initialiseInChildProcess(dataDir: string): Promise<void> {
  const moduleUrl = import.meta.resolve('@electric-sql/pglite');
  const code = `const { PGlite } = await import(${JSON.stringify(moduleUrl)});
const pg = new PGlite(${JSON.stringify(dataDir)});
await pg.waitReady;
await pg.close();`;
  await new Promise<void>((resolve, reject) => {
    execFile(process.execPath, ['--input-type=module', '-e', code], { timeout: 120_000 }, (err, _stdout, stderr) =>
      err ? reject(new Error(`could not create the embedded database in ${dataDir}: ${stderr || err.message}`)) : resolve(),
    );
  });
}

async function openPglite({
  dataDir,
  from,
  sharedBuffersMb = PGLITE_SHARED_BUFFERS_MB,
  diskReserveMb = DISK_RESERVE_MB,
}: Extract<DatabaseTarget, { kind: 'pglite' }>): Promise<Database> {
  if (dataDir) {
    await fs.mkdir(dataDir, { recursive: true });
    const exists = await fs.access(path.join(dataDir, 'PG_VERSION')).then(() => true, () => false);
    if (!exists) await initialiseInChildProcess(dataDir);
  }
  // One options object: PGlite 0.5 drops the options argument when the data dir is not a
  // string, so an in-memory database (tests) would silently keep the default parsers.
  const client = new PGlite({
    dataDir: dataDir ?? undefined,
    loadDataDir: from,
    startParams: [...PGlite.defaultStartParams, '-c', `shared_buffers=${sharedBuffersMb}MB`],
    parsers: {
      [pgliteTypes.INT8]: (v: string) => Number(v),
      [pgliteTypes.NUMERIC]: (v: string) => Number(v),
      [pgliteTypes.DATE]: (v: string) => v,
    },
  });
  await client.waitReady;
  await client.exec(`set time zone 'UTC'`);
  const disk = dataDir ? watchDiskSpace(dataDir, diskReserveMb * 2 ** 20) : undefined;
  const db = new Kysely<Tables>({ dialect: new PGliteDialect(client, disk) });
  return {
    db,
    kind: 'pglite',
    disk,
    // One process owns the embedded database and its one connection: it never goes down.
    listen: async (channel, subscription) => {
      const unlisten = await client.listen(channel, (payload) => subscription.message(payload));
      subscription.up();
      return async () => {
        if (!client.closed) await unlisten();
      };
    },
    dumpDataDir: () => client.dumpDataDir('none'),
    close: () => db.destroy(),
  };
}

async function openPostgres(url: string, poolSize: number): Promise<Database> {
  const pool = new pg.Pool({
    connectionString: url,
    max: poolSize,
    types: pgTypes(),
    options: '-c TimeZone=UTC',
  });
  // A client that loses its server (a restart, a failover, pg_terminate_backend, an idle-connection
  // reaper) emits 'error'. The pool listens only while a client is idle; a client checked out by a
  // request has no listener, and an unheard 'error' event ends the process. The query in flight
  // fails on its own (the request answers 503) and the pool drops the broken client when it is
  // released, so the error itself needs nothing more than to be heard.
  pool.on('error', () => undefined);
  pool.on('connect', (client) => client.on('error', () => undefined));
  const db = new Kysely<Tables>({ dialect: new PostgresDialect({ pool }) });
  pooled.add(db);
  return {
    db,
    kind: 'postgres',
    listen: (channel, subscription) => listenOnPostgres(url, channel, subscription),
    close: () => db.destroy(),
  };
}

/**
 * A dedicated connection (LISTEN does not survive a pooled one being handed to someone else)
 * that reconnects after a drop, telling the subscriber it may have missed messages.
 */
async function listenOnPostgres(url: string, channel: string, subscription: Subscription): Promise<() => Promise<void>> {
  let client: pg.Client | null = null;
  let stopped = false;
  let retry: NodeJS.Timeout | null = null;

  const scheduleReconnect = () => {
    retry = setTimeout(() => void connect(false).catch(() => undefined), 1_000);
    retry.unref();
  };

  const connect = async (initial: boolean): Promise<void> => {
    const next = new pg.Client({ connectionString: url });
    next.on('notification', (n) => {
      if (n.channel === channel) subscription.message(n.payload ?? '');
    });
    const onDrop = () => {
      if (client !== next || stopped) return;
      client = null;
      subscription.down();
      next.end().catch(() => undefined);
      scheduleReconnect();
    };
    next.on('error', onDrop);
    next.on('end', onDrop);
    try {
      await next.connect();
      await next.query(`listen ${next.escapeIdentifier(channel)}`);
    } catch (err) {
      next.removeAllListeners('end');
      await next.end().catch(() => undefined);
      if (!initial && !stopped) scheduleReconnect();
      throw err;
    }
    client = next;
    subscription.up();
  };

  await connect(true);
  return async () => {
    stopped = true;
    if (retry) clearTimeout(retry);
    await client?.end().catch(() => undefined);
  };
}

export function openDatabase(target: DatabaseTarget): Promise<Database> {
  return target.kind === 'postgres' ? openPostgres(target.url, target.poolSize) : openPglite(target);
}
