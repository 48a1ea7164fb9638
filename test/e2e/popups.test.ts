// Pop-ups in a real browser: a customer's site on another origin, under a strict CSP, with the
// one line of f.js; an exit-intent modal that keeps focus inside and gives it back, capping, a
// submission counted for the pop-up; a bar that shifts nothing; a slide-in on scrolling. And the
// dashboard: a pop-up made, previewed, saved and activated by a marketer; read-only for a viewer.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EventDispatcher } from '../../src/events/dispatcher.js';
import { DEFAULT_POPUP_SETTINGS } from '../../src/modules/capture/popups/definition.js';
import { submissionStats } from '../../src/modules/capture/subscribers.js';
import { webDistDir } from '../../src/paths.js';
import { buildProductOnce } from '../helpers/build.js';
import { addUser, call, createTenant, startTestServer, type Tenant, type TestServer } from '../helpers/server.js';
import { actionTimeout, browserAvailable, launchBrowser, openDashboardPage } from './browser.js';
import { startSite, violationCollector, type Site } from './site-server.js';

const screens = fileURLToPath(new URL('./screens/', import.meta.url));
const hasBrowser = browserAvailable();
// Headless Chromium says so in its user agent, and its impressions would be dropped as a bot's.
const DESKTOP_UA = 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/156.0.0.0 Safari/537.36';
const WIDTHS = { desktop: { width: 1280, height: 800 }, mobile: { width: 390, height: 844 } } as const;

let server: TestServer;
let tenant: Tenant;
let browser: Browser;
let site: Site;
let formId: string;
const popups: Record<string, string> = {};
const api = (p: string, method = 'GET', body?: unknown) => call(server, p, { method, apiKey: tenant.apiKey, body });

const article = (title: string, nonce: string, inflow: string, workspace: string) =>
  `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${title}</title>${violationCollector(nonce)}</head>` +
  `<body><header><a id="home" href="/">Home</a></header><main><h1>${title}</h1>${'<p>Inbound marketing works when every page answers a question. '.repeat(40)}</p>` +
  `<p><a id="read-more" href="#more">Read more</a></p>${'<p>Another paragraph of the article, long enough to scroll. </p>'.repeat(60)}</main>` +
  `<script nonce="${nonce}" src="${inflow}/f.js" data-workspace="${workspace}" async></script></body></html>`;

async function popup(name: string, settings: object): Promise<string> {
  const created = await api('/api/v1/popups', 'POST', { name, form_id: formId, settings: { ...DEFAULT_POPUP_SETTINGS, ...settings } });
  expect(created.status, created.text).toBe(201);
  expect((await api(`/api/v1/popups/${created.json.id}/activate`, 'POST')).status).toBe(200);
  return created.json.id as string;
}

async function visitor(viewport: { width: number; height: number } = WIDTHS.desktop): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ viewport, userAgent: DESKTOP_UA, reducedMotion: 'reduce' });
  const page = await context.newPage();
  page.setDefaultTimeout(actionTimeout);
  return { context, page };
}

/** The pointer leaves the window through its top edge, as it does on the way to the tab strip or the close button. */
async function leaveThroughTheTop(page: Page): Promise<void> {
  await page.mouse.move(640, 300);
  await page.waitForTimeout(1_100);
  await page.mouse.move(640, 5, { steps: 4 });
  await page.evaluate(() => document.dispatchEvent(new MouseEvent('mouseout', { bubbles: true, clientX: 640, clientY: -2, relatedTarget: null })));
}

const figures = async (id: string) => (await api(`/api/v1/popups/${id}/analytics`)).json.totals;

describe.runIf(hasBrowser)('pop-ups in a real browser', () => {
  beforeAll(async () => {
    await buildProductOnce();
    fs.mkdirSync(screens, { recursive: true });
    server = await startTestServer({ webDist: webDistDir, config: { forms: { submitsPerIpPerMinute: 0 } } as object });
    tenant = await createTenant(server, 'popups-e2e');
    formId = (await api('/api/v1/forms', 'POST', { template: 'newsletter', name: 'Weekly letter' })).json.id;
    const current = (await api(`/api/v1/forms/${formId}`)).json;
    const draft = { ...current.draft, settings: { ...current.draft.settings, spam: { ...current.draft.settings.spam, min_fill_seconds: 0 } } };
    expect((await api(`/api/v1/forms/${formId}`, 'PATCH', { draft, draft_revision: current.draft_revision })).status).toBe(200);
    expect((await api(`/api/v1/forms/${formId}/publish`, 'POST')).status).toBe(201);
    popups.exit = await popup('Blog exit offer', { heading: 'Before you go', targeting: { ...DEFAULT_POPUP_SETTINGS.targeting, include: ['/blog/*'], hide_from_known: false } });
    popups.bar = await popup('Pricing bar', { layout: { type: 'bar', edge: 'top' }, heading: 'Get the pricing guide', text: 'Plans compared, in your inbox.', trigger: { type: 'time', seconds: 3 }, targeting: { ...DEFAULT_POPUP_SETTINGS.targeting, include: ['/pricing'] } });
    popups.slide = await popup('Guide slide-in', { layout: { type: 'slide_in', side: 'right' }, heading: 'Like this guide?', text: 'One practical idea a week.', trigger: { type: 'scroll', percent: 40 }, targeting: { ...DEFAULT_POPUP_SETTINGS.targeting, include: ['/guide'] } });
    const workspace = tenant.workspaceId;
    site = await startSite(server.url, {
      '/blog/post': (nonce) => article('How to plan content', nonce, server.url, workspace),
      '/pricing': (nonce) => article('Pricing', nonce, server.url, workspace),
      '/guide': (nonce) => article('The guide', nonce, server.url, workspace),
    });
    browser = await launchBrowser();
  }, 300_000);

  afterAll(async () => {
    await browser?.close();
    await site?.close();
    await server?.close();
  });

  it('opens the exit-intent modal on another origin, keeps focus inside, gives it back, stays shut after a close, and counts a submission', async () => {
    const first = await visitor();
    await first.page.goto(`${site.url}/blog/post`);
    await first.page.locator('#read-more').focus();
    await leaveThroughTheTop(first.page);
    const dialog = first.page.getByRole('dialog', { name: 'Before you go' });
    await dialog.waitFor();
    expect(await dialog.getAttribute('aria-modal')).toBe('true');
    await expect.poll(() => first.page.evaluate(() => document.activeElement?.closest('[role=dialog]') !== null)).toBe(true);
    for (let i = 0; i < 8; i++) {
      await first.page.keyboard.press(i % 3 === 2 ? 'Shift+Tab' : 'Tab');
      expect(await first.page.evaluate(() => document.activeElement?.closest('[role=dialog]') !== null), `focus left the dialog after ${i + 1} presses`).toBe(true);
    }
    await first.page.screenshot({ path: path.join(screens, 'popup-modal-desktop.png') });
    await first.page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
    expect(await first.page.evaluate(() => document.activeElement?.id)).toBe('read-more');
    expect(await first.page.evaluate(() => (window as unknown as { __violations: string[] }).__violations)).toEqual([]);
    // Closed: not again on the next page views of this browser.
    await first.page.reload();
    await leaveThroughTheTop(first.page);
    await first.page.waitForTimeout(500);
    expect(await first.page.getByRole('dialog').count()).toBe(0);
    await first.context.close();

    const second = await visitor();
    await second.page.goto(`${site.url}/blog/post?utm_source=newsletter&utm_campaign=spring`);
    await leaveThroughTheTop(second.page);
    const again = second.page.getByRole('dialog', { name: 'Before you go' });
    await again.waitFor();
    await again.getByRole('textbox', { name: /Email/ }).fill('exit-reader@popups.example');
    await again.getByRole('checkbox').first().check();
    await again.getByRole('button', { name: /Subscribe|Sign up|Submit/i }).click();
    await again.getByRole('status').waitFor();
    await second.page.screenshot({ path: path.join(screens, 'popup-modal-thanks.png') });
    await second.context.close();

    expect((await api('/api/v1/contacts?email=exit-reader@popups.example')).json.data).toHaveLength(1);
    // The test server runs no worker: the subscriber that counts submissions is run here.
    await new EventDispatcher(server.database, [submissionStats]).drain();
    await expect.poll(() => figures(popups.exit!), { timeout: 15_000 }).toEqual({ impressions: 2, closes: 1, submissions: 1, conversion_rate: 0.5 });
    const bySource = (await api(`/api/v1/popups/${popups.exit}/analytics`)).json.by_source;
    expect(bySource).toEqual(expect.arrayContaining([expect.objectContaining({ utm_source: 'newsletter', impressions: 1, submissions: 1 })]));
  });

  it('shows a bar after a few seconds without moving the page (no layout shift) and without taking focus', async () => {
    for (const [width, viewport] of Object.entries(WIDTHS)) {
      const { context, page } = await visitor(viewport);
      await page.goto(`${site.url}/pricing`);
      await page.evaluate(() => {
        (window as unknown as { __cls: number }).__cls = 0;
        new PerformanceObserver((list) => {
          for (const entry of list.getEntries() as Array<PerformanceEntry & { value: number; hadRecentInput: boolean }>) if (!entry.hadRecentInput) (window as unknown as { __cls: number }).__cls += entry.value;
        }).observe({ type: 'layout-shift', buffered: true });
      });
      const bar = page.getByRole('dialog', { name: 'Get the pricing guide' });
      // The page's own load may shift it a hair; what counts is what the bar adds (it opens after 3 s).
      expect(await bar.count()).toBe(0);
      const before = await page.evaluate(() => (window as unknown as { __cls: number }).__cls);
      const headingBox = await page.getByRole('heading', { name: 'Pricing', level: 1 }).boundingBox();
      await bar.waitFor();
      expect(await bar.getAttribute('aria-modal')).toBeNull();
      await page.waitForTimeout(400);
      expect(await page.evaluate(() => (window as unknown as { __cls: number }).__cls)).toBe(before);
      expect(await page.getByRole('heading', { name: 'Pricing', level: 1 }).boundingBox()).toEqual(headingBox);
      expect(await page.evaluate(() => document.activeElement === document.body)).toBe(true);
      await page.screenshot({ path: path.join(screens, `popup-bar-${width}.png`) });
      await bar.getByRole('button', { name: 'Close' }).click();
      await bar.waitFor({ state: 'detached' });
      await context.close();
    }
  });

  it('slides in after the visitor scrolls, at desktop and phone widths', async () => {
    for (const [width, viewport] of Object.entries(WIDTHS)) {
      const { context, page } = await visitor(viewport);
      await page.goto(`${site.url}/guide`);
      await page.waitForTimeout(300);
      expect(await page.getByRole('dialog').count()).toBe(0);
      await page.mouse.wheel(0, 4_000);
      const slide = page.getByRole('dialog', { name: 'Like this guide?' });
      await slide.waitFor();
      await slide.getByRole('textbox', { name: /Email/ }).waitFor();
      await page.screenshot({ path: path.join(screens, `popup-slide-in-${width}.png`) });
      await context.close();
    }
    // The modal on a phone: a sheet from the bottom.
    const { context, page } = await visitor(WIDTHS.mobile);
    await page.goto(`${site.url}/blog/post`);
    await leaveThroughTheTop(page);
    // Phones have no pointer to leave with: nothing opens.
    await page.waitForTimeout(400);
    expect(await page.getByRole('dialog').count()).toBe(0);
    await context.close();
  });

  it('lets a marketer make a pop-up in the dashboard with a live preview, save and activate it; a viewer only reads', async () => {
    const page = await openDashboardPage(browser);
    await page.goto(`${server.url}/w/${tenant.slug}/capture/popups`);
    await page.waitForURL(/\/login/);
    await page.getByLabel('Email').fill(tenant.ownerEmail);
    await page.getByLabel('Password').fill(tenant.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('heading', { name: 'Pop-ups' }).waitFor();
    await page.getByRole('link', { name: 'Blog exit offer' }).waitFor();
    await page.getByLabel('Install snippet').getByText(`data-workspace="${tenant.workspaceId}"`).waitFor();
    await page.screenshot({ path: path.join(screens, 'popup-dashboard-list.png'), fullPage: true });

    await page.getByRole('button', { name: 'New pop-up' }).first().click();
    const modal = page.getByRole('dialog', { name: 'New pop-up' });
    await modal.getByLabel('Name').fill('Webinar bar');
    await modal.getByPlaceholder('Choose a form').click();
    await page.getByRole('option', { name: 'Weekly letter' }).click();
    await modal.getByRole('button', { name: 'Create pop-up' }).click();
    await page.waitForURL(/\/capture\/popups\/[0-9a-f-]{36}$/);
    const preview = page.frameLocator('iframe[title^="Pop-up preview"]');
    await preview.getByRole('dialog', { name: 'Before you go' }).waitFor();
    expect(await preview.locator('.inflow-popup-modal').count()).toBe(1);

    await page.locator('label').filter({ hasText: /^Bar$/ }).click();
    await page.getByLabel('Heading').fill('Join the live webinar');
    await preview.getByRole('dialog', { name: 'Join the live webinar' }).waitFor();
    expect(await preview.locator('.inflow-popup-bar.inflow-popup-top').count()).toBe(1);
    await page.getByLabel('Trigger', { exact: true }).click();
    await page.getByRole('option', { name: 'After some time on the page' }).click();
    await page.getByLabel('Seconds on the page').fill('5');
    const include = page.getByLabel('Only on pages matching').first();
    await include.fill('/webinars/*');
    await include.press('Enter');
    await page.screenshot({ path: path.join(screens, 'popup-dashboard-editor-desktop.png'), fullPage: true });
    await page.getByLabel('Preview width').locator('label').filter({ hasText: /^Phone$/ }).click();
    await preview.locator('.inflow-popup-bar').waitFor();
    await page.screenshot({ path: path.join(screens, 'popup-dashboard-editor-phone.png'), fullPage: true });
    await page.getByRole('button', { name: 'Save' }).click();
    await page.getByRole('button', { name: 'Activate' }).click();
    await page.getByText('Active', { exact: true }).first().waitFor();

    const saved = (await api('/api/v1/popups')).json.data.find((p: { name: string }) => p.name === 'Webinar bar');
    expect(saved).toMatchObject({ status: 'active', form_id: formId, settings: { layout: { type: 'bar', edge: 'top' }, heading: 'Join the live webinar', trigger: { type: 'time', seconds: 5 } } });
    expect(saved.settings.targeting.include).toEqual(['/webinars/*']);

    await page.getByRole('tab', { name: 'Figures' }).click();
    await page.getByText('Impressions').first().waitFor();
    await page.goto(`${server.url}/w/${tenant.slug}/capture/popups/${popups.exit}`);
    await page.getByRole('tab', { name: 'Figures' }).click();
    await page.getByRole('table', { name: 'By UTM source' }).getByText('newsletter').waitFor();
    await page.screenshot({ path: path.join(screens, 'popup-dashboard-figures.png'), fullPage: true });
    await page.close();

    const viewer = await addUser(server, tenant, 'viewer');
    const reader = await openDashboardPage(browser);
    await reader.goto(`${server.url}/w/${tenant.slug}/capture/popups/${saved.id}`);
    await reader.waitForURL(/\/login/);
    await reader.getByLabel('Email').fill(viewer.email);
    await reader.getByLabel('Password').fill(viewer.password);
    await reader.getByRole('button', { name: 'Sign in' }).click();
    await reader.getByRole('heading', { name: 'Webinar bar' }).waitFor();
    expect(await reader.getByRole('button', { name: 'Save' }).count()).toBe(0);
    expect(await reader.getByRole('button', { name: 'Pause' }).count()).toBe(0);
    expect(await reader.getByLabel('Heading').getAttribute('readonly')).not.toBeNull();
    await reader.close();
  });
});
