// Pop-ups over HTTP: the dashboard's API (create, edit with a revision, activate only with a
// live form, figures), the public list f.js reads (active pop-ups of live forms, known
// visitors left out when asked) and the beacons and submissions that make the figures.
import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EventDispatcher } from '../../src/events/dispatcher.js';
import { DEFAULT_POPUP_SETTINGS } from '../../src/modules/capture/popups/definition.js';
import { submissionStats } from '../../src/modules/capture/subscribers.js';
import { randomUuid } from '../../src/modules/capture/visitor-id.js';
import { addUser, call, createTenant, login, startTestServer, type Tenant, type TestServer } from '../helpers/server.js';

const hostile = JSON.parse(fs.readFileSync(new URL('../../../shared/fixtures/hostile-inputs.json', import.meta.url), 'utf8')) as Record<string, unknown>;

let server: TestServer;
let tenant: Tenant;
let other: Tenant;
let formId: string;

const api = (path: string, method = 'GET', body?: unknown, who: Tenant = tenant) => call(server, path, { method, apiKey: who.apiKey, body });
const beacon = (id: string, fields: Record<string, string>, headers: Record<string, string> = {}) =>
  fetch(`${server.url}/public/popups/${id}/events`, { method: 'POST', body: new URLSearchParams(fields), headers: { 'user-agent': 'Mozilla/5.0 (X11; Linux x86_64) Chrome/150.0 Safari/537.36', ...headers } });
const publicList = (workspaceId: string, visitor?: string) => call(server, `/public/workspaces/${workspaceId}/popups${visitor ? `?visitor=${visitor}` : ''}`);

async function liveForm(who: Tenant): Promise<string> {
  const form = (await api('/api/v1/forms', 'POST', { template: 'newsletter', name: `Pop-up form ${Math.random()}` }, who)).json;
  const current = (await api(`/api/v1/forms/${form.id}`, 'GET', undefined, who)).json;
  const draft = { ...current.draft, settings: { ...current.draft.settings, spam: { ...current.draft.settings.spam, min_fill_seconds: 0 } } };
  expect((await api(`/api/v1/forms/${form.id}`, 'PATCH', { draft, draft_revision: current.draft_revision }, who)).status).toBe(200);
  expect((await api(`/api/v1/forms/${form.id}/publish`, 'POST', undefined, who)).status).toBe(201);
  return form.id;
}

beforeAll(async () => {
  server = await startTestServer({ config: { forms: { submitsPerIpPerMinute: 0 } } as object });
  tenant = await createTenant(server, 'popups');
  other = await createTenant(server, 'popups-other');
  formId = await liveForm(tenant);
});
afterAll(() => server.close());

describe('the pop-ups API', () => {
  it('creates a draft with sensible defaults, edits it with its revision, and activates it only with a live form', async () => {
    const created = await api('/api/v1/popups', 'POST', { name: 'Exit offer' });
    expect(created.status).toBe(201);
    expect(created.json).toMatchObject({ name: 'Exit offer', status: 'draft', form_id: null, revision: 1, settings: DEFAULT_POPUP_SETTINGS });
    expect(created.json.notices).toEqual([{ field: 'form_id', message: 'choose the form the pop-up shows' }]);
    const refused = await api(`/api/v1/popups/${created.json.id}/activate`, 'POST');
    expect([refused.status, refused.json.errors]).toEqual([400, [{ field: 'form_id', message: 'choose the form the pop-up shows' }]]);

    const settings = { ...DEFAULT_POPUP_SETTINGS, layout: { type: 'bar', edge: 'top' }, trigger: { type: 'time', seconds: 5 } };
    const edited = await api(`/api/v1/popups/${created.json.id}`, 'PATCH', { form_id: formId, settings, revision: 1 });
    expect(edited.status).toBe(200);
    expect(edited.json).toMatchObject({ revision: 2, form_id: formId, settings, notices: [] });
    expect(edited.json.form_name).toMatch(/^Pop-up form/);
    const stale = await api(`/api/v1/popups/${created.json.id}`, 'PATCH', { name: 'Late', revision: 1 });
    expect(stale.status).toBe(409);
    expect((await api(`/api/v1/popups/${created.json.id}/activate`, 'POST')).json.status).toBe('active');
    const cleared = await api(`/api/v1/popups/${created.json.id}`, 'PATCH', { form_id: null, revision: 2 });
    expect([cleared.status, cleared.json.errors?.[0]?.field]).toEqual([400, 'form_id']);
    expect((await api(`/api/v1/popups/${created.json.id}/pause`, 'POST')).json.status).toBe('paused');
    const listed = (await api('/api/v1/popups')).json.data.find((p: { id: string }) => p.id === created.json.id);
    expect(listed).toMatchObject({ status: 'paused', last_30_days: { impressions: 0, closes: 0, submissions: 0, conversion_rate: null } });
  });

  it('refuses bad settings and forms of other workspaces with the failing fields, and keeps each workspace to its own', async () => {
    const bad = await api('/api/v1/popups', 'POST', { name: 'Bad', settings: { ...DEFAULT_POPUP_SETTINGS, trigger: { type: 'scroll', percent: 140 }, layout: { type: 'bar', edge: 'left' } } });
    expect(bad.status).toBe(400);
    expect(bad.headers.get('content-type')).toContain('application/problem+json');
    const theirForm = await liveForm(other);
    const foreign = await api('/api/v1/popups', 'POST', { name: 'Foreign', form_id: theirForm });
    expect([foreign.status, foreign.json.errors]).toEqual([400, [{ field: 'form_id', message: 'is not a form of this workspace' }]]);
    const mine = (await api('/api/v1/popups', 'POST', { name: 'Mine', form_id: formId })).json;
    expect((await api(`/api/v1/popups/${mine.id}`, 'GET', undefined, other)).status).toBe(404);
    expect((await api(`/api/v1/popups/${mine.id}`, 'PATCH', { name: 'x', revision: 1 }, other)).status).toBe(404);
    expect((await api(`/api/v1/popups/${mine.id}/activate`, 'POST', undefined, other)).status).toBe(404);
    expect((await api(`/api/v1/popups/${mine.id}/analytics`, 'GET', undefined, other)).status).toBe(404);
    expect((await api(`/api/v1/popups/${mine.id}`, 'DELETE', undefined, other)).status).toBe(404);
    for (const name of (hostile.xss as string[]).slice(0, 5)) {
      const saved = await api('/api/v1/popups', 'POST', { name, form_id: formId, settings: { ...DEFAULT_POPUP_SETTINGS, heading: name.slice(0, 200) || null, text: name.slice(0, 1000) || null, targeting: { ...DEFAULT_POPUP_SETTINGS.targeting, include: [name.slice(0, 500) || '/x'] } } });
      expect(saved.status, name).toBe(201);
      expect(saved.json.name).toBe(name.trim() || 'Pop-up');
    }
  });

  it('lets a viewer read but not change, and gives the snippet', async () => {
    const viewer = await addUser(server, tenant, 'viewer');
    const session = await login(server, viewer.email, viewer.password);
    const as = (path: string, method = 'GET', body?: unknown) => call(server, path, { method, body, session, workspace: tenant.slug });
    const popup = (await api('/api/v1/popups', 'POST', { name: 'Read only', form_id: formId })).json;
    expect((await as('/api/v1/popups')).status).toBe(200);
    expect((await as(`/api/v1/popups/${popup.id}/analytics`)).status).toBe(200);
    expect((await as('/api/v1/popups', 'POST', { name: 'No' })).status).toBe(403);
    expect((await as(`/api/v1/popups/${popup.id}`, 'PATCH', { name: 'No', revision: 1 })).status).toBe(403);
    expect((await as(`/api/v1/popups/${popup.id}/activate`, 'POST')).status).toBe(403);
    const snippet = (await api('/api/v1/popups/snippet')).json.snippet;
    expect(snippet).toBe(`<script src="${server.url}/f.js" data-workspace="${tenant.workspaceId}" async></script>`);
  });
});

describe('what f.js reads and tells', () => {
  it('lists the active pop-ups of live forms only, to any origin, leaving known visitors out where asked', async () => {
    const shown = (await api('/api/v1/popups', 'POST', { name: 'Shown', form_id: formId, settings: { ...DEFAULT_POPUP_SETTINGS, targeting: { ...DEFAULT_POPUP_SETTINGS.targeting, hide_from_known: true } } })).json;
    const toAll = (await api('/api/v1/popups', 'POST', { name: 'To all', form_id: formId, settings: { ...DEFAULT_POPUP_SETTINGS, targeting: { ...DEFAULT_POPUP_SETTINGS.targeting, hide_from_known: false } } })).json;
    await api('/api/v1/popups', 'POST', { name: 'Draft', form_id: formId });
    for (const p of [shown, toAll]) expect((await api(`/api/v1/popups/${p.id}/activate`, 'POST')).status).toBe(200);
    const anyone = await call(server, `/public/workspaces/${tenant.workspaceId}/popups`, { headers: { origin: 'https://blog.example' } });
    expect(anyone.headers.get('access-control-allow-origin')).toBe('*');
    expect(anyone.headers.get('cache-control')).toBe('private, no-store');
    const ids = anyone.json.popups.map((p: { id: string }) => p.id);
    expect(ids).toEqual(expect.arrayContaining([shown.id, toAll.id]));
    const entry = anyone.json.popups.find((p: { id: string }) => p.id === shown.id);
    expect(Object.keys(entry).sort()).toEqual(['form_id', 'frequency', 'heading', 'id', 'layout', 'targeting', 'text', 'trigger']);
    expect(entry.targeting).not.toHaveProperty('hide_from_known');
    expect(JSON.stringify(anyone.json)).not.toContain('"name"');

    // Once the visitor is a contact, the pop-up that hides from known contacts is left out.
    const visitor = randomUuid();
    expect((await publicList(tenant.workspaceId, visitor)).json.popups.map((p: { id: string }) => p.id)).toContain(shown.id);
    const sent = await call(server, `/public/forms/${formId}/submit`, { method: 'POST', body: { email: 'known@popups.example', consent_email: true, _vid: visitor, _sid: `known-${visitor}` } });
    expect(sent.status, sent.text).toBe(201);
    const afterwards = (await publicList(tenant.workspaceId, visitor)).json.popups.map((p: { id: string }) => p.id);
    expect(afterwards).not.toContain(shown.id);
    expect(afterwards).toContain(toAll.id);
    // Unknown and malformed visitors, unknown and malformed workspaces: the same shape, nothing told.
    expect((await publicList(tenant.workspaceId, 'not-a-visitor')).json.popups.map((p: { id: string }) => p.id)).toContain(shown.id);
    expect((await publicList(randomUuid())).json).toEqual({ popups: [] });
    expect((await publicList("' or 1=1 --")).json).toEqual({ popups: [] });
    expect((await publicList(other.workspaceId)).json).toEqual({ popups: [] });
    // A form taken off the sites takes its pop-ups with it.
    const second = await liveForm(tenant);
    const onSecond = (await api('/api/v1/popups', 'POST', { name: 'On second', form_id: second })).json;
    await api(`/api/v1/popups/${onSecond.id}/activate`, 'POST');
    expect((await publicList(tenant.workspaceId)).json.popups.map((p: { id: string }) => p.id)).toContain(onSecond.id);
    await api(`/api/v1/forms/${second}/unpublish`, 'POST');
    expect((await publicList(tenant.workspaceId)).json.popups.map((p: { id: string }) => p.id)).not.toContain(onSecond.id);
    expect((await api(`/api/v1/popups/${onSecond.id}`)).json.notices).toEqual([{ field: 'form_id', message: 'names a form that is not published: the pop-up is not shown' }]);
  });

  it('counts impressions, closes and submissions by day and UTM source; a forged source of another workspace counts nowhere', async () => {
    const popup = (await api('/api/v1/popups', 'POST', { name: 'Counted', form_id: formId })).json;
    await api(`/api/v1/popups/${popup.id}/activate`, 'POST');
    for (const fields of [{ e: 'impression', utm_source: 'Newsletter' }, { e: 'impression', utm_source: 'newsletter' }, { e: 'impression' }, { e: 'close' }]) {
      const sent = await beacon(popup.id, fields);
      expect(sent.status).toBe(204);
      expect(sent.headers.get('access-control-allow-origin')).toBe('*');
    }
    expect((await beacon(popup.id, { e: 'impression' }, { 'user-agent': 'Mozilla/5.0 HeadlessChrome/150.0' })).status).toBe(204);
    const submit = (email: string, src: string, utm?: string) => call(server, `/public/forms/${formId}/submit`, { method: 'POST', body: { email, consent_email: true, _src: src, _sid: `src-${email}`, ...(utm ? { _utm_source: utm } : {}) } });
    expect((await submit('popup-lead@popups.example', `popup:${popup.id}`, 'newsletter')).status).toBe(201);
    // Another workspace's form claiming this pop-up adds nothing to it.
    const theirs = await liveForm(other);
    expect((await call(server, `/public/forms/${theirs}/submit`, { method: 'POST', body: { email: 'forger@popups.example', consent_email: true, _src: `popup:${popup.id}`, _sid: 'forged-1' } })).status).toBe(201);
    await new EventDispatcher(server.database, [submissionStats]).drain();
    const figures = (await api(`/api/v1/popups/${popup.id}/analytics`)).json;
    expect(figures.totals).toEqual({ impressions: 3, closes: 1, submissions: 1, conversion_rate: 0.333 });
    expect(figures.by_day).toHaveLength(1);
    expect(figures.by_source).toEqual(expect.arrayContaining([
      { utm_source: 'newsletter', impressions: 2, closes: 0, submissions: 1, conversion_rate: 0.5 },
      { utm_source: null, impressions: 1, closes: 1, submissions: 0, conversion_rate: 0 },
    ]));
    expect((await api('/api/v1/popups')).json.data.find((p: { id: string }) => p.id === popup.id).last_30_days).toEqual(figures.totals);
    const otherStats = await server.database.db.selectFrom('popup_stats_daily').selectAll().where('workspace_id', '=', other.workspaceId).execute();
    expect(otherStats).toEqual([]);
  });

  it('answers bad beacons with problems, unknown pop-ups with 404, and never a 500', async () => {
    const popup = (await api('/api/v1/popups', 'POST', { name: 'Beacons', form_id: formId })).json;
    expect((await beacon(popup.id, { e: 'click' })).status).toBe(400);
    expect((await beacon(randomUuid(), { e: 'impression' })).status).toBe(404);
    expect((await beacon('../../etc/passwd', { e: 'impression' })).status).toBe(404);
    for (const body of ['{"e":', 'e=impression&'.repeat(400), '\u0000', '%%%']) {
      const sent = await fetch(`${server.url}/public/popups/${popup.id}/events`, { method: 'POST', body, headers: { 'content-type': 'application/x-www-form-urlencoded' } });
      expect(sent.status, body.slice(0, 20)).toBeGreaterThanOrEqual(400);
      expect(sent.status, body.slice(0, 20)).toBeLessThan(500);
    }
    const json = await fetch(`${server.url}/public/popups/${popup.id}/events`, { method: 'POST', body: '{"e":"close","utm_source":{"$gt":1}}', headers: { 'content-type': 'application/json' } });
    expect(json.status).toBe(204);
    const periods = await api(`/api/v1/popups/${popup.id}/analytics?from=2026-02-30`);
    expect([periods.status, periods.json.errors?.[0]?.field]).toEqual([400, 'from']);
  });
});
