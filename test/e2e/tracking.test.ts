// Tracking end to end in a real browser: a customer's site on another origin (strict CSP,
// Trusted Types) with t.js and an embedded form. A visitor comes from a newsletter, browses a
// single-page app's routes, comes back a day later from a LinkedIn ad and signs up: the contact
// shows the browsing that came before, and its first touch is the newsletter's campaign, not
// the ad's. Then the marketer's side: the contact's page, the visitor's path, the overview, the
// event explorer, and the set-up tab verifying the installation.
import fs from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EventDispatcher } from '../../src/events/dispatcher.js';
import { identifyFromForms } from '../../src/modules/tracking/subscribers.js';
import { webDistDir } from '../../src/paths.js';
import { buildProductOnce } from '../helpers/build.js';
import { call, createTenant, startTestServer, type Tenant, type TestServer } from '../helpers/server.js';
import { actionTimeout, browserAvailable, launchBrowser, openDashboardPage } from './browser.js';
import { startSite, violationCollector, type Site } from './site-server.js';

const screens = fileURLToPath(new URL('./screens/', import.meta.url));
const hasBrowser = browserAvailable();
// Headless Chromium says so in its user agent, and its events would be dropped as a bot's.
const DESKTOP_UA = 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/156.0.0.0 Safari/537.36';

let server: TestServer;
let tenant: Tenant;
let browser: Browser;
let site: Site;
let formId: string;
let contactId: string;
let visitorId: string;
const api = (p: string, method = 'GET', body?: unknown) => call(server, p, { method, apiKey: tenant.apiKey, body });

/** A page of the site with the snippet as a careful site pastes it: its inline part carries the page's nonce. */
const sitePage = (title: string, nonce: string, body: string) =>
  `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${title}</title>${violationCollector(nonce)}` +
  `<script nonce="${nonce}">window.inflow=window.inflow||function(){(inflow.q=inflow.q||[]).push(arguments)}</script>` +
  `<script nonce="${nonce}" async src="${server.url}/t.js" data-workspace="${tenant.workspaceId}"></script></head><body>${body}</body></html>`;

// The app's own router: a click changes the route with pushState and the title, as React Router or Vue Router do.
const spaRouter = (nonce: string) =>
  `<script nonce="${nonce}">document.addEventListener('click',function(e){var a=e.target.closest('a[data-route]');if(!a)return;e.preventDefault();` +
  `history.pushState({},'',a.getAttribute('href'));document.title=a.textContent+' · App';document.getElementById('view').textContent=a.textContent;});</script>`;

async function visitor(): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, userAgent: DESKTOP_UA, reducedMotion: 'reduce' });
  const page = await context.newPage();
  page.setDefaultTimeout(actionTimeout);
  return { context, page };
}

/** Waits until the server holds `count` events of the visitor (beacons arrive a moment after the page acts). */
async function eventsOf(visitor: string, count: number): Promise<Array<{ type: string; path: string | null }>> {
  for (let i = 0; ; i++) {
    const rows = (await api(`/api/v1/tracking/events?visitor_id=${visitor}&limit=200`)).json.data as Array<{ type: string; path: string | null }>;
    if (rows.length >= count || i > 100) return rows;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

describe.runIf(hasBrowser)('tracking in a real browser', () => {
  beforeAll(async () => {
    await buildProductOnce();
    fs.mkdirSync(screens, { recursive: true });
    server = await startTestServer({ webDist: webDistDir, config: { forms: { submitsPerIpPerMinute: 0 } } as object });
    tenant = await createTenant(server, 'tracking-e2e');
    formId = (await api('/api/v1/forms', 'POST', { template: 'newsletter', name: 'Product news' })).json.id;
    const current = (await api(`/api/v1/forms/${formId}`)).json;
    const draft = { ...current.draft, settings: { ...current.draft.settings, spam: { ...current.draft.settings.spam, min_fill_seconds: 0 } } };
    expect((await api(`/api/v1/forms/${formId}`, 'PATCH', { draft, draft_revision: current.draft_revision })).status).toBe(200);
    expect((await api(`/api/v1/forms/${formId}/publish`, 'POST')).status).toBe(201);
    site = await startSite(server.url, {
      // A page of the same origin without the snippet: the test moves the visitor's clock there.
      '/plain': (nonce) => `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Plain</title>${violationCollector(nonce)}</head><body>Plain</body></html>`,
      '/': (nonce) => sitePage('Acme', nonce, '<h1>Acme</h1><p><a id="to-app" href="/app">Try the app</a></p>'),
      '/app': (nonce) =>
        sitePage('App', nonce, `<nav><a data-route href="/app/pricing">Pricing</a> <a data-route href="/app/features">Features</a></nav><main id="view">Home</main>${spaRouter(nonce)}`),
      '/webinar': (nonce) =>
        sitePage('Webinar', nonce, `<h1>Join the webinar</h1><div data-inflow-form-id="${formId}"></div><script nonce="${nonce}" src="${server.url}/f.js" async></script>`),
    });
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
    await site?.close();
    await server?.close();
  });

  it('joins the browsing before a sign-up to the contact, first touch from the first visit', async () => {
    const { context, page } = await visitor();
    // First visit: from the newsletter, then into the app, whose routes change without loading pages.
    await page.goto(`${site.url}/?utm_source=newsletter&utm_medium=email&utm_campaign=launch`);
    await page.locator('#to-app').click();
    await page.waitForURL(/\/app$/);
    await page.getByRole('link', { name: 'Pricing' }).click();
    await page.waitForURL(/\/app\/pricing$/);
    await page.getByRole('link', { name: 'Features' }).click();
    await page.waitForURL(/\/app\/features$/);
    visitorId = await page.evaluate(() => localStorage.getItem('inflow_vid') ?? '');
    expect(visitorId).toMatch(/^[0-9a-f-]{36}$/);
    const first = await eventsOf(visitorId, 4);
    expect(first.filter((e) => e.type === 'page_view').map((e) => e.path).sort()).toEqual(['/', '/app', '/app/features', '/app/pricing']);

    // A day later (the session has long expired): back from a LinkedIn ad, and signs up. The
    // session's last activity is moved back on a page without t.js, whose leaving would record activity.
    await page.goto(`${site.url}/plain`);
    await page.evaluate(() => {
      const [id] = (localStorage.getItem('inflow_sid') ?? '').split('.');
      localStorage.setItem('inflow_sid', `${id}.${Date.now() - 24 * 3_600_000}`);
    });
    await page.goto(`${site.url}/webinar?utm_source=linkedin&utm_medium=paid_social&utm_campaign=webinar`, { referer: 'https://www.linkedin.com/' });
    const form = page.locator('[data-inflow-form-id][data-inflow-mounted] form.inflow-form');
    await form.waitFor();
    await form.getByRole('textbox', { name: /Email/ }).fill('webinar-lead@acme.example');
    const consent = form.getByRole('checkbox');
    if (await consent.count()) await consent.first().check();
    await form.getByRole('button', { name: /Subscribe|Sign up|Submit/i }).click();
    await page.locator('.inflow-done').waitFor();
    expect(await page.evaluate(() => (window as unknown as { __violations: string[] }).__violations)).toEqual([]);
    await context.close();

    await new EventDispatcher(server.database, [identifyFromForms]).drain();
    contactId = (await api('/api/v1/contacts?q=webinar-lead@acme.example')).json.data[0].id;
    const sources = (await api(`/api/v1/contacts/${contactId}/sources`)).json;
    expect(sources.first_touch).toMatchObject({ channel: 'email', source: 'newsletter', campaign: 'launch' });
    expect(sources.last_touch).toMatchObject({ channel: 'paid_social', source: 'linkedin', campaign: 'webinar' });
    expect(sources.sessions_before_conversion).toBe(2);
    expect((await api(`/api/v1/contacts/${contactId}`)).json.utm_campaign).toBe('launch');
    const all = await eventsOf(visitorId, 6);
    expect(all.filter((e) => e.type === 'page_view')).toHaveLength(5);
  });

  it('shows the marketer where the contact came from and what it did, and verifies an installation', async () => {
    const page = await openDashboardPage(browser);
    await page.goto(`${server.url}/w/${tenant.slug}/contacts/${contactId}`);
    await page.waitForURL(/\/login/);
    await page.getByLabel('Email').fill(tenant.ownerEmail);
    await page.getByLabel('Password').fill(tenant.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    const card = page.getByRole('region', { name: 'Where they came from' });
    await card.getByText('Email · newsletter / launch').waitFor();
    await card.getByText('Paid social · linkedin / webinar').waitFor();
    await page.getByText(/not yet known, visited the site, landing on .*\?utm_source=newsletter/).first().waitFor();
    await page.screenshot({ path: `${screens}tracking-contact.png`, fullPage: true });

    // The visitor's path: both visits, the app's routes in order.
    await card.getByRole('link', { name: '2 visits' }).click();
    await page.waitForURL(/\/tracking\/visitors\//);
    await page.getByText('/app/pricing').first().waitFor();
    await page.screenshot({ path: `${screens}tracking-visitor.png`, fullPage: true });

    // The overview: the visits by channel, with the chart.
    await page.goto(`${server.url}/w/${tenant.slug}/tracking`);
    await page.getByRole('img', { name: 'Visits by channel and day' }).waitFor();
    await page.getByRole('table', { name: 'Channels, last 30 days' }).getByText('Paid social').waitFor();
    await page.screenshot({ path: `${screens}tracking-overview.png`, fullPage: true });

    // The event explorer, filtered by channel.
    await page.getByRole('tab', { name: 'Events' }).click();
    await page.getByRole('textbox', { name: 'URL contains' }).fill('/app/');
    await page.getByRole('button', { name: 'Filter' }).click();
    await page.waitForURL(/url=%2Fapp%2F/);
    const table = page.getByRole('table', { name: 'Tracked events' });
    // The filtered answer replaces the whole list (every row then names an /app/ page).
    await expect.poll(async () => (await table.locator('tbody tr').allInnerTexts()).every((row) => row.includes('/app/')), { timeout: actionTimeout }).toBe(true);
    await table.getByText(/Pricing · App/).first().waitFor();
    await page.screenshot({ path: `${screens}tracking-events.png`, fullPage: true });

    // Set-up: the snippet, and a check that a page opened now reaches Inflow.
    await page.getByRole('tab', { name: 'Set-up' }).click();
    await page.getByLabel('Tracking snippet').getByText(`data-workspace="${tenant.workspaceId}"`).waitFor();
    await page.getByRole('button', { name: 'Verify installation' }).click();
    await page.getByRole('button', { name: 'Waiting for a page view…' }).waitFor();
    const { context, page: tab } = await visitor();
    await tab.goto(`${site.url}/`);
    await page.getByText('Tracking works').waitFor({ timeout: 20_000 });
    await context.close();
    await page.screenshot({ path: `${screens}tracking-setup.png`, fullPage: true });
    await page.close();
  });
});
