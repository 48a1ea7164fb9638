import { isIP } from 'node:net';
import { sql, type Kysely } from 'kysely';
import type { Actor } from '../../actor.js';
import type { Executor } from '../../db/database.js';
import { newId } from '../../db/ids.js';
import type { Tables } from '../../db/schema.js';
import { invalid, type FieldError } from '../../errors.js';
import { pastKeyset, timestampKey, type Keyset } from '../../db/keyset.js';
import { forgetEventsOfContact } from '../../events/maintenance.js';
import { publish } from '../../events/publish.js';
import type { ModuleHooks } from '../module.js';
import { contactView } from './contact-view.js';
import { cleanText } from './fields.js';
import type { ConsentInputValue } from './privacy-schema.js';
import { getContact, getHeldContact } from './service.js';
import { deleteContactRows } from './trash.js';
import { suppressEmail } from './suppressions.js';
import { recordTimeline, type TimelineEntry } from '../timeline/timeline.js';
import type { PendingHistory } from './contact-changes.js';


const CONSENT_COLUMNS = ['id', 'contact_id', 'purpose', 'granted', 'text_shown', 'source', 'ip', 'occurred_at'] as const;
// A consent dated a little ahead of our clock is the caller's clock, not a forgery.
const CLOCK_SKEW_MS = 5 * 60_000;

function checkedConsent(input: ConsentInputValue, now: Date) {
  const errors: FieldError[] = [];
  const purpose = cleanText(input.purpose);
  const source = cleanText(input.source);
  const textShown = input.text_shown.normalize('NFC').trim();
  const ip = cleanText(input.ip);
  const occurredAt = input.occurred_at ? new Date(input.occurred_at) : now;
  if (!purpose) errors.push({ field: 'purpose', message: 'must not be empty' });
  if (!source) errors.push({ field: 'source', message: 'must not be empty' });
  // Consent must be provable: what the person saw is part of the record (GDPR art. 7(1)).
  if (input.granted && !textShown) errors.push({ field: 'text_shown', message: 'must hold the wording the person agreed to' });
  if (ip && isIP(ip) === 0) errors.push({ field: 'ip', message: 'is not an IPv4 or IPv6 address' });
  if (occurredAt.getTime() > now.getTime() + CLOCK_SKEW_MS) errors.push({ field: 'occurred_at', message: 'is in the future' });
  if (errors.length > 0) throw invalid('The consent record is not valid', errors);
  return { purpose: purpose!, granted: input.granted, text_shown: textShown, source: source!, ip, occurred_at: occurredAt };
}

/** Records a consent (or its refusal or withdrawal) with its wording, time, place and address. */
export async function recordConsent(db: Kysely<Tables>, workspaceId: string, contactId: string, input: ConsentInputValue, actor: Actor) {
  const values = checkedConsent(input, new Date());
  return db.transaction().execute(async (tx) => {
    await getContact(tx, workspaceId, contactId);
    const [consent] = await recordConsents(tx, workspaceId, actor, [{ contact_id: contactId, ...values }]);
    return consent!;
  });
}

/** One consent record to write, already checked by its caller. */
export interface ConsentRow {
  /** Given by a caller that needs to know which record is which (a new UUIDv7 otherwise). */
  id?: string;
  contact_id: string;
  purpose: string;
  granted: boolean;
  text_shown: string;
  source: string;
  ip: string | null;
  occurred_at?: Date;
}

/**
 * Writes many consent records with one insert and their `consent.granted`/`consent.refused`
 * timeline entries, in the caller's transaction (a form's batch of submissions); with `pending`,
 * the entries are added to it, for the caller to write with the rest of its batch. Returns the
 * stored rows in the order given.
 */
export async function recordConsents(tx: Executor, workspaceId: string, actor: Actor, rows: readonly ConsentRow[], pending?: PendingHistory) {
  if (rows.length === 0) return [];
  const now = Date.now();
  const stored = await tx
    .insertInto('consents')
    .values(rows.map((row) => ({ workspace_id: workspaceId, ...row, id: row.id ?? newId(row.occurred_at?.getTime() ?? now), occurred_at: row.occurred_at ?? new Date(now) })))
    .returning(CONSENT_COLUMNS)
    .execute();
  const entries: TimelineEntry[] = stored.map((consent) => ({
    contactId: consent.contact_id,
    kind: consent.granted ? 'consent.granted' : 'consent.refused',
    occurredAt: consent.occurred_at,
    data: { consent_id: consent.id, purpose: consent.purpose, source: consent.source },
  }));
  if (pending) pending.add(workspaceId, actor, entries);
  else await recordTimeline(tx, workspaceId, actor, entries);
  return stored;
}

/** A contact's consent records, newest first, by keyset on (occurred_at, id); `sort_key` keys the next page. */
export async function consentsOf(db: Executor, workspaceId: string, contactId: string, page: { limit: number; after: Keyset | null }) {
  await getContact(db, workspaceId, contactId);
  let query = db
    .selectFrom('consents')
    .select([...CONSENT_COLUMNS, timestampKey('occurred_at').as('sort_key')])
    .where('workspace_id', '=', workspaceId)
    .where('contact_id', '=', contactId);
  if (page.after) query = query.where(pastKeyset(sql.ref('occurred_at'), 'id', page.after, 'desc', 'timestamptz'));
  return query.orderBy('occurred_at', 'desc').orderBy('id', 'desc').limit(page.limit).execute();
}

/**
 * Everything Inflow holds about one person, for a data subject access request (GDPR art. 15,
 * 20): the contact's own records, and each module's share through its export hook.
 */
export async function exportContact(db: Kysely<Tables>, workspaceId: string, contactId: string, hooks: Pick<ModuleHooks, 'personalData'>) {
  // One transaction, so the parts describe the same moment.
  return db.transaction().execute(async (tx) => {
    const contact = await getHeldContact(tx, workspaceId, contactId);
    const person = { id: contact.id, email: contact.email, companyId: contact.company_id };
    const elsewhere: Record<string, unknown> = {};
    for (const module of hooks.personalData) if (module.export) Object.assign(elsewhere, await module.export(tx, workspaceId, person));
    const consents = await tx
      .selectFrom('consents')
      .select(CONSENT_COLUMNS)
      .where('workspace_id', '=', workspaceId)
      .where('contact_id', '=', contactId)
      .orderBy('occurred_at')
      .orderBy('id')
      .execute();
    return {
      exported_at: new Date(),
      contact: contactView(contact),
      ...elsewhere,
      consents,
    };
  });
}

/**
 * Erases a person: the contact and everything hanging off it (timeline, consents, list
 * memberships, what other modules hold through their erase hooks, its domain events) are
 * deleted, and the email survives only as a hash on the suppression list, so no import or API
 * call brings the person back. A contact in the trash is erased the same way, and never waits
 * there: nothing of them can be restored; `contact.erased` says only
 * that the id is gone.
 */
export async function eraseContact(db: Kysely<Tables>, workspaceId: string, contactId: string, actor: Actor, hooks: Pick<ModuleHooks, 'personalData'>) {
  return db.transaction().execute(async (tx) => {
    const contact = await getHeldContact(tx, workspaceId, contactId);
    const person = { id: contact.id, email: contact.email, companyId: contact.company_id };
    for (const module of hooks.personalData) await module.erase?.(tx, workspaceId, person, actor);
    if (contact.email) await suppressEmail(tx, workspaceId, contact.email, 'erased');
    await deleteContactRows(tx, workspaceId, [contact.id]);
    await forgetEventsOfContact(tx, workspaceId, contact.id);
    await publish(tx, { workspaceId, kind: 'contact.erased', contactId: contact.id, actor, payload: {} });
    return { id: contact.id, erased_at: new Date(), email_suppressed: contact.email !== null };
  });
}
