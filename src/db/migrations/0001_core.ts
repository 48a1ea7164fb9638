import { sql, type Kysely } from 'kysely';

// Every tenant-owned table leads with workspace_id in its primary key and indexes, so the
// schema can be distributed by workspace_id (Citus) later. Users and sessions are global:
// one person may belong to several workspaces. Jobs are the queue, local to the coordinator.
const statements = [
  `create table workspaces (
    id uuid primary key,
    slug text not null unique,
    name text not null,
    secret text not null,
    created_at timestamptz not null default now(),
    updated_at timestamptz not null default now()
  )`,
  `create table users (
    id uuid primary key,
    email text not null unique,
    name text not null default '',
    password_hash text not null,
    created_at timestamptz not null default now(),
    updated_at timestamptz not null default now(),
    last_login_at timestamptz
  )`,
  `create table memberships (
    workspace_id uuid not null references workspaces(id) on delete cascade,
    user_id uuid not null references users(id) on delete cascade,
    role text not null check (role in ('owner','admin','marketer','sales','viewer')),
    created_at timestamptz not null default now(),
    primary key (workspace_id, user_id)
  )`,
  `create index memberships_user_idx on memberships (user_id)`,
  `create table sessions (
    id text primary key,
    user_id uuid not null references users(id) on delete cascade,
    csrf_token text not null,
    ip text,
    user_agent text,
    created_at timestamptz not null default now(),
    last_seen_at timestamptz not null default now(),
    expires_at timestamptz not null
  )`,
  `create index sessions_user_idx on sessions (user_id)`,
  `create index sessions_expires_idx on sessions (expires_at)`,
  `create table api_keys (
    workspace_id uuid not null references workspaces(id) on delete cascade,
    id uuid not null,
    name text not null,
    prefix text not null,
    key_hash text not null,
    role text not null check (role in ('owner','admin','marketer','sales','viewer')),
    created_by uuid references users(id) on delete set null,
    created_at timestamptz not null default now(),
    last_used_at timestamptz,
    revoked_at timestamptz,
    primary key (workspace_id, id)
  )`,
  // Keys are looked up by hash alone (a key does not say its workspace). Not a unique index: on
  // a sharded install it could not be enforced across shards; 240 random bits make collisions
  // moot, and a chosen key (INFLOW_ADMIN_API_KEY) is checked before it is stored.
  `create index api_keys_hash_idx on api_keys (key_hash)`,
  `create table jobs (
    id bigint generated always as identity primary key,
    workspace_id uuid references workspaces(id) on delete cascade,
    kind text not null,
    payload jsonb not null default '{}',
    status text not null default 'queued' check (status in ('queued','running','done','dead')),
    run_at timestamptz not null default now(),
    attempts integer not null default 0,
    max_attempts integer not null default 10,
    lease_expires_at timestamptz,
    locked_by text,
    last_error text,
    idempotency_key text,
    created_at timestamptz not null default now(),
    updated_at timestamptz not null default now(),
    finished_at timestamptz
  )`,
  `create index jobs_due_idx on jobs (run_at) where status = 'queued'`,
  `create index jobs_lease_idx on jobs (lease_expires_at) where status = 'running'`,
  `create index jobs_finished_idx on jobs (finished_at) where status in ('done','dead')`,
  `create unique index jobs_idempotency_idx on jobs (idempotency_key)`,
];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of statements) await sql.raw(statement).execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of ['jobs', 'api_keys', 'sessions', 'memberships', 'users', 'workspaces']) {
    await sql.raw(`drop table if exists ${table}`).execute(db);
  }
}
