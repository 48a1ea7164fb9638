import type { Kysely, Transaction } from 'kysely';
import { newId } from '../../db/ids.js';
import type { DB } from '../../db/schema.js';
import { companyDomainFromEmail, companyNameFromDomain } from './company-domain.js';

type Executor = Kysely<DB> | Transaction<DB>;

/**
 * The company a contact belongs to: the one of its email's domain (created on first sight,
 * named after the company name the contact gave, or after the domain), except for free-mail
 * and disposable addresses, where the contact keeps the company it had.
 */
export async function linkCompany(
  tx: Executor,
  workspaceId: string,
  email: string | null,
  companyName: string | null,
  currentCompanyId: string | null,
): Promise<string | null> {
  const domain = email ? companyDomainFromEmail(email) : null;
  if (!domain) return currentCompanyId;
  const existing = await tx
    .selectFrom('companies')
    .select('id')
    .where('workspace_id', '=', workspaceId)
    .where('domain', '=', domain)
    .executeTakeFirst();
  if (existing) return existing.id;
  const created = await tx
    .insertInto('companies')
    .values({ workspace_id: workspaceId, id: newId(), domain, name: companyName ?? companyNameFromDomain(domain) })
    .onConflict((oc) => oc.columns(['workspace_id', 'domain']).where('domain', 'is not', null).doNothing())
    .returning('id')
    .executeTakeFirst();
  if (created) return created.id;
  const raced = await tx
    .selectFrom('companies')
    .select('id')
    .where('workspace_id', '=', workspaceId)
    .where('domain', '=', domain)
    .executeTakeFirstOrThrow();
  return raced.id;
}
