// SQL of the imports table, one function per question, all scoped by workspace.
import { sql } from 'kysely';
import type { Actor } from '../../../actor.js';
import type {  Import, ImportStatus } from '../../../db/schema.js';
import type { ImportOptions, MappingEntry } from './import-options.js';
import type { Executor } from '../../../db/database.js';

/** A running import whose runner has not committed a chunk for this long is taken to be dead. */
export const STALE_AFTER_MS = 5 * 60_000;

export interface NewImport {
  id: string;
  filePath: string;
  fileName: string;
  fileSize: number;
  /** The file is Inflow's copy of an upload (deleted once done), not the user's own file. */
  fileOwned: boolean;
  errorReportPath: string;
  mapping: MappingEntry[] | null;
  options: ImportOptions;
  status: Extract<ImportStatus, 'draft' | 'queued'>;
  actor: Actor;
}

export function insertImport(db: Executor, workspaceId: string, values: NewImport): Promise<Import> {
  return db
    .insertInto('imports')
    .values({
      workspace_id: workspaceId,
      id: values.id,
      status: values.status,
      file_path: values.filePath,
      file_name: values.fileName,
      file_size: values.fileSize,
      file_owned: values.fileOwned,
      error_report_path: values.errorReportPath,
      mapping: values.mapping ? JSON.stringify(values.mapping) : null,
      options: JSON.stringify(values.options),
      created_by_type: values.actor.type,
      created_by_id: values.actor.id,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
}

export function importById(db: Executor, workspaceId: string, id: string, options: { lock?: boolean } = {}): Promise<Import | undefined> {
  let query = db.selectFrom('imports').selectAll().where('workspace_id', '=', workspaceId).where('id', '=', id);
  if (options.lock) query = query.forUpdate();
  return query.executeTakeFirst();
}

/** An import by id in any workspace: for the CLI, which acts as the operator of the install. */
export function importAnywhere(db: Executor, id: string): Promise<Import | undefined> {
  return db.selectFrom('imports').selectAll().where('id', '=', id).executeTakeFirst();
}

/** A page of the workspace's imports, newest first: by keyset on the id, which is time-ordered (UUIDv7). */
export function recentImports(db: Executor, workspaceId: string, page: { limit: number; before: string | null }): Promise<Import[]> {
  let query = db.selectFrom('imports').selectAll().where('workspace_id', '=', workspaceId);
  if (page.before) query = query.where('id', '<', page.before);
  return query.orderBy('id', 'desc').limit(page.limit).execute();
}

export function updateImport(
  db: Executor,
  workspaceId: string,
  id: string,
  changes: { status?: ImportStatus; mapping?: MappingEntry[] | null; options?: ImportOptions; error?: string | null; finished?: boolean },
): Promise<Import | undefined> {
  return db
    .updateTable('imports')
    .set({
      ...(changes.status ? { status: changes.status } : {}),
      ...(changes.mapping !== undefined ? { mapping: changes.mapping ? JSON.stringify(changes.mapping) : null } : {}),
      ...(changes.options ? { options: JSON.stringify(changes.options) } : {}),
      ...(changes.error !== undefined ? { error: changes.error } : {}),
      ...(changes.finished ? { finished_at: sql`now()` } : {}),
      updated_at: sql`now()`,
    })
    .where('workspace_id', '=', workspaceId)
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirst();
}

/**
 * Makes `runner` the one runner of a queued import. A running one is taken over only by a later
 * attempt of the same job (`jobPrefix`: its runner names start alike), when forced (the caller
 * holds the embedded database alone), or when its runner stopped committing long ago.
 */
export function claimImport(db: Executor, workspaceId: string, id: string, runner: string, takeover: { jobPrefix?: string; force?: boolean }): Promise<Import | undefined> {
  return db
    .updateTable('imports')
    .set({ status: 'running', runner, error: null, started_at: sql`coalesce(started_at, now())`, updated_at: sql`now()` })
    .where('workspace_id', '=', workspaceId)
    .where('id', '=', id)
    .where((eb) =>
      eb.or([
        eb('status', '=', 'queued'),
        eb.and([
          eb('status', '=', 'running'),
          eb.or([
            eb.val(takeover.force === true),
            ...(takeover.jobPrefix ? [eb(sql`starts_with(coalesce(runner, ''), ${takeover.jobPrefix})`, '=', true)] : []),
            eb('updated_at', '<', sql<Date>`now() - ${STALE_AFTER_MS} * interval '1 millisecond'`),
          ]),
        ]),
      ]),
    )
    .returningAll()
    .executeTakeFirst();
}

export function recordScan(db: Executor, workspaceId: string, id: string, scan: { encoding: string; rows: number }): Promise<unknown> {
  return db
    .updateTable('imports')
    .set({ encoding: scan.encoding, rows_total: scan.rows, updated_at: sql`now()` })
    .where('workspace_id', '=', workspaceId)
    .where('id', '=', id)
    .execute();
}

export interface ChunkCounts {
  processed: number;
  created: number;
  updated: number;
  skipped: number;
  failed: number;
  /** Rows imported with a value left out (listed in the report as warnings). */
  warned: number;
}

/**
 * Adds a chunk's counts and moves the checkpoint, in the chunk's transaction. False when the
 * import is no longer this runner's (cancelled, or taken over): the caller rolls back.
 */
export async function commitProgress(tx: Executor, workspaceId: string, id: string, runner: string, counts: ChunkCounts, checkpoint: number, reportBytes: number): Promise<boolean> {
  const row = await tx
    .updateTable('imports')
    .set((eb) => ({
      rows_processed: eb('rows_processed', '+', counts.processed),
      rows_created: eb('rows_created', '+', counts.created),
      rows_updated: eb('rows_updated', '+', counts.updated),
      rows_skipped: eb('rows_skipped', '+', counts.skipped),
      rows_failed: eb('rows_failed', '+', counts.failed),
      rows_warned: eb('rows_warned', '+', counts.warned),
      checkpoint,
      error_report_bytes: reportBytes,
      updated_at: sql`now()`,
    }))
    .where('workspace_id', '=', workspaceId)
    .where('id', '=', id)
    .where('status', '=', 'running')
    .where('runner', '=', runner)
    .returning('id')
    .executeTakeFirst();
  return row !== undefined;
}

/** Ends this runner's run: done (with the exact row count), failed, or back to queued/cancelled. */
export function endRun(db: Executor, workspaceId: string, id: string, runner: string, end: { status: ImportStatus; error?: string | null; rowsTotal?: number }): Promise<Import | undefined> {
  const final = end.status === 'done' || end.status === 'failed' || end.status === 'cancelled';
  return db
    .updateTable('imports')
    .set({
      status: end.status,
      error: end.error ?? null,
      ...(end.rowsTotal !== undefined ? { rows_total: end.rowsTotal } : {}),
      ...(final ? { finished_at: sql`now()` } : {}),
      runner: null,
      updated_at: sql`now()`,
    })
    .where('workspace_id', '=', workspaceId)
    .where('id', '=', id)
    .where('runner', '=', runner)
    .returningAll()
    .executeTakeFirst();
}

export async function deleteImportRow(db: Executor, workspaceId: string, id: string): Promise<void> {
  await db.deleteFrom('imports').where('workspace_id', '=', workspaceId).where('id', '=', id).execute();
}
