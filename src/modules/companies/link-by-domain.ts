import { sql, type Kysely, type Transaction } from 'kysely';
import { newId } from '../../db/ids.js';
import type { Tables } from '../../db/schema.js';
import { emailDomain } from '../../lib/email-address.js';
import { companyDomainOf, companyNameFromDomain } from './company-domain.js';

/**
 * The company of each (normalised) email's domain, creating the missing ones (named after the company name
 * its first contact gave, else after the domain). Free-mail and disposable addresses have none.
 * Set-based: one lookup and one insert for any number of contacts. Keys are lower-cased emails.
 */
export async function companiesForEmails(
  tx: Kysely<Tables> | Transaction<Tables>,
  workspaceId: string,
  people: ReadonlyArray<{ email: string; companyName: string | null }>,
): Promise<Map<string, string>> {
  const domainOf = new Map<string, string>();
  const nameFor = new Map<string, string>();
  // A chunk of an import holds thousands of addresses but few domains.
  const companyDomains = new Map<string, string | null>();
  for (const { email, companyName } of people) {
    const emailDomainPart = emailDomain(email).toLowerCase();
    let domain = companyDomains.get(emailDomainPart);
    if (domain === undefined) companyDomains.set(emailDomainPart, (domain = companyDomainOf(emailDomainPart)));
    if (!domain) continue;
    domainOf.set(email.toLowerCase(), domain);
    if (!nameFor.has(domain)) nameFor.set(domain, companyName ?? companyNameFromDomain(domain));
  }
  if (nameFor.size === 0) return new Map();
  const domains = [...nameFor.keys()];
  await tx
    .insertInto('companies')
    .values(domains.map((domain) => ({ workspace_id: workspaceId, id: newId(), domain, name: nameFor.get(domain)! })))
    .onConflict((oc) => oc.columns(['workspace_id', 'domain']).where('domain', 'is not', null).doNothing())
    .execute();
  const rows = await tx
    .selectFrom('companies')
    .select(['id', 'domain'])
    .where('workspace_id', '=', workspaceId)
    .where('domain', '=', sql<string>`any(${domains}::text[])`)
    .execute();
  const idOf = new Map(rows.map((row) => [row.domain!, row.id]));
  const out = new Map<string, string>();
  for (const [email, domain] of domainOf) {
    const id = idOf.get(domain);
    if (id) out.set(email, id);
  }
  return out;
}
