// What the dashboard reads of tracking: every query filters by workspace and runs on an index
// that leads with it (migration 0025).
import { sql } from 'kysely';
import type { Executor } from '../../db/database.js';
import { pastKeyset, timestampKey, type Keyset } from '../../db/keyset.js';
import { notFound } from '../../errors.js';
import { contactLabels } from '../contacts/service.js';
import type { DropReason } from './drops.js';
import type { Channel } from './enrich/index.js';
import type { TrackedEventType } from './wire.js';

const dayStart = (day: string) => `${day}T00:00:00Z`;
const dayAfter = (day: string) => new Date(Date.parse(dayStart(day)) + 86_400_000).toISOString();

export async function trackingStatus(db: Executor, workspaceId: string, since: Date | null) {
  const last = await db
    .selectFrom('tracking_events')
    .select(['occurred_at', 'url'])
    .where('workspace_id', '=', workspaceId)
    .orderBy('occurred_at', 'desc')
    .limit(1)
    .executeTakeFirst();
  const dayAgo = new Date(Date.now() - 86_400_000);
  const counts = await db
    .selectFrom('tracking_events')
    .select([sql<number>`count(*)::int`.as('events'), sql<number>`count(distinct visitor_id)::int`.as('visitors')])
    .where('workspace_id', '=', workspaceId)
    .where('occurred_at', '>=', dayAgo)
    .executeTakeFirstOrThrow();
  const sinceCount = since
    ? (await db.selectFrom('tracking_events').select(sql<number>`count(*)::int`.as('n')).where('workspace_id', '=', workspaceId).where('occurred_at', '>=', since).executeTakeFirstOrThrow()).n
    : 0;
  const dropped = await db
    .selectFrom('tracking_drops_daily')
    .select(['reason', sql<number>`sum(batches)::int`.as('batches'), sql<number>`sum(events)::int`.as('events')])
    .where('workspace_id', '=', workspaceId)
    .where('day', '>=', sql<string>`current_date - 6`)
    .groupBy('reason')
    .orderBy('reason')
    .execute();
  return {
    last_event_at: last?.occurred_at ?? null,
    last_event_url: last?.url ?? null,
    events_since: sinceCount,
    events_last_24h: counts.events,
    visitors_last_24h: counts.visitors,
    dropped_last_7_days: dropped.map((d) => ({ ...d, reason: d.reason as DropReason })),
  };
}

export const LIVE_WINDOW_MINUTES = 5;
/** A visit older than this is not looked at for the live view (no index on last_seen_at: batches update it, and such updates stay cheap without one). */
const LIVE_VISIT_HOURS = 12;

/** Visitors seen in the last minutes, each with its latest visit: the "now" of the dashboard. Reads the visits started in the last hours, by (workspace, started_at). */
export async function liveVisitors(db: Executor, workspaceId: string, limit = 50) {
  const latest = db
    .selectFrom('tracking_sessions as s')
    .distinctOn('s.visitor_id')
    .select(['s.visitor_id', 's.contact_id', 's.id as session_id', 's.exit_url as current_url', 's.landing_url', 's.channel', 's.source', 's.device', 's.page_views', 's.started_at', 's.last_seen_at'])
    .where('s.workspace_id', '=', workspaceId)
    .where('s.started_at', '>=', sql<Date>`now() - ${`${LIVE_VISIT_HOURS} hours`}::interval`)
    .where('s.last_seen_at', '>=', sql<Date>`now() - ${`${LIVE_WINDOW_MINUTES} minutes`}::interval`)
    .orderBy('s.visitor_id')
    .orderBy('s.started_at', 'desc');
  const all = await db.selectFrom(latest.as('v')).selectAll().orderBy('v.last_seen_at', 'desc').execute();
  const visitors = all.slice(0, limit);
  const labels = await contactLabels(db, workspaceId, visitors.flatMap((v) => (v.contact_id ? [v.contact_id] : [])));
  const nameOf = (id: string | null) => {
    const label = id ? labels.get(id) : undefined;
    return label ? [label.first_name, label.last_name].filter(Boolean).join(' ') || label.email : null;
  };
  return { visitors_now: all.length, window_minutes: LIVE_WINDOW_MINUTES, visitors: visitors.map((v) => ({ ...v, contact_name: nameOf(v.contact_id) })) };
}

export interface EventFilter {
  type?: TrackedEventType;
  name?: string;
  url?: string;
  channel?: Channel;
  campaign?: string;
  from?: string;
  to?: string;
  visitor_id?: string;
  contact_id?: string;
}

const likePattern = (text: string) => `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

/** Events newest first, filtered, by keyset on (occurred_at, id); channel and campaign are the visit's. */
export function listEvents(db: Executor, workspaceId: string, filter: EventFilter, page: { after: Keyset | null; limit: number }) {
  let query = db
    .selectFrom('tracking_events as e')
    .leftJoin('tracking_sessions as s', (join) => join.onRef('s.workspace_id', '=', 'e.workspace_id').onRef('s.id', '=', 'e.session_id'))
    .select([
      'e.id', 'e.occurred_at', 'e.type', 'e.name', 'e.url', 'e.path', 'e.title', 'e.referrer', 'e.target', 'e.duration_ms', 'e.properties',
      'e.visitor_id', 'e.session_id', 'e.contact_id', 's.channel', 's.campaign', timestampKey('e.occurred_at').as('sort_key'),
    ])
    .where('e.workspace_id', '=', workspaceId);
  if (filter.type) query = query.where('e.type', '=', filter.type);
  if (filter.name) query = query.where('e.name', '=', filter.name);
  if (filter.url) query = query.where('e.url', 'ilike', likePattern(filter.url));
  if (filter.channel) query = query.where('s.channel', '=', filter.channel);
  if (filter.campaign) query = query.where('s.campaign', '=', filter.campaign);
  if (filter.from) query = query.where('e.occurred_at', '>=', new Date(dayStart(filter.from)));
  if (filter.to) query = query.where('e.occurred_at', '<', new Date(dayAfter(filter.to)));
  if (filter.visitor_id) query = query.where('e.visitor_id', '=', filter.visitor_id);
  if (filter.contact_id) query = query.where('e.contact_id', '=', filter.contact_id);
  if (page.after) query = query.where(pastKeyset(sql.ref('e.occurred_at'), 'e.id', page.after, 'desc', 'timestamptz'));
  return query.orderBy('e.occurred_at', 'desc').orderBy('e.id', 'desc').limit(page.limit).execute();
}

const sessionColumns = [
  'id', 'visitor_id', 'contact_id', 'started_at', 'last_seen_at', 'engaged_ms', 'page_views', 'events', 'landing_url', 'exit_url', 'referrer',
  'channel', 'source', 'medium', 'campaign', 'term', 'content', 'device', 'browser', 'os',
] as const;

function sessionView<T extends { started_at: Date; last_seen_at: Date; engaged_ms: string }>(row: T): Omit<T, 'engaged_ms'> & { engaged_ms: number; duration_ms: number } {
  return { ...row, engaged_ms: Number(row.engaged_ms), duration_ms: row.last_seen_at.getTime() - row.started_at.getTime() };
}

/** Visitors with their visit counts. */
async function visitorsWhere(db: Executor, workspaceId: string, where: { id?: string; contactId?: string }) {
  let query = db
    .selectFrom('tracking_visitors as v')
    .select((eb) => [
      'v.id', 'v.contact_id', 'v.first_seen_at', 'v.last_seen_at', 'v.identified_at', 'v.identified_via',
      eb.selectFrom('tracking_sessions as s').select(sql<number>`count(*)::int`.as('n')).whereRef('s.workspace_id', '=', 'v.workspace_id').whereRef('s.visitor_id', '=', 'v.id').as('sessions'),
      eb.selectFrom('tracking_sessions as s').select(sql<number>`coalesce(sum(s.page_views), 0)::int`.as('n')).whereRef('s.workspace_id', '=', 'v.workspace_id').whereRef('s.visitor_id', '=', 'v.id').as('page_views'),
    ])
    .where('v.workspace_id', '=', workspaceId);
  if (where.id) query = query.where('v.id', '=', where.id);
  if (where.contactId) query = query.where('v.contact_id', '=', where.contactId);
  const rows = await query.orderBy('v.first_seen_at').execute();
  return rows.map((r) => ({ ...r, sessions: r.sessions ?? 0, page_views: r.page_views ?? 0 }));
}

const PATH_EVENTS = 100;
const PATH_SESSIONS = 50;

/** A visitor's path: its latest visits, newest first, each with its events in order (capped). */
export async function visitorPath(db: Executor, workspaceId: string, visitorId: string) {
  const [visitor] = await visitorsWhere(db, workspaceId, { id: visitorId });
  if (!visitor) throw notFound('Visitor');
  const sessions = await db.selectFrom('tracking_sessions').select(sessionColumns).where('workspace_id', '=', workspaceId).where('visitor_id', '=', visitorId).orderBy('started_at', 'desc').limit(PATH_SESSIONS).execute();
  const out = [];
  for (const session of sessions) {
    const events = await db
      .selectFrom('tracking_events as e')
      .select(['e.id', 'e.occurred_at', 'e.type', 'e.name', 'e.url', 'e.path', 'e.title', 'e.referrer', 'e.target', 'e.duration_ms', 'e.properties', 'e.visitor_id', 'e.session_id', 'e.contact_id'])
      .where('e.workspace_id', '=', workspaceId)
      .where('e.visitor_id', '=', visitorId)
      .where('e.session_id', '=', session.id)
      .where('e.occurred_at', '>=', session.started_at)
      .orderBy('e.occurred_at')
      .orderBy('e.id')
      .limit(PATH_EVENTS + 1)
      .execute();
    out.push({ ...sessionView(session), path: events.slice(0, PATH_EVENTS).map((e) => ({ ...e, channel: session.channel, campaign: session.campaign })), more_events: events.length > PATH_EVENTS });
  }
  return { visitor, sessions: out };
}

/** A contact's sources and its visitors (devices). */
export async function contactSources(db: Executor, workspaceId: string, contactId: string) {
  const row = await db.selectFrom('tracking_contact_sources').selectAll().where('workspace_id', '=', workspaceId).where('contact_id', '=', contactId).executeTakeFirst();
  const visitors = await visitorsWhere(db, workspaceId, { contactId });
  const touch = (p: 'first' | 'last') =>
    row && row[`${p}_session_id`]
      ? { session_id: row[`${p}_session_id`], at: row[`${p}_at`], channel: row[`${p}_channel`], source: row[`${p}_source`], medium: row[`${p}_medium`], campaign: row[`${p}_campaign`], landing_url: row[`${p}_landing_url`], referrer: row[`${p}_referrer`] }
      : null;
  return {
    converted: row !== undefined,
    first_touch: touch('first'),
    last_touch: touch('last'),
    conversion: row ? { at: row.converted_at, kind: row.conversion_kind, form_id: row.conversion_ref, url: row.conversion_url } : null,
    sessions_before_conversion: row?.sessions_before ?? 0,
    visitors,
  };
}

/** Visits (by the day they started) and leads (by the day they converted, under their first touch's channel) per channel and day. */
export async function channelFigures(db: Executor, workspaceId: string, period: { from: string; to: string }) {
  const from = new Date(dayStart(period.from));
  const to = new Date(dayAfter(period.to));
  const visits = await db
    .selectFrom('tracking_sessions')
    .select([sql<string>`to_char(started_at at time zone 'UTC', 'YYYY-MM-DD')`.as('day'), 'channel', sql<number>`count(*)::int`.as('n')])
    .where('workspace_id', '=', workspaceId)
    .where('started_at', '>=', from)
    .where('started_at', '<', to)
    .groupBy(['day', 'channel'])
    .execute();
  const leads = await db
    .selectFrom('tracking_contact_sources')
    .select([sql<string>`to_char(converted_at at time zone 'UTC', 'YYYY-MM-DD')`.as('day'), sql<Channel>`coalesce(first_channel, 'direct')`.as('channel'), sql<number>`count(*)::int`.as('n')])
    .where('workspace_id', '=', workspaceId)
    .where('converted_at', '>=', from)
    .where('converted_at', '<', to)
    .groupBy(['day', sql`coalesce(first_channel, 'direct')`])
    .execute();
  const cells = new Map<string, { day: string; channel: Channel; visits: number; leads: number }>();
  const cell = (day: string, channel: Channel) => {
    const k = `${day}|${channel}`;
    let c = cells.get(k);
    if (!c) cells.set(k, (c = { day, channel, visits: 0, leads: 0 }));
    return c;
  };
  for (const v of visits) cell(v.day, v.channel).visits += v.n;
  for (const l of leads) cell(l.day, l.channel).leads += l.n;
  const byDay = [...cells.values()].sort((a, b) => (a.day === b.day ? a.channel.localeCompare(b.channel) : a.day < b.day ? -1 : 1));
  const totals = new Map<Channel, { channel: Channel; visits: number; leads: number }>();
  for (const c of byDay) {
    const t = totals.get(c.channel) ?? { channel: c.channel, visits: 0, leads: 0 };
    t.visits += c.visits;
    t.leads += c.leads;
    totals.set(c.channel, t);
  }
  return { ...period, totals: [...totals.values()].sort((a, b) => b.visits - a.visits || b.leads - a.leads), by_day: byDay };
}

/** The most viewed pages of a period, with their distinct visitors. */
export async function topPages(db: Executor, workspaceId: string, period: { from: string; to: string }, limit = 50) {
  const pages = await db
    .selectFrom('tracking_events')
    .select([sql<string>`coalesce(path, '')`.as('path'), sql<number>`count(*)::int`.as('views'), sql<number>`count(distinct visitor_id)::int`.as('visitors')])
    .where('workspace_id', '=', workspaceId)
    .where('type', '=', 'page_view')
    .where('occurred_at', '>=', new Date(dayStart(period.from)))
    .where('occurred_at', '<', new Date(dayAfter(period.to)))
    .groupBy(sql`coalesce(path, '')`)
    .orderBy('views', 'desc')
    .limit(limit)
    .execute();
  return { ...period, pages };
}

