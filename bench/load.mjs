// What the load benchmarks share: autocannon runs that count up to the last answer, the CPU
// each request cost the server, PostgreSQL and the load generator (Linux /proc), the bare
// node:http yardstick, and the machine's load average.
import autocannon from 'autocannon';
import fs from 'node:fs';
import os from 'node:os';
import { freePort, sleep, start, stop } from './lib.mjs';

/**
 * Runs autocannon; throughput is counted up to the last answer (autocannon notices the end of a
 * fixed amount of requests only at its next one-second tick, which would round the time up).
 */
export function load(url, { serverPid, ...options }) {
  return new Promise((resolve, reject) => {
    const startedAt = Date.now();
    let lastAnswer = startedAt;
    const cpu = cpuNow(serverPid);
    const instance = autocannon({ url, method: 'POST', headers: { 'content-type': 'application/json' }, ...options }, (err, result) => {
      if (err) return reject(err);
      resolve({ ...result, seconds: (lastAnswer - startedAt) / 1000, cpu: cpuSince(cpu, serverPid) });
    });
    instance.on('response', () => {
      lastAnswer = Date.now();
    });
  });
}

/** CPU time (ms) of the server process, of all PostgreSQL processes, and of this one (the load generator). */
function cpuNow(serverPid) {
  // utime + stime, and for PostgreSQL cutime + cstime too: a backend that ends (the pool closes
  // idle connections) leaves its time to the postmaster that waited for it.
  const ticks = (stat, children = false) => {
    const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(f[11]) + Number(f[12]) + (children ? Number(f[13]) + Number(f[14]) : 0)) * 10;
  };
  const read = (pid) => {
    try {
      return fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    } catch {
      return null;
    }
  };
  let postgres = 0;
  try {
    for (const pid of fs.readdirSync('/proc')) {
      const stat = /^\d+$/.test(pid) ? read(pid) : null;
      if (stat?.includes('(postgres)')) postgres += ticks(stat, true);
    }
  } catch {
    postgres = NaN;
  }
  const server = serverPid ? read(serverPid) : null;
  const own = process.cpuUsage();
  return { server: server ? ticks(server) : NaN, postgres, loadgen: (own.user + own.system) / 1000 };
}

function cpuSince(before, serverPid) {
  const now = cpuNow(serverPid);
  return { server: now.server - before.server, postgres: now.postgres - before.postgres, loadgen: now.loadgen - before.loadgen };
}

export function summary(result) {
  const ok = result['2xx'];
  const perRequest = (ms) => (Number.isFinite(ms) && ok > 0 ? Math.round((ms / ok) * 1000) / 1000 : null);
  return {
    rps: Math.round(ok / result.seconds),
    latency_p50_ms: result.latency.p50,
    latency_p99_ms: result.latency.p99,
    ok_2xx: ok,
    non_2xx: result.non2xx,
    errors: result.errors + result.timeouts,
    cpu_ms_per_request: { server: perRequest(result.cpu.server), postgres: perRequest(result.cpu.postgres), load_generator: perRequest(result.cpu.loadgen) },
  };
}

/** The yardstick: bare node:http answering the same posts (204), with the same connections and amount. */
export async function bare(amount, connections, requests) {
  const port = await freePort();
  const server = start('node', ['bench/bare-server.mjs'], { PORT: String(port) });
  try {
    while (!server.output().includes('listening')) await sleep(10);
    await load(`http://127.0.0.1:${port}/`, { connections: 5, amount: 1_000, requests: requests('bare-warm') });
    return summary(await load(`http://127.0.0.1:${port}/`, { connections, amount, requests: requests('bare'), serverPid: server.child.pid }));
  } finally {
    await stop(server.child);
  }
}

export const loadAverage = () => Math.round(os.loadavg()[0] * 100) / 100;
