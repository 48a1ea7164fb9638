import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type Database } from '../../src/db/database.js';
import { MODULES } from '../../src/modules/index.js';
import { buildApp } from '../../src/http/app.js';
import { databaseKind } from '../helpers/database.js';
import { call, createTenant, startTestServer, type Tenant, type TestServer } from '../helpers/server.js';

// A second server process against the same database, as in a scaled-out install: each keeps
// its own rendered pages, and a change made through one shows on the other.
let first: TestServer;
let second: TestServer;
let secondDatabase: Database;
let tenant: Tenant;

beforeAll(async () => {
  first = await startTestServer();
  secondDatabase = databaseKind === 'postgres' ? await openDatabase(first.database.target) : first.database;
  const app = await buildApp({ database: secondDatabase, modules: MODULES, config: { trustProxy: false, publicUrl: null, logLevel: 'silent' }, version: 'test', logger: false });
  await app.listen({ port: 0, host: '127.0.0.1' });
  second = { app, database: first.database, url: `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`, mail: [], close: () => app.close() };
  tenant = await createTenant(first);
});

afterAll(async () => {
  await second.close();
  if (secondDatabase !== first.database) await secondDatabase.close();
  await first.close();
});

const api = (path: string, method = 'GET', body?: unknown) => call(first, path, { method, apiKey: tenant.apiKey, body });
const definition = (headline: string) => ({ seo: { title: headline, description: '', noindex: false }, theme: {}, blocks: [{ type: 'hero', headline }] });

// NOTIFY reaches the other process in milliseconds; the bound leaves room for a loaded CI machine
// and still tells it from a cache that would only expire (30 s and more).
const NOTIFY_BOUND_MS = 3_000;

async function waitFor(server: TestServer, path: string, predicate: (answer: { status: number; text: string }) => boolean): Promise<number> {
  const started = Date.now();
  while (Date.now() - started < 5_000) {
    if (predicate(await call(server, path))) return Date.now() - started;
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  throw new Error(`${path} did not change within 5 s`);
}

describe(`page cache across server processes (${databaseKind})`, () => {
  it('shows a republished, re-themed, unpublished page on every server, although each had it cached', async () => {
    const page = (await api('/api/v1/pages', 'POST', { slug: 'cached-offer', definition: definition('First edition') })).json;
    await api(`/api/v1/pages/${page.id}/publish`, 'POST');
    for (const server of [first, second]) expect((await call(server, '/p/cached-offer')).text).toContain('First edition');

    await api(`/api/v1/pages/${page.id}`, 'PATCH', { draft: definition('Second edition'), draft_revision: 1 });
    await api(`/api/v1/pages/${page.id}/publish`, 'POST');
    // The process that published shows it on the very next request; the other within NOTIFY's delay.
    expect((await call(first, '/p/cached-offer')).text).toContain('Second edition');
    expect(await waitFor(second, '/p/cached-offer', (a) => a.text.includes('Second edition'))).toBeLessThan(NOTIFY_BOUND_MS);

    const theme = (await api('/api/v1/page-theme')).json;
    await api('/api/v1/page-theme', 'PUT', { ...theme, colors: { ...theme.colors, primary: '#0b6e4f' } });
    expect(await waitFor(second, '/p/cached-offer', (a) => a.text.includes('--primary:#0b6e4f'))).toBeLessThan(NOTIFY_BOUND_MS);

    await api(`/api/v1/pages/${page.id}/unpublish`, 'POST');
    expect((await call(first, '/p/cached-offer')).status).toBe(404);
    expect(await waitFor(second, '/p/cached-offer', (a) => a.status === 404)).toBeLessThan(NOTIFY_BOUND_MS);
  });

  it('shows a form republished on its own on the pages that hold it', async () => {
    const form = (await api('/api/v1/forms', 'POST', { template: 'newsletter' })).json;
    await api(`/api/v1/forms/${form.id}/publish`, 'POST');
    const page = (await api('/api/v1/pages', 'POST', { slug: 'with-a-form', definition: { ...definition('Sign up'), blocks: [{ type: 'hero', headline: 'Sign up' }, { type: 'form', form_id: form.id }] } })).json;
    await api(`/api/v1/pages/${page.id}/publish`, 'POST');
    for (const server of [first, second]) expect((await call(server, '/p/with-a-form')).text).not.toContain('Join the list now');
    const draft = structuredClone(form.draft);
    draft.settings.submit_label = 'Join the list now';
    await api(`/api/v1/forms/${form.id}`, 'PATCH', { draft, draft_revision: form.draft_revision });
    await api(`/api/v1/forms/${form.id}/publish`, 'POST');
    expect((await call(first, '/p/with-a-form')).text).toContain('Join the list now');
    expect(await waitFor(second, '/p/with-a-form', (a) => a.text.includes('Join the list now'))).toBeLessThan(NOTIFY_BOUND_MS);
  });
});
