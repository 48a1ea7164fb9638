import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, createTenant, startTestServer, type Tenant, type TestServer } from '../helpers/server.js';

const importDir = fs.mkdtempSync(path.join(os.tmpdir(), 'inflow-import-quota-'));
const QUOTA = 12 * 2 ** 20;
let server: TestServer;
let tenant: Tenant;

beforeAll(async () => {
  server = await startTestServer({ config: { imports: { dir: importDir, maxBytes: 64 * 2 ** 20, quotaBytes: QUOTA } } as object });
  tenant = await createTenant(server, 'quota');
});
afterAll(async () => {
  await server.close();
  fs.rmSync(importDir, { recursive: true, force: true });
});

const csvOf = (bytes: number) => {
  const row = 'someone@acme-example.com,Someone\n';
  return `Email,First Name\n${row.repeat(Math.ceil(bytes / row.length))}`;
};
const upload = (body: string, query = '?start=false') =>
  call(server, `/api/v1/imports${query}`, { method: 'POST', apiKey: tenant.apiKey, rawBody: body, headers: { 'content-type': 'text/csv' } });
const storage = async () => (await call(server, '/api/v1/imports/storage', { apiKey: tenant.apiKey })).json;
const keptFiles = () => (fs.existsSync(path.join(importDir, tenant.workspaceId)) ? fs.readdirSync(path.join(importDir, tenant.workspaceId)) : []);

describe('the import files a workspace may keep', () => {
  it('counts uploads against the workspace’s quota, warns before it is full, and refuses what would exceed it with 507', async () => {
    expect(await storage()).toMatchObject({ used_bytes: 0, quota_bytes: QUOTA, warning: null });
    const first = await upload(csvOf(5 * 2 ** 20));
    expect(first.status).toBe(201);
    const second = await upload(csvOf(5 * 2 ** 20));
    expect(second.status).toBe(201);
    const used = await storage();
    expect(used.used_bytes).toBe(first.json.file_size + second.json.file_size);
    expect(used.warning).toMatch(/use 10.0 MB of its 12.0 MB: delete finished imports/);

    const refused = await upload(csvOf(3 * 2 ** 20));
    expect(refused.status).toBe(507);
    expect(refused.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    expect(refused.json).toMatchObject({ code: 'storage_full' });
    expect(refused.json.detail).toMatch(/would use more than its 12.0 MB \(INFLOW_IMPORT_QUOTA_MB; 10.0 MB used\)/);
    expect(keptFiles()).toHaveLength(2);
  });

  it('stops an upload of unknown length when it outgrows the quota, and keeps nothing of it', async () => {
    const local = await createTenant(server, 'quota-stream');
    const body = Readable.from((function* () {
      for (let i = 0; i < 20; i++) yield Buffer.from(csvOf(2 ** 20));
    })());
    const response = await fetch(`${server.url}/api/v1/imports?start=false`, {
      method: 'POST',
      headers: { authorization: `Bearer ${local.apiKey}`, 'content-type': 'text/csv' },
      body: Readable.toWeb(body) as ReadableStream,
      duplex: 'half',
    } as RequestInit);
    expect(response.status).toBe(507);
    // The rest of the body is not read: the connection ends with the answer.
    expect(response.headers.get('connection')).toBe('close');
    expect((await response.json()).detail).toMatch(/INFLOW_IMPORT_QUOTA_MB/);
    expect(fs.existsSync(path.join(importDir, local.workspaceId)) ? fs.readdirSync(path.join(importDir, local.workspaceId)) : []).toEqual([]);
  });

  it('refuses an upload that would take the disk below its reserve', async () => {
    const tight = await startTestServer({ config: { imports: { dir: importDir, maxBytes: 2 ** 20, quotaBytes: QUOTA }, diskReserveMb: 1024 * 1024 * 1024 } as object });
    try {
      const local = await createTenant(tight, 'quota-disk');
      const refused = await call(tight, '/api/v1/imports', { method: 'POST', apiKey: local.apiKey, rawBody: csvOf(1000), headers: { 'content-type': 'text/csv' } });
      expect(refused.status).toBe(507);
      expect(refused.json.detail).toMatch(/disk is almost full .* the upload does not fit/);
      expect((await call(tight, '/api/v1/imports/storage', { apiKey: local.apiKey })).json.warning).toMatch(/uploads stop when less than/);
    } finally {
      await tight.close();
    }
  });
});

describe('deleting an import, and files too wide to import', () => {
  it('deletes an import and its files, frees its room, and refuses while it runs', async () => {
    const local = await createTenant(server, 'quota-delete');
    const localApi = (route: string, method = 'GET', body?: string) =>
      call(server, route, { method, apiKey: local.apiKey, ...(body === undefined ? {} : { rawBody: body, headers: { 'content-type': 'text/csv' } }) });
    const draft = await localApi('/api/v1/imports?start=false', 'POST', csvOf(2 ** 20));
    expect((await call(server, '/api/v1/imports/storage', { apiKey: local.apiKey })).json.used_bytes).toBe(draft.json.file_size);
    const queued = await localApi(`/api/v1/imports/${draft.json.id}/start`, 'POST');
    expect(queued.json.status).toBe('queued');
    const refused = await localApi(`/api/v1/imports/${draft.json.id}`, 'DELETE');
    expect(refused.status).toBe(409);
    expect(refused.json.detail).toMatch(/cancel it first/);
    await localApi(`/api/v1/imports/${draft.json.id}/cancel`, 'POST');
    expect((await localApi(`/api/v1/imports/${draft.json.id}`, 'DELETE')).status).toBe(204);
    expect((await localApi(`/api/v1/imports/${draft.json.id}`)).status).toBe(404);
    expect((await localApi(`/api/v1/imports/${draft.json.id}`, 'DELETE')).status).toBe(404);
    expect(fs.readdirSync(path.join(importDir, local.workspaceId))).toEqual([]);
    expect((await call(server, '/api/v1/imports/storage', { apiKey: local.apiKey })).json.used_bytes).toBe(0);
    // Another workspace's import is not found.
    const mine = await upload(csvOf(1000));
    expect((await localApi(`/api/v1/imports/${mine.json.id}`, 'DELETE')).status).toBe(404);
  });

  it('refuses a file with more columns than an import can map, keeping nothing of it', async () => {
    const local = await createTenant(server, 'too-wide');
    const header = Array.from({ length: 10_001 }, (_, i) => `c${i}`).join(',');
    const wide = await call(server, '/api/v1/imports', { method: 'POST', apiKey: local.apiKey, rawBody: `${header}\n${'x,'.repeat(10_000)}x\n`, headers: { 'content-type': 'text/csv' } });
    expect(wide.status).toBe(400);
    expect(wide.json.detail).toMatch(/10,001 columns; an import takes at most 2,000/);
    expect(wide.json.errors).toEqual([{ field: 'file', message: 'has more than 2000 columns' }]);
    expect(fs.existsSync(path.join(importDir, local.workspaceId)) ? fs.readdirSync(path.join(importDir, local.workspaceId)) : []).toEqual([]);
    expect((await call(server, '/api/v1/imports', { apiKey: local.apiKey })).json.data).toEqual([]);
  });
});
