import { sql, type Kysely } from 'kysely';

// Pop-ups (issue 11): a form shown over a customer's site by f.js, with its layout, trigger,
// targeting and frequency. f.js asks for a workspace's active pop-ups by the workspace id; a
// beacon names a pop-up by its id alone, so popups_public_id finds it (then every query filters
// by its workspace). The figures are daily counters by UTM source ('' for none): impressions
// and closes from beacons, submissions from `form.submitted`.
const statements = [
  `create table popups (
    workspace_id uuid not null references workspaces(id) on delete cascade,
    id uuid not null,
    name text not null,
    status text not null default 'draft' check (status in ('draft','active','paused')),
    form_id uuid,
    settings jsonb not null,
    revision integer not null default 1,
    created_by uuid,
    created_at timestamptz not null default now(),
    updated_at timestamptz not null default now(),
    primary key (workspace_id, id)
  )`,
  `create unique index popups_public_id on popups (id)`,
  `create index popups_by_name on popups (workspace_id, lower(name), id)`,
  `create table popup_stats_daily (
    workspace_id uuid not null,
    popup_id uuid not null,
    day date not null,
    utm_source text not null default '',
    impressions integer not null default 0,
    closes integer not null default 0,
    submissions integer not null default 0,
    primary key (workspace_id, popup_id, day, utm_source),
    foreign key (workspace_id, popup_id) references popups (workspace_id, id) on delete cascade
  )`,
];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of statements) await sql.raw(statement).execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of ['popup_stats_daily', 'popups']) await sql.raw(`drop table ${table}`).execute(db);
}
