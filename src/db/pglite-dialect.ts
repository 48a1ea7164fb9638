import type { PGlite } from '@electric-sql/pglite';
import {
  CompiledQuery,
  PostgresAdapter,
  PostgresIntrospector,
  PostgresQueryCompiler,
  type DatabaseConnection,
  type DatabaseIntrospector,
  type Dialect,
  type DialectAdapter,
  type Driver,
  type Kysely,
  type QueryCompiler,
  type QueryResult,
  type TransactionSettings,
} from 'kysely';
import { storageFull, type DiskSpace } from './disk-space.js';

/**
 * PGlite has one connection. Kysely asks for a connection per query and holds one for a
 * whole transaction, so a FIFO mutex around that single connection keeps a transaction's
 * statements from interleaving with anyone else's (BEGIN … COMMIT is exclusive).
 */
class ConnectionMutex {
  private tail: Promise<void> = Promise.resolve();

  acquire(): Promise<() => void> {
    let release!: () => void;
    const next = new Promise<void>((resolve) => (release = resolve));
    const ready = this.tail.then(() => release);
    this.tail = this.tail.then(() => next);
    return ready;
  }
}

// Statements that write nothing to disk; a transaction's COMMIT is among them, so a transaction
// that wrote before the disk ran low still ends cleanly.
const READS = /^\s*(select|show|explain|values|begin|start transaction|commit|end|rollback|set|reset|listen|unlisten)\b/i;

function writes(query: CompiledQuery): boolean {
  if (query.query.kind === 'SelectQueryNode') return false;
  return query.query.kind !== 'RawNode' || !READS.test(query.sql);
}

class PGliteConnection implements DatabaseConnection {
  constructor(
    private readonly pg: PGlite,
    private readonly disk: DiskSpace | null,
  ) {}

  async executeQuery<R>(query: CompiledQuery): Promise<QueryResult<R>> {
    if (this.disk?.low() && writes(query)) throw storageFull(this.disk);
    const result = await this.pg.query<R>(query.sql, query.parameters as unknown[]);
    return {
      rows: result.rows,
      numAffectedRows: result.affectedRows === undefined ? undefined : BigInt(result.affectedRows),
    };
  }

  // PGlite returns whole result sets; callers that stream (exports) page with keysets instead.
  async *streamQuery<R>(): AsyncIterableIterator<QueryResult<R>> {
    throw new Error('streamQuery is not supported on PGlite: page with a keyset instead');
  }
}

class PGliteDriver implements Driver {
  private readonly mutex = new ConnectionMutex();
  private readonly connection: PGliteConnection;
  // The mutex admits one holder at a time, so one pending release is all there can be.
  private release: (() => void) | null = null;

  constructor(
    private readonly pg: PGlite,
    disk: DiskSpace | null,
  ) {
    this.connection = new PGliteConnection(pg, disk);
  }

  async init(): Promise<void> {
    await this.pg.waitReady;
  }

  async acquireConnection(): Promise<DatabaseConnection> {
    this.release = await this.mutex.acquire();
    return this.connection;
  }

  async beginTransaction(conn: DatabaseConnection, settings: TransactionSettings): Promise<void> {
    const isolation = settings.isolationLevel ? ` isolation level ${settings.isolationLevel}` : '';
    await conn.executeQuery(CompiledQuery.raw(`begin${isolation}`));
  }

  async commitTransaction(conn: DatabaseConnection): Promise<void> {
    await conn.executeQuery(CompiledQuery.raw('commit'));
  }

  async rollbackTransaction(conn: DatabaseConnection): Promise<void> {
    await conn.executeQuery(CompiledQuery.raw('rollback'));
  }

  async releaseConnection(): Promise<void> {
    const release = this.release;
    this.release = null;
    release?.();
  }

  async destroy(): Promise<void> {
    if (!this.pg.closed) await this.pg.close();
  }
}

/**
 * Kysely dialect for an embedded PGlite instance (Kysely 0.28 has none of its own). With `disk`,
 * statements that write are refused while its file system is below the reserve.
 */
export class PGliteDialect implements Dialect {
  constructor(
    private readonly pg: PGlite,
    private readonly disk: DiskSpace | null = null,
  ) {}

  createAdapter(): DialectAdapter {
    return new PostgresAdapter();
  }

  createDriver(): Driver {
    return new PGliteDriver(this.pg, this.disk);
  }

  createIntrospector(db: Kysely<unknown>): DatabaseIntrospector {
    return new PostgresIntrospector(db);
  }

  createQueryCompiler(): QueryCompiler {
    return new PostgresQueryCompiler();
  }
}
