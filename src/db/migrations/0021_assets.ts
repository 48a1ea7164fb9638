import { sql, type Kysely } from 'kysely';

// Gated downloads (issue 11): files kept in the database, in fixed-size chunks, so every process
// of a scaled install serves them and a backup holds them. An asset is `uploading` while its
// chunks arrive (each chunk its own short statement: a 50 MB upload must not hold PGlite's one
// connection for as long as the client takes to send it), `ready` when whole; a failed upload is
// deleted, and one a crash left behind is purged by a recurring job. Downloads are one row each,
// with the contact the link was signed for.
const statements = [
  `create table assets (
    workspace_id uuid not null references workspaces(id) on delete cascade,
    id uuid not null,
    name text not null,
    file_name text not null,
    content_type text not null,
    kind text not null,
    size bigint not null default 0,
    sha256 text,
    status text not null default 'uploading' check (status in ('uploading','ready')),
    downloads integer not null default 0,
    created_by uuid,
    created_at timestamptz not null default now(),
    updated_at timestamptz not null default now(),
    primary key (workspace_id, id)
  )`,
  `create index assets_by_created on assets (workspace_id, created_at desc, id desc) where status = 'ready'`,
  `create index assets_uploading on assets (created_at) where status = 'uploading'`,
  `create table asset_chunks (
    workspace_id uuid not null,
    asset_id uuid not null,
    seq integer not null check (seq >= 0),
    data bytea not null,
    primary key (workspace_id, asset_id, seq),
    foreign key (workspace_id, asset_id) references assets (workspace_id, id) on delete cascade
  )`,
  `create table asset_downloads (
    workspace_id uuid not null,
    id uuid not null,
    asset_id uuid not null,
    contact_id uuid,
    ip text,
    user_agent text,
    created_at timestamptz not null default now(),
    primary key (workspace_id, id),
    foreign key (workspace_id, asset_id) references assets (workspace_id, id) on delete cascade,
    foreign key (workspace_id, contact_id) references contacts (workspace_id, id) on delete set null (contact_id)
  )`,
  `create index asset_downloads_by_asset on asset_downloads (workspace_id, asset_id, created_at desc)`,
  `create index asset_downloads_by_contact on asset_downloads (workspace_id, contact_id, created_at desc) where contact_id is not null`,
];

export async function up(db: Kysely<unknown>): Promise<void> {
  // Chunks are already compressed or incompressible files: TOAST compression would only cost CPU.
  for (const statement of statements) await sql.raw(statement).execute(db);
  await sql.raw('alter table asset_chunks alter column data set storage external').execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of ['asset_downloads', 'asset_chunks', 'assets']) await sql.raw(`drop table ${table}`).execute(db);
}
