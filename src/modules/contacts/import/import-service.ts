// Operations on imports: create (from an upload or a file on this machine), change a draft,
// start, cancel, read, preview. Running them is import-runner.ts, as the job below.
import { unlink } from 'node:fs/promises';
import path from 'node:path';
import type { Kysely } from 'kysely';
import type { Actor } from '../../../actor.js';
import { isId, newId } from '../../../db/ids.js';
import { enqueue } from '../../../db/jobs/queue.js';
import type { Tables, Import } from '../../../db/schema.js';
import { conflict, invalid, notFound } from '../../../errors.js';
import type { CustomFieldDefinition } from '../custom-fields.js';
import { customFieldDefinitions } from '../queries.js';
import { guessVendor, type ColumnMapping } from './column-mapping.js';
import { parseHead, readHead, type FileEncoding } from './csv-source.js';
import { importOptions, type ImportOptions, type MappingEntry } from './import-options.js';
import { deleteImportRow, importById, insertImport, recentImports, STALE_AFTER_MS, updateImport } from './import-store.js';
import { guessImportMapping, isComplianceColumn, resolveMapping, type FieldToCreate } from './mapping-resolution.js';
import type { Executor } from '../../../db/database.js';

export const IMPORT_JOB = 'contacts.import';
const PREVIEW_ROWS = 10;

/** Where an upload is kept: one folder per workspace, named by the import's id. */
export function uploadPath(dir: string, workspaceId: string, importId: string): string {
  return path.join(dir, workspaceId, `${importId}.csv`);
}

function enqueueRun(tx: Executor, imp: Pick<Import, 'workspace_id' | 'id'>) {
  return enqueue(tx, IMPORT_JOB, { workspace_id: imp.workspace_id, import_id: imp.id }, { workspaceId: imp.workspace_id });
}

export interface CreateImportInput {
  id?: string;
  filePath: string;
  fileName: string;
  fileSize: number;
  fileOwned: boolean;
  /** The folder error reports go to (the import folder of the server). */
  reportDir: string;
  mapping?: MappingEntry[] | null;
  options?: Partial<ImportOptions>;
  /** Queue a job at once (true), or keep a draft to preview and map first (false). */
  start: boolean;
  /** No job: the caller runs the import itself (the CLI, holding the database). */
  runHere?: boolean;
  actor: Actor;
}

/** Columns a file may have: a mapping names each one, and the wizard shows them all. */
export const MAX_IMPORT_COLUMNS = 2_000;

/** A file whose header row has more columns than an import can map is refused before it is kept. */
async function checkColumnCount(file: string): Promise<void> {
  // A file that cannot be read is the run's to report, as the import's error, like any other.
  const headers = await readHead(file, null).then((head) => parseHead(head.text, head.truncated).headers, () => []);
  if (headers.length > MAX_IMPORT_COLUMNS) {
    throw invalid(`The file has ${headers.length.toLocaleString('en')} columns; an import takes at most ${MAX_IMPORT_COLUMNS.toLocaleString('en')}: remove the columns you do not need`, [
      { field: 'file', message: `has more than ${MAX_IMPORT_COLUMNS} columns` },
    ]);
  }
}

export async function createImport(db: Kysely<Tables>, workspaceId: string, input: CreateImportInput): Promise<Import> {
  const id = input.id ?? newId();
  await checkColumnCount(input.filePath);
  return db.transaction().execute(async (tx) => {
    const created = await insertImport(tx, workspaceId, {
      id,
      filePath: input.filePath,
      fileName: input.fileName.slice(0, 255),
      fileSize: input.fileSize,
      fileOwned: input.fileOwned,
      errorReportPath: path.join(input.reportDir, workspaceId, `${id}.errors.csv`),
      mapping: input.mapping ?? null,
      options: importOptions(input.options),
      status: input.start ? 'queued' : 'draft',
      actor: input.actor,
    });
    if (input.start && !input.runHere) await enqueueRun(tx, created);
    return created;
  });
}

export async function getImport(db: Executor, workspaceId: string, id: string, options: { lock?: boolean } = {}): Promise<Import> {
  const found = isId(id) ? await importById(db, workspaceId, id, options) : undefined;
  if (!found) throw notFound('Import');
  return found;
}

export function listImports(db: Executor, workspaceId: string, page: { limit: number; before: string | null }) {
  return recentImports(db, workspaceId, page);
}

/** The first bytes of the import's file, or why it has none any more (409). */
async function headOf(imp: Import) {
  if (imp.files_removed_at && imp.file_owned) throw conflict(FILES_REMOVED);
  return readHead(imp.file_path, imp.encoding as FileEncoding | null).catch((err: NodeJS.ErrnoException) => {
    if (err.code === 'ENOENT') throw conflict('The import’s file is gone (it is deleted once the import is done)');
    throw err;
  });
}

/** Checks a mapping against the file's header row; returns what a run would create. */
async function checkMapping(db: Executor, imp: Import, mapping: MappingEntry[], options: ImportOptions): Promise<void> {
  const head = await headOf(imp);
  const { headers, rows } = parseHead(head.text, head.truncated);
  const resolution = resolveMapping({ headers, given: mapping, definitions: await customFieldDefinitions(db, imp.workspace_id), options, samples: rows });
  if (resolution.errors.length > 0) throw invalid('The mapping does not fit the file', resolution.errors);
}

/** Sets the mapping and options of a draft; null mapping goes back to the guess. */
export async function patchImport(
  db: Kysely<Tables>,
  workspaceId: string,
  id: string,
  input: { mapping?: MappingEntry[] | null; options?: Partial<ImportOptions> },
): Promise<Import> {
  return db.transaction().execute(async (tx) => {
    const current = await getImport(tx, workspaceId, id, { lock: true });
    if (current.status !== 'draft') throw conflict(`Only a draft import can be changed; this one is ${current.status}`, [{ field: 'status', message: `is ${current.status}` }]);
    const options = importOptions({ ...(current.options as Partial<ImportOptions>), ...input.options });
    if (input.mapping) await checkMapping(tx, current, input.mapping, options);
    return (await updateImport(tx, workspaceId, id, { mapping: input.mapping, options }))!;
  });
}

const FILES_REMOVED = 'The import’s file was removed after some days without activity: upload it again';

/**
 * Queues a draft, or resumes a failed or cancelled import after its checkpoint. A job runs it,
 * unless the caller runs it itself (`runHere`: the CLI holding the database).
 */
export async function startImport(db: Kysely<Tables>, workspaceId: string, id: string, options: { runHere?: boolean } = {}): Promise<Import> {
  return db.transaction().execute(async (tx) => {
    const current = await getImport(tx, workspaceId, id, { lock: true });
    // A queued or running import whose runner went quiet (a CLI that died) gets a job to take it
    // over; one that is alive is left alone. A job too many finds nothing to claim and ends.
    const quiet = Date.now() - current.updated_at.getTime() > STALE_AFTER_MS;
    if ((current.status === 'queued' || current.status === 'running') && !quiet) return current;
    if (current.status === 'done') throw conflict('The import is done; upload the file again to import it anew', [{ field: 'status', message: 'is done' }]);
    // A file the CLI was given is the user's own and stays; only an uploaded one is removed.
    if (current.files_removed_at && current.file_owned) throw conflict(FILES_REMOVED, [{ field: 'status', message: 'its file was removed' }]);
    const queued = current.status === 'running' ? current : (await updateImport(tx, workspaceId, id, { status: 'queued', error: null }))!;
    if (!options.runHere) await enqueueRun(tx, queued);
    return queued;
  });
}

/** Stops an import: a running one stops before its next chunk commits; what committed stays. */
export async function cancelImport(db: Kysely<Tables>, workspaceId: string, id: string): Promise<Import> {
  return db.transaction().execute(async (tx) => {
    const current = await getImport(tx, workspaceId, id, { lock: true });
    if (current.status === 'cancelled') return current;
    if (current.status === 'done') throw conflict('The import is done', [{ field: 'status', message: 'is done' }]);
    return (await updateImport(tx, workspaceId, id, { status: 'cancelled', finished: true }))!;
  });
}

/**
 * Deletes the import and its files (the upload it owns, the error report); the contacts it
 * wrote stay. A queued or running import is cancelled first (409 otherwise).
 */
export async function deleteImport(db: Kysely<Tables>, workspaceId: string, id: string): Promise<void> {
  const gone = await db.transaction().execute(async (tx) => {
    const current = await getImport(tx, workspaceId, id, { lock: true });
    if (current.status === 'queued' || current.status === 'running') {
      throw conflict('The import is still running: cancel it first', [{ field: 'status', message: `is ${current.status}` }]);
    }
    await deleteImportRow(tx, workspaceId, id);
    return current;
  });
  const removeFile = (file: string | null) => (file ? unlink(file).catch(() => undefined) : undefined);
  if (gone.file_owned) await removeFile(gone.file_path);
  await removeFile(gone.error_report_path);
}

export interface ImportPreview {
  headers: string[];
  vendor: string | null;
  delimiter: string;
  encoding: FileEncoding;
  mapping: Array<MappingEntry & { confidence?: ColumnMapping['confidence']; compliance: boolean }>;
  /** The custom fields an import with create_fields would create, typed from the sample. */
  new_fields: FieldToCreate[];
  /** What is wrong with this mapping as it is (an import with it would fail). */
  problems: Array<{ field: string; message: string }>;
  sample_rows: string[][];
}

/** Headers, mapping (given, or guessed) and first rows of a file, from its first bytes. */
export function previewOf(
  head: { text: string; truncated: boolean; encoding: FileEncoding },
  definitions: ReadonlyMap<string, CustomFieldDefinition>,
  given: MappingEntry[] | null,
  options: ImportOptions,
): ImportPreview {
  const { headers, rows, delimiter } = parseHead(head.text, head.truncated);
  if (headers.length === 0) throw invalid('The file is empty: it needs a header row naming its columns', [{ field: 'file', message: 'has no header row' }]);
  const guesses = guessImportMapping(headers, new Set(definitions.keys()));
  const mapping = (given ?? guesses).map((entry) => ({ ...entry, compliance: isComplianceColumn(guesses[entry.column]!) }));
  // Without a mapping of its own the run takes the guess, as resolveMapping does with `given: null`.
  const withFields = resolveMapping({ headers, given, definitions, options: { ...options, create_fields: true }, samples: rows });
  const asIs = resolveMapping({ headers, given, definitions, options, samples: rows });
  return {
    headers,
    vendor: guessVendor(headers),
    delimiter,
    encoding: head.encoding,
    mapping,
    new_fields: withFields.create,
    problems: asIs.errors,
    sample_rows: rows.slice(0, PREVIEW_ROWS),
  };
}

export async function previewImport(db: Executor, workspaceId: string, id: string): Promise<ImportPreview> {
  const imp = await getImport(db, workspaceId, id);
  const head = await headOf(imp);
  const options = importOptions(imp.options as Partial<ImportOptions>);
  return previewOf(head, await customFieldDefinitions(db, workspaceId), (imp.mapping as MappingEntry[] | null) ?? null, options);
}

/** An import as the API shows it: no paths of the server's disk. */
export function importView(imp: Import) {
  return {
    id: imp.id,
    status: imp.status,
    file_name: imp.file_name,
    file_size: Number(imp.file_size),
    encoding: imp.encoding,
    mapping: (imp.mapping as MappingEntry[] | null) ?? null,
    options: importOptions(imp.options as Partial<ImportOptions>),
    rows_total: imp.rows_total,
    rows_processed: imp.rows_processed,
    rows_created: imp.rows_created,
    rows_updated: imp.rows_updated,
    rows_skipped: imp.rows_skipped,
    rows_failed: imp.rows_failed,
    rows_warned: imp.rows_warned,
    error: imp.error,
    error_report: Number(imp.error_report_bytes) > 0 ? `/api/v1/imports/${imp.id}/errors.csv` : null,
    created_by: { type: imp.created_by_type, id: imp.created_by_id },
    created_at: imp.created_at,
    updated_at: imp.updated_at,
    started_at: imp.started_at,
    finished_at: imp.finished_at,
    files_removed_at: imp.files_removed_at,
  };
}
