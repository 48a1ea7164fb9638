import fs from 'node:fs';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EventDispatcher } from '../../src/events/dispatcher.js';
import { submissionStats } from '../../src/modules/capture/subscribers.js';
import { purgeSpam } from '../../src/modules/capture/jobs.js';
import { Worker } from '../../src/db/jobs/worker.js';
import { jobHandlers } from '../../src/jobs.js';
import { recordingMailer } from '../../src/mail/mailer.js';
import { call, createTenant, startTestServer, type Tenant, type TestServer } from '../helpers/server.js';

const hostile = JSON.parse(fs.readFileSync(new URL('../../../shared/fixtures/hostile-inputs.json', import.meta.url), 'utf8')) as Record<string, string[]>;

let server: TestServer;
let tenant: Tenant;
let listId: string;
let formId: string;

const api = (path: string, method = 'GET', body?: unknown) => call(server, path, { method, apiKey: tenant.apiKey, body });
const post = (id: string, body: unknown, headers: Record<string, string> = {}) => call(server, `/public/forms/${id}/submit`, { method: 'POST', body, headers });
const postForm = (id: string, raw: string, headers: Record<string, string> = {}) =>
  fetch(`${server.url}/public/forms/${id}/submit`, { method: 'POST', redirect: 'manual', body: raw, headers: { 'content-type': 'application/x-www-form-urlencoded', ...headers } });
let sidCounter = 0;
const sid = () => `sid-${Date.now()}-${++sidCounter}`;

function definition(over: Record<string, unknown> = {}) {
  return {
    fields: [
      { key: 'email', kind: 'email', label: 'Email', required: true, business_only: false, maps_to: { to: 'standard', field: 'email' } },
      { key: 'first_name', kind: 'text', label: 'First name', required: false, max_length: 200, format: 'plain', maps_to: { to: 'standard', field: 'first_name' } },
      { key: 'notes', kind: 'textarea', label: 'Notes', required: false, max_length: 5000, maps_to: { to: 'none' } },
      { key: 'interests', kind: 'multiselect', label: 'Interests', required: false, options: [{ value: 'seo', label: 'SEO' }, { value: 'ads', label: 'Ads' }], maps_to: { to: 'none' } },
      { key: 'country', kind: 'country', label: 'Country', required: false, maps_to: { to: 'standard', field: 'country' } },
      { key: 'consent', kind: 'consent', label: 'News', required: false, purpose: 'email_marketing', text: 'Send me news. <b>Unsubscribe</b> any time.', maps_to: { to: 'none' } },
      { key: 'campaign', kind: 'hidden', label: 'Campaign', required: false, source: 'utm_campaign', maps_to: { to: 'none' } },
    ],
    progressive: { enabled: false, queue: [] },
    settings: {
      submit_label: 'Send', after_submit: { type: 'message', message: 'Thanks' }, tags: ['webform'], list_ids: [listId], lifecycle_stage: 'lead',
      notify_emails: [], double_opt_in: false, follow_up_email: null, allowed_origins: [],
      spam: { min_fill_seconds: 0, max_per_ip_per_hour: 0, max_per_form_per_minute: 0, blocked_domains: [], block_disposable: false },
      ...over,
    },
  };
}

async function liveForm(def: unknown, name = `Form ${++sidCounter}`): Promise<string> {
  const created = await api('/api/v1/forms', 'POST', { name, definition: def });
  expect(created.status).toBe(201);
  expect((await api(`/api/v1/forms/${created.json.id}/publish`, 'POST')).status).toBe(201);
  return created.json.id;
}

async function contactByEmail(email: string) {
  return (await api(`/api/v1/contacts?q=${encodeURIComponent(email)}`)).json.data[0];
}

beforeAll(async () => {
  server = await startTestServer({ config: { forms: { submitsPerIpPerMinute: 0 } } });
  tenant = await createTenant(server, 'forms-submit');
  listId = (await api('/api/v1/lists', 'POST', { name: 'Leads from the site' })).json.id;
  formId = await liveForm(definition());
});
afterAll(() => server.close());

describe('a JSON submission', () => {
  it('creates the contact, the submission, the consent with its text, the list, the timeline entry and the event, and answers after commit', async () => {
    const response = await post(formId, {
      email: 'Ana@Acme.example', first_name: 'Ana', notes: '', interests: ['seo'], country: 'br', consent: true, _sid: sid(),
      _page: 'https://site.example/pricing?utm_source=newsletter&utm_campaign=spring#top', _ref: 'https://search.example/q',
    });
    expect(response.status).toBe(201);
    expect(response.json).toEqual({ status: 'accepted', submission_id: expect.any(String), after_submit: { type: 'message', message: 'Thanks' } });
    const contact = await contactByEmail('ana@acme.example');
    expect(contact).toMatchObject({ email: 'Ana@acme.example', first_name: 'Ana', country: 'Brazil', lifecycle_stage: 'lead', tags: ['webform'], origin: 'form', source: 'newsletter', source_detail: 'spring', utm_source: 'newsletter', utm_campaign: 'spring', referrer: 'https://search.example/q' });
    const [submission] = (await sql<Record<string, any>>`select * from form_submissions where id = ${response.json.submission_id}`.execute(server.database.db)).rows;
    expect(submission).toMatchObject({ contact_id: contact.id, form_version: 1, page_url: 'https://site.example/pricing?utm_source=newsletter&utm_campaign=spring', utm_campaign: 'spring', ip: '127.0.0.1' });
    expect(submission!.values).toEqual({ email: 'Ana@acme.example', first_name: 'Ana', interests: ['seo'], country: 'BR', consent: true, campaign: 'spring' });
    const consents = (await api(`/api/v1/contacts/${contact.id}/consents`)).json.data;
    expect(consents).toEqual([expect.objectContaining({ purpose: 'email_marketing', granted: true, text_shown: 'Send me news. <b>Unsubscribe</b> any time.', ip: '127.0.0.1' })]);
    expect(consents[0].source).toContain('v1 on https://site.example/pricing');
    expect((await api(`/api/v1/contacts/${contact.id}/lists`)).json.data.map((l: { id: string }) => l.id)).toEqual([listId]);
    const timeline = (await api(`/api/v1/contacts/${contact.id}/timeline`)).json.data;
    expect(timeline.find((e: { kind: string }) => e.kind === 'form.submitted')).toMatchObject({ actor_type: 'form', actor_id: formId, data: { form_id: formId, submission_id: response.json.submission_id, version: 1 } });
    const events = (await sql<{ kind: string; payload: any; actor_type: string }>`select kind, payload, actor_type from domain_events where contact_id = ${contact.id} order by id`.execute(server.database.db)).rows;
    expect(events.map((e) => e.kind)).toEqual(['contact.created', 'list.joined', 'form.submitted']);
    expect(events[2]).toMatchObject({ actor_type: 'form', payload: { form_id: formId, submission_id: response.json.submission_id, contact_created: true, list_ids: [listId], tags: ['webform'], utm: { source: 'newsletter', campaign: 'spring' } } });
  });

  it('never overwrites a value with an empty answer, keeps the first touch and only raises the stage', async () => {
    await api('/api/v1/contacts', 'POST', { email: 'bo@acme.example', first_name: 'Bo', lifecycle_stage: 'customer', source: 'event' });
    expect((await post(formId, { email: 'bo@acme.example', first_name: '  ', _sid: sid(), _page: 'https://site.example/?utm_source=ads' })).status).toBe(201);
    expect(await contactByEmail('bo@acme.example')).toMatchObject({ first_name: 'Bo', lifecycle_stage: 'customer', source: 'event', latest_source: 'ads', tags: ['webform'] });
  });

  it('makes one submission of a retried or double-clicked post (same _sid), also when both arrive together', async () => {
    const key = sid();
    const body = { email: 'dup@acme.example', _sid: key };
    const [a, b] = await Promise.all([post(formId, body), post(formId, body)]);
    const c = await post(formId, body);
    expect([a.status, b.status, c.status]).toEqual([201, 201, 201]);
    expect(new Set([a.json.submission_id, b.json.submission_id, c.json.submission_id]).size).toBe(1);
    const { rows } = await sql<{ n: number }>`select count(*)::int as n from form_submissions where client_submission_id = ${key}`.execute(server.database.db);
    expect(rows[0]!.n).toBe(1);
  });

  it('answers invalid values with per-field errors and stores nothing', async () => {
    const response = await post(formId, { email: 'not an email', country: 'ZZ', interests: ['golf'], _sid: sid() });
    expect(response.status).toBe(400);
    expect(response.headers.get('content-type')).toContain('application/problem+json');
    expect(response.json.errors.map((e: { field: string }) => e.field).sort()).toEqual(['country', 'email', 'interests']);
    expect((await post(formId, { first_name: 'x', _sid: sid() })).json.errors).toEqual([{ field: 'email', in: 'body', message: 'is required' }]);
  });

  it('stores hostile strings as data, unchanged', async () => {
    const strings = [...hostile.xss!, ...hostile.sql!, ...hostile.template_injection!, ...hostile.csv_formula!];
    for (const [n, value] of strings.entries()) {
      const response = await post(formId, { email: `hostile${n}@acme.example`, first_name: value.slice(0, 200), notes: value, _sid: sid() });
      expect(response.status).toBe(201);
      const { rows } = await sql<{ values: any }>`select values from form_submissions where id = ${response.json.submission_id}`.execute(server.database.db);
      expect(rows[0]!.values.notes).toBe(value.trim());
    }
    for (const [n, value] of [...hostile.xss!, ...hostile.unicode!.filter((u) => !u.includes('\u0000'))].entries()) {
      const response = await postForm(formId, new URLSearchParams({ email: `hostile-url${n}@acme.example`, notes: value, campaign: value }).toString(), { accept: 'application/json' });
      expect(response.status).toBe(201);
      const { rows } = await sql<{ values: any }>`select values from form_submissions where id = ${(await response.json()).submission_id}`.execute(server.database.db);
      expect(rows[0]!.values.notes).toBe(value.normalize('NFC').trim());
    }
    const prototype = await call(server, `/public/forms/${formId}/submit`, { method: 'POST', rawBody: '{"email":"proto@acme.example","__proto__":{"admin":true},"constructor":{"prototype":{}}}', headers: { 'content-type': 'application/json' } });
    expect(prototype.status).toBe(400);
  });
});

describe('an urlencoded submission', () => {
  it('answers a plain HTML post 303 to the thank-you page, and a repeated multiselect key is a list', async () => {
    const response = await postForm(formId, 'email=carla%40acme.example&first_name=Carla&interests=seo&interests=ads&consent=on');
    expect(response.status).toBe(303);
    expect(response.headers.get('location')).toBe(`/f/${formId}/thanks?v=1`);
    const contact = await contactByEmail('carla@acme.example');
    expect(contact.first_name).toBe('Carla');
    const { rows } = await sql<{ values: any }>`select values from form_submissions where contact_id = ${contact.id}`.execute(server.database.db);
    expect(rows[0]!.values.interests).toEqual(['seo', 'ads']);
  });

  it('answers JSON to f.js (Accept: application/json) and collapses a no-JS double post', async () => {
    const once = await postForm(formId, 'email=dora%40acme.example', { accept: 'application/json' });
    const twice = await postForm(formId, 'email=dora%40acme.example', { accept: 'application/json' });
    expect(once.status).toBe(201);
    expect((await once.json()).submission_id).toBe((await twice.json()).submission_id);
  });

  it('redirects to the form’s own URL, never to one the request names', async () => {
    const id = await liveForm(definition({ after_submit: { type: 'redirect', url: 'https://acme.example/thanks' } }));
    const response = await postForm(id, 'email=eve%40acme.example&redirect=https%3A%2F%2Fevil.example', { referer: 'https://evil.example/' });
    expect([response.status, response.headers.get('location')]).toEqual([303, 'https://acme.example/thanks']);
  });

  it('answers an invalid plain HTML post with an escaped page', async () => {
    const response = await postForm(formId, 'email=%3Cscript%3Ealert(1)%3C%2Fscript%3E');
    expect(response.status).toBe(400);
    const html = await response.text();
    expect(response.headers.get('content-type')).toContain('text/html');
    expect(html).not.toContain('<script>');
  });
});

describe('bad input: 4xx, never 500', () => {
  it('refuses oversized posts, 10,000 fields, repeated fields, unknown and unpublished forms, wrong types and NUL', async () => {
    const big = await postForm(formId, `email=a%40b.co&notes=${'x'.repeat(70_000)}`);
    expect(big.status).toBe(413);
    const bigJson = await post(formId, { email: 'a@b.co', notes: 'x'.repeat(70_000) });
    expect(bigJson.status).toBe(413);
    const many = await postForm(formId, Array.from({ length: 10_000 }, (_, i) => `f${i}=1`).join('&'));
    expect(many.status).toBe(413);
    const manyJson = await post(formId, Object.fromEntries(Array.from({ length: 10_000 }, (_, i) => [`f${i}`, '1'])));
    expect([400, 413]).toContain(manyJson.status);
    const repeated = await postForm(formId, 'email=a%40b.co&email=c%40d.co', { accept: 'application/json' });
    expect(repeated.status).toBe(400);
    expect((await repeated.json()).errors).toEqual([{ field: 'email', in: 'body', message: 'was sent more than once' }]);
    const draft = await api('/api/v1/forms', 'POST', { name: 'Draft only', definition: definition() });
    for (const id of ['00000000-0000-7000-8000-000000000000', 'not-a-uuid', draft.json.id]) expect((await post(id, { email: 'a@b.co' })).status).toBe(404);
    const archived = await liveForm(definition());
    expect((await api(`/api/v1/forms/${archived}`, 'DELETE')).status).toBe(204);
    expect((await post(archived, { email: 'a@b.co' })).status).toBe(404);
    expect((await call(server, `/public/forms/${archived}`)).status).toBe(404);
    const text = await call(server, `/public/forms/${formId}/submit`, { method: 'POST', rawBody: 'email=a@b.co', headers: { 'content-type': 'text/plain' } });
    expect(text.status).toBe(415);
    const multipart = await call(server, `/public/forms/${formId}/submit`, { method: 'POST', rawBody: '--x\r\n\r\n--x--', headers: { 'content-type': 'multipart/form-data; boundary=x' } });
    expect(multipart.status).toBe(415);
    for (const raw of ['[]', 'null', '"just a string"', '{"email":{"$ne":null}}', '{', '{"email":']) {
      const response = await call(server, `/public/forms/${formId}/submit`, { method: 'POST', rawBody: raw, headers: { 'content-type': 'application/json' } });
      expect({ raw, status: response.status }).toEqual({ raw, status: 400 });
    }
    expect((await post(formId, { email: 'a@b.co', notes: 'a\u0000b' })).status).toBe(400);
    expect((await postForm(formId, 'email=a%40b.co&notes=a%00b')).status).toBe(400);
    expect((await postForm(formId, 'email=%ZZ')).status).toBeLessThan(500);
    expect((await post(formId, { email: 'a@b.co', _v: '99' })).status).toBe(400);
    expect((await call(server, '/healthz')).status).toBe(200);
  });
});

describe('cross-origin posts', () => {
  it('opens a form to any origin by default, and only to its allowed origins when it names some', async () => {
    const preflight = await fetch(`${server.url}/public/forms/${formId}/submit`, { method: 'OPTIONS', headers: { origin: 'https://any.example', 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type' } });
    expect([preflight.status, preflight.headers.get('access-control-allow-origin'), preflight.headers.get('access-control-max-age')]).toEqual([204, '*', '600']);
    const closed = await liveForm(definition({ allowed_origins: ['https://shop.example'] }));
    const allowed = await fetch(`${server.url}/public/forms/${closed}/submit`, { method: 'OPTIONS', headers: { origin: 'https://shop.example', 'access-control-request-method': 'POST' } });
    expect([allowed.headers.get('access-control-allow-origin'), allowed.headers.get('vary')]).toEqual(['https://shop.example', 'Origin']);
    const other = await fetch(`${server.url}/public/forms/${closed}/submit`, { method: 'OPTIONS', headers: { origin: 'https://evil.example', 'access-control-request-method': 'POST' } });
    expect(other.headers.get('access-control-allow-origin')).toBeNull();
    const refused = await post(closed, { email: 'x@acme.example', _sid: sid() }, { origin: 'https://evil.example' });
    expect(refused.status).toBe(403);
    const ok = await post(closed, { email: 'y@acme.example', _sid: sid() }, { origin: 'https://shop.example' });
    expect([ok.status, ok.headers.get('access-control-allow-origin')]).toEqual([201, 'https://shop.example']);
  });
});

describe('spam', () => {
  async function spamCase(settings: Record<string, unknown>, body: Record<string, unknown>, reason: string, posts = 1) {
    const id = await liveForm(definition({ spam: { min_fill_seconds: 0, max_per_ip_per_hour: 0, max_per_form_per_minute: 0, blocked_domains: [], block_disposable: false, ...settings } }));
    let last: Awaited<ReturnType<typeof post>> | null = null;
    for (let n = 0; n < posts; n++) last = await post(id, { ...body, email: `${reason}${n}@${String(body.domain ?? 'acme.example')}`, domain: undefined, _sid: sid() });
    expect(last!.status).toBe(201);
    expect(Object.keys(last!.json)).toEqual(['status', 'submission_id', 'after_submit']);
    expect(last!.json.status).toBe('accepted');
    const { rows } = await sql<{ reason: string }>`select reason from form_spam where form_id = ${id}`.execute(server.database.db);
    expect(rows.map((r) => r.reason)).toContain(reason);
    expect(await contactByEmail(`${reason}${posts - 1}@`)).toBeUndefined();
    const { rows: stored } = await sql<{ n: number }>`select count(*)::int as n from form_submissions where form_id = ${id}`.execute(server.database.db);
    return stored[0]!.n;
  }

  it('answers each reason exactly like a success, keeps it in form_spam and makes no contact', async () => {
    expect(await spamCase({}, { _hp: 'http://spam.example' }, 'honeypot')).toBe(0);
    expect(await spamCase({ min_fill_seconds: 5 }, { _t: '800' }, 'too_fast')).toBe(0);
    expect(await spamCase({ blocked_domains: ['spam.example'] }, { domain: 'mail.spam.example' }, 'blocked_domain')).toBe(0);
    expect(await spamCase({ block_disposable: true }, { domain: 'mailinator.com' }, 'disposable_domain')).toBe(0);
    expect(await spamCase({ max_per_ip_per_hour: 2 }, {}, 'ip_rate', 3)).toBe(2);
    expect(await spamCase({ max_per_form_per_minute: 1 }, {}, 'form_rate', 2)).toBe(1);
  });

  it('counts submissions per day and page (from form.submitted) and spam (as it is stored)', async () => {
    const id = await liveForm(definition({ spam: { min_fill_seconds: 0, max_per_ip_per_hour: 0, max_per_form_per_minute: 0, blocked_domains: [], block_disposable: false } }));
    for (const page of ['https://site.example/a?utm_source=x', 'https://SITE.example/a/', 'https://site.example/b']) await post(id, { email: `stats${++sidCounter}@acme.example`, _page: page, _sid: sid() });
    await post(id, { email: 'bot@acme.example', _hp: 'x', _page: 'https://site.example/a', _sid: sid() });
    await new EventDispatcher(server.database, [submissionStats]).drain();
    const { rows } = await sql<{ submissions: number; spam: number }>`select submissions, spam from form_stats_daily where form_id = ${id} order by submissions desc`.execute(server.database.db);
    expect(rows).toEqual([{ submissions: 2, spam: 1 }, { submissions: 1, spam: 0 }]);
  });

  it('lists the submissions in the person’s export and deletes them (and spam with the address) when the person is erased', async () => {
    const id = await liveForm(definition());
    await post(id, { email: 'forget@acme.example', notes: 'private', _sid: sid() });
    await post(id, { email: 'forget@acme.example', _hp: 'x', _sid: sid() });
    const contact = await contactByEmail('forget@acme.example');
    const exported = (await api(`/api/v1/contacts/${contact.id}/export`)).json;
    expect(exported.form_submissions).toEqual([expect.objectContaining({ form_id: id, values: expect.objectContaining({ notes: 'private' }) })]);
    expect((await api(`/api/v1/contacts/${contact.id}/erase`, 'POST', { confirm_email: 'forget@acme.example' })).status).toBeLessThan(300);
    const left = await sql<{ n: number }>`select (select count(*) from form_submissions where lower(email) = 'forget@acme.example') + (select count(*) from form_spam where lower(email) = 'forget@acme.example') as n`.execute(server.database.db);
    expect(Number(left.rows[0]!.n)).toBe(0);
  });

  it('mails the notify addresses what was submitted, once the submission committed', async () => {
    const id = await liveForm(definition({ notify_emails: ['sales@acme.example', 'ops@acme.example'] }), 'Demo\r\nBcc: x@evil.example');
    await post(id, { email: 'notify@acme.example', notes: 'Call me\nplease', _sid: sid(), _page: 'https://site.example/demo' });
    const mailer = recordingMailer();
    await new Worker(server.database.db, jobHandlers(), { concurrency: 1, pollMs: 10, mailer }).runOnce();
    const mine = mailer.sent.filter((m) => m.text.includes('notify@acme.example'));
    expect(mine.map((m) => m.to).sort()).toEqual(['ops@acme.example', 'sales@acme.example']);
    expect(mine[0]!.subject).toBe('New submission: Demo Bcc: x@evil.example');
    expect(mine[0]!.text).toContain('on https://site.example/demo');
    expect(mine[0]!.text).toContain('notes: Call me\nplease');
  });

  it('keeps only the network part of the IP when the workspace says so, and marks double opt-in consents as awaiting confirmation', async () => {
    const own = await createTenant(server, 'truncating');
    await sql`update workspaces set truncate_ips = true where id = ${own.workspaceId}`.execute(server.database.db);
    const created = await call(server, '/api/v1/forms', { method: 'POST', apiKey: own.apiKey, body: { name: 'Private', definition: { ...definition({ double_opt_in: true }), settings: { ...definition({ double_opt_in: true }).settings, list_ids: [] } } } });
    await call(server, `/api/v1/forms/${created.json.id}/publish`, { method: 'POST', apiKey: own.apiKey });
    const response = await post(created.json.id, { email: 'private@acme.example', consent: true, _sid: sid() });
    expect(response.status).toBe(201);
    const { rows } = await sql<{ ip: string }>`select ip from form_submissions where id = ${response.json.submission_id}`.execute(server.database.db);
    expect(rows[0]!.ip).toBe('127.0.0.0');
    const { rows: consents } = await sql<{ ip: string; source: string }>`select ip, source from consents where workspace_id = ${own.workspaceId}`.execute(server.database.db);
    expect(consents).toEqual([{ ip: '127.0.0.0', source: expect.stringMatching(/^form "Private" v1 on no page, awaiting confirmation$/) }]);
  });

  it('refuses a free-mail address on a business-only email field with a field error (a person can correct it)', async () => {
    const def = definition();
    (def.fields[0] as Record<string, unknown>).business_only = true;
    const id = await liveForm(def);
    const response = await post(id, { email: 'someone@gmail.com', _sid: sid() });
    expect([response.status, response.json.errors]).toEqual([400, [{ field: 'email', in: 'body', message: 'must be a work address, not a free mail one' }]]);
    expect((await post(id, { email: 'someone@acme.example', _sid: sid() })).status).toBe(201);
  });

  it('counts beacons: views and starts per page, fields reached and abandoned; not bots; answered once written', async () => {
    const id = await liveForm(definition());
    const beacon = (raw: string, headers: Record<string, string> = {}) =>
      fetch(`${server.url}/public/forms/${id}/events`, { method: 'POST', body: raw, headers: { 'content-type': 'application/x-www-form-urlencoded', 'user-agent': 'Mozilla/5.0', ...headers } });
    const page = encodeURIComponent('https://site.example/landing?utm_source=x');
    const answers = await Promise.all([
      beacon(`e=view&_page=${page}`), beacon(`e=view&_page=${page}`), beacon('e=view&_page=https%3A%2F%2Fsite.example%2Fother'),
      beacon(`e=start&_page=${page}`),
      beacon(`e=fields&touched=email,first_name,nope&last=first_name&submitted=0&_page=${page}`),
      beacon(`e=fields&touched=email&last=email&submitted=1&_page=${page}`),
      beacon(`e=view&_page=${page}`, { 'user-agent': 'Googlebot/2.1' }),
    ]);
    expect(answers.map((a) => a.status)).toEqual([204, 204, 204, 204, 204, 204, 204]);
    const stats = (await sql<{ url: string; views: number; starts: number }>`
      select p.url, s.views, s.starts from form_stats_daily s join form_pages p using (workspace_id, form_id, page_key) where s.form_id = ${id} order by p.url`.execute(server.database.db)).rows;
    // Pages are kept without their query string: UTM variants are one page, and a query can carry a person's data.
    expect(stats).toEqual([{ url: 'https://site.example/landing', views: 2, starts: 1 }, { url: 'https://site.example/other', views: 1, starts: 0 }]);
    const fields = (await sql<{ field_key: string; reached: number; abandoned: number }>`select field_key, reached, abandoned from form_field_stats_daily where form_id = ${id} order by field_key`.execute(server.database.db)).rows;
    expect(fields).toEqual([{ field_key: 'email', reached: 2, abandoned: 0 }, { field_key: 'first_name', reached: 1, abandoned: 1 }]);
    expect((await beacon('e=explode')).status).toBe(400);
    expect((await fetch(`${server.url}/public/forms/00000000-0000-7000-8000-000000000000/events`, { method: 'POST', body: 'e=view', headers: { 'content-type': 'application/x-www-form-urlencoded' } })).status).toBe(404);
  });

  it('forgets spam after 30 days (capture.purge_spam)', async () => {
    const id = await liveForm(definition());
    await post(id, { email: 'old-bot@acme.example', _hp: 'x', _sid: sid() });
    await post(id, { email: 'new-bot@acme.example', _hp: 'x', _sid: sid() });
    await sql`update form_spam set created_at = now() - interval '31 days' where form_id = ${id} and email = 'old-bot@acme.example'`.execute(server.database.db);
    await purgeSpam.run({} as never, { db: server.database.db } as never);
    const { rows } = await sql<{ email: string }>`select email from form_spam where form_id = ${id}`.execute(server.database.db);
    expect(rows).toEqual([{ email: 'new-bot@acme.example' }]);
  });

  it('answers an erased address without a fresh consent like a success and stores nothing; with one, takes it back', async () => {
    await post(formId, { email: 'gone@acme.example', _sid: sid() });
    const contact = await contactByEmail('gone@acme.example');
    expect((await api(`/api/v1/contacts/${contact.id}/erase`, 'POST', { confirm_email: 'gone@acme.example' })).status).toBeLessThan(300);
    const silent = await post(formId, { email: 'gone@acme.example', _sid: sid() });
    expect(silent.status).toBe(201);
    expect(await contactByEmail('gone@acme.example')).toBeUndefined();
    const back = await post(formId, { email: 'gone@acme.example', consent: true, _sid: sid() });
    expect(back.status).toBe(201);
    expect(await contactByEmail('gone@acme.example')).toMatchObject({ email: 'gone@acme.example' });
  });
});
