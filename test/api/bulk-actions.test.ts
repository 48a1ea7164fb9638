import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { Worker } from '../../src/db/jobs/worker.js';
import { jobHandlers } from '../../src/jobs.js';
import { addUser, call, createTenant, login, startTestServer, type Tenant, type TestServer } from '../helpers/server.js';

let server: TestServer;
let tenant: Tenant;

beforeAll(async () => {
  server = await startTestServer();
  tenant = await createTenant(server, 'bulk');
  const contacts = [
    ...Array.from({ length: 1203 }, (_, i) => ({ email: `fair-${i}@bulk.test`, tags: ['Fair'], lifecycle_stage: i % 2 ? 'lead' : 'mql' })),
    { email: 'other@bulk.test', tags: ['webinar'] },
  ];
  for (let i = 0; i < contacts.length; i += 1000) {
    expect((await api('/api/v1/contacts/batch', 'POST', { contacts: contacts.slice(i, i + 1000) })).json.failed).toBe(0);
  }
});
afterAll(() => server.close());

function api(path: string, method = 'GET', body?: unknown) {
  return call(server, path, { method, apiKey: tenant.apiKey, body });
}

async function runJobs(): Promise<void> {
  await new Worker(server.database.db, jobHandlers(), { concurrency: 1, pollMs: 10 }).runOnce();
}

const emailsOf = async (query: string) => {
  const emails: string[] = [];
  for (let cursor: string | null = null; ; ) {
    const page: { json: { data: Array<{ email: string }>; next_cursor: string | null } } = await api(`/api/v1/contacts?${query}&limit=500${cursor ? `&cursor=${cursor}` : ''}`);
    emails.push(...page.json.data.map((c) => c.email));
    cursor = page.json.next_cursor;
    if (!cursor) return emails;
  }
};

describe('bulk actions on every contact a filter matches', () => {
  it('counts the contacts a filter matches', async () => {
    expect((await api('/api/v1/contacts/count?tag=fair')).json).toEqual({ count: 1203 });
    expect((await api('/api/v1/contacts/count?tag=fair&stage=mql')).json).toEqual({ count: 602 });
    expect((await api('/api/v1/contacts/count')).json).toEqual({ count: 1204 });
    expect((await api('/api/v1/contacts/count?custom.nope=1')).status).toBe(400);
  });

  it('tags them all in the background, in chunks, and records each change', async () => {
    const asked = await api('/api/v1/contacts/bulk-actions?tag=fair', 'POST', { action: 'add_tags', tags: ['hot', 'HOT', ' '] });
    expect(asked.status).toBe(202);
    expect(asked.json).toMatchObject({ action: 'add_tags', tags: ['hot'], status: 'queued', total: 1203, processed: 0 });
    await runJobs();
    const done = await api(`/api/v1/contacts/bulk-actions/${asked.json.id}`);
    expect(done.json).toMatchObject({ status: 'done', total: 1203, processed: 1203, error: null, finished_at: expect.any(String) });
    expect(await emailsOf('tag=hot')).toHaveLength(1203);
    expect((await api('/api/v1/contacts?email=other@bulk.test')).json.data[0].tags).toEqual(['webinar']);
    const [one] = (await api('/api/v1/contacts?email=fair-7@bulk.test')).json.data;
    const timeline = await api(`/api/v1/contacts/${one.id}/timeline`);
    expect(timeline.json.data[0]).toMatchObject({ kind: 'contact.updated', actor_type: 'api_key', data: { changes: { tags: [['Fair'], ['Fair', 'hot']] } } });
  });

  it('takes tags off, adds to a list and deletes, leaving contacts the filter does not match', async () => {
    const untag = await api('/api/v1/contacts/bulk-actions?tag=hot&stage=mql', 'POST', { action: 'remove_tags', tags: ['HOT'] });
    await runJobs();
    expect((await api(`/api/v1/contacts/bulk-actions/${untag.json.id}`)).json).toMatchObject({ status: 'done', processed: 602 });
    expect((await api('/api/v1/contacts/count?tag=hot')).json.count).toBe(601);

    const list = (await api('/api/v1/lists', 'POST', { name: 'Hot leads' })).json;
    const listed = await api('/api/v1/contacts/bulk-actions?tag=hot', 'POST', { action: 'add_to_list', list_id: list.id });
    await runJobs();
    expect((await api(`/api/v1/contacts/bulk-actions/${listed.json.id}`)).json).toMatchObject({ status: 'done', processed: 601 });
    expect((await api(`/api/v1/contacts/count?list=${list.id}`)).json.count).toBe(601);

    const removed = await api('/api/v1/contacts/bulk-actions?stage=mql', 'POST', { action: 'delete' });
    await runJobs();
    expect((await api(`/api/v1/contacts/bulk-actions/${removed.json.id}`)).json).toMatchObject({ status: 'done', processed: 602 });
    expect((await api('/api/v1/contacts/count')).json.count).toBe(602);
  });

  it('leaves out contacts created after it was asked for', async () => {
    const asked = await api('/api/v1/contacts/bulk-actions?tag=webinar', 'POST', { action: 'add_tags', tags: ['early'] });
    await api('/api/v1/contacts', 'POST', { email: 'late@bulk.test', tags: ['webinar'] });
    await runJobs();
    expect((await api(`/api/v1/contacts/bulk-actions/${asked.json.id}`)).json).toMatchObject({ status: 'done', total: 1, processed: 1 });
    expect(await emailsOf('tag=early')).toEqual(['other@bulk.test']);
  });

  it('refuses bad requests with the failing fields, and ends as failed when its list goes meanwhile', async () => {
    const cases: Array<[string, unknown, string]> = [
      ['', { action: 'add_tags', tags: [] }, 'tags'],
      ['', { action: 'add_to_list' }, 'list_id'],
      ['', { action: 'launch' }, 'action'],
      ['', { action: 'set_stage' }, 'lifecycle_stage'],
      ['', { action: 'set_stage', lifecycle_stage: 'hot' }, 'lifecycle_stage'],
      ['', { action: 'set_owner' }, 'owner_id'],
      ['', { action: 'set_owner', owner_id: '01a20a0b-d026-7549-bcd1-c45a02b245f0' }, 'owner_id'],
      ['?owner=nobody', { action: 'delete' }, 'owner'],
    ];
    for (const [query, body, field] of cases) {
      const response = await api(`/api/v1/contacts/bulk-actions${query}`, 'POST', body);
      expect(response.status, JSON.stringify(body)).toBe(400);
      expect(response.headers.get('content-type')).toContain('application/problem+json');
      expect(JSON.stringify(response.json.errors)).toContain(field);
    }
    expect((await api('/api/v1/contacts/bulk-actions', 'POST', { action: 'add_to_list', list_id: '01a20a0b-d026-7549-bcd1-c45a02b245f0' })).status).toBe(404);

    const list = (await api('/api/v1/lists', 'POST', { name: 'Short-lived' })).json;
    const asked = await api('/api/v1/contacts/bulk-actions', 'POST', { action: 'add_to_list', list_id: list.id });
    await api(`/api/v1/lists/${list.id}`, 'DELETE');
    await runJobs();
    expect((await api(`/api/v1/contacts/bulk-actions/${asked.json.id}`)).json).toMatchObject({ status: 'failed', error: 'List not found' });
  });

  it('sets the stage and the owner of every contact a filter matches, each change on its timeline', async () => {
    const people = Array.from({ length: 1100 }, (_, i) => ({ email: `stage-${i}@bulk.test`, tags: ['stageable'], lifecycle_stage: i < 602 ? 'mql' : 'lead' }));
    for (let i = 0; i < people.length; i += 1000) expect((await api('/api/v1/contacts/batch', 'POST', { contacts: people.slice(i, i + 1000) })).json.failed).toBe(0);
    const seller = await addUser(server, tenant, 'sales');
    const sellerId = (await call(server, '/api/auth/me', { session: await login(server, seller.email, seller.password) })).json.user.id;
    const staged = await api('/api/v1/contacts/bulk-actions?tag=stageable&stage=mql', 'POST', { action: 'set_stage', lifecycle_stage: 'sql' });
    expect(staged.status).toBe(202);
    expect(staged.json).toMatchObject({ action: 'set_stage', lifecycle_stage: 'sql', total: 602 });
    await runJobs();
    expect((await api(`/api/v1/contacts/bulk-actions/${staged.json.id}`)).json).toMatchObject({ status: 'done', processed: 602 });
    expect((await api('/api/v1/contacts/count?tag=stageable&stage=sql')).json).toEqual({ count: 602 });
    expect((await api('/api/v1/contacts/count?tag=stageable&stage=mql')).json).toEqual({ count: 0 });
    const one = (await api('/api/v1/contacts?email=stage-0@bulk.test')).json.data[0];
    expect((await api(`/api/v1/contacts/${one.id}/timeline`)).json.data[0]).toMatchObject({ kind: 'contact.updated', data: { changes: { lifecycle_stage: ['mql', 'sql'] } } });

    const owned = await api('/api/v1/contacts/bulk-actions?tag=stageable&stage=sql', 'POST', { action: 'set_owner', owner_id: sellerId });
    await runJobs();
    expect((await api(`/api/v1/contacts/bulk-actions/${owned.json.id}`)).json).toMatchObject({ status: 'done', processed: 602, owner_id: sellerId });
    expect((await api(`/api/v1/contacts?owner=${sellerId}&limit=1`)).json.data[0].owner_id).toBe(sellerId);
    expect((await api(`/api/v1/contacts/${one.id}/timeline`)).json.data[0]).toMatchObject({ data: { changes: { owner_id: [null, sellerId] } } });
    const cleared = await api(`/api/v1/contacts/bulk-actions?owner=${sellerId}`, 'POST', { action: 'set_owner', owner_id: null });
    await runJobs();
    expect((await api(`/api/v1/contacts/bulk-actions/${cleared.json.id}`)).json).toMatchObject({ status: 'done', processed: 602 });
    expect((await api(`/api/v1/contacts/count?owner=${sellerId}`)).json).toEqual({ count: 0 });
  });

  it('acts on the contacts named by ids (ticked rows), skipping ids of no contact of the workspace', async () => {
    const ids = (await api('/api/v1/contacts?tag=fair&limit=3')).json.data.map((c: { id: string }) => c.id);
    const stranger = '01a20a0b-d026-7549-bcd1-c45a02b245f0';
    const asked = await api('/api/v1/contacts/bulk-actions', 'POST', { action: 'add_tags', tags: ['ticked'], ids: [...ids, stranger] });
    expect(asked.status).toBe(202);
    expect(asked.json).toMatchObject({ total: 3, processed: 0 });
    await runJobs();
    expect((await api(`/api/v1/contacts/bulk-actions/${asked.json.id}`)).json).toMatchObject({ status: 'done', processed: 3 });
    expect((await api('/api/v1/contacts/count?tag=ticked')).json).toEqual({ count: 3 });
    const bad = await api('/api/v1/contacts/bulk-actions', 'POST', { action: 'delete', ids: ['not-an-id'] });
    expect(bad.status).toBe(400);
    expect(bad.json.errors[0].field).toBe('ids.0');
  });

  it('ends as failed, instead of looking busy forever, when its job was given up', async () => {
    const asked = await api('/api/v1/contacts/bulk-actions?tag=webinar', 'POST', { action: 'add_tags', tags: ['never'] });
    await sql`update jobs set status = 'dead' where kind = 'contacts.bulk_action' and payload->>'bulk_action_id' = ${asked.json.id}`.execute(server.database.db);
    expect((await api(`/api/v1/contacts/bulk-actions/${asked.json.id}`)).json).toMatchObject({ status: 'failed', error: expect.stringContaining('given up') });
    expect((await api('/api/v1/contacts/bulk-actions/not-an-id')).status).toBe(404);
  });

  it('lets viewers count but not change', async () => {
    const viewer = await addUser(server, tenant, 'viewer');
    const session = await login(server, viewer.email, viewer.password);
    expect((await call(server, '/api/v1/contacts/count', { session })).status).toBe(200);
    expect((await call(server, '/api/v1/contacts/bulk-actions', { method: 'POST', session, body: { action: 'delete' } })).status).toBe(403);
  });
});
