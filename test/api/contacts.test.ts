import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addUser, call, createTenant, login, startTestServer, type Tenant, type TestServer } from '../helpers/server.js';

const hostile = JSON.parse(readFileSync(new URL('../../../shared/fixtures/hostile-inputs.json', import.meta.url), 'utf8'));

let server: TestServer;
let tenant: Tenant;

beforeAll(async () => {
  server = await startTestServer();
  tenant = await createTenant(server, 'crm');
  for (const field of [
    { key: 'occupation', label: 'Occupation', type: 'text' },
    { key: 'visits', label: 'Visits', type: 'number' },
    { key: 'plan', label: 'Plan', type: 'select', options: ['free', 'pro'] },
  ]) {
    expect((await call(server, '/api/v1/custom-fields', { method: 'POST', apiKey: tenant.apiKey, body: field })).status).toBe(201);
  }
});
afterAll(() => server.close());

const upsert = (body: unknown) => call(server, '/api/v1/contacts', { method: 'POST', apiKey: tenant.apiKey, body });

describe('contact upsert', () => {
  it('creates with 201, then updates the same person by email in any case with 200', async () => {
    const created = await upsert({ email: '  Ana.Souza@ACME.com.br ', first_name: 'Ana', tags: ['webinar'], custom: { visits: 3 } });
    expect(created.status).toBe(201);
    expect(created.json).toMatchObject({ email: 'Ana.Souza@acme.com.br', first_name: 'Ana', lifecycle_stage: 'lead', tags: ['webinar'], custom: { visits: 3 } });
    const updated = await upsert({ email: 'ana.souza@acme.com.br', last_name: 'Souza', tags: ['ebook'] });
    expect(updated.status).toBe(200);
    expect(updated.json).toMatchObject({ id: created.json.id, first_name: 'Ana', last_name: 'Souza', tags: ['webinar', 'ebook'] });
  });

  it('links the contact to a company from the email domain, but not for free-mail addresses', async () => {
    const work = await upsert({ email: 'rafa@globex-brasil.com.br', company_name: 'Globex Brasil' });
    expect(work.json.company_id).toEqual(expect.any(String));
    const colleague = await upsert({ email: 'lia@globex-brasil.com.br' });
    expect(colleague.json.company_id).toBe(work.json.company_id);
    const personal = await upsert({ email: 'someone@gmail.com' });
    expect(personal.json.company_id).toBeNull();
  });

  it('keys a contact without email by external id, and joins the email that arrives later', async () => {
    const chat = await upsert({ external_id: 'lead-7b2f', phone: '+55 81 99999-0000' });
    expect(chat.status).toBe(201);
    const later = await upsert({ external_id: 'lead-7b2f', email: 'marcos@example.org', first_name: 'Marcos' });
    expect(later.status).toBe(200);
    expect(later.json).toMatchObject({ id: chat.json.id, email: 'marcos@example.org', phone: '+55 81 99999-0000' });
  });

  it("keeps filled-in fields when asked not to overwrite", async () => {
    await upsert({ email: 'keep@example.org', first_name: 'Keep', city: 'Recife' });
    const again = await upsert({ email: 'keep@example.org', first_name: 'Other', job_title: 'CTO', keep_existing: true });
    expect(again.json).toMatchObject({ first_name: 'Keep', city: 'Recife', job_title: 'CTO' });
  });

  it('refuses a contact without identity, invalid emails and wrong custom values, naming the fields', async () => {
    const none = await upsert({ first_name: 'Nobody' });
    expect(none.status).toBe(400);
    expect(none.json.errors).toEqual([{ field: 'email', message: 'is required when there is no external_id' }]);
    for (const email of hostile.emails_invalid.filter((e: string) => e.trim() !== '')) {
      const response = await upsert({ email });
      expect(response.status, email).toBe(400);
      expect(response.json.errors[0].field).toBe('email');
    }
    const wrong = await upsert({ email: 'typed@example.org', lifecycle_stage: 'king', custom: { visits: 'many', plan: 'gold', nope: 1 } });
    expect(wrong.status).toBe(400);
    expect(wrong.json.errors).toEqual([
      { field: 'lifecycle_stage', message: 'must be one of: subscriber, lead, mql, sql, opportunity, customer, evangelist, other' },
      { field: 'custom.visits', message: 'must be a number' },
      { field: 'custom.plan', message: 'must be one of: free, pro' },
      { field: 'custom.nope', message: 'is not a custom field of this workspace' },
    ]);
    expect((await call(server, '/api/v1/contacts?email=typed@example.org', { apiKey: tenant.apiKey })).json.data).toEqual([]);
  });

  it('stores hostile text as data and returns it unchanged', async () => {
    for (const [i, text] of [...hostile.xss, ...hostile.sql, ...hostile.template_injection, ...hostile.csv_formula].entries()) {
      const response = await upsert({ email: `hostile${i}@example.org`, first_name: text.slice(0, 200), custom: { occupation: text } });
      expect(response.status, text).toBe(201);
      expect(response.json.custom.occupation).toBe(text);
    }
  });

  it('updates the email\'s contact and warns when the email and the external id point at two contacts (identity-conflicts.test.ts)', async () => {
    const one = await upsert({ email: 'one@example.org' });
    const two = await upsert({ external_id: 'two' });
    const both = await upsert({ email: 'one@example.org', external_id: 'two' });
    expect(both.status).toBe(200);
    expect(both.json).toMatchObject({ id: one.json.id, external_id: null, warnings: [{ field: 'external_id', message: expect.stringContaining(two.json.id) }] });
  });
});

describe('contact edits, timeline and notes', () => {
  it('records creation and every change with old and new values, and notes by users', async () => {
    const created = await upsert({ email: 'timeline@example.org', first_name: 'Tim', custom: { plan: 'free' } });
    const session = await login(server, tenant.ownerEmail, tenant.password);
    const patched = await call(server, `/api/v1/contacts/${created.json.id}`, {
      method: 'PATCH',
      session,
      body: { first_name: 'Timothy', lifecycle_stage: 'mql', tags: ['vip'], custom: { plan: 'pro' } },
    });
    expect(patched.status).toBe(200);
    expect(patched.json).toMatchObject({ first_name: 'Timothy', lifecycle_stage: 'mql', tags: ['vip'], custom: { plan: 'pro' } });
    expect((await call(server, `/api/v1/contacts/${created.json.id}/notes`, { method: 'POST', session, body: { text: 'Called, wants a demo' } })).status).toBe(201);
    const timeline = await call(server, `/api/v1/contacts/${created.json.id}/timeline`, { apiKey: tenant.apiKey });
    expect(timeline.json.data.map((e: { kind: string }) => e.kind)).toEqual(['note.added', 'contact.updated', 'contact.created']);
    const [note, update] = timeline.json.data;
    expect(note).toMatchObject({ actor_type: 'user', data: { text: 'Called, wants a demo' } });
    expect(update.data.changes).toEqual({
      first_name: ['Tim', 'Timothy'],
      lifecycle_stage: ['lead', 'mql'],
      tags: [[], ['vip']],
      'custom.plan': ['free', 'pro'],
    });
  });

  it('takes the creation date of a contact brought from another system, only when creating it', async () => {
    const created = await upsert({ email: 'since-2019@example.org', created_at: '2019-03-04T10:15:00-03:00' });
    expect(created.status).toBe(201);
    expect(created.json.created_at).toBe('2019-03-04T13:15:00.000Z');
    const timeline = await call(server, `/api/v1/contacts/${created.json.id}/timeline`, { apiKey: tenant.apiKey });
    expect(timeline.json.data).toMatchObject([{ kind: 'contact.created', occurred_at: '2019-03-04T13:15:00.000Z' }]);
    const again = await upsert({ email: 'since-2019@example.org', created_at: '2018-01-01', city: 'Natal' });
    expect(again.json).toMatchObject({ created_at: '2019-03-04T13:15:00.000Z', city: 'Natal' });

    const batch = await call(server, '/api/v1/contacts/batch', {
      method: 'POST',
      apiKey: tenant.apiKey,
      body: { contacts: [{ email: 'batch-2020@example.org', created_at: '2020-02-29' }, { email: 'bad-date@example.org', created_at: '2020-02-30' }] },
    });
    expect(batch.json.results).toMatchObject([
      { status: 'created' },
      { status: 'error', errors: [{ field: 'created_at', message: 'is not a real date' }] },
    ]);
    const fromBatch = await call(server, '/api/v1/contacts?email=batch-2020@example.org', { apiKey: tenant.apiKey });
    expect(fromBatch.json.data).toMatchObject([{ created_at: '2020-02-29T00:00:00.000Z' }]);
    for (const created_at of ['2019-03-04T10:15:00', '2999-01-01', 'yesterday']) {
      const refused = await upsert({ email: 'refused-date@example.org', created_at });
      expect(refused.status, created_at).toBe(400);
      expect(refused.json.errors, created_at).toMatchObject([{ field: 'created_at' }]);
    }
    const patch = await call(server, `/api/v1/contacts/${created.json.id}`, { method: 'PATCH', apiKey: tenant.apiKey, body: { created_at: '2018-01-01' } });
    expect(patch.status).toBe(400);
  });

  it('does not record an update that changes nothing', async () => {
    const created = await upsert({ email: 'same@example.org', first_name: 'Same' });
    await upsert({ email: 'same@example.org', first_name: 'Same' });
    const timeline = await call(server, `/api/v1/contacts/${created.json.id}/timeline`, { apiKey: tenant.apiKey });
    expect(timeline.json.data).toHaveLength(1);
  });

  it('only assigns owners who belong to the workspace', async () => {
    const sales = await addUser(server, tenant, 'sales');
    const members = await call(server, '/api/v1/members', { apiKey: tenant.apiKey });
    const salesId = members.json.data.find((m: { email: string }) => m.email === sales.email).user_id;
    const created = await upsert({ email: 'owned@example.org', owner_id: salesId });
    expect(created.json.owner_id).toBe(salesId);
    const outsider = await createTenant(server, 'outsider');
    const outsiderId = (await call(server, '/api/v1/members', { apiKey: outsider.apiKey })).json.data[0].user_id;
    const refused = await upsert({ email: 'owned@example.org', owner_id: outsiderId });
    expect(refused.json.errors).toEqual([{ field: 'owner_id', message: 'is not a user of this workspace' }]);
  });

  it('moves a deleted contact to the trash, history kept; viewers may not delete', async () => {
    const created = await upsert({ email: 'gone@example.org' });
    const viewer = await addUser(server, tenant, 'viewer');
    const session = await login(server, viewer.email, viewer.password);
    expect((await call(server, `/api/v1/contacts/${created.json.id}`, { method: 'DELETE', session })).status).toBe(403);
    expect((await call(server, `/api/v1/contacts/${created.json.id}`, { session })).status).toBe(200);
    expect((await call(server, `/api/v1/contacts/${created.json.id}`, { method: 'DELETE', apiKey: tenant.apiKey })).status).toBe(204);
    expect((await call(server, `/api/v1/contacts/${created.json.id}`, { apiKey: tenant.apiKey })).status).toBe(404);
    const events = await server.database.db.selectFrom('contact_events').select('kind').where('contact_id', '=', created.json.id).orderBy('id').execute();
    expect(events.map((e) => e.kind)).toEqual(['contact.created', 'contact.deleted']);
  });
});

describe('finding contacts', () => {
  let listTenant: Tenant;
  const list = (query: string) => call(server, `/api/v1/contacts${query}`, { apiKey: listTenant.apiKey });

  beforeAll(async () => {
    listTenant = await createTenant(server, 'finder');
    await call(server, '/api/v1/custom-fields', { method: 'POST', apiKey: listTenant.apiKey, body: { key: 'plan', label: 'Plan', type: 'select', options: ['free', 'pro'] } });
    const people = [
      { email: 'alice@alpha.io', first_name: 'Alice', last_name: 'Zhang', tags: ['vip'], lifecycle_stage: 'mql', custom: { plan: 'pro' } },
      { email: 'alfred@beta.io', first_name: 'Alfred', last_name: 'Young', tags: ['vip', 'webinar'], lifecycle_stage: 'lead', custom: { plan: 'free' } },
      { email: 'bruno@gamma.io', first_name: 'Bruno', last_name: 'Alves', tags: ['Webinar'], lifecycle_stage: 'sql' },
      { email: 'carla_x@delta.io', first_name: 'Carla', company_name: 'Alpaca Ltd', lifecycle_stage: 'lead' },
      { external_id: 'phone-lead-1', first_name: 'Dora' },
    ];
    for (const person of people) expect((await call(server, '/api/v1/contacts', { method: 'POST', apiKey: listTenant.apiKey, body: person })).status).toBe(201);
  });

  const emails = (response: Awaited<ReturnType<typeof call>>) => response.json.data.map((c: { email: string | null; external_id: string | null }) => c.email ?? c.external_id);

  it('lists newest first by default, and by any filter', async () => {
    expect(emails(await list(''))).toEqual(['phone-lead-1', 'carla_x@delta.io', 'bruno@gamma.io', 'alfred@beta.io', 'alice@alpha.io']);
    expect(emails(await list('?q=al'))).toEqual(['carla_x@delta.io', 'bruno@gamma.io', 'alfred@beta.io', 'alice@alpha.io']);
    expect(emails(await list('?q=ALI'))).toEqual(['alice@alpha.io']);
    expect(emails(await list('?email=ALICE@alpha.io'))).toEqual(['alice@alpha.io']);
    expect(emails(await list('?tag=vip&tag=webinar'))).toEqual(['alfred@beta.io']);
    // A tag keeps the spelling it was given and is found in any case.
    expect(emails(await list('?tag=WEBINAR'))).toEqual(['bruno@gamma.io', 'alfred@beta.io']);
    const bruno = (await list('?email=bruno@gamma.io')).json.data[0];
    expect(bruno.tags).toEqual(['Webinar']);
    expect(bruno).not.toHaveProperty('tag_keys');
    expect(emails(await list('?stage=lead&sort=created_at&order=asc'))).toEqual(['alfred@beta.io', 'carla_x@delta.io', 'phone-lead-1']);
    expect(emails(await list('?custom.plan=pro'))).toEqual(['alice@alpha.io']);
  });

  it('treats LIKE wildcards in q as plain characters', async () => {
    expect(emails(await list('?q=carla_'))).toEqual(['carla_x@delta.io']);
    expect(emails(await list('?q=%25'))).toEqual([]);
  });

  it('pages with a cursor without repeating or skipping', async () => {
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page: Awaited<ReturnType<typeof call>> = await list(`?limit=2${cursor ? `&cursor=${cursor}` : ''}`);
      expect(page.status).toBe(200);
      seen.push(...emails(page));
      cursor = page.json.next_cursor;
    } while (cursor);
    expect(seen).toEqual(emails(await list('')));
  });

  it('rejects unknown filters and bad cursors with 400', async () => {
    expect((await list('?colour=red')).status).toBe(400);
    expect((await list('?custom.nope=1')).json.errors).toEqual([{ field: 'custom.nope', in: 'querystring', message: 'is not a custom field of this workspace' }]);
    expect((await list('?cursor=abc')).status).toBe(400);
    expect((await list('?owner=not-an-id')).status).toBe(400);
    expect((await list("?q=' OR '1'='1")).json.data).toEqual([]);
  });
});

describe('batch upsert', () => {
  it('stores the valid items and reports each invalid one, in order', async () => {
    const response = await call(server, '/api/v1/contacts/batch', {
      method: 'POST',
      apiKey: tenant.apiKey,
      body: {
        contacts: [
          { email: 'batch1@example.org', first_name: 'One' },
          { email: 'not-an-email' },
          { email: 'BATCH1@example.org', last_name: 'Again' },
          { external_id: 'batch-ext', custom: { visits: 'x' } },
          { external_id: 'batch-ext-2' },
        ],
      },
    });
    expect(response.status).toBe(200);
    expect(response.json).toMatchObject({ created: 2, updated: 1, failed: 2 });
    const [first, bad, again, wrongType, ext] = response.json.results;
    expect(first).toMatchObject({ index: 0, status: 'created' });
    expect(bad).toMatchObject({ index: 1, status: 'error', errors: [{ field: 'email' }] });
    expect(again).toMatchObject({ index: 2, status: 'updated', id: first.id });
    expect(wrongType).toMatchObject({ index: 3, status: 'error', errors: [{ field: 'custom.visits', message: 'must be a number' }] });
    expect(ext).toMatchObject({ index: 4, status: 'created' });
    const stored = await call(server, `/api/v1/contacts/${first.id}`, { apiKey: tenant.apiKey });
    expect(stored.json).toMatchObject({ first_name: 'One', last_name: 'Again' });
  });

  it('with skip_existing, inserts only: existing contacts stay as they were and a person\'s first item wins', async () => {
    await upsert({ email: 'skip-old@example.org', first_name: 'Old' });
    const response = await call(server, '/api/v1/contacts/batch', {
      method: 'POST',
      apiKey: tenant.apiKey,
      body: {
        skip_existing: true,
        contacts: [
          { email: 'SKIP-OLD@example.org', first_name: 'Changed' },
          { email: 'skip-new@example.org', first_name: 'First' },
          { email: 'skip-new@example.org', first_name: 'Second' },
        ],
      },
    });
    expect(response.json).toMatchObject({ created: 1, updated: 0, skipped: 2, failed: 0 });
    expect(response.json.results.map((r: { status: string }) => r.status)).toEqual(['skipped', 'created', 'skipped']);
    const names = await call(server, '/api/v1/contacts?q=skip-', { apiKey: tenant.apiKey });
    expect(names.json.data.map((c: { first_name: string }) => c.first_name).sort()).toEqual(['First', 'Old']);
  });

  it('refuses more than 1,000 items at once', async () => {
    const contacts = Array.from({ length: 1001 }, (_, i) => ({ email: `many${i}@example.org` }));
    const response = await call(server, '/api/v1/contacts/batch', { method: 'POST', apiKey: tenant.apiKey, body: { contacts } });
    expect(response.status).toBe(400);
    expect(response.json.errors[0]).toMatchObject({ field: 'contacts', message: 'must have at most 1000 items' });
  });
});

describe('paging contacts created in one transaction', () => {
  it('neither repeats nor skips rows that share a creation time, in both directions', async () => {
    const same = await createTenant(server, 'sametime');
    const created = await call(server, '/api/v1/contacts/batch', {
      method: 'POST',
      apiKey: same.apiKey,
      body: { contacts: ['k1', 'k2', 'k3', 'k4'].map((external_id) => ({ external_id })) },
    });
    expect(created.json.created).toBe(4);
    for (const order of ['asc', 'desc']) {
      const seen: string[] = [];
      let cursor: string | null = null;
      do {
        const page: Awaited<ReturnType<typeof call>> = await call(server, `/api/v1/contacts?limit=1&order=${order}${cursor ? `&cursor=${cursor}` : ''}`, { apiKey: same.apiKey });
        seen.push(...page.json.data.map((c: { external_id: string }) => c.external_id));
        cursor = page.json.next_cursor;
      } while (cursor && seen.length < 10);
      expect(seen.sort()).toEqual(['k1', 'k2', 'k3', 'k4']);
    }
  });
});
