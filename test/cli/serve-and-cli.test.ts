import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrations } from '../../src/db/migrations/index.js';
import { migratedDataDir, runCli, startServerProcess, type ServerProcess } from '../helpers/process.js';

const ADMIN_KEY = 'inf_scripted_admin_key_for_tests_0001';
let dataDir: string;
let env: Record<string, string>;
let server: ServerProcess;

async function signIn(url: string, email: string, password: string): Promise<number> {
  const response = await fetch(`${url}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password }),
  });
  return response.status;
}

beforeAll(async () => {
  dataDir = migratedDataDir(fs.mkdtempSync(path.join(os.tmpdir(), 'inflow-cli-')));
  // The embedded database: this test is about PGlite's one-process rule, whatever the suite runs on.
  env = {
    INFLOW_DATA_DIR: dataDir,
    DATABASE_URL: '',
    INFLOW_ADMIN_EMAIL: 'owner@example.com',
    INFLOW_ADMIN_PASSWORD: 'owner-password',
    INFLOW_ADMIN_API_KEY: ADMIN_KEY,
    INFLOW_WORKSPACE: 'acme',
  };
  server = await startServerProcess(env);
}, 60_000);

afterAll(async () => {
  await server?.stop();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

describe('inflow serve on the embedded database, with CLI commands beside it', () => {
  it('creates the first workspace, owner and scripted API key on first start', async () => {
    expect(server.output()).toContain('First start: created workspace "acme"');
    expect(await signIn(server.url, 'owner@example.com', 'owner-password')).toBe(200);
    const response = await fetch(`${server.url}/api/v1/workspace`, { headers: { authorization: `Bearer ${ADMIN_KEY}` } });
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ slug: 'acme', role: 'owner' });
  });

  it('runs `inflow user create` through the running server', async () => {
    const result = await runCli(['user', 'create', '--email', 'Ops@Example.com', '--password', 'ops-password', '--workspace', 'acme', '--role', 'admin', '--json'], env);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout)).toMatchObject({ email: 'ops@example.com', user_created: true, workspace: 'acme', role: 'admin' });
    expect(await signIn(server.url, 'ops@example.com', 'ops-password')).toBe(200);
  });

  it('runs `inflow apikey create` through the running server; the key works', async () => {
    const result = await runCli(['apikey', 'create', '--workspace', 'acme', '--name', 'zapier', '--role', 'marketer'], env);
    expect(result.code).toBe(0);
    const key = /^key: (\S+)$/m.exec(result.stdout)?.[1];
    expect(key).toMatch(/^inf_/);
    const response = await fetch(`${server.url}/api/v1/workspace`, { headers: { authorization: `Bearer ${key}` } });
    expect(await response.json()).toMatchObject({ slug: 'acme', role: 'marketer' });
  });

  it('adds an existing user to a workspace without changing their role elsewhere', async () => {
    const again = await runCli(['user', 'create', '--email', 'owner@example.com', '--workspace', 'acme', '--role', 'viewer', '--json'], env);
    expect(again.code).toBe(0);
    // The only owner stays owner: role changes go through the API, which guards the last owner.
    expect(JSON.parse(again.stdout)).toMatchObject({ user_created: false, membership_created: false, role: 'owner' });
  });

  it('sets a password from the CLI and ends the user’s sessions', async () => {
    const result = await runCli(['user', 'password', '--email', 'ops@example.com', '--password', 'new-ops-password'], env);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('password changed for ops@example.com');
    expect(await signIn(server.url, 'ops@example.com', 'ops-password')).toBe(401);
    expect(await signIn(server.url, 'ops@example.com', 'new-ops-password')).toBe(200);
  });

  it('leaves nothing behind when a CLI command fails half-way', async () => {
    const failed = await runCli(['user', 'create', '--email', 'x@example.com', '--password', 'short', '--workspace', 'never-made'], env);
    expect(failed.code).toBe(1);
    expect(failed.stderr).toContain('The password is too short');
    const key = await runCli(['apikey', 'create', '--workspace', 'never-made'], env);
    expect(key.code).toBe(1);
    expect(key.stderr).toContain('Workspace "never-made" not found');
  });

  it('reports bad input from a CLI command with a clear message and exit code', async () => {
    const invalid = await runCli(['user', 'create', '--email', 'not-an-email', '--password', 'whatever-pass', '--workspace', 'acme'], env);
    expect(invalid.code).toBe(1);
    expect(invalid.stdout + invalid.stderr).toContain('The email address is not valid');
    const usage = await runCli(['apikey', 'create'], env);
    expect(usage.code).toBe(2);
    expect(usage.stderr).toContain('--workspace is required');
    const stray = await runCli(['apikey', 'create', '--workspace', 'acme', 'extra'], env);
    expect(stray.code).toBe(2);
    expect(stray.stderr).toContain('unexpected argument "extra"');
  });

  it('refuses a second server on the same data dir, naming the running one', async () => {
    const second = await runCli(['serve'], { ...env, PORT: '0' });
    expect(second.code).toBe(1);
    expect(second.stderr).toContain(`in use by \`inflow serve\` (pid ${server.child.pid}`);
  });

  it('stops cleanly on SIGTERM, finishing the request in flight; a restart reuses the data', async () => {
    // A sign-in spends ~50 ms in scrypt: the signal arrives while it is being served.
    const inFlight = fetch(`${server.url}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'owner@example.com', password: 'owner-password' }),
    });
    await new Promise((resolve) => setTimeout(resolve, 15));
    const stopped = server.stop();
    expect((await inFlight).status).toBe(200);
    expect(await stopped).toBe(0);
    expect(server.output()).toContain('shutting down');
    expect(fs.existsSync(path.join(dataDir, 'inflow.lock'))).toBe(false);
    // With the server gone the CLI opens the database itself.
    const offline = await runCli(['user', 'create', '--email', 'late@example.com', '--password', 'late-password', '--workspace', 'acme'], env);
    expect(offline.code).toBe(0);
    server = await startServerProcess(env);
    expect(server.output()).not.toContain('First start');
    expect(await signIn(server.url, 'ops@example.com', 'new-ops-password')).toBe(200);
    expect(await signIn(server.url, 'late@example.com', 'late-password')).toBe(200);
  }, 60_000);

  it('reports what `inflow migrate` applied on a new database, and nothing on a current one', async () => {
    const fresh = fs.mkdtempSync(path.join(os.tmpdir(), 'inflow-migrate-'));
    try {
      const first = await runCli(['migrate'], { ...env, INFLOW_DATA_DIR: fresh });
      expect(first.code).toBe(0);
      expect(first.stdout).toBe(`applied: ${Object.keys(migrations).join(', ')}\n`);
      const second = await runCli(['migrate'], { ...env, INFLOW_DATA_DIR: fresh });
      expect(second.stdout).toBe('schema is up to date\n');
    } finally {
      fs.rmSync(fresh, { recursive: true, force: true });
    }
  });
});
