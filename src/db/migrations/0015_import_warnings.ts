import { sql, type Kysely } from 'kysely';

// Rows an import kept while leaving out a value it could do without (an owner nobody in the
// workspace is, a stage Inflow does not have) are counted apart from the failed ones: the
// report lists them as warnings, and the row's contact is imported.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`alter table imports add column rows_warned integer not null default 0`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`alter table imports drop column rows_warned`.execute(db);
}
