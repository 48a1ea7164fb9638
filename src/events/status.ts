import { sql } from 'kysely';
import type { Executor } from '../db/database.js';
import { AppError, notFound } from '../errors.js';
import type { EventKind } from './kinds.js';
import { eventById } from './store.js';
import type { EventSubscriber } from './subscriber.js';

/** How far behind a subscriber may be counted exactly; past it the API says "at least". */
const BEHIND_COUNT_LIMIT = 10_000;

export interface RegisteredSubscriber extends EventSubscriber {
  module: string;
}

/**
 * Each subscriber's delivery state, for one workspace's operators: position and backlog are
 * install-wide (they hold nothing of any workspace); a failure's error and the dead letters
 * are shown only when they concern this workspace's events.
 */
export async function subscriberStatuses(db: Executor, workspaceId: string, subscribers: readonly RegisteredSubscriber[]) {
  if (subscribers.length === 0) return [];
  const names = subscribers.map((s) => s.name);
  const rows = await db
    .selectFrom('event_subscribers as s')
    .leftJoin('domain_events as failing', (join) => join.onRef('failing.id', '=', 's.failing_event_id'))
    .select(['s.name', 's.cursor', 's.attempts', 's.next_attempt_at', 's.last_error', 's.updated_at', 'failing.workspace_id as failing_workspace_id'])
    .where('s.name', 'in', names)
    .execute();
  const letters = await db
    .selectFrom('event_dead_letters')
    .select(['subscriber', (eb) => eb.fn.countAll<number>().as('count')])
    .where('workspace_id', '=', workspaceId)
    .where('subscriber', 'in', names)
    .groupBy('subscriber')
    .execute();
  const byName = new Map(rows.map((row) => [row.name, row]));
  const lettersByName = new Map(letters.map((row) => [row.subscriber, Number(row.count)]));
  return Promise.all(
    subscribers.map(async (subscriber) => {
      const row = byName.get(subscriber.name);
      const cursor = Number(row?.cursor ?? 0);
      const behind = await eventsBehind(db, cursor, subscriber.kinds);
      const retrying = (row?.attempts ?? 0) > 0;
      return {
        name: subscriber.name,
        module: subscriber.module,
        kinds: [...subscriber.kinds],
        started: row !== undefined,
        position: String(cursor),
        behind: Math.min(behind, BEHIND_COUNT_LIMIT),
        behind_at_least: behind > BEHIND_COUNT_LIMIT,
        status: retrying ? ('retrying' as const) : behind > 0 ? ('catching_up' as const) : ('up_to_date' as const),
        attempts: row?.attempts ?? 0,
        next_attempt_at: row?.next_attempt_at ?? null,
        last_error: retrying && row?.failing_workspace_id === workspaceId ? row.last_error : null,
        dead_letters: lettersByName.get(subscriber.name) ?? 0,
        updated_at: row?.updated_at ?? null,
      };
    }),
  );
}

async function eventsBehind(db: Executor, cursor: number, kinds: readonly EventKind[]): Promise<number> {
  const { rows } = await sql<{ n: number }>`
    select count(*)::int as n from (select 1 from domain_events where id > ${cursor} and kind in (${sql.join(kinds)}) limit ${BEHIND_COUNT_LIMIT + 1}) behind`.execute(db);
  return rows[0]!.n;
}

/** A workspace's dead letters, newest event first, with the event each one parked. */
export async function deadLettersOf(db: Executor, workspaceId: string, page: { limit: number; after: { eventId: number; subscriber: string } | null }) {
  let query = db
    .selectFrom('event_dead_letters as d')
    .leftJoin('domain_events as e', (join) => join.onRef('e.workspace_id', '=', 'd.workspace_id').onRef('e.id', '=', 'd.event_id'))
    .select(['d.subscriber', 'd.event_id', 'd.kind', 'd.contact_id', 'd.attempts', 'd.error', 'd.failed_at', 'e.payload', 'e.occurred_at'])
    .where('d.workspace_id', '=', workspaceId);
  if (page.after) {
    const { eventId, subscriber } = page.after;
    query = query.where((eb) => eb.or([eb('d.event_id', '<', eventId), eb.and([eb('d.event_id', '=', eventId), eb('d.subscriber', '>', subscriber)])]));
  }
  return query.orderBy('d.event_id', 'desc').orderBy('d.subscriber').limit(page.limit).execute();
}

export async function dismissDeadLetter(db: Executor, workspaceId: string, subscriber: string, eventId: number): Promise<void> {
  const result = await db
    .deleteFrom('event_dead_letters')
    .where('workspace_id', '=', workspaceId)
    .where('subscriber', '=', subscriber)
    .where('event_id', '=', eventId)
    .executeTakeFirst();
  if (Number(result.numDeletedRows) === 0) throw notFound('Dead letter');
}

/**
 * Hands a parked event to its subscriber again, now. Success removes the dead letter; a new
 * failure is recorded on it and reported as a conflict with the handler's error.
 */
export async function retryDeadLetter(db: Executor, workspaceId: string, subscriberName: string, eventId: number, subscribers: readonly EventSubscriber[]): Promise<void> {
  const subscriber = subscribers.find((s) => s.name === subscriberName);
  const letter = await db
    .selectFrom('event_dead_letters')
    .select('attempts')
    .where('workspace_id', '=', workspaceId)
    .where('subscriber', '=', subscriberName)
    .where('event_id', '=', eventId)
    .executeTakeFirst();
  if (!letter || !subscriber) throw notFound('Dead letter');
  const event = await eventById(db, workspaceId, eventId);
  if (!event) throw new AppError('conflict', 'The event is no longer in the log (erased or past retention): dismiss the dead letter');
  try {
    await db.transaction().execute(async (tx) => {
      await subscriber.handle([event], { tx });
      await tx.deleteFrom('event_dead_letters').where('workspace_id', '=', workspaceId).where('subscriber', '=', subscriberName).where('event_id', '=', eventId).execute();
    });
  } catch (err) {
    const error = (err instanceof Error ? err.message : String(err)).slice(0, 2000);
    await db
      .updateTable('event_dead_letters')
      .set({ attempts: letter.attempts + 1, error, failed_at: sql`now()` })
      .where('workspace_id', '=', workspaceId)
      .where('subscriber', '=', subscriberName)
      .where('event_id', '=', eventId)
      .execute();
    throw new AppError('conflict', `The subscriber failed again: ${error}`);
  }
}
