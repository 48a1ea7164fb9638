// Conversion figures of pages: views and visitors from f.js's view beacon (page_visitors_daily,
// a row per visitor and day), submissions from `form.submitted` (page_stats_daily). See
// migration 0024 for why visitors are kept one by one, and for how long.
import { sql } from 'kysely';
import type { RecurringJob } from '../../../db/jobs/recurring.js';
import type { Executor } from '../../../db/database.js';
import { rate, sumByKey } from '../../../lib/sums.js';

/** Longer than the longest period the analytics answer (366 days), so any period asked is whole. */
export const PAGE_FIGURES_KEPT_DAYS = 400;

export interface PageView {
  workspaceId: string;
  pageId: string;
  day: string;
  visitorId: string;
  utmSource: string;
}

export interface PageSubmission {
  workspaceId: string;
  pageId: string;
  day: string;
  utmSource: string;
}

/**
 * Adds views, summed by visitor and day, in key order (concurrent writers lock rows in one
 * order). A visitor's source for the day is the one of their first view: later views add views only.
 */
export async function addPageViews(db: Executor, views: readonly PageView[]): Promise<void> {
  const rows = sumByKey(
    views,
    (v) => `${v.workspaceId}|${v.pageId}|${v.day}|${v.visitorId}`,
    (v) => ({ workspace_id: v.workspaceId, page_id: v.pageId, day: v.day, visitor_id: v.visitorId, utm_source: v.utmSource, views: 0 }),
    (row) => {
      row.views += 1;
    },
  );
  if (rows.length === 0) return;
  await sql`
    insert into page_visitors_daily (workspace_id, page_id, day, visitor_id, utm_source, views)
    select r.workspace_id, r.page_id, r.day, r.visitor_id, r.utm_source, r.views
      from jsonb_to_recordset(${JSON.stringify(rows)}::jsonb)
           as r(workspace_id uuid, page_id uuid, day date, visitor_id uuid, utm_source text, views int)
     where exists (select 1 from pages p where p.workspace_id = r.workspace_id and p.id = r.page_id)
    on conflict (workspace_id, page_id, day, visitor_id) do update set views = page_visitors_daily.views + excluded.views`.execute(db);
}

/**
 * Adds submissions made on pages. Only pages of the workspace named count: `_src` is the page's
 * word, and a forged id of another workspace's page must add nothing to it.
 */
export async function addPageSubmissions(db: Executor, submissions: readonly PageSubmission[]): Promise<void> {
  const rows = sumByKey(
    submissions,
    (s) => `${s.workspaceId}|${s.pageId}|${s.day}|${s.utmSource}`,
    (s) => ({ workspace_id: s.workspaceId, page_id: s.pageId, day: s.day, utm_source: s.utmSource, submissions: 0 }),
    (row) => {
      row.submissions += 1;
    },
  );
  if (rows.length === 0) return;
  await sql`
    insert into page_stats_daily (workspace_id, page_id, day, utm_source, submissions)
    select r.workspace_id, r.page_id, r.day, r.utm_source, r.submissions
      from jsonb_to_recordset(${JSON.stringify(rows)}::jsonb)
           as r(workspace_id uuid, page_id uuid, day date, utm_source text, submissions int)
     where exists (select 1 from pages p where p.workspace_id = r.workspace_id and p.id = r.page_id)
    on conflict (workspace_id, page_id, day, utm_source) do update set submissions = page_stats_daily.submissions + excluded.submissions`.execute(db);
}

export interface PageFigures {
  views: number;
  visitors: number;
  submissions: number;
  conversion_rate: number | null;
}

const figures = (f: { views: number; visitors: number; submissions: number }): PageFigures => ({ ...f, conversion_rate: rate(f.submissions, f.visitors) });
const EMPTY = figures({ views: 0, visitors: 0, submissions: 0 });

function visitorRows(db: Executor, workspaceId: string, pageIds: readonly string[], period: { from: string; to: string }) {
  return db.selectFrom('page_visitors_daily').where('workspace_id', '=', workspaceId).where('page_id', 'in', pageIds).where('day', '>=', period.from).where('day', '<=', period.to);
}

function submissionRows(db: Executor, workspaceId: string, pageIds: readonly string[], period: { from: string; to: string }) {
  return db.selectFrom('page_stats_daily').where('workspace_id', '=', workspaceId).where('page_id', 'in', pageIds).where('day', '>=', period.from).where('day', '<=', period.to);
}

const VIEWS = sql<number>`coalesce(sum(views), 0)::int`.as('views');
const VISITORS = sql<number>`count(distinct visitor_id)::int`.as('visitors');
const SUBMISSIONS = sql<number>`coalesce(sum(submissions), 0)::int`.as('submissions');

/** Each page's figures over a period (the list's last 30 days): two grouped reads of the primary keys. */
export async function figuresOfPages(db: Executor, workspaceId: string, pageIds: readonly string[], period: { from: string; to: string }): Promise<Map<string, PageFigures>> {
  if (pageIds.length === 0) return new Map();
  const seen = await visitorRows(db, workspaceId, pageIds, period).select(['page_id', VIEWS, VISITORS]).groupBy('page_id').execute();
  const sent = await submissionRows(db, workspaceId, pageIds, period).select(['page_id', SUBMISSIONS]).groupBy('page_id').execute();
  const submitted = new Map(sent.map((r) => [r.page_id, r.submissions]));
  return new Map(pageIds.map((id) => {
    const s = seen.find((r) => r.page_id === id);
    return [id, figures({ views: s?.views ?? 0, visitors: s?.visitors ?? 0, submissions: submitted.get(id) ?? 0 })];
  }));
}

/** A page's totals, days and UTM sources over a period. A visitor who came by two sources counts in each. */
export async function pageAnalytics(db: Executor, workspaceId: string, pageId: string, period: { from: string; to: string }) {
  const ids = [pageId];
  const totals = (await figuresOfPages(db, workspaceId, ids, period)).get(pageId) ?? EMPTY;
  const dayOf = sql<string>`to_char(day, 'YYYY-MM-DD')`.as('day');
  const seenDays = await visitorRows(db, workspaceId, ids, period).select([dayOf, VIEWS, VISITORS]).groupBy('day').execute();
  const sentDays = await submissionRows(db, workspaceId, ids, period).select([dayOf, SUBMISSIONS]).groupBy('day').execute();
  const seenSources = await visitorRows(db, workspaceId, ids, period).select(['utm_source', VIEWS, VISITORS]).groupBy('utm_source').execute();
  const sentSources = await submissionRows(db, workspaceId, ids, period).select(['utm_source', SUBMISSIONS]).groupBy('utm_source').execute();
  return {
    ...period,
    totals,
    by_day: merge(seenDays, sentDays, (r) => r.day).sort((a, b) => (a.key < b.key ? -1 : 1)).map(({ key, ...f }) => ({ day: key, ...figures(f) })),
    by_source: merge(seenSources, sentSources, (r) => r.utm_source)
      .sort((a, b) => b.visitors - a.visitors || b.submissions - a.submissions || (a.key < b.key ? -1 : 1))
      .slice(0, 50)
      .map(({ key, ...f }) => ({ utm_source: key === '' ? null : key, ...figures(f) })),
  };
}

/** Joins the visitors' and the submissions' rows on a key: a day or source may have only one side. */
function merge<S extends { views: number; visitors: number }, T extends { submissions: number }>(seen: S[], sent: T[], keyOf: (row: S | T) => string) {
  const rows = new Map<string, { key: string; views: number; visitors: number; submissions: number }>();
  const at = (key: string) => rows.get(key) ?? rows.set(key, { key, views: 0, visitors: 0, submissions: 0 }).get(key)!;
  for (const r of seen) Object.assign(at(keyOf(r)), { views: r.views, visitors: r.visitors });
  for (const r of sent) at(keyOf(r)).submissions = r.submissions;
  return [...rows.values()];
}

/** Deletes both sides of the figures older than PAGE_FIGURES_KEPT_DAYS, together. */
export async function purgeOldPageFigures(db: Executor): Promise<void> {
  const before = sql<string>`current_date - ${PAGE_FIGURES_KEPT_DAYS}::int`;
  await db.deleteFrom('page_visitors_daily').where('day', '<', before).execute();
  await db.deleteFrom('page_stats_daily').where('day', '<', before).execute();
}

export const purgePageFigures: RecurringJob = {
  kind: 'capture.purge_page_figures',
  everyMs: 24 * 3600_000,
  run: (_job, { db }) => purgeOldPageFigures(db),
};
