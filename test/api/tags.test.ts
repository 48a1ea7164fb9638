import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, createTenant, startTestServer, type Tenant, type TestServer } from '../helpers/server.js';

let server: TestServer;
let tenant: Tenant;

beforeAll(async () => {
  server = await startTestServer();
  tenant = await createTenant(server, 'tag-counts');
  const contacts = [
    { email: 'a@tags.test', tags: ['VIP', 'webinar-2025'] },
    { email: 'b@tags.test', tags: ['vip', 'Webinar-2025'] },
    { email: 'c@tags.test', tags: ['vip'] },
    { email: 'd@tags.test', tags: ['ebook', 'webinar-2025'] },
    { email: 'gone@tags.test', tags: ['trashed-only'] },
  ];
  expect((await api('/api/v1/contacts/batch', 'POST', { contacts })).json.failed).toBe(0);
  const gone = (await api('/api/v1/contacts?email=gone@tags.test')).json.data[0];
  expect((await api(`/api/v1/contacts/${gone.id}`, 'DELETE')).status).toBe(204);
});
afterAll(() => server.close());

const api = (path: string, method = 'GET', body?: unknown) => call(server, path, { method, apiKey: tenant.apiKey, body });

describe('GET /api/v1/tags', () => {
  it('lists the workspace’s tags most used first, one in any case, in their commonest spelling, live contacts only', async () => {
    expect((await api('/api/v1/tags')).json.data).toEqual([
      { tag: 'vip', contacts: 3 },
      { tag: 'webinar-2025', contacts: 3 },
      { tag: 'ebook', contacts: 1 },
    ]);
  });

  it('filters by a prefix in any case and limits, and keeps to the workspace', async () => {
    expect((await api('/api/v1/tags?q=WEB')).json.data).toEqual([{ tag: 'webinar-2025', contacts: 3 }]);
    expect((await api('/api/v1/tags?q=%25')).json.data).toEqual([]);
    expect((await api('/api/v1/tags?limit=1')).json.data).toHaveLength(1);
    const other = await createTenant(server, 'tag-counts-other');
    expect((await call(server, '/api/v1/tags', { apiKey: other.apiKey })).json.data).toEqual([]);
    expect((await api('/api/v1/tags?limit=0')).status).toBe(400);
  });
});
