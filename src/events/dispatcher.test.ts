import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createTestDatabase, databaseKind, type TestDatabase } from '../../test/helpers/database.js';
import { openDatabase, type Database } from '../db/database.js';
import { EventDispatcher } from './dispatcher.js';
import type { DomainEvent } from './kinds.js';
import { publish, type NewEvent } from './publish.js';
import type { EventSubscriber } from './subscriber.js';

let database: TestDatabase;
let workspaceId: string;
const system = { type: 'system', id: null } as const;

beforeAll(async () => {
  database = await createTestDatabase();
  workspaceId = randomUUID();
  await sql`insert into workspaces (id, slug, name, secret) values (${workspaceId}, ${`events-${workspaceId.slice(0, 8)}`}, 'Events', 'secret')`.execute(database.db);
});

afterAll(() => database.close());

const listJoined = (contactId: string, listId = randomUUID()): NewEvent => ({ workspaceId, kind: 'list.joined', contactId, actor: system, payload: { list_id: listId } });

/** A subscriber that remembers what it was given, in order. */
function recorder(name: string, options: Partial<EventSubscriber> = {}) {
  const seen: DomainEvent[] = [];
  const subscriber: EventSubscriber = {
    name,
    kinds: ['list.joined', 'list.left'],
    handle: async (events) => {
      seen.push(...events);
    },
    ...options,
  };
  return { subscriber, seen };
}

async function publishInTransaction(events: NewEvent[]): Promise<void> {
  await database.db.transaction().execute((tx) => publish(tx, events));
}

describe('publish', () => {
  it('refuses an event of a kind nobody declared, failing the transaction', async () => {
    const before = await sql<{ n: number }>`select count(*)::int as n from domain_events`.execute(database.db);
    const wrong = { workspaceId, kind: 'contact.teleported', contactId: null, actor: system, payload: {} } as unknown as NewEvent;
    await expect(publishInTransaction([listJoined(randomUUID()), wrong])).rejects.toThrow('unknown domain event kind "contact.teleported"');
    const after = await sql<{ n: number }>`select count(*)::int as n from domain_events`.execute(database.db);
    expect(after.rows[0]!.n).toBe(before.rows[0]!.n);
  });

  it('refuses a payload that is not of its kind', async () => {
    const wrong = { workspaceId, kind: 'list.joined', contactId: randomUUID(), actor: system, payload: { list: 'x' } } as unknown as NewEvent;
    await expect(publishInTransaction([wrong])).rejects.toThrow('payload of domain event "list.joined" does not match its type');
  });

  it('must be given the transaction that makes the change', async () => {
    await expect(publish(database.db, listJoined(randomUUID()))).rejects.toThrow('publish() needs the transaction');
  });
});

describe('the dispatcher', () => {
  it('delivers every event once, in the order published, to a new subscriber from the oldest kept', async () => {
    const contact = randomUUID();
    const shared = { list_id: randomUUID() };
    await publishInTransaction([listJoined(contact), { workspaceId, kind: 'list.left', contactId: contact, actor: system, payload: { list_id: randomUUID() } }]);
    // A bulk publish: many contacts share one payload, written set-based.
    const bulk = Array.from({ length: 1200 }, () => ({ workspaceId, kind: 'list.joined' as const, contactId: randomUUID(), actor: system, payload: shared }));
    await publishInTransaction(bulk);
    const { subscriber, seen } = recorder('test.replay');
    await new EventDispatcher(database, [subscriber], { batchSize: 500 }).drain();
    const ours = seen.filter((e) => e.contact_id === contact || bulk.some((b) => b.contactId === e.contact_id));
    expect(ours.map((e) => e.kind).slice(0, 2)).toEqual(['list.joined', 'list.left']);
    expect(ours.slice(2).map((e) => e.contact_id)).toEqual(bulk.map((b) => b.contactId));
    expect(ours.slice(2).every((e) => e.kind === 'list.joined' && e.payload.list_id === shared.list_id)).toBe(true);
    const ids = seen.map((e) => Number(e.id));
    expect(ids).toEqual([...ids].sort((x, y) => x - y));
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('starts a subscriber that asks for it at the end of the log', async () => {
    await publishInTransaction([listJoined(randomUUID())]);
    const { subscriber, seen } = recorder('test.from-now', { startAt: 'now' });
    const dispatcher = new EventDispatcher(database, [subscriber]);
    await dispatcher.drain();
    expect(seen).toEqual([]);
    const contact = randomUUID();
    await publishInTransaction([listJoined(contact)]);
    await dispatcher.drain();
    expect(seen.map((e) => e.contact_id)).toEqual([contact]);
  });

  it('reaches a running subscriber well within a second of the commit', async () => {
    const { subscriber, seen } = recorder('test.latency', { startAt: 'now' });
    // A slow poll: only the commit's notification can wake it in time.
    const dispatcher = new EventDispatcher(database, [subscriber], { pollMs: 60_000 });
    await dispatcher.start();
    try {
      const contact = randomUUID();
      await publishInTransaction([listJoined(contact)]);
      const committed = Date.now();
      await vi.waitFor(() => expect(seen.map((e) => e.contact_id)).toContain(contact), { timeout: 5_000, interval: 5 });
      expect(Date.now() - committed).toBeLessThan(1_000);
    } finally {
      await dispatcher.stop();
    }
  });

  it('commits what a handler wrote together with its cursor, and undoes both when it fails', async () => {
    await sql`create table if not exists test_event_effects (event_id bigint primary key)`.execute(database.db);
    let fail = true;
    const subscriber: EventSubscriber = {
      name: 'test.effects',
      kinds: ['list.joined'],
      startAt: 'now',
      handle: async (events, { tx }) => {
        for (const event of events) await sql`insert into test_event_effects values (${Number(event.id)})`.execute(tx);
        if (fail) throw new Error('not today');
      },
    };
    const dispatcher = new EventDispatcher(database, [subscriber]);
    await dispatcher.drain();
    await publishInTransaction([listJoined(randomUUID())]);
    await dispatcher.drain();
    const effects = () => sql<{ n: number }>`select count(*)::int as n from test_event_effects`.execute(database.db).then((r) => r.rows[0]!.n);
    expect(await effects()).toBe(0);
    const state = await database.db.selectFrom('event_subscribers').selectAll().where('name', '=', 'test.effects').executeTakeFirstOrThrow();
    expect(state.attempts).toBe(1);
    expect(state.last_error).toBe('not today');
    fail = false;
    await database.db.updateTable('event_subscribers').set({ next_attempt_at: null }).where('name', '=', 'test.effects').execute();
    await dispatcher.drain();
    expect(await effects()).toBe(1);
  });

  it('parks an event that keeps failing as a dead letter and goes on with the rest', async () => {
    const poison = randomUUID();
    const handled: string[] = [];
    const subscriber: EventSubscriber = {
      name: 'test.poison',
      kinds: ['list.joined'],
      startAt: 'now',
      maxAttempts: 2,
      handle: async (events) => {
        if (events.some((e) => e.contact_id === poison)) throw new Error(`cannot handle ${poison}`);
        handled.push(...events.map((e) => e.contact_id!));
      },
    };
    const dispatcher = new EventDispatcher(database, [subscriber]);
    await dispatcher.drain();
    const before = randomUUID();
    const after = randomUUID();
    await publishInTransaction([listJoined(before), listJoined(poison), listJoined(after)]);
    await dispatcher.start();
    try {
      await vi.waitFor(() => expect(handled).toContain(after), { timeout: 10_000, interval: 20 });
    } finally {
      await dispatcher.stop();
    }
    expect(handled).toEqual([before, after]);
    const letters = await database.db.selectFrom('event_dead_letters').selectAll().where('subscriber', '=', 'test.poison').execute();
    expect(letters.map((l) => ({ contact: l.contact_id, attempts: l.attempts, error: l.error, kind: l.kind }))).toEqual([
      { contact: poison, attempts: 2, error: `cannot handle ${poison}`, kind: 'list.joined' },
    ]);
  });
});

describe.runIf(databaseKind === 'postgres')('transactions that overlap (PostgreSQL)', () => {
  let second: Database;
  beforeAll(async () => {
    second = await openDatabase(database.target);
  });
  afterAll(() => second.close());

  it('never skips an event whose transaction commits after a later one', async () => {
    const { subscriber, seen } = recorder('test.overlap', { startAt: 'now' });
    const dispatcher = new EventDispatcher(database, [subscriber]);
    await dispatcher.drain();
    const early = randomUUID();
    const late = randomUUID();
    let releaseEarly!: () => void;
    const earlyMayCommit = new Promise<void>((resolve) => (releaseEarly = resolve));
    let earlyPublished!: () => void;
    const earlyHasPublished = new Promise<void>((resolve) => (earlyPublished = resolve));
    // The early transaction draws the lower id, then waits; the late one commits first.
    const earlyTx = second.db.transaction().execute(async (tx) => {
      await publish(tx, listJoined(early));
      earlyPublished();
      await earlyMayCommit;
    });
    await earlyHasPublished;
    await publishInTransaction([listJoined(late)]);
    // The early event is still being written: nothing may be delivered past it.
    await dispatcher.drain(300);
    expect(seen.map((e) => e.contact_id)).toEqual([]);
    releaseEarly();
    await earlyTx;
    await dispatcher.drain();
    expect(seen.map((e) => e.contact_id)).toEqual([early, late]);
  });

  it('goes past the id of a transaction that rolled back', async () => {
    const { subscriber, seen } = recorder('test.rollback', { startAt: 'now' });
    const dispatcher = new EventDispatcher(database, [subscriber]);
    await dispatcher.drain();
    const gone = randomUUID();
    const kept = randomUUID();
    let releaseGone!: () => void;
    const goneMayEnd = new Promise<void>((resolve) => (releaseGone = resolve));
    let gonePublished!: () => void;
    const goneHasPublished = new Promise<void>((resolve) => (gonePublished = resolve));
    const goneTx = second.db.transaction().execute(async (tx) => {
      await publish(tx, listJoined(gone));
      gonePublished();
      await goneMayEnd;
      throw new Error('roll back');
    }).catch(() => undefined);
    await goneHasPublished;
    await publishInTransaction([listJoined(kept)]);
    await dispatcher.drain(300);
    expect(seen).toEqual([]);
    releaseGone();
    await goneTx;
    await dispatcher.drain();
    expect(seen.map((e) => e.contact_id)).toEqual([kept]);
  });

  it('gives a subscriber to one dispatcher at a time', async () => {
    const { subscriber, seen } = recorder('test.two-dispatchers', { startAt: 'now' });
    const one = new EventDispatcher(database, [subscriber], { batchSize: 50 });
    const two = new EventDispatcher(second, [subscriber], { batchSize: 50 });
    await one.drain();
    const contacts = Array.from({ length: 400 }, () => randomUUID());
    await publishInTransaction(contacts.map((c) => listJoined(c)));
    await Promise.all([one.start(), two.start()]);
    try {
      await vi.waitFor(() => expect(seen.length).toBeGreaterThanOrEqual(400), { timeout: 10_000, interval: 20 });
    } finally {
      await Promise.all([one.stop(), two.stop()]);
    }
    expect(seen.map((e) => e.contact_id)).toEqual(contacts);
  });
});
