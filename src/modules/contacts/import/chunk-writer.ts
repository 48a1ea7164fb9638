// Writes one chunk of an import: its contacts, its error report lines and its checkpoint, in one
// transaction, so an interrupted import resumes exactly after the last chunk that committed.
import { sql, type Kysely, type Transaction } from 'kysely';
import type { Actor } from '../../../actor.js';
import type { Tables } from '../../../db/schema.js';
import { companiesFor } from '../../companies/link-companies.js';
import { upsertContactsInTransaction, type BatchItemResult, type BatchOptions } from '../batch.js';
import type { ContactInput } from '../contact-input.js';
import { normaliseEmail } from '../../../lib/email-address.js';
import { cleanText } from '../fields.js';
import { appendErrors, WARNING_PREFIX, type RowError } from './error-report.js';
import type { RowEvidence } from './import-evidence.js';
import { recordImportEvidence } from './record-evidence.js';
import { commitProgress, type ChunkCounts } from './import-store.js';

export interface Chunk {
  /** Rows that became contact inputs, with their row numbers and what else they say. */
  contacts: Array<{ row: number; input: ContactInput; evidence?: RowEvidence | undefined }>;
  /** Rows refused before reaching the database. */
  errors: RowError[];
  /** Rows refused (counted once each, whatever their number of errors). */
  failedRows: number;
  /** Rows imported with a value left out; their warnings are among `errors`. */
  warnedRows: number;
  blankRows: number;
  /** Data rows this chunk read, and the checkpoint after it. */
  read: number;
  checkpoint: number;
}

export interface ChunkContext {
  workspaceId: string;
  importId: string;
  runner: string;
  actor: Actor;
  /** The imported file's name: the source of the consent records it holds. */
  fileName: string;
  /** What the timeline of each contact the import creates says of its creation (one object for all). */
  creationData: Record<string, unknown>;
  skipExisting: boolean;
  keepExisting: boolean;
  reportPath: string;
  /** The column header a contact field's error belongs to. */
  columnOf: (field: string) => string;
}

/** The import is no longer this runner's: cancelled, or taken over by another runner. */
export class RunLost extends Error {}

type Tx = Transaction<Tables>;

// Class 22 (data exception) and 23 (integrity) come from a value the database refuses; anything
// else (connection lost, deadlock) is no fault of the rows and is retried by the caller.
const isRowFault = (code: unknown) => typeof code === 'string' && (code.startsWith('22') || code.startsWith('23'));

async function inSavepoint<T>(tx: Tx, work: () => Promise<T>): Promise<T> {
  await sql`savepoint import_rows`.execute(tx);
  try {
    const result = await work();
    await sql`release savepoint import_rows`.execute(tx);
    return result;
  } catch (err) {
    await sql`rollback to savepoint import_rows`.execute(tx);
    throw err;
  }
}

/**
 * The batch upsert, made safe for a long transaction: a concurrent writer (another chunk, the
 * API) creating one of these contacts makes the unique index refuse the batch, which then runs
 * once more and sees it; a value the database refuses sends the rows one by one, to find and
 * report the culprits.
 */
async function upsertRows(tx: Tx, workspaceId: string, inputs: readonly ContactInput[], options: BatchOptions, attempt = 0): Promise<BatchItemResult[]> {
  if (inputs.length === 0) return [];
  try {
    return await inSavepoint(tx, () => upsertContactsInTransaction(tx, workspaceId, inputs, options));
  } catch (err) {
    const code = (err as { code?: unknown }).code;
    if (code === '23505' && attempt === 0) return upsertRows(tx, workspaceId, inputs, options, 1);
    if (!isRowFault(code)) throw err;
    if (inputs.length === 1) {
      return [{ index: 0, status: 'error', errors: [{ field: '(contact)', message: `the database refused the row: ${(err as Error).message}` }] }];
    }
    const results: BatchItemResult[] = [];
    for (const [index, input] of inputs.entries()) {
      const [result] = await upsertRows(tx, workspaceId, [input], options);
      results.push({ ...result!, index });
    }
    return results;
  }
}

/**
 * Creates the companies of the chunk's company names and email domains in a transaction of their own, before the
 * chunk's. Two chunks written at once often both create a new company; inside their
 * transactions the later-started one could hold it while the earlier one waits, which waits in
 * turn for nothing but its own commit. Committed first, a company is shared at once. Should the
 * chunk fail for good, the company stays, empty, as if created by hand.
 */
async function createCompaniesFirst(db: Kysely<Tables>, workspaceId: string, contacts: Chunk['contacts']): Promise<void> {
  const people = contacts.flatMap(({ input }) => {
    if (input.company_id) return [];
    const email = input.email ? normaliseEmail(input.email) : null;
    const companyName = cleanText(input.company_name);
    return email?.ok || companyName ? [{ email: email?.ok ? email.email : null, companyName }] : [];
  });
  if (people.length > 0) await db.transaction().execute((tx) => companiesFor(tx, workspaceId, people));
}

/** Where a chunk stands among the chunks written at the same time. */
export interface ChunkOrder {
  /** Other chunks are written at the same time. */
  concurrent: boolean;
  /** Resolves when the chunk before this one committed; null when it already had. */
  earlierCommitted: Promise<void> | null;
  /** The error report's committed length, read once the earlier chunk committed. */
  reportBytes: () => number;
}

/** Writes the chunk and moves the checkpoint; returns its counts and the report's new length. */
export async function writeChunk(db: Kysely<Tables>, context: ChunkContext, chunk: Chunk, order: ChunkOrder): Promise<{ counts: ChunkCounts; reportBytes: number }> {
  if (order.concurrent) await createCompaniesFirst(db, context.workspaceId, chunk.contacts);
  return db.transaction().execute(async (tx) => {
    // Waiting for the disk at each chunk's commit was a large share of an import's time. A crash
    // can lose the last chunks' commits, but never half of one: the checkpoint is in the same
    // transaction, so the import resumes from the last chunk that reached the disk.
    await sql`set local synchronous_commit = off`.execute(tx);
    // Waiting for a lock a later chunk holds would never end (it waits for this one to commit).
    if (order.concurrent) await sql`set local lock_timeout = '5s'`.execute(tx);
    const { contacts } = chunk;
    const results = await upsertRows(tx, context.workspaceId, contacts.map((c) => c.input), {
      actor: context.actor,
      keepExisting: context.keepExisting,
      skipExisting: context.skipExisting,
      returnContacts: false,
      creationData: context.creationData,
    });
    const counts: ChunkCounts = {
      processed: chunk.read,
      created: 0,
      updated: 0,
      skipped: chunk.blankRows,
      failed: chunk.failedRows,
      warned: chunk.warnedRows,
    };
    const errors = [...chunk.errors];
    const evidence: Array<{ contactId: string; evidence: RowEvidence }> = [];
    // A row the engine warns about (an identity conflict) counts once among the warned rows,
    // even when reading it already gave a warning.
    const warnedRows = new Set(chunk.errors.flatMap((e) => (e.message.startsWith(WARNING_PREFIX) ? [e.row] : [])));
    for (const result of results) {
      const written = result.status === 'created' || result.status === 'updated';
      const rowEvidence = written && result.id ? contacts[result.index]!.evidence : undefined;
      if (rowEvidence) evidence.push({ contactId: result.id!, evidence: rowEvidence });
      if (result.warnings) {
        const { row, input } = contacts[result.index]!;
        if (!warnedRows.has(row)) counts.warned++;
        for (const warning of result.warnings) {
          errors.push({ row, column: context.columnOf(warning.field), value: fieldValue(input, warning.field), message: `${WARNING_PREFIX}${warning.field} ${warning.message}` });
        }
      }
      if (result.status === 'created') counts.created++;
      else if (result.status === 'updated') counts.updated++;
      else if (result.status === 'skipped') counts.skipped++;
      else {
        counts.failed++;
        const { row, input } = contacts[result.index]!;
        for (const error of result.errors ?? []) {
          const value = fieldValue(input, error.field);
          const message = error.field.startsWith('(') ? error.message : `${error.field} ${error.message}`;
          errors.push({ row, column: context.columnOf(error.field), value, message });
        }
      }
    }
    await recordImportEvidence(tx, context.workspaceId, context.actor, context.fileName, evidence);
    errors.sort((a, b) => a.row - b.row);
    if (order.earlierCommitted) await order.earlierCommitted;
    const length = await appendErrors(context.reportPath, order.reportBytes(), errors);
    if (!(await commitProgress(tx, context.workspaceId, context.importId, context.runner, counts, chunk.checkpoint, length))) throw new RunLost();
    return { counts, reportBytes: length };
  });
}

function fieldValue(input: ContactInput, field: string): string {
  const value = field.startsWith('custom.') ? input.custom?.[field.slice(7)] : (input as Record<string, unknown>)[field];
  if (value === undefined || value === null) return '';
  return Array.isArray(value) ? value.join('; ') : String(value);
}
