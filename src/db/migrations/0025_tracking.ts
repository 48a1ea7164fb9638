import { sql, type Kysely } from 'kysely';

// Tracking (issue 12): what t.js reports of a site's visitors, and where each lead came from.
//
// - `tracking_settings`: one row per workspace, made on first use: consent and Do-Not-Track
//   policy, how long events are kept, the key a site's server signs `identify` calls with.
// - `tracking_visitors`: one browser on one site (its first-party `inflow_vid`, random, made by
//   the browser), with the contact it was identified as. A contact may have several.
// - `tracking_sessions`: a visit (t.js's session id: a new one after 30 minutes idle), with its
//   landing page and channel (fixed by its first event) and running counts.
// - `tracking_events`: every page view, engagement, click, download, custom event and identify,
//   append-only, partitioned by month (`occurred_at`) on both databases so retention drops
//   whole partitions. `tracking.partitions` makes the next months ahead of time; the default
//   partition only catches rows of a month whose partition was not made yet, and the job moves
//   them out when it makes it. A contact's id is written on events once its visitor is known
//   (identification fills it in for the visitor's earlier events).
// - `tracking_contact_sources`: per contact, its first touch, its last touch before converting,
//   and the conversion itself.
// - `tracking_drops_daily`: batches answered but not stored (bots, Do-Not-Track, no consent, a
//   session id of another visitor, a refused identify), counted so the setup page can say why.
// No foreign keys from events (they would cost every insert); erasure and merges go through
// the module's personal-data hooks. Every batch updates its visitor's and its visit's row: no
// index names a column those updates change (last_seen_at, counts), so they stay HOT updates,
// and an event has two index entries besides its key (by visitor, and by contact once known).
const statements = [
  `create table tracking_settings (
    workspace_id uuid primary key references workspaces(id) on delete cascade,
    require_consent boolean not null default false,
    respect_dnt boolean not null default false,
    retention_months integer not null default 25 check (retention_months between 1 and 120),
    identify_key text not null,
    site_hosts text[] not null default '{}',
    updated_at timestamptz not null default now()
  )`,
  `create table tracking_visitors (
    workspace_id uuid not null references workspaces(id) on delete cascade,
    id uuid not null,
    contact_id uuid,
    first_seen_at timestamptz not null,
    last_seen_at timestamptz not null,
    sessions integer not null default 0,
    page_views integer not null default 0,
    events integer not null default 0,
    identified_at timestamptz,
    identified_via text,
    primary key (workspace_id, id),
    foreign key (workspace_id, contact_id) references contacts (workspace_id, id) on delete set null (contact_id)
  )`,
  `create index tracking_visitors_contact on tracking_visitors (workspace_id, contact_id) where contact_id is not null`,
  `create table tracking_sessions (
    workspace_id uuid not null,
    id uuid not null,
    visitor_id uuid not null,
    contact_id uuid,
    started_at timestamptz not null,
    last_seen_at timestamptz not null,
    page_views integer not null default 0,
    events integer not null default 0,
    engaged_ms bigint not null default 0,
    landing_url text,
    exit_url text,
    referrer text,
    channel text not null,
    source text,
    medium text,
    campaign text,
    term text,
    content text,
    device text,
    browser text,
    os text,
    ip text,
    primary key (workspace_id, id),
    foreign key (workspace_id, visitor_id) references tracking_visitors (workspace_id, id) on delete cascade
  )`,
  `create index tracking_sessions_visitor on tracking_sessions (workspace_id, visitor_id, started_at)`,
  `create index tracking_sessions_started on tracking_sessions (workspace_id, started_at)`,
  `create index tracking_sessions_contact on tracking_sessions (workspace_id, contact_id, started_at) where contact_id is not null`,
  `create table tracking_events (
    workspace_id uuid not null,
    id uuid not null,
    occurred_at timestamptz not null,
    visitor_id uuid not null,
    session_id uuid not null,
    contact_id uuid,
    type text not null,
    name text,
    url text,
    path text,
    title text,
    referrer text,
    target text,
    duration_ms integer,
    properties jsonb,
    primary key (workspace_id, occurred_at, id)
  ) partition by range (occurred_at)`,
  `create table tracking_events_default partition of tracking_events default`,
  `create index tracking_events_visitor on tracking_events (workspace_id, visitor_id, occurred_at)`,
  `create index tracking_events_contact on tracking_events (workspace_id, contact_id, occurred_at) where contact_id is not null`,
  `create table tracking_contact_sources (
    workspace_id uuid not null,
    contact_id uuid not null,
    first_session_id uuid,
    first_at timestamptz,
    first_channel text,
    first_source text,
    first_medium text,
    first_campaign text,
    first_landing_url text,
    first_referrer text,
    last_session_id uuid,
    last_at timestamptz,
    last_channel text,
    last_source text,
    last_medium text,
    last_campaign text,
    last_landing_url text,
    last_referrer text,
    converted_at timestamptz not null,
    conversion_kind text not null,
    conversion_ref text,
    conversion_url text,
    sessions_before integer not null default 0,
    primary key (workspace_id, contact_id),
    foreign key (workspace_id, contact_id) references contacts (workspace_id, id) on delete cascade
  )`,
  `create table tracking_drops_daily (
    workspace_id uuid not null references workspaces(id) on delete cascade,
    day date not null,
    reason text not null,
    batches integer not null default 0,
    events integer not null default 0,
    primary key (workspace_id, day, reason)
  )`,
  `create index tracking_contact_sources_converted on tracking_contact_sources (workspace_id, converted_at)`,
];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of statements) await sql.raw(statement).execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of ['tracking_drops_daily', 'tracking_contact_sources', 'tracking_events', 'tracking_sessions', 'tracking_visitors', 'tracking_settings']) await sql.raw(`drop table ${table}`).execute(db);
}
