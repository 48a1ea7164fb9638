import { sql, type Kysely } from 'kysely';

// The lead database. Every table leads with workspace_id (see 0001). Contacts keep their
// standard fields as columns (filtered and sorted by the list API), custom fields in one jsonb
// document (GIN-indexed for equality filters), tags as a text array (GIN). Email identity is
// case-insensitive: unique on lower(email); a contact without email is keyed by external_id.
// contact_events has no foreign key to contacts on purpose: it is the bulk, append-only table
// (and will be partitioned), and PostgreSQL caches the plan of a foreign-key check per
// connection — planned while a new workspace's contacts table looked empty, it stays a
// sequential scan per inserted event, which made large imports quadratic. Deleting a contact
// deletes its events in the same transaction (contacts/trash.ts deleteContactRows).
const statements = [
  `create table companies (
    workspace_id uuid not null references workspaces(id) on delete cascade,
    id uuid not null,
    name text not null,
    domain text,
    industry text,
    size text,
    revenue numeric,
    country text,
    created_at timestamptz not null default now(),
    updated_at timestamptz not null default now(),
    primary key (workspace_id, id)
  )`,
  `create unique index companies_domain_idx on companies (workspace_id, domain) where domain is not null`,
  `create index companies_name_idx on companies (workspace_id, lower(name) text_pattern_ops)`,
  `create table contacts (
    workspace_id uuid not null references workspaces(id) on delete cascade,
    id uuid not null,
    email text,
    external_id text,
    first_name text,
    last_name text,
    phone text,
    job_title text,
    company_name text,
    website text,
    country text,
    city text,
    lifecycle_stage text not null default 'lead',
    lead_status text,
    owner_id uuid references users(id) on delete set null,
    company_id uuid,
    score integer not null default 0,
    fit_score integer not null default 0,
    temperature text,
    source text,
    source_detail text,
    origin text,
    utm_source text,
    utm_medium text,
    utm_campaign text,
    utm_term text,
    utm_content text,
    referrer text,
    latest_source text,
    latest_source_detail text,
    do_not_email boolean not null default false,
    do_not_call boolean not null default false,
    unsubscribed_at timestamptz,
    tags text[] not null default '{}',
    custom jsonb not null default '{}',
    created_at timestamptz not null default now(),
    updated_at timestamptz not null default now(),
    last_activity_at timestamptz,
    primary key (workspace_id, id),
    foreign key (workspace_id, company_id) references companies (workspace_id, id) on delete set null (company_id),
    constraint contacts_identity check (email is not null or external_id is not null)
  )`,
  `create unique index contacts_email_idx on contacts (workspace_id, lower(email)) where email is not null`,
  `create index contacts_email_prefix_idx on contacts (workspace_id, lower(email) text_pattern_ops)`,
  `create unique index contacts_external_id_idx on contacts (workspace_id, external_id) where external_id is not null`,
  `create index contacts_first_name_idx on contacts (workspace_id, lower(first_name) text_pattern_ops)`,
  `create index contacts_last_name_idx on contacts (workspace_id, lower(last_name) text_pattern_ops)`,
  `create index contacts_company_name_idx on contacts (workspace_id, lower(company_name) text_pattern_ops)`,
  `create index contacts_stage_idx on contacts (workspace_id, lifecycle_stage, id)`,
  `create index contacts_owner_idx on contacts (workspace_id, owner_id, id)`,
  `create index contacts_company_idx on contacts (workspace_id, company_id)`,
  `create index contacts_created_idx on contacts (workspace_id, created_at, id)`,
  `create index contacts_updated_idx on contacts (workspace_id, updated_at, id)`,
  `create index contacts_tags_idx on contacts using gin (tags)`,
  `create index contacts_custom_idx on contacts using gin (custom jsonb_path_ops)`,
  `create table custom_fields (
    workspace_id uuid not null references workspaces(id) on delete cascade,
    key text not null,
    label text not null,
    type text not null check (type in ('text','number','date','boolean','select','multiselect')),
    options jsonb not null default '[]',
    created_at timestamptz not null default now(),
    primary key (workspace_id, key)
  )`,
  `create table contact_events (
    workspace_id uuid not null references workspaces(id) on delete cascade,
    id uuid not null,
    contact_id uuid not null,
    kind text not null,
    occurred_at timestamptz not null default now(),
    actor_type text not null,
    actor_id text,
    data jsonb not null default '{}',
    primary key (workspace_id, id)
  )`,
  `create index contact_events_timeline_idx on contact_events (workspace_id, contact_id, occurred_at desc, id desc)`,
  `create table lists (
    workspace_id uuid not null references workspaces(id) on delete cascade,
    id uuid not null,
    name text not null,
    description text not null default '',
    created_at timestamptz not null default now(),
    updated_at timestamptz not null default now(),
    primary key (workspace_id, id)
  )`,
  `create unique index lists_name_idx on lists (workspace_id, lower(name))`,
  `create table list_members (
    workspace_id uuid not null,
    list_id uuid not null,
    contact_id uuid not null,
    added_at timestamptz not null default now(),
    primary key (workspace_id, list_id, contact_id),
    foreign key (workspace_id, list_id) references lists (workspace_id, id) on delete cascade,
    foreign key (workspace_id, contact_id) references contacts (workspace_id, id) on delete cascade
  )`,
  `create index list_members_contact_idx on list_members (workspace_id, contact_id)`,
  `create table consents (
    workspace_id uuid not null references workspaces(id) on delete cascade,
    id uuid not null,
    contact_id uuid not null,
    purpose text not null,
    granted boolean not null,
    text_shown text not null default '',
    source text not null default '',
    ip text,
    occurred_at timestamptz not null default now(),
    primary key (workspace_id, id),
    foreign key (workspace_id, contact_id) references contacts (workspace_id, id) on delete cascade
  )`,
  `create index consents_contact_idx on consents (workspace_id, contact_id, occurred_at)`,
  `create table suppressions (
    workspace_id uuid not null references workspaces(id) on delete cascade,
    email_hash text not null,
    reason text not null,
    created_at timestamptz not null default now(),
    primary key (workspace_id, email_hash)
  )`,
];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of statements) await sql.raw(statement).execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of ['suppressions', 'consents', 'list_members', 'lists', 'contact_events', 'custom_fields', 'contacts', 'companies']) {
    await sql.raw(`drop table if exists ${table}`).execute(db);
  }
}
