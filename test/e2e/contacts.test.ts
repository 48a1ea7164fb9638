import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { webDistDir } from '../../src/paths.js';
import { Worker } from '../../src/db/jobs/worker.js';
import { jobHandlers } from '../../src/jobs.js';
import { buildProductOnce } from '../helpers/build.js';
import { addUser, call, createTenant, startTestServer, type Tenant, type TestServer } from '../helpers/server.js';
import { actionTimeout, browserAvailable, launchBrowser, openDashboardPage } from './browser.js';

const screens = fileURLToPath(new URL('./screens/', import.meta.url));
const hasBrowser = browserAvailable();

let server: TestServer;
let tenant: Tenant;
let browser: Browser;
let page: Page;
let worker: Worker;
let contactUrl = '';
const dialogs: string[] = [];
const hostileNote = 'Called her.\nShe wrote: <img src=x onerror=alert(1)> & asked for <b>pricing</b>';

async function screenshot(name: string): Promise<void> {
  // No transitions run (reduced motion); a frame for the last change to be painted.
  await page.waitForTimeout(50);
  const file = path.join(screens, `${name}.png`);
  // A long page is shot in a window as tall as the page, so the fixed header and navbar sit
  // where they belong instead of floating at the scroll position.
  const height = await page.evaluate(() => document.documentElement.scrollHeight);
  if (height > 800) {
    await page.setViewportSize({ width: 1280, height });
    await page.waitForTimeout(150);
  }
  await page.screenshot({ path: file });
  if (height > 800) await page.setViewportSize({ width: 1280, height: 800 });
  expect(fs.statSync(file).size).toBeGreaterThan(10_000);
}

const api = (p: string, options: Parameters<typeof call>[2] = {}) => call(server, p, { apiKey: tenant.apiKey, ...options });

describe.runIf(hasBrowser)('contacts in a real browser', () => {
  beforeAll(async () => {
    await buildProductOnce();
    fs.mkdirSync(screens, { recursive: true });
    server = await startTestServer({ webDist: webDistDir });
    tenant = await createTenant(server, 'crm-e2e');
    // Imports run as jobs: this worker plays the part `inflow serve` plays in production.
    worker = new Worker(server.database.db, jobHandlers(), { concurrency: 1, pollMs: 50 });
    worker.start();
    browser = await launchBrowser();
    page = await openDashboardPage(browser);
    page.on('dialog', (dialog) => {
      dialogs.push(dialog.message());
      void dialog.dismiss();
    });
  }, 180_000);

  afterAll(async () => {
    await worker?.stop();
    await browser?.close();
    await server?.close();
  });

  it('signs in and shows the ways to get contacts in while there are none', async () => {
    await page.goto(`${server.url}/w/${tenant.slug}/contacts`);
    await page.waitForURL(/\/login/);
    await page.getByLabel('Email').fill(tenant.ownerEmail);
    await page.getByLabel('Password').fill(tenant.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL(new RegExp(`/w/${tenant.slug}/contacts`));
    await page.getByRole('heading', { name: 'No contacts yet' }).waitFor();
    await page.getByText('Import a spreadsheet').waitFor();
    await page.getByText('Send them through the API').waitFor();
    await screenshot('contacts-01-empty');
  });

  it('defines custom fields in Settings, with the key suggested from the label', async () => {
    await page.getByRole('link', { name: 'Settings' }).click();
    await page.getByRole('tab', { name: 'Contact fields' }).click();
    await page.getByText('No contact fields of your own yet').waitFor();
    await screenshot('contacts-02-fields-empty');

    await page.getByRole('button', { name: 'New field' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('Label').fill('Plan of interest');
    expect(await dialog.getByLabel('Key').inputValue()).toBe('plan_of_interest');
    await dialog.getByLabel('Key').fill('plan');
    await dialog.getByLabel('Type', { exact: true }).click();
    await page.getByRole('option', { name: 'Single choice' }).click();
    const options = dialog.getByRole('combobox', { name: 'Options' });
    await options.fill('Starter');
    await options.press('Enter');
    await options.fill('Growth');
    await options.press('Enter');
    await screenshot('contacts-03-new-field');
    await dialog.getByRole('button', { name: 'Create field' }).click();
    await dialog.waitFor({ state: 'hidden' });

    await page.getByRole('button', { name: 'New field' }).click();
    await dialog.getByLabel('Label').fill('Employees');
    await dialog.getByLabel('Type', { exact: true }).click();
    await page.getByRole('option', { name: 'Number' }).click();
    await dialog.getByRole('button', { name: 'Create field' }).click();
    await dialog.waitFor({ state: 'hidden' });
    await page.getByRole('cell', { name: 'Employees', exact: true }).waitFor();
    await page.getByRole('cell', { name: 'Plan of interest', exact: true }).waitFor();

    const fields = await api('/api/v1/custom-fields');
    expect(fields.json.data).toEqual([
      expect.objectContaining({ key: 'employees', label: 'Employees', type: 'number', options: [] }),
      expect.objectContaining({ key: 'plan', label: 'Plan of interest', type: 'select', options: ['Starter', 'Growth'] }),
    ]);
    await screenshot('contacts-04-fields');
  });

  it('creates a contact from the table and opens its page', async () => {
    await page.getByRole('link', { name: 'Contacts' }).click();
    await page.getByRole('heading', { name: 'No contacts yet' }).waitFor();
    await page.getByRole('button', { name: 'New contact' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('Email').fill('ana.souza@acme-brasil.com.br');
    await dialog.getByLabel('First name').fill('Ana');
    await dialog.getByLabel('Last name').fill('Souza');
    await dialog.getByLabel('Company').fill('Acme Brasil');
    await dialog.getByLabel('Job title').fill('Head of Marketing');
    const tags = dialog.getByRole('combobox', { name: 'Tags' });
    await tags.fill('webinar-2025');
    await tags.press('Enter');
    await screenshot('contacts-05-new-contact');
    await dialog.getByRole('button', { name: 'Create contact' }).click();
    await page.waitForURL(/\/contacts\/[\w-]+$/);
    contactUrl = page.url();
    await page.getByRole('heading', { name: 'Ana Souza' }).waitFor();
    await page.getByText('You created the contact').waitFor();

    // Back on the table, the row opens the same page.
    await page.getByRole('link', { name: 'Contacts' }).first().click();
    await page.getByRole('link', { name: 'Ana Souza' }).click();
    await page.waitForURL(contactUrl);
    await page.getByRole('heading', { name: 'Ana Souza' }).waitFor();
    const found = await api('/api/v1/contacts?email=ana.souza@acme-brasil.com.br');
    expect(found.json.data[0]).toMatchObject({ first_name: 'Ana', company_name: 'Acme Brasil', tags: ['webinar-2025'], lifecycle_stage: 'lead' });
  });

  it('edits a standard field and custom fields, and the timeline tells what changed', async () => {
    const work = page.getByRole('region', { name: 'Work' });
    await work.getByRole('button', { name: 'Edit Work' }).click();
    await work.getByLabel('City').fill('Recife');
    await work.getByRole('button', { name: 'Save' }).click();
    await work.getByText('Recife').waitFor();
    await work.getByRole('button', { name: 'Edit Work' }).click();
    await work.getByLabel('City').fill('Natal');
    await work.getByRole('button', { name: 'Save' }).click();
    await page.getByText('changed City from Recife to Natal').waitFor();

    const custom = page.getByRole('region', { name: 'Custom fields' });
    await custom.getByRole('button', { name: 'Edit Custom fields' }).click();
    await custom.getByLabel('Plan of interest').click();
    await page.getByRole('option', { name: 'Growth' }).click();
    await custom.getByLabel('Employees').fill('42');
    await screenshot('contacts-06-editing');
    await custom.getByRole('button', { name: 'Save' }).click();
    await custom.getByText('Growth').waitFor();
    await page.getByText('Set Plan of interest to Growth').waitFor();
    await page.getByText('Set Employees to 42').waitFor();

    const id = contactUrl.split('/').pop()!;
    const stored = await api(`/api/v1/contacts/${id}`);
    expect(stored.json).toMatchObject({ city: 'Natal', custom: { plan: 'Growth', employees: 42 } });
  });

  it('adds a note, shown as the text that was typed, never as markup', async () => {
    await page.getByRole('textbox', { name: 'Note' }).fill(hostileNote);
    await page.getByRole('button', { name: 'Add note' }).click();
    await page.getByText('You added a note').waitFor();
    const note = page.getByTestId('timeline-entry').filter({ hasText: 'added a note' }).locator('p').last();
    expect(await note.innerText()).toBe(hostileNote);
    expect(await page.locator('img[src="x"]').count()).toBe(0);
    expect(await page.locator('main b', { hasText: 'pricing' }).count()).toBe(0);
    expect(dialogs).toEqual([]);
    await expect.poll(async () => (await page.getByTestId('timeline-entry').allInnerTexts()).length).toBe(5);
    const entries = await page.getByTestId('timeline-entry').allInnerTexts();
    expect(entries[0]).toContain('You added a note');
    expect(entries.some((e) => e.includes('You changed City from Recife to Natal'))).toBe(true);
    expect(entries.at(-1)).toContain('You created the contact');
    await screenshot('contacts-07-contact-page');
  });

  it('filters the table by search and by tag, on the server', async () => {
    const seeded = await api('/api/v1/contacts/batch', {
      method: 'POST',
      body: {
        contacts: [
          { email: 'bruno@globex.com', first_name: 'Bruno', last_name: 'Lima', company_name: 'Globex', tags: ['ebook'], lifecycle_stage: 'mql', city: 'São Paulo' },
          { email: 'carla@initech.io', first_name: 'Carla', last_name: 'Mendes', company_name: 'Initech', tags: ['webinar-2025', 'ebook'], lifecycle_stage: 'sql' },
          { email: 'diego@umbrella.org', first_name: 'Diego', company_name: 'Umbrella', lifecycle_stage: 'customer', job_title: 'CTO' },
          { external_id: 'chat-7781', first_name: 'Eva', phone: '+55 81 99999-0000', tags: ['chat'] },
          { email: 'hostile@example.org', first_name: '<script>alert(1)</script>', company_name: '=HYPERLINK("http://x")' },
        ],
      },
    });
    expect(seeded.json.failed).toBe(0);
    await page.getByRole('link', { name: 'Contacts' }).first().click();
    await page.getByRole('link', { name: 'Bruno Lima' }).waitFor();
    await page.getByRole('link', { name: '<script>alert(1)</script>' }).waitFor();
    expect(dialogs).toEqual([]);
    await screenshot('contacts-08-table');

    await page.getByRole('textbox', { name: 'Search contacts' }).fill('car');
    await page.waitForURL(/q=car/);
    await page.getByRole('link', { name: 'Bruno Lima' }).waitFor({ state: 'detached' });
    expect(await page.getByRole('link', { name: 'Carla Mendes' }).count()).toBe(1);
    // A full name, a phone number however written, an external id.
    const search = page.getByRole('textbox', { name: 'Search contacts' });
    for (const [query, who] of [['Carla Mendes', 'Carla Mendes'], ['+55 81 99999', 'Eva'], ['chat-7781', 'Eva']] as const) {
      await search.fill(query);
      await expect.poll(() => page.locator('tbody tr td:nth-child(2) a').allInnerTexts(), { message: query, timeout: actionTimeout }).toEqual([who]);
    }
    await page.getByRole('button', { name: 'Clear search' }).click();
    await page.getByRole('link', { name: 'Bruno Lima' }).waitFor();

    const tagFilter = page.getByRole('combobox', { name: 'Tags' });
    // Suggested from the workspace's tags (GET /api/v1/tags), most used first.
    await tagFilter.click();
    await page.getByRole('option', { name: 'webinar-2025' }).waitFor();
    await tagFilter.fill('ebook');
    await tagFilter.press('Enter');
    await page.waitForURL(/tag=ebook/);
    await page.getByRole('link', { name: 'Ana Souza' }).waitFor({ state: 'detached' });
    const names = await page.locator('tbody tr td:nth-child(2) a').allInnerTexts();
    expect(names.sort()).toEqual(['Bruno Lima', 'Carla Mendes']);
    await screenshot('contacts-09-filtered');

    await page.getByRole('textbox', { name: 'Search contacts' }).fill('nobody-here');
    await page.getByText('No contacts match these filters').waitFor();
    await screenshot('contacts-10-no-match');
    await page.getByRole('button', { name: 'Clear filters' }).first().click();
    await page.getByRole('link', { name: 'Ana Souza' }).waitFor();
    expect(await page.getByRole('textbox', { name: 'Search contacts' }).inputValue()).toBe('');
  });

  it('remembers the chosen columns for the workspace', async () => {
    await page.getByRole('button', { name: 'Columns' }).click();
    await page.getByRole('checkbox', { name: 'City' }).check();
    await page.getByRole('checkbox', { name: 'Plan of interest' }).check();
    await page.getByRole('checkbox', { name: 'Owner' }).uncheck();
    await screenshot('contacts-11-columns');
    await page.keyboard.press('Escape');
    await page.reload();
    await page.getByRole('columnheader', { name: 'City' }).waitFor();
    await page.getByRole('columnheader', { name: 'Plan of interest' }).waitFor();
    expect(await page.getByRole('columnheader', { name: 'Owner' }).count()).toBe(0);
    await page.getByRole('cell', { name: 'Natal' }).waitFor();
    await page.getByRole('cell', { name: 'Growth' }).waitFor();
  });

  it('tags selected contacts in bulk, and deletes them to the trash, from which they come back', async () => {
    await page.getByRole('checkbox', { name: 'Select Bruno Lima' }).check();
    await page.getByRole('checkbox', { name: 'Select Eva' }).check();
    await page.getByText('2 contacts selected').waitFor();
    await screenshot('contacts-12-selection');
    await page.getByRole('button', { name: 'Add tag' }).click();
    const dialog = page.getByRole('dialog');
    const tags = dialog.getByRole('combobox', { name: 'Tags' });
    await tags.fill('vip');
    await tags.press('Enter');
    await dialog.getByRole('button', { name: 'Add tags' }).click();
    await page.getByText('Tagged 2 contacts with “vip”').waitFor();
    const vip = await api('/api/v1/contacts?tag=vip');
    expect(vip.json.data.map((c: { first_name: string }) => c.first_name).sort()).toEqual(['Bruno', 'Eva']);
    expect(vip.json.data.find((c: { first_name: string }) => c.first_name === 'Bruno').tags).toEqual(['ebook', 'vip']);

    await page.getByRole('checkbox', { name: 'Select Bruno Lima' }).check();
    await page.getByRole('checkbox', { name: 'Select Carla Mendes' }).check();
    await page.getByRole('button', { name: 'Remove tag' }).click();
    await dialog.getByRole('combobox', { name: 'Tags' }).click();
    await page.getByRole('option', { name: 'ebook' }).click();
    await dialog.getByRole('button', { name: 'Remove tags' }).click();
    // Ticked rows are changed by the server's bulk action, as "all matching" are.
    await page.getByText('Removed “ebook” from 2 contacts').waitFor();
    expect((await api('/api/v1/contacts?tag=ebook')).json.data).toEqual([]);

    await page.getByRole('checkbox', { name: 'Select Bruno Lima' }).check();
    await page.getByRole('checkbox', { name: 'Select Eva' }).check();
    await page.getByRole('button', { name: 'Set', exact: true }).click();
    await page.getByRole('menuitem', { name: 'Lifecycle stage…' }).click();
    await dialog.getByLabel('Stage').click();
    await page.getByRole('option', { name: 'Opportunity' }).click();
    await screenshot('contacts-12b-bulk-stage');
    await dialog.getByRole('button', { name: 'Set stage' }).click();
    await page.getByText('Moved 2 contacts to Opportunity').waitFor();
    const opportunities = (await api('/api/v1/contacts?stage=opportunity')).json.data.map((c: { first_name: string }) => c.first_name);
    expect(opportunities.sort()).toEqual(['Bruno', 'Eva']);

    await page.getByRole('checkbox', { name: 'Select Diego' }).check();
    await screenshot('contacts-12c-action-bar');
    await page.getByRole('button', { name: 'Delete' }).click();
    await page.getByRole('dialog').getByText('to the trash for 30 days', { exact: false }).waitFor();
    await screenshot('contacts-13-bulk-delete');
    await page.getByRole('button', { name: 'Delete 1 contact' }).click();
    await page.getByText('Moved 1 contact to the trash').waitFor();
    await page.getByRole('link', { name: 'Diego' }).waitFor({ state: 'detached' });
    expect((await api('/api/v1/contacts?email=diego@umbrella.org')).json.data).toEqual([]);

    await page.getByRole('button', { name: 'More contact actions' }).click();
    await page.getByRole('menuitem', { name: 'Trash' }).click();
    await page.getByRole('heading', { name: 'Trash' }).waitFor();
    const row = page.getByRole('row', { name: /Diego/ });
    await row.getByText('You').waitFor();
    await row.getByText('30 days').waitFor();
    await screenshot('contacts-13b-trash');
    await row.getByRole('button', { name: 'Restore' }).click();
    await page.getByText('Diego is back', { exact: false }).waitFor();
    await page.getByText('The trash is empty').waitFor();
    await screenshot('contacts-13c-trash-empty');
    expect((await api('/api/v1/contacts?email=diego@umbrella.org')).json.data).toHaveLength(1);
    await page.getByRole('link', { name: 'Contacts' }).first().click();
    await page.getByRole('link', { name: 'Diego' }).waitFor();
    // Gone again, as the tests below expect.
    const diego = (await api('/api/v1/contacts?email=diego@umbrella.org')).json.data[0].id;
    expect((await api(`/api/v1/contacts/${diego}`, { method: 'DELETE' })).status).toBe(204);
    await page.reload();
  });

  it('imports a CSV through the wizard: columns mapped, a new field kept, bad rows reported', async () => {
    const csv = [
      'Email,First Name,Last Name,Company,City,Lead Source,Plan of interest,Favourite colour',
      'joao@globex.com,João,Pereira,Globex,Select,Webinar,Growth,Blue',
      'maria@initech.io,Maria,Costa,Initech,Recife,Google,Starter,Green',
      'bruno@globex.com,Bruno,Lima,,São Paulo,Webinar,,Red',
      'not-an-email,Bad,Row,,,,,',
    ].join('\n');
    await page.getByRole('link', { name: 'Contacts' }).first().click();
    await page.getByRole('link', { name: 'Import' }).click();
    await page.getByText('Drop a CSV file here').waitFor();
    await screenshot('contacts-15-import-upload');
    await page.locator('input[type=file]').setInputFiles({ name: 'webinar-leads.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
    await page.getByText('Which field does each column fill?').waitFor();
    expect(await page.getByLabel('Field for column Email').inputValue()).toBe('Email');
    expect(await page.getByLabel('Field for column Lead Source').inputValue()).toBe('Source');
    // The guess does not know "Plan of interest" is our "plan" field: correct it by hand.
    await page.getByLabel('Field for column Plan of interest').click();
    await page.getByRole('option', { name: 'Plan of interest', exact: true }).click();
    // Columns no field matches are kept as new fields unless the marketer leaves them out.
    await page.getByText('One new contact field will be created: Favourite colour.').waitFor();
    await page.getByRole('button', { name: 'Don’t import the 1 new field' }).waitFor();
    const tags = page.getByRole('combobox', { name: 'Tag every imported contact' });
    await tags.fill('webinar-march');
    await tags.press('Enter');
    await screenshot('contacts-16-import-mapping');
    await page.getByRole('button', { name: 'Start import' }).click();
    await page.getByRole('heading', { name: 'Import finished' }).waitFor({ timeout: 20_000 });
    await page.getByText('1 row was not imported').waitFor();
    // The badge counts the failed rows, and the first problems show without a download.
    await page.getByText('Done with 1 error').waitFor();
    await page.getByRole('table', { name: 'First problems' }).getByText('email is missing the @').waitFor();
    await screenshot('contacts-17-import-done');

    const joao = (await api('/api/v1/contacts?email=joao@globex.com')).json.data[0];
    expect(joao).toMatchObject({ first_name: 'João', city: null, source: 'Webinar', tags: ['webinar-march'], custom: { plan: 'Growth', favourite_colour: 'Blue' } });
    const bruno = (await api('/api/v1/contacts?email=bruno@globex.com')).json.data[0];
    expect(bruno).toMatchObject({ city: 'São Paulo', tags: ['vip', 'webinar-march'] });
    await page.getByRole('link', { name: 'See contacts tagged “webinar-march”' }).click();
    await page.waitForURL(/tag=webinar-march/);
    await page.getByRole('link', { name: 'Maria Costa' }).waitFor();
    expect(await page.locator('tbody tr').count()).toBe(3);
    await page.getByRole('link', { name: 'Maria Costa' }).click();
    await page.getByText('An import created the contact from the file “webinar-leads.csv”').waitFor();
    await screenshot('contacts-17-imported-contact');
  });

  it('shows companies made from work email domains, and filters contacts by company', async () => {
    await page.getByRole('link', { name: 'Companies' }).click();
    await page.getByRole('heading', { name: 'Companies' }).waitFor();
    await page.getByRole('link', { name: 'Globex' }).waitFor();
    await page.getByRole('link', { name: 'Acme Brasil' }).waitFor();
    await screenshot('contacts-18-companies');
    await page.getByRole('link', { name: 'Globex' }).click();
    await page.getByRole('heading', { name: 'Globex' }).waitFor();
    await page.getByRole('link', { name: 'João Pereira' }).waitFor();
    await page.getByRole('link', { name: 'Bruno Lima' }).waitFor();
    const details = page.getByRole('region', { name: 'Details' });
    await details.getByRole('button', { name: 'Edit Details' }).click();
    await details.getByLabel('Industry').fill('Manufacturing');
    await details.getByRole('button', { name: 'Save' }).click();
    await details.getByText('Manufacturing').waitFor();
    await screenshot('contacts-19-company');

    await page.getByRole('link', { name: 'Contacts' }).first().click();
    await page.getByRole('combobox', { name: 'Company', exact: true }).click();
    await page.getByRole('combobox', { name: 'Company', exact: true }).fill('glo');
    await page.getByRole('option', { name: /^Globex/ }).click();
    await page.waitForURL(/company=/);
    await page.getByRole('link', { name: 'Maria Costa' }).waitFor({ state: 'detached' });
    expect((await page.locator('tbody tr td:nth-child(2) a').allInnerTexts()).sort()).toEqual(['Bruno Lima', 'João Pereira']);
    await page.getByRole('button', { name: 'Clear filters' }).click();
  });

  it('puts selected contacts on a new list, filters by it, and takes one off', async () => {
    await page.getByRole('link', { name: 'Lists' }).click();
    await page.getByRole('heading', { name: 'Lists', exact: true }).waitFor();
    await page.getByText('No lists yet').waitFor();
    await page.getByRole('button', { name: 'New list' }).click();
    await page.getByRole('dialog').getByLabel('Name').fill('Advisory board');
    await page.getByRole('dialog').getByLabel('Description').fill('Customers we ask before building.');
    await page.getByRole('button', { name: 'Create list' }).click();
    await page.getByRole('heading', { name: 'Advisory board' }).waitFor();
    await page.getByText('No one on this list yet').waitFor();

    await page.getByRole('link', { name: 'Contacts' }).first().click();
    await page.getByRole('checkbox', { name: 'Select Maria Costa' }).check();
    await page.getByRole('checkbox', { name: 'Select João Pereira' }).check();
    await page.getByRole('button', { name: 'Add to list' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByRole('combobox', { name: 'List', exact: true }).click();
    await page.getByRole('option', { name: /^Advisory board/ }).click();
    await dialog.getByRole('button', { name: 'Add to list' }).click();
    await page.getByText('2 contacts added to “Advisory board”').waitFor();
    await dialog.waitFor({ state: 'hidden' });

    await page.getByRole('combobox', { name: 'List', exact: true }).click();
    await page.getByRole('option', { name: 'Advisory board' }).click();
    await page.waitForURL(/list=/);
    await page.getByRole('link', { name: 'Ana Souza' }).waitFor({ state: 'detached' });
    expect((await page.locator('tbody tr td:nth-child(2) a').allInnerTexts()).sort()).toEqual(['João Pereira', 'Maria Costa']);
    await screenshot('contacts-20-list-filter');

    await page.getByRole('link', { name: 'Lists' }).click();
    await page.getByRole('heading', { name: 'Lists', exact: true }).waitFor();
    await page.getByRole('link', { name: 'Advisory board' }).click();
    await page.getByRole('button', { name: 'Take João Pereira off the list' }).click();
    await page.getByText('João Pereira was taken off the list').waitFor();
    await page.getByText('1 contact', { exact: true }).waitFor();
    await screenshot('contacts-21-list');
  });

  it('exports the filtered contacts as CSV', async () => {
    await page.goto(`${server.url}/w/${tenant.slug}/contacts?tag=webinar-march`);
    await page.getByRole('link', { name: 'Maria Costa' }).waitFor();
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export' }).click()]);
    const file = await download.path();
    const lines = fs.readFileSync(file, 'utf8').trim().split(/\r?\n/);
    expect(lines).toHaveLength(4);
    expect(lines[0]).toContain('email');
    expect(lines.slice(1).join('\n')).toContain('maria@initech.io');

    await page.getByRole('checkbox', { name: 'Select Maria Costa' }).check();
    await page.getByRole('checkbox', { name: 'Select João Pereira' }).check();
    const bar = page.locator('[aria-label="Bulk actions"]');
    await bar.getByText('2 contacts selected').waitFor();
    await screenshot('contacts-26-export-selected');
    const [picked] = await Promise.all([page.waitForEvent('download'), bar.getByRole('button', { name: 'Export' }).click()]);
    const rows = fs.readFileSync(await picked.path(), 'utf8').trim().split(/\r?\n/);
    expect(rows).toHaveLength(3);
    expect(rows.slice(1).map((row) => row.split(',')[1]).sort()).toEqual(['joao@globex.com', 'maria@initech.io']);
  });

  it('selects every contact a filter matches, beyond the rows shown, and tags them all on the server', async () => {
    const contacts = Array.from({ length: 60 }, (_, i) => ({ email: `attendee-${i}@summit.example`, first_name: `Attendee ${i}`, tags: ['summit-2026'] }));
    expect((await api('/api/v1/contacts/batch', { method: 'POST', body: { contacts } })).json.created).toBe(60);
    await page.goto(`${server.url}/w/${tenant.slug}/contacts?tag=summit-2026`);
    await page.getByText('Showing 50 of 60 contacts').waitFor();
    await page.getByRole('checkbox', { name: 'Select all shown contacts' }).check();
    await page.getByRole('button', { name: 'Select all 60 contacts matching these filters' }).click();
    const bar = page.locator('[aria-label="Bulk actions"]');
    await bar.getByText('All 60 matching contacts selected').waitFor();
    await screenshot('contacts-27-all-matching');
    await bar.getByRole('button', { name: 'Add tag' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByText('The tags are added to 60 selected contacts').waitFor();
    const tags = dialog.getByRole('combobox', { name: 'Tags' });
    await tags.fill('summit-followup');
    await tags.press('Enter');
    await dialog.getByRole('button', { name: 'Add tags' }).click();
    await page.getByText('Tagged 60 contacts with “summit-followup”').waitFor({ timeout: 20_000 });
    expect((await api('/api/v1/contacts/count?tag=summit-followup')).json.count).toBe(60);
    await bar.waitFor({ state: 'hidden' });
  });

  it('finds two records of one person and merges them, keeping both histories', async () => {
    const work = { email: 'rafa@umbrella.org', first_name: 'Rafael', last_name: 'Souza', company_name: 'Umbrella', city: 'Recife' };
    const personal = { email: 'rafael.souza@gmail.com', first_name: 'Rafael', last_name: 'Souza', company_name: 'Umbrella', city: 'Olinda', phone: '+55 81 3333-0000' };
    expect((await api('/api/v1/contacts', { method: 'POST', body: work })).status).toBe(201);
    expect((await api('/api/v1/contacts', { method: 'POST', body: personal })).status).toBe(201);
    const reception = { email: 'recepcao@umbrella.org', first_name: 'Recepção', phone: '+55 (81) 3333-0000' };
    expect((await api('/api/v1/contacts', { method: 'POST', body: reception })).status).toBe(201);
    await page.goto(`${server.url}/w/${tenant.slug}/contacts`);
    await page.getByRole('button', { name: 'More contact actions' }).click();
    await page.getByRole('menuitem', { name: 'Find duplicates' }).click();
    // Opening the page starts a scan, since contacts changed; the worker runs it.
    await page.getByText('Same name and company').waitFor();
    await page.getByText(/^Checked /).waitFor();
    await screenshot('contacts-24-duplicates');
    const phonePair = page.locator('.mantine-Paper-root').filter({ hasText: 'Recepção' });
    await phonePair.getByRole('button', { name: 'Not a duplicate' }).click();
    await page.getByText('Marked as not a duplicate').waitFor();
    await phonePair.waitFor({ state: 'detached' });
    expect(await page.getByRole('button', { name: 'Merge…' }).count()).toBe(1);
    await page.getByRole('button', { name: 'Merge…' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByText('These fields hold different values').waitFor();
    await dialog.getByRole('radio', { name: 'Olinda' }).check();
    await screenshot('contacts-25-merge');
    await dialog.getByRole('button', { name: 'Merge into rafa@umbrella.org' }).click();
    await page.waitForURL(/\/contacts\/[\w-]+$/);
    await page.getByText('merged rafael.souza@gmail.com into this contact').waitFor();
    const rafael = (await api('/api/v1/contacts?q=rafael')).json.data;
    expect(rafael).toHaveLength(1);
    expect(rafael[0]).toMatchObject({ email: 'rafa@umbrella.org', city: 'Olinda', phone: '+55 81 3333-0000' });
  });

  it('deletes a custom field after saying its values go from every contact', async () => {
    await page.goto(`${server.url}/w/${tenant.slug}/settings/contact-fields`);
    await page.getByRole('button', { name: 'Delete Employees' }).click();
    await page.getByRole('dialog').getByText('its values will be removed from all contacts').waitFor();
    await screenshot('contacts-14-delete-field');
    await page.getByRole('button', { name: 'Delete field and values' }).click();
    await page.getByRole('cell', { name: 'Employees', exact: true }).waitFor({ state: 'detached' });
    const id = contactUrl.split('/').pop()!;
    expect((await api(`/api/v1/contacts/${id}`)).json.custom).toEqual({ plan: 'Growth' });
  });

  it('shows the contact’s lists, gives a copy of their data and erases them on request', async () => {
    await page.goto(`${server.url}/w/${tenant.slug}/contacts?q=maria`);
    await page.getByRole('link', { name: 'Maria Costa' }).click();
    const lists = page.getByRole('region', { name: 'Lists' });
    await lists.getByRole('link', { name: 'Advisory board' }).waitFor();
    await page.getByText('added the contact to the list “Advisory board”').waitFor();
    const privacy = page.getByRole('region', { name: 'Consent and privacy' });
    await privacy.getByRole('button', { name: 'Record' }).click();
    const consent = page.getByRole('dialog');
    await consent.getByLabel('Wording').fill('Yes, send me the monthly newsletter.');
    await consent.getByLabel('Where').fill('Phone call with sales');
    await consent.getByRole('button', { name: 'Record' }).click();
    await privacy.getByText('Agreed').waitFor();
    await page.getByText('recorded consent to email marketing (Phone call with sales)').waitFor();
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download their data' }).click()]);
    const data = JSON.parse(fs.readFileSync(await download.path(), 'utf8'));
    expect(data.contact.email).toBe('maria@initech.io');
    expect(data.lists.map((l: { name: string }) => l.name)).toEqual(['Advisory board']);
    expect(data.consents).toEqual([expect.objectContaining({ purpose: 'email_marketing', granted: true, source: 'Phone call with sales' })]);
    await screenshot('contacts-22-contact-lists');

    await page.getByRole('button', { name: 'Erase this person' }).click();
    const dialog = page.getByRole('dialog');
    expect(await dialog.getByRole('button', { name: 'Erase for good' }).isDisabled()).toBe(true);
    await dialog.getByRole('textbox').fill('maria@initech.io');
    await screenshot('contacts-23-erase');
    await dialog.getByRole('button', { name: 'Erase for good' }).click();
    await page.waitForURL(new RegExp(`/w/${tenant.slug}/contacts$`));
    expect((await api('/api/v1/contacts?email=maria@initech.io')).json.data).toEqual([]);
  });

  it('deletes a contact from its page, a button sales members do not have', async () => {
    const sales = await addUser(server, tenant, 'sales');
    const salesPage = await openDashboardPage(browser);
    await salesPage.goto(`${server.url}/login`);
    await salesPage.getByLabel('Email').fill(sales.email);
    await salesPage.getByLabel('Password').fill(sales.password);
    await salesPage.getByRole('button', { name: 'Sign in' }).click();
    await salesPage.waitForURL(new RegExp(`/w/${tenant.slug}`));
    await salesPage.goto(contactUrl);
    await salesPage.getByRole('heading', { name: 'Ana Souza' }).waitFor();
    expect(await salesPage.getByRole('button', { name: 'Delete contact' }).count()).toBe(0);
    await salesPage.close();

    await page.goto(contactUrl);
    await page.getByRole('button', { name: 'Delete contact' }).click();
    await page.getByRole('dialog').getByText('can be restored', { exact: false }).waitFor();
    await page.getByRole('dialog').getByRole('button', { name: 'Delete contact' }).click();
    await page.waitForURL(new RegExp(`/w/${tenant.slug}/contacts$`));
    await page.getByText('Ana Souza was moved to the trash').waitFor();
    await page.goto(contactUrl);
    await page.getByText('This contact does not exist').waitFor();
  });
  it('imports a Mailchimp export: recognised, consent columns kept, new fields left out in one click, consents and notes on the contact', async () => {
    const csv = [
      'Email Address,First Name,Last Name,MEMBER_RATING,OPTIN_TIME,OPTIN_IP,CONFIRM_TIME,CONFIRM_IP,LEID,EUID,NOTES,TAGS',
      'rita@mailbox-example.org,Rita,Alves,5,2023-04-01 10:00:00,203.0.113.9,2023-04-01 10:03:00,203.0.113.9,111,e1,Asked about the annual plan,newsletter',
    ].join('\n');
    await page.goto(`${server.url}/w/${tenant.slug}/contacts/import`);
    await page.getByText('Drop a CSV file here').waitFor();
    await page.locator('input[type=file]').setInputFiles({ name: 'mailchimp-audience.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
    await page.getByText('A Mailchimp export:', { exact: false }).waitFor();
    expect(await page.getByLabel('Field for column OPTIN_TIME').inputValue()).toBe('Opt-in time (consent record)');
    expect(await page.getByLabel('Field for column NOTES').inputValue()).toBe('Note (added to the timeline)');
    await page.getByLabel('Opt-outs or consent evidence').first().waitFor();
    // A consent column offers no "Don't import".
    await page.getByLabel('Field for column OPTIN_IP').click();
    await page.getByRole('option', { name: 'Opt-in IP address (consent record)' }).waitFor();
    expect(await page.getByRole('option', { name: 'Don’t import this column' }).count()).toBe(0);
    await page.keyboard.press('Escape');
    await page.getByRole('button', { name: 'Don’t import the 3 new fields' }).click();
    expect(await page.getByLabel('Field for column LEID').inputValue()).toBe('Don’t import this column');
    await page.getByRole('button', { name: 'Keep 3 skipped columns as new fields' }).waitFor();
    await screenshot('contacts-23-import-mailchimp');
    await page.getByRole('button', { name: 'Start import' }).click();
    await page.getByRole('heading', { name: 'Import finished' }).waitFor({ timeout: 20_000 });

    const rita = (await api('/api/v1/contacts?email=rita@mailbox-example.org')).json.data[0];
    expect(rita.custom).toEqual({});
    await page.goto(`${server.url}/w/${tenant.slug}/contacts/${rita.id}`);
    await page.getByRole('heading', { name: 'Rita Alves' }).waitFor();
    const privacy = page.getByRole('region', { name: 'Consent and privacy' });
    await privacy.getByText('From import of mailchimp-audience.csv · IP 203.0.113.9').first().waitFor();
    expect(await privacy.getByText('Agreed').count()).toBe(2);
    await page.getByText('Asked about the annual plan').waitFor();
    await screenshot('contacts-24-imported-consents');
  });
});
