// Figures (issue 11): the Largest Contentful Paint of each page template under 1 s in Chromium
// on a local server (PerformanceObserver), and the total weight of each page without images
// under 50 KB gzipped.
//
// Every template (landing pages with the form their template names, and the thank-you pages) is
// published on `inflow serve` (PGlite), then loaded `loads` times at a desktop and at a phone
// width, each load in a new browser context (empty cache: the stylesheet and f.js are fetched
// every time). LCP is the last `largest-contentful-paint` entry's startTime, read once the page
// has settled (its form mounted by f.js, when it has one). The weight is what a first visit
// downloads besides images: the HTML, /p.css and f.js (when the page loads it), each gzipped.
import { chromium } from 'playwright-core';
import fs from 'node:fs';
import zlib from 'node:zlib';
import { migratedDataDir, percentile, stop, waitForHealth, startInflow } from './lib.mjs';

const API_KEY = 'inf_bench_pages_lcp_key_0000001';
const LIMITS = { lcp_ms: 1_000, weight_kb: 50 };
const WIDTHS = { desktop: { width: 1280, height: 800 }, mobile: { width: 390, height: 844 } };

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

/** Publishes every template, each landing page with a live form of the template it names; returns [template id, slug]. */
async function publishTemplates(url) {
  const templates = (await api(url, 'GET', '/api/v1/page-templates')).data;
  const forms = new Map();
  const pages = [];
  for (const t of templates) {
    let formId = null;
    if (t.form_template) {
      formId = forms.get(t.form_template) ?? null;
      if (!formId) {
        formId = (await api(url, 'POST', '/api/v1/forms', { template: t.form_template })).id;
        await api(url, 'POST', `/api/v1/forms/${formId}/publish`);
        forms.set(t.form_template, formId);
      }
    }
    const page = await api(url, 'POST', '/api/v1/pages', { template: t.id, slug: `lcp-${t.id}`, ...(formId ? { form_id: formId } : {}) });
    await api(url, 'POST', `/api/v1/pages/${page.id}/publish`);
    pages.push({ template: t.id, slug: page.slug, hasForm: Boolean(formId) });
  }
  return pages;
}

async function weightKb(url, slug) {
  const gzipped = async (pathname) => zlib.gzipSync(Buffer.from(await (await fetch(`${url}${pathname}`)).arrayBuffer()), { level: 6 }).length;
  const html = await (await fetch(`${url}/p/${slug}`)).text();
  const bytes = zlib.gzipSync(html, { level: 6 }).length + (await gzipped('/p.css')) + (/src="\/f\.js/.test(html) ? await gzipped('/f.js') : 0);
  return Math.round((bytes / 1024) * 10) / 10;
}

async function lcpOf(browser, pageUrl, viewport, hasForm) {
  const context = await browser.newContext({ viewport, reducedMotion: 'reduce' });
  try {
    const tab = await context.newPage();
    await tab.goto(pageUrl);
    if (hasForm) await tab.locator('[data-inflow-mounted] form.inflow-form').first().waitFor({ timeout: 10_000 });
    return await tab.evaluate(() => new Promise((resolve) => {
      new PerformanceObserver((list) => {
        const entries = list.getEntries();
        resolve(entries[entries.length - 1].startTime);
      }).observe({ type: 'largest-contentful-paint', buffered: true });
      setTimeout(() => resolve(null), 5_000);
    }));
  } finally {
    await context.close();
  }
}

export default async function pagesLcp({ loads = 5, templates: only = Infinity } = {}) {
  const chromiumPath = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
  if (!fs.existsSync(chromiumPath)) return { name: 'pages-lcp', skipped: `no Chromium at ${chromiumPath}`, pass: null };
  const dataDir = migratedDataDir('inflow-bench-lcp-');
  const { server, url } = await startInflow({ dataDir, apiKey: API_KEY });
  let browser = null;
  try {
    await waitForHealth(url, 60_000, 20, server);
    const pages = (await publishTemplates(url)).slice(0, only);
    browser = await chromium.launch({ executablePath: chromiumPath, args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'] });
    // One load first, not counted: the server's and Chromium's first requests pay for warming up.
    await lcpOf(browser, `${url}/p/${pages[0].slug}`, WIDTHS.desktop, pages[0].hasForm);

    const round = (v) => Math.round(v);
    const templates = [];
    for (const page of pages) {
      const byWidth = {};
      for (const [width, viewport] of Object.entries(WIDTHS)) {
        const paints = [];
        for (let i = 0; i < loads; i++) paints.push(await lcpOf(browser, `${url}/p/${page.slug}`, viewport, page.hasForm));
        const measured = paints.filter((p) => p !== null);
        byWidth[width] = { median_ms: round(percentile(measured, 50)), max_ms: round(Math.max(...measured)), missing: paints.length - measured.length };
      }
      const weight = await weightKb(url, page.slug);
      templates.push({ template: page.template, lcp: byWidth, weight_gzip_kb: weight, pass: Object.values(byWidth).every((w) => w.missing === 0 && w.median_ms < LIMITS.lcp_ms) && weight < LIMITS.weight_kb });
    }
    return {
      name: 'pages-lcp',
      what: `Chromium (headless), a new context per load (empty cache), ${loads} loads per template and width: LCP from PerformanceObserver; weight = HTML + /p.css + f.js gzipped`,
      limits: LIMITS,
      loads,
      templates,
      worst_median_lcp_ms: Math.max(...templates.flatMap((t) => Object.values(t.lcp).map((w) => w.median_ms))),
      heaviest_gzip_kb: Math.max(...templates.map((t) => t.weight_gzip_kb)),
      pass: templates.every((t) => t.pass),
    };
  } finally {
    await browser?.close();
    await stop(server.child);
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}
