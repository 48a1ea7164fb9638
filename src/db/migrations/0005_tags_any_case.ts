import { sql, type Kysely } from 'kysely';

// Tags keep the spelling they were first given on a contact ("VIP"), are de-duplicated on a
// contact whatever their case, and are found whatever the case of the filter ("vip"). The
// lower-cased tags are a stored generated column rather than an index expression: PostgreSQL
// keeps statistics of a column, but none of the expression of a partial index, and without
// them it judged a tag held by a third of the contacts as rare and planned a 300 ms query.
// Contacts without tags skip the function (most of them, and it is paid on every write).
const statements = [
  // Immutable: it only lower-cases text, so its result may be stored and indexed.
  `create function inflow_lower_tags(tags text[]) returns text[] language sql immutable strict parallel safe
     as $$ select array(select lower(t) from unnest(tags) as t) $$`,
  `alter table contacts add column tag_keys text[] not null
     generated always as (case when tags = '{}' then '{}'::text[] else inflow_lower_tags(tags) end) stored`,
  `drop index contacts_tags_idx`,
  `create index contacts_tags_idx on contacts using gin (tag_keys) where tag_keys <> '{}'`,
];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of statements) await sql.raw(statement).execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const statement of [
    `drop index contacts_tags_idx`,
    `alter table contacts drop column tag_keys`,
    `create index contacts_tags_idx on contacts using gin (tags) where tags <> '{}'`,
    `drop function inflow_lower_tags(text[])`,
  ]) {
    await sql.raw(statement).execute(db);
  }
}
