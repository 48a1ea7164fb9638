import type { Transaction } from 'kysely';
import type { Tables } from '../db/schema.js';
import type { DomainEvent, EventKind } from './kinds.js';

export interface DeliveryContext {
  /**
   * The transaction the subscriber's cursor moves in: what the handler writes with it commits
   * together with "handled", so a database-only handler sees each event once in effect.
   */
  tx: Transaction<Tables>;
}

/** A module's interest in some kinds of domain events. */
export interface EventSubscriber {
  /** Unique and stable (it keys the durable cursor): `<module>.<what it does>`. */
  name: string;
  kinds: readonly EventKind[];
  /**
   * Handles a batch of events, oldest first, in order per contact. Delivery is at least once:
   * a handler must be idempotent (the event id identifies an event), and should do its work
   * in `ctx.tx` or enqueue jobs there for anything outside the database.
   */
  handle(events: readonly DomainEvent[], ctx: DeliveryContext): Promise<void>;
  /** Where a subscriber seen for the first time starts: the oldest event kept (default), or now. */
  startAt?: 'oldest' | 'now';
  /** Failures of one event before it is parked as a dead letter (default 8, about 4 minutes). */
  maxAttempts?: number;
}
