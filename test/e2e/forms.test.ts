// Forms in a real browser: made in the dashboard, embedded with f.js on a site of another
// origin that enforces a strict Content-Security-Policy with Trusted Types, submitted there, and
// posted from a plain HTML form with JavaScript turned off.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EventDispatcher } from '../../src/events/dispatcher.js';
import { submissionStats } from '../../src/modules/capture/subscribers.js';
import { formView } from '../../src/modules/capture/render/form-view.js';
import { renderHtml } from '../../src/modules/capture/render/html.js';
import { webDistDir } from '../../src/paths.js';
import { buildProductOnce } from '../helpers/build.js';
import { call, createTenant, startTestServer, type Tenant, type TestServer } from '../helpers/server.js';
import { actionTimeout, browserAvailable, launchBrowser, openDashboardPage } from './browser.js';
import { startSite, violationCollector, type Site } from './site-server.js';

const hostile = JSON.parse(fs.readFileSync(new URL('../../../shared/fixtures/hostile-inputs.json', import.meta.url), 'utf8')) as { xss: string[]; sql: string[]; template_injection: string[] };
const VISITOR_AGENT = 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/156.0.0.0 Safari/537.36';
const screens = fileURLToPath(new URL('./screens/', import.meta.url));
const hasBrowser = browserAvailable();

let server: TestServer;
let tenant: Tenant;
let browser: Browser;
let page: Page;
let site: Site;
let formId = '';
let progressiveId = '';
let webinarId = '';
let publicForm: { id: string; version: number; fields: Parameters<typeof formView>[0]['fields']; submit_label: string };

const api = (p: string, options: Parameters<typeof call>[2] = {}) => call(server, p, { apiKey: tenant.apiKey, ...options });

async function screenshot(target: Page, name: string): Promise<void> {
  await target.waitForTimeout(50);
  const file = path.join(screens, `${name}.png`);
  await target.screenshot({ path: file, fullPage: true });
  expect(fs.statSync(file).size).toBeGreaterThan(5_000);
}

describe.runIf(hasBrowser)('forms in a real browser', () => {
  beforeAll(async () => {
    await buildProductOnce();
    fs.mkdirSync(screens, { recursive: true });
    server = await startTestServer({ webDist: webDistDir, config: { forms: { submitsPerIpPerMinute: 0 } } as object });
    tenant = await createTenant(server, 'forms-e2e');
    site = await startSite(server.url, {
      '/landing': (nonce) =>
        `<!doctype html><html><head><title>Spring e-book</title>${violationCollector(nonce)}</head><body><h1>Get the e-book</h1>` +
        `<script nonce="${nonce}" src="${server.url}/f.js" data-form="${formId}" async></script>` +
        `<h2>Also</h2><div data-inflow-form-id="${formId}"></div></body></html>`,
      '/webinar': (nonce) =>
        `<!doctype html><html><head><title>Webinar</title>${violationCollector(nonce)}</head><body><h1>Join the webinar</h1>` +
        `<script nonce="${nonce}" src="${server.url}/f.js" data-form="${webinarId}" async></script></body></html>`,
      '/progressive': (nonce) =>
        `<!doctype html><html><head><title>Pricing guide</title>${violationCollector(nonce)}</head><body><h1>Get the pricing guide</h1>` +
        `<script nonce="${nonce}" src="${server.url}/f.js" data-form="${progressiveId}" async></script></body></html>`,
      '/plain': () =>
        `<!doctype html><html><head><title>Plain</title></head><body>` +
        renderHtml(formView(publicForm, { idPrefix: 'plain-', action: `${server.url}/public/forms/${formId}/submit` })) +
        `</body></html>`,
    });
    browser = await launchBrowser();
    page = await openDashboardPage(browser);
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await site?.close();
    await server?.close();
  });

  it('creates a form from a template in the dashboard, previews it and publishes it', async () => {
    await page.goto(`${server.url}/w/${tenant.slug}/capture`);
    await page.waitForURL(/\/login/);
    await page.getByLabel('Email').fill(tenant.ownerEmail);
    await page.getByLabel('Password').fill(tenant.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByText('No forms yet').waitFor();
    await page.getByRole('button', { name: 'New form' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByRole('radio', { name: /E-book/i }).click();
    await dialog.getByLabel('Name').fill('Spring e-book');
    await screenshot(page, 'forms-01-new');
    await dialog.getByRole('button', { name: 'Create form' }).click();
    await page.getByRole('heading', { name: 'Spring e-book' }).waitFor();
    const preview = page.getByRole('region', { name: 'Form preview' });
    await preview.getByRole('textbox', { name: /Email/ }).waitFor();
    await screenshot(page, 'forms-02-preview');
    await page.getByRole('button', { name: 'Publish' }).click();
    await page.getByText('Live · version 1').waitFor();
    await page.getByRole('tab', { name: 'Embed' }).click();
    await page.getByText('data-form=', { exact: false }).first().waitFor();
    await screenshot(page, 'forms-03-embed');
    formId = new URL(page.url()).pathname.split('/').pop()!;
    publicForm = (await call(server, `/public/forms/${formId}`)).json;
    expect(publicForm.version).toBe(1);
  });

  it('renders twice on a page of another origin under a strict CSP, shows an error by its field, and submits', async () => {
    // A visitor's browser: Inflow does not count the views of crawlers and headless browsers.
    const visitor = await browser.newPage({ viewport: { width: 1000, height: 900 }, userAgent: VISITOR_AGENT });
    await visitor.goto(`${site.url}/landing?utm_source=newsletter&utm_campaign=spring`);
    const forms = visitor.locator('form.inflow-form');
    await expect.poll(() => forms.count()).toBe(2);
    // A person takes a few seconds; an answer faster than the form's minimum is treated as a bot's.
    await visitor.waitForTimeout(3_200);
    const first = forms.first();
    await first.getByRole('textbox', { name: /Email/ }).fill('not-an-email');
    await first.getByRole('button').click();
    const email = first.getByRole('textbox', { name: /Email/ });
    await expect.poll(() => email.getAttribute('aria-invalid')).toBe('true');
    await screenshot(visitor, 'forms-04-site-error');
    await email.fill('lea@site-example.org');
    const required = first.locator('[aria-required=true]');
    for (let i = 0; i < (await required.count()); i++) {
      const input = required.nth(i);
      const type = await input.getAttribute('type');
      if (type === 'checkbox') await input.check();
      else if ((await input.inputValue()) === '') await input.fill('Lea');
    }
    await first.getByRole('button').click();
    await visitor.getByRole('status').filter({ hasText: /thank|check your inbox|on its way/i }).first().waitFor();
    await screenshot(visitor, 'forms-05-site-done');
    expect(await visitor.evaluate(() => (window as unknown as { __violations: string[] }).__violations)).toEqual([]);
    await visitor.close();

    const contact = (await api('/api/v1/contacts?email=lea@site-example.org')).json.data[0];
    expect(contact).toMatchObject({ utm_source: 'newsletter', utm_campaign: 'spring' });
    const timeline = (await api(`/api/v1/contacts/${contact.id}/timeline`)).json.data as Array<{ kind: string }>;
    expect(timeline.map((e) => e.kind)).toContain('form.submitted');
    expect((await api(`/api/v1/forms/${formId}`)).json.submissions_total).toBe(1);
  });

  it('shows the form’s views, starts, submissions and conversion in the dashboard', async () => {
    await expect.poll(async () => (await api(`/api/v1/forms/${formId}/analytics`)).json.totals.views).toBe(2);
    // Submissions are counted from form.submitted, as `inflow serve`'s dispatcher delivers it.
    await new EventDispatcher(server.database, [submissionStats]).drain();
    await page.goto(`${server.url}/w/${tenant.slug}/capture/forms/${formId}`);
    await page.getByRole('tab', { name: 'Analytics' }).click();
    const fields = page.getByRole('table', { name: 'Field drop-off' });
    await fields.getByRole('cell', { name: 'Email', exact: true }).waitFor();
    await page.getByText('50.0%').first().waitFor();
    await page.getByRole('table', { name: 'By page' }).getByText(`${site.url}/landing`).waitFor();
    await screenshot(page, 'forms-08-analytics');
    const lea = (await api('/api/v1/contacts?email=lea@site-example.org')).json.data[0];
    await page.goto(`${server.url}/w/${tenant.slug}/contacts/${lea.id}`);
    await page.getByText('filled in the form “Spring e-book”', { exact: false }).waitFor();
    await screenshot(page, 'forms-09-contact-timeline');
  });

  it('lists the submission in the Submissions tab, opens its details and exports the filtered rows as CSV', async () => {
    await page.goto(`${server.url}/w/${tenant.slug}/capture/forms/${formId}`);
    await page.getByRole('tab', { name: 'Submissions' }).click();
    const table = page.getByRole('table', { name: 'Submissions' });
    await table.getByText('lea@site-example.org').first().waitFor();
    await table.getByText('newsletter', { exact: true }).waitFor();
    await screenshot(page, 'forms-10-submissions');
    await page.getByRole('textbox', { name: 'Search submissions' }).fill('nobody-like-this');
    await page.getByText('No submission matches these filters').waitFor();
    await page.getByRole('textbox', { name: 'Search submissions' }).fill('lea@');
    await table.getByText('lea@site-example.org').first().click();
    const details = page.getByTestId('submission-details');
    await details.getByText('Where it came from').waitFor();
    await details.getByText('source: newsletter').waitFor();
    await details.getByRole('link', { name: 'Open contact' }).waitFor();
    await screenshot(page, 'forms-11-submission-details');
    await page.keyboard.press('Escape');
    await details.waitFor({ state: 'hidden' });
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export CSV' }).click()]);
    expect(download.suggestedFilename()).toMatch(/^submissions-\d{4}-\d{2}-\d{2}\.csv$/);
    const csv = fs.readFileSync((await download.path())!, 'utf8');
    const lines = csv.replace(/^\uFEFF/, '').trim().split('\r\n');
    expect(lines).toHaveLength(2);
    expect(lines[0]).toContain('submission_id');
    expect(lines[1]).toContain('lea@site-example.org');
  });

  it('shows hostile answers as text in the table and the details: no dialog, no injected element', async () => {
    const xss = hostile.xss;
    const field = (key: string, kind: string, label: string, more: Record<string, unknown> = {}) => ({ key, kind, label, required: false, maps_to: { to: 'none' }, ...more });
    const created = await api('/api/v1/forms', {
      method: 'POST',
      body: {
        name: 'Webinar sign-up',
        definition: {
          fields: [
            { ...field('email', 'email', 'Email', { required: true, business_only: false }), maps_to: { to: 'standard', field: 'email' } },
            { ...field('first_name', 'text', 'First name', { max_length: 200, format: 'plain' }), maps_to: { to: 'standard', field: 'first_name' } },
            field('notes', 'textarea', 'Questions for the speaker', { max_length: 5000 }),
          ],
          progressive: { enabled: false, queue: [] },
          settings: {
            submit_label: 'Register', after_submit: { type: 'message', message: 'See you there' }, tags: [], list_ids: [], lifecycle_stage: null, notify_emails: [], double_opt_in: false,
            follow_up_email: null, allowed_origins: [], spam: { min_fill_seconds: 0, max_per_ip_per_hour: 0, max_per_form_per_minute: 0, blocked_domains: ['blocked.example'], block_disposable: false },
          },
        },
      },
    });
    expect(created.status).toBe(201);
    const webinar = created.json.id as string;
    expect((await api(`/api/v1/forms/${webinar}/publish`, { method: 'POST' })).status).toBe(201);
    const submit = (body: Record<string, unknown>) => call(server, `/public/forms/${webinar}/submit`, { method: 'POST', body: { _sid: `e2e-${Math.random().toString(36).slice(2)}`, ...body } });
    expect((await submit({ email: 'xss@site-example.org', first_name: xss[1], notes: xss.join('\n'), _page: `${site.url}/webinar?utm_source=${encodeURIComponent(xss[0]!)}` })).status).toBe(201);

    const dialogs: string[] = [];
    page.on('dialog', (dialog) => {
      dialogs.push(dialog.message());
      void dialog.dismiss();
    });
    await page.goto(`${server.url}/w/${tenant.slug}/capture/forms/${webinar}`);
    await page.getByRole('tab', { name: 'Submissions' }).click();
    const table = page.getByRole('table', { name: 'Submissions' });
    await table.getByText(xss[1]!, { exact: true }).waitFor();
    await table.getByText(xss[0]!, { exact: true }).waitFor();
    await table.getByText(xss[1]!, { exact: true }).click();
    const details = page.getByTestId('submission-details');
    await details.getByText(xss[6]!, { exact: false }).waitFor();
    expect(await details.getByText('Questions for the speaker').count()).toBe(1);
    const shown = (await details.textContent()) ?? '';
    for (const value of xss) expect(shown).toContain(value);
    await screenshot(page, 'forms-12-hostile-details');
    const injected = await page.evaluate(() => ({
      images: document.querySelectorAll('img[src="x"], img[onerror]').length,
      svgs: document.querySelectorAll('svg[onload]').length,
      scripts: [...document.querySelectorAll('script')].filter((s) => !s.src).length,
      links: document.querySelectorAll('a[href^="jav"], a[href^="javascript"]').length,
    }));
    expect(injected).toEqual({ images: 0, svgs: 0, scripts: 0, links: 0 });
    expect(dialogs).toEqual([]);
    await page.keyboard.press('Escape');
    webinarId = webinar;
  });

  it('lists blocked posts with their reason in words and rescues one as a submission', async () => {
    const submit = (body: Record<string, unknown>) => call(server, `/public/forms/${webinarId}/submit`, { method: 'POST', body: { _sid: `e2e-${Math.random().toString(36).slice(2)}`, ...body } });
    expect((await submit({ email: 'rita@blocked.example', first_name: 'Rita', _page: `${site.url}/webinar` })).status).toBe(201);
    expect((await submit({ email: 'bot@spam.example', first_name: 'Bot', _hp: 'http://spam.example' })).status).toBe(201);
    await page.goto(`${server.url}/w/${tenant.slug}/capture/forms/${webinarId}`);
    await page.getByRole('tab', { name: 'Spam' }).click();
    const table = page.getByRole('table', { name: 'Spam' });
    await table.getByText('Filled the hidden field').waitFor();
    await table.getByText('Email domain is blocked').waitFor();
    await screenshot(page, 'forms-13-spam');
    await table.getByRole('row').filter({ hasText: 'rita@blocked.example' }).getByRole('button', { name: 'Rescue' }).click();
    const dialog = page.getByRole('dialog', { name: 'Rescue this post?' });
    await dialog.getByText('Rita', { exact: true }).waitFor();
    await screenshot(page, 'forms-14-rescue-confirm');
    await dialog.getByRole('button', { name: 'Rescue as a submission' }).click();
    await page.getByText('rita@blocked.example is now a submission').waitFor();
    await expect.poll(() => table.getByText('rita@blocked.example').count()).toBe(0);
    await page.getByRole('tab', { name: 'Submissions' }).click();
    await page.getByRole('table', { name: 'Submissions' }).getByText('Rita', { exact: true }).waitFor();
    const rita = (await api('/api/v1/contacts?email=rita@blocked.example')).json.data;
    expect(rita).toHaveLength(1);
  });

  it('takes hostile strings typed into f.js on another site as data: nothing runs there, stored unchanged', async () => {
    const visitor = await browser.newPage({ viewport: { width: 1000, height: 900 }, userAgent: VISITOR_AGENT });
    const dialogs: string[] = [];
    visitor.on('dialog', (dialog) => {
      dialogs.push(dialog.message());
      void dialog.dismiss();
    });
    await visitor.goto(`${site.url}/webinar`);
    const form = visitor.locator('form.inflow-form');
    const typed = [...hostile.xss, ...hostile.sql, ...hostile.template_injection].join('\n');
    await form.getByRole('textbox', { name: /Email/ }).fill('typed-xss@site-example.org');
    await form.getByRole('textbox', { name: /First name/ }).fill(hostile.xss[1]!);
    await form.getByRole('textbox', { name: /Questions for the speaker/ }).fill(typed);
    await form.getByRole('button', { name: 'Register' }).click();
    await visitor.getByRole('status').filter({ hasText: 'See you there' }).waitFor();
    const injected = await visitor.evaluate(() => document.querySelectorAll('img[src="x"], img[onerror], svg[onload], a[href^="javascript"]').length);
    expect(injected).toBe(0);
    expect(dialogs).toEqual([]);
    expect(await visitor.evaluate(() => (window as unknown as { __violations: string[] }).__violations)).toEqual([]);
    await visitor.close();
    const submissions = (await api(`/api/v1/forms/${webinarId}/submissions?q=typed-xss`)).json.data;
    expect(submissions).toHaveLength(1);
    expect(submissions[0].values).toMatchObject({ first_name: hostile.xss[1], notes: typed });
  });

  it('lists a contact’s submissions on the contact page', async () => {
    const lea = (await api('/api/v1/contacts?email=lea@site-example.org')).json.data[0];
    await page.goto(`${server.url}/w/${tenant.slug}/contacts/${lea.id}`);
    const card = page.getByRole('region', { name: 'Form submissions' });
    await card.getByRole('link', { name: 'Spring e-book' }).waitFor();
    await card.getByText('/landing', { exact: false }).waitFor();
    await screenshot(page, 'forms-15-contact-submissions');
    await card.getByRole('link', { name: 'Spring e-book' }).click();
    await page.getByRole('heading', { name: 'Spring e-book' }).waitFor();
  });

  it('turns on keeping only the network part of visitors’ IP addresses in the workspace settings', async () => {
    await page.goto(`${server.url}/w/${tenant.slug}/settings/workspace`);
    const toggle = page.getByRole('switch', { name: 'Keep only the network part of visitors’ IP addresses' });
    await expect.poll(() => toggle.isEnabled(), { timeout: actionTimeout }).toBe(true);
    expect(await toggle.isChecked()).toBe(false);
    await toggle.click({ force: true });
    await page.getByText('Only the network part of IP addresses will be kept').waitFor();
    await screenshot(page, 'forms-16-settings-truncate-ips');
    expect((await api('/api/v1/workspace/settings')).json).toEqual({ truncate_ips: true });
  });

  it('works without JavaScript: a plain HTML post answers with the thank-you page, or the form again with the errors', async () => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const noJs = await context.newPage();
    await noJs.goto(`${site.url}/plain`);
    await noJs.getByRole('textbox', { name: /Email/ }).fill('bad@');
    await noJs.getByRole('button').click();
    await noJs.waitForURL(new RegExp(`/public/forms/${formId}/submit`));
    const email = noJs.getByRole('textbox', { name: /Email/ });
    expect(await email.inputValue()).toBe('bad@');
    expect(await email.getAttribute('aria-invalid')).toBe('true');
    await screenshot(noJs, 'forms-06-nojs-error');
    await email.fill('noah@site-example.org');
    const required = noJs.locator('[aria-required=true]');
    for (let i = 0; i < (await required.count()); i++) {
      const input = required.nth(i);
      if ((await input.getAttribute('type')) === 'checkbox') await input.check();
      else if ((await input.inputValue()) === '') await input.fill('Noah');
    }
    await noJs.getByRole('button').click();
    await noJs.getByRole('status').waitFor();
    await screenshot(noJs, 'forms-07-nojs-thanks');
    await context.close();
    expect((await api('/api/v1/contacts?email=noah@site-example.org')).json.data).toHaveLength(1);
  });

  it('asks a returning visitor the queue’s questions in place of those they answered (progressive profiling)', async () => {
    const text = (key: string, label: string, field: string, required = false) => ({ key, kind: 'text', label, required, max_length: 200, format: 'plain', maps_to: { to: 'standard', field } });
    const created = await api('/api/v1/forms', {
      method: 'POST',
      body: {
        name: 'Pricing guide',
        definition: {
          fields: [text('first_name', 'First name', 'first_name', true), { key: 'email', kind: 'email', label: 'Email', required: true, business_only: false, maps_to: { to: 'standard', field: 'email' } }, text('company', 'Company', 'company_name')],
          progressive: { enabled: true, queue: [text('job_title', 'Job title', 'job_title', true), { key: 'phone', kind: 'phone', label: 'Phone', required: false, maps_to: { to: 'standard', field: 'phone' } }] },
          settings: {
            submit_label: 'Send me the guide', after_submit: { type: 'message', message: 'Thanks! The guide is on its way.' }, tags: [], list_ids: [], lifecycle_stage: null,
            notify_emails: [], double_opt_in: false, follow_up_email: null, allowed_origins: [site.url],
            spam: { min_fill_seconds: 0, max_per_ip_per_hour: 0, max_per_form_per_minute: 0, blocked_domains: [], block_disposable: false },
          },
        },
      },
    });
    expect(created.status).toBe(201);
    progressiveId = created.json.id;
    expect((await api(`/api/v1/forms/${progressiveId}/publish`, { method: 'POST' })).status).toBe(201);

    // One browser profile for all three visits: the visitor id lives in the site's localStorage.
    const context = await browser.newContext({ viewport: { width: 1000, height: 700 }, userAgent: VISITOR_AGENT });
    const visitor = await context.newPage();
    const form = visitor.locator('form.inflow-form');
    const labels = () => form.locator('.inflow-field > label, .inflow-field > legend').evaluateAll((els) => els.map((el) => el.firstChild?.textContent ?? ''));

    await visitor.goto(`${site.url}/progressive`);
    await form.getByRole('textbox', { name: /First name/ }).waitFor();
    expect(await labels()).toEqual(['First name', 'Email', 'Company']);
    expect(await visitor.evaluate(() => localStorage.getItem('inflow_vid'))).toBeNull();
    await form.getByRole('textbox', { name: /First name/ }).fill('Mia');
    await form.getByRole('textbox', { name: /Email/ }).fill('mia@site-example.org');
    await form.getByRole('textbox', { name: /Company/ }).fill('Globex');
    await form.getByRole('button', { name: 'Send me the guide' }).click();
    await visitor.getByRole('status').filter({ hasText: 'on its way' }).waitFor();
    const visitorId = await visitor.evaluate(() => localStorage.getItem('inflow_vid'));
    expect(visitorId).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);

    // f.js waits 300 ms for /known after the form has arrived, then draws the usual fields; on a
    // machine too busy to answer /known in that time, the visitor's next visit asks again.
    for (let visit = 0; visit < 3; visit++) {
      await visitor.goto(`${site.url}/progressive`);
      await form.locator('.inflow-field').first().waitFor();
      if ((await labels())[0] === 'Job title') break;
    }
    expect(await labels()).toEqual(['Job title', 'Email', 'Phone']);
    await screenshot(visitor, 'forms-17-progressive-second-visit');
    await form.getByRole('textbox', { name: /Email/ }).fill('mia@site-example.org');
    await form.getByRole('button', { name: 'Send me the guide' }).click();
    // The queue's own rules hold: its job title is required.
    await expect.poll(() => form.getByRole('textbox', { name: /Job title/ }).getAttribute('aria-invalid')).toBe('true');
    await screenshot(visitor, 'forms-18-progressive-queue-error');
    await form.getByRole('textbox', { name: /Job title/ }).fill('Head of growth');
    await form.getByRole('textbox', { name: /Phone/ }).fill('+44 20 7946 0958');
    await form.getByRole('button', { name: 'Send me the guide' }).click();
    await visitor.getByRole('status').filter({ hasText: 'on its way' }).waitFor();

    const contact = (await api('/api/v1/contacts?email=mia@site-example.org')).json.data[0];
    expect(contact).toMatchObject({ first_name: 'Mia', company_name: 'Globex', job_title: 'Head of growth', phone: '+44 20 7946 0958' });
    expect((await api(`/api/v1/forms/${progressiveId}`)).json.submissions_total).toBe(2);

    // The queue is spent: the usual questions come back, empty (the page never has the answers).
    await visitor.goto(`${site.url}/progressive`);
    await form.getByRole('textbox', { name: /First name/ }).waitFor();
    expect(await labels()).toEqual(['First name', 'Email', 'Company']);
    expect(await form.getByRole('textbox', { name: /First name/ }).inputValue()).toBe('');
    expect(await visitor.evaluate(() => (window as unknown as { __violations: string[] }).__violations)).toEqual([]);
    await context.close();
  });

  it('builds a form in the dashboard: fields added, dragged, edited; settings; live preview; problems by their field; publish, embed, versions, unpublish', async () => {
    await page.goto(`${server.url}/w/${tenant.slug}/capture`);
    await page.getByRole('button', { name: 'New form' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByRole('radio', { name: /Newsletter/i }).click();
    await dialog.getByLabel('Name').fill('Demo request');
    await dialog.getByRole('button', { name: 'Create form' }).click();
    await page.getByRole('heading', { name: 'Demo request' }).waitFor();
    const preview = page.getByRole('region', { name: 'Form preview' });
    await preview.getByRole('textbox', { name: /Email/ }).waitFor();

    const addField = async (kind: RegExp) => {
      await page.getByRole('button', { name: 'Add field' }).click();
      await page.getByRole('menuitem', { name: kind }).click();
      await page.getByRole('button', { name: 'Remove field' }).waitFor();
    };
    const backToFields = () => page.getByRole('button', { name: 'All fields' }).click();
    const textbox = (name: string) => page.getByRole('textbox', { name, exact: true });
    // The Fields / Settings switch: its radios are hidden behind their labels.
    const pane = (name: RegExp) => page.locator('label').filter({ hasText: name }).click();
    // A full-page picture from the top: scrolled, the app's fixed header would land mid-page.
    const shot = async (name: string) => {
      await page.evaluate(() => window.scrollTo(0, 0));
      await screenshot(page, name);
    };

    // A short text that fills the contact's company, required.
    await addField(/Short text/);
    await textbox('Label').fill('Company');
    // A new field's key follows its label until someone types one.
    await expect.poll(() => textbox('Key').inputValue()).toBe('company');
    await page.getByLabel('Saves to').first().click();
    await page.getByRole('option', { name: 'Company', exact: true }).click();
    await page.getByRole('switch', { name: 'Required' }).check();
    await preview.getByRole('textbox', { name: /Company/ }).waitFor();
    await shot('forms-20-builder-editor');
    await backToFields();

    // A single choice with its own options.
    await addField(/Single choice/);
    await textbox('Label').fill('Team size');
    await expect.poll(() => textbox('Key').inputValue()).toBe('team_size');
    await page.getByLabel('Option 1 label').fill('1–10 people');
    await page.getByLabel('Option 1 value').fill('small');
    await page.getByLabel('Option 2 label').fill('11–200 people');
    await page.getByLabel('Option 2 value').fill('medium');
    await page.getByRole('button', { name: 'Add option' }).click();
    await page.getByLabel('Option 3 label').fill('More than 200');
    await page.getByLabel('Option 3 value').fill('large');
    await preview.getByRole('option', { name: 'More than 200' }).waitFor({ state: 'attached' });
    await backToFields();

    // A consent with its purpose and legal text.
    await addField(/Consent/);
    await textbox('Name (for reports)').fill('Partner offers');
    await page.getByLabel('Purpose').fill('partners');
    await page.getByLabel('Legal text').fill('Yes, I agree to hear from carefully chosen partners.');
    await preview.getByText('carefully chosen partners').waitFor();
    await backToFields();

    // Company goes first: with the keyboard (Space, arrows, Space) as dnd-kit's keyboard sensor takes it.
    const grip = page.getByRole('button', { name: 'Move Company' });
    await grip.focus();
    await page.keyboard.press('Space');
    for (let i = 0; i < 2; i++) {
      await page.waitForTimeout(150);
      await page.keyboard.press('ArrowUp');
    }
    await page.waitForTimeout(150);
    await page.keyboard.press('Space');
    const rows = page.locator('[data-field-row]');
    await expect.poll(() => rows.evaluateAll((els) => els.map((e) => e.getAttribute('data-field-row')))).toEqual(['company', 'email', 'consent_email', 'team_size', 'partner_offers']);
    // And Team size above the newsletter consent, with the mouse.
    const teamGrip = page.getByRole('button', { name: 'Move Team size' });
    const target = page.getByRole('button', { name: 'Move Email updates' });
    const from = (await teamGrip.boundingBox())!;
    const to = (await target.boundingBox())!;
    await page.mouse.move(from.x + from.width / 2, from.y + from.height / 2);
    await page.mouse.down();
    await page.mouse.move(from.x + from.width / 2, from.y - 10, { steps: 5 });
    await page.mouse.move(to.x + to.width / 2, to.y + to.height / 2 - 4, { steps: 10 });
    await page.waitForTimeout(150);
    await page.mouse.up();
    await expect.poll(() => rows.evaluateAll((els) => els.map((e) => e.getAttribute('data-field-row')))).toEqual(['company', 'email', 'team_size', 'consent_email', 'partner_offers']);
    const previewOrder = () => preview.locator('[data-field]').evaluateAll((els) => els.map((e) => e.getAttribute('data-field')));
    expect(await previewOrder()).toEqual(['company', 'email', 'team_size', 'consent_email', 'partner_offers']);

    // Edit a label from the preview: a click on the field opens its editor.
    await preview.getByRole('textbox', { name: /Email/ }).click();
    await textbox('Label').fill('Work email');
    await preview.getByRole('textbox', { name: /Work email/ }).waitFor();
    // A key another field has: publishing names the problem on this field.
    await textbox('Key').fill('company');
    await backToFields();
    await page.getByText('Unsaved changes').waitFor();
    await shot('forms-21-builder-fields');

    // A setting: the button's words, seen in the preview at once.
    await pane(/^Settings/);
    await page.getByLabel('Button text').fill('Request a demo');
    await preview.getByRole('button', { name: 'Request a demo' }).waitFor();
    await shot('forms-22-builder-settings');

    await page.getByRole('button', { name: 'Publish' }).click();
    await page.getByText('One thing needs fixing', { exact: false }).waitFor();
    await pane(/^Fields \(1 to fix\)/);
    await page.getByLabel('Needs fixing: is already the key of “Company”').waitFor();
    await shot('forms-23-builder-problem');
    await page.getByRole('button', { name: 'Edit Work email' }).click();
    await page.getByText('is already the key of “Company”').waitFor();
    await textbox('Key').fill('email');
    await backToFields();
    await page.getByRole('button', { name: 'Publish' }).click();
    await page.getByText('Live · version 1').waitFor();
    await page.getByText('Draft saved').waitFor();

    const id = new URL(page.url()).pathname.split('/').pop()!;
    const live = (await call(server, `/public/forms/${id}`)).json;
    expect(live.fields.map((f: { key: string }) => f.key)).toEqual(['company', 'email', 'team_size', 'consent_email', 'partner_offers']);
    expect(live.fields[0]).toMatchObject({ kind: 'text', label: 'Company', required: true });
    expect(live.fields[1]).toMatchObject({ kind: 'email', label: 'Work email' });
    expect(live.fields[2].options).toEqual([{ label: '1–10 people', value: 'small' }, { label: '11–200 people', value: 'medium' }, { label: 'More than 200', value: 'large' }]);
    expect(live.fields[4]).toMatchObject({ kind: 'consent', purpose: 'partners', text: 'Yes, I agree to hear from carefully chosen partners.' });
    expect(live.submit_label).toBe('Request a demo');
    expect((await api(`/api/v1/forms/${id}`)).json.draft.fields[0].maps_to).toEqual({ to: 'standard', field: 'company_name' });

    // The three ways to embed it, the plain HTML one usable without JavaScript.
    await page.getByRole('tab', { name: 'Embed' }).click();
    await page.getByText('Plain HTML', { exact: true }).waitFor();
    await page.getByText(`action="${server.url}/public/forms/${id}/submit"`, { exact: false }).waitFor();
    await shot('forms-24-builder-embed');

    // Versions: a second publish, restore of the first into the draft, and unpublishing.
    await page.getByRole('tab', { name: 'Build' }).click();
    await pane(/^Settings/);
    await page.getByLabel('Button text').fill('Book my demo');
    await page.getByRole('button', { name: 'Publish changes' }).click();
    await page.getByText('Live · version 2').waitFor();
    await page.getByRole('tab', { name: 'Versions' }).click();
    await page.getByRole('button', { name: 'Restore version 1' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Restore into the draft' }).click();
    await page.getByText('Version 1 is in the draft', { exact: false }).waitFor();
    await shot('forms-25-builder-versions');
    expect((await api(`/api/v1/forms/${id}`)).json.draft.settings.submit_label).toBe('Request a demo');

    // Someone else saves meanwhile: saving here overwrites nothing, and says so.
    const theirs = (await api(`/api/v1/forms/${id}`)).json;
    await api(`/api/v1/forms/${id}`, { method: 'PATCH', body: { draft: { ...theirs.draft, settings: { ...theirs.draft.settings, submit_label: 'Changed elsewhere' } }, draft_revision: theirs.draft_revision } });
    await page.getByRole('tab', { name: 'Build' }).click();
    await pane(/^Settings/);
    await page.getByLabel('Button text').fill('Mine');
    await page.getByRole('button', { name: 'Save draft' }).click();
    const conflict = page.getByRole('dialog', { name: 'Someone else saved this form' });
    await conflict.waitFor();
    await shot('forms-26-builder-conflict');
    await conflict.getByRole('button', { name: 'Reload their version' }).click();
    await preview.getByRole('button', { name: 'Changed elsewhere' }).waitFor();
    await page.getByText('Draft saved').waitFor();
    await page.getByRole('button', { name: 'More actions' }).click();
    await page.getByRole('menuitem', { name: 'Unpublish' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Unpublish' }).click();
    await page.getByText('The form is off your sites').waitFor();
    expect((await call(server, `/public/forms/${id}`)).status).toBe(404);
  });
});
