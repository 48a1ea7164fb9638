// Figure (issue 12): tracked events in, 50 concurrent clients each posting single-event batches
// (as t.js sends a page view), each answered after its batch committed: at least 50 % (on
// PostgreSQL) and 30 % (on PGlite) of the requests per second of a bare node:http server
// answering 204 in the same run, p99 under 20 ms, and afterwards the events in the database
// equal the 2xx answers.
//
// Throughput is closed-loop (each client posts again as soon as answered), so its latency is
// 50 / throughput by Little's law; p99 is therefore also measured paced, at an offered rate
// below saturation (half the closed-loop rate). Visitors are drawn from a pool (fixed seed):
// some batches open a visitor and a visit, most add to one, as on a real site.
//
// Inflow's own floor is measured too: the same batches sent with a crawler's user agent go
// through everything (HTTP, JSON, validation, the workspace's policy, the user agent) but the
// database, and are answered 204. The ratio to it is what the write itself costs.
import fs from 'node:fs';
import { migratedDataDir, seeded, stop, waitForHealth, startInflow } from './lib.mjs';
import { bare, load, loadAverage, summary } from './load.mjs';

const API_KEY = 'inf_bench_tracking_ingest_key_001';
const LIMITS = { pglite: { ratio: 0.3, p99_ms: 20 }, postgres: { ratio: 0.5, p99_ms: 20 } };
const VISITORS = 5_000;
const PAGES = ['/', '/pricing', '/blog/how-to-grow', '/blog/inbound-101', '/features', '/contact', '/docs/getting-started', '/customers'];
const CRAWLER = 'Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)';
const UAS = [
  'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/150.0.0.0 Safari/537.36',
  'Mozilla/5.0 (Macintosh; Intel Mac OS X 14_5) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.0 Safari/605.1.15',
  'Mozilla/5.0 (iPhone; CPU iPhone OS 18_0 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.0 Mobile/15E148 Safari/604.1',
  'Mozilla/5.0 (Linux; Android 15; Pixel 9) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/150.0.0.0 Mobile Safari/537.36',
];

const hex = (random, n) => Array.from({ length: n }, () => Math.floor(random() * 16).toString(16)).join('');
const uuid = (random) => `${hex(random, 8)}-${hex(random, 4)}-4${hex(random, 3)}-a${hex(random, 3)}-${hex(random, 12)}`;

/** Batches of one page view each, from a fixed pool of visitors, each with its visit. */
function requestsFor(workspaceId, userAgent = null) {
  const random = seeded(12);
  const visitors = Array.from({ length: VISITORS }, () => ({ visitor: uuid(random), session: uuid(random), ua: UAS[Math.floor(random() * UAS.length)] }));
  let n = 0;
  return () => [
    {
      setupRequest: (request) => {
        const v = visitors[n++ % VISITORS];
        const page = PAGES[n % PAGES.length];
        const now = Date.now();
        const url = `https://www.acme.example${page}${n % 7 === 0 ? '?utm_source=newsletter&utm_medium=email&utm_campaign=december' : ''}`;
        const body = { workspace_id: workspaceId, visitor_id: v.visitor, session_id: v.session, sent_at: now, events: [{ type: 'page_view', at: now, url, title: `Acme ${page}`, referrer: n % 3 === 0 ? 'https://www.google.com/' : null }] };
        return { ...request, headers: { 'content-type': 'text/plain', 'user-agent': userAgent ?? v.ua }, body: JSON.stringify(body) };
      },
    },
  ];
}

async function measure(database, seconds, connections, smoke, bareRps) {
  const dataDir = migratedDataDir('inflow-bench-tracking-');
  const { server, url } = await startInflow({ dataDir, databaseUrl: database === 'postgres' ? process.env.BENCH_DATABASE_URL : '', apiKey: API_KEY, env: { INFLOW_TRACKING_IP_LIMIT: '0' } });
  const headers = { authorization: `Bearer ${API_KEY}` };
  try {
    await waitForHealth(url, 60_000, 20, server);
    const workspace = await (await fetch(`${url}/api/v1/workspace`, { headers })).json();
    const requests = requestsFor(workspace.id);
    const target = `${url}/public/events`;
    const serverPid = server.child.pid;
    const warm = summary(await load(target, { connections: 5, amount: smoke ? 200 : 3_000, requests: requests() }));
    const amount = Math.max(connections, Math.round(seconds * bareRps * LIMITS[database].ratio * (smoke ? 0.1 : 1)));
    const machineLoad = { closed_loop: loadAverage() };
    const closed = summary(await load(target, { connections, amount, requests: requests(), serverPid }));
    machineLoad.floor = loadAverage();
    const floor = summary(await load(target, { connections, amount, requests: requestsFor(workspace.id, CRAWLER)(), serverPid }));
    const pacedRate = Math.round(closed.rps / 2);
    let paced = null;
    if (!smoke) {
      machineLoad.paced = loadAverage();
      paced = { offered_rps: pacedRate, ...summary(await load(target, { connections, amount: Math.round(pacedRate * seconds * 0.5), overallRate: pacedRate, requests: requests(), serverPid })) };
    }
    const status = await (await fetch(`${url}/api/v1/tracking/status`, { headers })).json();
    const answered = warm.ok_2xx + closed.ok_2xx + (paced?.ok_2xx ?? 0);
    const ratio = Math.round((closed.rps / bareRps) * 1000) / 1000;
    return {
      requests: amount,
      load_average: machineLoad,
      closed_loop: { ...closed, ratio_to_bare: ratio, ratio_to_floor: Math.round((closed.rps / floor.rps) * 1000) / 1000 },
      floor_without_database: { ...floor, ratio_to_bare: Math.round((floor.rps / bareRps) * 1000) / 1000 },
      paced,
      events_in_database: status.events_last_24h,
      stored_equals_2xx: status.events_last_24h === answered,
      pass: ratio >= LIMITS[database].ratio && (paced ? paced.latency_p99_ms < LIMITS[database].p99_ms : true) && closed.non_2xx === 0,
    };
  } finally {
    await stop(server.child);
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

export default async function trackingIngest({ seconds = 15, connections = 50, smoke = false } = {}) {
  const databases = ['pglite', ...(process.env.BENCH_DATABASE_URL ? ['postgres'] : [])];
  const loadBefore = loadAverage();
  // The bare server answers the same batches (it reads none of them), with the same connections.
  const bareRequests = requestsFor('00000000-0000-4000-a000-000000000000');
  const bareServer = await bare(smoke ? 2_000 : Math.round(seconds * 15_000), connections, () => bareRequests());
  const results = {};
  for (const database of databases) results[database] = await measure(database, seconds, connections, smoke, bareServer.rps);
  return {
    name: 'tracking-ingest',
    what: `POST /public/events, one page view per batch, ${connections} connections, ${VISITORS} visitors; answered after the group commit`,
    seconds,
    limits: LIMITS,
    load_average_before: loadBefore,
    bare_node_http: bareServer,
    results,
    pass: Object.values(results).every((r) => r.pass && r.stored_equals_2xx),
  };
}
