import { sql } from 'kysely';
import type { QueryBuilder, Executor } from '../db/database.js';
import type { DomainEvent, EventKind } from './kinds.js';
import type { Snapshot } from './horizon.js';
import type { EventSubscriber } from './subscriber.js';

/** Visible ids above `after`, ascending, and the snapshot they were read in (one statement). */
export async function visibleIdsAbove(db: QueryBuilder, after: number, limit: number): Promise<{ ids: number[]; snapshot: Snapshot }> {
  const { rows } = await sql<{ xmin: string; xmax: string; ids: number[] | null }>`
    select pg_snapshot_xmin(pg_current_snapshot())::text as xmin,
           pg_snapshot_xmax(pg_current_snapshot())::text as xmax,
           (select array_agg(id order by id) from (select id from domain_events where id > ${after} order by id limit ${limit}) page) as ids`.execute(db);
  const row = rows[0]!;
  return { ids: (row.ids ?? []).map(Number), snapshot: { xmin: BigInt(row.xmin), xmax: BigInt(row.xmax) } };
}

interface EventRow {
  id: number | string;
  workspace_id: string;
  kind: string;
  contact_id: string | null;
  actor_type: string;
  actor_id: string | null;
  payload: Record<string, unknown>;
  occurred_at: Date;
}

function eventOf(row: EventRow): DomainEvent {
  return {
    id: String(row.id),
    workspace_id: row.workspace_id,
    kind: row.kind,
    contact_id: row.contact_id,
    actor: { type: row.actor_type, id: row.actor_id },
    payload: row.payload,
    occurred_at: row.occurred_at.toISOString(),
  } as DomainEvent;
}

/** Events of `kinds` with ids in (after, upTo], oldest first. */
export async function eventsBetween(db: Executor, after: number, upTo: number, kinds: readonly EventKind[], limit: number): Promise<DomainEvent[]> {
  const rows = await db
    .selectFrom('domain_events')
    .select(['id', 'workspace_id', 'kind', 'contact_id', 'actor_type', 'actor_id', 'payload', 'occurred_at'])
    .where('id', '>', after)
    .where('id', '<=', upTo)
    .where('kind', 'in', kinds)
    .orderBy('id')
    .limit(limit)
    .execute();
  return rows.map(eventOf);
}

/** One event, for re-delivering a dead letter; null when it has since been erased or purged. */
export async function eventById(db: Executor, workspaceId: string, id: number): Promise<DomainEvent | null> {
  const row = await db
    .selectFrom('domain_events')
    .select(['id', 'workspace_id', 'kind', 'contact_id', 'actor_type', 'actor_id', 'payload', 'occurred_at'])
    .where('workspace_id', '=', workspaceId)
    .where('id', '=', id)
    .executeTakeFirst();
  return row ? eventOf(row) : null;
}

/** Creates the cursor of each subscriber seen for the first time: at the start of the log, or at its end. */
export async function ensureSubscribers(db: QueryBuilder, subscribers: readonly EventSubscriber[]): Promise<void> {
  for (const subscriber of subscribers) {
    const start = subscriber.startAt === 'now' ? sql<number>`(select coalesce(max(id), 0) from domain_events)` : sql<number>`0`;
    await sql`insert into event_subscribers (name, cursor) values (${subscriber.name}, ${start}) on conflict (name) do nothing`.execute(db);
  }
}

/** Where the slowest of these subscribers stands: every event up to it was handled by all. */
export async function lowestCursor(db: QueryBuilder, subscribers: readonly EventSubscriber[]): Promise<number> {
  if (subscribers.length === 0) return 0;
  const row = await db
    .selectFrom('event_subscribers')
    .select((eb) => eb.fn.min('cursor').as('cursor'))
    .where('name', 'in', subscribers.map((s) => s.name))
    .executeTakeFirst();
  return Number(row?.cursor ?? 0);
}

export interface SubscriberState {
  cursor: number;
  attempts: number;
  next_attempt_at: Date | null;
}

/**
 * Takes (or keeps) the subscriber's lease for `owner`: one process delivers to a subscriber at
 * a time. Null when another process holds it.
 */
export async function leaseSubscriber(db: QueryBuilder, name: string, owner: string, leaseMs: number): Promise<SubscriberState | null> {
  const row = await db
    .updateTable('event_subscribers')
    .set({ leased_by: owner, lease_expires_at: sql`now() + ${leaseMs} * interval '1 millisecond'` })
    .where('name', '=', name)
    .where((eb) => eb.or([eb('leased_by', 'is', null), eb('leased_by', '=', owner), eb('lease_expires_at', '<', sql<Date>`now()`)]))
    .returning(['cursor', 'attempts', 'next_attempt_at'])
    .executeTakeFirst();
  return row ? { cursor: Number(row.cursor), attempts: row.attempts, next_attempt_at: row.next_attempt_at } : null;
}

export async function releaseSubscribers(db: QueryBuilder, owner: string): Promise<void> {
  await db.updateTable('event_subscribers').set({ leased_by: null, lease_expires_at: null }).where('leased_by', '=', owner).execute();
}

/** Moves the cursor and clears any failure, if `owner` still holds the lease. */
export async function advanceCursor(db: Executor, name: string, owner: string, cursor: number): Promise<boolean> {
  const result = await db
    .updateTable('event_subscribers')
    .set({ cursor, attempts: 0, failing_event_id: null, next_attempt_at: null, last_error: null, updated_at: sql`now()` })
    .where('name', '=', name)
    .where('leased_by', '=', owner)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export async function recordFailure(db: QueryBuilder, name: string, owner: string, failure: { attempts: number; eventId: number | null; retryAt: Date; error: string }): Promise<void> {
  await db
    .updateTable('event_subscribers')
    .set({ attempts: failure.attempts, failing_event_id: failure.eventId, next_attempt_at: failure.retryAt, last_error: failure.error.slice(0, 2000), updated_at: sql`now()` })
    .where('name', '=', name)
    .where('leased_by', '=', owner)
    .execute();
}

/** Parks an event the subscriber keeps failing on, and moves its cursor past it. */
export async function parkDeadLetter(db: QueryBuilder, name: string, owner: string, event: DomainEvent, attempts: number, error: string): Promise<void> {
  await db.transaction().execute(async (tx) => {
    if (!(await advanceCursor(tx, name, owner, Number(event.id)))) return;
    await tx
      .insertInto('event_dead_letters')
      .values({ workspace_id: event.workspace_id, subscriber: name, event_id: Number(event.id), kind: event.kind, contact_id: event.contact_id, attempts, error: error.slice(0, 2000) })
      .onConflict((oc) => oc.columns(['workspace_id', 'subscriber', 'event_id']).doUpdateSet({ attempts, error: error.slice(0, 2000), failed_at: sql`now()` }))
      .execute();
  });
}
