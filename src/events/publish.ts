import { sql } from 'kysely';
import type { Actor } from '../actor.js';
import { arrayLiteral } from '../db/array-literal.js';
import type { QueryBuilder, Executor } from '../db/database.js';
import { assertValidEvent, type EventKind, type EventPayload } from './kinds.js';

/** The channel a commit that published events notifies; dispatchers listen on it. */
export const EVENTS_CHANNEL = 'inflow_domain_events';

/** An event to publish, typed by its kind. */
export type NewEvent = {
  [K in EventKind]: {
    workspaceId: string;
    kind: K;
    contactId: string | null;
    actor: Actor;
    /** Events of one kind may share one payload object (a bulk publish): it is then sent once. */
    payload: EventPayload<K>;
  };
}[EventKind];

/**
 * Publishes domain events in the caller's transaction: they exist if and only if the change
 * they report commits. Call it after the change is written (the rows it reports are then
 * locked by this transaction), so ids follow the order in which one contact's events
 * happened. An unknown kind or a payload not of its kind's type throws (a programming error,
 * which fails the transaction).
 */
export async function publish(tx: Executor, events: NewEvent | readonly NewEvent[]): Promise<void> {
  if (!tx.isTransaction) throw new Error('publish() needs the transaction that makes the change it reports');
  const list: readonly NewEvent[] = Array.isArray(events) ? events : [events as NewEvent];
  if (list.length === 0) return;
  const sharedOnes = new Set<NewEvent>();
  for (const group of groupBySharedPayload(list)) {
    const first = group[0]!;
    assertValidEvent(first.kind, first.payload);
    if (group.length < SHARED_MIN) continue;
    await insertShared(tx, group);
    for (const event of group) sharedOnes.add(event);
  }
  const rest = list.filter((event) => !sharedOnes.has(event));
  if (rest.length > 0) await insertEach(tx, rest);
}

// A payload shared by a few events (a form batch's `contact.created`) is cheaper repeated in
// the one insert of the other events than sent by a statement of its own.
const SHARED_MIN = 50;

/** Events of one workspace, kind and actor that share one payload object, together. */
function groupBySharedPayload(events: readonly NewEvent[]): NewEvent[][] {
  const shared = new Map<object, NewEvent[]>();
  const groups: NewEvent[][] = [];
  for (const event of events) {
    const group = shared.get(event.payload);
    const first = group?.[0];
    if (first && first.kind === event.kind && first.workspaceId === event.workspaceId && first.actor.type === event.actor.type && first.actor.id === event.actor.id) {
      group.push(event);
      continue;
    }
    const fresh = [event];
    shared.set(event.payload, fresh);
    groups.push(fresh);
  }
  return groups;
}

// `x` assigns the transaction its id before the sequence draws the events' ids: the dispatcher
// relies on a drawn id always belonging to a transaction that has an id (src/events/horizon.ts).
// `notified` tells the dispatchers, delivered at commit, once per transaction however many
// statements notified; inside the insert, it costs no round trip of its own.
async function insertShared(tx: QueryBuilder, group: readonly NewEvent[]): Promise<void> {
  const { workspaceId, kind, actor, payload } = group[0]!;
  await sql`
    with x as (select pg_current_xact_id() as xid), notified as (select pg_notify(${EVENTS_CHANNEL}, ''))
    insert into domain_events (workspace_id, kind, contact_id, actor_type, actor_id, payload, tx_id)
    select ${workspaceId}::uuid, ${kind}, c.contact_id, ${actor.type}, ${actor.id}::text, ${JSON.stringify(payload)}::jsonb, x.xid
      from x cross join notified cross join unnest(${arrayLiteral(group.map((e) => e.contactId))}::uuid[]) with ordinality as c(contact_id, n)
     order by c.n`.execute(tx);
}

async function insertEach(tx: QueryBuilder, events: readonly NewEvent[]): Promise<void> {
  const rows = events.map((e) => ({ w: e.workspaceId, k: e.kind, c: e.contactId, t: e.actor.type, a: e.actor.id, p: e.payload }));
  await sql`
    with x as (select pg_current_xact_id() as xid), notified as (select pg_notify(${EVENTS_CHANNEL}, ''))
    insert into domain_events (workspace_id, kind, contact_id, actor_type, actor_id, payload, tx_id)
    select e.w, e.k, e.c, e.t, e.a, e.p, x.xid
      from x cross join notified cross join rows from (json_to_recordset(${JSON.stringify(rows)}::json) as (w uuid, k text, c uuid, t text, a text, p jsonb))
           with ordinality as e(w, k, c, t, a, p, n)
     order by e.n`.execute(tx);
}
