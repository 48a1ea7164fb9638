import { sql, type Kysely } from 'kysely';

// Likely duplicates are found by a job and kept, instead of computed on each request: finding
// them reads every contact of the workspace (seconds at 1M). A pair a user marked as "not a
// duplicate" keeps its mark, so the next scan does not bring it back. `duplicate_scans` says
// when a workspace was last scanned and up to which contact change, so the hourly rescan
// skips workspaces where nothing changed.
const statements = [
  `create table contact_duplicates (
    workspace_id uuid not null references workspaces(id) on delete cascade,
    a_id uuid not null,
    b_id uuid not null,
    reasons text[] not null,
    found_at timestamptz not null default now(),
    dismissed_at timestamptz,
    dismissed_by_type text,
    dismissed_by_id text,
    primary key (workspace_id, a_id, b_id),
    check (a_id < b_id)
  )`,
  // Deleting a contact forgets its pairs, from either side.
  `create index contact_duplicates_b_idx on contact_duplicates (workspace_id, b_id)`,
  `create table duplicate_scans (
    workspace_id uuid primary key references workspaces(id) on delete cascade,
    scanned_at timestamptz not null,
    contacts_changed_at timestamptz
  )`,
];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of statements) await sql.raw(statement).execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql.raw('drop table duplicate_scans').execute(db);
  await sql.raw('drop table contact_duplicates').execute(db);
}
