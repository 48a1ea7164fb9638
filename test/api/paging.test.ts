// Every list route pages by keyset with one cursor codec: walked one row at a time over rows
// that share a timestamp (written in one transaction), it gives every row once, in order.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { publish } from '../../src/events/publish.js';
import { routesOf } from '../../src/http/route-index.js';
import { scanDuplicates } from '../../src/modules/contacts/duplicates/pairs.js';
import { createImport } from '../../src/modules/contacts/import/import-service.js';
import { trashContacts } from '../../src/modules/contacts/trash.js';
import { recordTimeline } from '../../src/modules/timeline/timeline.js';
import { createApiKey } from '../../src/modules/workspaces/api-keys.js';
import { addUser, call, createTenant, startTestServer, type Tenant, type TestServer } from '../helpers/server.js';
import { pdfFile } from '../helpers/sample-files.js';

let server: TestServer;
let tenant: Tenant;
const system = { type: 'system', id: null } as const;
const api = (url: string, method = 'GET', body?: unknown) => call(server, url, { method, body, apiKey: tenant.apiKey });

/** Each paged route, the path to walk and what names a row. */
const walks: Record<string, { path: string; key: (row: Record<string, unknown>) => string }> = {};
const byId = (row: Record<string, unknown>) => String(row.id);

beforeAll(async () => {
  server = await startTestServer();
  tenant = await createTenant(server, 'paging');
  const db = server.database.db;
  // Contacts created by one batch share their created_at to the microsecond.
  const company = (await api('/api/v1/companies', 'POST', { name: 'Same Time Ltd' })).json.id;
  const batch = await api('/api/v1/contacts/batch', 'POST', {
    contacts: [1, 2, 3, 4].map((n) => ({ email: `same-${n}@paging.example`, company_id: company, phone: `+55 81 99999-000${n % 2}`, first_name: 'Same', last_name: 'Person' })),
  });
  const contacts: string[] = batch.json.results.map((r: { id: string }) => r.id);
  const [first] = contacts;
  // Three notes in one transaction, three consents given at one instant.
  await db.transaction().execute((tx) =>
    recordTimeline(tx, tenant.workspaceId, system, [1, 2, 3].map((n) => ({ contactId: first!, kind: 'note.added', data: { text: `note ${n}` } }))),
  );
  for (const purpose of ['email', 'sms', 'calls']) {
    await api(`/api/v1/contacts/${first}/consents`, 'POST', { purpose, granted: true, text_shown: 'Yes', source: 'test', occurred_at: '2026-11-30T12:00:00.123456Z' });
  }
  // Companies created in one transaction, for the sort by creation.
  await db.transaction().execute(async (tx) => {
    for (const name of ['Alpha', 'Beta', 'Gamma']) {
      await tx.insertInto('companies').values({ workspace_id: tenant.workspaceId, id: crypto.randomUUID(), name }).execute();
    }
  });
  const list = (await api('/api/v1/lists', 'POST', { name: 'Everyone' })).json.id;
  for (const name of ['Second', 'Third']) await api('/api/v1/lists', 'POST', { name });
  await api(`/api/v1/lists/${list}/contacts`, 'POST', { contact_ids: contacts });
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'inflow-paging-')), 'a.csv');
  fs.writeFileSync(file, 'email\nx@paging.example\n');
  for (let i = 0; i < 3; i++) {
    await createImport(db, tenant.workspaceId, { filePath: file, fileName: 'a.csv', fileSize: 30, fileOwned: false, reportDir: path.dirname(file), start: false, actor: system });
  }
  await scanDuplicates(db, tenant.workspaceId);
  // Contacts deleted in one transaction share their deleted_at.
  const doomed = await api('/api/v1/contacts/batch', 'POST', { contacts: [1, 2, 3].map((n) => ({ email: `doomed-${n}@paging.example` })) });
  await db.transaction().execute((tx) => trashContacts(tx, tenant.workspaceId, doomed.json.results.map((r: { id: string }) => r.id), system));
  for (const role of ['viewer', 'sales', 'marketer'] as const) await addUser(server, tenant, role);
  const forms: string[] = [];
  for (const template of ['newsletter', 'contact-sales', 'ebook']) forms.push((await api('/api/v1/forms', 'POST', { template })).json.id);
  // A form's submissions (of one contact) and spam, three of each in one transaction.
  await db.transaction().execute(async (tx) => {
    const row = (n: number) => ({ workspace_id: tenant.workspaceId, id: crypto.randomUUID(), form_id: forms[0]!, form_version: 1, values: JSON.stringify({ n }) });
    await tx.insertInto('form_submissions').values([1, 2, 3].map((n) => ({ ...row(n), client_submission_id: `paging-${n}`, contact_id: first!, email: `same-1@paging.example` }))).execute();
    await tx.insertInto('form_spam').values([1, 2, 3].map((n) => ({ ...row(n), reason: 'honeypot' as const }))).execute();
  });
  // Three published versions of the second form.
  for (let n = 0; n < 3; n++) expect((await api(`/api/v1/forms/${forms[1]}/publish`, 'POST')).status).toBe(201);
  // Pages that share a name: the keyset's id breaks the tie.
  for (const n of [1, 2, 3]) {
    const uploaded = await fetch(`${server.url}/api/v1/assets?name=Same%20asset&file_name=same-${n}.pdf`, { method: 'POST', headers: { authorization: `Bearer ${tenant.apiKey}` }, body: pdfFile() });
    expect(uploaded.status).toBe(201);
  }
  for (const n of [1, 2, 3]) await api('/api/v1/pages', 'POST', { template: 'newsletter', slug: `paging-page-${n}`, name: 'Same page' });
  // Three published versions of a thank-you page (it needs no form to publish).
  const thanks = (await api('/api/v1/pages', 'POST', { template: 'newsletter-thank-you', slug: 'paging-thanks', name: 'Thanks' })).json.id;
  for (let n = 0; n < 3; n++) expect((await api(`/api/v1/pages/${thanks}/publish`, 'POST')).status).toBe(201);
  for (let n = 0; n < 3; n++) await api('/api/v1/popups', 'POST', { name: 'Same pop-up' });
  // Tracked events of one moment (a visitor and its visit first: events name them).
  const visitor = crypto.randomUUID();
  const session = crypto.randomUUID();
  const at = new Date();
  await db.insertInto('tracking_visitors').values({ workspace_id: tenant.workspaceId, id: visitor, first_seen_at: at, last_seen_at: at }).execute();
  await db.insertInto('tracking_sessions').values({ workspace_id: tenant.workspaceId, id: session, visitor_id: visitor, started_at: at, last_seen_at: at, channel: 'direct' }).execute();
  await db.insertInto('tracking_events').values([1, 2, 3].map(() => ({ workspace_id: tenant.workspaceId, id: crypto.randomUUID(), occurred_at: at, visitor_id: visitor, session_id: session, type: 'page_view' as const, url: 'https://paging.example/' }))).execute();
  for (const n of [1, 2, 3]) await api('/api/v1/members', 'POST', { email: `invited-${n}@paging.example`, role: 'viewer' });
  for (const name of ['one', 'two']) await createApiKey(db, tenant.workspaceId, { name, role: 'viewer', createdBy: null });
  // Dead letters: events of this workspace, given up on by a subscriber.
  await db.transaction().execute((tx) =>
    publish(tx, contacts.map((contactId) => ({ workspaceId: tenant.workspaceId, kind: 'contact.deleted' as const, contactId, actor: system, payload: {} }))),
  );
  const events = await db.selectFrom('domain_events').select(['id', 'kind', 'contact_id']).where('workspace_id', '=', tenant.workspaceId).where('kind', '=', 'contact.deleted').execute();
  await db
    .insertInto('event_dead_letters')
    .values(events.map((e) => ({ workspace_id: tenant.workspaceId, subscriber: 'contacts.duplicate_checks', event_id: e.id, kind: e.kind, contact_id: e.contact_id, attempts: 8, error: 'x' })))
    .execute();

  Object.assign(walks, {
    '/api/v1/contacts': { path: '/api/v1/contacts', key: byId },
    '/api/v1/contacts/:id/timeline': { path: `/api/v1/contacts/${first}/timeline`, key: byId },
    '/api/v1/contacts/trash': { path: '/api/v1/contacts/trash', key: byId },
    '/api/v1/contacts/:id/consents': { path: `/api/v1/contacts/${first}/consents`, key: byId },
    '/api/v1/companies': { path: '/api/v1/companies?sort=created_at', key: byId },
    '/api/v1/companies/:id/contacts': { path: `/api/v1/companies/${company}/contacts`, key: byId },
    '/api/v1/lists': { path: '/api/v1/lists', key: byId },
    '/api/v1/lists/:id/contacts': { path: `/api/v1/lists/${list}/contacts`, key: byId },
    '/api/v1/imports': { path: '/api/v1/imports', key: byId },
    '/api/v1/contacts/duplicates': { path: '/api/v1/contacts/duplicates', key: (row) => `${(row.contact as { id: string }).id}|${(row.other as { id: string }).id}` },
    '/api/v1/members': { path: '/api/v1/members', key: (row) => String(row.user_id) },
    '/api/v1/invitations': { path: '/api/v1/invitations', key: byId },
    '/api/v1/forms': { path: '/api/v1/forms', key: byId },
    '/api/v1/pages': { path: '/api/v1/pages', key: byId },
    '/api/v1/popups': { path: '/api/v1/popups', key: byId },
    '/api/v1/tracking/events': { path: '/api/v1/tracking/events', key: byId },
    '/api/v1/assets': { path: '/api/v1/assets', key: byId },
    '/api/v1/forms/:id/submissions': { path: `/api/v1/forms/${forms[0]}/submissions`, key: byId },
    '/api/v1/forms/:id/spam': { path: `/api/v1/forms/${forms[0]}/spam`, key: byId },
    '/api/v1/pages/:id/versions': { path: `/api/v1/pages/${thanks}/versions`, key: (row) => String(row.version) },
    '/api/v1/forms/:id/versions': { path: `/api/v1/forms/${forms[1]}/versions`, key: (row) => String(row.version) },
    '/api/v1/contacts/:id/submissions': { path: `/api/v1/contacts/${first}/submissions`, key: byId },
    '/api/v1/api-keys': { path: '/api/v1/api-keys', key: byId },
    '/api/v1/event-subscribers/dead-letters': { path: '/api/v1/event-subscribers/dead-letters', key: (row) => `${String(row.event_id)}:${String(row.subscriber)}` },
  });
});

afterAll(() => server.close());

async function walk(route: string): Promise<{ paged: string[]; whole: string[] }> {
  const { path: base, key } = walks[route]!;
  const join = base.includes('?') ? '&' : '?';
  const whole = (await api(`${base}${join}limit=200`)).json.data.map(key);
  const paged: string[] = [];
  let cursor: string | null = null;
  for (let page = 0; page < 100; page++) {
    const answer = await api(`${base}${join}limit=1${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`);
    expect(answer.status, `${route}: ${answer.text}`).toBe(200);
    paged.push(...answer.json.data.map(key));
    cursor = answer.json.next_cursor;
    if (!cursor) break;
  }
  return { paged, whole };
}

describe('paging every list route one row at a time', () => {
  it('covers every route that takes a cursor', () => {
    const paged = routesOf(server.app)
      .filter((r) => r.method === 'GET' && (r.schema as { querystring?: { properties?: Record<string, unknown> } } | undefined)?.querystring?.properties?.cursor)
      .map((r) => r.url)
      .sort();
    expect(paged).toEqual(Object.keys(walks).sort());
  });

  it('gives every row once, in the order of the whole list, even rows that share a timestamp', async () => {
    for (const route of Object.keys(walks)) {
      const { paged, whole } = await walk(route);
      expect(whole.length, `${route} has rows to page`).toBeGreaterThanOrEqual(3);
      expect({ route, paged }).toEqual({ route, paged: whole });
    }
  });

  it('refuses a cursor it did not give out, naming the cursor', async () => {
    for (const route of Object.keys(walks)) {
      const { path: base } = walks[route]!;
      const answer = await api(`${base}${base.includes('?') ? '&' : '?'}cursor=not-a-cursor`);
      expect({ route, status: answer.status, field: answer.json?.errors?.[0]?.field }).toEqual({ route, status: 400, field: 'cursor' });
    }
  });
});
