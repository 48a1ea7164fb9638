// Writes contacts in bulk: one statement per chunk, binding one array literal per column. A VALUES list
// binds one parameter per value (30,000 for 1,000 contacts), which cost more to build, send and
// parse than the insert itself.
import { sql, type RawBuilder, type Transaction } from 'kysely';
import { arrayLiteral, columnLiteral } from '../../db/array-literal.js';
import type { Contact, Tables } from '../../db/schema.js';
import type { ContactValues } from './apply-changes.js';
import { TEXT_FIELDS, type TextField } from './fields.js';

export interface ContactRow {
  id: string;
  values: ContactValues;
  companyId: string | null;
  /** Not stored yet: inserted rather than updated. */
  isNew: boolean;
  /** For new contacts: when they were created, if not now (an import's "Create Date"). */
  createdAt?: Date | null;
}

const TEXT_COLUMNS: ReadonlyArray<TextField | 'email' | 'external_id' | 'lifecycle_stage'> = ['email', 'external_id', ...(Object.keys(TEXT_FIELDS) as TextField[]), 'lifecycle_stage'];
const COLUMNS = [...TEXT_COLUMNS, 'owner_id', 'company_id', 'do_not_email', 'do_not_call', 'tags', 'custom'];

// Default values travel as nulls (a column of nulls is not sent at all) and are put back here.
const DEFAULTED: Record<string, RawBuilder<unknown>> = {
  do_not_email: sql`coalesce(r.do_not_email, false)`,
  do_not_call: sql`coalesce(r.do_not_call, false)`,
  tags: sql`coalesce(r.tags::text[], '{}')`,
  custom: sql`coalesce(r.custom, '{}')`,
};

function isEmpty(object: object): boolean {
  for (const _ in object) return false;
  return true;
}

const WRITE_CHUNK = 5000;

/** The rows as a set of records PostgreSQL reads from one array per column. */
function rowsSource(rows: readonly ContactRow[]) {
  const text = TEXT_COLUMNS.map((column) => sql`${columnLiteral(rows.map((r) => r.values[column]))}::text[]`);
  return sql`unnest(${arrayLiteral(rows.map((r) => r.id))}::uuid[], ${columnLiteral(rows.map((r) => r.createdAt?.toISOString()))}::timestamptz[],
                    ${sql.join(text)},
                    ${columnLiteral(rows.map((r) => r.values.owner_id))}::uuid[], ${columnLiteral(rows.map((r) => r.companyId))}::uuid[],
                    ${columnLiteral(rows.map((r) => r.values.do_not_email || null))}::boolean[], ${columnLiteral(rows.map((r) => r.values.do_not_call || null))}::boolean[],
                    ${columnLiteral(rows.map((r) => (r.values.tags.length ? arrayLiteral(r.values.tags) : null)))}::text[],
                    ${columnLiteral(rows.map((r) => (isEmpty(r.values.custom) ? null : JSON.stringify(r.values.custom))))}::jsonb[])
             as r(id, created_at, ${sql.join(COLUMNS.map((c) => sql.ref(c)))})`;
}

const values = sql.join(COLUMNS.map((c) => DEFAULTED[c] ?? sql.ref(`r.${c}`)));

/**
 * Inserts the new contacts and updates the known ones, in the caller's transaction. The two are
 * kept apart: INSERT … ON CONFLICT probes the primary key and inserts speculatively for every
 * row, which made a large import spend a third more time in the database. A contact created
 * meanwhile by another writer makes the email index refuse the insert (the caller retries).
 * Returns the stored rows when asked; an import does not need them back.
 */
export async function writeContacts(tx: Transaction<Tables>, workspaceId: string, rows: readonly ContactRow[], options: { returning: boolean }): Promise<Contact[]> {
  const stored: Contact[] = [];
  const returning = options.returning ? sql`returning *` : sql``;
  for (const isNew of [true, false]) {
    const some = rows.filter((r) => r.isNew === isNew);
    for (let start = 0; start < some.length; start += WRITE_CHUNK) {
      const source = rowsSource(some.slice(start, start + WRITE_CHUNK));
      const query = isNew
        ? sql<Contact>`
            insert into contacts (workspace_id, id, created_at, ${sql.join(COLUMNS.map((c) => sql.ref(c)))})
            select ${workspaceId}::uuid, r.id, coalesce(r.created_at, now()), ${values} from ${source}
            ${returning}`
        : sql<Contact>`
            update contacts set (${sql.join(COLUMNS.map((c) => sql.ref(c)))}, updated_at) = (${values}, now())
              from ${source}
             where contacts.workspace_id = ${workspaceId} and contacts.id = r.id
            ${options.returning ? sql`returning contacts.*` : sql``}`;
      const result = await query.execute(tx);
      if (options.returning) stored.push(...result.rows);
    }
  }
  return stored;
}
