import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventDispatcher } from '../../src/jobs.js';
import { webDistDir } from '../../src/paths.js';
import { buildProductOnce } from '../helpers/build.js';
import { call, createTenant, startTestServer, type Tenant, type TestServer } from '../helpers/server.js';
import { browserAvailable, launchBrowser, openDashboardPage } from './browser.js';

const screens = fileURLToPath(new URL('./screens/', import.meta.url));
const hasBrowser = browserAvailable();

let server: TestServer;
let tenant: Tenant;
let browser: Browser;
let page: Page;
const dialogs: string[] = [];
// What the browser says when the Content-Security-Policy blocks something: there must be none.
const cspViolations: string[] = [];

async function screenshot(name: string): Promise<void> {
  // No transitions run (reduced motion); a frame for the last change to be painted.
  await page.waitForTimeout(50);
  const file = path.join(screens, `${name}.png`);
  await page.screenshot({ path: file, fullPage: true });
  expect(fs.statSync(file).size).toBeGreaterThan(10_000);
}

describe.runIf(hasBrowser)('dashboard in a real browser', () => {
  beforeAll(async () => {
    await buildProductOnce();
    fs.mkdirSync(screens, { recursive: true });
    server = await startTestServer({ webDist: webDistDir });
    tenant = await createTenant(server, 'e2e');
    browser = await launchBrowser();
    page = await openDashboardPage(browser);
    page.on('console', (message) => {
      if (/Content.Security.Policy/i.test(message.text())) cspViolations.push(message.text());
    });
    page.on('dialog', (dialog) => {
      dialogs.push(dialog.message());
      void dialog.dismiss();
    });
  }, 180_000);

  afterAll(async () => {
    expect(cspViolations).toEqual([]);
    await browser?.close();
    await server?.close();
  });

  it('sends a visitor without a session to the sign-in page, and refuses a wrong password', async () => {
    await page.goto(`${server.url}/w/${tenant.slug}/settings`);
    await page.waitForURL(/\/login/);
    await page.getByLabel('Email').fill(tenant.ownerEmail);
    await page.getByLabel('Password').fill('not-the-password');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByText('Wrong email or password').first().waitFor();
  });

  it('sends its pages with a strict Content-Security-Policy and the usual security headers', async () => {
    for (const route of ['/', `/w/${tenant.slug}/contacts`]) {
      const response = await fetch(`${server.url}${route}`);
      expect(response.headers.get('content-type')).toMatch(/^text\/html/);
      const csp = response.headers.get('content-security-policy') ?? '';
      expect(csp).toContain("script-src 'self'");
      expect(csp).not.toMatch(/script-src[^;]*unsafe-inline/);
      expect(csp).toContain("frame-ancestors 'none'");
      expect(response.headers.get('x-content-type-options')).toBe('nosniff');
      expect(response.headers.get('x-frame-options')).toBe('DENY');
      expect(response.headers.get('referrer-policy')).toBe('strict-origin-when-cross-origin');
      expect(response.headers.get('permissions-policy')).toContain('camera=()');
    }
  });

  it('signs in and lands in the workspace', async () => {
    await page.getByLabel('Password').fill(tenant.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    // The sign-in page returns the visitor to the page they asked for.
    await page.waitForURL(new RegExp(`/w/${tenant.slug}/settings`));
    await page.getByRole('link', { name: 'Get started' }).click();
    await page.getByRole('heading', { name: /^Welcome/ }).waitFor();
    await screenshot('e2e-home');
  });

  it('creates an API key, shows it once, and the key works against the API', async () => {
    await page.goto(`${server.url}/w/${tenant.slug}/settings/api-keys`);
    await page.getByRole('button', { name: 'Create API key' }).click();
    await page.getByLabel('Name').fill('Website sign-up form');
    await page.getByLabel('Role').click();
    await page.getByRole('option', { name: 'Marketer' }).click();
    await page.getByRole('button', { name: 'Create key' }).click();
    const shown = page.getByTestId('new-api-key');
    await shown.waitFor();
    await page.getByRole('button', { name: 'Create key' }).waitFor({ state: 'detached' });
    const key = (await shown.textContent())?.trim() ?? '';
    expect(key).toMatch(/^inf_[\w-]{30,}$/);
    await screenshot('e2e-new-api-key');
    const response = await call(server, '/api/v1/workspace', { apiKey: key });
    expect(response.status).toBe(200);
    expect(response.json).toMatchObject({ slug: tenant.slug, role: 'marketer' });
    await page.getByRole('button', { name: 'I have copied it' }).click();
    await page.getByRole('cell', { name: 'Website sign-up form', exact: true }).waitFor();
    expect(await page.content()).not.toContain(key);
    await screenshot('e2e-api-keys');
  });

  it('shows names typed by others as text, never as markup', async () => {
    const hostile = '<img src=x onerror=alert(1)>';
    await call(server, '/api/v1/api-keys', { method: 'POST', apiKey: tenant.apiKey, body: { name: hostile, role: 'viewer' } });
    await page.reload();
    await page.getByRole('cell', { name: hostile, exact: true }).waitFor();
    expect(await page.locator('img[src="x"]').count()).toBe(0);
    expect(dialogs).toEqual([]);
  });

  it('invites a teammate from the Users settings: the invitation waits, nobody joins yet', async () => {
    await page.getByRole('tab', { name: 'Users' }).click();
    await page.getByRole('cell', { name: /owner-e2e/ }).first().waitFor();
    await page.getByRole('button', { name: 'Invite user' }).click();
    await page.getByRole('dialog').waitFor();
    await page.getByLabel('Email').fill('ana@example.com');
    await page.getByLabel('Role').click();
    await page.getByRole('option', { name: 'Sales' }).click();
    await page.getByRole('button', { name: 'Send invitation' }).click();
    await page.getByText('Invitation sent to ana@example.com').waitFor();
    await page.getByRole('table', { name: 'Invitations' }).getByText('ana@example.com', { exact: true }).waitFor();
    const members = await call(server, '/api/v1/members', { apiKey: tenant.apiKey });
    expect(members.json.data.map((m: { email: string }) => m.email)).not.toContain('ana@example.com');
    expect(server.mail.at(-1)?.to).toBe('ana@example.com');
    await screenshot('e2e-users');
  });

  it('changes the password from the user menu', async () => {
    const newPassword = 'a-new-long-password';
    await page.getByRole('button', { name: 'User menu' }).click();
    await page.getByRole('menuitem', { name: 'Change password' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.waitFor();
    const current = dialog.getByRole('textbox', { name: 'Current password', exact: true });
    const next = dialog.getByRole('textbox', { name: 'New password', exact: true });
    const repeat = dialog.getByRole('textbox', { name: 'Repeat new password', exact: true });
    const submit = dialog.getByRole('button', { name: 'Change password' });
    // Checked in the browser: the repeat must match.
    await current.fill('not-the-password');
    await next.fill(newPassword);
    await repeat.fill(`${newPassword}x`);
    await submit.click();
    await dialog.getByText('Does not match the new password').waitFor();
    // Checked by the server: the current password, shown under its field.
    await repeat.fill(newPassword);
    await submit.click();
    await dialog.getByText('That password is not your current password').waitFor();
    await screenshot('e2e-change-password');
    await current.fill(tenant.password);
    await submit.click();
    await page.getByText('Password changed. Your other sessions were signed out.').waitFor();
    await dialog.waitFor({ state: 'hidden' });
    const oldLogin = await call(server, '/api/auth/login', { method: 'POST', body: { email: tenant.ownerEmail, password: tenant.password } });
    expect(oldLogin.status).toBe(401);
    const newLogin = await call(server, '/api/auth/login', { method: 'POST', body: { email: tenant.ownerEmail, password: newPassword } });
    expect(newLogin.status).toBe(200);
  });

  it('lists the modules the server registers, and explains one still to come', async () => {
    await page.goto(`${server.url}/w/${tenant.slug}`);
    const nav = page.getByRole('navigation', { name: 'Main' });
    for (const label of ['Contacts', 'Companies', 'Lists', 'Scoring', 'Reports']) await nav.getByRole('link', { name: label, exact: true }).waitFor();
    await nav.getByRole('link', { name: 'Scoring', exact: true }).click();
    await page.getByRole('heading', { name: 'Scoring' }).waitFor();
    await page.getByText('Let the hottest leads rise to the top').waitFor();
    await page.getByText('Coming in a later release').waitFor();
    await screenshot('e2e-planned-module');
    await page.goto(`${server.url}/w/${tenant.slug}/no-such-module`);
    await page.getByText('Page not found').waitFor();
  });

  it('shows how event delivery is doing, and retries an event a subscriber gave up on', async () => {
    const contact = await call(server, '/api/v1/contacts', { method: 'POST', apiKey: tenant.apiKey, body: { email: 'events@e2e.example', first_name: 'Eve' } });
    await eventDispatcher(server.database).drain();
    const event = await server.database.db.selectFrom('domain_events').select(['id', 'kind']).where('contact_id', '=', contact.json.id).executeTakeFirstOrThrow();
    await server.database.db
      .insertInto('event_dead_letters')
      .values({ workspace_id: tenant.workspaceId, subscriber: 'contacts.duplicate_checks', event_id: event.id, kind: event.kind, contact_id: contact.json.id, attempts: 8, error: 'the scan queue was down' })
      .execute();
    await page.goto(`${server.url}/w/${tenant.slug}/settings`);
    await page.getByRole('tab', { name: 'Event delivery' }).click();
    await page.getByRole('cell', { name: /contacts\.duplicate_checks/ }).first().waitFor();
    await page.getByText('Up to date').first().waitFor();
    await page.getByText('the scan queue was down').waitFor();
    await screenshot('e2e-event-delivery');
    await page.getByRole('button', { name: 'Retry' }).click();
    await page.getByText(`contacts.duplicate_checks handled event ${event.id}`).waitFor();
    await page.getByText('the scan queue was down').waitFor({ state: 'detached' });
    expect(await server.database.db.selectFrom('event_dead_letters').select('event_id').where('workspace_id', '=', tenant.workspaceId).execute()).toEqual([]);
  });

  it('logs out', async () => {
    await page.getByRole('button', { name: 'User menu' }).click();
    await page.getByRole('menuitem', { name: 'Log out' }).click();
    await page.waitForURL(/\/login/);
    const me = await page.evaluate(async () => (await fetch('/api/auth/me')).status);
    expect(me).toBe(401);
  });
});
