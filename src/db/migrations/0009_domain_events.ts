import { sql, type Kysely } from 'kysely';

// The domain event log (src/events/). `id` is drawn from a sequence when the event is written,
// after the writer locked what it changed, so ids order the events of one contact as they
// happened. `tx_id` is the writing transaction: the dispatcher uses it, with the snapshot's
// xmin, to tell an id still being written by a running transaction from one that will never
// exist (a rollback), so it never skips an event that commits late.
const statements = [
  `create table domain_events (
    workspace_id uuid not null references workspaces(id) on delete cascade,
    id bigint generated always as identity,
    kind text not null,
    contact_id uuid,
    actor_type text not null,
    actor_id text,
    payload jsonb not null,
    tx_id xid8 not null,
    occurred_at timestamptz not null default now(),
    primary key (workspace_id, id)
  )`,
  // The dispatcher reads the log in id order, across workspaces.
  `create unique index domain_events_id_idx on domain_events (id)`,
  // Erasure finds a person's events; retention finds old ones by id (ids grow with time).
  `create index domain_events_contact_idx on domain_events (workspace_id, contact_id) where contact_id is not null`,
  // One row per subscriber: its durable cursor (the last event id it handled), its lease (one
  // process delivers to it at a time) and the state of the event it is retrying, if any.
  `create table event_subscribers (
    name text primary key,
    cursor bigint not null,
    attempts integer not null default 0,
    failing_event_id bigint,
    next_attempt_at timestamptz,
    last_error text,
    leased_by text,
    lease_expires_at timestamptz,
    created_at timestamptz not null default now(),
    updated_at timestamptz not null default now()
  )`,
  // Events a subscriber failed on too many times: parked, with the error, for an operator to
  // retry or dismiss; the subscriber goes on with the events after it.
  `create table event_dead_letters (
    workspace_id uuid not null references workspaces(id) on delete cascade,
    subscriber text not null,
    event_id bigint not null,
    kind text not null,
    contact_id uuid,
    attempts integer not null,
    error text not null,
    failed_at timestamptz not null default now(),
    primary key (workspace_id, subscriber, event_id)
  )`,
];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of statements) await sql.raw(statement).execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of ['event_dead_letters', 'event_subscribers', 'domain_events']) await sql.raw(`drop table ${table}`).execute(db);
}
