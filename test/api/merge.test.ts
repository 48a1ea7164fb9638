import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Worker } from '../../src/db/jobs/worker.js';
import { eventDispatcher, jobHandlers } from '../../src/jobs.js';
import { addUser, call, createTenant, login, startTestServer, type Tenant, type TestServer } from '../helpers/server.js';

let server: TestServer;
let tenant: Tenant;

beforeAll(async () => {
  server = await startTestServer();
  tenant = await createTenant(server, 'merges');
  for (const field of [
    { key: 'plan', label: 'Plan', type: 'select', options: ['free', 'pro'] },
    { key: 'visits', label: 'Visits', type: 'number' },
  ]) await call(server, '/api/v1/custom-fields', { method: 'POST', apiKey: tenant.apiKey, body: field });
});
afterAll(() => server.close());

const api = (path: string, method = 'GET', body?: unknown) => call(server, path, { method, apiKey: tenant.apiKey, body });
const newContact = async (body: Record<string, unknown>) => (await api('/api/v1/contacts', 'POST', body)).json;
const merge = (id: string, body: unknown) => api(`/api/v1/contacts/${id}/merge`, 'POST', body);

describe('merging two contacts', () => {
  it('keeps this contact’s values, fills the gaps from the other, and moves its history', async () => {
    const ana = await newContact({ email: 'ana@initech.example', first_name: 'Ana', tags: ['webinar'], custom: { plan: 'free' }, lifecycle_stage: 'lead' });
    const dup = await newContact({
      email: 'ana.souza@gmail.com', first_name: 'Ana Maria', last_name: 'Souza', phone: '+55 81 99999-0000',
      tags: ['Webinar', 'ebook'], custom: { plan: 'pro', visits: 3 }, lifecycle_stage: 'mql', do_not_email: true,
    });
    const shared = (await api('/api/v1/lists', 'POST', { name: 'Both' })).json.id;
    const onlyDup = (await api('/api/v1/lists', 'POST', { name: 'Only the duplicate' })).json.id;
    await api(`/api/v1/lists/${shared}/contacts`, 'POST', { contact_ids: [ana.id, dup.id] });
    await api(`/api/v1/lists/${onlyDup}/contacts`, 'POST', { contact_ids: [dup.id] });
    await api(`/api/v1/contacts/${dup.id}/notes`, 'POST', { text: 'Met at the fair' });
    const consent = (await api(`/api/v1/contacts/${dup.id}/consents`, 'POST', { purpose: 'email', granted: false, text_shown: '', source: 'fair' })).json;

    const merged = await merge(ana.id, { other_id: dup.id });
    expect(merged.status).toBe(200);
    expect(merged.json).toMatchObject({
      id: ana.id,
      email: 'ana@initech.example',
      first_name: 'Ana',
      last_name: 'Souza',
      phone: '+55 81 99999-0000',
      tags: ['webinar', 'ebook'],
      custom: { plan: 'free', visits: 3 },
      lifecycle_stage: 'mql',
      do_not_email: true,
      company_id: ana.company_id,
      created_at: ana.created_at,
    });
    expect((await api(`/api/v1/contacts/${dup.id}`)).status).toBe(404);
    const timeline = (await api(`/api/v1/contacts/${ana.id}/timeline`)).json.data;
    expect(timeline.map((e: { kind: string }) => e.kind)).toEqual([
      'contact.merged', 'consent.refused', 'note.added', 'list.added', 'list.added', 'list.added', 'contact.created', 'contact.created',
    ]);
    expect(timeline[0].data).toEqual({
      merged_contact: { id: dup.id, email: 'ana.souza@gmail.com', external_id: null, created_at: dup.created_at },
      changes: {
        last_name: [null, 'Souza'],
        phone: [null, '+55 81 99999-0000'],
        lifecycle_stage: ['lead', 'mql'],
        do_not_email: [false, true],
        tags: [['webinar'], ['webinar', 'ebook']],
        'custom.visits': [null, 3],
      },
      taken_from_other: ['last_name', 'phone', 'lifecycle_stage', 'custom.visits'],
      discarded_from_other: { email: 'ana.souza@gmail.com', first_name: 'Ana Maria', 'custom.plan': 'pro' },
      moved: { timeline_entries: 5, consents: 1, lists: 1, form_submissions: 0, asset_downloads: 0, tracking_visitors: 0, tracking_sessions: 0 },
    });
    expect((await api(`/api/v1/contacts/${ana.id}/consents`)).json.data).toEqual([{ ...consent, contact_id: ana.id }]);
    const lists = (await api(`/api/v1/contacts/${ana.id}/lists`)).json.data.map((l: { name: string }) => l.name);
    expect(lists).toEqual(['Both', 'Only the duplicate']);
    expect((await api(`/api/v1/lists/${shared}`)).json.member_count).toBe(1);
  });

  it('takes the values the caller chose, the other’s unique email included', async () => {
    const a = await newContact({ email: 'old@example.org', first_name: 'Old', custom: { plan: 'free' }, lifecycle_stage: 'customer' });
    const b = await newContact({ email: 'new@example.org', first_name: 'New', custom: { plan: 'pro' }, lifecycle_stage: 'lead' });
    const merged = await merge(a.id, { other_id: b.id, keep: { email: 'other', first_name: 'other', 'custom.plan': 'other', lifecycle_stage: 'other' } });
    expect(merged.json).toMatchObject({ id: a.id, email: 'new@example.org', first_name: 'New', custom: { plan: 'pro' }, lifecycle_stage: 'lead' });
    expect((await api('/api/v1/contacts?email=new@example.org')).json.data.map((c: { id: string }) => c.id)).toEqual([a.id]);
  });

  it('writes the survivor by the rules of every write: the chosen company stays, an owner must still be a member', async () => {
    const umbrella = (await api('/api/v1/companies', 'POST', { name: 'Umbrella', domain: 'umbrella.example' })).json;
    const a = await newContact({ email: 'jill@gmail.com', company_id: umbrella.id });
    const b = await newContact({ email: 'jill@stars.example' });
    expect(b.company_id).not.toBe(umbrella.id);
    const merged = await merge(a.id, { other_id: b.id, keep: { email: 'other' } });
    expect(merged.json).toMatchObject({ email: 'jill@stars.example', company_id: umbrella.id });

    const leaver = await addUser(server, tenant, 'sales');
    const members = (await api('/api/v1/members')).json.data as { user_id: string; email: string }[];
    const leaverId = members.find((m) => m.email === leaver.email)!.user_id;
    const c = await newContact({ email: 'chris@example.org' });
    const d = await newContact({ email: 'chris.r@example.org', owner_id: leaverId });
    expect((await api(`/api/v1/members/${leaverId}`, 'DELETE')).status).toBe(204);
    const refused = await merge(c.id, { other_id: d.id });
    expect(refused.status).toBe(400);
    expect(refused.json.errors).toEqual([{ field: 'keep.owner_id', message: 'is not a user of this workspace' }]);
    expect((await api(`/api/v1/contacts/${d.id}`)).status).toBe(200);
    expect((await merge(c.id, { other_id: d.id, keep: { owner_id: 'this' } })).json).toMatchObject({ id: c.id, owner_id: null });
  });

  it('refuses merges that cannot be done, and changes nothing', async () => {
    const a = await newContact({ external_id: 'only-external', first_name: 'A' });
    const b = await newContact({ email: 'only-email@example.org' });
    expect((await merge(a.id, { other_id: a.id })).json.errors).toEqual([{ field: 'other_id', in: 'body', message: 'is the same contact' }]);
    const missing = await merge(a.id, { other_id: '0190b7d4-0000-7000-8000-000000000000' });
    expect(missing.status).toBe(404);
    expect(missing.json.errors).toEqual([{ field: 'other_id', in: 'body', message: 'is not a contact of this workspace' }]);
    expect((await merge('0190b7d4-0000-7000-8000-000000000000', { other_id: b.id })).status).toBe(404);
    const elsewhere = await createTenant(server, 'merge-elsewhere');
    const foreign = (await call(server, '/api/v1/contacts', { method: 'POST', apiKey: elsewhere.apiKey, body: { email: 'foreign@example.org' } })).json;
    expect((await merge(b.id, { other_id: foreign.id })).status).toBe(404);
    expect((await call(server, `/api/v1/contacts/${foreign.id}`, { apiKey: elsewhere.apiKey })).json).toEqual(foreign);
    const wrong = await merge(a.id, { other_id: b.id, keep: { shoe_size: 'other', email: 'this', external_id: 'other' } });
    expect(wrong.status).toBe(400);
    expect(wrong.json.errors).toEqual([
      { field: 'keep.shoe_size', message: 'is not a field either contact has a value to choose for' },
      { field: 'keep.email', message: 'the merged contact needs an email or an external id' },
    ]);
    expect((await merge(a.id, { other_id: b.id, keep: { email: 'sometimes' } })).status).toBe(400);
    expect((await api(`/api/v1/contacts/${b.id}`)).status).toBe(200);
    expect((await api(`/api/v1/contacts/${a.id}`)).json.email).toBeNull();
  });

  it('is refused to viewers', async () => {
    const a = await newContact({ email: 'v1@example.org' });
    const b = await newContact({ email: 'v2@example.org' });
    const viewer = await addUser(server, tenant, 'viewer');
    const session = await login(server, viewer.email, viewer.password);
    expect((await call(server, `/api/v1/contacts/${a.id}/merge`, { method: 'POST', session, body: { other_id: b.id } })).status).toBe(403);
  });
});

describe('likely duplicates', () => {
  it('pairs the same name at the same company, and the same phone number by its digits', async () => {
    const own = await createTenant(server, 'dupes');
    const add = async (body: Record<string, unknown>) => (await call(server, '/api/v1/contacts', { method: 'POST', apiKey: own.apiKey, body })).json.id as string;
    const john1 = await add({ email: 'john@acme-example.com', first_name: 'John', last_name: 'Smith', company_name: 'ACME Inc' });
    const john2 = await add({ external_id: 'crm-1', first_name: 'JOHN', last_name: 'smith', company_name: 'acme inc' });
    await add({ external_id: 'crm-2', first_name: 'John', last_name: 'Smith', company_name: 'Globex' });
    const byDomain1 = await add({ email: 'mary@hooli-example.com', first_name: 'Mary', last_name: 'Jane', phone: '+55 (81) 99999-0000' });
    const byDomain2 = await add({ email: 'mj@hooli-example.com', first_name: 'mary', last_name: 'jane', phone: '5581999990000' });
    const phone3 = await add({ external_id: 'crm-3', phone: '55 81 9999 90000' });
    await add({ external_id: 'crm-4', first_name: 'Short', phone: '123-4567' });
    await add({ external_id: 'crm-5', first_name: 'Short', phone: '1234567' });
    await add({ external_id: 'crm-6', first_name: 'John' });

    const pairs = async (query = '') => call(server, `/api/v1/contacts/duplicates${query}`, { apiKey: own.apiKey });
    expect((await pairs()).json).toEqual({ data: [], next_cursor: null, scanned_at: null, scanning: false, outdated: true });
    const asked = await call(server, '/api/v1/contacts/duplicates/scan', { method: 'POST', apiKey: own.apiKey });
    expect(asked.status).toBe(202);
    expect(asked.json).toMatchObject({ scanning: true });
    await call(server, '/api/v1/contacts/duplicates/scan', { method: 'POST', apiKey: own.apiKey });
    await runJobs();
    const all = await pairs();
    expect(all.status).toBe(200);
    expect(all.json).toMatchObject({ scanned_at: expect.any(String), scanning: false, outdated: false });
    expect(all.json.data.map((p: { contact: { id: string }; other: { id: string }; reasons: string[] }) => [p.contact.id, p.other.id, p.reasons])).toEqual([
      [john1, john2, ['same_name_and_company']],
      [byDomain1, byDomain2, ['same_name_and_company', 'same_phone']],
      [byDomain1, phone3, ['same_phone']],
      [byDomain2, phone3, ['same_phone']],
    ]);
    expect(all.json.data[0].contact).toMatchObject({ email: 'john@acme-example.com', first_name: 'John' });
    expect(all.json.data[0].contact).not.toHaveProperty('workspace_id');

    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page: Awaited<ReturnType<typeof call>> = await pairs(`?limit=1${cursor ? `&cursor=${cursor}` : ''}`);
      seen.push(...page.json.data.map((p: { contact: { id: string }; other: { id: string } }) => `${p.contact.id}/${p.other.id}`));
      cursor = page.json.next_cursor;
    } while (cursor);
    expect(seen).toEqual(all.json.data.map((p: { contact: { id: string }; other: { id: string } }) => `${p.contact.id}/${p.other.id}`));
    expect((await pairs('?cursor=abc')).status).toBe(400);

    await call(server, `/api/v1/contacts/${john1}/merge`, { method: 'POST', apiKey: own.apiKey, body: { other_id: john2 } });
    expect((await pairs()).json.data).toHaveLength(3);
  });

  it('keeps a pair marked "not a duplicate" out of the list, scan after scan', async () => {
    const own = await createTenant(server, 'dismiss');
    const api = (path: string, method = 'GET', body?: unknown) => call(server, path, { method, apiKey: own.apiKey, body });
    const add = async (body: Record<string, unknown>) => (await api('/api/v1/contacts', 'POST', body)).json.id as string;
    const scan = async () => {
      await api('/api/v1/contacts/duplicates/scan', 'POST');
      await runJobs();
    };
    const reception1 = await add({ external_id: 'r-1', first_name: 'Front', phone: '+55 81 3000-0000' });
    const reception2 = await add({ external_id: 'r-2', first_name: 'Desk', phone: '55 81 30000000' });
    const lia1 = await add({ external_id: 'l-1', first_name: 'Lia', last_name: 'Moura', company_name: 'Hooli' });
    const lia2 = await add({ external_id: 'l-2', first_name: 'lia', last_name: 'moura', company_name: 'HOOLI' });
    await scan();
    expect((await api('/api/v1/contacts/duplicates')).json.data).toHaveLength(2);

    const dismissed = await api('/api/v1/contacts/duplicates/dismiss', 'POST', { contact_id: reception2, other_id: reception1 });
    expect(dismissed.status).toBe(204);
    expect((await api('/api/v1/contacts/duplicates/dismiss', 'POST', { contact_id: reception2, other_id: lia1 })).status).toBe(404);
    expect((await api('/api/v1/contacts/duplicates/dismiss', 'POST', { contact_id: 'nope', other_id: lia1 })).status).toBe(404);
    // Ids are compared as UUIDs, in any case and either order.
    expect((await api('/api/v1/contacts/duplicates/dismiss', 'POST', { contact_id: lia2.toUpperCase(), other_id: lia1 })).status).toBe(204);
    await api(`/api/v1/contacts/${lia1}`, 'PATCH', { city: 'Recife' });
    await scan();
    expect((await api('/api/v1/contacts/duplicates')).json.data).toHaveLength(0);
    const ids = async () => (await api('/api/v1/contacts/duplicates')).json.data.map((p: { contact: { id: string }; other: { id: string } }) => [p.contact.id, p.other.id]);

    // A change the scan has not seen yet says so; the next scan drops a pair that no longer holds.
    const ben1 = await add({ external_id: 'b-1', first_name: 'Ben', last_name: 'Reis', company_name: 'Initech' });
    const ben2 = await add({ external_id: 'b-2', first_name: 'Ben', last_name: 'Reis', company_name: 'initech' });
    expect((await api('/api/v1/contacts/duplicates')).json.outdated).toBe(true);
    await scan();
    expect((await api('/api/v1/contacts/duplicates')).json.outdated).toBe(false);
    expect(await ids()).toEqual([[ben1, ben2]]);
    await api(`/api/v1/contacts/${ben2}`, 'PATCH', { company_name: 'Globex' });
    expect((await api('/api/v1/contacts/duplicates')).json.outdated).toBe(true);
    await scan();
    expect(await ids()).toEqual([]);
    // Deleting a contact takes its pairs.
    await api(`/api/v1/contacts/${ben2}`, 'PATCH', { company_name: 'Initech' });
    await scan();
    expect(await ids()).toEqual([[ben1, ben2]]);
    await api(`/api/v1/contacts/${ben1}`, 'DELETE');
    expect(await ids()).toEqual([]);

    // A phone number on more than 25 contacts is a switchboard, not a person.
    for (let i = 0; i < 26; i++) await add({ external_id: `switchboard-${i}`, phone: '+55 11 4000-1234' });
    await scan();
    expect(await ids()).toEqual([]);
  });

  it('asks for a scan a minute after a contact is created or changed in a field the scan compares', async () => {
    const own = await createTenant(server, 'rescan');
    const wsId = own.workspaceId;
    const dispatcher = eventDispatcher(server.database);
    const queuedScan = async () => {
      await dispatcher.drain();
      const jobs = await server.database.db.selectFrom('jobs').select('run_at').where('kind', '=', 'contacts.find_duplicates').where('workspace_id', '=', wsId).where('status', '=', 'queued').execute();
      await server.database.db.deleteFrom('jobs').where('kind', '=', 'contacts.find_duplicates').where('workspace_id', '=', wsId).execute();
      return jobs.map((job) => Math.round((job.run_at.getTime() - Date.now()) / 10_000) * 10);
    };
    const id = (await call(server, '/api/v1/contacts', { method: 'POST', apiKey: own.apiKey, body: { email: 'one@rescan.example' } })).json.id;
    expect(await queuedScan()).toEqual([60]);
    await call(server, `/api/v1/contacts/${id}`, { method: 'PATCH', apiKey: own.apiKey, body: { city: 'Natal' } });
    expect(await queuedScan()).toEqual([]);
    await call(server, `/api/v1/contacts/${id}`, { method: 'PATCH', apiKey: own.apiKey, body: { phone: '+55 84 99999-1234' } });
    expect(await queuedScan()).toEqual([60]);
  });

  it('lets only roles that write contacts scan and dismiss', async () => {
    const viewer = await addUser(server, tenant, 'viewer');
    const session = await login(server, viewer.email, viewer.password);
    expect((await call(server, '/api/v1/contacts/duplicates/scan', { method: 'POST', session })).status).toBe(403);
    expect((await call(server, '/api/v1/contacts/duplicates', { session })).status).toBe(200);
  });
});

async function runJobs(): Promise<void> {
  await new Worker(server.database.db, jobHandlers(), { concurrency: 1, pollMs: 10 }).runOnce();
}
