import { sql, type Kysely } from 'kysely';
import type { Tables } from '../../db/schema.js';
import { addFormStats, type StatsIncrement } from './subscribers.js';

/** What one beacon adds: counters of a form's day and page, the page's URL, and per-field counts. */
export interface BeaconIncrement extends StatsIncrement {
  pageUrl: string | null;
  fields?: ReadonlyArray<{ key: string; reached: number; abandoned: number }>;
}

interface Waiting {
  increments: BeaconIncrement[];
  done: Array<{ resolve: () => void; reject: (err: unknown) => void }>;
}

/**
 * Beacons (views, starts, field touches) are many and tiny: they are summed in memory per key
 * and written every `flushMs` (or at `maxItems`) by one transaction of three set-based upserts,
 * so a popular page adds one statement per 100 ms, not one per visitor. Each beacon is
 * answered once the flush that carries it has committed.
 */
export class CounterBuffer {
  private current: Waiting = { increments: [], done: [] };
  private timer: NodeJS.Timeout | null = null;
  private flushing: Promise<void> = Promise.resolve();

  constructor(private readonly db: Kysely<Tables>, private readonly o: { flushMs: number; maxItems: number } = { flushMs: 100, maxItems: 500 }) {}

  add(increment: BeaconIncrement): Promise<void> {
    return new Promise((resolve, reject) => {
      this.current.increments.push(increment);
      this.current.done.push({ resolve, reject });
      if (this.current.increments.length >= this.o.maxItems) this.flushSoon(0);
      else this.flushSoon(this.o.flushMs);
    });
  }

  private flushSoon(ms: number): void {
    if (this.timer && ms > 0) return;
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = null;
      const batch = this.current;
      this.current = { increments: [], done: [] };
      // One flush at a time: they touch the same rows.
      this.flushing = this.flushing.then(() => this.write(batch));
    }, ms);
  }

  private async write(batch: Waiting): Promise<void> {
    if (batch.increments.length === 0) return;
    try {
      await this.db.transaction().execute(async (tx) => {
        await addFormStats(tx, batch.increments);
        const pages = new Map<string, { workspace_id: string; form_id: string; page_key: string; url: string }>();
        const fields = new Map<string, { workspace_id: string; form_id: string; day: string; field_key: string; reached: number; abandoned: number }>();
        for (const inc of batch.increments) {
          if (inc.pageUrl && inc.pageKey) pages.set(`${inc.workspaceId}|${inc.formId}|${inc.pageKey}`, { workspace_id: inc.workspaceId, form_id: inc.formId, page_key: inc.pageKey, url: inc.pageUrl });
          for (const f of inc.fields ?? []) {
            const key = `${inc.workspaceId}|${inc.formId}|${inc.day}|${f.key}`;
            const row = fields.get(key) ?? { workspace_id: inc.workspaceId, form_id: inc.formId, day: inc.day, field_key: f.key, reached: 0, abandoned: 0 };
            row.reached += f.reached;
            row.abandoned += f.abandoned;
            fields.set(key, row);
          }
        }
        const sorted = <T>(map: Map<string, T>) => [...map.entries()].sort(([a], [b]) => (a < b ? -1 : 1)).map(([, v]) => v);
        if (pages.size > 0) await tx.insertInto('form_pages').values(sorted(pages)).onConflict((oc) => oc.columns(['workspace_id', 'form_id', 'page_key']).doNothing()).execute();
        if (fields.size > 0) {
          await tx
            .insertInto('form_field_stats_daily')
            .values(sorted(fields))
            .onConflict((oc) => oc.columns(['workspace_id', 'form_id', 'day', 'field_key']).doUpdateSet({
              reached: sql`form_field_stats_daily.reached + excluded.reached`,
              abandoned: sql`form_field_stats_daily.abandoned + excluded.abandoned`,
            }))
            .execute();
        }
      });
      for (const d of batch.done) d.resolve();
    } catch (err) {
      for (const d of batch.done) d.reject(err);
    }
  }

  /** Writes what is waiting (the app's onClose). */
  async drain(): Promise<void> {
    if (this.timer) {
      clearTimeout(this.timer);
      this.timer = null;
      const batch = this.current;
      this.current = { increments: [], done: [] };
      this.flushing = this.flushing.then(() => this.write(batch));
    }
    await this.flushing;
  }
}
