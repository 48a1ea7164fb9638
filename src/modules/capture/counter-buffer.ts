import { sql, type Kysely, type Transaction } from 'kysely';
import type { Tables } from '../../db/schema.js';
import { addFormStats, type StatsIncrement } from './subscribers.js';
import { inKeyOrder } from '../../lib/sums.js';
import { WriteBuffer } from '../../db/write-buffer.js';

/** What one beacon adds: counters of a form's day and page, the page's URL, and per-field counts. */
export interface BeaconIncrement extends StatsIncrement {
  pageUrl: string | null;
  fields?: ReadonlyArray<{ key: string; reached: number; abandoned: number }>;
}

/**
 * Beacons (views, starts, field touches) are many and tiny: they are summed by key and written
 * every 100 ms (or at 500 waiting) by one transaction of three set-based upserts, so a popular
 * page adds one statement per 100 ms, not one per visitor. Each beacon is answered once the
 * flush that carries it has committed.
 */
export class CounterBuffer extends WriteBuffer<BeaconIncrement> {
  constructor(db: Kysely<Tables>) {
    super(db, writeBeacons);
  }
}

async function writeBeacons(tx: Transaction<Tables>, increments: BeaconIncrement[]): Promise<void> {
  await addFormStats(tx, increments);
  const pages = new Map<string, { workspace_id: string; form_id: string; page_key: string; url: string }>();
  const fields = new Map<string, { workspace_id: string; form_id: string; day: string; field_key: string; reached: number; abandoned: number }>();
  for (const inc of increments) {
    if (inc.pageUrl && inc.pageKey) pages.set(`${inc.workspaceId}|${inc.formId}|${inc.pageKey}`, { workspace_id: inc.workspaceId, form_id: inc.formId, page_key: inc.pageKey, url: inc.pageUrl });
    for (const f of inc.fields ?? []) {
      const key = `${inc.workspaceId}|${inc.formId}|${inc.day}|${f.key}`;
      const row = fields.get(key) ?? { workspace_id: inc.workspaceId, form_id: inc.formId, day: inc.day, field_key: f.key, reached: 0, abandoned: 0 };
      row.reached += f.reached;
      row.abandoned += f.abandoned;
      fields.set(key, row);
    }
  }
  if (pages.size > 0) await tx.insertInto('form_pages').values(inKeyOrder(pages)).onConflict((oc) => oc.columns(['workspace_id', 'form_id', 'page_key']).doNothing()).execute();
  if (fields.size > 0) {
    await tx
      .insertInto('form_field_stats_daily')
      .values(inKeyOrder(fields))
      .onConflict((oc) => oc.columns(['workspace_id', 'form_id', 'day', 'field_key']).doUpdateSet({
        reached: sql`form_field_stats_daily.reached + excluded.reached`,
        abandoned: sql`form_field_stats_daily.abandoned + excluded.abandoned`,
      }))
      .execute();
  }
}
