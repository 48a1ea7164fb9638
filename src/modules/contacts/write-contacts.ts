// Writes contacts in bulk: one statement per chunk, binding one array literal per column. A VALUES list
// binds one parameter per value (30,000 for 1,000 contacts), which cost more to build, send and
// parse than the insert itself.
import { sql, type RawBuilder, type Transaction } from 'kysely';
import { arrayLiteral, columnLiteral } from '../../db/array-literal.js';
import type { Contact, DB } from '../../db/schema.js';
import type { ContactValues } from './apply-changes.js';
import { TEXT_FIELDS, type TextField } from './fields.js';

export interface ContactRow {
  id: string;
  values: ContactValues;
  companyId: string | null;
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

/**
 * Inserts new contacts and updates known ones (they hit their primary key), in the caller's
 * transaction. Returns the stored rows when asked; an import does not need them back.
 */
export async function writeContacts(tx: Transaction<DB>, workspaceId: string, rows: readonly ContactRow[], options: { returning: boolean }): Promise<Contact[]> {
  const stored: Contact[] = [];
  for (let start = 0; start < rows.length; start += WRITE_CHUNK) {
    const part = rows.slice(start, start + WRITE_CHUNK);
    const text = TEXT_COLUMNS.map((column) => sql`${columnLiteral(part.map((r) => r.values[column]))}::text[]`);
    const query = sql<Contact>`
      insert into contacts (workspace_id, id, created_at, ${sql.join(COLUMNS.map((c) => sql.ref(c)))})
      select ${workspaceId}::uuid, r.id, coalesce(r.created_at, now()), ${sql.join(COLUMNS.map((c) => DEFAULTED[c] ?? sql.ref(`r.${c}`)))}
        from unnest(${arrayLiteral(part.map((r) => r.id))}::uuid[], ${columnLiteral(part.map((r) => r.createdAt?.toISOString()))}::timestamptz[],
                    ${sql.join(text)},
                    ${columnLiteral(part.map((r) => r.values.owner_id))}::uuid[], ${columnLiteral(part.map((r) => r.companyId))}::uuid[],
                    ${columnLiteral(part.map((r) => r.values.do_not_email || null))}::boolean[], ${columnLiteral(part.map((r) => r.values.do_not_call || null))}::boolean[],
                    ${columnLiteral(part.map((r) => (r.values.tags.length ? arrayLiteral(r.values.tags) : null)))}::text[],
                    ${columnLiteral(part.map((r) => (isEmpty(r.values.custom) ? null : JSON.stringify(r.values.custom))))}::jsonb[])
             as r(id, created_at, ${sql.join(COLUMNS.map((c) => sql.ref(c)))})
      on conflict (workspace_id, id) do update set
        ${sql.join(COLUMNS.map((c) => sql`${sql.ref(c)} = ${sql.ref(`excluded.${c}`)}`))},
        updated_at = now()
      ${options.returning ? sql`returning *` : sql``}`;
    const result = await query.execute(tx);
    if (options.returning) stored.push(...result.rows);
  }
  return stored;
}
