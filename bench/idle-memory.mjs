// Figure: resident memory of an idle `inflow serve` on PGlite, under 400 MB.
import fs from 'node:fs';
import { freePort, sleep, start, stop, migratedDataDir, waitForHealth } from './lib.mjs';

function rssMb(pid) {
  const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
  return Math.round(Number(/VmRSS:\s+(\d+) kB/.exec(status)[1]) / 1024);
}

export default async function idleMemory({ idleSeconds = 15 } = {}) {
  const dataDir = migratedDataDir('inflow-bench-mem-');
  const port = await freePort();
  const server = start('node', ['bin/inflow.js', 'serve'], {
    INFLOW_DATA_DIR: dataDir,
    INFLOW_ADMIN_PASSWORD: 'bench-password',
    LOG_LEVEL: 'warn',
    DATABASE_URL: '',
    PORT: String(port),
  });
  const url = `http://127.0.0.1:${port}`;
  await waitForHealth(url, 60_000, 20, server);
  // Warm it the way a first visit does: the dashboard, the spec, a sign-in.
  await fetch(`${url}/`);
  await fetch(`${url}/api/openapi.json`);
  await fetch(`${url}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: 'admin@inflow.local', password: 'bench-password' }),
  });
  const afterWarmup = rssMb(server.child.pid);
  await sleep(idleSeconds * 1000);
  const idle = rssMb(server.child.pid);
  await stop(server.child);
  fs.rmSync(dataDir, { recursive: true, force: true });
  return {
    name: 'idle-memory',
    what: `VmRSS of \`inflow serve\` (PGlite, in-process worker) after warm-up and ${idleSeconds} s idle`,
    rss_after_warmup_mb: afterWarmup,
    rss_idle_mb: idle,
    limit_mb: 400,
    pass: idle < 400,
  };
}
