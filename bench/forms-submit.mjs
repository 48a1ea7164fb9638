// Figure (issue 10): form submissions end to end (validate, upsert the contact, submission,
// consent, event published, committed), 50 concurrent clients posting distinct emails: at least
// 2,000/s on PostgreSQL and 500/s on PGlite, p99 under 50 ms; afterwards the number of
// submissions in the database equals the number of 2xx answers.
//
// Throughput is measured closed-loop (50 clients, each posting again as soon as answered). By
// Little's law its mean latency is 50 / throughput, so p99 is also measured paced: an offered
// rate below saturation (autocannon's overallRate), the limit's rate among them. The load
// generator shares the machine's cores with the server and the database: a bare node:http
// server answering the same posts, measured in the same run, is the yardstick of what this
// machine and load generator can do at all (`ratio_to_bare`). The CPU each request cost the
// server, PostgreSQL and the load generator is reported too (Linux /proc), and the machine's
// load average before each run: other work on the machine shows there.
import fs from 'node:fs';
import { migratedDataDir, stop, waitForHealth, startInflow } from './lib.mjs';
import { bare, load, loadAverage, summary } from './load.mjs';

const API_KEY = 'inf_bench_forms_submit_key_00001';
const LIMITS = { pglite: { rps: 500, p99_ms: 50 }, postgres: { rps: 2_000, p99_ms: 50 } };
// Offered rates of the paced runs: below saturation, and the limit.
const PACED = { pglite: [250, 500], postgres: [500, 1_000, 2_000] };

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

async function measure(database, seconds, connections, smoke, bareRps) {
  const dataDir = migratedDataDir('inflow-bench-forms-');
  const { server, url } = await startInflow({ dataDir, databaseUrl: database === 'postgres' ? process.env.BENCH_DATABASE_URL : '', apiKey: API_KEY, env: { INFLOW_FORMS_IP_LIMIT: '0' } });
  const headers = { authorization: `Bearer ${API_KEY}`, 'content-type': 'application/json' };
  try {
    await waitForHealth(url, 60_000, 20, server);
    const form = await (await fetch(`${url}/api/v1/forms`, { method: 'POST', headers, body: JSON.stringify({ name: `Bench ${Date.now()}`, definition }) })).json();
    const published = await fetch(`${url}/api/v1/forms/${form.id}/publish`, { method: 'POST', headers: { authorization: headers.authorization } });
    if (published.status !== 201) throw new Error(`publish failed: ${published.status} ${await published.text()}`);
    const submit = `${url}/public/forms/${form.id}/submit`;
    const serverPid = server.child.pid;
    const warm = summary(await load(submit, { connections: 5, amount: smoke ? 100 : 2_000, requests: requests('warm') }));
    // A fixed number of requests (about `seconds` at the limit), not a duration: autocannon then
    // waits for every answer, so the 2xx it counts are all the requests the server answered.
    const amount = Math.max(connections, Math.round(seconds * LIMITS[database].rps * (smoke ? 0.2 : 1)));
    const machineLoad = { closed_loop: loadAverage() };
    const closed = summary(await load(submit, { connections, amount, requests: requests('closed'), serverPid }));
    const paced = {};
    for (const rate of smoke ? [] : PACED[database]) {
      machineLoad[`paced_${rate}`] = loadAverage();
      paced[rate] = summary(await load(submit, { connections, amount: Math.round(seconds * rate * 0.5), overallRate: rate, requests: requests(`paced-${rate}`), serverPid }));
    }
    const total = (await (await fetch(`${url}/api/v1/forms/${form.id}`, { headers })).json()).submissions_total;
    const answered = warm.ok_2xx + closed.ok_2xx + Object.values(paced).reduce((sum, run) => sum + run.ok_2xx, 0);
    const atLimit = paced[LIMITS[database].rps];
    return {
      requests: amount,
      load_average: machineLoad,
      closed_loop: { ...closed, ratio_to_bare: bareRps ? Math.round((closed.rps / bareRps) * 1000) / 1000 : null },
      paced,
      submissions_in_database: total,
      // The warm-up's submissions are counted too: every 2xx is stored, and nothing else.
      stored_equals_2xx: total === answered,
      pass: closed.rps >= LIMITS[database].rps && closed.latency_p99_ms < LIMITS[database].p99_ms && (!atLimit || atLimit.latency_p99_ms < LIMITS[database].p99_ms) && closed.non_2xx === 0,
    };
  } finally {
    await stop(server.child);
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

export default async function formsSubmit({ seconds = 20, connections = 50, smoke = false } = {}) {
  const databases = ['pglite', ...(process.env.BENCH_DATABASE_URL ? ['postgres'] : [])];
  const loadBefore = loadAverage();
  const bareServer = await bare(Math.round(seconds * 2_000 * (smoke ? 0.05 : 1)), connections, requests);
  const results = {};
  for (const database of databases) results[database] = await measure(database, seconds, connections, smoke, bareServer.rps);
  return {
    name: 'forms-submit',
    what: `POST /public/forms/:id/submit (JSON), ${connections} connections, distinct emails and _sid; group commit`,
    seconds,
    limits: LIMITS,
    load_average_before: loadBefore,
    bare_node_http: bareServer,
    results,
    pass: Object.values(results).every((r) => r.pass && r.stored_equals_2xx),
  };
}
