import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type Database } from '../../src/db/database.js';
import { MODULES } from '../../src/modules/index.js';
import { buildApp } from '../../src/http/app.js';
import { databaseKind } from '../helpers/database.js';
import { call, createTenant, startTestServer, type Tenant, type TestServer } from '../helpers/server.js';

// A second server process against the same database, as in a scaled-out install.
let first: TestServer;
let second: TestServer;
let secondDatabase: Database;
let tenant: Tenant;

beforeAll(async () => {
  first = await startTestServer();
  secondDatabase = databaseKind === 'postgres' ? await openDatabase(first.database.target) : first.database;
  const app = await buildApp({ database: secondDatabase, modules: MODULES, config: { trustProxy: false, publicUrl: null, logLevel: 'silent' }, version: 'test', logger: false });
  await app.listen({ port: 0, host: '127.0.0.1' });
  second = {
    app,
    database: first.database,
    url: `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`,
    close: () => app.close(),
  };
  tenant = await createTenant(first);
});

afterAll(async () => {
  await second.close();
  if (secondDatabase !== first.database) await secondDatabase.close();
  await first.close();
});

async function waitForStatus(server: TestServer, key: string, status: number): Promise<number> {
  const started = Date.now();
  while (Date.now() - started < 5_000) {
    if ((await call(server, '/api/v1/workspace', { apiKey: key })).status === status) return Date.now() - started;
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  throw new Error(`status ${status} not seen within 5 s`);
}

describe(`API keys across server processes (${databaseKind})`, () => {
  it('rejects a revoked key on every server at once, although each had it cached', async () => {
    const created = await call(first, '/api/v1/api-keys', { method: 'POST', apiKey: tenant.apiKey, body: { name: 'cached', role: 'viewer' } });
    // Both servers have now looked the key up (and cached it).
    expect((await call(first, '/api/v1/workspace', { apiKey: created.json.key })).status).toBe(200);
    expect((await call(second, '/api/v1/workspace', { apiKey: created.json.key })).status).toBe(200);
    expect((await call(first, `/api/v1/api-keys/${created.json.id}`, { method: 'DELETE', apiKey: tenant.apiKey })).status).toBe(204);
    expect((await call(first, '/api/v1/workspace', { apiKey: created.json.key })).status).toBe(401);
    expect(await waitForStatus(second, created.json.key, 401)).toBeLessThan(1_000);
  });

  it('shows a renamed workspace through a cached key on every server', async () => {
    expect((await call(second, '/api/v1/workspace', { apiKey: tenant.apiKey })).json.name).not.toBe('Renamed Inc');
    await call(first, '/api/v1/workspace', { method: 'PATCH', apiKey: tenant.apiKey, body: { name: 'Renamed Inc' } });
    const started = Date.now();
    let name = '';
    while (Date.now() - started < 1_000 && name !== 'Renamed Inc') {
      name = (await call(second, '/api/v1/workspace', { apiKey: tenant.apiKey })).json.name;
    }
    expect(name).toBe('Renamed Inc');
  });
});
