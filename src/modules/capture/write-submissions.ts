import { sql, type Transaction } from 'kysely';
import type { Actor } from '../../actor.js';
import type { GroupCommit } from '../../db/group-commit.js';
import { newId } from '../../db/ids.js';
import type { SpamReason, Tables } from '../../db/schema.js';
import type { FieldError } from '../../errors.js';
import type { NewEvent } from '../../events/publish.js';
import { emailIdentityKey } from '../../lib/email-address.js';
import { applyContactWrites, type BatchItemResult } from '../contacts/batch.js';
import { PendingHistory } from '../contacts/contact-changes.js';
import { recordConsents, type ConsentRow } from '../contacts/privacy.js';
import { ERASED_EMAIL_MESSAGE, liftErasure } from '../contacts/suppressions.js';
import { addToListsIn } from '../lists/service.js';
import type { TimelineEntry } from '../timeline/timeline.js';
import { offeredAssets } from './assets/store.js';
import type { SubmissionSource, Touch } from './attribution.js';
import type { FormSettings } from './definition.js';
import type { Static } from 'typebox';
import type { PreparedSubmission } from './prepare-submission.js';
import { addFormStats } from './subscribers.js';
import { enqueueNotify } from './jobs.js';

/** Where a post came from, as stored with it. */
export interface PostContext {
  touch: Touch;
  pageKey: string;
  visitorId: string | null;
  /** The Inflow page or pop-up the post was made on, if it said so. */
  source: SubmissionSource | null;
  ip: string | null;
  userAgent: string | null;
}

export interface SubmissionItem {
  kind: 'submission';
  workspaceId: string;
  form: { id: string; name: string; version: number };
  clientSubmissionId: string;
  prepared: PreparedSubmission;
  settings: Static<typeof FormSettings>;
  context: PostContext;
  /** Set by a rescue: the spam row it came from, and who rescued it (the actor then). */
  rescue?: { spamId: string; actor: Actor };
}

export interface SpamItem {
  kind: 'spam';
  workspaceId: string;
  form: { id: string; version: number };
  clientSubmissionId: string | null;
  verdict: { reason: SpamReason; detail: string };
  email: string | null;
  values: Record<string, unknown>;
  context: PostContext;
}

export type ReadyItem = SubmissionItem | SpamItem;

/**
 * accepted: stored (or already stored under this idempotency key: `duplicate`); invalid: the
 * contacts engine refused the values (no row written); dropped: an erased address without a
 * fresh consent, answered like a success and stored nowhere; spam: kept in form_spam.
 */
export type ItemOutcome =
  | { status: 'accepted'; submissionId: string; duplicate: boolean }
  | { status: 'invalid'; errors: FieldError[] }
  | { status: 'dropped' }
  | { status: 'spam'; spamId: string };

/** The group commit that writes every public submission and spam post. */
export type SubmissionBatcher = GroupCommit<ReadyItem, ItemOutcome>;

type Tx = Transaction<Tables>;

/**
 * Writes a batch of submissions and spam in the caller's transaction, set-based: one lookup of
 * idempotency keys, the contacts engine once per form, one insert each of submissions, consents,
 * list memberships, timeline entries and events, one insert of spam. Returns one outcome per
 * item, in order. Items are taken in the order of their email, so concurrent batches lock
 * contacts in one order and do not deadlock.
 */
export async function writeSubmissions(tx: Tx, items: readonly ReadyItem[]): Promise<ItemOutcome[]> {
  const outcomes: ItemOutcome[] = new Array(items.length);
  const order = items.map((_, i) => i);
  const emailKey = (i: number) => { const item = items[i]!; return item.kind === 'submission' ? emailIdentityKey(item.prepared.email) : ''; };
  order.sort((a, b) => (emailKey(a) < emailKey(b) ? -1 : emailKey(a) > emailKey(b) ? 1 : a - b));
  const byWorkspace = new Map<string, number[]>();
  for (const i of order) {
    const item = items[i]!;
    if (item.kind === 'spam') continue;
    byWorkspace.set(item.workspaceId, [...(byWorkspace.get(item.workspaceId) ?? []), i]);
  }
  for (const [workspaceId, indexes] of byWorkspace) await writeWorkspace(tx, workspaceId, indexes, items as readonly SubmissionItem[], outcomes);
  await writeSpam(tx, items, outcomes);
  return outcomes;
}

async function writeWorkspace(tx: Tx, workspaceId: string, indexes: number[], items: readonly SubmissionItem[], outcomes: ItemOutcome[]): Promise<void> {
  // 1. Idempotency: keys stored earlier answer with their submission; a key twice in the batch shares the first's outcome.
  const formIds = indexes.map((i) => items[i]!.form.id);
  const sids = indexes.map((i) => items[i]!.clientSubmissionId);
  const { rows: stored } = await sql<{ id: string; form_id: string; client_submission_id: string }>`
    select s.id, s.form_id, s.client_submission_id
      from unnest(${formIds}::uuid[], ${sids}::text[]) as k(form_id, sid)
      join form_submissions s on s.workspace_id = ${workspaceId} and s.form_id = k.form_id and s.client_submission_id = k.sid`.execute(tx);
  const storedId = new Map(stored.map((row) => [`${row.form_id}|${row.client_submission_id}`, row.id]));
  const firstOf = new Map<string, number>();
  const aliases: Array<[number, number]> = [];
  const fresh: number[] = [];
  for (const i of indexes) {
    const key = `${items[i]!.form.id}|${items[i]!.clientSubmissionId}`;
    const id = storedId.get(key);
    if (id) outcomes[i] = { status: 'accepted', submissionId: id, duplicate: true };
    else if (firstOf.has(key)) aliases.push([i, firstOf.get(key)!]);
    else {
      firstOf.set(key, i);
      fresh.push(i);
    }
  }

  // 2.–7. Per form (its actor): contacts, submissions, consents, lists, timeline, events.
  const byForm = new Map<string, number[]>();
  for (const i of fresh) byForm.set(items[i]!.form.id, [...(byForm.get(items[i]!.form.id) ?? []), i]);
  for (const [formId, group] of byForm) await writeForm(tx, workspaceId, formId, group, items, outcomes);
  for (const [i, first] of aliases) outcomes[i] = outcomes[first]!;
}

async function writeForm(tx: Tx, workspaceId: string, formId: string, group: number[], items: readonly SubmissionItem[], outcomes: ItemOutcome[]): Promise<void> {
  const first = items[group[0]!]!;
  const actor: Actor = first.rescue?.actor ?? { type: 'form', id: formId };
  // The timeline entries and events of the whole group, written by two statements at the end.
  const pending = new PendingHistory(workspaceId, actor);
  const results = await upsertContacts(tx, workspaceId, group, items, actor, pending);
  const written: Array<{ index: number; contactId: string; created: boolean; submissionId: string }> = [];
  results.forEach((result, n) => {
    const i = group[n]!;
    if (result.status === 'error' || !result.id) {
      const keys = items[i]!.prepared.fieldKeys;
      if (result.kind === 'conflict' && result.errors?.some((e) => e.field === 'email')) {
        outcomes[i] = { status: 'dropped' };
        return;
      }
      outcomes[i] = { status: 'invalid', errors: (result.errors ?? []).map((e) => ({ field: keys[e.field] ?? e.field, message: e.message })) };
      return;
    }
    written.push({ index: i, contactId: result.id, created: result.status === 'created', submissionId: newId() });
  });
  if (written.length === 0) return;

  const consentRows: ConsentRow[] = [];
  const consentsOf = new Map<number, Array<{ consent_id: string; purpose: string; granted: boolean; text_shown: string }>>();
  for (const w of written) {
    const item = items[w.index]!;
    const page = item.context.touch.page_url ?? 'no page';
    const source = item.rescue ? `form "${item.form.name}" v${item.form.version} on ${page} (rescued from spam)` : `form "${item.form.name}" v${item.form.version} on ${page}`;
    const mine = item.prepared.consents.map((c) => ({ consent_id: newId(), ...c }));
    consentsOf.set(w.index, mine);
    for (const c of mine) {
      consentRows.push({ id: c.consent_id, contact_id: w.contactId, purpose: c.purpose, granted: c.granted, text_shown: c.text_shown, source: item.settings.double_opt_in && c.granted ? `${source}, awaiting confirmation` : source, ip: item.context.ip });
    }
  }

  // 4. No ON CONFLICT: a concurrent duplicate raises 23505, the batch is retried and step 1 finds it.
  await tx
    .insertInto('form_submissions')
    .values(written.map((w) => {
      const item = items[w.index]!;
      const { touch } = item.context;
      return {
        workspace_id: workspaceId, id: w.submissionId, form_id: formId, form_version: item.form.version, client_submission_id: item.clientSubmissionId,
        contact_id: w.contactId, email: item.prepared.email, values: JSON.stringify(item.prepared.values), consents: JSON.stringify(consentsOf.get(w.index)),
        page_url: touch.page_url, page_key: item.context.pageKey, page_title: touch.page_title, referrer: touch.referrer,
        utm_source: touch.utm.source, utm_medium: touch.utm.medium, utm_campaign: touch.utm.campaign, utm_term: touch.utm.term, utm_content: touch.utm.content,
        visitor_id: item.context.visitorId, ip: item.context.ip, user_agent: item.context.userAgent, rescued_from: item.rescue?.spamId ?? null,
      };
    }))
    .execute();

  // 5. Consents with the exact text shown; lists (those deleted since publish are skipped).
  await recordConsents(tx, workspaceId, actor, consentRows, pending);
  const listIds = [...new Set(written.flatMap((w) => items[w.index]!.settings.list_ids))];
  // The lists publish their own events: the contacts' come first.
  if (listIds.length > 0) await pending.write(tx);
  const lists = await addToListsIn(tx, workspaceId, listIds.map((listId) => ({ listId, contactIds: written.filter((w) => items[w.index]!.settings.list_ids.includes(listId)).map((w) => w.contactId) })), actor);

  // 6. Timeline, 7. events (after the contact events the engine published in step 3).
  const timeline: TimelineEntry[] = written.map((w) => {
    const item = items[w.index]!;
    return { contactId: w.contactId, kind: 'form.submitted', data: { form_id: formId, form_name: item.form.name, version: item.form.version, submission_id: w.submissionId, page_url: item.context.touch.page_url } };
  });
  const assets = await offeredAssets(tx, workspaceId, written.map((w) => items[w.index]!.settings.asset_id));
  const events: NewEvent[] = written.map((w) => {
    const item = items[w.index]!;
    const { touch } = item.context;
    const s = item.settings;
    return {
      workspaceId, kind: 'form.submitted', contactId: w.contactId, actor,
      payload: {
        form_id: formId, form_version: item.form.version, submission_id: w.submissionId, contact_created: w.created,
        values: item.prepared.values, page_url: touch.page_url, referrer: touch.referrer, visitor_id: item.context.visitorId, source: item.context.source && { ...item.context.source }, utm: { ...touch.utm },
        consents: (consentsOf.get(w.index) ?? []).map(({ consent_id, purpose, granted }) => ({ consent_id, purpose, granted })),
        tags: [...s.tags], list_ids: s.list_ids.filter((id) => lists.has(id)), lifecycle_stage: s.lifecycle_stage,
        double_opt_in: s.double_opt_in, follow_up_email: s.follow_up_email, notify_emails: [...s.notify_emails],
        asset: (s.asset_id && assets.get(s.asset_id)) || null,
      },
    };
  });
  pending.add(workspaceId, actor, timeline, events);
  await pending.write(tx);
  // 8. One notification job per version for the batch's submissions (each version names its addresses).
  const byVersion = new Map<number, typeof written>();
  for (const w of written) byVersion.set(items[w.index]!.form.version, [...(byVersion.get(items[w.index]!.form.version) ?? []), w]);
  for (const group of byVersion.values()) {
    await enqueueNotify(tx, workspaceId, { form_id: formId, submission_ids: group.map((w) => w.submissionId), emails: [...items[group[0]!.index]!.settings.notify_emails] });
  }
  for (const w of written) outcomes[w.index] = { status: 'accepted', submissionId: w.submissionId, duplicate: false };
}

/**
 * 2.–3. The contacts, through the contacts engine. An erased address comes back only with a
 * fresh consent: the engine refuses erased addresses, and those that come with one are lifted
 * from the list and written again (erasures are rare: no lookup of its own for every batch).
 */
async function upsertContacts(tx: Tx, workspaceId: string, group: readonly number[], items: readonly SubmissionItem[], actor: Actor, pending: PendingHistory): Promise<BatchItemResult[]> {
  const apply = (indexes: readonly number[]) =>
    applyContactWrites(tx, workspaceId, indexes.map((i) => ({ input: items[i]!.prepared.contact })), { actor, stage: 'raise', returnContacts: false, pending });
  const results = await apply(group);
  const comeBack = group.filter((i, n) => results[n]!.errors?.some((e) => e.field === 'email' && e.message === ERASED_EMAIL_MESSAGE) && items[i]!.prepared.consents.some((c) => c.granted));
  if (comeBack.length === 0) return results;
  await liftErasure(tx, workspaceId, comeBack.map((i) => items[i]!.prepared.email));
  const again = await apply(comeBack);
  comeBack.forEach((i, n) => (results[group.indexOf(i)] = again[n]!));
  return results;
}

/** 9. Spam: one insert, never a contact. */
async function writeSpam(tx: Tx, items: readonly ReadyItem[], outcomes: ItemOutcome[]): Promise<void> {
  const spam = items.flatMap((item, i) => (item.kind === 'spam' ? [[item, i] as const] : []));
  if (spam.length === 0) return;
  const rows = spam.map(([item, i]) => {
    const id = newId();
    outcomes[i] = { status: 'spam', spamId: id };
    const { touch } = item.context;
    return {
      workspace_id: item.workspaceId, id, form_id: item.form.id, form_version: item.form.version, reason: item.verdict.reason, detail: item.verdict.detail,
      email: item.email, values: JSON.stringify(item.values), client_submission_id: item.clientSubmissionId, page_url: touch.page_url, referrer: touch.referrer,
      utm: JSON.stringify(touch.utm), visitor_id: item.context.visitorId, ip: item.context.ip, user_agent: item.context.userAgent,
    };
  });
  await tx.insertInto('form_spam').values(rows).execute();
  // Spam has no event to count it by: counted here, one upsert per batch.
  const day = new Date().toISOString().slice(0, 10);
  await addFormStats(tx, spam.map(([item]) => ({ workspaceId: item.workspaceId, formId: item.form.id, day, pageKey: item.context.pageKey, spam: 1 })));
}
