import { sql, type Kysely } from 'kysely';
import { isId } from '../../db/ids.js';
import type { Contact, Tables } from '../../db/schema.js';
import { AppError, notFound, type FieldError } from '../../errors.js';
import { runContactWrites, upsertContactsBatch, type BatchItemResult } from './batch.js';
import type { ContactInput } from './contact-input.js';
import { contactsByIds, heldContactsByIds } from './queries.js';
import { recordTimeline, type Actor } from '../timeline/timeline.js';
import type { Executor } from '../../db/database.js';
import { plural } from '../../lib/plural.js';

export interface UpsertResult {
  contact: Contact;
  created: boolean;
  /** What was left out of the input: an external id that conflicts with the contact's (batch.ts). */
  warnings?: FieldError[];
}

/**
 * Creates the contact, or updates the one with the same email (case-insensitive) or external
 * id. An email arriving for a contact known only by external id joins that contact. The same
 * engine as batches and imports, with one item.
 */
export async function upsertContact(
  db: Kysely<Tables>,
  workspaceId: string,
  input: ContactInput,
  options: { actor: Actor; keepExisting?: boolean },
): Promise<UpsertResult> {
  const [result] = await upsertContactsBatch(db, workspaceId, [input], options);
  return { contact: storedContact(result), created: result?.status === 'created', ...(result?.warnings ? { warnings: result.warnings } : {}) };
}

/** The contact a single write stored, or the error it failed with. */
export function storedContact(result: BatchItemResult | undefined): Contact {
  if (result?.status !== 'error' && result?.contact) return result.contact;
  const errors = result?.errors ?? [];
  if (result?.kind === 'not_found') throw notFound('Contact');
  const detail =
    result?.kind === 'conflict'
      ? `The contact collides with another one: ${errors.map((e) => `${e.field} ${e.message}`).join('; ')}`
      : `${plural(errors.length, 'field of the contact is', 'fields of the contact are')} not valid`;
  throw new AppError(result?.kind ?? 'invalid_input', detail, errors);
}

export async function getContact(db: Executor, workspaceId: string, id: string): Promise<Contact> {
  if (!isId(id)) throw notFound('Contact');
  const [contact] = await contactsByIds(db, workspaceId, [id]);
  if (!contact) throw notFound('Contact');
  return contact;
}

/** A contact whether live or in the trash (privacy requests reach both); 404 when there is none. */
export async function getHeldContact(db: Executor, workspaceId: string, id: string): Promise<Contact> {
  if (!isId(id)) throw notFound('Contact');
  const [contact] = await heldContactsByIds(db, workspaceId, [id]);
  if (!contact) throw notFound('Contact');
  return contact;
}

/** Changes the given fields of one contact; tags are set exactly. */
export async function patchContact(db: Kysely<Tables>, workspaceId: string, id: string, input: ContactInput, actor: Actor): Promise<Contact> {
  const [result] = await runContactWrites(db, workspaceId, [{ id, input }], { actor, tags: 'set' });
  return storedContact(result);
}

export const MAX_NOTE_LENGTH = 20_000;

export async function addNote(db: Kysely<Tables>, workspaceId: string, contactId: string, text: string, actor: Actor): Promise<void> {
  const body = text.trim();
  if (!body) throw new AppError('invalid_input', 'The note is empty', [{ field: 'text', message: 'must not be empty' }]);
  await db.transaction().execute(async (tx) => {
    await getContact(tx, workspaceId, contactId);
    await recordTimeline(tx, workspaceId, actor, [{ contactId, kind: 'note.added', data: { text: body } }]);
    await tx
      .updateTable('contacts')
      .set({ last_activity_at: sql`now()` })
      .where('workspace_id', '=', workspaceId)
      .where('id', '=', contactId)
      .execute();
  });
}

/**
 * Which of these ids are live contacts of the workspace (not in the trash), for modules that
 * take contact ids from callers (list membership). Locked against deletion until the caller's transaction ends.
 */
export async function existingContactIds(tx: Executor, workspaceId: string, ids: readonly string[]): Promise<Set<string>> {
  const candidates = [...new Set(ids.filter(isId))];
  if (candidates.length === 0) return new Set();
  const rows = await tx.selectFrom('contacts').select('id').where('workspace_id', '=', workspaceId).where('id', 'in', candidates).where('deleted_at', 'is', null).forKeyShare().execute();
  return new Set(rows.map((row) => row.id));
}

/** How modules above name contacts they list (the live view of tracking): email and name, for live contacts of the workspace. */
export async function contactLabels(db: Executor, workspaceId: string, ids: readonly string[]): Promise<Map<string, { email: string | null; first_name: string | null; last_name: string | null }>> {
  const candidates = [...new Set(ids.filter(isId))];
  if (candidates.length === 0) return new Map();
  const rows = await db.selectFrom('contacts').select(['id', 'email', 'first_name', 'last_name']).where('workspace_id', '=', workspaceId).where('id', 'in', candidates).where('deleted_at', 'is', null).execute();
  return new Map(rows.map(({ id, ...label }) => [id, label]));
}
