import fs from 'node:fs';
import { sql } from 'kysely';
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addUser, call, createTenant, login, startTestServer, type Tenant, type TestServer } from '../helpers/server.js';

const hostile = JSON.parse(fs.readFileSync(new URL('../../../shared/fixtures/hostile-inputs.json', import.meta.url), 'utf8')) as Record<string, string[]>;

let server: TestServer;
let tenant: Tenant;
let formId: string;
let counter = 0;
const sid = () => `subs-${Date.now()}-${++counter}`;

const api = (path: string, method = 'GET', body?: unknown) => call(server, path, { method, apiKey: tenant.apiKey, body });
const post = (id: string, body: Record<string, unknown>) => call(server, `/public/forms/${id}/submit`, { method: 'POST', body: { _sid: sid(), ...body } });

function definition(fields: unknown[] = [], spam: Record<string, unknown> = {}) {
  return {
    fields: [
      { key: 'email', kind: 'email', label: 'Email', required: true, business_only: false, maps_to: { to: 'standard', field: 'email' } },
      { key: 'first_name', kind: 'text', label: 'First name', required: false, max_length: 200, format: 'plain', maps_to: { to: 'standard', field: 'first_name' } },
      { key: 'notes', kind: 'textarea', label: 'Notes', required: false, max_length: 5000, maps_to: { to: 'none' } },
      { key: 'consent', kind: 'consent', label: 'News', required: false, purpose: 'email_marketing', text: 'Send me news.', maps_to: { to: 'none' } },
      ...fields,
    ],
    progressive: { enabled: false, queue: [] },
    settings: {
      submit_label: 'Send', after_submit: { type: 'message', message: 'Thanks' }, tags: [], list_ids: [], lifecycle_stage: null,
      notify_emails: [], double_opt_in: false, follow_up_email: null, allowed_origins: [],
      spam: { min_fill_seconds: 0, max_per_ip_per_hour: 0, max_per_form_per_minute: 0, blocked_domains: [], block_disposable: false, ...spam },
    },
  };
}

async function liveForm(def: unknown, name = `Form ${++counter}`): Promise<string> {
  const created = await api('/api/v1/forms', 'POST', { name, definition: def });
  expect(created.status).toBe(201);
  expect((await api(`/api/v1/forms/${created.json.id}/publish`, 'POST')).status).toBe(201);
  return created.json.id;
}

beforeAll(async () => {
  server = await startTestServer({ config: { forms: { submitsPerIpPerMinute: 0 } } });
  tenant = await createTenant(server, 'form-submissions');
  formId = await liveForm(definition(), 'Newsletter');
  const posts = [
    { email: 'ana@acme.example', first_name: 'Ana', consent: true, _page: 'https://site.example/pricing?utm_source=news&utm_campaign=spring' },
    { email: 'bo@acme.example', first_name: 'Bo', _page: 'https://site.example/blog/post?utm_source=ads' },
    { email: 'cy@other.example', first_name: 'Cyrus', notes: 'call me', _page: 'https://site.example/pricing' },
  ];
  for (const body of posts) expect((await post(formId, body)).status).toBe(201);
});
afterAll(() => server.close());

describe('a form’s submissions', () => {
  it('lists them newest first, with the contact, values, page, UTM, IP, user agent and consents', async () => {
    const response = await api(`/api/v1/forms/${formId}/submissions`);
    expect(response.status).toBe(200);
    expect(response.json.data.map((s: { email: string }) => s.email)).toEqual(['cy@other.example', 'bo@acme.example', 'ana@acme.example']);
    const ana = response.json.data[2];
    expect(ana).toMatchObject({
      form_id: formId, form_name: 'Newsletter', form_version: 1, email: 'ana@acme.example', contact: { email: 'ana@acme.example', name: 'Ana' },
      values: { email: 'ana@acme.example', first_name: 'Ana', consent: true }, page_url: 'https://site.example/pricing?utm_source=news&utm_campaign=spring',
      utm: { source: 'news', campaign: 'spring', medium: null }, ip: '127.0.0.1', rescued_from: null,
      consents: [{ purpose: 'email_marketing', granted: true, text_shown: 'Send me news.', consent_id: expect.any(String) }],
    });
    expect(typeof ana.submitted_at).toBe('string');
    expect(response.json.next_cursor).toBeNull();
  });

  it('filters by text (address or a name), page, UTM, version and period', async () => {
    const emails = async (query: string) => (await api(`/api/v1/forms/${formId}/submissions?${query}`)).json.data.map((s: { email: string }) => s.email);
    expect(await emails('q=CYRUS')).toEqual(['cy@other.example']);
    expect(await emails('q=acme')).toEqual(['bo@acme.example', 'ana@acme.example']);
    expect(await emails('q=100%25')).toEqual([]);
    expect(await emails(`page=${encodeURIComponent('https://site.example/pricing/')}`)).toEqual(['cy@other.example', 'ana@acme.example']);
    expect(await emails('utm_source=ads')).toEqual(['bo@acme.example']);
    expect(await emails('utm_campaign=spring')).toEqual(['ana@acme.example']);
    expect(await emails('version=2')).toEqual([]);
    const today = new Date().toISOString().slice(0, 10);
    expect(await emails(`from=${today}&to=${today}`)).toHaveLength(3);
    expect(await emails('to=2020-01-01')).toEqual([]);
  });

  it('pages with a cursor, without skipping or repeating a row', async () => {
    const first = await api(`/api/v1/forms/${formId}/submissions?limit=2`);
    expect(first.json.data).toHaveLength(2);
    const second = await api(`/api/v1/forms/${formId}/submissions?limit=2&cursor=${first.json.next_cursor}`);
    expect(second.json.next_cursor).toBeNull();
    expect([...first.json.data, ...second.json.data].map((s: { email: string }) => s.email)).toEqual(['cy@other.example', 'bo@acme.example', 'ana@acme.example']);
  });

  it('lists a contact’s submissions for its page, and follows a merge', async () => {
    const contactOf = async (email: string) => (await api(`/api/v1/contacts?q=${encodeURIComponent(email)}`)).json.data[0] as { id: string };
    const ana = await contactOf('ana@acme.example');
    const bo = await contactOf('bo@acme.example');
    const mine = await api(`/api/v1/contacts/${ana.id}/submissions`);
    expect(mine.json.data.map((s: { form_name: string; page_url: string }) => [s.form_name, s.page_url])).toEqual([['Newsletter', 'https://site.example/pricing?utm_source=news&utm_campaign=spring']]);
    expect((await api(`/api/v1/contacts/${ana.id}/merge`, 'POST', { other_id: bo.id })).status).toBeLessThan(300);
    const merged = (await api(`/api/v1/contacts/${ana.id}/submissions`)).json.data;
    expect(merged.map((s: { email: string; contact: { id: string } }) => [s.email, s.contact.id])).toEqual([['bo@acme.example', ana.id], ['ana@acme.example', ana.id]]);
  });

  it('answers 404 for unknown forms and contacts, and problem+json 400 for bad query parameters', async () => {
    for (const path of ['/api/v1/forms/00000000-0000-7000-8000-000000000000/submissions', '/api/v1/forms/nope/submissions', '/api/v1/forms/nope/spam', '/api/v1/forms/nope/submissions/export', '/api/v1/contacts/00000000-0000-7000-8000-000000000000/submissions']) {
      expect((await api(path)).status, path).toBe(404);
    }
    for (const query of ['from=2024-02-30', 'from=yesterday', 'to=2024-13-01', 'from=2024-05-02&to=2024-05-01', 'version=0', 'version=x', 'limit=0', 'cursor=junk', 'colour=red']) {
      const response = await api(`/api/v1/forms/${formId}/submissions?${query}`);
      expect(response.status, query).toBe(400);
      expect(response.headers.get('content-type')).toContain('application/problem+json');
      expect(response.json.errors.length, query).toBeGreaterThan(0);
    }
    expect((await api(`/api/v1/forms/${formId}/submissions/export?from=2024-02-30`)).status).toBe(400);
  });
});

describe('the CSV export', () => {
  it('has one column per field of every version and the metadata, formula cells neutralised, other values unchanged', async () => {
    const id = await liveForm(definition(), 'Hostile');
    const strings = [...hostile.csv_formula!, ...hostile.xss!, ...hostile.sql!, ...hostile.unicode!.filter((u) => !u.includes('\u0000'))];
    for (const [n, value] of strings.entries()) expect((await post(id, { email: `h${n}@acme.example`, notes: value, first_name: 'Hé' })).status).toBe(201);
    // A second version asks one more field: its column joins the export.
    const form = (await api(`/api/v1/forms/${id}`)).json;
    const draft = { ...form.draft, fields: [...form.draft.fields, { key: 'company', kind: 'text', label: 'Company', required: false, max_length: 200, format: 'plain', maps_to: { to: 'none' } }] };
    expect((await api(`/api/v1/forms/${id}`, 'PATCH', { draft, draft_revision: form.draft_revision })).status).toBe(200);
    expect((await api(`/api/v1/forms/${id}/publish`, 'POST')).status).toBe(201);
    expect((await post(id, { email: 'v2@acme.example', company: '=1+1', _v: 2 })).status).toBe(201);

    const response = await fetch(`${server.url}/api/v1/forms/${id}/submissions/export`, { headers: { authorization: `Bearer ${tenant.apiKey}` } });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(response.headers.get('content-disposition')).toMatch(/^attachment; filename="submissions-\d{4}-\d{2}-\d{2}\.csv"$/);
    const bytes = Buffer.from(await response.arrayBuffer());
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const rows = parse(bytes.toString('utf8').slice(1), { relax_column_count: false }) as string[][];
    const [header, ...body] = rows;
    expect(header!.slice(0, 5)).toEqual(['email', 'first_name', 'notes', 'consent', 'company']);
    expect(header).toEqual(expect.arrayContaining(['submission_id', 'submitted_at', 'form_version', 'contact_id', 'page_url', 'utm_source', 'utm_campaign', 'ip', 'user_agent', 'consents']));
    expect(body).toHaveLength(strings.length + 1);
    const col = (name: string) => header!.indexOf(name);
    expect(body[0]![col('company')]).toBe("'=1+1");
    expect(body[0]![col('form_version')]).toBe('2');
    const byEmail = new Map(body.map((row) => [row[col('email')]!, row]));
    const stored = new Map(((await api(`/api/v1/forms/${id}/submissions?limit=200`)).json.data as Array<{ email: string; values: { notes?: string } }>).map((s) => [s.email, s.values.notes]));
    for (const [n, value] of strings.entries()) {
      const cell = byEmail.get(`h${n}@acme.example`)![col('notes')]!;
      // As stored (trimmed, NFC): unchanged, but a formula start gets its quote.
      const kept = stored.get(`h${n}@acme.example`)!;
      if (/^[=+\-@\t\r]/.test(kept) && !/^[+-]?\d+(\.\d+)?$/.test(kept)) expect(cell, value).toBe(`'${kept}`);
      else expect(cell, value).toBe(kept);
      expect(kept.normalize('NFC'), value).toBe(value.trim().normalize('NFC'));
      expect(byEmail.get(`h${n}@acme.example`)![col('first_name')]).toBe('Hé');
    }
    // The filters of the list apply.
    const filtered = await fetch(`${server.url}/api/v1/forms/${id}/submissions/export?version=2`, { headers: { authorization: `Bearer ${tenant.apiKey}` } });
    expect((parse((await filtered.text()).slice(1)) as string[][]).length).toBe(2);
  });
});

describe('spam', () => {
  let spamFormId: string;
  const spamIds = async () => (await api(`/api/v1/forms/${spamFormId}/spam`)).json.data as Array<Record<string, any>>;

  beforeAll(async () => {
    spamFormId = await liveForm(definition([], { blocked_domains: ['blocked.example'] }), 'Guarded');
    expect((await post(spamFormId, { email: 'real@blocked.example', first_name: 'Real', consent: true, _page: 'https://site.example/?utm_source=fair' })).status).toBe(201);
    expect((await post(spamFormId, { email: 'bot@x.example', _hp: 'http://spam.example' })).status).toBe(201);
  });

  it('lists kept posts newest first with their reason, values, page and IP', async () => {
    const list = await spamIds();
    expect(list.map((s) => s.reason)).toEqual(['honeypot', 'blocked_domain']);
    expect(list[1]).toMatchObject({
      email: 'real@blocked.example', detail: 'the domain blocked.example is blocked', values: { email: 'real@blocked.example', first_name: 'Real', consent: true },
      page_url: 'https://site.example/?utm_source=fair', utm: { source: 'fair' }, ip: '127.0.0.1', form_version: 1, received_at: expect.any(String),
    });
  });

  it('rescues a false positive once: one submission, the contact, the event, off the spam list and the spam count', async () => {
    const spam = (await spamIds()).find((s) => s.reason === 'blocked_domain')!;
    const countSpam = async () => (await sql<{ n: number }>`select coalesce(sum(spam), 0)::int as n from form_stats_daily where form_id = ${spamFormId}`.execute(server.database.db)).rows[0]!.n;
    expect(await countSpam()).toBe(2);
    const rescued = await api(`/api/v1/forms/${spamFormId}/spam/${spam.id}/rescue`, 'POST');
    expect(rescued.status).toBe(201);
    expect(rescued.json).toEqual({ submission_id: expect.any(String), contact_id: expect.any(String) });
    const contact = (await api(`/api/v1/contacts/${rescued.json.contact_id}`)).json;
    expect(contact).toMatchObject({ email: 'real@blocked.example', first_name: 'Real', utm_source: 'fair' });
    const submissions = (await api(`/api/v1/forms/${spamFormId}/submissions`)).json.data;
    expect(submissions).toHaveLength(1);
    expect(submissions[0]).toMatchObject({ id: rescued.json.submission_id, rescued_from: spam.id, contact: { id: contact.id }, consents: [{ granted: true }] });
    const events = (await sql<{ kind: string; actor_type: string; payload: any }>`select kind, actor_type, payload from domain_events where contact_id = ${contact.id} order by id`.execute(server.database.db)).rows;
    expect(events.filter((e) => e.kind === 'form.submitted')).toEqual([expect.objectContaining({ actor_type: 'api_key', payload: expect.objectContaining({ submission_id: rescued.json.submission_id, contact_created: true }) })]);
    expect((await spamIds()).map((s) => s.reason)).toEqual(['honeypot']);
    expect(await countSpam()).toBe(1);

    const again = await api(`/api/v1/forms/${spamFormId}/spam/${spam.id}/rescue`, 'POST');
    expect(again.status).toBe(409);
    expect(again.headers.get('content-type')).toContain('application/problem+json');
    const { rows } = await sql<{ n: number }>`select count(*)::int as n from form_submissions where form_id = ${spamFormId}`.execute(server.database.db);
    expect(rows[0]!.n).toBe(1);
  });

  it('makes one submission of two rescues at once', async () => {
    const id = await liveForm(definition([], { blocked_domains: ['twice.example'] }), 'Twice');
    await post(id, { email: 'p@twice.example' });
    const [spam] = (await api(`/api/v1/forms/${id}/spam`)).json.data;
    const answers = await Promise.all([1, 2].map(() => api(`/api/v1/forms/${id}/spam/${spam.id}/rescue`, 'POST')));
    expect(answers.map((a) => a.status).sort()).toEqual([201, 409]);
    expect((await api(`/api/v1/forms/${id}/submissions`)).json.data).toHaveLength(1);
  });

  it('refuses a post whose answers are not valid (400, by field), unknown ids (404), and readers (403)', async () => {
    const honeypot = (await spamIds()).find((s) => s.reason === 'honeypot')!;
    await sql`update form_spam set values = ${JSON.stringify({ email: 'not an address' })} where id = ${honeypot.id}`.execute(server.database.db);
    const bad = await api(`/api/v1/forms/${spamFormId}/spam/${honeypot.id}/rescue`, 'POST');
    expect(bad.status).toBe(400);
    expect(bad.json.errors).toEqual([expect.objectContaining({ field: 'values.email' })]);
    expect((await spamIds())).toHaveLength(1);
    expect((await api(`/api/v1/forms/${spamFormId}/spam/00000000-0000-7000-8000-000000000000/rescue`, 'POST')).status).toBe(404);
    expect((await api(`/api/v1/forms/${formId}/spam/${honeypot.id}/rescue`, 'POST')).status).toBe(404);
    expect((await api(`/api/v1/forms/${spamFormId}/spam/nope/rescue`, 'POST')).status).toBe(404);
    const viewer = await addUser(server, tenant, 'viewer');
    const session = await login(server, viewer.email, viewer.password);
    expect((await call(server, `/api/v1/forms/${spamFormId}/spam`, { session })).status).toBe(200);
    expect((await call(server, `/api/v1/forms/${spamFormId}/spam/${honeypot.id}/rescue`, { method: 'POST', session })).status).toBe(403);
  });
});
