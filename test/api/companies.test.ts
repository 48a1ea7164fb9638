import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { enqueue } from '../../src/db/jobs/queue.js';
import { Worker } from '../../src/db/jobs/worker.js';
import { jobHandlers } from '../../src/jobs.js';
import { addUser, call, createTenant, login, startTestServer, type Tenant, type TestServer } from '../helpers/server.js';

let server: TestServer;
let tenant: Tenant;

beforeAll(async () => {
  server = await startTestServer();
  tenant = await createTenant(server, 'firms');
});
afterAll(() => server.close());

const api = (path: string, method = 'GET', body?: unknown) => call(server, path, { method, apiKey: tenant.apiKey, body });
const names = (response: Awaited<ReturnType<typeof call>>) => response.json.data.map((c: { name: string }) => c.name);

describe('company records', () => {
  it('creates a company with its domain normalised from whatever was pasted', async () => {
    const created = await api('/api/v1/companies', 'POST', {
      name: '  Acme Brasil ',
      domain: 'https://www.ACME.com.br/contato?x=1',
      industry: 'Manufacturing',
      size: '51-200',
      revenue: 12500000.5,
      country: 'BR',
    });
    expect(created.status).toBe(201);
    expect(created.json).toEqual({
      id: expect.any(String),
      name: 'Acme Brasil',
      domain: 'acme.com.br',
      industry: 'Manufacturing',
      size: '51-200',
      revenue: 12500000.5,
      country: 'BR',
      contact_count: 0,
      created_at: expect.any(String),
      updated_at: expect.any(String),
    });
    const fetched = await api(`/api/v1/companies/${created.json.id}`);
    expect(fetched.json).toEqual(created.json);
  });

  it('keeps domains unique in the workspace, whatever form they are typed in', async () => {
    await api('/api/v1/companies', 'POST', { name: 'Initech', domain: 'initech.io' });
    const again = await api('/api/v1/companies', 'POST', { name: 'Initech again', domain: 'WWW.Initech.io/' });
    expect(again.status).toBe(409);
    expect(again.headers.get('content-type')).toContain('application/problem+json');
    expect(again.json.errors).toEqual([{ field: 'domain', message: 'belongs to another company' }]);
    const elsewhere = await createTenant(server, 'other-firms');
    const sameDomainOtherWorkspace = await call(server, '/api/v1/companies', { method: 'POST', apiKey: elsewhere.apiKey, body: { name: 'Initech', domain: 'initech.io' } });
    expect(sameDomainOtherWorkspace.status).toBe(201);
  });

  it('names the fields that are wrong', async () => {
    const bad = await api('/api/v1/companies', 'POST', { name: '   ', domain: 'not a domain', revenue: -1 });
    expect(bad.status).toBe(400);
    expect(bad.json.errors).toEqual([{ field: 'revenue', in: 'body', message: 'must be at least 0' }]);
    const badValues = await api('/api/v1/companies', 'POST', { name: '   ', domain: 'localhost' });
    expect(badValues.json.errors).toEqual([
      { field: 'name', message: 'must not be empty' },
      { field: 'domain', message: 'needs a dot (a top-level domain)' },
    ]);
  });

  it('changes and clears fields, and refuses a domain another company has', async () => {
    const company = (await api('/api/v1/companies', 'POST', { name: 'Globex', domain: 'globex.com', industry: 'Energy' })).json;
    const patched = await api(`/api/v1/companies/${company.id}`, 'PATCH', { name: 'Globex Corp', industry: null, domain: 'globex.net' });
    expect(patched.status).toBe(200);
    expect(patched.json).toMatchObject({ id: company.id, name: 'Globex Corp', industry: null, domain: 'globex.net' });
    const taken = await api(`/api/v1/companies/${company.id}`, 'PATCH', { domain: 'initech.io' });
    expect(taken.status).toBe(409);
    expect((await api(`/api/v1/companies/${company.id}`)).json.domain).toBe('globex.net');
    expect((await api('/api/v1/companies/0190b7d4-0000-7000-8000-000000000000', 'PATCH', { name: 'x' })).status).toBe(404);
    expect((await api('/api/v1/companies/not-an-id')).status).toBe(404);
  });

  it('lets viewers read but not change companies', async () => {
    const viewer = await addUser(server, tenant, 'viewer');
    const session = await login(server, viewer.email, viewer.password);
    expect((await call(server, '/api/v1/companies', { session })).status).toBe(200);
    expect((await call(server, '/api/v1/companies', { method: 'POST', session, body: { name: 'Nope' } })).status).toBe(403);
  });
});

describe('finding companies', () => {
  let finder: Tenant;
  const list = (query: string) => call(server, `/api/v1/companies${query}`, { apiKey: finder.apiKey });

  beforeAll(async () => {
    finder = await createTenant(server, 'company-finder');
    for (const [name, domain] of [['beta Labs', 'betalabs.io'], ['Alpha Works', 'alpha.works'], ['Alpaca_Co', 'llama.example'], ['Zeta', null]] as const) {
      expect((await call(server, '/api/v1/companies', { method: 'POST', apiKey: finder.apiKey, body: { name, domain } })).status).toBe(201);
    }
  });

  it('lists by name, case-insensitively, and filters on a name or domain prefix and on the domain', async () => {
    expect(names(await list(''))).toEqual(['Alpaca_Co', 'Alpha Works', 'beta Labs', 'Zeta']);
    expect(names(await list('?order=desc'))).toEqual(['Zeta', 'beta Labs', 'Alpha Works', 'Alpaca_Co']);
    expect(names(await list('?sort=created_at'))).toEqual(['Zeta', 'Alpaca_Co', 'Alpha Works', 'beta Labs']);
    expect(names(await list('?q=ALP'))).toEqual(['Alpaca_Co', 'Alpha Works']);
    expect(names(await list('?q=llama'))).toEqual(['Alpaca_Co']);
    expect(names(await list('?q=alpaca_'))).toEqual(['Alpaca_Co']);
    expect(names(await list('?q=%25'))).toEqual([]);
    expect(names(await list('?domain=https://www.BetaLabs.io/about'))).toEqual(['beta Labs']);
    expect((await list('?domain=nodot')).json.errors).toEqual([{ field: 'domain', in: 'querystring', message: 'needs a dot (a top-level domain)' }]);
  });

  it('pages with a cursor without repeating or skipping, in both sorts', async () => {
    for (const sort of ['name', 'created_at']) {
      const seen: string[] = [];
      let cursor: string | null = null;
      do {
        const page: Awaited<ReturnType<typeof call>> = await list(`?sort=${sort}&limit=1${cursor ? `&cursor=${cursor}` : ''}`);
        expect(page.status).toBe(200);
        seen.push(...names(page));
        cursor = page.json.next_cursor;
      } while (cursor);
      expect(seen).toEqual(names(await list(`?sort=${sort}`)));
    }
    expect((await list('?cursor=abc')).status).toBe(400);
  });
});

describe('a company and its contacts', () => {
  const upsert = (body: unknown) => api('/api/v1/contacts', 'POST', body);

  it('shows the contacts linked by their email domain, newest first, with the count', async () => {
    const company = (await api('/api/v1/companies', 'POST', { name: 'Hooli', domain: 'hooli.xyz' })).json;
    const gavin = await upsert({ email: 'gavin@hooli.xyz', first_name: 'Gavin' });
    const denpok = await upsert({ email: 'denpok@eu.hooli.xyz', first_name: 'Denpok' });
    expect(gavin.json.company_id).toBe(company.id);
    expect(denpok.json.company_id).toBe(company.id);
    const contacts = await api(`/api/v1/companies/${company.id}/contacts`);
    expect(contacts.json.data.map((c: { first_name: string }) => c.first_name)).toEqual(['Denpok', 'Gavin']);
    expect(contacts.json.data[0]).not.toHaveProperty('workspace_id');
    const first = await api(`/api/v1/companies/${company.id}/contacts?limit=1`);
    const second = await api(`/api/v1/companies/${company.id}/contacts?limit=1&cursor=${first.json.next_cursor}`);
    expect([first.json.data[0].first_name, second.json.data[0].first_name, second.json.next_cursor]).toEqual(['Denpok', 'Gavin', null]);
    expect((await api(`/api/v1/companies/${company.id}`)).json.contact_count).toBe(2);
    expect((await api('/api/v1/companies?q=hooli')).json.data[0].contact_count).toBe(2);
  });

  it('deletes a company and keeps its contacts, without a company', async () => {
    const company = (await api('/api/v1/companies', 'POST', { name: 'Pied Piper', domain: 'piedpiper.com' })).json;
    const richard = (await upsert({ email: 'richard@piedpiper.com' })).json;
    expect(richard.company_id).toBe(company.id);
    expect((await api(`/api/v1/companies/${company.id}`, 'DELETE')).status).toBe(204);
    expect((await api(`/api/v1/companies/${company.id}`)).status).toBe(404);
    expect((await api(`/api/v1/companies/${company.id}/contacts`)).status).toBe(404);
    expect((await api(`/api/v1/companies/${company.id}`, 'DELETE')).status).toBe(404);
    const after = await api(`/api/v1/contacts/${richard.id}`);
    expect(after.status).toBe(200);
    expect(after.json.company_id).toBeNull();
  });

  it('sets a contact’s company explicitly, over the one of its email domain, and records it', async () => {
    const parent = (await api('/api/v1/companies', 'POST', { name: 'Massive Dynamic Holdings' })).json;
    const subsidiary = (await api('/api/v1/companies', 'POST', { name: 'Massive Dynamic', domain: 'massive.example' })).json;
    const nina = await upsert({ email: 'nina@massive.example', company_id: parent.id });
    expect(nina.status).toBe(201);
    expect(nina.json.company_id).toBe(parent.id);
    const moved = await api(`/api/v1/contacts/${nina.json.id}`, 'PATCH', { company_id: subsidiary.id });
    expect(moved.json.company_id).toBe(subsidiary.id);
    const timeline = await api(`/api/v1/contacts/${nina.json.id}/timeline`);
    expect(timeline.json.data[0]).toMatchObject({ kind: 'contact.updated', data: { changes: { company_id: [parent.id, subsidiary.id] } } });
    // An explicit company wins even when the email changes in the same call.
    const both = await api(`/api/v1/contacts/${nina.json.id}`, 'PATCH', { email: 'nina@hooli.xyz', company_id: parent.id });
    expect(both.json).toMatchObject({ email: 'nina@hooli.xyz', company_id: parent.id });
    const cleared = await api(`/api/v1/contacts/${nina.json.id}`, 'PATCH', { company_id: null });
    expect(cleared.json.company_id).toBeNull();
    // Keeping existing values keeps the existing company too.
    await api(`/api/v1/contacts/${nina.json.id}`, 'PATCH', { company_id: subsidiary.id });
    const kept = await upsert({ email: 'nina@hooli.xyz', company_id: parent.id, keep_existing: true });
    expect(kept.json.company_id).toBe(subsidiary.id);
  });

  it('links an edited contact by the rule of every write: its company name first, else a new email’s domain', async () => {
    const initrode = (await api('/api/v1/companies', 'POST', { name: 'Initrode', domain: 'initrode.net' })).json;
    const milton = (await upsert({ email: 'milton@gmail.com', company_name: 'Initrode' })).json;
    expect(milton.company_id).toBe(initrode.id);
    // The same name in another spelling is the same company.
    const renamed = await api(`/api/v1/contacts/${milton.id}`, 'PATCH', { company_name: 'INITRODE, Inc.' });
    expect(renamed.json).toMatchObject({ company_name: 'INITRODE, Inc.', company_id: initrode.id });
    const chotchkies = (await api(`/api/v1/contacts/${milton.id}`, 'PATCH', { company_name: 'Chotchkie’s' })).json;
    expect(chotchkies.company_id).not.toBe(initrode.id);
    const timeline = await api(`/api/v1/contacts/${milton.id}/timeline`);
    expect(timeline.json.data[0]).toMatchObject({ kind: 'contact.updated', data: { changes: { company_name: ['INITRODE, Inc.', 'Chotchkie’s'], company_id: [initrode.id, chotchkies.company_id] } } });
    // Without a name, a new work email joins its domain’s company; a free-mail one keeps the company.
    const bob = (await upsert({ email: 'bob@gmail.com' })).json;
    expect(bob.company_id).toBeNull();
    const readdressed = await api(`/api/v1/contacts/${bob.id}`, 'PATCH', { email: 'bob@initrode.net' });
    expect(readdressed.json.company_id).toBe(initrode.id);
    const back = await api(`/api/v1/contacts/${bob.id}`, 'PATCH', { email: 'bob@gmail.com' });
    expect(back.json.company_id).toBe(initrode.id);
  });

  it('lets a contact’s company name decide its company over its email’s domain', async () => {
    const acme = (await api('/api/v1/companies', 'POST', { name: 'Acme', domain: 'acme-corp.com' })).json;
    // Someone at acme-corp.com who says they work for Vandelay is not put at Acme.
    const wile = (await upsert({ email: 'wile@acme-corp.com', company_name: 'Vandelay Industries' })).json;
    expect(wile.company_id).not.toBe(acme.id);
    const vandelay = (await api(`/api/v1/companies/${wile.company_id}`)).json;
    expect(vandelay).toMatchObject({ name: 'Vandelay Industries', domain: null });
    // Case, punctuation, marks and legal forms do not make another company.
    for (const company_name of ['ACME Inc.', 'Acme, Inc', 'The Acme Corporation', 'acme ltda']) {
      expect((await upsert({ email: `${company_name.length}@acme-corp.com`, company_name })).json.company_id, company_name).toBe(acme.id);
    }
    expect((await upsert({ email: 'art@gmail.com', company_name: 'VANDELAY INDUSTRIES GmbH' })).json.company_id).toBe(vandelay.id);
    // A new company takes the email's domain only when the two agree.
    const initech = (await upsert({ email: 'peter@initech-software.com', company_name: 'Initech Software LLC' })).json;
    expect((await api(`/api/v1/companies/${initech.company_id}`)).json).toMatchObject({ name: 'Initech Software LLC', domain: 'initech-software.com' });
    const samir = (await upsert({ email: 'samir@initech-software.com' })).json;
    expect(samir.company_id).toBe(initech.company_id);
    // Without a name, reserved example domains and consumer mailboxes link nothing.
    for (const email of ['ana@example.com', 'ana@acme.test', 'ana@comcast.net', 'ana@yahoo.com.br']) {
      expect((await upsert({ email })).json.company_id, email).toBeNull();
    }
    expect((await api('/api/v1/companies?q=example')).json.data).toEqual([]);
  });

  it('relinks, once, contacts whose company contradicts their company name', async () => {
    const local = await createTenant(server, 'relink-firms');
    const localApi = (path: string, method = 'GET', body?: unknown) => call(server, path, { method, apiKey: local.apiKey, body });
    const hooli = (await localApi('/api/v1/companies', 'POST', { name: 'Hooli', domain: 'hooli.xyz' })).json;
    const gavin = (await localApi('/api/v1/contacts', 'POST', { email: 'gavin@hooli.xyz', company_name: 'Hooli Inc.' })).json;
    const jared = (await localApi('/api/v1/contacts', 'POST', { email: 'jared@hooli.xyz', company_name: 'Pied Piper' })).json;
    // As the domain-only rule left them: both at Hooli.
    await sql`update contacts set company_id = ${hooli.id} where workspace_id = ${local.workspaceId}`.execute(server.database.db);
    await enqueue(server.database.db, 'contacts.relink_companies', {}, { workspaceId: local.workspaceId });
    await new Worker(server.database.db, jobHandlers(), { concurrency: 1, pollMs: 10 }).runOnce();
    expect((await localApi(`/api/v1/contacts/${gavin.id}`)).json.company_id).toBe(hooli.id);
    const moved = (await localApi(`/api/v1/contacts/${jared.id}`)).json;
    expect((await localApi(`/api/v1/companies/${moved.company_id}`)).json).toMatchObject({ name: 'Pied Piper', domain: null });
    const timeline = await localApi(`/api/v1/contacts/${jared.id}/timeline`);
    expect(timeline.json.data[0]).toMatchObject({ kind: 'contact.updated', actor_type: 'system', data: { changes: { company_id: [hooli.id, moved.company_id] } } });
  });

  it('refuses a company that is not one of the workspace', async () => {
    const elsewhere = await createTenant(server, 'foreign-firms');
    const foreign = (await call(server, '/api/v1/companies', { method: 'POST', apiKey: elsewhere.apiKey, body: { name: 'Foreign' } })).json;
    for (const company_id of [foreign.id, 'not-an-id', '0190b7d4-0000-7000-8000-000000000000']) {
      const refused = await upsert({ email: 'someone@example.org', company_id });
      expect(refused.status, company_id).toBe(400);
      expect(refused.json.errors).toEqual([{ field: 'company_id', message: 'is not a company of this workspace' }]);
    }
    expect((await api('/api/v1/contacts?email=someone@example.org')).json.data).toEqual([]);
  });
});
