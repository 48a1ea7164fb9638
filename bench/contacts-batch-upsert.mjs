// Figure: the batch upsert API stores at least 10,000 contacts/s on PostgreSQL. Sends seeded
// batches of 1,000 new contacts (then the same again, as updates) with a few in flight.
import fs from 'node:fs';
import { contacts } from './generators/contacts.mjs';
import { stop, migratedDataDir, waitForHealth, startInflow } from './lib.mjs';

const API_KEY = 'inf_bench_contacts_batch_key_0001';
const BATCH = 1000;

async function send(url, body) {
  const response = await fetch(`${url}/api/v1/contacts/batch`, {
    method: 'POST',
    headers: { authorization: `Bearer ${API_KEY}`, 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  if (response.status !== 200) throw new Error(`batch answered ${response.status}: ${await response.text()}`);
  const result = await response.json();
  if (result.failed > 0) throw new Error(`batch had ${result.failed} failures: ${JSON.stringify(result.results.find((r) => r.status === 'error'))}`);
  return result;
}

async function run(url, total, concurrency) {
  const batches = [];
  for (let offset = 0; offset < total; offset += BATCH) batches.push([...contacts(7, Math.min(BATCH, total - offset), offset)]);
  let next = 0;
  const began = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < batches.length) await send(url, { contacts: batches[next++] });
    }),
  );
  const seconds = (performance.now() - began) / 1000;
  return { contacts: total, seconds: Number(seconds.toFixed(2)), per_second: Math.round(total / seconds) };
}

async function measure(database, total, concurrency) {
  const dataDir = migratedDataDir('inflow-bench-batch-');
  const { server, url } = await startInflow({ dataDir, databaseUrl: database === 'postgres' ? process.env.BENCH_DATABASE_URL : '', apiKey: API_KEY });
  try {
    await waitForHealth(url, 60_000, 20, server);
    await fetch(`${url}/api/v1/custom-fields`, {
      method: 'POST',
      headers: { authorization: `Bearer ${API_KEY}`, 'content-type': 'application/json' },
      body: JSON.stringify({ key: 'visits', label: 'Visits', type: 'number' }),
    });
    await fetch(`${url}/api/v1/custom-fields`, {
      method: 'POST',
      headers: { authorization: `Bearer ${API_KEY}`, 'content-type': 'application/json' },
      body: JSON.stringify({ key: 'plan', label: 'Plan', type: 'select', options: ['free', 'pro'] }),
    });
    const insert = await run(url, total, concurrency);
    const update = await run(url, total, concurrency);
    return { inserts: insert, updates: update };
  } finally {
    await stop(server.child);
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

export default async function contactsBatchUpsert({ total = 100_000, concurrency = 4 } = {}) {
  const databases = ['pglite', ...(process.env.BENCH_DATABASE_URL ? ['postgres'] : [])];
  const out = {};
  for (const database of databases) out[database] = await measure(database, total, concurrency);
  const postgres = out.postgres;
  return {
    name: 'contacts-batch-upsert',
    what: `POST /api/v1/contacts/batch, ${BATCH} seeded contacts per call, ${concurrency} calls in flight: new contacts, then the same again as updates`,
    batch_size: BATCH,
    results: out,
    limit_per_second_postgres: 10_000,
    pass: postgres ? Math.min(postgres.inserts.per_second, postgres.updates.per_second) >= 10_000 : null,
  };
}
