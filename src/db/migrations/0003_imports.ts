import { sql, type Kysely } from 'kysely';

// Contact imports from CSV. One row per import: where its file is, how its columns map, its
// options, and its progress. `checkpoint` counts the data rows already committed; it is written
// in the same transaction as those rows, so an interrupted import resumes exactly after it.
// `error_report_bytes` is the length of the error report at the checkpoint: errors written by a
// chunk that never committed are cut off on resume.
const statements = [
  `create table imports (
    workspace_id uuid not null references workspaces(id) on delete cascade,
    id uuid not null,
    status text not null default 'draft'
      check (status in ('draft','queued','running','done','failed','cancelled')),
    file_path text not null,
    file_name text not null,
    file_size bigint not null,
    file_owned boolean not null default true,
    encoding text,
    mapping jsonb,
    options jsonb not null default '{}',
    rows_total integer,
    rows_processed integer not null default 0,
    rows_created integer not null default 0,
    rows_updated integer not null default 0,
    rows_skipped integer not null default 0,
    rows_failed integer not null default 0,
    checkpoint integer not null default 0,
    error_report_path text,
    error_report_bytes bigint not null default 0,
    error text,
    runner text,
    created_by_type text not null,
    created_by_id text,
    created_at timestamptz not null default now(),
    updated_at timestamptz not null default now(),
    started_at timestamptz,
    finished_at timestamptz,
    primary key (workspace_id, id)
  )`,
  `create index imports_recent_idx on imports (workspace_id, created_at desc, id desc)`,
];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of statements) await sql.raw(statement).execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql.raw('drop table if exists imports').execute(db);
}
