import { sql, type Kysely } from 'kysely';

// A change to every contact a filter matches (tag, untag, add to a list, delete), run by a job
// in chunks. `last_id` is the checkpoint, written with each chunk, so a run cut short resumes
// after it; `max_id` bounds the run to the contacts that existed when it was asked for.
const statements = [
  `create table bulk_actions (
    workspace_id uuid not null references workspaces(id) on delete cascade,
    id uuid not null,
    action text not null check (action in ('add_tags','remove_tags','add_to_list','delete')),
    params jsonb not null default '{}',
    filters jsonb not null,
    status text not null default 'queued' check (status in ('queued','running','done','failed')),
    total integer not null,
    processed integer not null default 0,
    last_id uuid,
    max_id uuid,
    error text,
    created_by_type text not null,
    created_by_id text,
    created_at timestamptz not null default now(),
    updated_at timestamptz not null default now(),
    finished_at timestamptz,
    primary key (workspace_id, id)
  )`,
];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of statements) await sql.raw(statement).execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql.raw('drop table bulk_actions').execute(db);
}
