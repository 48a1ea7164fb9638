import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { webDistDir } from '../../src/paths.js';
import { buildProductOnce } from '../helpers/build.js';
import { call, createTenant, startTestServer, type Tenant, type TestServer } from '../helpers/server.js';
import { browserAvailable, launchBrowser, openDashboardPage } from './browser.js';

const screens = fileURLToPath(new URL('./screens/', import.meta.url));
const hasBrowser = browserAvailable();
const importDir = fs.mkdtempSync(path.join(os.tmpdir(), 'inflow-e2e-import-quota-'));

let server: TestServer;
let tenant: Tenant;
let browser: Browser;
let page: Page;

describe.runIf(hasBrowser)('the import page when the workspace’s room for uploads runs out', () => {
  beforeAll(async () => {
    await buildProductOnce();
    server = await startTestServer({ webDist: webDistDir, config: { imports: { dir: importDir, maxBytes: 2 ** 20, quotaBytes: 2 ** 20 } } as object });
    tenant = await createTenant(server, 'e2e-quota');
    browser = await launchBrowser();
    page = await openDashboardPage(browser);
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
    fs.rmSync(importDir, { recursive: true, force: true });
  });

  it('warns before uploads are refused, and says why one is refused', async () => {
    const draft = `Email\n${'someone@acme-example.com\n'.repeat(36_000)}`;
    const kept = await call(server, '/api/v1/imports?start=false', { method: 'POST', apiKey: tenant.apiKey, rawBody: draft, headers: { 'content-type': 'text/csv' } });
    expect(kept.status).toBe(201);

    await page.goto(`${server.url}/login`);
    await page.getByLabel('Email').fill(tenant.ownerEmail);
    await page.getByLabel('Password').fill(tenant.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL(new RegExp(`/w/${tenant.slug}`));
    await page.goto(`${server.url}/w/${tenant.slug}/contacts/import`);
    const warning = page.getByRole('alert').filter({ hasText: 'Room for uploads is running out' });
    await warning.waitFor();
    expect(await warning.textContent()).toMatch(/use 879 KB of its 1.0 MB/);

    const file = path.join(importDir, 'more.csv');
    fs.writeFileSync(file, `Email\n${'other@acme-example.com\n'.repeat(10_000)}`);
    await page.locator('input[type=file]').setInputFiles(file);
    await page.getByText(/would use more than its 1.0 MB/).first().waitFor();
    await page.waitForTimeout(50);
    await page.screenshot({ path: path.join(screens, 'e2e-import-quota.png'), fullPage: true });
  });

  it('deletes a finished import and its files from its page', async () => {
    const drafts = (await call(server, '/api/v1/imports', { apiKey: tenant.apiKey })).json.data as Array<{ id: string }>;
    const id = drafts[0]!.id;
    await call(server, `/api/v1/imports/${id}/start`, { method: 'POST', apiKey: tenant.apiKey });
    await call(server, `/api/v1/imports/${id}/cancel`, { method: 'POST', apiKey: tenant.apiKey });
    await page.goto(`${server.url}/w/${tenant.slug}/contacts/imports/${id}`);
    await page.getByRole('button', { name: 'Delete import' }).click();
    await page.getByRole('dialog').getByText('the contacts it wrote stay').waitFor();
    await page.getByRole('dialog').getByRole('button', { name: 'Delete import' }).click();
    await page.waitForURL(new RegExp(`/w/${tenant.slug}/contacts/import$`));
    expect((await call(server, `/api/v1/imports/${id}`, { apiKey: tenant.apiKey })).status).toBe(404);
    // Its room is free again: no more warning.
    await page.getByRole('heading', { name: 'Import contacts' }).waitFor();
    expect(await page.getByText('Room for uploads is running out').count()).toBe(0);
  });
});
