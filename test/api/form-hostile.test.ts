import fs from 'node:fs';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { escapeHtml } from '../../src/modules/capture/render/html.js';
import { call, createTenant, startTestServer, type Tenant, type TestServer } from '../helpers/server.js';

// Every hostile string of the shared fixtures, in every kind of field, by JSON and by a plain
// HTML post: a form is the one door of Inflow that anybody on the internet can knock on.
const hostile = JSON.parse(fs.readFileSync(new URL('../../../shared/fixtures/hostile-inputs.json', import.meta.url), 'utf8')) as Record<string, unknown>;
const strings = Object.entries(hostile)
  .filter(([category, values]) => Array.isArray(values) && !['wrong_types_json', 'malformed_bodies', 'prototype_pollution_json'].includes(category))
  .flatMap(([, values]) => values as string[]);

let server: TestServer;
let tenant: Tenant;
let formId: string;

const none = { to: 'none' } as const;
// One field of each of the twelve kinds; the free-text ones keep any string, the others say why not.
const fields = [
  { key: 'email', kind: 'email', label: 'Email', required: true, business_only: false, maps_to: { to: 'standard', field: 'email' } },
  { key: 'first_name', kind: 'text', label: 'First name', required: false, max_length: 500, format: 'plain', maps_to: { to: 'standard', field: 'first_name' } },
  { key: 'site', kind: 'text', label: 'Website', required: false, max_length: 500, format: 'url', maps_to: none },
  { key: 'notes', kind: 'textarea', label: 'Notes', required: false, max_length: 5000, maps_to: none },
  { key: 'seats', kind: 'number', label: 'Seats', required: false, integer: true, maps_to: none },
  { key: 'phone', kind: 'phone', label: 'Phone', required: false, maps_to: { to: 'standard', field: 'phone' } },
  { key: 'plan', kind: 'select', label: 'Plan', required: false, display: 'dropdown', options: [{ value: 'pro', label: '<b>Pro</b>' }], maps_to: none },
  { key: 'topics', kind: 'multiselect', label: 'Topics', required: false, options: [{ value: 'seo', label: 'SEO' }], maps_to: none },
  { key: 'agree', kind: 'checkbox', label: 'Agree', required: false, maps_to: none },
  { key: 'when', kind: 'date', label: 'When', required: false, maps_to: none },
  { key: 'country', kind: 'country', label: 'Country', required: false, maps_to: { to: 'standard', field: 'country' } },
  { key: 'news', kind: 'consent', label: 'News', required: false, purpose: 'email_marketing', text: 'Send me news.', maps_to: none },
  { key: 'campaign', kind: 'hidden', label: 'Campaign', required: false, source: 'utm_campaign', maps_to: none },
] as const;
const freeText = new Set(['first_name', 'notes', 'campaign']);

const definition = {
  fields,
  progressive: { enabled: false, queue: [] },
  settings: {
    submit_label: 'Send', after_submit: { type: 'message', message: 'Thanks' }, tags: [], list_ids: [], lifecycle_stage: null,
    notify_emails: [], double_opt_in: false, follow_up_email: null, allowed_origins: [],
    spam: { min_fill_seconds: 0, max_per_ip_per_hour: 0, max_per_form_per_minute: 0, blocked_domains: [], block_disposable: false },
  },
};

let n = 0;
const address = () => `hostile-${++n}@acme.example`;
const postJson = (body: unknown) => call(server, `/public/forms/${formId}/submit`, { method: 'POST', body });
const postUrlencoded = (params: URLSearchParams, accept = 'application/json') =>
  fetch(`${server.url}/public/forms/${formId}/submit`, { method: 'POST', redirect: 'manual', body: params.toString(), headers: { 'content-type': 'application/x-www-form-urlencoded', accept } });

async function stored(submissionId: string) {
  const { rows } = await sql<{ values: Record<string, unknown> }>`select values from form_submissions where id = ${submissionId}`.execute(server.database.db);
  const events = await sql<{ payload: { values: Record<string, unknown> } }>`select payload from domain_events where kind = 'form.submitted' and payload->>'submission_id' = ${submissionId}`.execute(server.database.db);
  return { values: rows[0]!.values, event: events.rows[0]!.payload.values };
}

/** What the engine keeps of a string: NFC, outer whitespace trimmed (NUL is refused before). */
const kept = (value: string) => value.normalize('NFC').trim();

/** A refused answer names its field and nothing else; an accepted one is stored and published alike. */
async function expectAnsweredWell(status: number, body: any, key: string, value: string) {
  expect({ key, value, status }).toEqual({ key, value, status: status === 400 ? 400 : 201 });
  if (status === 400) {
    expect(body.errors.map((e: { field: string }) => e.field)).toEqual([key]);
    return;
  }
  const { values, event } = await stored(body.submission_id);
  expect(event).toEqual(values);
  if (freeText.has(key) && kept(value) !== '') expect({ key, value: values[key] }).toEqual({ key, value: kept(value) });
}

beforeAll(async () => {
  server = await startTestServer({ config: { forms: { submitsPerIpPerMinute: 0 } } });
  tenant = await createTenant(server, 'forms-hostile');
  const created = await call(server, '/api/v1/forms', { method: 'POST', apiKey: tenant.apiKey, body: { name: 'Hostile', definition } });
  expect(created.status).toBe(201);
  formId = created.json.id;
  expect((await call(server, `/api/v1/forms/${formId}/publish`, { method: 'POST', apiKey: tenant.apiKey })).status).toBe(201);
});
afterAll(() => server.close());

describe('every hostile string in every kind of field', () => {
  const keys = fields.filter((f) => f.key !== 'email').map((f) => f.key);

  it('by JSON: stored as data and published unchanged, or refused with that field’s error, never a 500', async () => {
    for (const key of keys) {
      for (const value of strings) {
        if (value.includes('\u0000')) continue;
        const response = await postJson({ email: address(), [key]: value });
        await expectAnsweredWell(response.status, response.json, key, value);
      }
    }
  });

  it('by a plain HTML post: the same, and the free-text fields keep every string', async () => {
    for (const key of keys) {
      for (const value of strings) {
        if (value.includes('\u0000')) continue;
        const response = await postUrlencoded(new URLSearchParams({ email: address(), [key]: value }));
        const body = await response.json();
        await expectAnsweredWell(response.status, body, key, value);
        if (freeText.has(key) && kept(value) !== '' && kept(value).length <= 500) expect({ key, value, status: response.status }).toEqual({ key, value, status: 201 });
      }
    }
  });

  it('as the email itself: valid unusual addresses are contacts, invalid ones an email error', async () => {
    const fixtures = hostile as Record<string, string[]>;
    for (const value of fixtures.emails_valid_unusual!) {
      const response = await postJson({ email: value });
      expect({ value, status: response.status }).toEqual({ value, status: 201 });
    }
    for (const value of [...fixtures.emails_invalid!, ...fixtures.header_injection!, ...fixtures.xss!]) {
      const response = await postJson({ email: value });
      expect({ value, status: response.status }).toEqual({ value, status: 400 });
      expect(response.json.errors.map((e: { field: string }) => e.field)).toEqual(['email']);
    }
  });

  it('shows the form again escaped when a plain HTML post is refused: the values kept, no markup of theirs', async () => {
    for (const value of (hostile as Record<string, string[]>).xss!) {
      const response = await postUrlencoded(new URLSearchParams({ email: 'not an email', notes: value, first_name: value, seats: value }), 'text/html');
      expect(response.status).toBe(400);
      const html = await response.text();
      if (/[<>"&]/.test(value)) expect(html).not.toContain(value);
      // Their markup comes back as text: no element of theirs, the typed value kept in the field.
      expect(html).not.toMatch(/<(img|script|svg|iframe|a )/i);
      expect(html).toContain(`<textarea name="notes" id="f-notes" rows="4">${escapeHtml(value)}</textarea>`);
      expect(html).toContain('is not a valid email address');
    }
  });

  it('reflects nothing of the query string or the Referer on the hosted pages', async () => {
    const marker = '"><script>alert(1)</script>';
    for (const path of [`/f/${formId}`, `/f/${formId}/thanks`]) {
      const response = await fetch(`${server.url}${path}?v=${encodeURIComponent(marker)}&redirect=${encodeURIComponent('https://evil.example')}&${encodeURIComponent(marker)}=1`, {
        headers: { referer: `https://evil.example/${encodeURIComponent(marker)}` },
      });
      expect(response.status).toBeLessThan(500);
      const html = await response.text();
      expect(html).not.toContain('<script>alert(1)');
      expect(html).not.toContain('evil.example');
    }
    const refused = await fetch(`${server.url}/public/forms/${formId}/submit?redirect=https://evil.example`, {
      method: 'POST', redirect: 'manual', body: 'email=bad', headers: { 'content-type': 'application/x-www-form-urlencoded', referer: `https://evil.example/${marker}` },
    });
    expect(refused.status).toBe(400);
    expect(refused.headers.get('location')).toBeNull();
    const html = await refused.text();
    expect(html).not.toContain('evil.example');
    expect(html).not.toContain('<script>alert(1)');
  });
});
