import type { Kysely, Transaction } from 'kysely';
import { AppError } from '../errors.js';
import type { Tables } from './schema.js';

/** Unique violations (a concurrent duplicate), deadlocks and serialisation failures: the batch is run again. */
const RETRYABLE = new Set(['23505', '40P01', '40001']);

/** Writes a batch in the transaction it is given; one outcome per item, in the items' order. */
export type WriteBatch<Item, Outcome> = (tx: Transaction<Tables>, items: readonly Item[]) => Promise<Outcome[]>;

interface Pending<Item, Outcome> {
  item: Item;
  resolve: (outcome: Outcome) => void;
  reject: (err: unknown) => void;
}

export interface GroupCommitOptions {
  /** Items per transaction. */
  maxBatch: number;
  /**
   * Transactions sending their writes at once: 1 on PGlite (one connection), a few on PostgreSQL.
   * A second one starts only while a full batch waits: one flight at a time makes the biggest
   * batches, and a batch's statements cost about the same CPU (in Node and in the database)
   * whether they carry one item or a hundred.
   */
  maxFlights: number;
  /**
   * Transactions open at once, those committing included: a batch that has sent its writes waits
   * for its commit (the WAL flushed to disk) while the next one writes. 1 on PGlite.
   */
  maxOpen: number;
  /**
   * Items waiting that start another writing flight (default: a full batch). Lower where the
   * writes are small and the commit's wait dominates (tracked events): several small batches in
   * flight then carry more than one big one.
   */
  spreadAt?: number;
  /** Items waiting beyond which a submit is answered 503 at once (back-pressure, not an unbounded buffer). */
  maxQueue: number;
}

/**
 * Group commit (form submissions, tracked events): items that arrive while a transaction is in
 * flight wait and go together in the next one, so a few statements carry many items instead of
 * one. Each caller gets its own outcome once the transaction that holds its item has committed.
 * A batch that fails is run again item by item, each in its own transaction, so one poison item
 * fails alone.
 */
export class GroupCommit<Item, Outcome> {
  private queue: Pending<Item, Outcome>[] = [];
  /** Batches sending their writes. */
  private writing = 0;
  /** Batches writing or committing. */
  private open = 0;
  private scheduled = false;
  private closed = false;

  constructor(private readonly db: Kysely<Tables>, private readonly write: WriteBatch<Item, Outcome>, private readonly o: GroupCommitOptions) {}

  submit(item: Item): Promise<Outcome> {
    if (this.closed) return Promise.reject(new AppError('unavailable', 'The server is stopping'));
    if (this.queue.length >= this.o.maxQueue) return Promise.reject(new AppError('unavailable', 'Busy; try again', [], { 'retry-after': '1' }));
    return new Promise((resolve, reject) => {
      this.queue.push({ item, resolve, reject });
      this.kick();
    });
  }

  /** Self-clocking: when idle, the queue goes on the next turn of the event loop; when busy, items pile up for the next flight. */
  private kick(): void {
    if (this.scheduled || !this.mayStart() || this.queue.length === 0) return;
    this.scheduled = true;
    setImmediate(() => {
      this.scheduled = false;
      if (!this.mayStart() || this.queue.length === 0) return;
      void this.fly(this.queue.splice(0, this.o.maxBatch));
      this.kick();
    });
  }

  private mayStart(): boolean {
    if (this.open >= this.o.maxOpen) return false;
    return this.writing === 0 || (this.writing < this.o.maxFlights && this.queue.length >= (this.o.spreadAt ?? this.o.maxBatch));
  }

  private async fly(batch: Pending<Item, Outcome>[]): Promise<void> {
    this.writing++;
    this.open++;
    let writing = true;
    // Called when the batch's writes are done and its commit goes out: the next batch may start.
    const wrote = () => {
      if (!writing) return;
      writing = false;
      this.writing--;
      this.kick();
    };
    try {
      settle(batch, await this.run(batch.map((p) => p.item), wrote));
    } catch (err) {
      if (batch.length === 1) batch[0]!.reject(isolatedError(err));
      else {
        for (const p of batch) {
          await this.run([p.item]).then((outcomes) => settle([p], outcomes), (e: unknown) => p.reject(isolatedError(e)));
        }
      }
    } finally {
      wrote();
      this.open--;
      this.kick();
    }
  }

  private async run(items: Item[], wrote: () => void = () => undefined): Promise<Outcome[]> {
    for (let attempt = 0; ; attempt++) {
      try {
        return await this.db.transaction().execute(async (tx) => {
          const outcomes = await this.write(tx, items);
          wrote();
          return outcomes;
        });
      } catch (err) {
        if (attempt < 2 && RETRYABLE.has((err as { code?: string }).code ?? '')) continue;
        throw err;
      }
    }
  }

  /** Stops taking items and waits for those taken (the app's onClose). */
  async drain(): Promise<void> {
    this.closed = true;
    this.kick();
    while (this.open > 0 || this.queue.length > 0 || this.scheduled) await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

function settle<Item, Outcome>(batch: readonly Pending<Item, Outcome>[], outcomes: readonly Outcome[]): void {
  batch.forEach((p, i) => p.resolve(outcomes[i]!));
}

/** A value the database refuses as data (class 22: too long, bad encoding…) is the sender's fault: 400, not 500. */
function isolatedError(err: unknown): unknown {
  const code = (err as { code?: string }).code ?? '';
  return code.startsWith('22') ? new AppError('invalid_input', 'The database refused a value of the request') : err;
}
