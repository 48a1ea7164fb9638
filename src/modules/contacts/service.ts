import { sql, type Kysely } from 'kysely';
import { isId } from '../../db/ids.js';
import type { Contact, DB } from '../../db/schema.js';
import { AppError, conflict, invalid, notFound } from '../../errors.js';
import { companiesAmong, linkCompany } from '../companies/service.js';
import { membersAmong } from '../workspaces/service.js';
import { applyChanges, type ContactValues } from './apply-changes.js';
import { upsertContactsBatch, valuesOf } from './batch.js';
import { checkContactInput, type ContactChanges, type ContactInput } from './contact-input.js';
import { forgetDuplicatePairs } from './duplicates.js';
import { fieldChanges } from './fields.js';
import {
  contactByEmailForUpdate,
  contactByExternalIdForUpdate,
  contactsByIds,
  customFieldDefinitions,
} from './queries.js';
import { refuseErasedEmail } from './suppressions.js';
import { forgetTimelines, recordTimeline, type Actor } from '../timeline/timeline.js';
import { publishDeletions, recordContactChanges } from './contact-changes.js';
import type { Executor } from '../../db/database.js';

export interface UpsertResult {
  contact: Contact;
  created: boolean;
}

async function checkedChanges(tx: Executor, workspaceId: string, input: ContactInput): Promise<ContactChanges> {
  const { changes, errors } = checkContactInput(input, await customFieldDefinitions(tx, workspaceId));
  if (changes.owner_id && !(await membersAmong(tx, workspaceId, [changes.owner_id])).has(changes.owner_id)) {
    errors.push({ field: 'owner_id', message: 'is not a user of this workspace' });
  }
  if (changes.company_id && !(await companiesAmong(tx, workspaceId, [changes.company_id])).has(changes.company_id)) {
    errors.push({ field: 'company_id', message: 'is not a company of this workspace' });
  }
  if (errors.length > 0) throw invalid(`${errors.length} field${errors.length === 1 ? '' : 's'} of the contact ${errors.length === 1 ? 'is' : 'are'} not valid`, errors);
  if (changes.email) await refuseErasedEmail(tx, workspaceId, changes.email);
  return changes;
}

function rowValues(values: ContactValues) {
  return { ...values, custom: JSON.stringify(values.custom) };
}

/** `companyId`: the company the caller set explicitly (it wins over domain linking), if any. */
async function updateContact(tx: Executor, workspaceId: string, current: Contact, next: ContactValues, actor: Actor, companyId?: string | null): Promise<Contact> {
  const changes = fieldChanges(valuesOf(current), next);
  if (Object.keys(changes).length === 0 && (companyId === undefined || companyId === current.company_id)) return current;
  if (changes.email && next.email) {
    const other = await contactByEmailForUpdate(tx, workspaceId, next.email);
    if (other && other.id !== current.id) throw conflict('Another contact has this email', [{ field: 'email', message: 'belongs to another contact' }]);
  }
  if (changes.external_id && next.external_id) {
    const other = await contactByExternalIdForUpdate(tx, workspaceId, next.external_id);
    if (other && other.id !== current.id) throw conflict('Another contact has this external id', [{ field: 'external_id', message: 'belongs to another contact' }]);
  }
  if (next.email === null && next.external_id === null) {
    throw invalid('A contact needs an email or an external id', [{ field: 'email', message: 'is required when there is no external_id' }]);
  }
  const company = companyId !== undefined ? companyId
    : changes.email || changes.company_name ? await linkCompany(tx, workspaceId, next.email, next.company_name, current.company_id) : current.company_id;
  if (company !== current.company_id) changes.company_id = [current.company_id, company];
  const updated = await tx
    .updateTable('contacts')
    .set({ ...rowValues(next), company_id: company, updated_at: sql`now()` })
    .where('workspace_id', '=', workspaceId)
    .where('id', '=', current.id)
    .returningAll()
    .executeTakeFirstOrThrow();
  await recordContactChanges(tx, workspaceId, actor, [{ contactId: current.id, kind: 'contact.updated', data: { changes } }]);
  return updated;
}

/**
 * Creates the contact, or updates the one with the same email (case-insensitive) or external
 * id. An email arriving for a contact known only by external id joins that contact. The same
 * engine as batches and imports, with one item.
 */
export async function upsertContact(
  db: Kysely<DB>,
  workspaceId: string,
  input: ContactInput,
  options: { actor: Actor; keepExisting?: boolean },
): Promise<UpsertResult> {
  const [result] = await upsertContactsBatch(db, workspaceId, [input], options);
  if (!result || result.status === 'error' || !result.contact) {
    const errors = result?.errors ?? [];
    const detail =
      result?.kind === 'conflict'
        ? `The contact collides with another one: ${errors.map((e) => `${e.field} ${e.message}`).join('; ')}`
        : `${errors.length} field${errors.length === 1 ? '' : 's'} of the contact ${errors.length === 1 ? 'is' : 'are'} not valid`;
    throw new AppError(result?.kind ?? 'invalid_input', detail, errors);
  }
  return { contact: result.contact, created: result.status === 'created' };
}

export async function getContact(db: Executor, workspaceId: string, id: string): Promise<Contact> {
  if (!isId(id)) throw notFound('Contact');
  const [contact] = await contactsByIds(db, workspaceId, [id]);
  if (!contact) throw notFound('Contact');
  return contact;
}

/** Changes the given fields of one contact; tags are set exactly. */
export async function patchContact(db: Kysely<DB>, workspaceId: string, id: string, input: ContactInput, actor: Actor): Promise<Contact> {
  return db.transaction().execute(async (tx) => {
    const current = await getContact(tx, workspaceId, id);
    const changes = await checkedChanges(tx, workspaceId, input);
    return updateContact(tx, workspaceId, current, applyChanges(valuesOf(current), changes, { keepExisting: false, tags: 'set' }), actor, changes.company_id);
  });
}

/**
 * Deletes contacts with their timelines and duplicate pairs, in the caller's transaction
 * (consents and list memberships go by foreign key; events have none, see migration 0002).
 * Returns how many went.
 */
export async function removeContacts(tx: Executor, workspaceId: string, ids: readonly string[], actor: Actor): Promise<number> {
  if (ids.length === 0) return 0;
  await forgetTimelines(tx, workspaceId, ids);
  await forgetDuplicatePairs(tx, workspaceId, ids);
  const deleted = await tx.deleteFrom('contacts').where('workspace_id', '=', workspaceId).where('id', 'in', ids).returning('id').execute();
  await publishDeletions(tx, workspaceId, actor, deleted.map((row) => row.id));
  return deleted.length;
}

export async function deleteContact(db: Kysely<DB>, workspaceId: string, id: string, actor: Actor): Promise<void> {
  if (!isId(id)) throw notFound('Contact');
  await db.transaction().execute(async (tx) => {
    if ((await removeContacts(tx, workspaceId, [id], actor)) === 0) throw notFound('Contact');
  });
}

export const MAX_NOTE_LENGTH = 20_000;

export async function addNote(db: Kysely<DB>, workspaceId: string, contactId: string, text: string, actor: Actor): Promise<void> {
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
 * Which of these ids are contacts of the workspace, for modules that take contact ids from
 * callers (list membership). Locked against deletion until the caller's transaction ends.
 */
export async function existingContactIds(tx: Executor, workspaceId: string, ids: readonly string[]): Promise<Set<string>> {
  const candidates = [...new Set(ids.filter(isId))];
  if (candidates.length === 0) return new Set();
  const rows = await tx.selectFrom('contacts').select('id').where('workspace_id', '=', workspaceId).where('id', 'in', candidates).forKeyShare().execute();
  return new Set(rows.map((row) => row.id));
}
