import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import { inject } from 'vitest';
import { fileURLToPath } from 'node:url';
import { buildProductOnce } from './build.js';

const root = fileURLToPath(new URL('../..', import.meta.url));
// The built program, as users run it: compiled once (and again only when the sources changed),
// where running the sources through tsx compiled them anew in every process the tests start.
const cli = ['bin/inflow.js'];
let built: Promise<void> | null = null;
const ensureBuilt = () => (built ??= buildProductOnce());

/** A new PGlite data dir at `dir`, created and migrated already (a copy of the run's template). */
export function migratedDataDir(dir: string): string {
  fs.cpSync(inject('migratedDataDir'), dir, { recursive: true });
  return dir;
}

export interface RunResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs `inflow <args>` as a separate process. */
export async function runCli(args: string[], env: Record<string, string>, timeoutMs = 60_000): Promise<RunResult> {
  await ensureBuilt();
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [...cli, ...args], { cwd: root, env: { ...process.env, ...env } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`inflow ${args.join(' ')} timed out\n${stdout}\n${stderr}`));
    }, timeoutMs);
    child.on('exit', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
  });
}

export interface ServerProcess {
  child: ChildProcess;
  url: string;
  output: () => string;
  stop(): Promise<number | null>;
}

/** Starts `inflow serve` and waits until /healthz answers 200. */
export async function startServerProcess(env: Record<string, string>, timeoutMs = 60_000): Promise<ServerProcess> {
  await ensureBuilt();
  const port = env.PORT ?? '0';
  const child = spawn(process.execPath, [...cli, 'serve'], {
    cwd: root,
    env: { ...process.env, LOG_LEVEL: 'info', HOST: '127.0.0.1', ...env, PORT: port },
  });
  let output = '';
  child.stdout!.on('data', (d) => (output += d));
  child.stderr!.on('data', (d) => (output += d));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  const deadline = Date.now() + timeoutMs;
  let url: string | null = null;
  while (Date.now() < deadline) {
    const match = /"url":"(http:\/\/[^"]+)"/.exec(output);
    if (match) {
      url = match[1]!.replace('localhost', '127.0.0.1');
      const health = await fetch(`${url}/healthz`).catch(() => null);
      if (health?.status === 200) break;
    }
    if (child.exitCode !== null) throw new Error(`inflow serve exited with ${child.exitCode}:\n${output}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  if (!url) {
    child.kill('SIGKILL');
    throw new Error(`inflow serve did not become healthy:\n${output}`);
  }
  return {
    child,
    url,
    output: () => output,
    stop: async () => {
      if (child.exitCode === null) child.kill('SIGTERM');
      return exited;
    },
  };
}
