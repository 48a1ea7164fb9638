import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildProductOnce } from '../helpers/build.js';
import { migratedDataDir } from '../helpers/process.js';

const root = fileURLToPath(new URL('../..', import.meta.url));
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'inflow-npm-start-'));
const dataDir = path.join(dir, 'data');
let port: number;

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const probe = net.createServer().listen(0, '127.0.0.1', () => {
      const { port: free } = probe.address() as net.AddressInfo;
      probe.close(() => resolve(free));
    });
  });
}

const healthy = () => fetch(`http://127.0.0.1:${port}/healthz`, { signal: AbortSignal.timeout(1_000) }).then((r) => r.status === 200, () => false);

async function until(condition: () => Promise<boolean> | boolean, ms: number): Promise<boolean> {
  const deadline = Date.now() + ms;
  while (Date.now() < deadline) {
    if (await condition()) return true;
    await sleep(50);
  }
  return false;
}

interface Started {
  npm: ChildProcess;
  output: () => string;
}

/** `npm start` as a user or a process manager runs it, in its own process group. */
async function npmStart(env: Record<string, string> = {}): Promise<Started> {
  let output = '';
  const npm = spawn('npm', ['start', '--silent'], {
    cwd: root,
    env: { ...process.env, INFLOW_DATA_DIR: dataDir, INFLOW_ADMIN_PASSWORD: 'owner-password', DATABASE_URL: '', PORT: String(port), HOST: '127.0.0.1', ...env },
    detached: true,
  });
  npm.stdout!.on('data', (d) => (output += d));
  npm.stderr!.on('data', (d) => (output += d));
  expect(await until(healthy, 60_000), output).toBe(true);
  return { npm, output: () => output };
}

describe('npm start under a process manager', () => {
  beforeAll(async () => {
    await buildProductOnce();
    migratedDataDir(dataDir);
    port = await freePort();
  }, 120_000);

  afterAll(() => {
    fs.rmSync(dir, { recursive: true, force: true });
  });

  // Only npm's own process gets the signal, as from `kill <pid>`, `docker stop` or systemd
  // without a control group: npm runs the script through `sh -c`, which does not pass it on.
  it.each(['SIGTERM', 'SIGINT'] as const)('stops the server when npm itself gets %s, and the next npm start works at once', async (signal) => {
    const first = await npmStart();
    process.kill(first.npm.pid!, signal);
    expect(await until(async () => !(await healthy()), 10_000), first.output()).toBe(true);
    // The data dir is free again: nothing of the first server is left holding it.
    expect(await until(() => !fs.existsSync(path.join(dataDir, 'inflow.lock')), 15_000)).toBe(true);

    const again = await npmStart();
    process.kill(-again.npm.pid!, 'SIGTERM');
    expect(await until(async () => !(await healthy()), 10_000)).toBe(true);
    await until(() => !fs.existsSync(path.join(dataDir, 'inflow.lock')), 15_000);
  }, 120_000);

  it('logs readable times and where it listens, with health checks and files at debug level only', async () => {
    const started = await npmStart({ LOG_LEVEL: 'info' });
    await fetch(`http://127.0.0.1:${port}/healthz`);
    await fetch(`http://127.0.0.1:${port}/favicon.svg`);
    await fetch(`http://127.0.0.1:${port}/api/v1/workspace`);
    await sleep(200);
    process.kill(-started.npm.pid!, 'SIGTERM');
    await until(() => !fs.existsSync(path.join(dataDir, 'inflow.lock')), 15_000);
    const lines = started.output().split('\n').filter((line) => line.startsWith('{')).map((line) => JSON.parse(line) as { time: string; msg: string; req?: { url: string } });
    expect(lines.length).toBeGreaterThan(0);
    for (const line of lines) expect(line.time).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
    expect(lines.map((line) => line.msg)).toContain(`Inflow is ready, listening on 127.0.0.1:${port}`);
    const urls = lines.flatMap((line) => (line.req ? [line.req.url] : []));
    expect(urls).toContain('/api/v1/workspace');
    expect(urls).not.toContain('/healthz');
    expect(urls).not.toContain('/favicon.svg');
  }, 120_000);
});
