// Figure (issue 10): form submissions end to end (validate, upsert the contact, submission,
// consent, event published, committed), 50 concurrent clients posting distinct emails: at least
// 2,000/s on PostgreSQL and 500/s on PGlite, p99 under 50 ms; afterwards the number of
// submissions in the database equals the number of 2xx answers.
//
// By Little's law, 500/s with 50 closed-loop clients is a mean latency of ~100 ms: on PGlite
// (one connection) the throughput is measured closed-loop and the p99 at an offered 500/s
// (autocannon's overallRate). On PostgreSQL both come from the closed-loop run.
import autocannon from 'autocannon';
import fs from 'node:fs';
import { freePort, migratedDataDir, start, stop, waitForHealth } from './lib.mjs';

const API_KEY = 'inf_bench_forms_submit_key_00001';
const LIMITS = { pglite: { rps: 500, p99_ms: 50 }, postgres: { rps: 2_000, p99_ms: 50 } };

const definition = {
  fields: [
    { key: 'email', kind: 'email', label: 'Email', required: true, business_only: false, maps_to: { to: 'standard', field: 'email' } },
    { key: 'first_name', kind: 'text', label: 'First name', required: false, max_length: 200, format: 'plain', maps_to: { to: 'standard', field: 'first_name' } },
    { key: 'consent', kind: 'consent', label: 'Newsletter', required: true, purpose: 'email_marketing', text: 'Send me the newsletter.', maps_to: { to: 'none' } },
  ],
  progressive: { enabled: false, queue: [] },
  settings: {
    submit_label: 'Subscribe', after_submit: { type: 'message', message: 'Thanks' }, tags: ['bench'], list_ids: [], lifecycle_stage: 'subscriber',
    notify_emails: [], double_opt_in: false, follow_up_email: null, allowed_origins: [],
    spam: { min_fill_seconds: 0, max_per_ip_per_hour: 0, max_per_form_per_minute: 0, blocked_domains: [], block_disposable: false },
  },
};

function load(url, options) {
  return new Promise((resolve, reject) => {
    autocannon({ url, method: 'POST', headers: { 'content-type': 'application/json' }, ...options }, (err, result) => (err ? reject(err) : resolve(result)));
  });
}

let counter = 0;
/** Each request a distinct person and idempotency key. */
function requests(run) {
  return [{
    setupRequest: (request) => {
      const n = ++counter;
      return { ...request, body: JSON.stringify({ email: `visitor-${run}-${n}@bench.example`, first_name: `Visitor ${n}`, consent: true, _sid: `bench-${run}-${n}`, _page: 'https://site.example/?utm_source=bench' }) };
    },
  }];
}

function summary(result) {
  return {
    rps: Math.round(result.requests.average),
    latency_p50_ms: result.latency.p50,
    latency_p99_ms: result.latency.p99,
    ok_2xx: result['2xx'],
    non_2xx: result.non2xx,
    errors: result.errors + result.timeouts,
  };
}

async function measure(database, seconds, connections, smoke) {
  const dataDir = migratedDataDir('inflow-bench-forms-');
  const port = await freePort();
  const server = start('node', ['bin/inflow.js', 'serve', '--no-worker'], {
    INFLOW_DATA_DIR: dataDir,
    DATABASE_URL: database === 'postgres' ? process.env.BENCH_DATABASE_URL : '',
    INFLOW_ADMIN_PASSWORD: 'bench-password',
    INFLOW_ADMIN_API_KEY: API_KEY,
    INFLOW_FORMS_IP_LIMIT: '0',
    LOG_LEVEL: 'warn',
    PORT: String(port),
  });
  const url = `http://127.0.0.1:${port}`;
  const headers = { authorization: `Bearer ${API_KEY}`, 'content-type': 'application/json' };
  try {
    await waitForHealth(url, 60_000, 20, server);
    const form = await (await fetch(`${url}/api/v1/forms`, { method: 'POST', headers, body: JSON.stringify({ name: `Bench ${Date.now()}`, definition }) })).json();
    const published = await fetch(`${url}/api/v1/forms/${form.id}/publish`, { method: 'POST', headers: { authorization: headers.authorization } });
    if (published.status !== 201) throw new Error(`publish failed: ${published.status} ${await published.text()}`);
    const submit = `${url}/public/forms/${form.id}/submit`;
    const warm = summary(await load(submit, { connections: 5, amount: 100, requests: requests('warm') }));
    // A fixed number of requests (about `seconds` at the limit), not a duration: autocannon then
    // waits for every answer, so the 2xx it counts are all the requests the server answered.
    const amount = Math.max(connections, Math.round(seconds * LIMITS[database].rps * (smoke ? 0.2 : 1)));
    const closed = summary(await load(submit, { connections, amount, requests: requests('closed') }));
    let paced = null;
    if (database === 'pglite' && !smoke) paced = summary(await load(submit, { connections, amount, overallRate: LIMITS.pglite.rps, requests: requests('paced') }));
    const total = (await (await fetch(`${url}/api/v1/forms/${form.id}`, { headers })).json()).submissions_total;
    const p99 = (paced ?? closed).latency_p99_ms;
    return {
      requests: amount,
      closed_loop: closed,
      ...(paced ? { paced_at_limit: paced } : {}),
      submissions_in_database: total,
      // The warm-up's submissions are counted too: every 2xx is stored, and nothing else.
      stored_equals_2xx: total === warm.ok_2xx + closed.ok_2xx + (paced?.ok_2xx ?? 0),
      pass: closed.rps >= LIMITS[database].rps && p99 < LIMITS[database].p99_ms && closed.non_2xx === 0,
    };
  } finally {
    await stop(server.child);
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

export default async function formsSubmit({ seconds = 20, connections = 50, smoke = false } = {}) {
  const databases = ['pglite', ...(process.env.BENCH_DATABASE_URL ? ['postgres'] : [])];
  const results = {};
  for (const database of databases) results[database] = await measure(database, seconds, connections, smoke);
  return {
    name: 'forms-submit',
    what: `POST /public/forms/:id/submit (JSON), ${connections} connections, distinct emails and _sid; group commit`,
    seconds,
    limits: LIMITS,
    results,
    pass: Object.values(results).every((r) => r.pass && r.stored_equals_2xx),
  };
}
