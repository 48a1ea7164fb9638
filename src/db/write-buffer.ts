import type { Kysely, Transaction } from 'kysely';
import type { Tables } from './schema.js';

interface Waiting<T> {
  items: T[];
  done: Array<{ resolve: () => void; reject: (err: unknown) => void }>;
}

/**
 * Small writes that are many (beacons of forms and pop-ups, tracking's drop counts) gathered and written every
 * `flushMs` (or at `maxItems` waiting) by one transaction, one flush at a time; each `add` is
 * answered once the flush that carries it has committed, or fails with it.
 */
export class WriteBuffer<T> {
  private current: Waiting<T> = { items: [], done: [] };
  private timer: NodeJS.Timeout | null = null;
  private flushing: Promise<void> = Promise.resolve();

  constructor(
    private readonly db: Kysely<Tables>,
    private readonly writeItems: (tx: Transaction<Tables>, items: T[]) => Promise<void>,
    private readonly o: { flushMs: number; maxItems: number } = { flushMs: 100, maxItems: 500 },
  ) {}

  add(item: T): Promise<void> {
    return new Promise((resolve, reject) => {
      this.current.items.push(item);
      this.current.done.push({ resolve, reject });
      if (this.current.items.length >= this.o.maxItems) this.flushSoon(0);
      else this.flushSoon(this.o.flushMs);
    });
  }

  private flushSoon(ms: number): void {
    if (this.timer && ms > 0) return;
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => this.flush(), ms);
  }

  private flush(): void {
    this.timer = null;
    const batch = this.current;
    this.current = { items: [], done: [] };
    // One flush at a time: they touch the same rows.
    this.flushing = this.flushing.then(() => this.write(batch));
  }

  private async write(batch: Waiting<T>): Promise<void> {
    if (batch.items.length === 0) return;
    try {
      await this.db.transaction().execute((tx) => this.writeItems(tx, batch.items));
      for (const d of batch.done) d.resolve();
    } catch (err) {
      for (const d of batch.done) d.reject(err);
    }
  }

  /** Writes what is waiting (the app's onClose). */
  async drain(): Promise<void> {
    if (this.timer) {
      clearTimeout(this.timer);
      this.flush();
    }
    await this.flushing;
  }
}
