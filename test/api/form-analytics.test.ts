// A form's figures: views, starts and field drop-off from f.js's beacons and the hosted page,
// submissions from the form.submitted subscriber, read back per day, per page and per field.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EventDispatcher } from '../../src/events/dispatcher.js';
import { submissionStats } from '../../src/modules/capture/subscribers.js';
import { call, createTenant, startTestServer, type Tenant, type TestServer } from '../helpers/server.js';

let server: TestServer;
let tenant: Tenant;
let formId: string;

const api = (path: string) => call(server, path, { apiKey: tenant.apiKey });
const beacon = (id: string, fields: Record<string, string>, contentType = 'application/x-www-form-urlencoded') =>
  fetch(`${server.url}/public/forms/${id}/events`, { method: 'POST', body: new URLSearchParams(fields).toString(), headers: { 'content-type': contentType, origin: 'https://site.example' } });

beforeAll(async () => {
  server = await startTestServer({ config: { forms: { submitsPerIpPerMinute: 0 } } as object });
  tenant = await createTenant(server, 'form-analytics');
  const created = await call(server, '/api/v1/forms', { method: 'POST', apiKey: tenant.apiKey, body: { template: 'contact-sales', name: 'Demo request' } });
  formId = created.json.id;
  expect((await call(server, `/api/v1/forms/${formId}/publish`, { method: 'POST', apiKey: tenant.apiKey })).status).toBe(201);
});
afterAll(() => server.close());

describe('form analytics', () => {
  it('counts views, starts and where visitors left, per page, and ignores made-up fields', async () => {
    const fieldKeys = ((await call(server, `/public/forms/${formId}`)).json.fields as Array<{ key: string }>).map((f) => f.key);
    const [first, second] = fieldKeys;
    const pricing = 'https://site.example/pricing?utm_source=ads';
    const home = 'https://site.example/';
    const answers = await Promise.all([
      beacon(formId, { e: 'view', _page: pricing }),
      beacon(formId, { e: 'view', _page: 'https://site.example/pricing/?utm_source=mail' }),
      beacon(formId, { e: 'view', _page: home }),
      beacon(formId, { e: 'start', _page: pricing }),
      beacon(formId, { e: 'fields', _page: pricing, touched: `${first},${second},made_up`, last: second!, submitted: '0' }),
      beacon(formId, { e: 'fields', _page: pricing, touched: first!, last: first!, submitted: '1' }),
    ]);
    expect(answers.map((a) => a.status)).toEqual([204, 204, 204, 204, 204, 204]);
    expect(answers[0]!.headers.get('access-control-allow-origin')).toBe('*');
    expect((await fetch(`${server.url}/f/${formId}`)).status).toBe(200);

    // The hosted page's view is written with the next flush of the counters, without its answer waiting.
    await expect.poll(async () => (await api(`/api/v1/forms/${formId}/analytics`)).json.totals.views).toBe(4);
    const { json, status } = await api(`/api/v1/forms/${formId}/analytics`);
    expect(status).toBe(200);
    expect(json.totals).toEqual({ views: 4, starts: 1, submissions: 0, spam: 0, conversion_rate: 0 });
    expect(json.by_page).toEqual(expect.arrayContaining([
      expect.objectContaining({ url: 'https://site.example/pricing', views: 2, starts: 1 }),
      expect.objectContaining({ url: 'https://site.example', views: 1 }),
      expect.objectContaining({ url: null, views: 1 }),
    ]));
    const byKey = Object.fromEntries((json.fields as Array<{ key: string }>).map((f) => [f.key, f]));
    expect(byKey[first!]).toMatchObject({ reached: 2, abandoned: 0 });
    expect(byKey[second!]).toMatchObject({ reached: 1, abandoned: 1, drop_off_rate: 1 });
    expect(byKey.made_up).toBeUndefined();
  });

  it('adds submissions from form.submitted, so conversion is submissions over views', async () => {
    const fields = (await call(server, `/public/forms/${formId}`)).json.fields as Array<{ key: string; kind: string; required: boolean; options?: Array<{ value: string }> }>;
    const body: Record<string, unknown> = { _sid: `s-${Date.now()}`, _page: 'https://site.example/pricing' };
    for (const f of fields) {
      if (!f.required) continue;
      body[f.key] = f.kind === 'email' ? 'ada@analytics-example.org' : f.kind === 'consent' || f.kind === 'checkbox' ? true : f.options ? f.options[0]!.value : 'Ada';
    }
    const sent = await call(server, `/public/forms/${formId}/submit`, { method: 'POST', body });
    expect(sent.status, JSON.stringify(sent.json)).toBe(201);
    await new EventDispatcher(server.database, [submissionStats]).drain();
    const { json } = await api(`/api/v1/forms/${formId}/analytics`);
    expect(json.totals).toMatchObject({ views: 4, submissions: 1, conversion_rate: 0.25 });
    expect(json.by_day).toHaveLength(1);
  });

  it('refuses beacons that are not form events, for forms that are not live, and periods that make no sense', async () => {
    expect((await beacon(formId, { e: 'click' })).status).toBe(400);
    expect((await beacon('0190f0f0-0000-7000-8000-00000000dead', { e: 'view' })).status).toBe(404);
    const big = await fetch(`${server.url}/public/forms/${formId}/events`, { method: 'POST', body: `e=view&_page=${'x'.repeat(10_000)}`, headers: { 'content-type': 'application/x-www-form-urlencoded' } });
    expect(big.status).toBe(413);
    expect((await api(`/api/v1/forms/${formId}/analytics?from=2026-02-30`)).status).toBe(400);
    expect((await api(`/api/v1/forms/${formId}/analytics?from=2026-03-02&to=2026-03-01`)).status).toBe(400);
    expect((await api(`/api/v1/forms/${formId}/analytics?from=2020-01-01&to=2026-01-01`)).status).toBe(400);
    expect((await api(`/api/v1/forms/0190f0f0-0000-7000-8000-00000000dead/analytics`)).status).toBe(404);
  });
});
