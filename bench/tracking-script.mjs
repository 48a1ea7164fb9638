// Figure (issue 12): t.js under 3 KB gzipped, and no long task (over 50 ms) on the page it runs in.
//
// A page on another origin (localhost, while Inflow answers on 127.0.0.1) carries the snippet
// under a strict CSP. Chromium loads it cold (a new context each time) with the CPU slowed 4×
// (as Lighthouse does for phones), then the page changes route five times (pushState, as a
// single-page app does), sends ten custom events, clicks a link to another site and is hidden
// (the beacon). A PerformanceObserver registered before t.js counts the long tasks of the whole
// run; the events the run sent must be in the database, so the script surely ran.
import { chromium } from 'playwright-core';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import zlib from 'node:zlib';
import { migratedDataDir, root, stop, waitForHealth, startInflow } from './lib.mjs';

const API_KEY = 'inf_bench_tracking_script_key_01';
const LIMITS = { gzip_bytes: 3 * 1024, long_tasks: 0, cpu_slowdown: 4 };
const DESKTOP_UA = 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/156.0.0.0 Safari/537.36';

function page(inflow, workspaceId, nonce) {
  const observer = `window.__long=[];try{new PerformanceObserver(function(l){l.getEntries().forEach(function(e){window.__long.push(Math.round(e.duration))})}).observe({type:'longtask',buffered:true})}catch(e){}`;
  const router = `document.addEventListener('click',function(e){var a=e.target.closest('a[data-route]');if(!a)return;e.preventDefault();history.pushState({},'',a.getAttribute('href'));document.title=a.textContent;});`;
  const links = Array.from({ length: 5 }, (_, i) => `<a data-route id="r${i}" href="/app/page-${i}">Page ${i}</a>`).join(' ');
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Bench app</title><script nonce="${nonce}">${observer}</script>
<script nonce="${nonce}">window.inflow=window.inflow||function(){(inflow.q=inflow.q||[]).push(arguments)}</script>
<script nonce="${nonce}" async src="${inflow}/t.js" data-workspace="${workspaceId}"></script></head>
<body><nav>${links} <a id="out" href="https://example.com/elsewhere">Elsewhere</a></nav><main><h1>App</h1><p>${'Some text of the app. '.repeat(200)}</p></main><script nonce="${nonce}">${router}</script></body></html>`;
}

function startSite(inflow, workspaceId) {
  const server = http.createServer((_req, res) => {
    const nonce = randomBytes(12).toString('base64');
    res.writeHead(200, {
      'content-type': 'text/html; charset=utf-8',
      'cache-control': 'no-store',
      'content-security-policy': `default-src 'none'; script-src 'nonce-${nonce}' ${inflow}; connect-src ${inflow}; base-uri 'none'; require-trusted-types-for 'script'`,
    });
    res.end(page(inflow, workspaceId, nonce));
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve({ url: `http://localhost:${server.address().port}/app`, close: () => new Promise((r) => server.close(r)) })));
}

async function run(browser, url) {
  const context = await browser.newContext({ userAgent: DESKTOP_UA });
  const tab = await context.newPage();
  const cdp = await context.newCDPSession(tab);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: LIMITS.cpu_slowdown });
  await tab.goto(url);
  await tab.waitForFunction(() => typeof window.inflow === 'function' && !('q' in window.inflow && Array.isArray(window.inflow.q)), null, { timeout: 10_000 }).catch(() => undefined);
  for (let i = 0; i < 5; i++) await tab.click(`#r${i}`);
  await tab.evaluate(() => {
    for (let i = 0; i < 10; i++) window.inflow('track', 'bench_event', { n: i, plan: 'pro' });
  });
  // A link to another site: the click is sent; the navigation is stopped so the page stays.
  await tab.evaluate(() => document.getElementById('out').addEventListener('click', (e) => e.preventDefault()));
  await tab.click('#out');
  await tab.waitForTimeout(1_500);
  const long = await tab.evaluate(() => window.__long);
  await context.close();
  return long;
}

export default async function trackingScript({ loads = 5 } = {}) {
  const file = path.join(root, 'dist/embed/t.js');
  const bytes = fs.readFileSync(file);
  const gzipBytes = zlib.gzipSync(bytes).length;
  const base = { name: 'tracking-script', what: `t.js: size, and long tasks over ${loads} cold loads of a single-page app (5 route changes, 10 custom events, an outbound click) at ${LIMITS.cpu_slowdown}× slower CPU`, limits: LIMITS, t_js_bytes: bytes.length, t_js_gzip_bytes: gzipBytes };
  if (!fs.existsSync(process.env.CHROMIUM_PATH || '/usr/bin/chromium')) return { ...base, skipped: 'no Chromium at /usr/bin/chromium', pass: null };
  const dataDir = migratedDataDir('inflow-bench-tscript-');
  const { server, url } = await startInflow({ dataDir, apiKey: API_KEY, env: { INFLOW_TRACKING_IP_LIMIT: '0' } });
  let site;
  let browser;
  try {
    await waitForHealth(url, 60_000, 20, server);
    const headers = { authorization: `Bearer ${API_KEY}` };
    const workspace = await (await fetch(`${url}/api/v1/workspace`, { headers })).json();
    site = await startSite(url.replace('localhost', '127.0.0.1'), workspace.id);
    browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium', args: ['--headless', '--no-sandbox'] });
    const longTasks = [];
    for (let i = 0; i < loads; i++) longTasks.push(...(await run(browser, site.url)));
    const status = await (await fetch(`${url}/api/v1/tracking/status`, { headers })).json();
    return {
      ...base,
      loads,
      long_tasks: longTasks.length,
      longest_task_ms: longTasks.length ? Math.max(...longTasks) : 0,
      events_stored: status.events_last_24h,
      pass: gzipBytes < LIMITS.gzip_bytes && longTasks.length === LIMITS.long_tasks && status.events_last_24h > 0,
    };
  } finally {
    await browser?.close();
    await site?.close();
    await stop(server.child);
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}
