import { sql, type Kysely } from 'kysely';

// Conversion figures of landing and thank-you pages (issue 11). Unique visitors over any period
// need the visitors themselves, not daily sums: `page_visitors_daily` holds a row per page, day
// and visitor id (f.js's first-party `inflow_vid`) with that day's views and the UTM source of
// its first view, so visitors of a period are count(distinct visitor_id). Submissions come from
// `form.submitted` (its `source` naming the page) into `page_stats_daily` by UTM source ('' for
// none). Both are kept PAGE_FIGURES_KEPT_DAYS (longer than the longest period the API answers)
// and purged together by `capture.purge_page_figures`, so a conversion rate never mixes a
// purged side with a kept one. A beacon names a page by its id alone: pages_public_id finds it.
const statements = [
  `create unique index pages_public_id on pages (id)`,
  `create table page_visitors_daily (
    workspace_id uuid not null,
    page_id uuid not null,
    day date not null,
    visitor_id uuid not null,
    utm_source text not null default '',
    views integer not null default 0,
    primary key (workspace_id, page_id, day, visitor_id),
    foreign key (workspace_id, page_id) references pages (workspace_id, id) on delete cascade
  )`,
  // The purge deletes by day across workspaces.
  `create index page_visitors_daily_by_day on page_visitors_daily (day)`,
  `create table page_stats_daily (
    workspace_id uuid not null,
    page_id uuid not null,
    day date not null,
    utm_source text not null default '',
    submissions integer not null default 0,
    primary key (workspace_id, page_id, day, utm_source),
    foreign key (workspace_id, page_id) references pages (workspace_id, id) on delete cascade
  )`,
];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of statements) await sql.raw(statement).execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of ['page_stats_daily', 'page_visitors_daily']) await sql.raw(`drop table ${table}`).execute(db);
  await sql.raw('drop index pages_public_id').execute(db);
}
