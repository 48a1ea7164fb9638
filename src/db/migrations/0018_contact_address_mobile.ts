import { sql, type Kysely } from 'kysely';

// Every CRM export carries a mobile number beside the main one and a postal address in parts
// (street, state or region, postal code); city and country were already standard. Without these
// columns an import kept them only as custom fields, which the dashboard, the duplicates check
// and later modules (forms, segments) do not know.
const columns = ['mobile_phone', 'street', 'state', 'postal_code'] as const;

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql.raw(`alter table contacts ${columns.map((c) => `add column ${c} text`).join(', ')}`).execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql.raw(`alter table contacts ${columns.map((c) => `drop column ${c}`).join(', ')}`).execute(db);
}
