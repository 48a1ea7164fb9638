import { sql, type Kysely } from 'kysely';

// Forms (issue 10): a form's draft is edited freely; publishing freezes it as an immutable
// version row, so a page that cached version N keeps submitting against exactly what it showed.
// Public URLs carry only the form id, hence the global unique index on forms.id. Submissions are
// idempotent per form on the client's submission id. Spam is kept apart (30 days) and never
// becomes a contact. The daily counters are written by the beacon buffer and a subscriber.
const statements = [
  `alter table workspaces add column truncate_ips boolean not null default false`,
  `create table forms (
    workspace_id uuid not null references workspaces(id) on delete cascade,
    id uuid not null,
    name text not null,
    template text,
    status text not null default 'draft' check (status in ('draft','live','archived')),
    draft jsonb not null,
    draft_revision integer not null default 1,
    live_version integer,
    created_by uuid,
    created_at timestamptz not null default now(),
    updated_at timestamptz not null default now(),
    primary key (workspace_id, id)
  )`,
  `create unique index forms_public_id on forms (id)`,
  `create index forms_by_name on forms (workspace_id, lower(name), id) where status <> 'archived'`,
  `create table form_versions (
    workspace_id uuid not null,
    form_id uuid not null,
    version integer not null check (version > 0),
    definition jsonb not null,
    published_at timestamptz not null default now(),
    published_by uuid,
    primary key (workspace_id, form_id, version),
    foreign key (workspace_id, form_id) references forms (workspace_id, id) on delete cascade
  )`,
  // A published version is what pages were given: never changed, whatever the code does.
  `create function form_versions_immutable() returns trigger language plpgsql as $$
   begin raise exception 'form versions are immutable' using errcode = '55000'; end $$`,
  `create trigger form_versions_no_update before update on form_versions
     for each row execute function form_versions_immutable()`,
  `create table form_submissions (
    workspace_id uuid not null,
    id uuid not null,
    form_id uuid not null,
    form_version integer not null,
    client_submission_id text not null,
    contact_id uuid,
    email text,
    values jsonb not null,
    consents jsonb not null default '[]',
    page_url text,
    page_key text not null default '',
    page_title text,
    referrer text,
    utm_source text, utm_medium text, utm_campaign text, utm_term text, utm_content text,
    visitor_id text,
    ip text,
    user_agent text,
    rescued_from uuid,
    created_at timestamptz not null default now(),
    primary key (workspace_id, id),
    unique (workspace_id, form_id, client_submission_id),
    foreign key (workspace_id, form_id) references forms (workspace_id, id) on delete cascade,
    foreign key (workspace_id, contact_id) references contacts (workspace_id, id) on delete set null (contact_id)
  )`,
  `create index form_submissions_by_form on form_submissions (workspace_id, form_id, created_at desc, id desc)`,
  `create index form_submissions_by_contact on form_submissions (workspace_id, contact_id, created_at desc) where contact_id is not null`,
  `create index form_submissions_by_visitor on form_submissions (workspace_id, visitor_id, created_at desc) where visitor_id is not null`,
  `create index form_submissions_by_email on form_submissions (workspace_id, form_id, lower(email))`,
  `create table form_spam (
    workspace_id uuid not null,
    id uuid not null,
    form_id uuid not null,
    form_version integer not null,
    reason text not null check (reason in ('honeypot','too_fast','ip_rate','form_rate','blocked_domain','disposable_domain','free_mail_domain')),
    detail text,
    email text,
    values jsonb not null,
    client_submission_id text,
    page_url text,
    referrer text,
    utm jsonb,
    visitor_id text,
    ip text,
    user_agent text,
    created_at timestamptz not null default now(),
    rescued_at timestamptz,
    rescued_by uuid,
    rescued_submission_id uuid,
    primary key (workspace_id, id),
    foreign key (workspace_id, form_id) references forms (workspace_id, id) on delete cascade
  )`,
  `create index form_spam_by_form on form_spam (workspace_id, form_id, created_at desc, id desc)`,
  `create index form_spam_by_age on form_spam (created_at)`,
  `create table form_stats_daily (
    workspace_id uuid not null,
    form_id uuid not null,
    day date not null,
    page_key text not null,
    views integer not null default 0,
    starts integer not null default 0,
    submissions integer not null default 0,
    spam integer not null default 0,
    primary key (workspace_id, form_id, day, page_key)
  )`,
  `create table form_pages (
    workspace_id uuid not null,
    form_id uuid not null,
    page_key text not null,
    url text not null,
    first_seen_at timestamptz not null default now(),
    primary key (workspace_id, form_id, page_key)
  )`,
  `create table form_field_stats_daily (
    workspace_id uuid not null,
    form_id uuid not null,
    day date not null,
    field_key text not null,
    reached integer not null default 0,
    abandoned integer not null default 0,
    primary key (workspace_id, form_id, day, field_key)
  )`,
];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of statements) await sql.raw(statement).execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of ['form_field_stats_daily', 'form_pages', 'form_stats_daily', 'form_spam', 'form_submissions', 'form_versions', 'forms']) {
    await sql.raw(`drop table ${table}`).execute(db);
  }
  await sql.raw('drop function form_versions_immutable()').execute(db);
  await sql.raw('alter table workspaces drop column truncate_ips').execute(db);
}
