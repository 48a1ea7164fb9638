// The landing-page editor in a real browser: a page made from the e-book template in the
// dashboard, its hero edited with the live preview following (a javascript: link refused on its field), a block added, moved and the move
// undone, the phone width, a publish refused on the block missing its alt text, fixed,
// published, and the new headline on the page's address; a viewer sees it all read-only.
import fs from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { webDistDir } from '../../src/paths.js';
import { buildProductOnce } from '../helpers/build.js';
import { addUser, call, createTenant, startTestServer, type Tenant, type TestServer } from '../helpers/server.js';
import { browserAvailable, launchBrowser, openDashboardPage } from './browser.js';

const shots = '/tmp/shots-editor';
const hasBrowser = browserAvailable();

let server: TestServer;
let tenant: Tenant;
let browser: Browser;
let page: Page;
const refused: string[] = [];

async function screenshot(target: Page, name: string): Promise<void> {
  await target.waitForTimeout(400);
  const file = path.join(shots, `${name}.png`);
  await target.screenshot({ path: file });
  expect(fs.statSync(file).size).toBeGreaterThan(5_000);
}

/** The blocks' types as the list shows them, top to bottom. */
const blockOrder = () => page.locator('[data-block-row]').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-block-row')));

describe.runIf(hasBrowser)('the page editor in a real browser', () => {
  beforeAll(async () => {
    await buildProductOnce();
    fs.mkdirSync(shots, { recursive: true });
    server = await startTestServer({ webDist: webDistDir });
    tenant = await createTenant(server, 'page-editor');
    const form = (await call(server, '/api/v1/forms', { method: 'POST', apiKey: tenant.apiKey, body: { template: 'ebook', name: 'Guide form' } })).json;
    expect((await call(server, `/api/v1/forms/${form.id}/publish`, { method: 'POST', apiKey: tenant.apiKey })).status).toBe(201);
    browser = await launchBrowser();
    page = await openDashboardPage(browser);
    page.on('console', (message) => {
      if (message.type() === 'error' && /Content Security Policy|Refused/i.test(message.text())) refused.push(message.text());
    });
    await page.setViewportSize({ width: 1440, height: 900 });
  }, 300_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('builds, checks and publishes a page from the e-book template', async () => {
    await page.goto(`${server.url}/w/${tenant.slug}/pages`);
    await page.waitForURL(/\/login/);
    await page.getByLabel('Email').fill(tenant.ownerEmail);
    await page.getByLabel('Password').fill(tenant.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByText('No pages yet').waitFor();

    await page.getByRole('button', { name: 'New page' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByRole('button', { name: 'Start from E-book download', exact: true }).click();
    await dialog.getByLabel('Name').fill('Spring guide');
    expect(await dialog.getByLabel('Address').inputValue()).toBe('spring-guide');
    await dialog.getByLabel('Form on the page').selectOption({ label: 'Guide form' });
    await screenshot(page, 'editor-01-new-page');
    await dialog.getByRole('button', { name: 'Create and edit' }).click();
    await page.getByRole('heading', { name: 'Spring guide' }).waitFor();
    const preview = page.frameLocator('iframe[title="Page preview"]');
    await preview.getByRole('heading', { level: 1, name: 'The practical guide to inbound marketing' }).waitFor();

    // The hero's headline, typed: the preview follows.
    await page.getByRole('button', { name: 'Edit block 1: Hero' }).click();
    await page.getByRole('textbox', { name: 'Headline', exact: true }).fill('Your spring guide to inbound');
    await preview.getByRole('heading', { level: 1, name: 'Your spring guide to inbound' }).waitFor();
    // A javascript: link is refused at save, on its field.
    const goesTo = page.getByRole('textbox', { name: 'Goes to' });
    await goesTo.fill('javascript:alert(1)');
    await page.getByRole('button', { name: 'Save draft' }).click();
    await page.getByText('must be an http(s), mailto: or tel: link, a /path or an #anchor').waitFor();
    await goesTo.fill('#form');
    await page.getByRole('button', { name: 'All blocks' }).click();

    // An image added at the end (without its alt text), moved up, the move undone.
    const before = await blockOrder();
    await page.getByRole('button', { name: 'Add block' }).click();
    await page.getByRole('menuitem', { name: /^Image/ }).click();
    await page.getByRole('textbox', { name: 'Image address' }).fill('https://images.example.invalid/cover.png');
    await page.getByRole('button', { name: 'All blocks' }).click();
    const added = [...before, 'image'];
    expect(await blockOrder()).toEqual(added);
    await page.getByRole('button', { name: `Actions for block ${added.length}` }).click();
    await page.getByRole('menuitem', { name: 'Move up' }).click();
    const moved = [...before.slice(0, -1), 'image', before.at(-1)];
    expect(await blockOrder()).toEqual(moved);
    await page.getByRole('button', { name: 'Undo' }).click();
    expect(await blockOrder()).toEqual(added);
    await page.getByRole('button', { name: 'Redo' }).click();
    expect(await blockOrder()).toEqual(moved);
    await page.keyboard.press('Control+z');
    expect(await blockOrder()).toEqual(added);
    await preview.locator('img[src="https://images.example.invalid/cover.png"]').waitFor({ state: 'attached' });
    // The preview frame inherits the dashboard's policy: it must let the page's images load.
    await page.waitForTimeout(300);
    expect(refused).toEqual([]);
    await screenshot(page, 'editor-02-desktop');

    // The phone's width.
    await page.locator('label', { hasText: 'Mobile' }).click();
    await page.locator('iframe[data-device="mobile"]').waitFor();
    expect(await page.locator('iframe[title="Page preview"]').evaluate((f) => f.getBoundingClientRect().width)).toBe(390);
    await screenshot(page, 'editor-03-mobile');

    // Publishing refuses the image without alt text, on its block and its field.
    await page.getByRole('button', { name: 'Publish', exact: true }).click();
    const imageRow = page.getByRole('button', { name: `Edit block ${added.length}: Image` });
    await page.getByLabel(/Needs fixing: is required to publish/).waitFor();
    await screenshot(page, 'editor-04-problem');
    await imageRow.click();
    await page.getByText('is required to publish: say what the image shows (or mark it decorative)').waitFor();
    await screenshot(page, 'editor-05-field-problem');
    await page.getByLabel('Alt text').fill('The cover of the spring guide');
    await page.getByRole('button', { name: 'Publish', exact: true }).click();
    await page.getByText('Live · version 1').waitFor();
    await page.getByText('Draft saved').waitFor();
    await page.getByRole('tab', { name: 'Versions' }).click();
    await page.getByRole('button', { name: 'Restore version 1' }).waitFor();
    await page.getByRole('tab', { name: 'Edit' }).click();
    await page.getByText('Page settings').click();
    await page.getByRole('textbox', { name: 'Title', exact: true }).waitFor();
    await screenshot(page, 'editor-06-settings');
    await page.locator('label', { hasText: 'Blocks' }).click();
    // The image block fixed before publishing is still open.
    await page.getByRole('button', { name: 'All blocks' }).click();
    await page.getByRole('button', { name: 'Edit block 2: Columns' }).click();
    await page.getByText('Column 2').waitFor();
    await screenshot(page, 'editor-07-columns');
    await page.getByRole('button', { name: 'All blocks' }).click();
    await page.getByRole('button', { name: 'Add block' }).click();
    await page.getByRole('menuitem', { name: /^Text/ }).click();
    await page.getByRole('button', { name: 'Bold' }).first().click();
    await preview.locator('strong', { hasText: 'Write something here.' }).waitFor();
    await screenshot(page, 'editor-08-rich-text');
    await page.getByRole('button', { name: 'Undo' }).click();
    await page.getByRole('button', { name: 'Undo' }).click();
    await page.getByText('Draft saved').waitFor();

    // A publish booked for tomorrow, then cancelled.
    await page.getByRole('button', { name: 'More actions' }).click();
    await page.getByRole('menuitem', { name: 'Schedule publishing…' }).click();
    const tomorrow = new Date(Date.now() + 86_400_000);
    const local = new Date(tomorrow.getTime() - tomorrow.getTimezoneOffset() * 60_000).toISOString().slice(0, 16);
    await page.getByLabel('Publish on').fill(local);
    await page.getByRole('button', { name: 'Schedule', exact: true }).click();
    await page.getByText('The draft publishes by itself on').waitFor();
    const pageId = new URL(page.url()).pathname.split('/').pop()!;
    expect(new Date((await call(server, `/api/v1/pages/${pageId}`, { apiKey: tenant.apiKey })).json.publish_at).getTime()).toBe(new Date(local).getTime());
    await page.getByRole('button', { name: 'More actions' }).click();
    await page.getByRole('menuitem', { name: 'Schedule publishing…' }).click();
    await page.getByRole('button', { name: 'Cancel the schedule' }).click();
    await page.getByText('The scheduled publish is cancelled').waitFor();
    expect((await call(server, `/api/v1/pages/${pageId}`, { apiKey: tenant.apiKey })).json.publish_at).toBeNull();

    // Someone else saves the draft meanwhile: saving here says so, and reloading takes theirs.
    const theirs = (await call(server, `/api/v1/pages/${pageId}`, { apiKey: tenant.apiKey })).json;
    const saved = await call(server, `/api/v1/pages/${pageId}`, { method: 'PATCH', apiKey: tenant.apiKey, body: { draft: theirs.draft, draft_revision: theirs.draft_revision } });
    expect(saved.status).toBe(200);
    await page.getByRole('button', { name: 'Edit block 1: Hero' }).click();
    await page.getByRole('textbox', { name: 'Headline', exact: true }).fill('A headline nobody will see');
    await page.getByRole('button', { name: 'Save draft' }).click();
    const conflict = page.getByRole('dialog', { name: 'Someone else saved this page' });
    await conflict.waitFor();
    await conflict.getByRole('button', { name: 'Reload their version' }).click();
    await page.getByText('Draft saved').waitFor();
    await page.getByRole('button', { name: 'Edit block 1: Hero' }).click();
    expect(await page.getByRole('textbox', { name: 'Headline', exact: true }).inputValue()).toBe('Your spring guide to inbound');

    // The visitor sees the new headline at the page's address.
    const visitor = await browser.newPage();
    const response = await visitor.goto(`${server.url}/p/spring-guide`);
    expect(response?.status()).toBe(200);
    await visitor.getByRole('heading', { level: 1, name: 'Your spring guide to inbound' }).waitFor();
    expect(await visitor.locator('img[alt="The cover of the spring guide"]').count()).toBe(1);
    await visitor.close();
  });

  it('shows a viewer the editor read-only, with the page’s notices', async () => {
    // The page's form goes offline: the page still renders, and the editor says so.
    const forms = (await call(server, '/api/v1/forms', { apiKey: tenant.apiKey })).json.data as Array<{ id: string; name: string }>;
    const guide = forms.find((f) => f.name === 'Guide form')!;
    expect((await call(server, `/api/v1/forms/${guide.id}/unpublish`, { method: 'POST', apiKey: tenant.apiKey })).status).toBe(200);
    const viewer = await addUser(server, tenant, 'viewer');
    const tab = await openDashboardPage(browser);
    await tab.goto(`${server.url}/w/${tenant.slug}/pages`);
    await tab.getByLabel('Email').fill(viewer.email);
    await tab.getByLabel('Password').fill(viewer.password);
    await tab.getByRole('button', { name: 'Sign in' }).click();
    await tab.getByRole('link', { name: 'Spring guide', exact: true }).click();
    await tab.getByText('You can look but not change this page.').waitFor();
    await tab.getByText('Block 2 (Columns) names a form that is not published yet: the page shows no form here').waitFor();
    expect(await tab.getByRole('button', { name: 'Save draft' }).count()).toBe(0);
    expect(await tab.getByRole('button', { name: 'Add block' }).count()).toBe(0);
    await tab.getByRole('button', { name: 'Edit block 1: Hero' }).click();
    const headline = tab.getByRole('textbox', { name: 'Headline', exact: true });
    expect(await headline.inputValue()).toBe('Your spring guide to inbound');
    expect(await headline.getAttribute('readonly')).not.toBeNull();
    await screenshot(tab, 'editor-09-viewer');
    await tab.close();
  });
});
