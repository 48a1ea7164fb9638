import { sql, type ExpressionBuilder } from 'kysely';
import type { Executor } from '../../db/database.js';
import { pastKeyset, timestampKey, type Keyset } from '../../db/keyset.js';
import { likeContains } from '../../db/like.js';
import type { Tables } from '../../db/schema.js';
import { contactsByIds } from '../contacts/queries.js';
import type { FormDefinitionValue } from './definition.js';
import { pageKey } from './page-key.js';

/** The filters of a form's submissions (the list's and the export's). */
export interface SubmissionFilters {
  /** YYYY-MM-DD, UTC, inclusive. */
  from?: string;
  to?: string;
  q?: string;
  page?: string;
  utm_source?: string;
  utm_campaign?: string;
  version?: number;
}

/** What a submission is answered as (the list, the export and the contact's card). */
export interface SubmissionView {
  id: string;
  form_id: string;
  form_name: string;
  form_version: number;
  submitted_at: Date;
  email: string | null;
  contact: { id: string; email: string | null; name: string | null } | null;
  values: Record<string, unknown>;
  page_url: string | null;
  page_title: string | null;
  referrer: string | null;
  utm: { source: string | null; medium: string | null; campaign: string | null; term: string | null; content: string | null };
  ip: string | null;
  user_agent: string | null;
  consents: Array<{ consent_id: string; purpose: string; granted: boolean; text_shown: string }>;
  rescued_from: string | null;
}

function submissionRows(db: Executor, workspaceId: string) {
  return db
    .selectFrom('form_submissions as s')
    .innerJoin('forms as f', (join) => join.onRef('f.workspace_id', '=', 's.workspace_id').onRef('f.id', '=', 's.form_id'))
    .select([
      's.id', 's.form_id', 'f.name as form_name', 's.form_version', 's.created_at', 's.contact_id', 's.email', 's.values', 's.consents', 's.page_url', 's.page_title', 's.referrer',
      's.utm_source', 's.utm_medium', 's.utm_campaign', 's.utm_term', 's.utm_content', 's.ip', 's.user_agent', 's.rescued_from', timestampKey('s.created_at').as('sort_key'),
    ])
    .where('s.workspace_id', '=', workspaceId);
}

type SubmissionRow = Awaited<ReturnType<ReturnType<typeof submissionRows>['execute']>>[number];

/** The filters as one condition on `form_submissions as s`; a day range reads the form's (created_at) index. */
function matching(filters: SubmissionFilters) {
  return (eb: ExpressionBuilder<Tables & { s: Tables['form_submissions'] }, 's'>) => {
    const all = [];
    if (filters.from) all.push(eb('s.created_at', '>=', sql<Date>`cast(${filters.from} as date)`));
    if (filters.to) all.push(eb('s.created_at', '<', sql<Date>`cast(${filters.to} as date) + 1`));
    if (filters.page) all.push(eb('s.page_key', '=', pageKey(filters.page)));
    if (filters.utm_source) all.push(eb('s.utm_source', '=', filters.utm_source));
    if (filters.utm_campaign) all.push(eb('s.utm_campaign', '=', filters.utm_campaign));
    if (filters.version) all.push(eb('s.form_version', '=', filters.version));
    if (filters.q) {
      // A name is one of the answers: the address or any answer's text contains the words.
      const pattern = likeContains(filters.q);
      all.push(eb.or([
        eb(sql`lower(s.email)`, 'like', pattern),
        eb.exists(sql`(select 1 from jsonb_each_text(s.values) as answer where lower(answer.value) like ${pattern})`),
      ]));
    }
    return eb.and(all);
  };
}

/** The contacts holding a page of submissions (merges moved them; a deleted one is null): one query. */
async function withContacts(db: Executor, workspaceId: string, rows: readonly SubmissionRow[]): Promise<Array<SubmissionView & { sort_key: string }>> {
  const ids = [...new Set(rows.flatMap((row) => (row.contact_id ? [row.contact_id] : [])))];
  const contacts = new Map((await contactsByIds(db, workspaceId, ids)).map((c) => [c.id, c]));
  return rows.map((row) => {
    const contact = row.contact_id ? contacts.get(row.contact_id) : undefined;
    const name = contact ? [contact.first_name, contact.last_name].filter(Boolean).join(' ') : '';
    return {
      id: row.id, form_id: row.form_id, form_name: row.form_name, form_version: row.form_version, submitted_at: row.created_at, email: row.email,
      contact: contact ? { id: contact.id, email: contact.email, name: name || null } : null,
      values: row.values as Record<string, unknown>, page_url: row.page_url, page_title: row.page_title, referrer: row.referrer,
      utm: { source: row.utm_source, medium: row.utm_medium, campaign: row.utm_campaign, term: row.utm_term, content: row.utm_content },
      ip: row.ip, user_agent: row.user_agent, consents: row.consents as SubmissionView['consents'], rescued_from: row.rescued_from, sort_key: row.sort_key,
    };
  });
}

/** One page of a form's submissions, newest first, keyset on (created_at, id). */
export async function formSubmissionsPage(db: Executor, workspaceId: string, formId: string, filters: SubmissionFilters, page: { limit: number; after: Keyset | null }) {
  let query = submissionRows(db, workspaceId).where('s.form_id', '=', formId).where(matching(filters));
  if (page.after) query = query.where(pastKeyset(sql.ref('s.created_at'), 's.id', page.after, 'desc', 'timestamptz'));
  const rows = await query.orderBy('s.created_at', 'desc').orderBy('s.id', 'desc').limit(page.limit).execute();
  return withContacts(db, workspaceId, rows);
}

/** One page of a contact's submissions to any form, newest first. */
export async function contactSubmissionsPage(db: Executor, workspaceId: string, contactId: string, page: { limit: number; after: Keyset | null }) {
  let query = submissionRows(db, workspaceId).where('s.contact_id', '=', contactId);
  if (page.after) query = query.where(pastKeyset(sql.ref('s.created_at'), 's.id', page.after, 'desc', 'timestamptz'));
  const rows = await query.orderBy('s.created_at', 'desc').orderBy('s.id', 'desc').limit(page.limit).execute();
  return withContacts(db, workspaceId, rows);
}

/** Every field key any version of the form asked, in the order versions first asked them. */
export async function fieldKeysOfAllVersions(db: Executor, workspaceId: string, formId: string): Promise<string[]> {
  const versions = await db.selectFrom('form_versions').select('definition').where('workspace_id', '=', workspaceId).where('form_id', '=', formId).orderBy('version').execute();
  const keys = new Set<string>();
  for (const { definition } of versions) {
    const def = definition as FormDefinitionValue;
    for (const field of [...def.fields, ...def.progressive.queue]) keys.add(field.key);
  }
  return [...keys];
}

/** One page of a form's spam not yet rescued, newest first. */
export function formSpamPage(db: Executor, workspaceId: string, formId: string, page: { limit: number; after: Keyset | null }) {
  let query = db
    .selectFrom('form_spam')
    .select(['id', 'form_id', 'form_version', 'created_at', 'reason', 'detail', 'email', 'values', 'page_url', 'referrer', 'utm', 'ip', 'user_agent', timestampKey('created_at').as('sort_key')])
    .where('workspace_id', '=', workspaceId)
    .where('form_id', '=', formId)
    .where('rescued_at', 'is', null);
  if (page.after) query = query.where(pastKeyset(sql.ref('created_at'), 'id', page.after, 'desc', 'timestamptz'));
  return query.orderBy('created_at', 'desc').orderBy('id', 'desc').limit(page.limit).execute();
}
