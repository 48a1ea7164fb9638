import { sql, type Kysely, type Transaction } from 'kysely';
import type { DB } from '../../db/schema.js';

type Executor = Kysely<DB> | Transaction<DB>;

export type DuplicateReason = 'same_name_and_company' | 'same_phone';

export interface DuplicatePair {
  /** The older contact of the pair (ids are time-ordered). */
  a_id: string;
  b_id: string;
  reasons: DuplicateReason[];
}

/** Digits a phone number needs before two equal ones say "same person": shorter ones are extensions or junk. */
export const MIN_PHONE_DIGITS = 8;

/**
 * Pairs of contacts that are likely one person, by keyset on (older id, newer id):
 * - the same first and last name (case-insensitive) at the same company (the same linked
 *   company, or the same company name typed case-insensitively);
 * - or the same phone number, compared on its digits only, when it has at least 8 of them.
 * Each rule is an equality join (hashable), so the query is linear in the workspace's contacts
 * rather than quadratic; it still reads them all, so it is a report, not a hot path.
 */
export async function duplicatePairs(db: Executor, workspaceId: string, page: { limit: number; after: { a: string; b: string } | null }): Promise<DuplicatePair[]> {
  const after = page.after ? sql`where (a_id, b_id) > (${page.after.a}::uuid, ${page.after.b}::uuid)` : sql``;
  const result = await sql<DuplicatePair>`
    with people as (
      select id, lower(first_name) || ' ' || lower(last_name) as name_key, company_id, lower(company_name) as company_key,
             regexp_replace(phone, '[^0-9]', '', 'g') as phone_digits
        from contacts
       where workspace_id = ${workspaceId}
    ), pairs as (
      select a.id as a_id, b.id as b_id, 'same_name_and_company' as reason
        from people a join people b on b.name_key = a.name_key and a.id < b.id
       where a.company_id = b.company_id or a.company_key = b.company_key
      union all
      select a.id, b.id, 'same_phone'
        from people a join people b on b.phone_digits = a.phone_digits and a.id < b.id
       where length(a.phone_digits) >= ${MIN_PHONE_DIGITS}
    )
    select a_id, b_id, array_agg(reason order by reason) as reasons
      from pairs ${after}
     group by a_id, b_id
     order by a_id, b_id
     limit ${page.limit}`.execute(db);
  return result.rows;
}
