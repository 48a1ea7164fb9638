import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { webDistDir } from '../../src/paths.js';
import { buildProductOnce } from '../helpers/build.js';
import { call, createTenant, startTestServer, type Tenant, type TestServer } from '../helpers/server.js';
import { actionTimeout, browserAvailable, launchBrowser } from './browser.js';

const screens = fileURLToPath(new URL('./screens/', import.meta.url));
const hasBrowser = browserAvailable();

let server: TestServer;
let tenant: Tenant;
let browser: Browser;
const cspViolations: string[] = [];

/** A fresh browser profile: the invitee is not the admin, and shares no cookie with them. */
async function person(): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, reducedMotion: 'reduce' });
  const page = await context.newPage();
  page.setDefaultTimeout(actionTimeout);
  page.on('console', (message) => {
    if (/Content.Security.Policy/i.test(message.text())) cspViolations.push(message.text());
  });
  return { context, page };
}

async function screenshot(page: Page, name: string): Promise<void> {
  await page.waitForTimeout(50);
  const file = path.join(screens, `${name}.png`);
  await page.screenshot({ path: file, fullPage: true });
  expect(fs.statSync(file).size).toBeGreaterThan(10_000);
}

async function signIn(page: Page, email: string, password: string): Promise<void> {
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
}

/** The link of the last invitation mailed to the address, as the invitee would click it. */
function linkMailedTo(email: string): string {
  const mail = server.mail.filter((m) => m.to === email).at(-1);
  const link = mail && /https?:\/\/\S+\/invite#token=[\w-]+/.exec(mail.text)?.[0];
  if (!link) throw new Error(`no invitation link mailed to ${email}`);
  return link;
}

describe.runIf(hasBrowser)('invitations in a real browser', () => {
  beforeAll(async () => {
    await buildProductOnce();
    fs.mkdirSync(screens, { recursive: true });
    server = await startTestServer({ webDist: webDistDir });
    tenant = await createTenant(server, 'invites');
    browser = await launchBrowser();
  }, 180_000);

  afterAll(async () => {
    expect(cspViolations).toEqual([]);
    await browser?.close();
    await server?.close();
  });

  it('an admin invites someone new, who opens the link, chooses a name and password, and lands in the workspace', async () => {
    const admin = await person();
    await admin.page.goto(`${server.url}/w/${tenant.slug}/settings/users`);
    await signIn(admin.page, tenant.ownerEmail, tenant.password);
    await admin.page.getByRole('button', { name: 'Invite user' }).click();
    await admin.page.getByRole('dialog').waitFor();
    await admin.page.getByLabel('Email').fill('bea@example.com');
    await admin.page.getByLabel('Role').click();
    await admin.page.getByRole('option', { name: 'Marketer' }).click();
    await admin.page.getByRole('button', { name: 'Send invitation' }).click();
    const invitations = admin.page.getByRole('table', { name: 'Invitations' });
    await invitations.getByText('bea@example.com', { exact: true }).waitFor();
    await screenshot(admin.page, 'e2e-invitations-pending');

    const bea = await person();
    await bea.page.goto(linkMailedTo('bea@example.com'));
    await bea.page.getByRole('heading', { name: 'Join Workspace invites' }).waitFor();
    await bea.page.getByText('Choose your name and a password').waitFor();
    await screenshot(bea.page, 'e2e-invitation-accept');
    await bea.page.getByLabel('Your name').fill('Bea Lima');
    await bea.page.getByLabel('Password').fill('bea-password-1');
    await bea.page.getByRole('button', { name: 'Create account and join' }).click();
    await bea.page.waitForURL(new RegExp(`/w/${tenant.slug}$`));
    await bea.page.getByRole('heading', { name: 'Welcome, Bea' }).waitFor();

    // The link worked once.
    await bea.page.goto(linkMailedTo('bea@example.com'));
    await bea.page.getByText('This invitation was already accepted').waitFor();

    await admin.page.reload();
    await admin.page.getByRole('table').getByText('bea@example.com', { exact: true }).first().waitFor();
    await invitations.waitFor({ state: 'detached' });
    const members = await call(server, '/api/v1/members', { apiKey: tenant.apiKey });
    expect(members.json.data).toEqual(expect.arrayContaining([expect.objectContaining({ email: 'bea@example.com', name: 'Bea Lima', role: 'marketer' })]));
    await admin.context.close();
    await bea.context.close();
  });

  it('someone with an account signs in from the link, or sees the invitation on their home page, and accepts', async () => {
    const elsewhere = await createTenant(server, 'elsewhere');
    await call(server, '/api/v1/members', { method: 'POST', apiKey: tenant.apiKey, body: { email: elsewhere.ownerEmail, role: 'viewer' } });
    const them = await person();
    await them.page.goto(linkMailedTo(elsewhere.ownerEmail));
    await them.page.getByText('already has an Inflow account').waitFor();
    await them.page.getByRole('button', { name: 'Sign in to accept' }).click();
    await signIn(them.page, elsewhere.ownerEmail, elsewhere.password);
    // Back on the invitation, signed in as the invited address.
    await them.page.waitForURL(/\/invite#token=/);
    await them.page.getByRole('button', { name: 'Decline' }).waitFor();
    await screenshot(them.page, 'e2e-invitation-signed-in');

    // The same invitation also waits on their home page; they accept it there.
    await them.page.goto(`${server.url}/w/${elsewhere.slug}`);
    const waiting = them.page.getByRole('region', { name: 'Your invitations' });
    await waiting.getByText(/to Workspace invites as Viewer/).waitFor();
    await screenshot(them.page, 'e2e-invitation-home');
    await waiting.getByRole('button', { name: 'Join Workspace invites' }).click();
    await them.page.waitForURL(new RegExp(`/w/${tenant.slug}$`));
    const workspace = await call(server, '/api/v1/members', { apiKey: tenant.apiKey });
    expect(workspace.json.data).toEqual(expect.arrayContaining([expect.objectContaining({ email: elsewhere.ownerEmail, role: 'viewer' })]));
    await them.context.close();
  });
});
