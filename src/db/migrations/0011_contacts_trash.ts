import { sql, type Kysely } from 'kysely';

// Deleting a contact moves it to the trash for 30 days instead of removing it: the row stays,
// with its timeline and consents, marked with when and by whom it was deleted; the lists it was
// on are kept on the row (`deleted_lists`, the lists module's memberships leave with it) so a
// restore puts them back. Every query on live contacts asks `deleted_at is null`. The unique
// email and external id indexes still cover trashed rows: a write naming a trashed contact's
// email restores that contact rather than creating a second one (see contacts/trash.ts).
const statements = [
  `alter table contacts
     add column deleted_at timestamptz,
     add column deleted_by_type text,
     add column deleted_by_id text,
     add column deleted_lists jsonb`,
  // The trash page (newest first, keyset on (deleted_at, id)) and the purge job: trashed rows only.
  `create index contacts_trash on contacts (workspace_id, deleted_at, id) where deleted_at is not null`,
];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of statements) await sql.raw(statement).execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql.raw('drop index contacts_trash').execute(db);
  await sql.raw('alter table contacts drop column deleted_at, drop column deleted_by_type, drop column deleted_by_id, drop column deleted_lists').execute(db);
}
