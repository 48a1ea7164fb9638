import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, createTenant, startTestServer, type Tenant, type TestServer } from '../helpers/server.js';

// Issue 10, point 5: the newsletter sign-up, from the template to a subscriber on the list.
let server: TestServer;
let tenant: Tenant;

const api = (path: string, method = 'GET', body?: unknown) => call(server, path, { method, apiKey: tenant.apiKey, body });

beforeAll(async () => {
  server = await startTestServer({ config: { forms: { submitsPerIpPerMinute: 0 } } });
  tenant = await createTenant(server, 'forms-newsletter');
});
afterAll(() => server.close());

describe('the newsletter sign-up template', () => {
  it('asks one email and a consent, and makes a subscriber on the Newsletter list with the consent’s exact text', async () => {
    const form = (await api('/api/v1/forms', 'POST', { template: 'newsletter' })).json;
    const fieldKinds = form.draft.fields.map((f: { kind: string }) => f.kind);
    expect(fieldKinds).toEqual(['email', 'consent']);
    const [list] = (await api('/api/v1/lists?q=Newsletter')).json.data;
    expect(form.draft.settings.list_ids).toEqual([list.id]);
    expect((await api(`/api/v1/forms/${form.id}/publish`, 'POST')).status).toBe(201);

    const shown = (await call(server, `/public/forms/${form.id}`)).json;
    const consent = shown.fields.find((f: { kind: string }) => f.kind === 'consent');
    expect(shown.submit_label).toBe('Subscribe');

    // A person must tick the box: the consent is what the list is for.
    const unticked = await call(server, `/public/forms/${form.id}/submit`, { method: 'POST', body: { email: 'nina@acme.example', _t: 10_000 } });
    expect(unticked.status).toBe(400);
    expect(unticked.json.errors.map((e: { field: string }) => e.field)).toEqual([consent.key]);

    const ticked = await call(server, `/public/forms/${form.id}/submit`, { method: 'POST', body: { email: 'nina@acme.example', [consent.key]: true, _t: 10_000 } });
    expect(ticked.status).toBe(201);
    expect(ticked.json.after_submit).toEqual({ type: 'message', message: 'Thanks for subscribing!' });

    const [contact] = (await api('/api/v1/contacts?q=nina@acme.example')).json.data;
    expect(contact).toMatchObject({ lifecycle_stage: 'subscriber', tags: ['newsletter'], origin: 'form' });
    expect((await api(`/api/v1/contacts/${contact.id}/lists`)).json.data.map((l: { id: string }) => l.id)).toEqual([list.id]);
    const consents = (await api(`/api/v1/contacts/${contact.id}/consents`)).json.data;
    expect(consents).toEqual([expect.objectContaining({ purpose: 'email_marketing', granted: true, text_shown: consent.text })]);
    expect((await api(`/api/v1/lists/${list.id}`)).json.member_count).toBe(1);
  });
});
