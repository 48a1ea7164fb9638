import { randomBytes } from 'node:crypto';
import os from 'node:os';
import type { Database } from '../db/database.js';
import { loopFailures } from '../db/disk-space.js';
import { retryDelayMs, type BackoffPolicy } from '../db/jobs/backoff.js';
import type { WorkerLogger } from '../db/jobs/worker.js';
import { advanceHorizon, type Horizon } from './horizon.js';
import { EVENTS_CHANNEL } from './publish.js';
import { advanceCursor, ensureSubscribers, eventsBetween, leaseSubscriber, lowestCursor, parkDeadLetter, recordFailure, releaseSubscribers, visibleIdsAbove } from './store.js';
import type { EventSubscriber } from './subscriber.js';

const EVENT_BACKOFF: BackoffPolicy = { baseMs: 1_000, capMs: 5 * 60_000 };
const DEFAULT_MAX_ATTEMPTS = 8;

export interface DispatcherOptions {
  /** Events handed to a subscriber in one transaction. */
  batchSize?: number;
  /** How often to look for events when no notification came (a missed one, a settling gap). */
  pollMs?: number;
  leaseMs?: number;
  id?: string;
  logger?: WorkerLogger;
}

const silent: WorkerLogger = { info() {}, warn() {}, error() {} };

/**
 * Delivers every committed domain event to every subscriber of its kind, at least once, in log
 * order (so in order per contact), with a durable cursor per subscriber. Woken by the commit
 * of a publishing transaction (LISTEN/NOTIFY on PostgreSQL, PGlite's own notifications in
 * process), and by a slow poll in case a notification was missed. Any number of dispatchers
 * may run: a lease gives each subscriber to one of them at a time.
 */
export class EventDispatcher {
  readonly id: string;
  private readonly batchSize: number;
  private readonly pollMs: number;
  private readonly leaseMs: number;
  private readonly logger: WorkerLogger;
  private readonly cycleFailures: ReturnType<typeof loopFailures>;
  private horizon: Horizon = { safe: 0, watch: null };
  private stopping = false;
  private loop: Promise<void> | null = null;
  private wakeUp: (() => void) | null = null;
  private woken = false;
  private unlisten: (() => Promise<void>) | null = null;
  /** When a subscriber waiting to retry is due, if it is sooner than the next poll. */
  private nextDue = Infinity;
  /**
   * Each subscriber's cursor as this process last saw it, and when it renewed the lease: an
   * idle subscriber is not written to on every poll, only often enough to keep its lease.
   */
  private readonly seen = new Map<string, { cursor: number; leasedAt: number }>();

  constructor(
    private readonly database: Database,
    private readonly subscribers: readonly EventSubscriber[],
    options: DispatcherOptions = {},
  ) {
    this.id = options.id ?? `${os.hostname()}:${process.pid}:events:${randomBytes(3).toString('hex')}`;
    this.batchSize = options.batchSize ?? 500;
    this.pollMs = options.pollMs ?? 1_000;
    this.leaseMs = options.leaseMs ?? 30_000;
    this.logger = options.logger ?? silent;
    this.cycleFailures = loopFailures(this.logger, 'delivering domain events');
    const names = new Set<string>();
    for (const subscriber of subscribers) {
      if (names.has(subscriber.name)) throw new Error(`two event subscribers are named "${subscriber.name}"`);
      names.add(subscriber.name);
    }
  }

  async start(): Promise<void> {
    if (this.loop) return;
    await ensureSubscribers(this.database.db, this.subscribers);
    this.horizon = { safe: await lowestCursor(this.database.db, this.subscribers), watch: null };
    this.unlisten = await this.database.listen(EVENTS_CHANNEL, { message: () => this.wake(), up: () => this.wake(), down: () => undefined });
    this.loop = this.run();
  }

  async stop(): Promise<void> {
    this.stopping = true;
    this.wake();
    await this.loop;
    await this.unlisten?.();
    await releaseSubscribers(this.database.db, this.id).catch(() => undefined);
  }

  /**
   * Delivers until every subscriber has every committed event (tests, benchmarks). An event
   * still being written by a running transaction is waited for up to `gapWaitMs`: generous,
   * because a gap left by a rolled-back transaction settles only once every older transaction
   * of the whole PostgreSQL cluster has ended, and on a busy machine (other test files' imports)
   * that takes a while. Nothing is waited for when there is no gap.
   */
  async drain(gapWaitMs = 30_000): Promise<void> {
    await ensureSubscribers(this.database.db, this.subscribers);
    const deadline = Date.now() + gapWaitMs;
    try {
      while (await this.cycle()) {
        if (!this.horizon.watch) continue;
        if (Date.now() > deadline) return;
        await new Promise((resolve) => setTimeout(resolve, 10));
      }
    } finally {
      // Another dispatcher (the next drain, a worker) may deliver at once.
      await releaseSubscribers(this.database.db, this.id);
      this.seen.clear();
    }
  }

  private wake(): void {
    this.woken = true;
    this.wakeUp?.();
  }

  private async run(): Promise<void> {
    while (!this.stopping) {
      this.woken = false;
      let more = false;
      try {
        more = await this.cycle();
        this.cycleFailures.succeeded();
      } catch (err) {
        this.cycleFailures.failed(err);
      }
      if (this.stopping) break;
      if (more && !this.horizon.watch) continue;
      // A gap being written settles within a transaction's time: look again soon.
      const wait = this.horizon.watch ? 20 : Math.max(0, Math.min(this.pollMs, this.nextDue - Date.now()));
      if (this.woken && !this.horizon.watch) continue;
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, wait);
        this.wakeUp = () => {
          clearTimeout(timer);
          resolve();
        };
      });
      this.wakeUp = null;
    }
  }

  /** One pass: moves the horizon, then gives each subscriber a batch. True if more is waiting. */
  private async cycle(): Promise<boolean> {
    const { ids, snapshot } = await visibleIdsAbove(this.database.db, this.horizon.safe, 10_000);
    const before = this.horizon.safe;
    this.horizon = advanceHorizon(this.horizon, ids, snapshot);
    let more = ids.length === 10_000 && this.horizon.safe > before;
    this.nextDue = Infinity;
    for (const subscriber of this.subscribers) {
      if (this.stopping) break;
      if (await this.deliver(subscriber)) more = true;
    }
    return more || this.horizon.watch !== null;
  }

  /** Hands the subscriber its next batch below the horizon. True if it has more waiting. */
  private async deliver(subscriber: EventSubscriber): Promise<boolean> {
    const db = this.database.db;
    const seen = this.seen.get(subscriber.name);
    if (seen && seen.cursor >= this.horizon.safe && Date.now() - seen.leasedAt < this.leaseMs / 3) return false;
    const state = await leaseSubscriber(db, subscriber.name, this.id, this.leaseMs);
    if (!state) {
      this.seen.delete(subscriber.name);
      return false;
    }
    this.seen.set(subscriber.name, { cursor: state.cursor, leasedAt: Date.now() });
    const safe = this.horizon.safe;
    // A cursor ahead of this process's horizon was moved by another process: start from it.
    if (state.cursor > safe && !this.horizon.watch) this.horizon = { safe: state.cursor, watch: null };
    if (state.cursor >= safe) return false;
    if (state.next_attempt_at && state.next_attempt_at.getTime() > Date.now()) {
      this.nextDue = Math.min(this.nextDue, state.next_attempt_at.getTime());
      return false;
    }
    // After a failure, events go one at a time, so the one that fails is known.
    const limit = state.attempts > 0 ? 1 : this.batchSize;
    const events = await eventsBetween(db, state.cursor, safe, subscriber.kinds, limit);
    const upTo = events.length < limit ? safe : Number(events[events.length - 1]!.id);
    try {
      await db.transaction().execute(async (tx) => {
        if (events.length > 0) await subscriber.handle(events, { tx });
        if (!(await advanceCursor(tx, subscriber.name, this.id, upTo))) throw new LeaseLost();
      });
      this.seen.set(subscriber.name, { cursor: upTo, leasedAt: Date.now() });
    } catch (err) {
      if (err instanceof LeaseLost) return false;
      this.seen.delete(subscriber.name);
      await this.failed(subscriber, state.attempts, events, err);
      return true;
    }
    return upTo < safe;
  }

  private async failed(subscriber: EventSubscriber, attemptsBefore: number, events: readonly { id: string }[], err: unknown): Promise<void> {
    const db = this.database.db;
    const error = err instanceof Error ? err.message : String(err);
    const single = events.length === 1 ? events[0]! : null;
    const attempts = attemptsBefore + 1;
    this.logger.warn({ subscriber: subscriber.name, event: single?.id ?? null, attempts, err: error }, 'event subscriber failed');
    if (single && attempts >= (subscriber.maxAttempts ?? DEFAULT_MAX_ATTEMPTS)) {
      const [event] = await eventsBetween(db, Number(single.id) - 1, Number(single.id), subscriber.kinds, 1);
      if (event) await parkDeadLetter(db, subscriber.name, this.id, event, attempts, error);
      this.logger.error({ subscriber: subscriber.name, event: single.id, attempts, err: error }, 'event parked as a dead letter');
      return;
    }
    // A failed batch is retried at once one event at a time; a failed single event waits.
    const retryAt = new Date(Date.now() + (single ? retryDelayMs(attempts, Math.random, EVENT_BACKOFF) : 0));
    await recordFailure(db, subscriber.name, this.id, { attempts: single ? attempts : 1, eventId: single ? Number(single.id) : null, retryAt, error });
  }
}

class LeaseLost extends Error {}
