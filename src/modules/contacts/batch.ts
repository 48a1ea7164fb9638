import { sql, type Kysely, type Transaction } from 'kysely';
import type { Actor } from '../../actor.js';
import { isId, newId } from '../../db/ids.js';
import type { Contact, Tables } from '../../db/schema.js';
import type { ErrorKind, FieldError } from '../../errors.js';
import { companiesFor } from '../companies/link-companies.js';
import { companiesAmong } from '../companies/service.js';
import { membersAmong } from '../workspaces/service.js';
import { applyChanges, type ApplyOptions, type ContactValues } from './apply-changes.js';
import { checkContactInput, type ContactChanges, type ContactInput } from './contact-input.js';
import { emailIdentityKey } from '../../lib/email-address.js';
import { fieldChanges } from './fields.js';
import { customFieldDefinitions } from './queries.js';
import { ERASED_EMAIL_MESSAGE, erasedEmails, syncOptOuts } from './suppressions.js';
import { recordContactChanges, type PendingHistory } from './contact-changes.js';
import type { TimelineEntry } from '../timeline/timeline.js';
import { restoreContacts } from './trash.js';
import { writeContacts } from './write-contacts.js';

export interface BatchItemResult {
  /** Position of the item in the input. */
  index: number;
  /** skipped: the contact exists and the caller asked to leave existing contacts alone. */
  status: 'created' | 'updated' | 'skipped' | 'error';
  id?: string;
  /** The stored contact, for callers that answer with it. */
  contact?: Contact;
  errors?: FieldError[];
  /** Why the item failed: invalid_input, or conflict when it collides with other contacts. */
  kind?: ErrorKind;
  /** What was left out of an item that was written (or skipped): an external id that conflicts with the contact's. */
  warnings?: FieldError[];
}

export interface BatchOptions {
  actor: Actor;
  /** Only fill fields that are empty on existing contacts. */
  keepExisting?: boolean;
  /** Upserts add the tags sent to the ones a contact has (the default); an edit sets them exactly. */
  tags?: ApplyOptions['tags'];
  /**
   * Insert only: an item for a contact that exists (or that an earlier item of the batch
   * creates) is skipped, so nothing existing is ever overwritten and a person's first item wins.
   */
  skipExisting?: boolean;
  /** Give each result its stored contact (an import does not need them: false saves reading them back). */
  returnContacts?: boolean;
  /**
   * The data of every new contact's `contact.created` entry, in place of the fields each was
   * created with. An import names itself: its values are on the contacts, and repeating them in
   * a million entries was a third of the import's time in the database.
   */
  creationData?: Record<string, unknown>;
  /** 'raise': an existing contact's lifecycle stage only moves up (forms). */
  stage?: ApplyOptions['stage'];
  /** Where the timeline entries and events go, for the caller to write with the rest of its batch; written here when absent. */
  pending?: PendingHistory;
}

/**
 * One write the engine applies: a contact named by its identity (email or external id), created
 * when unknown; or, with `id`, one known contact changed (an edit, the survivor of a merge).
 */
export interface ContactWrite {
  input: ContactInput;
  /** The contact to change: it is not looked up by its identity, and an error if it is gone. */
  id?: string;
  /** The timeline entry of the change, in place of `contact.updated` (a merge says what it merged); recorded even when no field changes. */
  describe?: (changes: FieldDiff) => Pick<TimelineEntry, 'kind' | 'data'>;
}

type FieldDiff = Record<string, [unknown, unknown]>;

type Tx = Transaction<Tables>;

/** A contact as the batch sees it while applying items in order. */
interface Working {
  id: string;
  original: Contact | null;
  values: ContactValues;
  companyId: string | null;
  /** The caller named the company: it wins over linking by the email's domain. */
  explicitCompany: boolean;
  /** This contact's entry in the batch's timeline, to which a company change is added. */
  entry: TimelineEntry | null;
  /** A new contact's creation time, when the caller gave one. */
  createdAt?: Date;
}

export function valuesOf(contact: Contact): ContactValues {
  const {
    workspace_id: _w, id: _i, created_at: _c, updated_at: _u, last_activity_at: _l, score: _s, fit_score: _f, temperature: _t, company_id: _co, unsubscribed_at: _un, tag_keys: _k, phone_digits: _pd,
    deleted_at: _d, deleted_by_type: _dt, deleted_by_id: _di, deleted_lists: _dl,
    ...values
  } = contact;
  return values;
}

function failed(index: number, kind: ErrorKind, errors: FieldError[]): BatchItemResult {
  return { index, status: 'error', kind, errors };
}

/** Owners must be users of the workspace: one query for the whole batch. */
function members(tx: Tx, workspaceId: string, changes: ReadonlyArray<ContactChanges | null>): Promise<Set<string>> {
  return membersAmong(tx, workspaceId, changes.flatMap((c) => (typeof c?.owner_id === 'string' ? [c.owner_id] : [])));
}

/** Explicit companies must be the workspace's own: one query for the whole batch. */
function companiesOf(tx: Tx, workspaceId: string, changes: ReadonlyArray<ContactChanges | null>): Promise<Set<string>> {
  return companiesAmong(tx, workspaceId, changes.flatMap((c) => (typeof c?.company_id === 'string' ? [c.company_id] : [])));
}

/**
 * Every existing contact any item could touch, by email key and by external id, locked. One
 * probe of the unique index per key: written as `lower(email) = any(…)`, the planner could
 * instead read the whole workspace through another index when its statistics lag behind the
 * table (during a large import, or on PGlite, which has no autovacuum), once per batch.
 */
async function existingContacts(tx: Tx, workspaceId: string, changes: ReadonlyArray<ContactChanges | null>, ids: readonly string[]): Promise<Contact[]> {
  const emails = [...new Set(changes.flatMap((c) => (c?.email ? [emailIdentityKey(c.email)] : [])))];
  const externalIds = [...new Set(changes.flatMap((c) => (c?.external_id ? [c.external_id] : [])))];
  if (emails.length === 0 && externalIds.length === 0 && ids.length === 0) return [];
  // The locking subquery is never flattened into a join, so each key stays an index probe. Only
  // the kinds of key the batch has are asked for: planning the statement cost more than running
  // it, and a branch for keys there are none of is planned all the same.
  const branches = [];
  if (emails.length > 0) branches.push(sql`select c.* from unnest(${emails}::text[]) as k(key)
      cross join lateral (select * from contacts where workspace_id = ${workspaceId} and lower(email) = k.key for update) as c`);
  if (externalIds.length > 0) branches.push(sql`select c.* from unnest(${externalIds}::text[]) as k(key)
      cross join lateral (select * from contacts where workspace_id = ${workspaceId} and external_id = k.key for update) as c`);
  if (ids.length > 0) branches.push(sql`select c.* from unnest(${ids}::uuid[]) as k(key)
      cross join lateral (select * from contacts where workspace_id = ${workspaceId} and id = k.key for update) as c`);
  const { rows } = await sql<Contact>`${sql.join(branches, sql` union all `)}`.execute(tx);
  const byId = new Map(rows.map((row) => [row.id, row]));
  return [...byId.values()];
}

/**
 * Applies the items in order to the contacts they name, then writes all of them with a few
 * set-based statements in the caller's transaction: the lookups, one insert of the new contacts
 * and one update of the known ones (per 5,000), one timeline insert. Two items for the same person end as one contact.
 */
export function upsertContactsInTransaction(
  tx: Tx,
  workspaceId: string,
  inputs: readonly ContactInput[],
  options: BatchOptions,
): Promise<BatchItemResult[]> {
  return applyContactWrites(tx, workspaceId, inputs.map((input) => ({ input })), options);
}

/**
 * The engine every contact write goes through (upserts, batches, imports, edits, merges): the
 * same checks of owners, companies and erased emails, the same identity rules and the same
 * company linking, written set-based in the caller's transaction.
 */
export async function applyContactWrites(
  tx: Tx,
  workspaceId: string,
  writes: readonly ContactWrite[],
  options: BatchOptions,
): Promise<BatchItemResult[]> {
  const apply: ApplyOptions = { keepExisting: options.keepExisting ?? false, tags: options.tags ?? 'add', stage: options.stage ?? 'set' };
  // A write that names its contact by identity keeps first-touch fields; an edit by id may change them.
  const upsertApply: ApplyOptions = { ...apply, keepFirstTouch: true };
  // Only custom values are checked against the definitions: a batch without any is spared the lookup.
  const definitions = writes.some((write) => write.input.custom !== undefined) ? await customFieldDefinitions(tx, workspaceId) : new Map();
  const results: BatchItemResult[] = [];
  const checked = writes.map((write) => checkContactInput(write.input, definitions));
  const allChanges = checked.map((c) => (c.errors.length === 0 ? c.changes : null));
  const owners = await members(tx, workspaceId, allChanges);
  const companies = await companiesOf(tx, workspaceId, allChanges);
  const erased = await erasedEmails(tx, workspaceId, allChanges.flatMap((c) => (c?.email ? [c.email] : [])));
  const byEmail = new Map<string, Working>();
  const byExternalId = new Map<string, Working>();
  const remember = (w: Working) => {
    if (w.values.email) byEmail.set(emailIdentityKey(w.values.email), w);
    if (w.values.external_id) byExternalId.set(w.values.external_id, w);
  };
  const targetIds = [...new Set(writes.flatMap((w) => (w.id && isId(w.id) ? [w.id] : [])))];
  const byId = new Map<string, Working>();
  for (const contact of await existingContacts(tx, workspaceId, allChanges, targetIds)) {
    const working: Working = { id: contact.id, original: contact, values: valuesOf(contact), companyId: contact.company_id, explicitCompany: false, entry: null };
    // A contact in the trash keeps its email and external id, but cannot be edited by id.
    if (!contact.deleted_at) byId.set(contact.id, working);
    remember(working);
  }
  const inTrash = (w: Working | undefined) => w?.original?.deleted_at != null;
  // Trashed contacts a write names by email or external id: restored before it applies (trash.ts).
  const restoring = new Set<string>();
  const touched: Working[] = [];
  const timeline: TimelineEntry[] = [];

  for (const [index, { changes, errors }] of checked.entries()) {
    if (changes.owner_id && !owners.has(changes.owner_id)) errors.push({ field: 'owner_id', message: 'is not a user of this workspace' });
    if (changes.company_id && !companies.has(changes.company_id)) errors.push({ field: 'company_id', message: 'is not a company of this workspace' });
    if (errors.length > 0) {
      results.push(failed(index, 'invalid_input', errors));
      continue;
    }
    if (changes.email && erased.has(emailIdentityKey(changes.email))) {
      results.push(failed(index, 'conflict', [{ field: 'email', message: ERASED_EMAIL_MESSAGE }]));
      continue;
    }
    if (!writes[index]!.id && !changes.email && !changes.external_id) {
      results.push(failed(index, 'invalid_input', [{ field: 'email', message: 'is required when there is no external_id' }]));
      continue;
    }
    const { id: targetId, describe } = writes[index]!;
    let current: Working | undefined;
    let kept = changes;
    const warnings: FieldError[] = [];
    if (targetId !== undefined) {
      current = byId.get(targetId);
      if (!current) {
        results.push(failed(index, 'not_found', [{ field: 'id', message: 'is not a contact of this workspace' }]));
        continue;
      }
    } else {
      const viaEmail = changes.email ? byEmail.get(emailIdentityKey(changes.email)) : undefined;
      const viaExternal = changes.external_id ? byExternalId.get(changes.external_id) : undefined;
      current = viaEmail ?? viaExternal;
      // The email decides whose contact it is; an external id that is not that contact's is left
      // out and reported, so the first id stays (issue 9 point 6).
      const conflict = viaEmail && externalIdConflict(viaEmail, viaExternal, changes.external_id);
      if (conflict) {
        warnings.push(conflict);
        kept = { ...changes, external_id: undefined };
      }
    }
    const warned = warnings.length > 0 ? { warnings } : {};
    if (current && options.skipExisting) {
      if (inTrash(current)) restoring.add(current.id);
      results.push({ index, status: 'skipped', id: current.id, ...warned });
      continue;
    }
    const next = applyChanges(current?.values ?? null, kept, targetId === undefined ? upsertApply : apply);
    const emailOwner = next.email ? byEmail.get(emailIdentityKey(next.email)) : undefined;
    const externalOwner = next.external_id ? byExternalId.get(next.external_id) : undefined;
    if ((emailOwner && emailOwner !== current) || (externalOwner && externalOwner !== current)) {
      const owner = emailOwner && emailOwner !== current ? emailOwner : externalOwner!;
      const field = owner === emailOwner ? 'email' : 'external_id';
      results.push(failed(index, 'conflict', [{ field, message: inTrash(owner) ? 'belongs to a contact in the trash: restore it, or delete it for good' : 'belongs to another contact' }]));
      continue;
    }
    if (!next.email && !next.external_id) {
      results.push(failed(index, 'invalid_input', [{ field: 'email', message: 'is required when there is no external_id' }]));
      continue;
    }
    // Like any field, a named company does not replace one already set when keeping existing values.
    const namesCompany = changes.company_id !== undefined && !(apply.keepExisting && current?.companyId);
    if (current) {
      if (inTrash(current)) restoring.add(current.id);
      const diff = fieldChanges(current.values, next);
      if (namesCompany && changes.company_id !== current.companyId) diff.company_id = [current.companyId, changes.company_id ?? null];
      if (Object.keys(diff).length > 0 || describe) {
        if (!touched.includes(current)) touched.push(current);
        current.entry = { contactId: current.id, ...(describe ? describe(diff) : { kind: 'contact.updated', data: { changes: diff } }) };
        timeline.push(current.entry);
        current.values = next;
        if (namesCompany) {
          current.companyId = changes.company_id ?? null;
          current.explicitCompany = true;
        }
        remember(current);
      }
      results.push({ index, status: 'updated', id: current.id, ...warned });
    } else {
      const id = newId();
      const companyId = namesCompany ? (changes.company_id ?? null) : null;
      const entry: TimelineEntry = { contactId: id, kind: 'contact.created', data: options.creationData ?? { fields: createdFields(next, companyId) }, occurredAt: changes.createdAt };
      const created: Working = { id, original: null, values: next, companyId, explicitCompany: namesCompany, entry, createdAt: changes.createdAt };
      touched.push(created);
      remember(created);
      timeline.push(entry);
      results.push({ index, status: 'created', id: created.id });
    }
  }

  await restoreContacts(tx, workspaceId, [...restoring], options.actor);
  await linkCompanies(tx, workspaceId, touched);
  const returning = options.returnContacts ?? true;
  const written = await writeContacts(tx, workspaceId, touched.map((w) => ({ id: w.id, values: w.values, companyId: w.companyId, isNew: w.original === null, createdAt: w.createdAt })), { returning });
  await recordContactChanges(tx, workspaceId, options.actor, timeline, options.pending);
  // An email opt-out, however it came (a form, the API, an import's "Unsubscribed" column), is
  // kept on the suppression list too.
  const optedOut = touched.filter((w) => w.values.email && w.values.do_not_email && (!w.original?.do_not_email || w.original.email !== w.values.email));
  const optedIn = touched.filter((w) => w.values.email && !w.values.do_not_email && w.original?.do_not_email);
  await syncOptOuts(tx, workspaceId, optedOut.map((w) => w.values.email!), optedIn.map((w) => w.values.email!));
  if (returning) {
    const stored = new Map(written.map((c) => [c.id, c]));
    for (const result of results) {
      if (result.id) result.contact = stored.get(result.id) ?? byIdOf(result.id, byEmail, byExternalId);
    }
  }
  return results;
}

/**
 * The warning for an external id sent with the email of a contact it is not: another contact's
 * (`holder`), or other than the one the contact already has. Null when there is no conflict.
 */
function externalIdConflict(contact: Working, holder: Working | undefined, externalId: string | null | undefined): FieldError | null {
  if (!externalId) return null;
  const own = contact.values.external_id;
  if (holder && holder !== contact) {
    const other = holder.original?.deleted_at ? 'a contact in the trash' : 'another contact';
    const keeps = own ? `keeps its external id ${own}` : 'has none';
    return { field: 'external_id', message: `${externalId} belongs to ${other} (${holder.id}), not to the contact of this email, which ${keeps}: ${externalId} left out` };
  }
  if (own && own !== externalId) {
    return { field: 'external_id', message: `${externalId} is not the external id ${own} that the contact of this email already has: ${own} kept, ${externalId} left out` };
  }
  return null;
}

/**
 * Contacts whose company name or email is new join their company, unless the caller named one
 * by id: the company of that name (created if absent), else the company of the email's domain.
 */
async function linkCompanies(tx: Tx, workspaceId: string, touched: readonly Working[]): Promise<void> {
  const relink = touched.filter((w) => {
    if (w.explicitCompany) return false;
    const nameChanged = w.values.company_name !== null && w.values.company_name !== (w.original?.company_name ?? null);
    const emailChanged = w.values.email !== null && w.values.email !== (w.original?.email ?? null);
    return nameChanged || emailChanged;
  });
  if (relink.length === 0) return;
  const companyIds = await companiesFor(tx, workspaceId, relink.map((w) => ({ email: w.values.email, companyName: w.values.company_name })));
  relink.forEach((w, i) => {
    const companyId = companyIds[i];
    if (!companyId || companyId === w.companyId) return;
    // The entry's own fields or changes; an entry sharing its data (an import's) lists none.
    const data = w.entry?.data as { fields?: Record<string, unknown>; changes?: Record<string, unknown> } | undefined;
    const listed = data?.fields ?? data?.changes;
    if (listed) listed.company_id = [w.companyId, companyId];
    w.companyId = companyId;
  });
}

function createdFields(values: ContactValues, companyId: string | null): Record<string, unknown> {
  const fields = fieldChanges({}, values);
  if (companyId) fields.company_id = [null, companyId];
  return fields;
}

function byIdOf(id: string, ...maps: Map<string, Working>[]): Contact | undefined {
  for (const map of maps) for (const w of map.values()) if (w.id === id && w.original) return w.original;
  return undefined;
}

/**
 * Upserts many contacts, each with its own result: an invalid item fails alone, the rest are
 * stored together.
 */
export function upsertContactsBatch(db: Kysely<Tables>, workspaceId: string, inputs: readonly ContactInput[], options: BatchOptions): Promise<BatchItemResult[]> {
  return runContactWrites(db, workspaceId, inputs.map((input) => ({ input })), options);
}

/**
 * The writes in a transaction of their own. A concurrent writer creating the same email makes
 * the unique index refuse the batch; it is then run once more, and sees that contact.
 */
export async function runContactWrites(db: Kysely<Tables>, workspaceId: string, writes: readonly ContactWrite[], options: BatchOptions): Promise<BatchItemResult[]> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await db.transaction().execute((tx) => applyContactWrites(tx, workspaceId, writes, options));
    } catch (err) {
      if (attempt === 0 && (err as { code?: string }).code === '23505') continue;
      throw err;
    }
  }
}
