// A landing page's conversion figures in a real browser: f.js counts each view of the served
// page under its strict CSP, one visitor per browser (the same context twice is one visitor),
// a form submitted on the page counts for it, and the dashboard's analytics view shows it.
import fs from 'node:fs';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EventDispatcher } from '../../src/events/dispatcher.js';
import { submissionStats } from '../../src/modules/capture/subscribers.js';
import { webDistDir } from '../../src/paths.js';
import { buildProductOnce } from '../helpers/build.js';
import { call, createTenant, startTestServer, type Tenant, type TestServer } from '../helpers/server.js';
import { actionTimeout, browserAvailable, launchBrowser, openDashboardPage } from './browser.js';

const shots = '/tmp/shots-page-analytics';
const hasBrowser = browserAvailable();
// Headless Chromium says so in its user agent, and headless browsers are not counted: this one plays a person's browser.
const userAgent = 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/150.0 Safari/537.36';

let server: TestServer;
let tenant: Tenant;
let browser: Browser;
let pageId: string;
const api = (p: string, method = 'GET', body?: unknown) => call(server, p, { method, apiKey: tenant.apiKey, body });

describe.runIf(hasBrowser)('page conversion figures in a real browser', () => {
  beforeAll(async () => {
    await buildProductOnce();
    fs.mkdirSync(shots, { recursive: true });
    server = await startTestServer({ webDist: webDistDir, config: { forms: { submitsPerIpPerMinute: 0 } } as object });
    tenant = await createTenant(server, 'page-analytics-e2e');
    const form = (await api('/api/v1/forms', 'POST', { template: 'newsletter' })).json;
    const current = (await api(`/api/v1/forms/${form.id}`)).json;
    const draft = { ...current.draft, settings: { ...current.draft.settings, spam: { ...current.draft.settings.spam, min_fill_seconds: 0 } } };
    expect((await api(`/api/v1/forms/${form.id}`, 'PATCH', { draft, draft_revision: current.draft_revision })).status).toBe(200);
    expect((await api(`/api/v1/forms/${form.id}/publish`, 'POST')).status).toBe(201);
    const page = (await api('/api/v1/pages', 'POST', { template: 'newsletter', slug: 'friday-letter', name: 'Friday letter', form_id: form.id })).json;
    expect((await api(`/api/v1/pages/${page.id}/publish`, 'POST')).status).toBe(201);
    pageId = page.id;
    browser = await launchBrowser();
  }, 300_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('counts two visitors, three views and one submission, and the dashboard shows 50 %', async () => {
    const first = await browser.newContext({ userAgent, viewport: { width: 1280, height: 800 } });
    const violations: string[] = [];
    const visit = async (context: typeof first) => {
      const tab = await context.newPage();
      tab.setDefaultTimeout(actionTimeout);
      tab.on('console', (message) => {
        if (/Content Security Policy/i.test(message.text())) violations.push(message.text());
      });
      await tab.goto(`${server.url}/p/friday-letter?utm_source=newsletter`);
      await tab.locator('[data-inflow-form-id][data-inflow-mounted] form.inflow-form').waitFor();
      return tab;
    };
    await (await visit(first)).close();
    const again = await visit(first);
    await again.getByRole('textbox', { name: /Email/ }).fill('reader@page-analytics.example');
    const consent = again.getByRole('checkbox');
    if (await consent.count()) await consent.first().check();
    await again.getByRole('button', { name: /Subscribe|Sign up|Submit/i }).click();
    await again.getByRole('status').waitFor();
    const second = await browser.newContext({ userAgent });
    await visit(second);
    expect(violations).toEqual([]);
    const visitors = await first.newPage().then(async (tab) => {
      await tab.goto(`${server.url}/p.css`);
      return tab.evaluate(() => localStorage.getItem('inflow_vid'));
    });
    expect(visitors).toMatch(/^[0-9a-f-]{36}$/);
    await Promise.all([first.close(), second.close()]);

    await new EventDispatcher(server.database, [submissionStats]).drain();
    await expect.poll(async () => (await api(`/api/v1/pages/${pageId}/analytics`)).json.totals).toEqual({ views: 3, visitors: 2, submissions: 1, conversion_rate: 0.5 });

    const page = await openDashboardPage(browser);
    await page.goto(`${server.url}/w/${tenant.slug}/pages`);
    await page.waitForURL(/\/login/);
    await page.getByLabel('Email').fill(tenant.ownerEmail);
    await page.getByLabel('Password').fill(tenant.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('heading', { name: 'Landing pages' }).waitFor();
    await page.getByText('1 sign-up · 2 visitors').waitFor();
    await page.screenshot({ path: `${shots}/pages-list.png`, fullPage: true });
    await page.getByRole('link', { name: 'Conversion figures of Friday letter' }).click();
    await page.getByRole('heading', { name: 'Friday letter: conversion' }).waitFor();
    const card = (label: string) => page.getByText(label, { exact: true }).first().locator('xpath=..');
    await expect.poll(() => card('Visitors').textContent()).toContain('2');
    expect(await card('Views').textContent()).toContain('3');
    expect(await card('Submissions').textContent()).toContain('1');
    expect(await card('Conversion').textContent()).toContain('50.0%');
    const bySource = page.getByRole('table', { name: 'By UTM source' });
    expect(await bySource.getByRole('row').nth(1).textContent()).toMatch(/newsletter\s*2\s*3\s*1\s*50\.0%/);
    await page.screenshot({ path: `${shots}/page-analytics.png`, fullPage: true });
    await page.close();
  });
});
