import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Worker } from '../../src/db/jobs/worker.js';
import { jobHandlers } from '../../src/jobs.js';
import { emailHash } from '../../src/modules/contacts/suppressions.js';
import { call, createTenant, startTestServer, type Tenant, type TestServer } from '../helpers/server.js';

const importDir = fs.mkdtempSync(path.join(os.tmpdir(), 'inflow-opt-outs-'));
let server: TestServer;
let tenant: Tenant;

beforeAll(async () => {
  server = await startTestServer({ config: { imports: { dir: importDir, maxBytes: 2 ** 20 } } as object });
  tenant = await createTenant(server, 'opt-outs');
});
afterAll(async () => {
  await server.close();
  fs.rmSync(importDir, { recursive: true, force: true });
});

const api = (route: string, method = 'GET', body?: unknown) => call(server, route, { method, apiKey: tenant.apiKey, body });
const suppression = async (email: string) =>
  (await server.database.db.selectFrom('suppressions').select('reason').where('workspace_id', '=', tenant.workspaceId).where('email_hash', '=', emailHash(email)).executeTakeFirst())?.reason ?? null;

describe('email opt-outs and the suppression list', () => {
  it('keeps every do-not-email on the suppression list, and takes it off when the contact opts in again', async () => {
    const ana = (await api('/api/v1/contacts', 'POST', { email: 'Ana@Opt.test', do_not_email: true })).json;
    expect(await suppression('ana@opt.test')).toBe('unsubscribed');
    await api(`/api/v1/contacts/${ana.id}`, 'PATCH', { do_not_email: false });
    expect(await suppression('ana@opt.test')).toBeNull();
    expect((await api('/api/v1/contacts/batch', 'POST', { contacts: [{ email: 'bo@opt.test', do_not_email: true }, { email: 'cy@opt.test' }] })).json.failed).toBe(0);
    expect([await suppression('bo@opt.test'), await suppression('cy@opt.test')]).toEqual(['unsubscribed', null]);
  });

  it('records an import’s opt-out column there too', async () => {
    const csv = 'Email,Unsubscribed\ndi@opt.test,Yes\nek@opt.test,No\n';
    const created = await call(server, '/api/v1/imports', { method: 'POST', apiKey: tenant.apiKey, rawBody: csv, headers: { 'content-type': 'text/csv' } });
    await new Worker(server.database.db, jobHandlers(), { concurrency: 1, pollMs: 10 }).runOnce();
    expect((await api(`/api/v1/imports/${created.json.id}`)).json).toMatchObject({ status: 'done', rows_created: 2 });
    expect([await suppression('di@opt.test'), await suppression('ek@opt.test')]).toEqual(['unsubscribed', null]);
  });

  it('lets an erasure outrank an opt-out already listed, so the address stays out for good', async () => {
    const fay = (await api('/api/v1/contacts', 'POST', { email: 'fay@opt.test', do_not_email: true })).json;
    expect((await api(`/api/v1/contacts/${fay.id}/erase`, 'POST')).status).toBe(200);
    expect(await suppression('fay@opt.test')).toBe('erased');
    expect((await api('/api/v1/contacts', 'POST', { email: 'fay@opt.test' })).status).toBe(409);
  });
});
