import { sql, type Kysely } from 'kysely';

// A phone number is found by its digits, however it was written: "+55 (11) 98765-4321",
// "5511987654321" and "55 11 98765 4321" are one number. The digits are a stored generated
// column (statistics, and a prefix index for the search box), empty for contacts without a phone.
const statements = [
  `alter table contacts add column phone_digits text not null
     generated always as (coalesce(regexp_replace(phone, '[^0-9]', '', 'g'), '')) stored`,
  `create index contacts_phone_digits_idx on contacts (workspace_id, phone_digits text_pattern_ops) where phone_digits <> ''`,
];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of statements) await sql.raw(statement).execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql.raw('drop index contacts_phone_digits_idx').execute(db);
  await sql.raw('alter table contacts drop column phone_digits').execute(db);
}
