import { sql, type Kysely, type Transaction } from 'kysely';
import { isId, newId } from '../../db/ids.js';
import type { Contact, DB } from '../../db/schema.js';
import { AppError, conflict, invalid, notFound } from '../../errors.js';
import { linkCompany } from '../companies/service.js';
import { applyChanges, type ApplyOptions, type ContactValues } from './apply-changes.js';
import { checkContactInput, type ContactChanges, type ContactInput } from './contact-input.js';
import { fieldChanges } from './fields.js';
import {
  contactByEmailForUpdate,
  contactByExternalIdForUpdate,
  contactsByIds,
  customFieldDefinitions,
  isMember,
} from './queries.js';
import { recordTimeline, type Actor } from './timeline.js';

type Executor = Kysely<DB> | Transaction<DB>;

export interface UpsertResult {
  contact: Contact;
  created: boolean;
}

async function checkedChanges(tx: Executor, workspaceId: string, input: ContactInput): Promise<ContactChanges> {
  const { changes, errors } = checkContactInput(input, await customFieldDefinitions(tx, workspaceId));
  if (changes.owner_id && (!isId(changes.owner_id) || !(await isMember(tx, workspaceId, changes.owner_id)))) {
    errors.push({ field: 'owner_id', message: 'is not a user of this workspace' });
  }
  if (errors.length > 0) throw invalid(`${errors.length} field${errors.length === 1 ? '' : 's'} of the contact ${errors.length === 1 ? 'is' : 'are'} not valid`, errors);
  return changes;
}

function valuesOf(contact: Contact): ContactValues {
  const { workspace_id: _w, id: _i, created_at: _c, updated_at: _u, last_activity_at: _l, score: _s, fit_score: _f, temperature: _t, company_id: _co, unsubscribed_at: _un, ...values } = contact;
  return values;
}

function rowValues(values: ContactValues) {
  return { ...values, custom: JSON.stringify(values.custom) };
}

/** Finds the one contact the identity points at; two different contacts is a conflict. */
async function findByIdentity(tx: Executor, workspaceId: string, changes: ContactChanges): Promise<Contact | undefined> {
  const byEmail = changes.email ? await contactByEmailForUpdate(tx, workspaceId, changes.email) : undefined;
  const byExternalId = changes.external_id ? await contactByExternalIdForUpdate(tx, workspaceId, changes.external_id) : undefined;
  if (byEmail && byExternalId && byEmail.id !== byExternalId.id) {
    throw conflict('The email belongs to one contact and the external id to another: merge them first', [
      { field: 'email', message: 'belongs to another contact than external_id' },
    ]);
  }
  return byEmail ?? byExternalId;
}

async function updateContact(tx: Executor, workspaceId: string, current: Contact, next: ContactValues, actor: Actor): Promise<Contact> {
  const changes = fieldChanges(valuesOf(current), next);
  if (Object.keys(changes).length === 0) return current;
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
  const companyId = changes.email || changes.company_name ? await linkCompany(tx, workspaceId, next.email, next.company_name, current.company_id) : current.company_id;
  const updated = await tx
    .updateTable('contacts')
    .set({ ...rowValues(next), company_id: companyId, updated_at: sql`now()` })
    .where('workspace_id', '=', workspaceId)
    .where('id', '=', current.id)
    .returningAll()
    .executeTakeFirstOrThrow();
  await recordTimeline(tx, workspaceId, actor, [{ contactId: current.id, kind: 'contact.updated', data: { changes } }]);
  return updated;
}

/**
 * Creates the contact, or updates the one with the same email (case-insensitive) or external
 * id. An email arriving for a contact known only by external id joins that contact.
 */
export async function upsertContact(
  db: Kysely<DB>,
  workspaceId: string,
  input: ContactInput,
  options: { actor: Actor; keepExisting?: boolean },
): Promise<UpsertResult> {
  const apply: ApplyOptions = { keepExisting: options.keepExisting ?? false, tags: 'add' };
  // Two requests creating the same new email race on the unique index; the loser retries as an update.
  for (let attempt = 0; ; attempt++) {
    try {
      return await db.transaction().execute(async (tx) => {
        const changes = await checkedChanges(tx, workspaceId, input);
        if (!changes.email && !changes.external_id) {
          throw invalid('A contact needs an email or an external id', [{ field: 'email', message: 'is required when there is no external_id' }]);
        }
        const current = await findByIdentity(tx, workspaceId, changes);
        if (current) return { contact: await updateContact(tx, workspaceId, current, applyChanges(valuesOf(current), changes, apply), options.actor), created: false };
        const values = applyChanges(null, changes, apply);
        const contact = await tx
          .insertInto('contacts')
          .values({
            workspace_id: workspaceId,
            id: newId(),
            ...rowValues(values),
            company_id: await linkCompany(tx, workspaceId, values.email, values.company_name, null),
          })
          .returningAll()
          .executeTakeFirstOrThrow();
        await recordTimeline(tx, workspaceId, options.actor, [
          { contactId: contact.id, kind: 'contact.created', data: { fields: fieldChanges({}, values) } },
        ]);
        return { contact, created: true };
      });
    } catch (err) {
      if (attempt === 0 && (err as { code?: string }).code === '23505') continue;
      throw err;
    }
  }
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
    return updateContact(tx, workspaceId, current, applyChanges(valuesOf(current), changes, { keepExisting: false, tags: 'set' }), actor);
  });
}

export async function deleteContact(db: Executor, workspaceId: string, id: string): Promise<void> {
  if (!isId(id)) throw notFound('Contact');
  const result = await db.deleteFrom('contacts').where('workspace_id', '=', workspaceId).where('id', '=', id).executeTakeFirst();
  if (result.numDeletedRows === 0n) throw notFound('Contact');
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
