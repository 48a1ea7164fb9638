// Tracking over HTTP: what t.js posts (stored on commit, enriched, hostile input refused or kept
// as data), what must not be stored (bots, Do-Not-Track, no consent, another visitor's
// session), identity stitching (a form with the visitor id, a signed identify, a tracked email
// click) and the contact's sources, erasure, and the dashboard's reads.
import fs from 'node:fs';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { EventDispatcher } from '../../src/events/dispatcher.js';
import { randomUuid } from '../../src/modules/capture/visitor-id.js';
import { contactLinkToken, identifyProof } from '../../src/modules/tracking/identity.js';
import { identifyFromForms } from '../../src/modules/tracking/subscribers.js';
import { workspaceSettings } from '../../src/modules/workspaces/service.js';
import { call, createTenant, startTestServer, type Tenant, type TestServer } from '../helpers/server.js';

const hostile = JSON.parse(fs.readFileSync(new URL('../../../shared/fixtures/hostile-inputs.json', import.meta.url), 'utf8')) as Record<string, unknown>;
const CHROME = 'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/150.0.0.0 Safari/537.36';
const IPHONE = 'Mozilla/5.0 (iPhone; CPU iPhone OS 18_0 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.0 Mobile/15E148 Safari/604.1';

let server: TestServer;
let tenant: Tenant;
let other: Tenant;

const api = (path: string, method = 'GET', body?: unknown, who: Tenant = tenant) => call(server, path, { method, apiKey: who.apiKey, body });
const post = (body: unknown, headers: Record<string, string> = {}) =>
  fetch(`${server.url}/public/events`, { method: 'POST', body: typeof body === 'string' ? body : JSON.stringify(body), headers: { 'content-type': 'text/plain', 'user-agent': CHROME, ...headers } });

interface Browser {
  visitor: string;
  session: string;
}
const browser = (): Browser => ({ visitor: randomUuid(), session: randomUuid() });
const batch = (b: Browser, events: unknown[], extra: Record<string, unknown> = {}, who: Tenant = tenant) => ({
  workspace_id: who.workspaceId,
  visitor_id: b.visitor,
  session_id: b.session,
  sent_at: Date.now(),
  events,
  ...extra,
});
const view = (url: string, referrer: string | null = null, at = Date.now()) => ({ type: 'page_view', at, url, title: 'A page', referrer });
const events = async (query = '') => (await api(`/api/v1/tracking/events${query}`)).json.data as Array<Record<string, unknown>>;
const drain = () => new EventDispatcher(server.database, [identifyFromForms]).drain();

async function liveForm(): Promise<string> {
  const form = (await api('/api/v1/forms', 'POST', { template: 'newsletter', name: `Tracked form ${Math.random()}` })).json;
  const current = (await api(`/api/v1/forms/${form.id}`)).json;
  const draft = { ...current.draft, settings: { ...current.draft.settings, spam: { ...current.draft.settings.spam, min_fill_seconds: 0 } } };
  expect((await api(`/api/v1/forms/${form.id}`, 'PATCH', { draft, draft_revision: current.draft_revision })).status).toBe(200);
  expect((await api(`/api/v1/forms/${form.id}/publish`, 'POST')).status).toBe(201);
  return form.id;
}

beforeAll(async () => {
  server = await startTestServer({ config: { forms: { submitsPerIpPerMinute: 0 }, tracking: { batchesPerIpPerMinute: 0 } } as object });
  tenant = await createTenant(server, 'tracking');
  other = await createTenant(server, 'tracking-other');
});
afterAll(() => server.close());

describe('ingestion', () => {
  it('stores a batch once committed, with the visit’s channel, landing page and device', async () => {
    const b = browser();
    const response = await post(batch(b, [view('https://shop.example/pricing?utm_source=google&utm_medium=cpc&utm_campaign=spring', 'https://www.google.com/'), { type: 'custom', at: Date.now(), url: 'https://shop.example/pricing', name: 'plan_chosen', properties: { plan: 'pro', seats: 3 } }]), { 'user-agent': IPHONE });
    expect(response.status).toBe(204);
    expect(response.headers.get('access-control-allow-origin')).toBe('*');
    expect(response.headers.get('access-control-expose-headers')).toBe('retry-after');
    const stored = await events(`?visitor_id=${b.visitor}`);
    expect(stored.map((e) => e.type).sort()).toEqual(['custom', 'page_view']);
    expect(stored.find((e) => e.type === 'custom')).toMatchObject({ name: 'plan_chosen', properties: { plan: 'pro', seats: 3 }, channel: 'paid_search', campaign: 'spring', contact_id: null });
    const path = (await api(`/api/v1/tracking/visitors/${b.visitor}`)).json;
    expect(path.visitor).toMatchObject({ id: b.visitor, contact_id: null, sessions: 1, page_views: 1 });
    expect(path.sessions[0]).toMatchObject({ id: b.session, channel: 'paid_search', source: 'google', medium: 'cpc', campaign: 'spring', device: 'mobile', os: 'iOS', landing_url: 'https://shop.example/pricing?utm_source=google&utm_medium=cpc&utm_campaign=spring', page_views: 1, events: 2 });
    expect(path.sessions[0].path.map((e: { type: string }) => e.type)).toEqual(['page_view', 'custom']);
  });

  it('adds later batches of a session to it: counts, engagement and the exit page', async () => {
    const b = browser();
    const start = Date.now() - 60_000;
    expect((await post(batch(b, [view('https://shop.example/', null, start)]))).status).toBe(204);
    expect((await post(batch(b, [{ type: 'engagement', at: start + 30_000, url: 'https://shop.example/', duration_ms: 30_000 }, view('https://shop.example/blog', 'https://shop.example/', start + 31_000)]))).status).toBe(204);
    const [session] = (await api(`/api/v1/tracking/visitors/${b.visitor}`)).json.sessions;
    expect(session).toMatchObject({ channel: 'direct', page_views: 2, events: 3, engaged_ms: 30_000, exit_url: 'https://shop.example/blog', landing_url: 'https://shop.example/' });
    expect(session.duration_ms).toBeGreaterThanOrEqual(30_000);
  });

  it('corrects the browser’s clock, and clamps future and replayed times', async () => {
    const b = browser();
    const now = Date.now();
    // The browser's clock is an hour fast: its times are moved back by the difference.
    await post(batch(b, [view('https://shop.example/skewed', null, now + 3_600_000)], { sent_at: now + 3_600_000 }));
    await post(batch(b, [view('https://shop.example/future', null, now + 86_400_000 * 30)]));
    await post(batch(b, [view('https://shop.example/replayed', null, now - 86_400_000 * 400)]));
    const stored = await events(`?visitor_id=${b.visitor}`);
    const at = (path: string) => Date.parse(String(stored.find((e) => e.path === path)!.occurred_at));
    expect(Math.abs(at('/skewed') - now)).toBeLessThan(10_000);
    expect(at('/future')).toBeLessThanOrEqual(Date.now());
    expect(at('/replayed')).toBeGreaterThanOrEqual(now - 86_400_000 - 10_000);
  });

  it('keeps hostile text as data, refuses what is not a URL, and never stores a contact token from a URL', async () => {
    const b = browser();
    const xss = hostile.xss as string[];
    const urls = hostile.urls as string[];
    const batchEvents = [
      ...urls.map((url) => view(url, url)),
      ...xss.map((text) => ({ type: 'custom', at: Date.now(), url: `https://shop.example/?q=${encodeURIComponent(text)}&inflow_ct=secret-token`, name: text.slice(0, 200), properties: { [text.slice(0, 100)]: text } })),
      view('https://shop.example/a', null),
    ];
    expect((await post(batch(b, batchEvents))).status).toBe(204);
    const stored = await events(`?visitor_id=${b.visitor}&limit=200`);
    expect(stored).toHaveLength(batchEvents.length);
    const customs = stored.filter((e) => e.type === 'custom');
    expect(customs.map((e) => e.name).sort()).toEqual(xss.map((t) => t.slice(0, 200)).sort());
    for (const e of customs) expect(String(e.url)).not.toContain('inflow_ct');
    // javascript:, data: and gopher: are not pages: stored without a URL; http(s) ones are kept as text.
    const urlsStored = stored.filter((e) => e.type === 'page_view').map((e) => e.url);
    expect(urlsStored).toEqual(expect.arrayContaining(['http://169.254.169.254/latest/meta-data/', 'http://127.0.0.1:5432/', null]));
    expect(urlsStored.some((u) => typeof u === 'string' && /^(javascript|data|gopher):/i.test(u))).toBe(false);
  });

  it('answers malformed, oversized and forged batches with a problem, never a 500, and still works after', async () => {
    const b = browser();
    for (const body of hostile.malformed_bodies as string[]) {
      const response = await post(body);
      expect(response.status, body).toBe(400);
      expect(response.headers.get('content-type')).toContain('application/problem+json');
    }
    for (const body of [...(hostile.wrong_types_json as string[]), ...(hostile.prototype_pollution_json as string[])]) expect((await post(body)).status, body).toBe(400);
    const tooMany = await post(batch(b, Array.from({ length: 51 }, () => view('https://shop.example/'))));
    expect(tooMany.status).toBe(400);
    expect((await tooMany.json()).errors[0].field).toContain('events');
    expect((await post(batch(b, [{ ...view('https://shop.example/'), title: 'x'.repeat(70_000) }]))).status).toBe(413);
    expect((await post('['.repeat(5_000) + ']'.repeat(5_000))).status).toBe(400);
    const forged = await post({ ...batch(b, [view('https://shop.example/')]), visitor_id: '1' });
    expect([forged.status, (await forged.json()).errors[0].field]).toEqual([400, 'visitor_id']);
    const unknown = await post({ ...batch(b, [view('https://shop.example/')]), workspace_id: randomUuid() });
    expect(unknown.status).toBe(404);
    expect((await post(batch(b, [{ type: 'page_view', at: 'yesterday', url: 'https://shop.example/' }]))).status).toBe(400);
    expect((await post(batch(b, [view('https://shop.example/fine')]))).status).toBe(204);
  });

  it('drops and counts bots, Do-Not-Track and missing consent where the workspace says so, and another visitor’s session', async () => {
    const before = (await api('/api/v1/tracking/status')).json.dropped_last_7_days as Array<{ reason: string; batches: number }>;
    const count = (list: typeof before, reason: string) => list.find((d) => d.reason === reason)?.batches ?? 0;
    const bot = browser();
    expect((await post(batch(bot, [view('https://shop.example/')]), { 'user-agent': 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) HeadlessChrome/150.0.0.0 Safari/537.36' })).status).toBe(204);
    expect((await post(batch(bot, [view('https://shop.example/')]), { 'user-agent': 'Googlebot/2.1 (+http://www.google.com/bot.html)' })).status).toBe(204);
    const dnt = browser();
    // Honoured only once the workspace says so.
    await post(batch(dnt, [view('https://shop.example/dnt-before')], { dnt: true }));
    expect((await api('/api/v1/tracking/settings', 'PATCH', { respect_dnt: true, require_consent: true })).status).toBe(200);
    await post(batch(dnt, [view('https://shop.example/dnt-after')], { dnt: true, consent: true }));
    await post(batch(dnt, [view('https://shop.example/gpc-after')], { consent: true }), { 'sec-gpc': '1' });
    const consent = browser();
    await post(batch(consent, [view('https://shop.example/no-consent')]));
    await post(batch(consent, [view('https://shop.example/consented')], { consent: true }));
    expect((await api('/api/v1/tracking/settings', 'PATCH', { respect_dnt: false, require_consent: false })).status).toBe(200);
    const thief = browser();
    await post(batch({ visitor: thief.visitor, session: consent.session }, [view('https://shop.example/stolen-session')]));

    expect(await events(`?visitor_id=${bot.visitor}`)).toEqual([]);
    expect((await events(`?visitor_id=${dnt.visitor}`)).map((e) => e.path)).toEqual(['/dnt-before']);
    expect((await events(`?visitor_id=${consent.visitor}`)).map((e) => e.path)).toEqual(['/consented']);
    expect(await events(`?visitor_id=${thief.visitor}`)).toEqual([]);
    // Drops are counted in the background (summed, written every 100 ms).
    await vi.waitFor(async () => {
      const after = (await api('/api/v1/tracking/status')).json.dropped_last_7_days as typeof before;
      expect(['bot', 'do_not_track', 'no_consent', 'foreign_session'].map((reason) => count(after, reason) - count(before, reason))).toEqual([2, 2, 1, 1]);
    });
  });

  it('gives the snippet with the attributes the settings ask for', async () => {
    const settings = (await api('/api/v1/tracking/settings', 'PATCH', { require_consent: true, site_hosts: ['shop.example', 'www.shop.example'] })).json;
    expect(settings.snippet).toContain(`src="${server.url}/t.js" data-workspace="${tenant.workspaceId}" data-consent="required"`);
    expect(settings).not.toHaveProperty('identify_key');
    expect((await api('/api/v1/tracking/settings', 'PATCH', { require_consent: false, site_hosts: ['not a host'] })).status).toBe(400);
    expect((await api('/api/v1/tracking/settings', 'PATCH', { require_consent: false })).json.snippet).not.toContain('data-consent');
  });
});

describe('identity stitching', () => {
  it('joins a visitor’s anonymous visits to the contact a form makes, whose first touch is its first visit', async () => {
    const formId = await liveForm();
    const b = browser();
    const firstVisit = Date.now() - 3 * 3_600_000;
    await post(batch(b, [view('https://shop.example/?utm_source=newsletter&utm_medium=email&utm_campaign=launch', null, firstVisit)]));
    const second: Browser = { visitor: b.visitor, session: randomUuid() };
    await post(batch(second, [view('https://shop.example/webinar?utm_source=linkedin&utm_medium=paid_social&utm_campaign=webinar', 'https://www.linkedin.com/')]));
    const sent = await call(server, `/public/forms/${formId}/submit`, { method: 'POST', body: { email: 'stitched@shop.example', consent_email: true, _vid: b.visitor, _sid: `stitch-${b.visitor}`, _utm_source: 'linkedin', _utm_medium: 'paid_social', _utm_campaign: 'webinar' } });
    expect(sent.status).toBe(201);
    await drain();
    const contactId = (await api('/api/v1/contacts?q=stitched@shop.example')).json.data[0].id as string;
    const sources = (await api(`/api/v1/contacts/${contactId}/sources`)).json;
    expect(sources).toMatchObject({
      converted: true,
      first_touch: { channel: 'email', source: 'newsletter', campaign: 'launch' },
      last_touch: { channel: 'paid_social', source: 'linkedin', campaign: 'webinar' },
      conversion: { kind: 'form', form_id: formId },
      sessions_before_conversion: 2,
    });
    expect(sources.visitors).toMatchObject([{ id: b.visitor, identified_via: 'form', sessions: 2 }]);
    // The contact's own source fields say where the person first came from, not the visit that converted.
    const contact = (await api(`/api/v1/contacts/${contactId}`)).json;
    expect(contact).toMatchObject({ utm_campaign: 'launch', utm_source: 'newsletter', utm_medium: 'email' });
    expect((await events(`?contact_id=${contactId}`)).length).toBe(2);
    const timeline = (await api(`/api/v1/contacts/${contactId}/timeline?limit=50`)).json.data as Array<{ kind: string; data: Record<string, unknown> }>;
    expect(timeline.filter((t) => t.kind === 'site.visited').map((t) => t.data.campaign).sort()).toEqual(['launch', 'webinar']);
    expect(timeline.find((t) => t.kind === 'visitor.identified')?.data).toMatchObject({ visitor_id: b.visitor, sessions: 2, page_views: 2 });

    // Later events follow the contact at once, with their domain events and a timeline line for a new visit.
    await post(batch({ visitor: b.visitor, session: randomUuid() }, [view('https://shop.example/pricing', 'https://www.bing.com/')]));
    expect((await events(`?contact_id=${contactId}`)).length).toBe(3);
    const published = await server.database.db.selectFrom('domain_events').select(['kind', 'payload']).where('workspace_id', '=', tenant.workspaceId).where('contact_id', '=', contactId).where('kind', 'in', ['page.viewed', 'visitor.identified']).execute();
    expect(published.map((e) => e.kind).sort()).toEqual(['page.viewed', 'visitor.identified']);
    // A second delivery of the same form event changes nothing.
    await server.database.db.updateTable('event_subscribers').set({ cursor: sql`0` }).where('name', '=', 'tracking.identify').execute();
    await drain();
    expect((await api(`/api/v1/contacts/${contactId}/sources`)).json.sessions_before_conversion).toBe(2);
  });

  it('identifies a visitor by a signed identify call, and refuses an unsigned or wrongly signed one', async () => {
    const key = (await api('/api/v1/tracking/identify-key')).json.identify_key as string;
    expect(key).toMatch(/^[0-9a-f]{64}$/);
    const b = browser();
    await post(batch(b, [view('https://shop.example/app')]));
    const email = 'Signed.User@Shop.example';
    const wrong = await post(batch(b, [{ type: 'identify', at: Date.now(), url: 'https://shop.example/app', email, token: identifyProof('not-the-key', email) }]));
    expect(wrong.status).toBe(204);
    expect((await api(`/api/v1/tracking/visitors/${b.visitor}`)).json.visitor.contact_id).toBeNull();
    await post(batch(b, [{ type: 'identify', at: Date.now(), url: 'https://shop.example/app', email, token: identifyProof(key, email), traits: { first_name: 'Sig', last_name: '<b>Ned</b>', company: 'Acme Signed' } }]));
    const visitor = (await api(`/api/v1/tracking/visitors/${b.visitor}`)).json.visitor;
    expect(visitor).toMatchObject({ identified_via: 'identify' });
    const contact = (await api(`/api/v1/contacts/${visitor.contact_id}`)).json;
    expect(contact).toMatchObject({ email: 'Signed.User@shop.example', first_name: 'Sig', last_name: '<b>Ned</b>', company_name: 'Acme Signed', origin: 'tracking' });
    const rotated = (await api('/api/v1/tracking/identify-key/rotate', 'POST')).json.identify_key;
    expect(rotated).not.toBe(key);
  });

  it('identifies the visitor who follows a tracked email link, and not with another workspace’s token', async () => {
    const contact = (await api('/api/v1/contacts', 'POST', { email: 'clicker@shop.example' })).json;
    const secret = (await workspaceSettings(server.database.db, tenant.workspaceId))!.secret;
    const otherSecret = (await workspaceSettings(server.database.db, other.workspaceId))!.secret;
    const b = browser();
    const forged = contactLinkToken(otherSecret, tenant.workspaceId, contact.id, new Date(Date.now() + 3_600_000));
    await post(batch(b, [{ type: 'identify', at: Date.now(), url: 'https://shop.example/', contact_token: forged }]));
    expect((await api(`/api/v1/tracking/visitors/${b.visitor}`)).json.visitor.contact_id).toBeNull();
    const token = contactLinkToken(secret, tenant.workspaceId, contact.id, new Date(Date.now() + 3_600_000));
    await post(batch(b, [view(`https://shop.example/offer?inflow_ct=${token}`), { type: 'identify', at: Date.now(), url: 'https://shop.example/offer', contact_token: token }]));
    expect((await api(`/api/v1/tracking/visitors/${b.visitor}`)).json.visitor).toMatchObject({ contact_id: contact.id, identified_via: 'email_click' });
    expect((await api(`/api/v1/contacts/${contact.id}/sources`)).json.conversion).toMatchObject({ kind: 'email_click' });
  });

  it('erases a person’s browsing with them, and merges it into the survivor', async () => {
    const key = (await api('/api/v1/tracking/identify-key')).json.identify_key as string;
    const b = browser();
    const email = 'erase-me@shop.example';
    await post(batch(b, [view('https://shop.example/private'), { type: 'identify', at: Date.now(), url: 'https://shop.example/private', email, token: identifyProof(key, email) }]));
    const contactId = (await api(`/api/v1/tracking/visitors/${b.visitor}`)).json.visitor.contact_id as string;
    const exported = (await api(`/api/v1/contacts/${contactId}/export`)).json;
    expect(exported.tracking_sessions).toHaveLength(1);
    expect(exported.tracking_events.length).toBeGreaterThan(0);
    expect((await api(`/api/v1/contacts/${contactId}/erase`, 'POST')).status).toBe(200);
    expect(await events(`?visitor_id=${b.visitor}`)).toEqual([]);
    expect((await api(`/api/v1/tracking/visitors/${b.visitor}`)).status).toBe(404);
  });
});

describe('the dashboard’s reads', () => {
  it('shows visitors now, top pages and channel figures, and nothing of another workspace', async () => {
    const live = (await api('/api/v1/tracking/live')).json;
    expect(live.visitors_now).toBeGreaterThan(0);
    expect(live.visitors[0]).toHaveProperty('current_url');
    // Known visitors are named (anonymous ones are not).
    expect(live.visitors.map((v: { contact_name: string | null }) => v.contact_name)).toContain('stitched@shop.example');
    const pages = (await api('/api/v1/tracking/pages')).json.pages as Array<{ path: string; views: number }>;
    expect(pages.find((p) => p.path === '/pricing')?.views).toBeGreaterThan(0);
    const channels = (await api('/api/v1/tracking/channels')).json;
    expect(channels.totals.find((t: { channel: string }) => t.channel === 'paid_search').visits).toBeGreaterThan(0);
    expect(channels.totals.find((t: { channel: string }) => t.channel === 'email').leads).toBeGreaterThan(0);
    const theirs = (await call(server, '/api/v1/tracking/events', { apiKey: other.apiKey })).json;
    expect(theirs.data).toEqual([]);
    expect((await call(server, '/api/v1/tracking/live', { apiKey: other.apiKey })).json.visitors_now).toBe(0);
    const status = (await api(`/api/v1/tracking/status?since=${encodeURIComponent(new Date(Date.now() - 3_600_000).toISOString())}`)).json;
    expect(status.events_since).toBeGreaterThan(0);
    expect(status.last_event_at).not.toBeNull();
  });
});

describe('back-pressure', () => {
  it('answers 503 with Retry-After while the database holds the writes, stores what it took, and recovers', async () => {
    const small = await startTestServer({ config: { tracking: { batchesPerIpPerMinute: 0, maxQueue: 3 } } as object });
    try {
      const who = await createTenant(small, 'tracking-busy');
      const send = (b: Browser) =>
        fetch(`${small.url}/public/events`, { method: 'POST', body: JSON.stringify(batch(b, [view('https://shop.example/busy')], {}, who)), headers: { 'content-type': 'text/plain', 'user-agent': CHROME } });
      await send(browser());
      let release!: () => void;
      const held = new Promise<void>((resolve) => (release = resolve));
      let locked!: () => void;
      const isLocked = new Promise<void>((resolve) => (locked = resolve));
      const holder = small.database.db.transaction().execute(async (tx) => {
        await sql`lock table tracking_visitors in exclusive mode`.execute(tx);
        locked();
        await held;
      });
      await isLocked;
      const browsers = Array.from({ length: 12 }, browser);
      const answers = browsers.map(send);
      const refused = await Promise.race([Promise.all(answers), new Promise<Response[]>((resolve) => setTimeout(() => resolve([]), 2_000))]);
      expect(refused).toEqual([]);
      release();
      await holder;
      const statuses = (await Promise.all(answers)).map((r) => r.status);
      const busy = (await Promise.all(answers)).filter((r) => r.status === 503);
      expect(busy.length).toBeGreaterThan(0);
      expect(busy[0]!.headers.get('retry-after')).toBe('1');
      const stored = await small.database.db.selectFrom('tracking_events').select(sql<number>`count(*)::int`.as('n')).where('workspace_id', '=', who.workspaceId).executeTakeFirstOrThrow();
      expect(stored.n).toBe(1 + statuses.filter((s) => s === 204).length);
      expect((await send(browser())).status).toBe(204);
    } finally {
      await small.close();
    }
  });
});
