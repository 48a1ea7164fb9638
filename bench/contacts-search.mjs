// Figure: listing/searching contacts at 1,000,000 contacts — prefix on email, filter on a custom
// field — answers with p95 under 50 ms on PostgreSQL. The contacts are generated inside
// PostgreSQL from generate_series with deterministic values (the "seed" is the formula), then
// the list API is called over HTTP with an API key, one request at a time.
import pg from 'pg';
import fs from 'node:fs';
import { percentile, seeded, stop, migratedDataDir, waitForHealth, startInflow } from './lib.mjs';

const API_KEY = 'inf_bench_contacts_search_key_0001';
const FIRST = ['ana', 'bruno', 'carla', 'diego', 'elisa', 'felipe', 'gabriela', 'hugo', 'isabela', 'joao', 'karen', 'lucas'];
const LAST = ['silva', 'souza', 'costa', 'santos', 'oliveira', 'pereira', 'lima', 'gomes'];

async function generate(url, workspaceId, total) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(
      `insert into custom_fields (workspace_id, key, label, type, options)
       values ($1, 'plan', 'Plan', 'select', '["free","pro","enterprise"]'), ($1, 'visits', 'Visits', 'number', '[]')
       on conflict do nothing`,
      [workspaceId],
    );
    const first = `(array[${FIRST.map((n) => `'${n}'`).join(',')}])`;
    const last = `(array[${LAST.map((n) => `'${n}'`).join(',')}])`;
    const began = performance.now();
    for (let from = 1; from <= total; from += 250_000) {
      const to = Math.min(total, from + 250_000 - 1);
      await client.query(
        `insert into contacts (workspace_id, id, email, first_name, last_name, city, lifecycle_stage, tags, custom, created_at, updated_at)
         select $1, gen_random_uuid(),
                ${first}[1 + n % ${FIRST.length}] || '.' || ${last}[1 + (n / 7) % ${LAST.length}] || '.' || n || '@example' || (n % 50) || '.com',
                initcap(${first}[1 + n % ${FIRST.length}]), initcap(${last}[1 + (n / 7) % ${LAST.length}]),
                (array['Recife','São Paulo','Mumbai','Lisbon'])[1 + n % 4],
                (array['subscriber','lead','lead','mql','sql','customer'])[1 + n % 6],
                case when n % 3 = 0 then array['webinar'] else array[]::text[] end,
                jsonb_build_object('plan', (array['free','free','free','pro','enterprise'])[1 + n % 5], 'visits', n % 40),
                timestamptz '2025-01-01' + n * interval '20 seconds', timestamptz '2025-01-01' + n * interval '20 seconds'
           from generate_series($2::int, $3::int) as n`,
        [workspaceId, from, to],
      );
    }
    await client.query('analyze contacts');
    return Math.round((performance.now() - began) / 1000);
  } finally {
    await client.end();
  }
}

async function timeQueries(url, label, paths) {
  const samples = [];
  for (const path of paths) {
    const began = performance.now();
    const response = await fetch(`${url}${path}`, { headers: { authorization: `Bearer ${API_KEY}` } });
    const body = await response.json();
    if (response.status !== 200) throw new Error(`${path}: ${response.status} ${JSON.stringify(body)}`);
    samples.push(performance.now() - began);
  }
  const round = (ms) => Number(ms.toFixed(1));
  return { query: label, requests: paths.length, p50_ms: round(percentile(samples, 50)), p95_ms: round(percentile(samples, 95)), max_ms: round(Math.max(...samples)) };
}

export default async function contactsSearch({ total = 1_000_000, requests = 200 } = {}) {
  const databaseUrl = process.env.BENCH_DATABASE_URL;
  if (!databaseUrl) return { name: 'contacts-search', skipped: 'set BENCH_DATABASE_URL to an empty PostgreSQL database', pass: null };
  const dataDir = migratedDataDir('inflow-bench-search-');
  const { server, url } = await startInflow({ dataDir, databaseUrl, apiKey: API_KEY });
  try {
    await waitForHealth(url, 60_000, 20, server);
    const workspace = await (await fetch(`${url}/api/v1/workspace`, { headers: { authorization: `Bearer ${API_KEY}` } })).json();
    const generateSeconds = await generate(databaseUrl, workspace.id, total);
    const random = seeded(11);
    const pick = (list) => list[Math.floor(random() * list.length)];
    const n = () => 1 + Math.floor(random() * total);
    const results = [
      await timeQueries(url, 'email prefix (q=ana.sil…)', Array.from({ length: requests }, () => `/api/v1/contacts?q=${pick(FIRST)}.${pick(LAST).slice(0, 2 + Math.floor(random() * 3))}`)),
      await timeQueries(url, 'email prefix, unique (q=<first>.<last>.<n>)', Array.from({ length: requests }, () => { const k = n(); return `/api/v1/contacts?q=${FIRST[k % FIRST.length]}.${LAST[Math.floor(k / 7) % LAST.length]}.${k}`; })),
      await timeQueries(url, 'exact email', Array.from({ length: requests }, () => { const k = n(); return `/api/v1/contacts?email=${FIRST[k % FIRST.length]}.${LAST[Math.floor(k / 7) % LAST.length]}.${k}@example${k % 50}.com`; })),
      await timeQueries(url, 'custom select field (custom.plan=…)', Array.from({ length: requests }, () => `/api/v1/contacts?custom.plan=${pick(['pro', 'enterprise', 'free'])}`)),
      await timeQueries(url, 'custom number field (custom.visits=…)', Array.from({ length: requests }, () => `/api/v1/contacts?custom.visits=${Math.floor(random() * 40)}`)),
      await timeQueries(url, 'custom field + stage + tag', Array.from({ length: requests }, () => `/api/v1/contacts?custom.plan=enterprise&stage=mql&tag=webinar`)),
      await timeQueries(url, 'page 2 by cursor (newest first)', await secondPages(url, requests)),
    ];
    const worst = Math.max(...results.map((r) => r.p95_ms));
    return {
      name: 'contacts-search',
      what: `GET /api/v1/contacts at ${total.toLocaleString('en')} contacts on PostgreSQL, ${requests} requests per query, one at a time, limit 50`,
      contacts: total,
      generate_seconds: generateSeconds,
      results,
      limit_p95_ms: 50,
      worst_p95_ms: worst,
      pass: worst < 50,
    };
  } finally {
    await stop(server.child);
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

async function secondPages(url, count) {
  const first = await (await fetch(`${url}/api/v1/contacts?limit=50`, { headers: { authorization: `Bearer ${API_KEY}` } })).json();
  return Array.from({ length: count }, () => `/api/v1/contacts?limit=50&cursor=${first.next_cursor}`);
}
