import { sql } from 'kysely';
import type { Executor } from '../../db/database.js';
import { contactsByIds } from '../contacts/queries.js';
import type { FormDefinitionValue } from './definition.js';
import { answeredKeys, isReplaceable } from './progressive.js';

/**
 * The contact a visitor id was last linked to in a workspace (its latest submission that made
 * or found one); no row for a visitor no submission of the workspace knows.
 * Reads `form_submissions_by_visitor`.
 */
export function visitorContactQuery(db: Executor, workspaceId: string, visitorId: string) {
  return db
    .selectFrom('form_submissions')
    .select('contact_id')
    .where('workspace_id', '=', workspaceId)
    .where('visitor_id', '=', visitorId)
    .where('contact_id', 'is not', null)
    .orderBy('created_at', 'desc')
    .limit(1);
}

/**
 * Which of `keys` some submission of a contact to a form holds an answer for (a submission
 * keeps only the answers given, but a blank is not counted whatever wrote it).
 * Reads `form_submissions_by_contact`.
 */
export function submittedKeysQuery(workspaceId: string, formId: string, contactId: string, keys: readonly string[]) {
  return sql<{ key: string }>`
    select distinct answer.key
      from form_submissions s cross join lateral jsonb_each(s.values) as answer(key, value)
     where s.workspace_id = ${workspaceId} and s.contact_id = ${contactId} and s.form_id = ${formId}
       and answer.key = any(${[...keys]}::text[])
       and answer.value not in ('null'::jsonb, '""'::jsonb, '[]'::jsonb)`;
}

async function submittedKeys(db: Executor, workspaceId: string, formId: string, contactId: string, keys: readonly string[]): Promise<Set<string>> {
  if (keys.length === 0) return new Set();
  const { rows } = await submittedKeysQuery(workspaceId, formId, contactId, keys).execute(db);
  return new Set(rows.map((row) => row.key));
}

/**
 * The keys of a form's replaceable fields (its fields and its queue) that the person behind a
 * visitor id has answered; none when the form does not profile progressively, when no
 * submission linked the visitor to a contact, or when that contact is in the trash.
 */
export async function answeredByVisitor(db: Executor, workspaceId: string, formId: string, def: FormDefinitionValue, visitorId: string): Promise<string[]> {
  if (!def.progressive.enabled) return [];
  const contactId = (await visitorContactQuery(db, workspaceId, visitorId).executeTakeFirst())?.contact_id;
  if (!contactId) return [];
  const fields = [...def.fields, ...def.progressive.queue].filter((f) => isReplaceable(f.kind));
  const unmapped = fields.filter((f) => f.maps_to.to === 'none').map((f) => f.key);
  const [contacts, submitted] = await Promise.all([
    contactsByIds(db, workspaceId, [contactId]),
    submittedKeys(db, workspaceId, formId, contactId, unmapped),
  ]);
  const contact = contacts[0];
  if (!contact) return [];
  return answeredKeys(fields, { standard: contact, custom: contact.custom, submitted });
}
