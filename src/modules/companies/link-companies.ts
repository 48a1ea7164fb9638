import { sql, type Kysely, type Transaction } from 'kysely';
import { newId } from '../../db/ids.js';
import type { Tables } from '../../db/schema.js';
import { emailDomain } from '../../lib/email-address.js';
import { companyDomainOf, companyNameFromDomain } from './company-domain.js';
import { domainAgreesWithName } from './company-name.js';

type Executor = Kysely<Tables> | Transaction<Tables>;

/** Someone whose company is to be found: by the company name they gave, else by their email's domain. */
export interface CompanyClue {
  /** Normalised email address, or null. */
  email: string | null;
  /** The company name as given (cleaned), or null. */
  companyName: string | null;
}

/**
 * The company of each person, creating the missing ones; null where nothing identifies one.
 * A company name decides: the workspace's company of that name (compared by `name_key`: case,
 * marks, punctuation and legal forms ignored), or a new one, which takes the email's domain only
 * when the domain agrees with the name and no other company has it. Without a name, the email's
 * domain links its company (created if absent, named after the domain) — never a free-mail,
 * disposable or reserved one. Set-based: a few statements for any number of people.
 */
export async function companiesFor(db: Executor, workspaceId: string, people: readonly CompanyClue[]): Promise<(string | null)[]> {
  // A chunk of an import holds thousands of addresses but few domains.
  const domainOfEmailDomain = new Map<string, string | null>();
  const domainOf = (email: string | null): string | null => {
    if (!email) return null;
    const part = emailDomain(email).toLowerCase();
    let domain = domainOfEmailDomain.get(part);
    if (domain === undefined) domainOfEmailDomain.set(part, (domain = companyDomainOf(part)));
    return domain;
  };
  const domains = people.map((person) => domainOf(person.email));
  const keys = await nameKeys(db, people.map((person) => person.companyName));
  const byName = await companiesByName(db, workspaceId, people, domains, keys);
  const unnamedDomains = people.flatMap((_, i) => (keys[i] === null && domains[i] ? [domains[i]!] : []));
  const byDomain = await companiesByDomain(db, workspaceId, unnamedDomains);
  return people.map((_, i) => {
    const key = keys[i] ?? null;
    if (key !== null) return byName.get(key) ?? null;
    return domains[i] ? (byDomain.get(domains[i]!) ?? null) : null;
  });
}

/** The database's key of each name (one function decides equality for every path). */
async function nameKeys(db: Executor, names: ReadonlyArray<string | null>): Promise<(string | null)[]> {
  const given = [...new Set(names.filter((name): name is string => name !== null))];
  if (given.length === 0) return names.map(() => null);
  const rows = await sql<{ name: string; key: string }>`
    select name, inflow_company_name_key(name) as key from unnest(${given}::text[]) as given(name)`.execute(db);
  const keyOf = new Map(rows.rows.map((row) => [row.name, row.key]));
  return names.map((name) => (name === null ? null : (keyOf.get(name) ?? null)));
}

async function companiesByName(
  db: Executor,
  workspaceId: string,
  people: readonly CompanyClue[],
  domains: ReadonlyArray<string | null>,
  keys: ReadonlyArray<string | null>,
): Promise<Map<string, string>> {
  const wanted = [...new Set(keys.filter((key): key is string => key !== null))];
  if (wanted.length === 0) return new Map();
  const found = await existingByName(db, workspaceId, wanted);
  const missing = wanted.filter((key) => !found.has(key));
  if (missing.length === 0) return found;
  // Two writers creating "Acme" at once would make two companies: creation takes turns per
  // workspace (a lock held to the end of the caller's transaction), and looks again first.
  await sql`select pg_advisory_xact_lock(hashtextextended(${`companies:${workspaceId}`}, 0))`.execute(db);
  for (const [key, id] of await existingByName(db, workspaceId, missing)) found.set(key, id);
  const toCreate = new Map<string, { name: string; domain: string | null }>();
  people.forEach((person, i) => {
    const key = keys[i] ?? null;
    if (key === null || found.has(key)) return;
    const personal = domains[i] ?? null;
    const domain = personal && domainAgreesWithName(personal, key) ? personal : null;
    const planned = toCreate.get(key);
    if (!planned) toCreate.set(key, { name: person.companyName!, domain });
    else if (!planned.domain && domain) planned.domain = domain;
  });
  if (toCreate.size === 0) return found;
  const claimed = new Set(await takenDomains(db, workspaceId, [...toCreate.values()].flatMap((c) => (c.domain ? [c.domain] : []))));
  const rows = await db
    .insertInto('companies')
    .values([...toCreate.values()].map(({ name, domain }) => ({ workspace_id: workspaceId, id: newId(), name, domain: domain && !claimed.has(domain) ? domain : null })))
    .returning(['id', 'name_key'])
    .execute();
  for (const row of rows) if (!found.has(row.name_key)) found.set(row.name_key, row.id);
  return found;
}

/** The oldest company of each key: names were never unique, and the first one is the one people know. */
async function existingByName(db: Executor, workspaceId: string, keys: readonly string[]): Promise<Map<string, string>> {
  const rows = await db
    .selectFrom('companies')
    .select(['id', 'name_key'])
    .where('workspace_id', '=', workspaceId)
    .where('name_key', '=', sql<string>`any(${keys}::text[])`)
    .orderBy('created_at')
    .orderBy('id')
    .execute();
  const found = new Map<string, string>();
  for (const row of rows) if (!found.has(row.name_key)) found.set(row.name_key, row.id);
  return found;
}

async function takenDomains(db: Executor, workspaceId: string, domains: readonly string[]): Promise<string[]> {
  if (domains.length === 0) return [];
  const rows = await db
    .selectFrom('companies')
    .select('domain')
    .where('workspace_id', '=', workspaceId)
    .where('domain', '=', sql<string>`any(${[...new Set(domains)]}::text[])`)
    .execute();
  return rows.map((row) => row.domain!);
}

/** The company of each domain, creating the missing ones named after the domain. */
async function companiesByDomain(db: Executor, workspaceId: string, domainList: readonly string[]): Promise<Map<string, string>> {
  const domains = [...new Set(domainList)];
  if (domains.length === 0) return new Map();
  await db
    .insertInto('companies')
    .values(domains.map((domain) => ({ workspace_id: workspaceId, id: newId(), domain, name: companyNameFromDomain(domain) })))
    .onConflict((oc) => oc.columns(['workspace_id', 'domain']).where('domain', 'is not', null).doNothing())
    .execute();
  const rows = await db
    .selectFrom('companies')
    .select(['id', 'domain'])
    .where('workspace_id', '=', workspaceId)
    .where('domain', '=', sql<string>`any(${domains}::text[])`)
    .execute();
  return new Map(rows.map((row) => [row.domain!, row.id]));
}
