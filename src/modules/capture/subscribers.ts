import { sql } from 'kysely';
import type { Executor } from '../../db/database.js';
import type { EventSubscriber } from '../../events/subscriber.js';
import { addPopupStats, sourceKey } from './popups/stats.js';
import { pageKey } from './page-key.js';
import { sumByKey } from '../../lib/sums.js';
import { addPageSubmissions } from './pages/figures.js';

/** One counter increment of form_stats_daily. */
export interface StatsIncrement {
  workspaceId: string;
  formId: string;
  /** YYYY-MM-DD, UTC. */
  day: string;
  pageKey: string;
  views?: number;
  starts?: number;
  submissions?: number;
  spam?: number;
}

/**
 * Adds increments to the daily counters: summed per row first, then one upsert in key order
 * (concurrent writers lock rows in one order).
 */
export async function addFormStats(db: Executor, increments: readonly StatsIncrement[]): Promise<void> {
  const rows = sumByKey(
    increments,
    (inc) => `${inc.workspaceId}|${inc.formId}|${inc.day}|${inc.pageKey}`,
    (inc) => ({ workspace_id: inc.workspaceId, form_id: inc.formId, day: inc.day, page_key: inc.pageKey, views: 0, starts: 0, submissions: 0, spam: 0 }),
    (row, inc) => {
      row.views += inc.views ?? 0;
      row.starts += inc.starts ?? 0;
      row.submissions += inc.submissions ?? 0;
      row.spam += inc.spam ?? 0;
    },
  );
  if (rows.length === 0) return;
  await db
    .insertInto('form_stats_daily')
    .values(rows)
    .onConflict((oc) =>
      oc.columns(['workspace_id', 'form_id', 'day', 'page_key']).doUpdateSet({
        views: sql`form_stats_daily.views + excluded.views`,
        starts: sql`form_stats_daily.starts + excluded.starts`,
        submissions: sql`form_stats_daily.submissions + excluded.submissions`,
        spam: sql`form_stats_daily.spam + excluded.spam`,
      }),
    )
    .execute();
}

/**
 * Counts submissions per form, day and page (and per pop-up or landing page, day and UTM source) from `form.submitted`, in the subscriber’s cursor
 * transaction: exact (counted once with "handled"), and no counter row is locked by the
 * submissions' own transactions, which would serialise concurrent batches on it.
 */
export const submissionStats: EventSubscriber = {
  name: 'capture.stats',
  kinds: ['form.submitted'],
  startAt: 'oldest',
  handle: async (events, { tx }) => {
    const submitted = events.flatMap((event) => (event.kind === 'form.submitted' ? [{ ...event, payload: event.payload }] : []));
    await addFormStats(tx, submitted.map((event) => ({ workspaceId: event.workspace_id, formId: event.payload.form_id, day: event.occurred_at.slice(0, 10), pageKey: pageKey(event.payload.page_url), submissions: 1 })));
    // A submission made in a pop-up counts for it too (addPopupStats keeps to the workspace's pop-ups).
    await addPopupStats(tx, submitted.flatMap((event) => {
      const source = event.payload.source;
      return source?.kind === 'popup' ? [{ workspaceId: event.workspace_id, popupId: source.id, day: event.occurred_at.slice(0, 10), utmSource: sourceKey(event.payload.utm.source), submissions: 1 }] : [];
    }));
    // And one made on a landing page for that page (addPageSubmissions keeps to the workspace's pages).
    await addPageSubmissions(tx, submitted.flatMap((event) => {
      const source = event.payload.source;
      return source?.kind === 'page' ? [{ workspaceId: event.workspace_id, pageId: source.id, day: event.occurred_at.slice(0, 10), utmSource: sourceKey(event.payload.utm.source) }] : [];
    }));
  },
};

export const captureSubscribers: readonly EventSubscriber[] = [submissionStats];
