import type { Kysely } from 'kysely';
import type { Actor } from '../../actor.js';
import type { DB } from '../../db/schema.js';
import { AppError, type FieldError } from '../../errors.js';
import type { ContactInput } from './contact-input.js';
import { upsertContact } from './service.js';

export interface BatchItemResult {
  /** Position of the item in the input. */
  index: number;
  status: 'created' | 'updated' | 'error';
  id?: string;
  errors?: FieldError[];
}

export interface BatchOptions {
  actor: Actor;
  /** Only fill fields that are empty on existing contacts. */
  keepExisting?: boolean;
}

/**
 * Upserts many contacts, each with its own result: an invalid item fails alone, the rest are
 * stored. Items are applied in order, so two items for the same person end as one contact.
 */
export async function upsertContactsBatch(
  db: Kysely<DB>,
  workspaceId: string,
  inputs: readonly ContactInput[],
  options: BatchOptions,
): Promise<BatchItemResult[]> {
  const results: BatchItemResult[] = [];
  for (const [index, input] of inputs.entries()) {
    try {
      const result = await upsertContact(db, workspaceId, input, options);
      results.push({ index, status: result.created ? 'created' : 'updated', id: result.contact.id });
    } catch (err) {
      if (!(err instanceof AppError)) throw err;
      results.push({ index, status: 'error', errors: err.fields.length > 0 ? [...err.fields] : [{ field: '(contact)', message: err.message }] });
    }
  }
  return results;
}
