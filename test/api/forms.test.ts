import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { archiveForm, unpublishForm } from '../../src/modules/capture/service.js';
import { FormCache } from '../../src/modules/capture/form-cache.js';
import { addUser, call, createTenant, login, startTestServer, type Tenant, type TestServer } from '../helpers/server.js';

let server: TestServer;
let tenant: Tenant;

beforeAll(async () => {
  server = await startTestServer();
  tenant = await createTenant(server, 'forms');
});
afterAll(() => server.close());

const api = (path: string, method = 'GET', body?: unknown) => call(server, path, { method, apiKey: tenant.apiKey, body });

describe('forms', () => {
  it('serves the templates, and creates a newsletter form on a “Newsletter” list it reuses', async () => {
    const templates = (await api('/api/v1/form-templates')).json.data;
    expect(templates.map((t: { id: string }) => t.id)).toEqual(['newsletter', 'contact-sales', 'ebook', 'webinar', 'free-trial', 'blank']);
    const first = await api('/api/v1/forms', 'POST', { template: 'newsletter' });
    expect(first.status).toBe(201);
    expect(first.json).toMatchObject({ name: 'Newsletter sign-up', template: 'newsletter', status: 'draft', draft_revision: 1, live_version: null, submissions_total: 0 });
    expect(first.json.draft.settings).toMatchObject({ lifecycle_stage: 'subscriber', double_opt_in: false, list_ids: [expect.any(String)] });
    const lists = (await api('/api/v1/lists?q=newsletter')).json.data;
    expect(lists.map((l: { id: string; name: string }) => [l.id, l.name])).toEqual([[first.json.draft.settings.list_ids[0], 'Newsletter']]);
    const second = await api('/api/v1/forms', 'POST', { template: 'newsletter', name: 'Footer sign-up' });
    expect(second.json.draft.settings.list_ids).toEqual(first.json.draft.settings.list_ids);
    const own = (await api('/api/v1/lists', 'POST', { name: 'Own list' })).json.id;
    expect((await api('/api/v1/forms', 'POST', { template: 'newsletter', list_id: own })).json.draft.settings.list_ids).toEqual([own]);
    expect((await api('/api/v1/forms', 'POST', { template: 'contact-sales' })).json.draft.fields.map((f: { key: string }) => f.key)).toEqual(['first_name', 'last_name', 'email', 'company', 'phone', 'message']);
  });

  it('refuses a create without a definition or template, or with an unknown template or list', async () => {
    expect((await api('/api/v1/forms', 'POST', { name: 'x' })).status).toBe(400);
    expect((await api('/api/v1/forms', 'POST', { template: 'nope' })).status).toBe(400);
    expect((await api('/api/v1/forms', 'POST', { template: 'newsletter', list_id: '00000000-0000-7000-8000-000000000000' })).json.errors).toEqual([{ field: 'list_id', message: 'is not a list of this workspace' }]);
    const bad = await api('/api/v1/forms', 'POST', { name: 'Bad', definition: { fields: [{ key: '_sid', kind: 'checkbox' }] } });
    expect(bad.status).toBe(400);
  });

  it('edits the draft at its revision (409 when stale), publishes immutable versions, and serves the live one', async () => {
    const form = (await api('/api/v1/forms', 'POST', { template: 'ebook', name: 'Guide' })).json;
    const draft = structuredClone(form.draft);
    draft.settings.submit_label = 'Get the guide';
    const edited = await api(`/api/v1/forms/${form.id}`, 'PATCH', { draft, draft_revision: 1 });
    expect([edited.status, edited.json.draft_revision, edited.json.draft.settings.submit_label]).toEqual([200, 2, 'Get the guide']);
    const stale = await api(`/api/v1/forms/${form.id}`, 'PATCH', { draft, draft_revision: 1 });
    expect(stale.status).toBe(409);
    expect((await api(`/api/v1/forms/${form.id}`, 'PATCH', { draft })).status).toBe(400);
    expect((await call(server, `/public/forms/${form.id}`)).status).toBe(404);
    expect((await api(`/api/v1/forms/${form.id}/publish`, 'POST')).json).toEqual({ version: 1, published_at: expect.any(String) });
    const view = await call(server, `/public/forms/${form.id}`);
    expect([view.status, view.headers.get('etag'), view.headers.get('cache-control')]).toEqual([200, '"v1"', 'public, max-age=60, stale-while-revalidate=600']);
    expect(view.json).toMatchObject({ id: form.id, version: 1, submit_label: 'Get the guide', submit_url: `/public/forms/${form.id}/submit` });
    // What happens behind the form is not the page's business.
    for (const secret of ['maps_to', 'list_ids', 'notify_emails', 'allowed_origins', 'blocked_domains', 'tags']) expect(view.text).not.toContain(secret);
    draft.settings.submit_label = 'Download';
    await api(`/api/v1/forms/${form.id}`, 'PATCH', { draft, draft_revision: 2 });
    expect((await api(`/api/v1/forms/${form.id}/publish`, 'POST')).json.version).toBe(2);
    expect((await call(server, `/public/forms/${form.id}`)).json.submit_label).toBe('Download');
    const first = await call(server, `/public/forms/${form.id}/v/1`);
    expect([first.json.submit_label, first.headers.get('cache-control')]).toEqual(['Get the guide', 'public, max-age=31536000, immutable']);
    expect((await call(server, `/public/forms/${form.id}/v/3`)).status).toBe(404);
    expect((await call(server, `/public/forms/${form.id}/v/x`)).status).toBe(400);
    // A page that still shows version 1 posts it, and it is still what it was.
    const old = await call(server, `/public/forms/${form.id}/submit`, { method: 'POST', body: { first_name: 'Old', email: 'old@acme.example', _v: '1' } });
    expect(old.status).toBe(201);
    await expect(sql`update form_versions set definition = '{}' where form_id = ${form.id}`.execute(server.database.db)).rejects.toThrow(/immutable/);
    expect((await api(`/api/v1/forms/${form.id}`)).json).toMatchObject({ status: 'live', live_version: 2, submissions_total: 1 });
  });

  it('refuses to publish a draft with problems, each under its path', async () => {
    const form = (await api('/api/v1/forms', 'POST', { template: 'webinar' })).json;
    const draft = structuredClone(form.draft);
    draft.fields[3] = { ...draft.fields[3], key: 'first_name' };
    draft.fields.push({ key: 'plan', kind: 'select', label: 'Plan', required: false, display: 'dropdown', options: [{ value: 'a', label: 'A' }], maps_to: { to: 'custom', key: 'no_such_field' } });
    draft.settings.list_ids = ['00000000-0000-7000-8000-000000000000'];
    await api(`/api/v1/forms/${form.id}`, 'PATCH', { draft, draft_revision: 1 });
    const refused = await api(`/api/v1/forms/${form.id}/publish`, 'POST');
    expect(refused.status).toBe(400);
    expect(refused.json.errors.map((e: { field: string }) => e.field)).toEqual(['draft.fields.3.key', 'draft.fields.4.maps_to', 'draft.settings.list_ids.0']);
  });

  it('unpublishes (public 404, draft and versions kept), lists versions with who published them, and restores one into the draft', async () => {
    const form = (await api('/api/v1/forms', 'POST', { template: 'ebook', name: 'Versions' })).json;
    const owner = await login(server, tenant.ownerEmail, tenant.password);
    const asOwner = (path: string, method = 'GET', body?: unknown) => call(server, path, { method, session: owner, workspace: tenant.slug, body });
    expect((await asOwner(`/api/v1/forms/${form.id}/publish`, 'POST')).status).toBe(201);
    const draft = structuredClone(form.draft);
    draft.settings.submit_label = 'Second';
    await api(`/api/v1/forms/${form.id}`, 'PATCH', { draft, draft_revision: 1 });
    await api(`/api/v1/forms/${form.id}/publish`, 'POST');
    const versions = await api(`/api/v1/forms/${form.id}/versions`);
    expect(versions.json).toEqual({
      data: [
        { version: 2, published_at: expect.any(String), published_by: null, live: true },
        { version: 1, published_at: expect.any(String), published_by: { id: expect.any(String), name: expect.any(String), email: tenant.ownerEmail }, live: false },
      ],
      next_cursor: null,
    });
    const paged = await api(`/api/v1/forms/${form.id}/versions?limit=1`);
    expect(paged.json.data.map((v: { version: number }) => v.version)).toEqual([2]);
    expect((await api(`/api/v1/forms/${form.id}/versions?cursor=${paged.json.next_cursor}`)).json.data.map((v: { version: number }) => v.version)).toEqual([1]);
    expect((await api(`/api/v1/forms/${form.id}/versions?cursor=nonsense`)).status).toBe(400);

    const off = await api(`/api/v1/forms/${form.id}/unpublish`, 'POST');
    expect([off.status, off.json.status, off.json.live_version, off.json.draft.settings.submit_label]).toEqual([200, 'draft', null, 'Second']);
    for (const url of [`/public/forms/${form.id}`, `/public/forms/${form.id}/v/1`, `/f/${form.id}`]) expect((await call(server, url)).status).toBe(404);
    expect((await call(server, `/public/forms/${form.id}/submit`, { method: 'POST', body: { email: 'late@acme.example' } })).status).toBe(404);
    expect((await api(`/api/v1/forms/${form.id}/unpublish`, 'POST')).json.status).toBe('draft');
    expect((await api(`/api/v1/forms/${form.id}/versions`)).json.data.map((v: { live: boolean }) => v.live)).toEqual([false, false]);

    const restored = await api(`/api/v1/forms/${form.id}/versions/1/restore`, 'POST', { draft_revision: 2 });
    expect([restored.status, restored.json.draft_revision, restored.json.draft.settings.submit_label, restored.json.status]).toEqual([200, 3, form.draft.settings.submit_label, 'draft']);
    expect((await api(`/api/v1/forms/${form.id}/versions/1/restore`, 'POST', { draft_revision: 2 })).status).toBe(409);
    expect((await api(`/api/v1/forms/${form.id}/versions/9/restore`, 'POST', {})).status).toBe(404);
    expect((await api(`/api/v1/forms/${form.id}/versions/2/restore`, 'POST', {})).json.draft_revision).toBe(4);
    // Publishing again takes the next number: versions are never reused.
    expect((await api(`/api/v1/forms/${form.id}/publish`, 'POST')).json.version).toBe(3);
    expect((await call(server, `/public/forms/${form.id}`)).json).toMatchObject({ version: 3, submit_label: 'Second' });
  });

  it('lists forms by name, pages, and archives (public 404, data kept)', async () => {
    const own = await createTenant(server, 'forms-index');
    const mine = (path: string, method = 'GET', body?: unknown) => call(server, path, { method, apiKey: own.apiKey, body });
    for (const name of ['beta', 'Alpha', 'gamma']) await mine('/api/v1/forms', 'POST', { template: 'webinar', name });
    const page = await mine('/api/v1/forms?limit=2');
    expect(page.json.data.map((f: { name: string }) => f.name)).toEqual(['Alpha', 'beta']);
    expect((await mine(`/api/v1/forms?cursor=${page.json.next_cursor}`)).json.data.map((f: { name: string }) => f.name)).toEqual(['gamma']);
    const alpha = page.json.data[0].id;
    expect((await mine(`/api/v1/forms/${alpha}`, 'DELETE')).status).toBe(204);
    expect((await mine('/api/v1/forms')).json.data.map((f: { name: string }) => f.name)).toEqual(['beta', 'gamma']);
    expect((await mine('/api/v1/forms?status=archived')).json.data.map((f: { name: string }) => f.name)).toEqual(['Alpha']);
    expect((await mine(`/api/v1/forms/${alpha}/publish`, 'POST')).status).toBe(409);
    expect((await api(`/api/v1/forms/${alpha}`)).status).toBe(404);
  });

  it('limits submissions per client IP and minute (INFLOW_FORMS_IP_LIMIT, 60 by default) with 429', async () => {
    const form = (await api('/api/v1/forms', 'POST', { template: 'webinar' })).json;
    await api(`/api/v1/forms/${form.id}/publish`, 'POST');
    const statuses: number[] = [];
    for (let n = 0; n < 61; n++) statuses.push((await call(server, `/public/forms/${form.id}/submit`, { method: 'POST', body: {} })).status);
    // The limit is per route and address, across forms: an earlier test of this file posted once.
    const first = statuses.indexOf(429);
    expect(first).toBeGreaterThanOrEqual(58);
    // Before it: invalid (400), or, past the form's own soft limit of 10 an hour, spam answered like success (201).
    expect(statuses.slice(0, first).every((s) => s === 400 || s === 201)).toBe(true);
    const limited = await call(server, `/public/forms/${form.id}/submit`, { method: 'POST', body: {} });
    expect([limited.status, limited.headers.get('content-type')]).toEqual([429, 'application/problem+json; charset=utf-8']);
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
  });

  it.each([
    ['an archive', archiveForm],
    ['an unpublish', unpublishForm],
  ])('keeps every process’s form cache coherent: %s elsewhere is seen at once (NOTIFY)', async (_name, change) => {
    const form = (await api('/api/v1/forms', 'POST', { template: 'webinar' })).json;
    await api(`/api/v1/forms/${form.id}/publish`, 'POST');
    expect((await call(server, `/public/forms/${form.id}`)).status).toBe(200);
    // Another process: its own cache, the same database.
    await change(server.database.db, tenant.workspaceId, form.id, new FormCache(server.database.db));
    let status = 200;
    for (let i = 0; i < 50 && status === 200; i++) {
      await new Promise((resolve) => setTimeout(resolve, 20));
      status = (await call(server, `/public/forms/${form.id}`)).status;
    }
    expect(status).toBe(404);
  });

  it('lets viewers read forms and only marketers and up change them', async () => {
    const form = (await api('/api/v1/forms', 'POST', { template: 'free-trial' })).json;
    const viewer = await addUser(server, tenant, 'viewer');
    const session = await login(server, viewer.email, viewer.password);
    expect((await call(server, `/api/v1/forms/${form.id}`, { session, workspace: tenant.slug })).status).toBe(200);
    expect((await call(server, `/api/v1/forms/${form.id}/versions`, { session, workspace: tenant.slug })).status).toBe(200);
    for (const action of ['publish', 'unpublish', 'versions/1/restore']) {
      expect((await call(server, `/api/v1/forms/${form.id}/${action}`, { method: 'POST', session, workspace: tenant.slug, body: {} })).status).toBe(403);
    }
  });
});
