import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { adminQuery, postgresUrl, urlWithDatabase } from '../helpers/database.js';
import { startServerProcess, type ServerProcess } from '../helpers/process.js';

const ADMIN_KEY = 'inf_outage_test_admin_key_000000000001';
const name = `inflow_outage_${process.pid}_${Date.now()}`;
let dir: string;
let server: ServerProcess;

const terminateConnections = () =>
  adminQuery(`select pg_terminate_backend(pid) from pg_stat_activity where datname = '${name}' and pid <> pg_backend_pid()`);

/** The status of a contacts page; a 503 that is not a problem with Retry-After counts as 'bad 503'. */
async function contactsStatus(): Promise<number | string> {
  const response = await fetch(`${server.url}/api/v1/contacts?limit=20`, { headers: { authorization: `Bearer ${ADMIN_KEY}` } }).catch(() => null);
  if (!response) return 'no answer';
  const body = await response.text();
  if (response.status !== 503) return response.status;
  const problem = response.headers.get('content-type')?.includes('application/problem+json') && JSON.parse(body).code === 'unavailable';
  return problem && response.headers.get('retry-after') === '1' ? 503 : 'bad 503';
}

// A PostgreSQL restart, a failover or an idle-connection reaper ends the server's connections
// while requests use them: the process must live on and the pool reconnect.
describe.runIf(postgresUrl)('inflow serve when PostgreSQL drops its connections under load', () => {
  beforeAll(async () => {
    await adminQuery(`create database ${name}`);
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'inflow-outage-'));
    server = await startServerProcess({
      DATABASE_URL: urlWithDatabase(postgresUrl!, name),
      DATABASE_POOL_SIZE: '4',
      INFLOW_DATA_DIR: dir,
      INFLOW_ADMIN_EMAIL: 'owner@example.com',
      INFLOW_ADMIN_PASSWORD: 'owner-password',
      INFLOW_ADMIN_API_KEY: ADMIN_KEY,
      INFLOW_WORKSPACE: 'acme',
    });
  }, 90_000);

  afterAll(async () => {
    await server?.stop();
    fs.rmSync(dir, { recursive: true, force: true });
    await adminQuery(`drop database if exists ${name} with (force)`);
  });

  it('answers 503 for the requests that lose their connection, never dies, and recovers', async () => {
    const seen = new Map<number | string, number>();
    let loading = true;
    const connections = Array.from({ length: 8 }, async () => {
      while (loading) {
        const status = await contactsStatus();
        seen.set(status, (seen.get(status) ?? 0) + 1);
      }
    });
    // Three cuts as the issue describes; on a slow machine a cut can fall between requests, so
    // more follow (at most ten in all) until one has cut a request that was using its connection.
    for (let round = 0; round < 10 && (round < 3 || !seen.get(503)); round++) {
      await sleep(400);
      await terminateConnections();
    }
    await sleep(400);
    loading = false;
    await Promise.all(connections);

    expect(server.child.exitCode, server.output()).toBeNull();
    expect(seen.get(200)).toBeGreaterThan(0);
    // Connections were cut under requests that were using them, or the test proved nothing.
    expect(seen.get(503), JSON.stringify([...seen])).toBeGreaterThan(0);
    expect([...seen.keys()].filter((status) => status !== 200 && status !== 503), server.output()).toEqual([]);
    // The pool replaces what it lost: the next requests succeed.
    for (let attempt = 0; attempt < 50 && (await contactsStatus()) !== 200; attempt++) await sleep(100);
    expect(await contactsStatus()).toBe(200);
    expect((await fetch(`${server.url}/healthz`)).status).toBe(200);
  }, 60_000);
});
