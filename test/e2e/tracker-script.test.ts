// t.js in a real browser: a customer's site on one origin (under a strict CSP with Trusted
// Types), the script and the collector on another, as on a real install. The collector is a
// stand-in that records what arrives: this checks the script and its wire format, not the
// server's handling of them.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTracker } from '../../scripts/build-embed.mjs';
import type { Batch, TrackerEvent } from '../../embed/tracker/wire.js';
import { isVisitorId } from '../../src/modules/capture/visitor-id.js';
import { actionTimeout, browserAvailable, launchBrowser } from './browser.js';
import { startSite, violationCollector, type Site } from './site-server.js';

const hasBrowser = browserAvailable();
// Headless Chromium says so in its user agent, and the server drops a headless browser's events.
const DESKTOP_UA = 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/156.0.0.0 Safari/537.36';
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

interface Received {
  method: string;
  mode: string | undefined;
  contentType: string | undefined;
  body: Batch | null;
}

interface Collector {
  url: string;
  received: Received[];
  close(): Promise<void>;
}

async function startCollector(script: Uint8Array): Promise<Collector> {
  const received: Received[] = [];
  const server = http.createServer((req, res) => {
    if (req.method === 'GET' && req.url === '/t.js') {
      res.writeHead(200, { 'content-type': 'text/javascript; charset=utf-8' }).end(script);
      return;
    }
    if (req.url === '/public/events') {
      const chunks: Buffer[] = [];
      req.on('data', (chunk: Buffer) => chunks.push(chunk));
      req.on('end', () => {
        const text = Buffer.concat(chunks).toString('utf8');
        received.push({ method: req.method!, mode: req.headers['sec-fetch-mode'] as string | undefined, contentType: req.headers['content-type'], body: text ? JSON.parse(text) : null });
        res.writeHead(204, { 'access-control-allow-origin': '*' }).end();
      });
      return;
    }
    res.writeHead(200, { 'content-type': 'text/html' }).end('<!doctype html><title>Elsewhere</title>');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}`, received, close: () => new Promise((resolve) => server.close(() => resolve())) };
}

/** A page with the snippet, as a site pastes it (its inline part carrying the page's nonce). */
const page = (title: string, nonce: string, inflow: string, workspace: string, attributes = '', body = '') =>
  `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${title}</title>${violationCollector(nonce)}` +
  `<script nonce="${nonce}">window.inflow=window.inflow||function(){(inflow.q=inflow.q||[]).push(arguments)}</script>` +
  `<script nonce="${nonce}" async src="${inflow}/t.js" data-workspace="${workspace}"${attributes}></script></head>` +
  `<body><h1>${title}</h1>${body}</body></html>`;

const WORKSPACE = '3f0e6a52-8d7b-4c1e-9a4f-2b6d8e0c1a57';

let browser: Browser;
let collector: Collector;
let site: Site;

async function visitor(): Promise<{ context: BrowserContext; tab: Page }> {
  const context = await browser.newContext({ userAgent: DESKTOP_UA });
  const tab = await context.newPage();
  tab.setDefaultTimeout(actionTimeout);
  return { context, tab };
}

type Of<T extends TrackerEvent['type']> = TrackerEvent & { type: T };

/** The events received since the `from`th request. */
const events = (from: number) => collector.received.slice(from).flatMap((r) => r.body?.events ?? []);

/** The first event of `type` received since the `from`th request that `match` accepts, waited for. */
async function arrived<T extends TrackerEvent['type']>(type: T, from: number, match: (event: Of<T>) => boolean = () => true): Promise<Of<T>> {
  const deadline = Date.now() + actionTimeout;
  for (;;) {
    const found = events(from).find((event): event is Of<T> => event.type === type && match(event as Of<T>));
    if (found) return found;
    if (Date.now() > deadline) throw new Error(`no ${type} received; got ${JSON.stringify(events(from))}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** The request that carried `event`. */
const batchOf = (event: TrackerEvent) => collector.received.find((r) => r.body?.events.includes(event))!;

describe.runIf(hasBrowser)('t.js in a real browser', () => {
  beforeAll(async () => {
    collector = await startCollector((await buildTracker({ write: false })).script);
    const links =
      '<a id="out" href="https://partner.example/offer?ref=site">Partner</a> <a id="file" href="/files/price-list.pdf">Prices</a> <a id="about" href="/about">About</a>' +
      '<p id="faq">FAQ</p>';
    site = await startSite(collector.url, {
      '/': (nonce) =>
        page('Home', nonce, collector.url, WORKSPACE, '', links) +
        // The site keeps its visitors on the page for this test: the clicks are what counts.
        `<script nonce="${nonce}">inflow('track','early_call',{from:'snippet'});document.addEventListener('click',function(e){e.preventDefault()});` +
        // A web component's link, in its shadow root.
        `var a=document.createElement('a');a.id='widget';a.href='https://widget.example/start';a.textContent='Widget';document.body.appendChild(document.createElement('div')).attachShadow({mode:'open'}).appendChild(a)</script>`,
      '/consent': (nonce) => page('Consent', nonce, collector.url, WORKSPACE, ' data-consent="required"'),
      '/private': (nonce) => page('Private', nonce, collector.url, WORKSPACE, ' data-respect-dnt'),
    });
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
    await site?.close();
    await collector?.close();
  });

  it('sends page views, a route change, custom events, clicks and the last events on leaving, as one visitor in one session', async () => {
    const { context, tab } = await visitor();
    const start = Date.now();
    const from = collector.received.length;
    await tab.goto(`${site.url}/?utm_source=newsletter`, { referer: 'https://search.example/q' });

    const view = await arrived('page_view', from);
    expect(view).toEqual({ type: 'page_view', at: expect.any(Number), url: `${site.url}/?utm_source=newsletter`, title: 'Home', referrer: 'https://search.example/q' });
    expect(view.at).toBeGreaterThanOrEqual(start);
    const first = batchOf(view);
    expect(first.method).toBe('POST');
    expect(first.mode).toBe('cors');
    expect(first.contentType).toBe('text/plain');
    const body = first.body!;
    expect(Object.keys(body).sort()).toEqual(['events', 'sent_at', 'session_id', 'visitor_id', 'workspace_id']);
    expect(body.workspace_id).toBe(WORKSPACE);
    expect(body.visitor_id).toMatch(UUID);
    expect(body.session_id).toMatch(UUID);
    expect(body.sent_at).toBeGreaterThanOrEqual(view.at);
    // The snippet's call made before t.js arrived, after the view.
    expect(await arrived('custom', from, (e) => e.name === 'early_call')).toMatchObject({ properties: { from: 'snippet' }, url: `${site.url}/?utm_source=newsletter` });

    // The id f.js will post with a form, and its cookie mirror.
    const stored = await tab.evaluate(() => ({ vid: localStorage.getItem('inflow_vid'), sid: localStorage.getItem('inflow_sid'), cookie: document.cookie }));
    expect(stored.vid).toBe(body.visitor_id);
    expect(isVisitorId(stored.vid!)).toBe(true);
    expect(stored.sid).toMatch(new RegExp(`^${body.session_id}\\.\\d{13}$`));
    expect(stored.cookie).toBe(`inflow_vid=${stored.vid}`);

    // A single-page app's route change; its title set just after the URL, as routers do.
    await tab.waitForTimeout(300);
    let mark = collector.received.length;
    await tab.evaluate(() => {
      history.pushState({}, '', '/pricing');
      document.title = 'Pricing';
    });
    const routed = await arrived('page_view', mark);
    expect(routed).toEqual({ type: 'page_view', at: expect.any(Number), url: `${site.url}/pricing`, title: 'Pricing', referrer: `${site.url}/?utm_source=newsletter` });
    const read = await arrived('engagement', mark);
    expect(read.url).toBe(`${site.url}/?utm_source=newsletter`);
    expect(read.duration_ms).toBeGreaterThanOrEqual(250);

    // An anchor on the same page is no new page; a custom event and an identification are sent.
    mark = collector.received.length;
    await tab.evaluate(() => {
      location.hash = 'faq';
      window.inflow!('track', 'signup_started', { plan: 'pro', seats: 3, nested: { a: 1 } });
      window.inflow!('identify', { email: 'ana@example.com', token: 'ab12', first_name: 'Ana' });
    });
    expect(await arrived('custom', mark)).toEqual({ type: 'custom', at: expect.any(Number), url: `${site.url}/pricing`, name: 'signup_started', properties: { plan: 'pro', seats: 3 } });
    expect(await arrived('identify', mark)).toEqual({ type: 'identify', at: expect.any(Number), url: `${site.url}/pricing`, email: 'ana@example.com', token: 'ab12', traits: { first_name: 'Ana' } });

    // Clicks: a link to another host, a file, a web component's link, and a link within the site (not recorded).
    mark = collector.received.length;
    await tab.click('#about');
    await tab.click('#out');
    await tab.click('#file');
    await tab.click('#widget');
    const out = await arrived('click', mark);
    expect(out).toEqual({ type: 'click', at: expect.any(Number), url: `${site.url}/pricing`, target: 'https://partner.example/offer?ref=site' });
    expect(await arrived('download', mark)).toEqual({ type: 'download', at: expect.any(Number), url: `${site.url}/pricing`, target: `${site.url}/files/price-list.pdf` });
    await arrived('click', mark, (e) => e.target === 'https://widget.example/start');
    expect(batchOf(out).mode).toBe('cors');
    expect(events(mark).filter((e) => e.type === 'click' || e.type === 'download')).toHaveLength(3);

    expect(await tab.evaluate(() => (window as unknown as { __violations: string[] }).__violations)).toEqual([]);

    // Leaving: what is still queued goes in a beacon, with the time spent on the page.
    mark = collector.received.length;
    await tab.evaluate(() => window.inflow!('track', 'leaving'));
    await tab.goto(`${collector.url}/elsewhere`);
    const leaving = await arrived('custom', mark, (e) => e.name === 'leaving');
    const last = batchOf(leaving);
    expect(last.mode).toBe('no-cors');
    expect(last.contentType).toBe('text/plain');
    expect(last.body!.events.find((e) => e.type === 'engagement')).toMatchObject({ url: `${site.url}/pricing`, duration_ms: expect.any(Number) });

    const views = events(from).filter((e) => e.type === 'page_view');
    expect(views.map((e) => e.url)).toEqual([`${site.url}/?utm_source=newsletter`, `${site.url}/pricing`]);
    const batches = collector.received.slice(from);
    expect(new Set(batches.map((r) => `${r.body?.visitor_id} ${r.body?.session_id}`)).size).toBe(1);
    // Every request a POST: text/plain needs no CORS preflight.
    expect(batches.every((r) => r.method === 'POST')).toBe(true);
    await context.close();
  });

  it('waits for consent where the site asks for it, takes an email click token out of the address, and forgets the visitor on withdrawal', async () => {
    const { context, tab } = await visitor();
    const mark = collector.received.length;
    await tab.goto(`${site.url}/consent?inflow_ct=ct-token.1&x=1`);
    await tab.waitForFunction(() => typeof window.inflow === 'function' && 't' in window.inflow);
    expect(tab.url()).toBe(`${site.url}/consent?x=1`);
    await tab.waitForTimeout(1_500);
    expect(collector.received.length).toBe(mark);
    expect(await tab.evaluate(() => ({ storage: { ...localStorage }, cookie: document.cookie }))).toEqual({ storage: {}, cookie: '' });

    await tab.evaluate(() => window.inflow!('consent', true));
    expect(await arrived('page_view', mark)).toMatchObject({ url: `${site.url}/consent?x=1`, title: 'Consent', referrer: null });
    expect(await arrived('identify', mark)).toEqual({ type: 'identify', at: expect.any(Number), url: `${site.url}/consent?x=1`, contact_token: 'ct-token.1' });
    const given = await tab.evaluate(() => ({ consent: localStorage.getItem('inflow_consent'), vid: localStorage.getItem('inflow_vid'), cookie: document.cookie }));
    expect(given.consent).toBe('1');
    expect(given.cookie).toBe(`inflow_vid=${given.vid}`);

    await tab.evaluate(() => {
      window.inflow!('track', 'queued_then_withdrawn');
      window.inflow!('consent', false);
      window.inflow!('track', 'after_withdrawal');
    });
    expect(await tab.evaluate(() => ({ storage: { ...localStorage }, cookie: document.cookie }))).toEqual({ storage: { inflow_consent: '0' }, cookie: '' });
    await tab.waitForTimeout(1_500);
    expect(events(mark).filter((e) => e.type === 'custom')).toEqual([]);

    // The refusal is remembered on the next page.
    const before = collector.received.length;
    await tab.reload();
    await tab.waitForFunction(() => typeof window.inflow === 'function' && 't' in window.inflow);
    await tab.waitForTimeout(1_000);
    expect(collector.received.length).toBe(before);
    await context.close();
  });

  it('stores and sends nothing under Global Privacy Control where the site respects it, consent or not', async () => {
    const { context, tab } = await visitor();
    await context.addInitScript(() => Object.defineProperty(Navigator.prototype, 'globalPrivacyControl', { get: () => true }));
    const mark = collector.received.length;
    await tab.goto(`${site.url}/private`);
    await tab.waitForFunction(() => typeof window.inflow === 'function' && 't' in window.inflow);
    await tab.evaluate(() => {
      window.inflow!('consent', true);
      window.inflow!('track', 'anything');
    });
    await tab.waitForTimeout(1_500);
    expect(collector.received.length).toBe(mark);
    expect(await tab.evaluate(() => ({ storage: { ...localStorage }, cookie: document.cookie }))).toEqual({ storage: {}, cookie: '' });
    await context.close();
  });
});
