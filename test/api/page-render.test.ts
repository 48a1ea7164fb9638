import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { escapeHtml } from '../../src/modules/capture/render/html.js';
import { addUser, call, createTenant, login, startTestServer, type Tenant, type TestServer } from '../helpers/server.js';

const hostile = JSON.parse(fs.readFileSync(new URL('../../../shared/fixtures/hostile-inputs.json', import.meta.url), 'utf8')) as Record<string, unknown>;
const strings = Object.entries(hostile)
  .filter(([category, values]) => Array.isArray(values) && !['wrong_types_json', 'malformed_bodies', 'prototype_pollution_json'].includes(category))
  .flatMap(([, values]) => values as string[])
  .filter((s) => s.trim().length > 0 && s.length <= 200);

let server: TestServer;
let tenant: Tenant;
let other: Tenant;
let pageId: string;
let formId: string;

const api = (path: string, method = 'GET', body?: unknown, who: Tenant = tenant) => call(server, path, { method, apiKey: who.apiKey, body });
const definition = (blocks: unknown[]) => ({ seo: { title: 'Draft title', description: 'About it', noindex: false }, theme: {}, blocks });

beforeAll(async () => {
  server = await startTestServer();
  tenant = await createTenant(server, 'render');
  other = await createTenant(server, 'render-other');
  formId = (await api('/api/v1/forms', 'POST', { template: 'ebook', name: 'Guide form' })).json.id;
  expect((await api(`/api/v1/forms/${formId}/publish`, 'POST')).status).toBe(201);
  pageId = (await api('/api/v1/pages', 'POST', { template: 'ebook', slug: 'render-me', form_id: formId })).json.id;
});
afterAll(() => server.close());

describe('POST /api/v1/pages/:id/render', () => {
  it('renders the posted definition, not the saved draft, with the page theme and the live form', async () => {
    const saved = (await api(`/api/v1/pages/${pageId}`)).json;
    const draft = { ...definition([{ type: 'hero', headline: 'Typed a moment ago' }, { type: 'form', form_id: formId }]), theme: { colors: { primary: '#aa3300' } } };
    const rendered = await api(`/api/v1/pages/${pageId}/render`, 'POST', { draft });
    expect(rendered.status, rendered.text).toBe(200);
    expect(rendered.json.html).toMatch(/^<!doctype html>/);
    expect(rendered.json.html).toContain('<h1');
    expect(rendered.json.html).toContain('Typed a moment ago');
    expect(rendered.json.html).toContain('--primary:#aa3300');
    expect(rendered.json.html).toContain(`data-inflow-form-id="${formId}"`);
    expect(rendered.json.html).toContain('<meta name="robots" content="noindex, nofollow">');
    // Nothing is saved by rendering.
    expect((await api(`/api/v1/pages/${pageId}`)).json.draft_revision).toBe(saved.draft_revision);
    expect((await api(`/api/v1/pages/${pageId}`)).json.draft.blocks[0].headline).toBe(saved.draft.blocks[0].headline);
  });

  it('keeps hostile strings as escaped text in every place they are shown', async () => {
    for (const s of strings) {
      const draft = {
        seo: { title: s, description: s, noindex: false },
        theme: {},
        blocks: [
          { type: 'hero', headline: s, subheadline: s, button: { label: s.slice(0, 80), url: '/x' } },
          { type: 'rich_text', content: [{ type: 'p', children: [{ text: s, bold: true }] }, { type: 'ul', items: [[{ text: s }]] }] },
          { type: 'faq', heading: s, items: [{ question: s, answer: s }] },
          { type: 'testimonial', quote: s, name: s },
          { type: 'footer', text: s, links: [{ label: s.slice(0, 100), url: '/legal' }] },
        ],
      };
      const rendered = await api(`/api/v1/pages/${pageId}/render`, 'POST', { draft });
      // NUL is refused for every text of the API (a 400 naming each field), never rendered.
      expect(rendered.status, `${s}: ${rendered.text}`).toBe(s.includes('\u0000') ? 400 : 200);
      if (rendered.status === 400) continue;
      const html = rendered.json.html as string;
      expect(html).toContain(escapeHtml(s));
      if (/[<>"&]/.test(s)) expect(html, s).not.toContain(s);
    }
  });

  it('refuses unsafe links like a save, naming the field', async () => {
    const rendered = await api(`/api/v1/pages/${pageId}/render`, 'POST', { draft: definition([{ type: 'cta', button: { label: 'Go', url: 'javascript:alert(1)' } }]) });
    expect(rendered.status).toBe(400);
    expect(rendered.headers.get('content-type')).toContain('application/problem+json');
    expect(rendered.json.errors).toEqual([{ field: 'draft.blocks.0.button.url', message: 'must be an http(s), mailto: or tel: link, a /path or an #anchor' }]);
    const malformed = await api(`/api/v1/pages/${pageId}/render`, 'POST', { draft: { blocks: 'no' } });
    expect(malformed.status).toBe(400);
  });

  it('answers 404 for another workspace’s page and for an unknown one', async () => {
    const body = { draft: definition([{ type: 'hero', headline: 'Not yours' }]) };
    expect((await api(`/api/v1/pages/${pageId}/render`, 'POST', body, other)).status).toBe(404);
    expect((await api('/api/v1/pages/00000000-0000-4000-8000-000000000000/render', 'POST', body)).status).toBe(404);
  });

  it('is for people who edit pages: a viewer gets 403', async () => {
    const viewer = await addUser(server, tenant, 'viewer');
    const session = await login(server, viewer.email, viewer.password);
    const body = { draft: definition([{ type: 'hero', headline: 'Viewer' }]) };
    const refused = await call(server, `/api/v1/pages/${pageId}/render`, { method: 'POST', session, workspace: tenant.slug, body });
    expect(refused.status).toBe(403);
    expect((await call(server, `/api/v1/pages/${pageId}`, { session, workspace: tenant.slug })).status).toBe(200);
  });
});
