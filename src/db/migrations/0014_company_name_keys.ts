import { sql, type Kysely } from 'kysely';

// A contact's company name decides its company record (issue 9): "ACME Inc.", "Acme, Inc" and
// "acme" are one company, "Açaí Ltda" and "Acai" too. The key is computed by the database, in
// one function, so a company typed by hand, one created by an import and a lookup from a batch
// agree, and a stored generated column keeps every company's key current with its name.
// Legal forms are removed only at the end of a name ("Co-op Bank" keeps its words), repeatedly
// ("Acme Co., Ltd."), and a leading "The"; a name that is nothing but a legal form keeps its letters.
const LEGAL_FORMS = [
  'inc', 'incorporated', 'corp', 'corporation', 'co', 'company', 'llc', 'llp', 'lp', 'ltd', 'limited', 'plc',
  'ltda', 'me', 'epp', 'eireli', 's[./]?a', 'sas', 'sarl', 'srl', 'spa', 'sl', 'sa de cv',
  'gmbh', 'ag', 'kg', 'ug', 'bv', 'nv', 'oy', 'ab', 'as', 'aps', 'pty', 'kk',
].join('|');

// Latin letters with marks, by the letter they fold to (PGlite has no unaccent).
const MARKED: Readonly<Record<string, string>> = {
  a: 'áàâãäåāăą', c: 'çćč', d: 'ďđ', e: 'éèêëēėęě', i: 'íìîïīį', l: 'ł', n: 'ñńň', o: 'óòôõöøōő',
  r: 'ŕř', s: 'śšş', t: 'ť', u: 'úùûüūůűų', y: 'ýÿ', z: 'žźż',
};
const ACCENTED = Object.values(MARKED).join('');
const FOLDED = Object.entries(MARKED).map(([letter, marked]) => letter.repeat([...marked].length)).join('');

const statements = [
  `create function inflow_company_name_key(name text) returns text language sql immutable strict parallel safe as $$
     select coalesce(
       nullif(regexp_replace(
         regexp_replace(regexp_replace(translate(lower(name), '${ACCENTED}', '${FOLDED}'),
           '(([[:space:],.&-]+)(${LEGAL_FORMS})[.]?)+[[:space:].]*$', ''), '^the[[:space:]]+', ''),
         '[^a-z0-9]+', '', 'g'), ''),
       regexp_replace(lower(name), '[^[:alnum:]]+', '', 'g'))
   $$`,
  `alter table companies add column name_key text generated always as (inflow_company_name_key(name)) stored`,
  `create index companies_name_key_idx on companies (workspace_id, name_key)`,
  // Contacts linked before this rule, by their email's domain, to a company their own company
  // name contradicts: each workspace's are relinked once, in the background.
  `insert into jobs (kind, workspace_id) select 'contacts.relink_companies', id from workspaces`,
];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of statements) await sql.raw(statement).execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const statement of [
    `delete from jobs where kind = 'contacts.relink_companies'`,
    `drop index companies_name_key_idx`,
    `alter table companies drop column name_key`,
    `drop function inflow_company_name_key(text)`,
  ]) {
    await sql.raw(statement).execute(db);
  }
}
