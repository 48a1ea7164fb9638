// A form's figures over a period, from the daily counters: views, starts, submissions, spam,
// conversion, by day and by page, and each field's drop-off (visitors who left after it).
import { sql } from 'kysely';
import type { Executor } from '../../db/database.js';
import { rate } from '../../lib/sums.js';

export interface FormAnalytics {
  from: string;
  to: string;
  totals: { views: number; starts: number; submissions: number; spam: number; conversion_rate: number | null };
  by_day: Array<{ day: string; views: number; starts: number; submissions: number; spam: number }>;
  by_page: Array<{ url: string | null; views: number; starts: number; submissions: number; conversion_rate: number | null }>;
  fields: Array<{ key: string; reached: number; abandoned: number; drop_off_rate: number | null }>;
}


export async function formAnalytics(db: Executor, workspaceId: string, formId: string, period: { from: string; to: string }): Promise<FormAnalytics> {
  const days = await db
    .selectFrom('form_stats_daily')
    .select([
      sql<string>`to_char(day, 'YYYY-MM-DD')`.as('day'),
      sql<number>`sum(views)::int`.as('views'),
      sql<number>`sum(starts)::int`.as('starts'),
      sql<number>`sum(submissions)::int`.as('submissions'),
      sql<number>`sum(spam)::int`.as('spam'),
    ])
    .where('workspace_id', '=', workspaceId)
    .where('form_id', '=', formId)
    .where('day', '>=', period.from)
    .where('day', '<=', period.to)
    .groupBy('day')
    .orderBy('day')
    .execute();
  const pages = await db
    .selectFrom('form_stats_daily as s')
    .leftJoin('form_pages as p', (join) => join.onRef('p.workspace_id', '=', 's.workspace_id').onRef('p.form_id', '=', 's.form_id').onRef('p.page_key', '=', 's.page_key'))
    .select([
      's.page_key',
      sql<string | null>`max(p.url)`.as('url'),
      sql<number>`sum(s.views)::int`.as('views'),
      sql<number>`sum(s.starts)::int`.as('starts'),
      sql<number>`sum(s.submissions)::int`.as('submissions'),
    ])
    .where('s.workspace_id', '=', workspaceId)
    .where('s.form_id', '=', formId)
    .where('s.day', '>=', period.from)
    .where('s.day', '<=', period.to)
    .groupBy('s.page_key')
    .orderBy(sql`sum(s.views)`, 'desc')
    .limit(50)
    .execute();
  const fields = await db
    .selectFrom('form_field_stats_daily')
    .select(['field_key', sql<number>`sum(reached)::int`.as('reached'), sql<number>`sum(abandoned)::int`.as('abandoned')])
    .where('workspace_id', '=', workspaceId)
    .where('form_id', '=', formId)
    .where('day', '>=', period.from)
    .where('day', '<=', period.to)
    .groupBy('field_key')
    .execute();
  const totals = days.reduce((t, d) => ({ views: t.views + d.views, starts: t.starts + d.starts, submissions: t.submissions + d.submissions, spam: t.spam + d.spam }), { views: 0, starts: 0, submissions: 0, spam: 0 });
  return {
    ...period,
    totals: { ...totals, conversion_rate: rate(totals.submissions, totals.views) },
    by_day: days,
    by_page: pages.map((p) => ({ url: p.url, views: p.views, starts: p.starts, submissions: p.submissions, conversion_rate: rate(p.submissions, p.views) })),
    fields: fields.map((f) => ({ key: f.field_key, reached: f.reached, abandoned: f.abandoned, drop_off_rate: rate(f.abandoned, f.reached) })),
  };
}
