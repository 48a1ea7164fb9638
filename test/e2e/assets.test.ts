// The assets library in a real browser: uploads by the file picker with a refusal shown in
// plain words, a lead's download counted, the test link, rename and delete; the pages a
// download link lands on when it is expired or not ours.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ASSET_MAX_BYTES } from '../../src/config.js';
import { downloadLink } from '../../src/modules/capture/assets/links.js';
import { webDistDir } from '../../src/paths.js';
import { buildProductOnce } from '../helpers/build.js';
import { officeFile, pdfFile, pngFile } from '../helpers/sample-files.js';
import { call, createTenant, startTestServer, type Tenant, type TestServer } from '../helpers/server.js';
import { browserAvailable, launchBrowser, openDashboardPage } from './browser.js';
import { startSite, violationCollector } from './site-server.js';

const screens = fileURLToPath(new URL('./screens/', import.meta.url));
const hasBrowser = browserAvailable();

let server: TestServer;
let tenant: Tenant;
let browser: Browser;
let page: Page;

async function screenshot(target: Page, name: string): Promise<void> {
  await target.waitForTimeout(150);
  const file = path.join(screens, `${name}.png`);
  await target.screenshot({ path: file, fullPage: true });
  expect(fs.statSync(file).size).toBeGreaterThan(5_000);
}

const pick = (name: string, mimeType: string, buffer: Buffer) => page.getByTestId('asset-file-input').setInputFiles({ name, mimeType, buffer });

describe.runIf(hasBrowser)('the assets library in a real browser', () => {
  beforeAll(async () => {
    await buildProductOnce();
    fs.mkdirSync(screens, { recursive: true });
    server = await startTestServer({ webDist: webDistDir });
    tenant = await createTenant(server, 'assets-e2e');
    browser = await launchBrowser();
    page = await openDashboardPage(browser);
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('uploads files, refuses one that is not what its name says, and lists them with their type and size', async () => {
    await page.goto(`${server.url}/w/${tenant.slug}/capture/assets`);
    await page.waitForURL(/\/login/);
    await page.getByLabel('Email').fill(tenant.ownerEmail);
    await page.getByLabel('Password').fill(tenant.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByText('No assets yet').waitFor();
    await screenshot(page, 'assets-empty');

    await pick('Growth playbook 2026.pdf', 'application/pdf', Buffer.concat([pdfFile(), Buffer.alloc(180_000, 0x20)]));
    await page.getByText('Growth playbook 2026', { exact: true }).waitFor();
    await pick('Campaign budget.xlsx', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', officeFile('xlsx'));
    await page.getByText('Campaign budget', { exact: true }).waitFor();
    await pick('Brand kit.png', 'image/png', pngFile());
    await page.getByText('Brand kit', { exact: true }).waitFor();

    await pick('invoice.pdf', 'application/pdf', Buffer.from('<!doctype html><html><body><script>alert(1)</script></body></html>'));
    const alert = page.getByRole('alert');
    await alert.getByText('This kind of file cannot be offered: invoice.pdf').waitFor();
    await alert.getByText(/The type is read from the file's contents, not its name/).waitFor();
    expect(await page.getByTestId('asset-row').count()).toBe(3);
    await expect.poll(() => page.getByTestId('asset-row').first().innerText()).toContain('PNG');
    await screenshot(page, 'assets-library-refused');
  });

  it('tells the uploader a file is too big without sending all of it', async () => {
    const big = path.join(os.tmpdir(), `inflow-big-${process.pid}.pdf`);
    fs.writeFileSync(big, Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.alloc(ASSET_MAX_BYTES + 1024, 0x20)]));
    try {
      await page.getByTestId('asset-file-input').setInputFiles(big);
      await page.getByRole('alert').getByText(/The file is too big: inflow-big-/).waitFor({ timeout: 60_000 });
    } finally {
      fs.unlinkSync(big);
    }
    expect(await page.getByTestId('asset-row').count()).toBe(3);
  }, 90_000);

  it('counts a lead’s download, gives a test link, renames and deletes', async () => {
    const listed = await call(server, '/api/v1/assets', { apiKey: tenant.apiKey });
    const playbook = listed.json.data.find((a: { name: string }) => a.name === 'Growth playbook 2026');
    const contact = await call(server, '/api/v1/contacts', { apiKey: tenant.apiKey, method: 'POST', body: { email: 'lead@example.com', first_name: 'Lea' } });
    const link = await downloadLink(server.database.db, tenant.workspaceId, playbook.id, contact.json.id);
    expect((await fetch(`${server.url}${link.path}`)).status).toBe(200);
    await page.reload();
    const row = page.getByTestId('asset-row').filter({ hasText: 'Growth playbook 2026' });
    await expect.poll(() => row.innerText()).toMatch(/\b1\b/);

    await row.getByRole('button', { name: 'Actions for Growth playbook 2026' }).click();
    await page.getByRole('menuitem', { name: 'Get a test link' }).click();
    const linkDialog = page.getByRole('dialog', { name: 'Test link' });
    await linkDialog.getByText('Downloads through it are not counted').waitFor();
    const url = await linkDialog.getByLabel('Test link').inputValue();
    expect(url).toMatch(new RegExp(`^${server.url}/d/`));
    await screenshot(page, 'assets-test-link');
    await page.keyboard.press('Escape');

    await row.getByRole('button', { name: 'Actions for Growth playbook 2026' }).click();
    await page.getByRole('menuitem', { name: 'Rename' }).click();
    const renameDialog = page.getByRole('dialog', { name: 'Rename asset' });
    await renameDialog.getByLabel('Name').fill('The growth playbook');
    await renameDialog.getByRole('button', { name: 'Save' }).click();
    await page.getByText('The growth playbook', { exact: true }).waitFor();

    const budget = page.getByTestId('asset-row').filter({ hasText: 'Campaign budget' });
    await budget.getByRole('button', { name: 'Actions for Campaign budget' }).click();
    await page.getByRole('menuitem', { name: 'Delete' }).click();
    const confirm = page.getByRole('dialog', { name: 'Delete asset' });
    await screenshot(page, 'assets-delete-confirm');
    await confirm.getByRole('button', { name: 'Delete asset' }).click();
    await expect.poll(() => page.getByTestId('asset-row').count()).toBe(2);
    await screenshot(page, 'assets-library');

    // The timeline tells the download in words.
    await page.goto(`${server.url}/w/${tenant.slug}/contacts/${contact.json.id}`);
    await page.getByText('downloaded “Growth playbook 2026”').waitFor();
  });

  it('gives a visitor without JavaScript the download on the hosted thank-you page after submitting', async () => {
    const listed = await call(server, '/api/v1/assets', { apiKey: tenant.apiKey });
    const playbook = listed.json.data.find((a: { name: string }) => a.name === 'The growth playbook');
    const definition = {
      fields: [{ key: 'email', kind: 'email', label: 'Work email', required: true, business_only: false, maps_to: { to: 'standard', field: 'email' } }],
      progressive: { enabled: false, queue: [] },
      settings: {
        submit_label: 'Send me the playbook', after_submit: { type: 'page', title: 'Your playbook is ready', message: 'Thanks! Download it below; we have also noted your interest.' },
        tags: [], list_ids: [], lifecycle_stage: null, notify_emails: [], double_opt_in: false, follow_up_email: null, allowed_origins: [],
        spam: { min_fill_seconds: 0, max_per_ip_per_hour: 0, max_per_form_per_minute: 0, blocked_domains: [], block_disposable: false },
        asset_id: playbook.id,
      },
    };
    const form = await call(server, '/api/v1/forms', { apiKey: tenant.apiKey, method: 'POST', body: { name: 'Growth playbook', definition } });
    expect((await call(server, `/api/v1/forms/${form.json.id}/publish`, { apiKey: tenant.apiKey, method: 'POST' })).status).toBe(201);
    // The builder shows which asset the form offers, among the library's.
    await page.goto(`${server.url}/w/${tenant.slug}/capture/forms/${form.json.id}`);
    await page.locator('label').filter({ hasText: /^Settings/ }).click();
    const offer = page.getByRole('textbox', { name: 'Offer a download' }).or(page.getByRole('combobox', { name: 'Offer a download' })).first();
    await expect.poll(() => offer.inputValue()).toBe('The growth playbook');
    await page.evaluate(() => window.scrollTo(0, 0));
    await screenshot(page, 'assets-form-offers-download');
    const context = await browser.newContext({ javaScriptEnabled: false, acceptDownloads: true });
    const visitor = await context.newPage();
    await visitor.goto(`${server.url}/f/${form.json.id}`);
    await visitor.getByRole('textbox', { name: /Work email/ }).fill('reader@no-js.example');
    await visitor.getByRole('button', { name: 'Send me the playbook' }).click();
    await visitor.getByRole('link', { name: 'Download “The growth playbook”' }).waitFor();
    await screenshot(visitor, 'asset-thanks-download');
    const [download] = await Promise.all([visitor.waitForEvent('download'), visitor.getByRole('link', { name: 'Download “The growth playbook”' }).click()]);
    expect(download.suggestedFilename()).toBe('Growth playbook 2026.pdf');
    expect(fs.readFileSync((await download.path())!).subarray(0, 5).toString()).toBe('%PDF-');
    await context.close();
    await expect.poll(async () => (await call(server, `/api/v1/assets/${playbook.id}`, { apiKey: tenant.apiKey })).json.downloads).toBe(2);

    // With JavaScript, on a site of another origin: f.js shows the link under its message.
    const site = await startSite(server.url, {
      '/playbook': (nonce) => `<!doctype html><html><head><title>Playbook</title>${violationCollector(nonce)}</head><body><h1>Get the playbook</h1><script nonce="${nonce}" src="${server.url}/f.js" data-form="${form.json.id}" async></script></body></html>`,
    });
    try {
      const withJs = await browser.newContext({ acceptDownloads: true });
      const reader = await withJs.newPage();
      await reader.goto(`${site.url}/playbook`);
      await reader.getByRole('textbox', { name: /Work email/ }).fill('reader@with-js.example');
      await reader.getByRole('button', { name: 'Send me the playbook' }).click();
      const link = reader.getByRole('link', { name: 'Download “The growth playbook”' });
      await link.waitFor();
      expect(await link.getAttribute('href')).toMatch(new RegExp(`^${server.url}/d/`));
      await screenshot(reader, 'asset-fjs-download');
      const [fromSite] = await Promise.all([reader.waitForEvent('download'), link.click()]);
      expect(fromSite.suggestedFilename()).toBe('Growth playbook 2026.pdf');
      expect(await reader.evaluate(() => (window as unknown as { __violations: string[] }).__violations)).toEqual([]);
      await withJs.close();
    } finally {
      await site.close();
    }
    await expect.poll(async () => (await call(server, `/api/v1/assets/${playbook.id}`, { apiKey: tenant.apiKey })).json.downloads).toBe(3);
  });

  it('shows an expired link’s page with its button, and a link that is not ours as not found', async () => {
    const listed = await call(server, '/api/v1/assets', { apiKey: tenant.apiKey });
    const contact = await call(server, '/api/v1/contacts', { apiKey: tenant.apiKey, method: 'POST', body: { email: 'late@example.com' } });
    const expired = await downloadLink(server.database.db, tenant.workspaceId, listed.json.data[0].id, contact.json.id, -1000);
    const visitor = await browser.newPage();
    const response = await visitor.goto(`${server.url}${expired.path}`);
    expect(response?.status()).toBe(410);
    await screenshot(visitor, 'asset-link-expired');
    await visitor.getByRole('button', { name: 'Email me a fresh link' }).click();
    await visitor.getByText('Check your inbox').waitFor();
    await screenshot(visitor, 'asset-link-resent');
    expect((await visitor.goto(`${server.url}/d/not-a-token`))?.status()).toBe(404);
    await visitor.getByText('Download not found').waitFor();
    await visitor.close();
  });
});
