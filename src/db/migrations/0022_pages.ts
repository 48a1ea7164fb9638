import { sql, type Kysely } from 'kysely';

// Landing and thank-you pages (issue 11). A page's draft is edited freely; publishing freezes it
// as an immutable version. Public URLs are `/p/:slug` with no workspace in them, so a slug is
// unique per host across the install (`host` '' is the main host; a page assigned to a custom
// domain answers for that Host only): pages_public_route is global, the one index not led by
// workspace_id, like forms_public_id. The workspace's theme is one row per workspace.
const statements = [
  `create table page_themes (
    workspace_id uuid not null references workspaces(id) on delete cascade,
    theme jsonb not null,
    updated_at timestamptz not null default now(),
    primary key (workspace_id)
  )`,
  `create table pages (
    workspace_id uuid not null references workspaces(id) on delete cascade,
    id uuid not null,
    kind text not null check (kind in ('landing','thank_you')),
    name text not null,
    slug text not null,
    host text not null default '',
    template text,
    status text not null default 'draft' check (status in ('draft','live','unpublished')),
    draft jsonb not null,
    draft_revision integer not null default 1,
    live_version integer,
    publish_at timestamptz,
    created_by uuid,
    created_at timestamptz not null default now(),
    updated_at timestamptz not null default now(),
    primary key (workspace_id, id)
  )`,
  `create unique index pages_public_route on pages (host, slug)`,
  `create index pages_by_name on pages (workspace_id, lower(name), id)`,
  `create table page_versions (
    workspace_id uuid not null,
    page_id uuid not null,
    version integer not null check (version > 0),
    definition jsonb not null,
    published_at timestamptz not null default now(),
    published_by uuid,
    primary key (workspace_id, page_id, version),
    foreign key (workspace_id, page_id) references pages (workspace_id, id) on delete cascade
  )`,
  `create function page_versions_immutable() returns trigger language plpgsql as $$
   begin raise exception 'page versions are immutable' using errcode = '55000'; end $$`,
  `create trigger page_versions_no_update before update on page_versions
     for each row execute function page_versions_immutable()`,
];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of statements) await sql.raw(statement).execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of ['page_versions', 'pages', 'page_themes']) await sql.raw(`drop table ${table}`).execute(db);
  await sql.raw('drop function page_versions_immutable()').execute(db);
}
