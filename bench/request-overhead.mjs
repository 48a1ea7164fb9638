// Figure: an authenticated small read under /api/v1 sustains at least 40% of the requests per
// second of a bare node:http server answering 204, measured in the same run (autocannon, 50
// connections). Runs on PGlite, and on PostgreSQL too when BENCH_DATABASE_URL is set.
//
// The figure is about request overhead: the headline route is GET /api/v1/workspace, a read
// answered from the authenticated context (API-key check, workspace, JSON schema serialisation,
// hooks) with no query of its own. A second route that runs one query per request,
// GET /api/v1/api-keys?limit=5, is measured beside it so the cost of a database round trip is
// visible too; it is reported, not held to the 40%.
import autocannon from 'autocannon';
import fs from 'node:fs';
import { freePort, seeded, sleep, start, stop, migratedDataDir, waitForHealth, startInflow } from './lib.mjs';

const API_KEY = 'inf_bench_request_overhead_key_0001';

function load(url, headers, seconds) {
  return new Promise((resolve, reject) => {
    autocannon({ url, headers, connections: 50, duration: seconds }, (err, result) => (err ? reject(err) : resolve(result)));
  });
}

function summary(result) {
  return {
    rps: Math.round(result.requests.average),
    latency_p50_ms: result.latency.p50,
    latency_p99_ms: result.latency.p99,
    errors: result.errors + result.timeouts,
    non_2xx: result.non2xx,
  };
}

/** A workspace as a small team has it: seeded members and API keys. */
async function seedWorkspace(url, rows) {
  const random = seeded(42);
  const roles = ['admin', 'marketer', 'sales', 'viewer'];
  const headers = { authorization: `Bearer ${API_KEY}`, 'content-type': 'application/json' };
  for (let i = 0; i < rows; i++) {
    const role = roles[Math.floor(random() * roles.length)];
    await fetch(`${url}/api/v1/api-keys`, { method: 'POST', headers, body: JSON.stringify({ name: `integration ${i}`, role }) });
    await fetch(`${url}/api/v1/members`, {
      method: 'POST',
      headers,
      body: JSON.stringify({ email: `member${i}-${Math.floor(random() * 1e6)}@example.com`, role, password: 'bench-password' }),
    });
  }
}

async function measureInflow(database, seconds, bareRps) {
  const dataDir = migratedDataDir('inflow-bench-http-');
  const { server, url } = await startInflow({ dataDir, databaseUrl: database === 'postgres' ? process.env.BENCH_DATABASE_URL : '', apiKey: API_KEY });
  try {
    await waitForHealth(url, 60_000, 20, server);
    await seedWorkspace(url, 20);
    const headers = { authorization: `Bearer ${API_KEY}` };
    const routes = { workspace: '/api/v1/workspace', api_keys_page: '/api/v1/api-keys?limit=5' };
    const out = {};
    for (const [name, path] of Object.entries(routes)) {
      await load(`${url}${path}`, headers, 1);
      const result = summary(await load(`${url}${path}`, headers, seconds));
      out[name] = { path, ...result, ratio_to_bare: Number((result.rps / bareRps).toFixed(3)) };
    }
    return out;
  } finally {
    await stop(server.child);
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

export default async function requestOverhead({ seconds = 10 } = {}) {
  const port = await freePort();
  const bare = start('node', ['bench/bare-server.mjs'], { PORT: String(port) });
  let bareResult;
  try {
    while (!bare.output().includes('listening')) await sleep(10);
    await load(`http://127.0.0.1:${port}/`, {}, 1);
    bareResult = summary(await load(`http://127.0.0.1:${port}/`, {}, seconds));
  } finally {
    await stop(bare.child);
  }
  const databases = ['pglite', ...(process.env.BENCH_DATABASE_URL ? ['postgres'] : [])];
  const inflow = {};
  for (const database of databases) inflow[database] = await measureInflow(database, seconds, bareResult.rps);
  const headline = Object.values(inflow).map((routes) => routes.workspace.ratio_to_bare);
  return {
    name: 'request-overhead',
    what: 'autocannon, 50 connections: bare node:http 204 vs authenticated GET under /api/v1 (Bearer API key)',
    seconds,
    bare_node_http: bareResult,
    inflow,
    headline_route: '/api/v1/workspace',
    limit_ratio: 0.4,
    min_headline_ratio: Math.min(...headline),
    pass: Math.min(...headline) >= 0.4,
  };
}
