// Runs an import: reads the file row by row, writes chunks, and keeps the imports row up to date.
// The same code runs as a job in a worker and in-process in the CLI.
import { mkdir, unlink } from 'node:fs/promises';
import path from 'node:path';
import { sql, type Kysely } from 'kysely';
import { servesConcurrently } from '../../../db/database.js';
import type { Tables, Import } from '../../../db/schema.js';
import { AppError } from '../../../errors.js';
import { listMembers } from '../../workspaces/service.js';
import { createCustomField } from '../custom-field-service.js';
import { customFieldDefinitions } from '../queries.js';
import { writeChunk, RunLost, type Chunk, type ChunkContext } from './chunk-writer.js';
import { openCsv, scanFile, type CsvReader, type CsvRecord, type FileEncoding } from './csv-source.js';
import { cutReport, appendErrors, WARNING_PREFIX } from './error-report.js';
import { importOptions, type ImportOptions, type MappingEntry } from './import-options.js';
import { claimImport, commitProgress, endRun, importById, recordScan, updateImport } from './import-store.js';
import { columnOfField, resolveMapping } from './mapping-resolution.js';
import { EarlierChunkFailed, orderedWrites } from './ordered-writes.js';
import { isInflowExport, rowToContact, type RowContext } from './row-to-contact.js';

/**
 * Rows per transaction: big enough for multi-row writes to pay off, small enough not to hold
 * PGlite's one connection long (a request waits behind each chunk). On PostgreSQL, where a
 * chunk holds only its own connection, larger chunks cut the per-chunk round trips: 2,500
 * measured 10 % faster than 1,000 at 1M rows, 5,000 no better than 2,500.
 */
export const CHUNK_ROWS = { pglite: 1000, postgres: 2500 } as const;
/** Imports that wrote at least this many rows refresh the planner's statistics of contacts. */
const ANALYZE_AFTER_ROWS = 10_000;
/** Rows written at which the import refreshes the statistics of contacts while it runs. */
const ANALYZE_ON_THE_WAY = [2_500, 25_000, 250_000];
/** Rows read ahead to type the custom fields an import creates. */
const SAMPLE_ROWS = 1000;

export interface RunOptions {
  /** Names this run in the imports row; a chunk commits only while the row still names it. */
  runner: string;
  takeover?: { jobPrefix?: string; force?: boolean };
  chunkSize?: number;
  /** Aborting stops the run after the chunk being written; the import can be resumed. */
  signal?: AbortSignal;
  /** What an interrupted import becomes: queued again (a job retries it) or cancelled (resume by hand). */
  whenInterrupted?: 'queued' | 'cancelled';
  /** Any other error marks the import failed instead of leaving it to a retry. */
  failOnError?: boolean;
  onProgress?: (progress: Import) => void;
  /** Chunks written at once (default: 2 on PostgreSQL, 1 on PGlite). */
  writers?: number;
}

export type RunOutcome = 'done' | 'failed' | 'cancelled' | 'interrupted' | 'not_claimed';

class Interrupted extends Error {}

/** lock_not_available (lock_timeout) and deadlock_detected: chunks in each other's way. */
const LOCK_CONFLICTS = new Set(['55P03', '40P01']);

/** Members by lower-cased email and by lower-cased name (a name two members share names neither). */
async function ownersByEmailOrName(db: Kysely<Tables>, workspaceId: string): Promise<Map<string, string>> {
  const owners = new Map<string, string>();
  const names = new Map<string, string | null>();
  for (let after: string | null = null; ; ) {
    const page = await listMembers(db, workspaceId, { after, limit: 500 });
    for (const member of page) {
      owners.set(member.email.toLowerCase(), member.user_id);
      const name = member.name?.trim().toLowerCase();
      if (name) names.set(name, names.has(name) ? null : member.user_id);
    }
    if (page.length < 500) break;
    after = page[page.length - 1]!.user_id;
  }
  for (const [name, userId] of names) if (userId && !owners.has(name)) owners.set(name, userId);
  return owners;
}

/** Resolves the mapping against the file and creates the custom fields it asks for. */
async function prepareMapping(db: Kysely<Tables>, imp: Import, options: ImportOptions, headers: string[], samples: CsvRecord[]): Promise<MappingEntry[]> {
  const resolution = resolveMapping({
    headers,
    given: (imp.mapping as MappingEntry[] | null) ?? null,
    definitions: await customFieldDefinitions(db, imp.workspace_id),
    options,
    samples: samples.map((s) => s.cells),
  });
  if (resolution.errors.length > 0) throw new AppError('invalid_input', 'The mapping does not fit the file', resolution.errors);
  for (const field of resolution.create) {
    await createCustomField(db, imp.workspace_id, field).catch((err: unknown) => {
      // Created by an earlier run of this import, or by someone meanwhile: use it as it is.
      if (!(err instanceof AppError && err.kind === 'conflict')) throw err;
    });
  }
  await updateImport(db, imp.workspace_id, imp.id, { mapping: resolution.mapping });
  return resolution.mapping;
}

function emptyChunk(checkpoint: number): Chunk {
  return { contacts: [], errors: [], failedRows: 0, warnedRows: 0, blankRows: 0, read: 0, checkpoint };
}

/** Adds one row to the chunk: as a contact, a blank row, or a failed row with its errors. */
function addRow(chunk: Chunk, record: CsvRecord, headers: readonly string[], context: RowContext): void {
  const width = headers.length;
  chunk.read++;
  chunk.checkpoint = record.row - 1;
  let cells = record.cells;
  // Files glued together from several exports repeat the header row: skipped, and said.
  if (cells.length >= width && headers.every((header, i) => header.trim().toLowerCase() === (cells[i] ?? '').trim().toLowerCase())) {
    chunk.blankRows++;
    chunk.warnedRows++;
    chunk.errors.push({ row: record.row, column: '', value: '', message: `${WARNING_PREFIX}the header row again: skipped` });
    return;
  }
  if (cells.length > width && cells.slice(width).every((c) => c.trim() === '')) cells = cells.slice(0, width);
  if (cells.length !== width && !(cells.length === 1 && cells[0]!.trim() === '')) {
    chunk.failedRows++;
    chunk.errors.push({ row: record.row, column: '', value: '', message: `the row has ${cells.length} values but the header has ${width} columns` });
    return;
  }
  const result = rowToContact(cells, context);
  if (result.kind === 'blank') chunk.blankRows++;
  else if (result.kind === 'contact') {
    chunk.contacts.push({ row: record.row, input: result.input, evidence: result.evidence });
    if (result.warnings.length > 0) chunk.warnedRows++;
    for (const warning of result.warnings) chunk.errors.push({ row: record.row, ...warning, message: `${WARNING_PREFIX}${warning.message}` });
  }
  else {
    chunk.failedRows++;
    for (const error of result.errors) chunk.errors.push({ row: record.row, ...error });
  }
}

async function* withSamplesFirst(samples: CsvRecord[], rest: AsyncGenerator<CsvRecord>): AsyncGenerator<CsvRecord> {
  yield* samples;
  yield* rest;
}

/**
 * Runs (or resumes) an import to its end. Returns how it ended; an error that is nobody's fault
 * in particular (the database went away) is thrown, for the job to retry from the checkpoint.
 */
export async function runImport(db: Kysely<Tables>, workspaceId: string, importId: string, run: RunOptions): Promise<{ outcome: RunOutcome; import: Import | undefined }> {
  const claimed = await claimImport(db, workspaceId, importId, run.runner, run.takeover ?? {});
  if (!claimed) return { outcome: 'not_claimed', import: await importById(db, workspaceId, importId) };
  let progress: Import = claimed;
  let reader: CsvReader | null = null;
  const end = async (outcome: RunOutcome, change: Parameters<typeof endRun>[4]) => {
    const ended = await endRun(db, workspaceId, importId, run.runner, change);
    return { outcome, import: ended ?? (await importById(db, workspaceId, importId)) };
  };
  try {
    let encoding = claimed.encoding as FileEncoding | null;
    if (!encoding) {
      const scan = await scanFile(claimed.file_path);
      await recordScan(db, workspaceId, importId, scan);
      encoding = scan.encoding;
      progress = { ...progress, encoding, rows_total: scan.rows };
    }
    const options = importOptions(claimed.options as Partial<ImportOptions>);
    reader = await openCsv(claimed.file_path, encoding);
    const samples: CsvRecord[] = [];
    while (samples.length < SAMPLE_ROWS) {
      const next = await reader.rows.next();
      if (next.done) break;
      samples.push(next.value);
    }
    const mapping = await prepareMapping(db, claimed, options, reader.headers, samples);
    const rowContext: RowContext = {
      columns: mapping.filter((m) => m.target.kind !== 'ignore'),
      definitions: await customFieldDefinitions(db, workspaceId),
      placeholders: options.placeholders,
      dayFirst: options.day_first,
      tags: options.tags,
      fromInflowExport: isInflowExport(reader.headers),
      owners: await ownersByEmailOrName(db, workspaceId),
    };
    const reportPath = claimed.error_report_path!;
    const context: ChunkContext = {
      workspaceId,
      importId,
      runner: run.runner,
      actor: { type: 'import', id: importId },
      fileName: claimed.file_name,
      creationData: { file_name: claimed.file_name },
      skipExisting: options.on_existing === 'skip',
      keepExisting: options.keep_existing,
      reportPath,
      columnOf: columnOfField(mapping),
    };
    let reportBytes = Number(claimed.error_report_bytes);
    await mkdir(path.dirname(reportPath), { recursive: true, mode: 0o700 });
    await cutReport(reportPath, reportBytes);

    // The lookup of a chunk's existing contacts is one probe of the email index per row while the
    // planner knows how many contacts the workspace has. An import into a new workspace outgrows
    // the statistics at once: believing the workspace nearly empty, the planner read every one of
    // its contacts through another index for each row (a 1M-row import next to a large
    // workspace did not finish in 20 minutes). Statistics are refreshed as the import grows.
    const analyzeAt = [...ANALYZE_ON_THE_WAY];
    const refreshStatisticsOnTheWay = async (done: Pick<Import, 'rows_created' | 'rows_updated'>) => {
      const written = done.rows_created + done.rows_updated;
      if (analyzeAt.length === 0 || written < analyzeAt[0]!) return;
      while (analyzeAt.length > 0 && written >= analyzeAt[0]!) analyzeAt.shift();
      await sql`analyze contacts`.execute(db);
    };
    // PostgreSQL writes one chunk while the next is prepared in another transaction; PGlite
    // answers one query at a time, so there chunks are written one after the other (the next
    // is still read and cleaned meanwhile).
    const depth = run.writers ?? (servesConcurrently(db) ? 2 : 1);
    const writes = orderedWrites<Chunk>({
      depth,
      retryAlone: (err) => err instanceof EarlierChunkFailed || LOCK_CONFLICTS.has((err as { code?: string }).code ?? ''),
      write: (chunk, earlierCommitted, alone) =>
        writeChunk(db, context, chunk, { concurrent: !alone, earlierCommitted, reportBytes: () => reportBytes }).then(({ counts, reportBytes: bytes }) => {
          reportBytes = bytes;
          progress = {
            ...progress,
            rows_processed: progress.rows_processed + counts.processed,
            rows_created: progress.rows_created + counts.created,
            rows_updated: progress.rows_updated + counts.updated,
            rows_skipped: progress.rows_skipped + counts.skipped,
            rows_failed: progress.rows_failed + counts.failed,
            rows_warned: progress.rows_warned + counts.warned,
            checkpoint: chunk.checkpoint,
          };
          run.onProgress?.(progress);
          return refreshStatisticsOnTheWay(progress);
        }),
    });
    const write = async (chunk: Chunk) => {
      await writes.ready();
      // PGlite answers on the calling thread through promises alone, so an import would run from
      // start to end in microtasks, starving timers and HTTP requests: let them in between chunks.
      await new Promise((resolve) => setImmediate(resolve));
      if (run.signal?.aborted) {
        await writes.drain();
        throw new Interrupted();
      }
      await writes.push(chunk);
    };
    const chunkSize = run.chunkSize ?? (servesConcurrently(db) ? CHUNK_ROWS.postgres : CHUNK_ROWS.pglite);
    let chunk = emptyChunk(claimed.checkpoint);
    for await (const record of withSamplesFirst(samples, reader.rows)) {
      if (record.row - 1 <= claimed.checkpoint) continue; // committed by an earlier run
      addRow(chunk, record, reader.headers, rowContext);
      if (chunk.read >= chunkSize) {
        await write(chunk);
        chunk = emptyChunk(chunk.checkpoint);
      }
    }
    if (chunk.read > 0) await write(chunk);
    await writes.drain();
    // Fresh statistics for the lists and searches that follow a large import (PGlite has no
    // autovacuum to take them; on PostgreSQL it would, a minute or more later).
    if (progress.rows_created + progress.rows_updated >= ANALYZE_AFTER_ROWS) await sql`analyze contacts`.execute(db);

    const failure = reader.failure();
    if (failure) {
      const bytes = await appendErrors(reportPath, reportBytes, [{ row: failure.row, column: '', value: '', message: failure.message }]);
      const counts = { processed: 0, created: 0, updated: 0, skipped: 0, failed: 1, warned: 0 };
      await commitProgress(db, workspaceId, importId, run.runner, counts, progress.checkpoint, bytes);
      return await end('failed', { status: 'failed', error: `Row ${failure.row}: ${failure.message}` });
    }
    const done = await end('done', { status: 'done', rowsTotal: progress.checkpoint });
    if (claimed.file_owned) await unlink(claimed.file_path).catch(() => undefined);
    return done;
  } catch (err) {
    if (err instanceof Interrupted) return end('interrupted', { status: run.whenInterrupted ?? 'queued' });
    if (err instanceof RunLost) {
      // Cancelled (the runner is cleared here) or taken over by another runner (left alone).
      const current = await importById(db, workspaceId, importId);
      return current?.status === 'cancelled' ? end('cancelled', { status: 'cancelled' }) : { outcome: 'not_claimed', import: current };
    }
    if (err instanceof AppError) return end('failed', { status: 'failed', error: describeFailure(err) });
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') {
      return end('failed', { status: 'failed', error: `The file ${claimed.file_name} is gone: upload it again` });
    }
    if (run.failOnError) return end('failed', { status: 'failed', error: (err as Error).message });
    throw err;
  } finally {
    reader?.close();
  }
}

function describeFailure(err: AppError): string {
  const fields = err.fields.map((f) => `${f.field} ${f.message}`).join('; ');
  return fields ? `${err.message}: ${fields}` : err.message;
}
