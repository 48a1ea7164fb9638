// Writes one chunk of an import: its contacts, its error report lines and its checkpoint, in one
// transaction, so an interrupted import resumes exactly after the last chunk that committed.
import { sql, type Kysely, type Transaction } from 'kysely';
import type { Actor } from '../../../actor.js';
import type { DB } from '../../../db/schema.js';
import { upsertContactsInTransaction, type BatchItemResult } from '../batch.js';
import type { ContactInput } from '../contact-input.js';
import { emailIdentityKey, normaliseEmail } from '../email-address.js';
import { cleanText } from '../fields.js';
import { appendErrors, type RowError } from './error-report.js';
import { commitProgress, type ChunkCounts } from './import-store.js';

export interface Chunk {
  /** Rows that became contact inputs, with their row numbers. */
  contacts: Array<{ row: number; input: ContactInput }>;
  /** Rows refused before reaching the database. */
  errors: RowError[];
  /** Rows refused (counted once each, whatever their number of errors). */
  failedRows: number;
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
  skipExisting: boolean;
  keepExisting: boolean;
  reportPath: string;
  /** The column header a contact field's error belongs to. */
  columnOf: (field: string) => string;
}

/** The import is no longer this runner's: cancelled, or taken over by another runner. */
export class RunLost extends Error {}

type Tx = Transaction<DB>;

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
 * The batch upsert, made safe for a long transaction: a concurrent writer creating one of these
 * contacts makes the unique index refuse the batch, which then runs once more and sees it; a
 * value the database refuses sends the rows one by one, to find and report the culprits.
 */
async function upsertRows(tx: Tx, workspaceId: string, inputs: readonly ContactInput[], options: { actor: Actor; keepExisting: boolean }): Promise<BatchItemResult[]> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await inSavepoint(tx, () => upsertContactsInTransaction(tx, workspaceId, inputs, options));
    } catch (err) {
      const code = (err as { code?: unknown }).code;
      if (code === '23505' && attempt === 0) continue;
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
}

/** Identity keys of a contact input, as the batch compares them. */
function identityKeys(input: ContactInput): string[] {
  const keys: string[] = [];
  const email = input.email ? normaliseEmail(input.email) : null;
  if (email?.ok) keys.push(`e:${emailIdentityKey(email.email)}`);
  const externalId = cleanText(input.external_id);
  if (externalId) keys.push(`x:${externalId}`);
  return keys;
}

/**
 * With on_existing = skip, rows for contacts that exist are left out, as are later rows of the
 * file for a contact an earlier row creates: nothing existing is ever overwritten, and the
 * first row of a person wins. One query for the chunk.
 */
async function withoutExisting(tx: Tx, workspaceId: string, contacts: Chunk['contacts']): Promise<Chunk['contacts']> {
  const keys = contacts.map((c) => identityKeys(c.input));
  const emails = [...new Set(keys.flat().filter((k) => k.startsWith('e:')).map((k) => k.slice(2)))];
  const externalIds = [...new Set(keys.flat().filter((k) => k.startsWith('x:')).map((k) => k.slice(2)))];
  const taken = new Set<string>();
  if (emails.length > 0 || externalIds.length > 0) {
    const rows = await tx
      .selectFrom('contacts')
      .select([sql<string | null>`lower(email)`.as('email_key'), 'external_id'])
      .where('workspace_id', '=', workspaceId)
      .where((eb) =>
        eb.or([
          ...(emails.length ? [eb(sql`lower(email)`, '=', sql`any(${emails}::text[])`)] : []),
          ...(externalIds.length ? [eb('external_id', '=', sql<string>`any(${externalIds}::text[])`)] : []),
        ]),
      )
      .execute();
    for (const row of rows) {
      if (row.email_key) taken.add(`e:${row.email_key}`);
      if (row.external_id) taken.add(`x:${row.external_id}`);
    }
  }
  return contacts.filter((_, i) => {
    const own = keys[i]!;
    if (own.some((k) => taken.has(k))) return false;
    for (const k of own) taken.add(k);
    return true;
  });
}

/** Writes the chunk and moves the checkpoint; returns its counts and the report's new length. */
export async function writeChunk(db: Kysely<DB>, context: ChunkContext, chunk: Chunk, reportBytes: number): Promise<{ counts: ChunkCounts; reportBytes: number }> {
  return db.transaction().execute(async (tx) => {
    const contacts = context.skipExisting ? await withoutExisting(tx, context.workspaceId, chunk.contacts) : chunk.contacts;
    const results = contacts.length > 0
      ? await upsertRows(tx, context.workspaceId, contacts.map((c) => c.input), { actor: context.actor, keepExisting: context.keepExisting })
      : [];
    const counts: ChunkCounts = {
      processed: chunk.read,
      created: 0,
      updated: 0,
      skipped: chunk.blankRows + (chunk.contacts.length - contacts.length),
      failed: chunk.failedRows,
    };
    const errors = [...chunk.errors];
    for (const result of results) {
      if (result.status === 'created') counts.created++;
      else if (result.status === 'updated') counts.updated++;
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
    errors.sort((a, b) => a.row - b.row);
    const length = await appendErrors(context.reportPath, reportBytes, errors);
    if (!(await commitProgress(tx, context.workspaceId, context.importId, context.runner, counts, chunk.checkpoint, length))) throw new RunLost();
    return { counts, reportBytes: length };
  });
}

function fieldValue(input: ContactInput, field: string): string {
  const value = field.startsWith('custom.') ? input.custom?.[field.slice(7)] : (input as Record<string, unknown>)[field];
  if (value === undefined || value === null) return '';
  return Array.isArray(value) ? value.join('; ') : String(value);
}
