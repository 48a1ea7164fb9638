import { sql, type Transaction } from 'kysely';
import type { Actor } from '../../actor.js';
import type { GroupCommit } from '../../db/group-commit.js';
import type { Tables } from '../../db/schema.js';
import { publish, type NewEvent } from '../../events/publish.js';
import { recordTimeline, type TimelineEntry } from '../timeline/timeline.js';
import type { PreparedBatch, SessionDelta } from './prepare.js';

/** A batch's outcome: the contact its visitor is known as, or `refused` (its session id is another visitor's). */
export type BatchOutcome = { contactId: string | null; refused: false } | { contactId: null; refused: true };

/** The group commit every tracked batch goes through. */
export type EventWriter = GroupCommit<PreparedBatch, BatchOutcome>;

type Tx = Transaction<Tables>;

const key = (workspaceId: string, id: string) => `${workspaceId}|${id}`;

/** Rows of one upsert must be distinct (PostgreSQL updates a row once per statement), and in key order so concurrent batches lock in one order. */
function distinctVisitors(items: readonly PreparedBatch[]) {
  const rows = new Map<string, { workspace_id: string; id: string; first_seen_at: Date; last_seen_at: Date }>();
  for (const item of items) {
    const k = key(item.workspaceId, item.visitorId);
    const row = rows.get(k);
    if (!row) rows.set(k, { workspace_id: item.workspaceId, id: item.visitorId, first_seen_at: item.session.startedAt, last_seen_at: item.session.lastSeenAt });
    else {
      if (item.session.startedAt < row.first_seen_at) row.first_seen_at = item.session.startedAt;
      if (item.session.lastSeenAt > row.last_seen_at) row.last_seen_at = item.session.lastSeenAt;
    }
  }
  return [...rows.entries()].sort(([a], [b]) => (a < b ? -1 : 1)).map(([, row]) => row);
}

/** One session's deltas from several batches of a flush: summed, the landing from the earliest, the exit from the latest. */
function mergeSessions(a: SessionDelta, b: SessionDelta): SessionDelta {
  const [early, late] = a.startedAt <= b.startedAt ? [a, b] : [b, a];
  return {
    ...early,
    lastSeenAt: a.lastSeenAt > b.lastSeenAt ? a.lastSeenAt : b.lastSeenAt,
    pageViews: a.pageViews + b.pageViews,
    events: a.events + b.events,
    engagedMs: a.engagedMs + b.engagedMs,
    exitUrl: late.exitUrl ?? early.exitUrl,
  };
}

function distinctSessions(items: readonly PreparedBatch[]) {
  const rows = new Map<string, { workspaceId: string; visitorId: string; session: SessionDelta }>();
  for (const item of items) {
    const k = key(item.workspaceId, item.session.id);
    const row = rows.get(k);
    // A session id posted by two visitors in one flush: the first one's (the other is refused by the upsert's condition later, or here).
    if (row && row.visitorId === item.visitorId) row.session = mergeSessions(row.session, item.session);
    else if (!row) rows.set(k, { workspaceId: item.workspaceId, visitorId: item.visitorId, session: item.session });
  }
  return [...rows.entries()]
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([, { workspaceId, visitorId, session: s }]) => ({
      workspace_id: workspaceId,
      id: s.id,
      visitor_id: visitorId,
      started_at: s.startedAt,
      last_seen_at: s.lastSeenAt,
      page_views: s.pageViews,
      events: s.events,
      engaged_ms: s.engagedMs,
      landing_url: s.landingUrl,
      exit_url: s.exitUrl,
      referrer: s.referrer,
      channel: s.channel,
      source: s.source,
      medium: s.medium,
      campaign: s.campaign,
      term: s.term,
      content: s.content,
      device: s.device,
      browser: s.browser,
      os: s.os,
      ip: s.ip,
    }));
}

/**
 * Writes a flush of batches in the caller's transaction, in one statement whatever their number
 * (one round trip: the wait for the database, not its work, is what a flush mostly costs):
 * visitors upserted (returning whom each is known as), visits upserted (a session id already
 * another visitor's is refused), events of the visits taken inserted; then, for known contacts
 * only, their domain events and the timeline lines of new visits. All rows travel as JSON documents: binding
 * thousands of parameters costs more than PostgreSQL's json_to_recordset.
 */
export async function writeBatches(tx: Tx, items: readonly PreparedBatch[]): Promise<BatchOutcome[]> {
  // Every session and event row goes; which of them the database takes is decided in SQL (a
  // session id of another visitor is refused, and its events with it).
  const sessionRows = distinctSessions(items);
  const eventRows = items.flatMap((item) => inBatchOrder(item.events).map((e) => ({ ...e, workspace_id: item.workspaceId, visitor_id: item.visitorId, session_id: item.session.id })));
  const written = await sql<{ k: 'v' | 's'; workspace_id: string; id: string; contact_id: string | null; visitor_id: string | null; inserted: boolean | null }>`
    with v as (
      insert into tracking_visitors (workspace_id, id, first_seen_at, last_seen_at)
      select r.workspace_id, r.id, r.first_seen_at, r.last_seen_at
        from json_to_recordset(${JSON.stringify(distinctVisitors(items))}::json) as r(workspace_id uuid, id uuid, first_seen_at timestamptz, last_seen_at timestamptz)
      on conflict (workspace_id, id) do update
        set last_seen_at = greatest(tracking_visitors.last_seen_at, excluded.last_seen_at),
            first_seen_at = least(tracking_visitors.first_seen_at, excluded.first_seen_at)
      returning workspace_id, id, contact_id
    ), s as (
      insert into tracking_sessions as s (workspace_id, id, visitor_id, contact_id, started_at, last_seen_at, page_views, events, engaged_ms,
                                          landing_url, exit_url, referrer, channel, source, medium, campaign, term, content, device, browser, os, ip)
      select r.workspace_id, r.id, r.visitor_id, v.contact_id, r.started_at, r.last_seen_at, r.page_views, r.events, r.engaged_ms, r.landing_url, r.exit_url,
             r.referrer, r.channel, r.source, r.medium, r.campaign, r.term, r.content, r.device, r.browser, r.os, r.ip
        from json_to_recordset(${JSON.stringify(sessionRows)}::json) as r(
          workspace_id uuid, id uuid, visitor_id uuid, started_at timestamptz, last_seen_at timestamptz, page_views integer, events integer,
          engaged_ms bigint, landing_url text, exit_url text, referrer text, channel text, source text, medium text, campaign text, term text, content text,
          device text, browser text, os text, ip text)
        join v on v.workspace_id = r.workspace_id and v.id = r.visitor_id
       order by r.workspace_id, r.id
      on conflict (workspace_id, id) do update
        set last_seen_at = greatest(s.last_seen_at, excluded.last_seen_at),
            started_at = least(s.started_at, excluded.started_at),
            page_views = s.page_views + excluded.page_views,
            events = s.events + excluded.events,
            engaged_ms = s.engaged_ms + excluded.engaged_ms,
            exit_url = case when excluded.exit_url is not null and excluded.last_seen_at >= s.last_seen_at then excluded.exit_url else s.exit_url end,
            contact_id = coalesce(excluded.contact_id, s.contact_id)
        where s.visitor_id = excluded.visitor_id
      returning workspace_id, id, visitor_id, (xmax = 0) as inserted
    ), e as (
      insert into tracking_events (workspace_id, id, occurred_at, visitor_id, session_id, contact_id, type, name, url, path, title, referrer, target, duration_ms, properties)
      select e.workspace_id, e.id, e.occurred_at, e.visitor_id, e.session_id, v.contact_id, e.type, e.name, e.url, e.path, e.title, e.referrer, e.target, e.duration_ms, e.properties
        from json_to_recordset(${JSON.stringify(eventRows)}::json) as e(
          workspace_id uuid, id uuid, occurred_at timestamptz, visitor_id uuid, session_id uuid, type text, name text, url text, path text,
          title text, referrer text, target text, duration_ms integer, properties jsonb)
        join s on s.workspace_id = e.workspace_id and s.id = e.session_id and s.visitor_id = e.visitor_id
        join v on v.workspace_id = e.workspace_id and v.id = e.visitor_id
      returning 1
    )
    select 'v' as k, workspace_id, id, contact_id, null::uuid as visitor_id, null::boolean as inserted from v
    union all
    select 's', workspace_id, id, null, visitor_id, inserted from s`.execute(tx);
  const contacts = new Map(written.rows.filter((r) => r.k === 'v').map((v) => [key(v.workspace_id, v.id), v.contact_id]));
  const sessions = written.rows.filter((r) => r.k === 's');
  const accepted = new Map(sessions.map((s) => [key(s.workspace_id, s.id), s]));
  const isAccepted = (item: PreparedBatch) => accepted.get(key(item.workspaceId, item.session.id))?.visitor_id === item.visitorId;

  await tellAboutKnownContacts(tx, items.filter(isAccepted), contacts, new Set(sessions.filter((s) => s.inserted).map((s) => key(s.workspace_id, s.id))));
  return items.map((item) => (isAccepted(item) ? { contactId: contacts.get(key(item.workspaceId, item.visitorId)) ?? null, refused: false } : { contactId: null, refused: true }));
}

/**
 * Events of one millisecond (a page view and the custom event its page sends on load) keep the
 * batch's order: each later one is stored a microsecond later (browsers give milliseconds,
 * PostgreSQL keeps microseconds), so a visitor's path never shows an event before its page.
 */
function inBatchOrder(events: readonly PreparedBatch['events'][number][]) {
  let previous = Number.NaN;
  let tie = 0;
  return events.map((e) => {
    const ms = e.occurred_at.getTime();
    tie = ms === previous ? tie + 1 : 0;
    previous = ms;
    return { ...e, occurred_at: tie === 0 ? e.occurred_at.toISOString() : e.occurred_at.toISOString().replace('Z', `${String(tie).padStart(3, '0')}Z`) };
  });
}

/** Known contacts' page views and events as domain events, and their new visits on their timelines: a statement each for the whole flush. */
async function tellAboutKnownContacts(tx: Tx, items: readonly PreparedBatch[], contacts: Map<string, string | null>, newSessions: Set<string>): Promise<void> {
  const events: NewEvent[] = [];
  const visits = new Map<string, TimelineEntry[]>();
  for (const item of items) {
    const contactId = contacts.get(key(item.workspaceId, item.visitorId));
    if (!contactId) continue;
    const actor: Actor = { type: 'visitor', id: item.visitorId };
    const ids = { visitor_id: item.visitorId, session_id: item.session.id };
    for (const e of item.events) {
      const occurred_at = e.occurred_at.toISOString();
      if (e.type === 'page_view') events.push({ workspaceId: item.workspaceId, kind: 'page.viewed', contactId, actor, payload: { ...ids, url: e.url, path: e.path, title: e.title, occurred_at } });
      else if (e.type === 'custom' || e.type === 'click' || e.type === 'download') {
        events.push({ workspaceId: item.workspaceId, kind: 'event.tracked', contactId, actor, payload: { ...ids, type: e.type, name: e.name, url: e.url, target: e.target, properties: e.properties ?? {}, occurred_at } });
      }
    }
    if (newSessions.delete(key(item.workspaceId, item.session.id))) {
      const entries = visits.get(item.workspaceId) ?? [];
      entries.push({ contactId, kind: 'site.visited', occurredAt: item.session.startedAt, data: visitData(item.session) });
      visits.set(item.workspaceId, entries);
    }
  }
  if (events.length) await publish(tx, events);
  for (const [workspaceId, entries] of visits) await recordTimeline(tx, workspaceId, { type: 'system', id: null }, entries);
}

/** What a timeline line of a visit says: where it landed and where it came from. */
export function visitData(session: Pick<SessionDelta, 'id' | 'landingUrl' | 'referrer' | 'channel' | 'source' | 'medium' | 'campaign'>): Record<string, unknown> {
  return { session_id: session.id, landing_url: session.landingUrl, referrer: session.referrer, channel: session.channel, source: session.source, medium: session.medium, campaign: session.campaign };
}
