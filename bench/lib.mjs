// Shared helpers of the benchmarks: processes, timing, machine description, seeded data.
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = fileURLToPath(new URL('..', import.meta.url));

/** Deterministic PRNG (mulberry32): the same seed gives the same data on every run. */
export function seeded(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function machine() {
  const cpus = os.cpus();
  return {
    cpu: cpus[0]?.model ?? 'unknown',
    cores: cpus.length,
    memory_gb: Math.round(os.totalmem() / 2 ** 30),
    node: process.version,
    platform: `${os.type()} ${os.release()}`,
  };
}

export function tempDir(prefix) {
  return fs.mkdtempSync(path.join(os.tmpdir(), prefix));
}

let template = null;

/**
 * A new PGlite data dir, already created and migrated: a copy of one made once per run. Creating
 * a cluster (initdb, in WebAssembly) takes seconds, and no figure here is about it; every
 * benchmark's own first start still happens on its copy.
 */
export function migratedDataDir(prefix) {
  // The test suite's smoke run hands over the template it made for all its processes.
  template ??= process.env.BENCH_MIGRATED_DATA_DIR || null;
  if (!template) {
    template = tempDir('inflow-bench-template-');
    const made = spawnSync(process.execPath, ['bin/inflow.js', 'migrate'], {
      cwd: root,
      env: { ...process.env, INFLOW_DATA_DIR: template, DATABASE_URL: '', LOG_LEVEL: 'warn' },
      encoding: 'utf8',
    });
    if (made.status !== 0) throw new Error(`inflow migrate failed: ${made.stderr}`);
    process.on('exit', () => fs.rmSync(template, { recursive: true, force: true }));
  }
  const dir = tempDir(prefix);
  fs.cpSync(template, dir, { recursive: true });
  return dir;
}

export function sleep(ms) {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** Starts a command; resolves the child and a function giving its output so far. */
export function start(command, args, env = {}) {
  const child = spawn(command, args, { cwd: root, env: { ...process.env, ...env }, detached: true });
  let output = '';
  child.stdout.on('data', (d) => (output += d));
  child.stderr.on('data', (d) => (output += d));
  return { child, output: () => output };
}

/** Stops a process group started with start(): npm start runs node under npm. */
export async function stop(child) {
  if (child.exitCode !== null) return;
  const exited = new Promise((resolve) => child.on('exit', resolve));
  try {
    process.kill(-child.pid, 'SIGTERM');
  } catch {
    child.kill('SIGTERM');
  }
  const timer = setTimeout(() => {
    try {
      process.kill(-child.pid, 'SIGKILL');
    } catch {}
  }, 15_000);
  await exited;
  clearTimeout(timer);
}

/** Polls /healthz until 200; fails at once, with the server's output, if the process exits. */
export async function waitForHealth(url, timeoutMs = 30_000, intervalMs = 5, started = null) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (started && started.child.exitCode !== null) {
      throw new Error(`the server exited with ${started.child.exitCode} before ${url}/healthz answered:\n${started.output()}`);
    }
    try {
      const response = await fetch(`${url}/healthz`, { signal: AbortSignal.timeout(2_000) });
      if (response.status === 200) return;
    } catch {}
    await sleep(intervalMs);
  }
  throw new Error(`${url}/healthz did not answer 200 within ${timeoutMs} ms${started ? `:\n${started.output()}` : ''}`);
}

/**
 * `inflow serve` without a worker on a free port, its owner holding `apiKey` (the first start
 * creates them): the server every benchmark of the API measures. `url` is where it answers.
 */
export async function startInflow({ dataDir, databaseUrl = '', apiKey, env = {} }) {
  const port = await freePort();
  const server = start('node', ['bin/inflow.js', 'serve', '--no-worker'], {
    INFLOW_DATA_DIR: dataDir,
    DATABASE_URL: databaseUrl,
    INFLOW_ADMIN_PASSWORD: 'bench-password',
    INFLOW_ADMIN_API_KEY: apiKey,
    LOG_LEVEL: 'warn',
    PORT: String(port),
    ...env,
  });
  return { server, url: `http://127.0.0.1:${port}` };
}

/** A port the system just handed out, so it is not one of a busy machine's open connections. */
export function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

export function percentile(values, p) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}
