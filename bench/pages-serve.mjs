// Figure (issue 11): a published landing page sustains at least 50% of the requests per second
// of a bare node:http server returning the same HTML bytes, measured in the same run
// (autocannon, 50 connections). The page is the e-book template with its form, served by
// `inflow serve` on PGlite from its page cache. Then the page is republished and the very next
// request must show the new version (the cache is correct, not just fast).
import autocannon from 'autocannon';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { freePort, migratedDataDir, sleep, start, stop, tempDir, waitForHealth, startInflow } from './lib.mjs';

const API_KEY = 'inf_bench_pages_serve_key_000001';

function load(url, seconds) {
  return new Promise((resolve, reject) => {
    autocannon({ url, connections: 50, duration: seconds }, (err, result) => (err ? reject(err) : resolve(result)));
  });
}

const summary = (result) => ({
  rps: Math.round(result.requests.average),
  latency_p50_ms: result.latency.p50,
  latency_p99_ms: result.latency.p99,
  errors: result.errors + result.timeouts,
  non_2xx: result.non2xx,
});

async function api(url, method, pathname, body) {
  const response = await fetch(`${url}${pathname}`, {
    method,
    headers: { authorization: `Bearer ${API_KEY}`, ...(body ? { 'content-type': 'application/json' } : {}) },
    body: body ? JSON.stringify(body) : undefined,
  });
  const json = await response.json();
  if (!response.ok) throw new Error(`${method} ${pathname}: ${response.status} ${JSON.stringify(json)}`);
  return json;
}

async function measureBare(html, seconds) {
  const dir = tempDir('inflow-bench-page-');
  const file = path.join(dir, 'page.html');
  fs.writeFileSync(file, html);
  const port = await freePort();
  const bare = start('node', ['bench/bare-server.mjs'], { PORT: String(port), BODY_FILE: file });
  try {
    while (!bare.output().includes('listening')) await sleep(10);
    await load(`http://127.0.0.1:${port}/`, 1);
    return summary(await load(`http://127.0.0.1:${port}/`, seconds));
  } finally {
    await stop(bare.child);
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

export default async function pagesServe({ seconds = 10 } = {}) {
  const dataDir = migratedDataDir('inflow-bench-pages-');
  const { server, url } = await startInflow({ dataDir, apiKey: API_KEY });
  const loadBefore = os.loadavg();
  try {
    await waitForHealth(url, 60_000, 20, server);
    const form = await api(url, 'POST', '/api/v1/forms', { template: 'ebook' });
    await api(url, 'POST', `/api/v1/forms/${form.id}/publish`);
    const page = await api(url, 'POST', '/api/v1/pages', { template: 'ebook', slug: 'bench-ebook', form_id: form.id });
    await api(url, 'POST', `/api/v1/pages/${page.id}/publish`);
    const html = Buffer.from(await (await fetch(`${url}/p/bench-ebook`)).arrayBuffer());

    const bare = await measureBare(html, seconds);
    await load(`${url}/p/bench-ebook`, 1);
    const inflow = summary(await load(`${url}/p/bench-ebook`, seconds));
    // Inflow's floor in the same run: the pages' stylesheet, answered from memory through the same
    // server and hooks with no page lookup. What the page path adds to the framework is inflow / floor.
    const floor = summary(await load(`${url}/p.css`, seconds));

    // Republish with a new headline: the next request must show it.
    const draft = structuredClone(page.draft);
    draft.blocks[0].headline = 'Republished headline';
    await api(url, 'PATCH', `/api/v1/pages/${page.id}`, { draft, draft_revision: page.draft_revision });
    await api(url, 'POST', `/api/v1/pages/${page.id}/publish`);
    const after = await (await fetch(`${url}/p/bench-ebook`)).text();
    const ratio = Number((inflow.rps / bare.rps).toFixed(3));
    const ratioToFloor = Number((inflow.rps / floor.rps).toFixed(3));
    return {
      name: 'pages-serve',
      what: 'autocannon, 50 connections: a published landing page (e-book template with its form) vs bare node:http returning the same bytes',
      seconds,
      html_bytes: html.length,
      load_average_before: loadBefore.map((n) => Number(n.toFixed(2))),
      bare_node_http: bare,
      inflow: inflow,
      inflow_stylesheet_floor: floor,
      ratio_to_bare: ratio,
      ratio_to_inflow_floor: ratioToFloor,
      republish_shows_new_version: after.includes('Republished headline'),
      limit_ratio: 0.5,
      pass: ratio >= 0.5 && inflow.non_2xx === 0 && after.includes('Republished headline'),
    };
  } finally {
    await stop(server.child);
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}
