import { sql, type Kysely } from 'kysely';

// Fewer, smaller indexes on contacts: every index is paid on each inserted row, and a 1M-row
// import spent most of its database time maintaining them.
// - One email index serves both identity (unique, equality) and prefix search: text_pattern_ops
//   has the equality operator too, and it is not partial (NULLs never collide in a unique index)
//   so a `lower(email) like 'x%'` filter can use it without implying `email is not null`.
// - The company and the GIN indexes (tags, custom fields) leave out contacts without any; the
//   list adds the implied `<> '{}'` to its filters so they apply. The name indexes stay whole:
//   PostgreSQL keeps statistics of an index expression (lower(first_name)) only for an index
//   that is not partial, and without them it misjudged a name prefix as matching 0.5 % of
//   the workspace and read the newest contacts one by one until 50 matched (900 ms at 1M).
// - A contact's timeline is the only way events are read, so its index is their primary key
//   (still unique: the id is in it) instead of a second index beside one on (workspace_id, id).
// - Stage and owner filters sort by another column (created_at, updated_at), so an `id` suffix
//   bought nothing; without it PostgreSQL de-duplicates the repeated keys into a few pages.
const statements = [
  `create unique index contacts_email_key_idx on contacts (workspace_id, lower(email) text_pattern_ops)`,
  `drop index contacts_email_idx`,
  `drop index contacts_email_prefix_idx`,
  `drop index contacts_stage_idx`,
  `create index contacts_stage_idx on contacts (workspace_id, lifecycle_stage)`,
  `drop index contacts_owner_idx`,
  `create index contacts_owner_idx on contacts (workspace_id, owner_id)`,
  `drop index contacts_company_idx`,
  `create index contacts_company_idx on contacts (workspace_id, company_id) where company_id is not null`,
  `drop index contacts_tags_idx`,
  `create index contacts_tags_idx on contacts using gin (tags) where tags <> '{}'`,
  `drop index contacts_custom_idx`,
  `create index contacts_custom_idx on contacts using gin (custom jsonb_path_ops) where custom <> '{}'`,
  `alter table contact_events drop constraint contact_events_pkey`,
  `drop index contact_events_timeline_idx`,
  `alter table contact_events add primary key (workspace_id, contact_id, occurred_at, id)`,
];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of statements) await sql.raw(statement).execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const statement of [
    `alter table contact_events drop constraint contact_events_pkey`,
    `alter table contact_events add primary key (workspace_id, id)`,
    `create index contact_events_timeline_idx on contact_events (workspace_id, contact_id, occurred_at desc, id desc)`,
    `drop index contacts_custom_idx`,
    `create index contacts_custom_idx on contacts using gin (custom jsonb_path_ops)`,
    `drop index contacts_tags_idx`,
    `create index contacts_tags_idx on contacts using gin (tags)`,
    `drop index contacts_company_idx`,
    `create index contacts_company_idx on contacts (workspace_id, company_id)`,
    `drop index contacts_owner_idx`,
    `create index contacts_owner_idx on contacts (workspace_id, owner_id, id)`,
    `drop index contacts_stage_idx`,
    `create index contacts_stage_idx on contacts (workspace_id, lifecycle_stage, id)`,
    `create index contacts_email_prefix_idx on contacts (workspace_id, lower(email) text_pattern_ops)`,
    `create unique index contacts_email_idx on contacts (workspace_id, lower(email)) where email is not null`,
    `drop index contacts_email_key_idx`,
  ]) {
    await sql.raw(statement).execute(db);
  }
}
