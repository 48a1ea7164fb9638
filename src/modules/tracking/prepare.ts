// A posted batch becomes the rows it writes: pure, so every rule (clock correction, clamping,
// cutting, channel, device) is tested without a server.
import { newId } from '../../db/ids.js';
import { invalid } from '../../errors.js';
import { isVisitorId } from '../capture/visitor-id.js';
import { classify, cleanUrl, utmOf, type Channel, type Device } from './enrich/index.js';
import type { EventBatchInput, TrackedEventInput, TrackedEventType } from './wire.js';

/** How far back a corrected event time may go: a replayed or long-held batch lands at the edge. */
export const MAX_EVENT_AGE_MS = 24 * 3600_000;
export const MAX_URL = 2_048;
const MAX_TITLE = 300;
const MAX_NAME = 100;
const MAX_PROPERTY_TEXT = 500;
const MAX_DURATION_MS = 24 * 3600_000;
/** The parameter a tracked email link carries the contact's token in: never stored with a URL. */
export const CONTACT_TOKEN_PARAM = 'inflow_ct';

export interface EventRow {
  id: string;
  occurred_at: Date;
  type: TrackedEventType;
  name: string | null;
  url: string | null;
  path: string | null;
  title: string | null;
  referrer: string | null;
  target: string | null;
  duration_ms: number | null;
  properties: Record<string, string | number | boolean | null> | null;
}

/** What a batch adds to its session: counts to add, and (for a new session) where it started. */
export interface SessionDelta {
  id: string;
  startedAt: Date;
  lastSeenAt: Date;
  pageViews: number;
  events: number;
  engagedMs: number;
  landingUrl: string | null;
  exitUrl: string | null;
  referrer: string | null;
  channel: Channel;
  source: string | null;
  medium: string | null;
  campaign: string | null;
  term: string | null;
  content: string | null;
  device: string;
  browser: string | null;
  os: string | null;
  /** The client's address, truncated when the workspace keeps no more. */
  ip: string | null;
}

export type IdentifyClaim =
  | { kind: 'signed_email'; email: string; token: string; traits: Record<string, string>; at: Date; url: string | null }
  | { kind: 'contact_token'; token: string; at: Date; url: string | null };

export interface PreparedBatch {
  workspaceId: string;
  visitorId: string;
  session: SessionDelta;
  events: EventRow[];
  identifies: IdentifyClaim[];
}

export interface IngestContext {
  /** Our clock, epoch ms. */
  now: number;
  /** The client's device, from its user agent (read once per request: bots are turned away on it first). */
  device: Device;
  /** The client's address as it is to be stored (truncated already, or null). */
  ip: string | null;
  /** The site's own hosts (a referral from them is not a source). */
  siteHosts: readonly string[];
}

/** Checks the ids a batch names; a forged or malformed one is the sender's error (400). */
export function checkIds(batch: Pick<EventBatchInput, 'workspace_id' | 'visitor_id' | 'session_id'>): void {
  const bad = (['workspace_id', 'visitor_id', 'session_id'] as const).filter((field) => !isVisitorId(batch[field]));
  if (bad.length) throw invalid('A batch names its workspace, visitor and session by lower-case UUIDs', bad.map((field) => ({ field, in: 'body' as const, message: 'must be a lower-case UUID' })));
}

/** The browser's time on our clock, never in the future and never older than MAX_EVENT_AGE_MS. */
export function correctedTime(at: number, sentAt: number | undefined, now: number): Date {
  const skew = sentAt !== undefined && Number.isFinite(sentAt) ? now - sentAt : 0;
  const corrected = Number.isFinite(at) ? at + skew : now;
  return new Date(Math.min(now, Math.max(now - MAX_EVENT_AGE_MS, corrected)));
}

/** A URL fit to store, with its path: http(s) only, without the contact token a tracked email link carries, cut; parsed once. */
export function storedUrl(url: string | null | undefined): { href: string; path: string } | null {
  const clean = cleanUrl(url ?? null, 8_192);
  if (!clean) return null;
  const parsed = new URL(clean);
  parsed.searchParams.delete(CONTACT_TOKEN_PARAM);
  return { href: parsed.href.slice(0, MAX_URL), path: parsed.pathname.slice(0, MAX_URL) };
}

const cut = (text: string | null | undefined, max: number): string | null => (text ? text.slice(0, max) : null);

function cleanProperties(properties: TrackedEventInput['properties']): EventRow['properties'] {
  if (!properties) return null;
  const out: NonNullable<EventRow['properties']> = {};
  for (const [key, value] of Object.entries(properties)) {
    if (typeof value === 'number' && !Number.isFinite(value)) continue;
    out[key] = typeof value === 'string' ? value.slice(0, MAX_PROPERTY_TEXT) : value;
  }
  return Object.keys(out).length ? out : null;
}

function eventRow(event: TrackedEventInput, occurredAt: Date): EventRow {
  const url = storedUrl(event.url);
  return {
    id: newId(occurredAt.getTime()),
    occurred_at: occurredAt,
    type: event.type,
    name: event.type === 'custom' ? cut(event.name, MAX_NAME) : null,
    url: url?.href ?? null,
    path: url?.path ?? null,
    title: cut(event.title, MAX_TITLE),
    referrer: event.type === 'page_view' ? (storedUrl(event.referrer)?.href ?? null) : null,
    target: event.type === 'click' || event.type === 'download' ? (storedUrl(event.target)?.href ?? null) : null,
    duration_ms: event.type === 'engagement' && event.duration_ms !== undefined ? Math.round(Math.min(event.duration_ms, MAX_DURATION_MS)) : null,
    properties: event.type === 'custom' ? cleanProperties(event.properties) : null,
  };
}

function identifyClaim(event: TrackedEventInput, at: Date, url: string | null): IdentifyClaim | null {
  if (event.contact_token) return { kind: 'contact_token', token: event.contact_token, at, url };
  if (event.email && event.token) {
    const traits: Record<string, string> = {};
    for (const [key, value] of Object.entries(event.traits ?? {})) if (typeof value === 'string' && value.trim()) traits[key] = value.trim();
    return { kind: 'signed_email', email: event.email, token: event.token, traits, at, url };
  }
  return null;
}

/**
 * The rows of one batch (its ids checked by checkIds first): events on our clock, the session's counts, and (from the first page
 * view, for a session seen for the first time) its landing page, referrer, channel and device.
 */
export function prepareBatch(batch: EventBatchInput, context: IngestContext): PreparedBatch {
  const events: EventRow[] = [];
  const identifies: IdentifyClaim[] = [];
  for (const input of batch.events) {
    const row = eventRow(input, correctedTime(input.at, batch.sent_at, context.now));
    events.push(row);
    if (input.type === 'identify') {
      const claim = identifyClaim(input, row.occurred_at, row.url);
      if (claim) identifies.push(claim);
    }
  }
  events.sort((a, b) => a.occurred_at.getTime() - b.occurred_at.getTime());
  const first = events[0]!;
  const last = events[events.length - 1]!;
  const landing = events.find((e) => e.type === 'page_view') ?? first;
  const landingHost = landing.url ? new URL(landing.url).hostname : null;
  const utm = utmOf(landing.url);
  // A referrer of the site itself (another of its hosts) is no source: such a visit is direct.
  const referrerHost = landing.referrer ? new URL(landing.referrer).hostname : null;
  const selfReferral = referrerHost !== null && context.siteHosts.includes(referrerHost);
  const { channel, source, medium } = classify({ utm, referrer: selfReferral ? null : landing.referrer, landingUrl: landing.url, siteHost: landingHost });
  const { device } = context;
  const pageViews = events.filter((e) => e.type === 'page_view');
  return {
    workspaceId: batch.workspace_id,
    visitorId: batch.visitor_id,
    session: {
      id: batch.session_id,
      startedAt: first.occurred_at,
      lastSeenAt: last.occurred_at,
      pageViews: pageViews.length,
      events: events.length,
      engagedMs: events.reduce((sum, e) => sum + (e.duration_ms ?? 0), 0),
      landingUrl: landing.url,
      exitUrl: pageViews.length ? pageViews[pageViews.length - 1]!.url : null,
      referrer: landing.referrer,
      channel,
      source,
      medium,
      campaign: utm.campaign,
      term: utm.term,
      content: utm.content,
      device: device.device,
      browser: device.browser,
      os: device.os,
      ip: context.ip,
    },
    events,
    identifies,
  };
}
