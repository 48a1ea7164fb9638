// Progressive profiling over HTTP: `GET /public/forms/:id/known?visitor=` tells a page which of
// a form's questions the person behind a visitor id already answered (keys, never answers).
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { randomUuid } from '../../src/modules/capture/visitor-id.js';
import { call, createTenant, startTestServer, type Tenant, type TestServer } from '../helpers/server.js';

let server: TestServer;
let alpha: Tenant;
let beta: Tenant;
let formId: string;
let sidCounter = 0;

const api = (tenant: Tenant, path: string, method = 'GET', body?: unknown) => call(server, path, { method, apiKey: tenant.apiKey, body });
const known = (id: string, visitor: string, headers: Record<string, string> = {}) => call(server, `/public/forms/${id}/known?visitor=${encodeURIComponent(visitor)}`, { headers });
const submit = (id: string, body: Record<string, unknown>) => call(server, `/public/forms/${id}/submit`, { method: 'POST', body: { _sid: `sid-progressive-${++sidCounter}`, ...body } });

const field = (key: string, maps_to: unknown, required = false) => ({ key, kind: 'text', label: key, required, max_length: 200, format: 'plain', maps_to });

function definition(over: { enabled?: boolean; allowed_origins?: string[] } = {}) {
  return {
    fields: [
      { key: 'email', kind: 'email', label: 'Email', required: true, business_only: false, maps_to: { to: 'standard', field: 'email' } },
      field('first_name', { to: 'standard', field: 'first_name' }, true),
      field('company', { to: 'standard', field: 'company_name' }),
      field('goal', { to: 'none' }),
      { key: 'news', kind: 'consent', label: 'News', required: false, purpose: 'email_marketing', text: 'Send me news', maps_to: { to: 'none' } },
    ],
    progressive: { enabled: over.enabled ?? true, queue: [field('job_title', { to: 'standard', field: 'job_title' }), field('plan', { to: 'custom', key: 'plan' }), field('budget', { to: 'none' })] },
    settings: {
      submit_label: 'Send', after_submit: { type: 'message', message: 'Thanks' }, tags: [], list_ids: [], lifecycle_stage: null,
      notify_emails: [], double_opt_in: false, follow_up_email: null, allowed_origins: over.allowed_origins ?? [],
      spam: { min_fill_seconds: 0, max_per_ip_per_hour: 0, max_per_form_per_minute: 0, blocked_domains: [], block_disposable: false },
    },
  };
}

async function liveForm(tenant: Tenant, over: Parameters<typeof definition>[0] = {}): Promise<string> {
  const created = await api(tenant, '/api/v1/forms', 'POST', { name: `Progressive ${++sidCounter}`, definition: definition(over) });
  expect(created.status).toBe(201);
  expect((await api(tenant, `/api/v1/forms/${created.json.id}/publish`, 'POST')).status).toBe(201);
  return created.json.id;
}

beforeAll(async () => {
  server = await startTestServer({ config: { forms: { submitsPerIpPerMinute: 0 } } });
  alpha = await createTenant(server, 'progressive-a');
  beta = await createTenant(server, 'progressive-b');
  for (const tenant of [alpha, beta]) expect((await api(tenant, '/api/v1/custom-fields', 'POST', { key: 'plan', label: 'Plan', type: 'text' })).status).toBe(201);
  formId = await liveForm(alpha);
});
afterAll(() => server.close());

describe('GET /public/forms/:id/known', () => {
  it('answers a visitor nobody knows with nothing, in the same shape, never cached', async () => {
    const response = await known(formId, randomUuid());
    expect(response.status).toBe(200);
    expect(response.json).toEqual({ answered: [] });
    expect(response.headers.get('cache-control')).toBe('private, no-store');
  });

  it('names the questions a visitor’s contact answered, on the contact or in an earlier submission of the form, and never the answers', async () => {
    const visitor = randomUuid();
    expect((await submit(formId, { email: 'ana@acme.example', first_name: 'Ana Secret', company: '', goal: 'Grow the pipeline', _vid: visitor })).status).toBe(201);
    const first = await known(formId, visitor);
    expect(first.json).toEqual({ answered: ['first_name', 'goal'] });
    // Ana's second visit: the page asked job_title and plan in place of first_name and goal.
    expect((await submit(formId, { email: 'ana@acme.example', company: 'Acme Secret', job_title: 'CTO', plan: '', _vid: visitor })).status).toBe(201);
    const second = await known(formId, visitor);
    expect(second.json).toEqual({ answered: ['first_name', 'company', 'goal', 'job_title'] });
    for (const value of ['Ana Secret', 'Grow the pipeline', 'Acme Secret', 'CTO', 'ana@acme.example']) expect(second.text).not.toContain(value);
    const contact = (await api(alpha, '/api/v1/contacts?q=ana@acme.example')).json.data[0];
    expect(contact).toMatchObject({ first_name: 'Ana Secret', company_name: 'Acme Secret', job_title: 'CTO' });
  });

  it('follows the contact: a value set in the dashboard counts, one in the trash is nobody', async () => {
    const visitor = randomUuid();
    expect((await submit(formId, { email: 'ben@acme.example', first_name: 'Ben', _vid: visitor })).status).toBe(201);
    const contact = (await api(alpha, '/api/v1/contacts?q=ben@acme.example')).json.data[0];
    expect((await api(alpha, `/api/v1/contacts/${contact.id}`, 'PATCH', { custom: { plan: 'pro' } })).status).toBe(200);
    expect((await known(formId, visitor)).json).toEqual({ answered: ['first_name', 'plan'] });
    expect((await api(alpha, `/api/v1/contacts/${contact.id}`, 'DELETE')).status).toBe(204);
    expect((await known(formId, visitor)).json).toEqual({ answered: [] });
  });

  it('says nothing for a form that does not profile progressively', async () => {
    const plain = await liveForm(alpha, { enabled: false });
    const visitor = randomUuid();
    expect((await submit(plain, { email: 'cai@acme.example', first_name: 'Cai', _vid: visitor })).status).toBe(201);
    expect((await known(plain, visitor)).json).toEqual({ answered: [] });
    expect((await known(formId, visitor)).json).toEqual({ answered: ['first_name'] });
  });

  it('does not know another workspace’s visitors', async () => {
    const visitor = randomUuid();
    expect((await submit(formId, { email: 'dee@acme.example', first_name: 'Dee', _vid: visitor })).status).toBe(201);
    const theirs = await liveForm(beta);
    expect((await known(theirs, visitor)).json).toEqual({ answered: [] });
    expect((await known(formId, visitor)).json).toEqual({ answered: ['first_name'] });
  });

  it('refuses a visitor id of another shape with a problem, and an unknown form with 404', async () => {
    for (const bad of ['', 'nope', randomUuid().toUpperCase(), `${randomUuid()}0`, "' or 1=1 --"]) {
      const response = await known(formId, bad);
      expect(response.status, bad).toBe(400);
      expect(response.headers.get('content-type')).toContain('application/problem+json');
      expect(response.json.errors?.[0]).toMatchObject({ field: 'visitor' });
    }
    expect((await call(server, `/public/forms/${formId}/known`)).status).toBe(400);
    expect((await known(randomUuid(), randomUuid())).status).toBe(404);
  });

  it('keeps a submission’s visitor id only when it has the shape f.js makes', async () => {
    const response = await submit(formId, { email: 'eve@acme.example', first_name: 'Eve', _vid: 'not-a-visitor-id' });
    const [row] = (await sql<{ visitor_id: string | null }>`select visitor_id from form_submissions where id = ${response.json.submission_id}`.execute(server.database.db)).rows;
    expect(row).toEqual({ visitor_id: null });
  });

  it('opens to the form’s allowed sites only, like its other public routes', async () => {
    const guarded = await liveForm(alpha, { allowed_origins: ['https://site.example'] });
    const allowed = await known(guarded, randomUuid(), { origin: 'https://site.example' });
    expect(allowed.headers.get('access-control-allow-origin')).toBe('https://site.example');
    const other = await known(guarded, randomUuid(), { origin: 'https://evil.example' });
    expect(other.headers.get('access-control-allow-origin')).toBeNull();
    expect((await known(formId, randomUuid(), { origin: 'https://any.example' })).headers.get('access-control-allow-origin')).toBe('*');
  });
});
