// Figure: resident memory of `inflow serve` on PGlite, under 380 MB (issue 9; issue 2 said 400),
// at both moments an operator looks: right after the very first start on a fresh data dir (which
// creates and migrates the database in this process), and idle after a restart and a first visit.
import fs from 'node:fs';
import { freePort, sleep, start, stop, tempDir, waitForHealth } from './lib.mjs';

const LIMIT_MB = 380;

function rssMb(pid) {
  const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
  return Math.round(Number(/VmRSS:\s+(\d+) kB/.exec(status)[1]) / 1024);
}

async function serve(dataDir) {
  const port = await freePort();
  const server = start('node', ['bin/inflow.js', 'serve'], {
    INFLOW_DATA_DIR: dataDir,
    INFLOW_ADMIN_PASSWORD: 'bench-password',
    LOG_LEVEL: 'warn',
    DATABASE_URL: '',
    PORT: String(port),
  });
  const url = `http://127.0.0.1:${port}`;
  await waitForHealth(url, 120_000, 20, server);
  return { server, url };
}

// A first visit: the dashboard, the spec, a sign-in.
async function warmUp(url) {
  await fetch(`${url}/`);
  await fetch(`${url}/api/openapi.json`);
  await fetch(`${url}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: 'admin@inflow.local', password: 'bench-password' }),
  });
}

export default async function idleMemory({ idleSeconds = 15 } = {}) {
  const dataDir = tempDir('inflow-bench-mem-');
  try {
    const first = await serve(dataDir);
    const afterFirstStart = rssMb(first.server.child.pid);
    await warmUp(first.url);
    const firstStartWarm = rssMb(first.server.child.pid);
    await stop(first.server.child);

    const { server, url } = await serve(dataDir);
    await warmUp(url);
    const afterWarmup = rssMb(server.child.pid);
    await sleep(idleSeconds * 1000);
    const idle = rssMb(server.child.pid);
    await stop(server.child);
    return {
      name: 'idle-memory',
      what: `VmRSS of \`inflow serve\` (PGlite, in-process worker): after the first start on a fresh data dir (and its first visit), and after a restart, a first visit and ${idleSeconds} s idle`,
      rss_first_start_mb: afterFirstStart,
      rss_first_start_after_visit_mb: firstStartWarm,
      rss_after_warmup_mb: afterWarmup,
      rss_idle_mb: idle,
      limit_mb: LIMIT_MB,
      pass: Math.max(afterFirstStart, firstStartWarm, afterWarmup, idle) < LIMIT_MB,
    };
  } finally {
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}
