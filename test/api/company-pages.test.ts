import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, createTenant, startTestServer, type Tenant, type TestServer } from '../helpers/server.js';

let server: TestServer;
let tenant: Tenant;

beforeAll(async () => {
  server = await startTestServer();
  tenant = await createTenant(server, 'cpages');
});
afterAll(() => server.close());

describe('paging companies created in one statement', () => {
  it('neither repeats nor skips companies that share a creation time', async () => {
    // One batch creates the four companies of these domains in a single insert.
    const domains = ['one-example.com', 'two-example.com', 'three-example.com', 'four-example.com'];
    const batch = await call(server, '/api/v1/contacts/batch', {
      method: 'POST',
      apiKey: tenant.apiKey,
      body: { contacts: domains.map((d) => ({ email: `x@${d}` })) },
    });
    expect(batch.json.created).toBe(4);
    for (const order of ['asc', 'desc']) {
      const seen: string[] = [];
      let cursor: string | null = null;
      do {
        const page: Awaited<ReturnType<typeof call>> = await call(server, `/api/v1/companies?sort=created_at&order=${order}&limit=1${cursor ? `&cursor=${cursor}` : ''}`, { apiKey: tenant.apiKey });
        expect(page.status).toBe(200);
        seen.push(...page.json.data.map((c: { domain: string }) => c.domain));
        cursor = page.json.next_cursor;
      } while (cursor && seen.length < 10);
      expect(seen.sort()).toEqual([...domains].sort());
    }
  });
});
