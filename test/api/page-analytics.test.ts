// Conversion figures of landing pages over HTTP: the served page's view beacon (f.js's
// `data-page`), unique visitors, submissions counted from a real form post's `_src`, the UTM
// split, days, the list's last 30 days, and each workspace kept to its own pages.
import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EventDispatcher } from '../../src/events/dispatcher.js';
import { purgeOldPageFigures, PAGE_FIGURES_KEPT_DAYS } from '../../src/modules/capture/pages/figures.js';
import { submissionStats } from '../../src/modules/capture/subscribers.js';
import { randomUuid } from '../../src/modules/capture/visitor-id.js';
import { call, createTenant, startTestServer, type Tenant, type TestServer } from '../helpers/server.js';

const hostile = JSON.parse(fs.readFileSync(new URL('../../../shared/fixtures/hostile-inputs.json', import.meta.url), 'utf8')) as Record<string, unknown>;
const BROWSER = 'Mozilla/5.0 (X11; Linux x86_64) Chrome/150.0 Safari/537.36';

let server: TestServer;
let tenant: Tenant;
let other: Tenant;

const api = (path: string, method = 'GET', body?: unknown, who: Tenant = tenant) => call(server, path, { method, apiKey: who.apiKey, body });
const view = (pageId: string, fields: Record<string, string>, userAgent = BROWSER) =>
  fetch(`${server.url}/public/pages/${pageId}/view`, { method: 'POST', body: new URLSearchParams(fields), headers: { 'user-agent': userAgent } });
const today = () => new Date().toISOString().slice(0, 10);

async function liveForm(who: Tenant): Promise<string> {
  const form = (await api('/api/v1/forms', 'POST', { template: 'newsletter', name: `Page form ${Math.random()}` }, who)).json;
  const current = (await api(`/api/v1/forms/${form.id}`, 'GET', undefined, who)).json;
  const draft = { ...current.draft, settings: { ...current.draft.settings, spam: { ...current.draft.settings.spam, min_fill_seconds: 0 } } };
  expect((await api(`/api/v1/forms/${form.id}`, 'PATCH', { draft, draft_revision: current.draft_revision }, who)).status).toBe(200);
  expect((await api(`/api/v1/forms/${form.id}/publish`, 'POST', undefined, who)).status).toBe(201);
  return form.id;
}

async function livePage(who: Tenant, formId: string, slug: string): Promise<string> {
  const page = await api('/api/v1/pages', 'POST', { template: 'ebook', slug, form_id: formId }, who);
  expect(page.status, page.text).toBe(201);
  expect((await api(`/api/v1/pages/${page.json.id}/publish`, 'POST', undefined, who)).status).toBe(201);
  return page.json.id;
}

const submit = (formId: string, email: string, src: string, utm?: string) =>
  call(server, `/public/forms/${formId}/submit`, { method: 'POST', body: { email, consent_email: true, _src: src, _sid: `pa-${email}`, ...(utm ? { _utm_source: utm } : {}) } });
const settle = () => new EventDispatcher(server.database, [submissionStats]).drain();

beforeAll(async () => {
  server = await startTestServer({ config: { forms: { submitsPerIpPerMinute: 0 } } as object });
  tenant = await createTenant(server, 'page-analytics');
  other = await createTenant(server, 'page-analytics-other');
});
afterAll(() => server.close());

describe('page conversion figures', () => {
  it('serves every page with f.js naming it, and counts views, unique visitors, submissions and conversion by day and UTM source', async () => {
    const formId = await liveForm(tenant);
    const pageId = await livePage(tenant, formId, 'pa-guide');
    const served = await call(server, '/p/pa-guide');
    expect(served.text).toContain(`<script src="/f.js" data-page="${pageId}" async></script>`);

    const [alice, bob, carol] = [randomUuid(), randomUuid(), randomUuid()];
    for (const fields of [{ vid: alice, utm_source: 'Newsletter' }, { vid: alice }, { vid: bob, utm_source: 'newsletter' }, { vid: carol }]) {
      expect((await view(pageId, fields)).status).toBe(204);
    }
    // Crawlers render pages too: dropped.
    expect((await view(pageId, { vid: randomUuid() }, 'Mozilla/5.0 (compatible; Googlebot/2.1)')).status).toBe(204);
    expect((await submit(formId, 'alice@pa.example', `page:${pageId}`, 'newsletter')).status).toBe(201);
    // A post of the form from elsewhere is not the page's.
    expect((await submit(formId, 'elsewhere@pa.example', '')).status).toBe(201);
    await settle();

    const figures = (await api(`/api/v1/pages/${pageId}/analytics`)).json;
    expect(figures.totals).toEqual({ views: 4, visitors: 3, submissions: 1, conversion_rate: 0.333 });
    expect(figures.by_day).toEqual([{ day: today(), views: 4, visitors: 3, submissions: 1, conversion_rate: 0.333 }]);
    expect(figures.by_source).toEqual([
      { utm_source: 'newsletter', views: 3, visitors: 2, submissions: 1, conversion_rate: 0.5 },
      { utm_source: null, views: 1, visitors: 1, submissions: 0, conversion_rate: 0 },
    ]);
    const listed = (await api('/api/v1/pages')).json.data.find((p: { id: string }) => p.id === pageId);
    expect(listed.last_30_days).toEqual(figures.totals);
    // A period without the day has nothing.
    const before = (await api(`/api/v1/pages/${pageId}/analytics?from=2025-01-01&to=2025-01-31`)).json;
    expect([before.totals, before.by_day, before.by_source]).toEqual([{ views: 0, visitors: 0, submissions: 0, conversion_rate: null }, [], []]);
  });

  it('counts unique visitors over a period, not per day, and purges what is older than the window', async () => {
    const formId = await liveForm(tenant);
    const pageId = await livePage(tenant, formId, 'pa-days');
    const visitor = randomUuid();
    const db = server.database.db;
    await db.insertInto('page_visitors_daily').values([
      { workspace_id: tenant.workspaceId, page_id: pageId, day: '2026-03-01', visitor_id: visitor, utm_source: 'ads', views: 2 },
      { workspace_id: tenant.workspaceId, page_id: pageId, day: '2026-03-02', visitor_id: visitor, utm_source: '', views: 1 },
      { workspace_id: tenant.workspaceId, page_id: pageId, day: '2026-03-02', visitor_id: randomUuid(), utm_source: '', views: 1 },
    ]).execute();
    await db.insertInto('page_stats_daily').values({ workspace_id: tenant.workspaceId, page_id: pageId, day: '2026-03-02', utm_source: '', submissions: 1 }).execute();
    const figures = (await api(`/api/v1/pages/${pageId}/analytics?from=2026-03-01&to=2026-03-02`)).json;
    expect(figures.totals).toEqual({ views: 4, visitors: 2, submissions: 1, conversion_rate: 0.5 });
    expect(figures.by_day).toEqual([
      { day: '2026-03-01', views: 2, visitors: 1, submissions: 0, conversion_rate: 0 },
      { day: '2026-03-02', views: 2, visitors: 2, submissions: 1, conversion_rate: 0.5 },
    ]);

    const old = new Date(Date.now() - (PAGE_FIGURES_KEPT_DAYS + 2) * 86_400_000).toISOString().slice(0, 10);
    await db.insertInto('page_visitors_daily').values({ workspace_id: tenant.workspaceId, page_id: pageId, day: old, visitor_id: visitor, utm_source: '', views: 1 }).execute();
    await db.insertInto('page_stats_daily').values({ workspace_id: tenant.workspaceId, page_id: pageId, day: old, utm_source: '', submissions: 1 }).execute();
    await purgeOldPageFigures(db);
    const days = await db.selectFrom('page_visitors_daily').select('day').where('workspace_id', '=', tenant.workspaceId).where('page_id', '=', pageId).execute();
    expect(days.map((d) => String(d.day))).not.toContain(old);
    expect(await db.selectFrom('page_stats_daily').select('day').where('workspace_id', '=', tenant.workspaceId).where('page_id', '=', pageId).where('day', '=', old).execute()).toEqual([]);
  });

  it('keeps each workspace to its own pages: a forged _src or view of another workspace counts nowhere', async () => {
    const mineForm = await liveForm(tenant);
    const pageId = await livePage(tenant, mineForm, 'pa-mine');
    const theirForm = await liveForm(other);
    const theirPage = await livePage(other, theirForm, 'pa-theirs');
    // Their form claims my page; my form claims their page: neither page gains.
    expect((await submit(theirForm, 'forger@pa.example', `page:${pageId}`)).status).toBe(201);
    expect((await submit(mineForm, 'forger2@pa.example', `page:${theirPage}`)).status).toBe(201);
    await settle();
    expect((await api(`/api/v1/pages/${pageId}/analytics`)).json.totals.submissions).toBe(0);
    expect((await api(`/api/v1/pages/${theirPage}/analytics`, 'GET', undefined, other)).json.totals.submissions).toBe(0);
    expect((await api(`/api/v1/pages/${pageId}/analytics`, 'GET', undefined, other)).status).toBe(404);
    expect((await api(`/api/v1/pages/${theirPage}/analytics`)).status).toBe(404);
    expect((await view(theirPage, { vid: randomUuid() })).status).toBe(204);
    expect((await api(`/api/v1/pages/${pageId}/analytics`)).json.totals.views).toBe(0);
    const rows = await server.database.db.selectFrom('page_stats_daily').selectAll().where('workspace_id', '=', other.workspaceId).execute();
    expect(rows).toEqual([]);
  });

  it('drops views of unknown and unpublished pages, answers malformed beacons and periods with problems, never a 500', async () => {
    const formId = await liveForm(tenant);
    const pageId = await livePage(tenant, formId, 'pa-hostile');
    expect((await view(randomUuid(), { vid: randomUuid() })).status).toBe(204);
    expect((await view(encodeURIComponent("' or 1=1 --"), { vid: randomUuid() })).status).toBe(204);
    expect((await api(`/api/v1/pages/${pageId}/unpublish`, 'POST')).status).toBe(200);
    expect((await view(pageId, { vid: randomUuid() })).status).toBe(204);
    expect((await api(`/api/v1/pages/${pageId}/analytics`)).json.totals.views).toBe(0);
    expect((await api(`/api/v1/pages/${pageId}/publish`, 'POST')).status).toBe(201);

    const missing = await view(pageId, {});
    expect([missing.status, missing.headers.get('content-type')]).toEqual([400, expect.stringContaining('application/problem+json')]);
    expect((await missing.json()).errors[0].field).toBe('vid');
    expect((await view(pageId, { vid: 'NOT-A-VISITOR' })).status).toBe(400);
    for (const body of ['{"vid":', 'vid=x&'.repeat(400), '\u0000', '%%%', `vid=${randomUuid()}&utm_source=a&utm_source=b`]) {
      const sent = await fetch(`${server.url}/public/pages/${pageId}/view`, { method: 'POST', body, headers: { 'content-type': 'application/x-www-form-urlencoded' } });
      expect(sent.status, body.slice(0, 20)).toBeGreaterThanOrEqual(400);
      expect(sent.status, body.slice(0, 20)).toBeLessThan(500);
    }
    const json = await fetch(`${server.url}/public/pages/${pageId}/view`, { method: 'POST', body: JSON.stringify({ vid: { $gt: '' } }), headers: { 'content-type': 'application/json' } });
    expect(json.status).toBe(400);
    // Hostile sources stay data: stored trimmed and lower-cased, answered as they are.
    const strings = Object.values(hostile).flat().filter((s): s is string => typeof s === 'string').slice(0, 20);
    for (const source of strings) expect((await view(pageId, { vid: randomUuid(), utm_source: source })).status, source).toBe(204);
    const figures = (await api(`/api/v1/pages/${pageId}/analytics`)).json;
    expect(figures.totals.visitors).toBe(strings.length);
    for (const period of ['from=2026-02-30', 'to=yesterday', 'from=2026-03-02&to=2026-03-01', 'from=2020-01-01&to=2026-01-01']) {
      const bad = await api(`/api/v1/pages/${pageId}/analytics?${period}`);
      expect([bad.status, bad.headers.get('content-type')], period).toEqual([400, expect.stringContaining('application/problem+json')]);
    }
  });
});
