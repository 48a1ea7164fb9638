import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addUser, call, createTenant, login, startTestServer, type Tenant, type TestServer } from '../helpers/server.js';

let server: TestServer;
let tenant: Tenant;

beforeAll(async () => {
  server = await startTestServer();
  tenant = await createTenant(server, 'privacy');
  await call(server, '/api/v1/custom-fields', { method: 'POST', apiKey: tenant.apiKey, body: { key: 'plan', label: 'Plan', type: 'select', options: ['free', 'pro'] } });
});
afterAll(() => server.close());

const api = (path: string, method = 'GET', body?: unknown) => call(server, path, { method, apiKey: tenant.apiKey, body });
const newContact = async (body: Record<string, unknown>) => (await api('/api/v1/contacts', 'POST', body)).json;
const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

describe('consents', () => {
  it('records a consent with its wording, time, place and address, and lists them newest first', async () => {
    const contact = await newContact({ email: 'consent@example.org' });
    const granted = await api(`/api/v1/contacts/${contact.id}/consents`, 'POST', {
      purpose: 'email_marketing',
      granted: true,
      text_shown: 'Yes, send me the newsletter. I can unsubscribe at any time.',
      source: 'form:newsletter-footer',
      ip: '2001:db8::1',
      occurred_at: '2025-03-01T10:00:00Z',
    });
    expect(granted.status).toBe(201);
    expect(granted.json).toEqual({
      id: expect.any(String),
      contact_id: contact.id,
      purpose: 'email_marketing',
      granted: true,
      text_shown: 'Yes, send me the newsletter. I can unsubscribe at any time.',
      source: 'form:newsletter-footer',
      ip: '2001:db8::1',
      occurred_at: '2025-03-01T10:00:00.000Z',
    });
    const withdrawn = await api(`/api/v1/contacts/${contact.id}/consents`, 'POST', { purpose: 'email_marketing', granted: false, text_shown: '', source: 'unsubscribe page' });
    expect(withdrawn.json).toMatchObject({ granted: false, text_shown: '', ip: null });
    const listed = await api(`/api/v1/contacts/${contact.id}/consents?limit=1`);
    expect(listed.json.data.map((c: { id: string }) => c.id)).toEqual([withdrawn.json.id]);
    const next = await api(`/api/v1/contacts/${contact.id}/consents?limit=1&cursor=${listed.json.next_cursor}`);
    expect([next.json.data.map((c: { id: string }) => c.id), next.json.next_cursor]).toEqual([[granted.json.id], null]);
    const timeline = (await api(`/api/v1/contacts/${contact.id}/timeline`)).json.data;
    expect(timeline.map((e: { kind: string; data: unknown }) => [e.kind, e.data])).toEqual([
      ['consent.refused', { consent_id: withdrawn.json.id, purpose: 'email_marketing', source: 'unsubscribe page' }],
      ['contact.created', expect.any(Object)],
      ['consent.granted', { consent_id: granted.json.id, purpose: 'email_marketing', source: 'form:newsletter-footer' }],
    ]);
  });

  it('refuses a consent that could not be proven, naming the fields', async () => {
    const contact = await newContact({ email: 'unproven@example.org' });
    const response = await api(`/api/v1/contacts/${contact.id}/consents`, 'POST', {
      purpose: ' ', granted: true, text_shown: '  ', source: 'x', ip: '999.1.1.1', occurred_at: '2999-01-01T00:00:00Z',
    });
    expect(response.status).toBe(400);
    expect(response.json.errors).toEqual([
      { field: 'purpose', message: 'must not be empty' },
      { field: 'text_shown', message: 'must hold the wording the person agreed to' },
      { field: 'ip', message: 'is not an IPv4 or IPv6 address' },
      { field: 'occurred_at', message: 'is in the future' },
    ]);
    expect((await api(`/api/v1/contacts/${contact.id}/consents`)).json.data).toEqual([]);
    expect((await api('/api/v1/contacts/0190b7d4-0000-7000-8000-000000000000/consents', 'POST', { purpose: 'x', granted: false, text_shown: '', source: 'x' })).status).toBe(404);
  });
});

describe('export of one person', () => {
  it('gives fields, custom values, tags, company, lists, timeline and consents as JSON', async () => {
    const company = (await api('/api/v1/companies', 'POST', { name: 'Umbrella', domain: 'umbrella-example.com', industry: 'Pharma' })).json;
    const contact = await newContact({ email: 'alice@umbrella-example.com', first_name: 'Alice', tags: ['vip'], custom: { plan: 'pro' } });
    const list = (await api('/api/v1/lists', 'POST', { name: 'Researchers' })).json;
    await api(`/api/v1/lists/${list.id}/contacts`, 'POST', { contact_ids: [contact.id] });
    await api(`/api/v1/contacts/${contact.id}/notes`, 'POST', { text: 'Asked about pricing' });
    const consent = (await api(`/api/v1/contacts/${contact.id}/consents`, 'POST', { purpose: 'calls', granted: true, text_shown: 'Call me', source: 'phone' })).json;
    const exported = await api(`/api/v1/contacts/${contact.id}/export`);
    expect(exported.status).toBe(200);
    const body = exported.json;
    expect(Object.keys(body).sort()).toEqual(['asset_downloads', 'company', 'consents', 'contact', 'exported_at', 'form_submissions', 'lists', 'timeline', 'tracking_events', 'tracking_sessions', 'tracking_visitors']);
    expect(body.contact).toEqual((await api(`/api/v1/contacts/${contact.id}`)).json);
    expect(body.contact).toMatchObject({ email: 'alice@umbrella-example.com', first_name: 'Alice', tags: ['vip'], custom: { plan: 'pro' }, company_id: company.id });
    expect(body.contact).not.toHaveProperty('workspace_id');
    const { contact_count: _count, ...companyFields } = (await api(`/api/v1/companies/${company.id}`)).json;
    expect(body.company).toEqual(companyFields);
    expect(body.lists).toEqual([{ id: list.id, name: 'Researchers', description: '', added_at: expect.any(String) }]);
    expect(body.consents).toEqual([consent]);
    expect(body.timeline.map((e: { kind: string }) => e.kind)).toEqual(['contact.created', 'list.added', 'note.added', 'consent.granted']);
    expect((await api('/api/v1/contacts/0190b7d4-0000-7000-8000-000000000000/export')).status).toBe(404);
  });
});

describe('erasure', () => {
  it('deletes the person with everything attached, keeping only a hash of the email', async () => {
    const contact = await newContact({ email: 'Erase.Me@Example.org', first_name: 'Eve', phone: '+44 20 7946 0000' });
    const list = (await api('/api/v1/lists', 'POST', { name: 'To be erased from' })).json;
    await api(`/api/v1/lists/${list.id}/contacts`, 'POST', { contact_ids: [contact.id] });
    await api(`/api/v1/contacts/${contact.id}/consents`, 'POST', { purpose: 'email', granted: true, text_shown: 'OK', source: 'form' });
    const erased = await api(`/api/v1/contacts/${contact.id}/erase`, 'POST');
    expect(erased.status).toBe(200);
    expect(erased.json).toEqual({ id: contact.id, erased_at: expect.any(String), email_suppressed: true });
    expect((await api(`/api/v1/contacts/${contact.id}`)).status).toBe(404);
    expect((await api(`/api/v1/contacts/${contact.id}/erase`, 'POST')).status).toBe(404);
    expect((await api(`/api/v1/lists/${list.id}`)).json.member_count).toBe(0);
    const db = server.database.db;
    for (const table of ['contact_events', 'consents', 'list_members'] as const) {
      expect(await db.selectFrom(table).select('contact_id').where('contact_id', '=', contact.id).execute(), table).toEqual([]);
    }
    const suppressions = await db.selectFrom('suppressions').select(['email_hash', 'reason']).where('workspace_id', '=', tenant.workspaceId).execute();
    expect(suppressions).toEqual([{ email_hash: sha256('erase.me@example.org'), reason: 'erased' }]);
  });

  it('refuses to bring an erased address back, in any case, by upsert or by edit', async () => {
    const contact = await newContact({ email: 'gone-for-good@example.org' });
    await api(`/api/v1/contacts/${contact.id}/erase`, 'POST');
    const again = await api('/api/v1/contacts', 'POST', { email: 'GONE-FOR-GOOD@example.org', first_name: 'Again' });
    expect(again.status).toBe(409);
    expect(again.json).toMatchObject({ code: 'conflict', errors: [{ field: 'email', message: 'this address asked to be erased' }] });
    const someone = await newContact({ email: 'someone-else@example.org' });
    const edit = await api(`/api/v1/contacts/${someone.id}`, 'PATCH', { email: 'gone-for-good@example.org' });
    expect(edit.status).toBe(409);
    expect((await api('/api/v1/contacts?email=gone-for-good@example.org')).json.data).toEqual([]);
    // The suppression belongs to this workspace only.
    const elsewhere = await createTenant(server, 'other-brand');
    expect((await call(server, '/api/v1/contacts', { method: 'POST', apiKey: elsewhere.apiKey, body: { email: 'gone-for-good@example.org' } })).status).toBe(201);
  });

  it('erases a contact known only by an external id, with nothing to suppress', async () => {
    const contact = await newContact({ external_id: 'crm-77', first_name: 'Phone lead' });
    expect((await api(`/api/v1/contacts/${contact.id}/erase`, 'POST')).json).toMatchObject({ id: contact.id, email_suppressed: false });
  });

  it('is for owners and admins only', async () => {
    const contact = await newContact({ email: 'protected@example.org' });
    const marketer = await addUser(server, tenant, 'marketer');
    const session = await login(server, marketer.email, marketer.password);
    const refused = await call(server, `/api/v1/contacts/${contact.id}/erase`, { method: 'POST', session });
    expect(refused.status).toBe(403);
    expect(refused.json.detail).toContain('contacts.erase');
    const admin = await addUser(server, tenant, 'admin');
    const adminSession = await login(server, admin.email, admin.password);
    expect((await call(server, `/api/v1/contacts/${contact.id}/erase`, { method: 'POST', session: adminSession })).status).toBe(200);
    const roles = (await api('/api/v1/roles')).json.data;
    const holders = roles.filter((r: { permissions: Array<{ name: string }> }) => r.permissions.some((p) => p.name === 'contacts.erase')).map((r: { role: string }) => r.role);
    expect(holders).toEqual(['owner', 'admin']);
  });
});
