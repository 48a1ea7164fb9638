import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addUser, call, createTenant, login, startTestServer, type Tenant, type TestServer } from '../helpers/server.js';

let server: TestServer;
let tenant: Tenant;

beforeAll(async () => {
  server = await startTestServer();
  tenant = await createTenant(server, 'audiences');
});
afterAll(() => server.close());

const api = (path: string, method = 'GET', body?: unknown) => call(server, path, { method, apiKey: tenant.apiKey, body });
const newContact = async (email: string) => (await api('/api/v1/contacts', 'POST', { email })).json.id as string;
const newList = async (name: string) => (await api('/api/v1/lists', 'POST', { name })).json.id as string;

describe('list definitions', () => {
  it('creates, reads, renames and deletes a list', async () => {
    const created = await api('/api/v1/lists', 'POST', { name: '  Webinar March ', description: 'Signed up for the webinar' });
    expect(created.status).toBe(201);
    expect(created.json).toEqual({
      id: expect.any(String),
      name: 'Webinar March',
      description: 'Signed up for the webinar',
      member_count: 0,
      created_at: expect.any(String),
      updated_at: expect.any(String),
    });
    const renamed = await api(`/api/v1/lists/${created.json.id}`, 'PATCH', { name: 'Webinar — March' });
    expect(renamed.json).toMatchObject({ id: created.json.id, name: 'Webinar — March', description: 'Signed up for the webinar' });
    expect((await api(`/api/v1/lists/${created.json.id}`)).json.name).toBe('Webinar — March');
    expect((await api(`/api/v1/lists/${created.json.id}`, 'DELETE')).status).toBe(204);
    expect((await api(`/api/v1/lists/${created.json.id}`)).status).toBe(404);
    expect((await api(`/api/v1/lists/${created.json.id}`, 'PATCH', { name: 'x' })).status).toBe(404);
    expect((await api('/api/v1/lists/not-an-id')).status).toBe(404);
  });

  it('keeps names unique whatever their case, on create and on rename', async () => {
    await newList('Customers');
    const again = await api('/api/v1/lists', 'POST', { name: ' CUSTOMERS' });
    expect(again.status).toBe(409);
    expect(again.json.errors).toEqual([{ field: 'name', message: 'is already used by another list' }]);
    const other = await newList('Prospects');
    expect((await api(`/api/v1/lists/${other}`, 'PATCH', { name: 'customers' })).status).toBe(409);
    expect((await api('/api/v1/lists', 'POST', { name: '   ' })).json.errors).toEqual([{ field: 'name', message: 'must not be empty' }]);
  });

  it('lists by name and pages with a cursor', async () => {
    const own = await createTenant(server, 'list-index');
    for (const name of ['beta', 'Alpha', 'gamma', 'Alpine']) await call(server, '/api/v1/lists', { method: 'POST', apiKey: own.apiKey, body: { name } });
    const index = (query: string) => call(server, `/api/v1/lists${query}`, { apiKey: own.apiKey });
    const names = (response: Awaited<ReturnType<typeof call>>) => response.json.data.map((l: { name: string }) => l.name);
    expect(names(await index(''))).toEqual(['Alpha', 'Alpine', 'beta', 'gamma']);
    expect(names(await index('?q=ALP'))).toEqual(['Alpha', 'Alpine']);
    const first = await index('?limit=3');
    expect(names(first)).toEqual(['Alpha', 'Alpine', 'beta']);
    const second = await index(`?limit=3&cursor=${first.json.next_cursor}`);
    expect([names(second), second.json.next_cursor]).toEqual([['gamma'], null]);
  });
});

describe('list members', () => {
  it('adds contacts by id, reports ids that are not contacts here, and never adds another workspace’s', async () => {
    const list = await newList('Newsletter');
    const [ana, bia] = [await newContact('ana@example.org'), await newContact('bia@example.org')];
    const elsewhere = await createTenant(server, 'elsewhere');
    const foreign = (await call(server, '/api/v1/contacts', { method: 'POST', apiKey: elsewhere.apiKey, body: { email: 'foreign@example.org' } })).json.id;
    const unknown = '0190b7d4-0000-7000-8000-000000000000';
    const added = await api(`/api/v1/lists/${list}/contacts`, 'POST', { contact_ids: [ana, bia, ana, foreign, unknown, 'junk'] });
    expect(added.status).toBe(200);
    expect(added.json).toEqual({ added: 2, already_members: 0, not_found: [foreign, unknown, 'junk'] });
    const again = await api(`/api/v1/lists/${list}/contacts`, 'POST', { contact_ids: [bia] });
    expect(again.json).toEqual({ added: 0, already_members: 1, not_found: [] });
    expect((await api(`/api/v1/lists/${list}`)).json.member_count).toBe(2);
    const members = await server.database.db.selectFrom('list_members').select('contact_id').where('list_id', '=', list).orderBy('contact_id').execute();
    expect(members.map((m) => m.contact_id)).toEqual([ana, bia].sort());
  });

  it('pages the list’s contacts and shows a contact’s lists', async () => {
    const list = await newList('Event leads');
    const other = await newList('A-list');
    const ids = [await newContact('one@example.org'), await newContact('two@example.org'), await newContact('three@example.org')];
    await api(`/api/v1/lists/${list}/contacts`, 'POST', { contact_ids: ids });
    await api(`/api/v1/lists/${other}/contacts`, 'POST', { contact_ids: [ids[0]] });
    const first = await api(`/api/v1/lists/${list}/contacts?limit=2`);
    const second = await api(`/api/v1/lists/${list}/contacts?limit=2&cursor=${first.json.next_cursor}`);
    const emails = [...first.json.data, ...second.json.data].map((c: { email: string }) => c.email);
    expect(emails).toEqual(['three@example.org', 'two@example.org', 'one@example.org']);
    expect(second.json.next_cursor).toBeNull();
    const lists = await api(`/api/v1/contacts/${ids[0]}/lists`);
    expect(lists.json).toEqual({
      data: [
        { id: other, name: 'A-list', description: '', added_at: expect.any(String) },
        { id: list, name: 'Event leads', description: '', added_at: expect.any(String) },
      ],
      next_cursor: null,
    });
    expect((await api(`/api/v1/contacts?list=${other}`)).json.data.map((c: { id: string }) => c.id)).toEqual([ids[0]]);
    expect((await api('/api/v1/contacts/0190b7d4-0000-7000-8000-000000000000/lists')).status).toBe(404);
  });

  it('removes contacts, and records joining and leaving on their timelines', async () => {
    const list = await newList('Trial users');
    const [kim, lee] = [await newContact('kim@example.org'), await newContact('lee@example.org')];
    await api(`/api/v1/lists/${list}/contacts`, 'POST', { contact_ids: [kim, lee] });
    const removed = await api(`/api/v1/lists/${list}/contacts`, 'DELETE', { contact_ids: [kim, kim, 'junk'] });
    expect(removed.json).toEqual({ removed: 1, not_members: ['junk'] });
    expect((await api(`/api/v1/lists/${list}/contacts`, 'DELETE', { contact_ids: [kim] })).json).toEqual({ removed: 0, not_members: [kim] });
    expect((await api(`/api/v1/lists/${list}`)).json.member_count).toBe(1);
    const timeline = (await api(`/api/v1/contacts/${kim}/timeline`)).json.data;
    expect(timeline.map((e: { kind: string; data: unknown }) => [e.kind, e.data])).toEqual([
      ['list.removed', { list_id: list, list_name: 'Trial users' }],
      ['list.added', { list_id: list, list_name: 'Trial users' }],
      ['contact.created', expect.any(Object)],
    ]);
    expect(timeline[0]).toMatchObject({ actor_type: 'api_key' });
  });

  it('drops memberships with a deleted contact or list, and keeps the contacts of a deleted list', async () => {
    const list = await newList('Short-lived');
    const [stay, go] = [await newContact('stay@example.org'), await newContact('go@example.org')];
    await api(`/api/v1/lists/${list}/contacts`, 'POST', { contact_ids: [stay, go] });
    await api(`/api/v1/contacts/${go}`, 'DELETE');
    expect((await api(`/api/v1/lists/${list}`)).json.member_count).toBe(1);
    await api(`/api/v1/lists/${list}`, 'DELETE');
    expect((await api(`/api/v1/contacts/${stay}`)).status).toBe(200);
    expect((await api(`/api/v1/contacts/${stay}/lists`)).json.data).toEqual([]);
    expect((await api(`/api/v1/lists/${list}/contacts`, 'POST', { contact_ids: [stay] })).status).toBe(404);
  });

  it('refuses more than 1,000 ids at once', async () => {
    const list = await newList('Big');
    const contact_ids = Array.from({ length: 1001 }, () => '0190b7d4-0000-7000-8000-000000000000');
    const response = await api(`/api/v1/lists/${list}/contacts`, 'POST', { contact_ids });
    expect(response.status).toBe(400);
    expect(response.json.errors).toEqual([{ field: 'contact_ids', in: 'body', message: 'must have at most 1000 items' }]);
  });

  it('lets sales put contacts on lists but only marketers define lists; viewers only read', async () => {
    const list = await newList('Roles');
    const contact = await newContact('roles@example.org');
    const sales = await addUser(server, tenant, 'sales');
    const salesSession = await login(server, sales.email, sales.password);
    expect((await call(server, '/api/v1/lists', { method: 'POST', session: salesSession, body: { name: 'Sales list' } })).status).toBe(403);
    expect((await call(server, `/api/v1/lists/${list}/contacts`, { method: 'POST', session: salesSession, body: { contact_ids: [contact] } })).json.added).toBe(1);
    const viewer = await addUser(server, tenant, 'viewer');
    const viewerSession = await login(server, viewer.email, viewer.password);
    expect((await call(server, `/api/v1/lists/${list}/contacts`, { method: 'DELETE', session: viewerSession, body: { contact_ids: [contact] } })).status).toBe(403);
    expect((await call(server, `/api/v1/lists/${list}/contacts`, { session: viewerSession })).json.data).toHaveLength(1);
  });
});
