import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Worker } from '../../src/db/jobs/worker.js';
import { jobHandlers } from '../../src/jobs.js';
import { addMemberDirectly, call, createTenant, startTestServer, type Tenant, type TestServer } from '../helpers/server.js';

const importDir = fs.mkdtempSync(path.join(os.tmpdir(), 'inflow-import-warnings-'));
let server: TestServer;
let tenant: Tenant;

beforeAll(async () => {
  server = await startTestServer({ config: { imports: { dir: importDir, maxBytes: 2 ** 20 } } as object });
  tenant = await createTenant(server, 'warned');
  await addMemberDirectly(server, tenant, { email: 'sam@acme-example.com', name: 'Sam Sales', role: 'sales', password: 'a-long-password' });
});
afterAll(async () => {
  await server.close();
  fs.rmSync(importDir, { recursive: true, force: true });
});

const api = (route: string) => call(server, route, { apiKey: tenant.apiKey });

// HubSpot exports its "Contact owner" as a name, and stages this workspace may not have.
const CSV = [
  'Email,First Name,Contact owner,Lifecycle Stage',
  'ana@acme-example.com,Ana,Sam Sales,Lead',
  'bo@acme-example.com,Bo,Someone Gone,Marketing Qualified Lead',
  'cy@acme-example.com,Cy,sam@acme-example.com,Hot prospect',
  'not-an-email,Di,Sam Sales,Lead',
].join('\n');

describe('an import with values it can do without', () => {
  it('keeps the rows, leaves out an unknown owner or stage with a warning, and shows the first problems and the counts', async () => {
    const created = await call(server, '/api/v1/imports?file_name=hubspot.csv', { method: 'POST', apiKey: tenant.apiKey, rawBody: CSV, headers: { 'content-type': 'text/csv' } });
    expect(created.status).toBe(202);
    await new Worker(server.database.db, jobHandlers(), { concurrency: 1, pollMs: 10 }).runOnce();
    const done = (await api(`/api/v1/imports/${created.json.id}`)).json;
    expect(done).toMatchObject({ status: 'done', rows_created: 3, rows_warned: 2, rows_failed: 1 });
    expect(done.first_problems).toEqual([
      { row: 3, column: 'Contact owner', value: 'Someone Gone', message: 'names no member of this workspace (by name or email): imported without an owner', level: 'warning' },
      { row: 4, column: 'Lifecycle Stage', value: 'Hot prospect', message: expect.stringContaining('is not a lifecycle stage'), level: 'warning' },
      { row: 5, column: 'Email', value: 'not-an-email', message: expect.stringContaining('email'), level: 'error' },
    ]);
    const members = (await api('/api/v1/members')).json.data as Array<{ user_id: string; email: string }>;
    const sam = members.find((m) => m.email === 'sam@acme-example.com')!.user_id;
    const byEmail = async (email: string) => (await api(`/api/v1/contacts?email=${email}`)).json.data[0];
    expect(await byEmail('ana@acme-example.com')).toMatchObject({ owner_id: sam, lifecycle_stage: 'lead' });
    expect(await byEmail('bo@acme-example.com')).toMatchObject({ owner_id: null, lifecycle_stage: 'mql' });
    expect(await byEmail('cy@acme-example.com')).toMatchObject({ owner_id: sam });
    // The list and the badge's counts: the list carries them too.
    expect((await api('/api/v1/imports')).json.data[0]).toMatchObject({ rows_warned: 2, rows_failed: 1 });
  });
});
