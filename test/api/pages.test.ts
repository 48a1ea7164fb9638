import fs from 'node:fs';
import http from 'node:http';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { escapeHtml } from '../../src/modules/capture/render/html.js';
import { publishScheduledHandler } from '../../src/modules/capture/pages/jobs.js';
import { pdfFile } from '../helpers/sample-files.js';
import { call, createTenant, startTestServer, type Tenant, type TestServer } from '../helpers/server.js';

const hostile = JSON.parse(fs.readFileSync(new URL('../../../shared/fixtures/hostile-inputs.json', import.meta.url), 'utf8')) as Record<string, unknown>;
const strings = Object.entries(hostile)
  .filter(([category, values]) => Array.isArray(values) && !['wrong_types_json', 'malformed_bodies', 'prototype_pollution_json'].includes(category))
  .flatMap(([, values]) => values as string[])
  .filter((s) => s.length > 0 && s.length <= 200);

let server: TestServer;
let tenant: Tenant;
let other: Tenant;
let formId: string;

beforeAll(async () => {
  server = await startTestServer();
  tenant = await createTenant(server, 'pages');
  other = await createTenant(server, 'pages-other');
  const form = (await api('/api/v1/forms', 'POST', { template: 'ebook', name: 'Guide form' })).json;
  formId = form.id;
  expect((await api(`/api/v1/forms/${formId}/publish`, 'POST')).status).toBe(201);
});
afterAll(() => server.close());

function api(path: string, method = 'GET', body?: unknown, who: Tenant = tenant) {
  return call(server, path, { method, apiKey: who.apiKey, body });
}
/** A GET with another Host header (fetch will not send one of its own choosing). */
function withHost(path: string, host: string): Promise<{ status: number; text: string }> {
  return new Promise((resolve, reject) => {
    const request = http.get(`${server.url}${path}`, { headers: { host } }, (response) => {
      let text = '';
      response.setEncoding('utf8').on('data', (chunk: string) => (text += chunk)).on('end', () => resolve({ status: response.statusCode!, text }));
    });
    request.on('error', reject);
  });
}
const seo = (title = 'A page') => ({ title, description: 'About it', noindex: false });
const definition = (blocks: unknown[], extra: Record<string, unknown> = {}) => ({ seo: seo(), theme: {}, blocks, ...extra });
const hero = { type: 'hero', headline: 'Hello' };
let slugs = 0;
const nextSlug = () => `page-${++slugs}`;

async function publishedPage(blocks: unknown[], slug = nextSlug()) {
  const page = (await api('/api/v1/pages', 'POST', { slug, definition: definition(blocks) })).json;
  const published = await api(`/api/v1/pages/${page.id}/publish`, 'POST');
  expect(published.status, published.text).toBe(201);
  return { ...page, slug };
}

describe('pages', () => {
  it('serves every template, each landing page with its thank-you page, and publishes each with a form', async () => {
    const templates = (await api('/api/v1/page-templates')).json.data as Array<{ id: string; kind: string; thank_you: string | null }>;
    expect(templates.filter((t) => t.kind === 'landing').map((t) => t.id)).toEqual(['ebook', 'webinar', 'newsletter', 'free-trial', 'contact-sales', 'event']);
    for (const t of templates.filter((t) => t.kind === 'landing')) expect(templates.find((x) => x.id === t.thank_you)?.kind).toBe('thank_you');
    for (const t of templates) {
      const page = await api('/api/v1/pages', 'POST', { template: t.id, slug: `tpl-${t.id}`, form_id: formId });
      expect(page.status, page.text).toBe(201);
      expect((await api(`/api/v1/pages/${page.json.id}/publish`, 'POST')).status).toBe(201);
      const served = await call(server, `/p/tpl-${t.id}`);
      expect(served.status).toBe(200);
      if (t.kind === 'landing') expect(served.text).toContain(`data-inflow-form-id="${formId}"`);
      else expect(served.text).toContain('<meta name="robots" content="noindex, nofollow">');
    }
  });

  it('refuses javascript: links at save, naming the block, and keeps nothing', async () => {
    const bad = await api('/api/v1/pages', 'POST', { slug: nextSlug(), definition: definition([hero, { type: 'cta', button: { label: 'Go', url: 'javascript:alert(1)' } }, { type: 'footer', links: [{ label: 'x', url: ' JaVaScRiPt:alert(1)' }] }]) });
    expect(bad.status).toBe(400);
    expect(bad.json.errors).toEqual([
      { field: 'definition.blocks.1.button.url', message: 'must be an http(s), mailto: or tel: link, a /path or an #anchor' },
      { field: 'definition.blocks.2.links.0.url', message: 'must be an http(s), mailto: or tel: link, a /path or an #anchor' },
    ]);
    const page = (await api('/api/v1/pages', 'POST', { slug: nextSlug(), definition: definition([hero]) })).json;
    const nested = await api(`/api/v1/pages/${page.id}`, 'PATCH', {
      draft_revision: 1,
      draft: definition([{ type: 'columns', columns: [[{ type: 'rich_text', content: [{ type: 'p', children: [{ text: 'x', href: 'data:text/html,<script>alert(1)</script>' }] }] }], [{ type: 'video', url: 'https://evil.example/v', title: 'v' }]] }]),
    });
    expect(nested.json.errors).toEqual([
      { field: 'draft.blocks.0.columns.0.0.content.0.children.0.href', message: 'must be an http(s), mailto: or tel: link, a /path or an #anchor' },
      { field: 'draft.blocks.0.columns.1.0.url', message: 'must be a YouTube or Vimeo video address' },
    ]);
    // Columns in columns are not a block a column holds.
    expect((await api(`/api/v1/pages/${page.id}`, 'PATCH', { draft_revision: 1, draft: definition([{ type: 'columns', columns: [[{ type: 'columns', columns: [[], []] }], []] }]) })).status).toBe(400);
  });

  it('refuses to publish missing alt texts, headings out of order, a poor contrast and an unchosen form, each by its path', async () => {
    const page = (await api('/api/v1/pages', 'POST', {
      slug: nextSlug(),
      definition: definition([
        { type: 'hero', headline: 'Hi', image: { url: 'https://img.example/a.png', alt: ' ' } },
        { type: 'rich_text', content: [{ type: 'h4', children: [{ text: 'Too deep' }] }] },
        { type: 'image', image: { url: '/x.png', alt: '', decorative: true } },
        { type: 'form', form_id: null },
      ], { theme: { colors: { text: '#aaaaaa' } } }),
    })).json;
    const refused = await api(`/api/v1/pages/${page.id}/publish`, 'POST');
    expect(refused.status).toBe(400);
    expect(refused.json.errors).toEqual([
      { field: 'draft.blocks.0.image.alt', message: 'is required to publish: say what the image shows (or mark it decorative)' },
      { field: 'draft.blocks.3.form_id', message: 'choose the form this block shows' },
      { field: 'draft.blocks.1.content.0', message: 'is an h4 after an h1: headings go down one level at a time' },
      { field: 'draft.theme.colors.text', message: 'text on the background has a contrast of 2.32:1; WCAG AA asks for at least 4.5:1' },
      { field: 'draft.theme.colors.text', message: 'text on the surface colour has a contrast of 2.13:1; WCAG AA asks for at least 4.5:1' },
    ]);
    expect((await call(server, `/p/${page.slug}`)).status).toBe(404);
  });

  it('edits the draft at its revision (409 when stale), publishes immutable versions, restores and unpublishes', async () => {
    const slug = nextSlug();
    const page = (await api('/api/v1/pages', 'POST', { slug, name: 'Launch', definition: definition([{ type: 'hero', headline: 'Version one' }]) })).json;
    expect(page).toMatchObject({ kind: 'landing', status: 'draft', draft_revision: 1, live_version: null, host: '', notices: [] });
    expect((await call(server, `/p/${slug}`)).status).toBe(404);
    expect((await api(`/api/v1/pages/${page.id}/publish`, 'POST')).json).toEqual({ version: 1, published_at: expect.any(String) });
    const first = await call(server, `/p/${slug}`);
    expect(first.status).toBe(200);
    expect(first.text).toContain('<h1 class="pg-h1">Version one</h1>');
    const etag = first.headers.get('etag')!;
    expect([first.headers.get('cache-control'), first.headers.get('content-type')]).toEqual(['public, no-cache', 'text/html; charset=utf-8']);
    expect(first.headers.get('content-security-policy')).toMatch(/^default-src 'none'; script-src 'self'; connect-src 'self'; style-src 'self' 'sha256-[A-Za-z0-9+/=]+'/);
    expect((await call(server, `/p/${slug}`, { headers: { 'if-none-match': etag } })).status).toBe(304);
    const head = await fetch(`${server.url}/p/${slug}`, { method: 'HEAD' });
    expect([head.status, head.headers.get('etag')]).toEqual([200, etag]);

    const edited = await api(`/api/v1/pages/${page.id}`, 'PATCH', { draft_revision: 1, draft: definition([{ type: 'hero', headline: 'Version two' }]) });
    expect(edited.json.draft_revision).toBe(2);
    expect((await api(`/api/v1/pages/${page.id}`, 'PATCH', { draft_revision: 1, draft: definition([hero]) })).status).toBe(409);
    // The draft is not what visitors see until it is published; then the very next request shows it.
    expect((await call(server, `/p/${slug}`)).text).toContain('Version one');
    expect((await api(`/api/v1/pages/${page.id}/publish`, 'POST')).json.version).toBe(2);
    const second = await call(server, `/p/${slug}`);
    expect(second.text).toContain('Version two');
    expect(second.headers.get('etag')).not.toBe(etag);
    expect((await call(server, `/p/${slug}`, { headers: { 'if-none-match': etag } })).status).toBe(200);
    await expect(sql`update page_versions set definition = '{}' where page_id = ${page.id}`.execute(server.database.db)).rejects.toThrow(/immutable/);

    expect((await api(`/api/v1/pages/${page.id}/versions`)).json.data.map((v: { version: number }) => v.version)).toEqual([2, 1]);
    const restored = await api(`/api/v1/pages/${page.id}/versions/1/restore`, 'POST');
    expect([restored.json.draft_revision, restored.json.draft.blocks[0].headline, restored.json.live_version]).toEqual([3, 'Version one', 2]);
    expect((await api(`/api/v1/pages/${page.id}/versions/9/restore`, 'POST')).status).toBe(404);
    expect((await api(`/api/v1/pages/${page.id}/publish`, 'POST')).json.version).toBe(3);
    expect((await call(server, `/p/${slug}`)).text).toContain('Version one');

    expect((await api(`/api/v1/pages/${page.id}/unpublish`, 'POST')).json.status).toBe('unpublished');
    const gone = await call(server, `/p/${slug}`);
    const unknown = await call(server, '/p/never-was-a-page');
    expect([gone.status, gone.json.detail]).toEqual([404, unknown.json.detail]);
    expect((await api(`/api/v1/pages/${page.id}/unpublish`, 'POST')).status).toBe(409);
  });

  it('publishes by itself at the scheduled time, and not when the schedule moved', async () => {
    const slug = nextSlug();
    const page = (await api('/api/v1/pages', 'POST', { slug, definition: definition([{ type: 'hero', headline: 'Scheduled' }]) })).json;
    expect((await api(`/api/v1/pages/${page.id}/schedule`, 'PUT', { publish_at: '2001-01-01T00:00:00Z' })).status).toBe(400);
    const at = new Date(Date.now() + 3_600_000).toISOString();
    expect((await api(`/api/v1/pages/${page.id}/schedule`, 'PUT', { publish_at: at })).json.publish_at).toBe(at);
    const jobs = await server.database.db.selectFrom('jobs').selectAll().where('kind', '=', 'capture.page_publish').where('workspace_id', '=', tenant.workspaceId).execute();
    const job = jobs.find((j) => (j.payload as { page_id: string }).page_id === page.id)!;
    expect(job.run_at.toISOString()).toBe(at);
    const ctx = { db: server.database.db } as Parameters<typeof publishScheduledHandler>[1];
    // Cancelled: the job finds no schedule and does nothing.
    await api(`/api/v1/pages/${page.id}/schedule`, 'PUT', { publish_at: null });
    await publishScheduledHandler(job, ctx);
    expect((await api(`/api/v1/pages/${page.id}`)).json.status).toBe('draft');
    await api(`/api/v1/pages/${page.id}/schedule`, 'PUT', { publish_at: at });
    await publishScheduledHandler(job, ctx);
    expect((await api(`/api/v1/pages/${page.id}`)).json).toMatchObject({ status: 'live', live_version: 1, publish_at: null });
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect((await call(server, `/p/${slug}`)).text).toContain('Scheduled');
  });

  it('keeps slugs unique per host across workspaces, refuses reserved and malformed ones, and answers a custom host first', async () => {
    await publishedPage([{ type: 'hero', headline: 'Main host' }], 'spring-sale');
    const taken = await api('/api/v1/pages', 'POST', { slug: 'spring-sale', definition: definition([hero]) }, other);
    expect([taken.status, taken.json.detail, taken.json.errors]).toEqual([409, 'Another page already answers at the main host/p/spring-sale', [{ field: 'slug', message: 'is taken on this host: choose another, or another host' }]]);
    for (const slug of ['api', 'Spring', '-x', 'a_b', '../etc', 'sitemap', ...strings.filter((s) => !/^[a-z0-9-]+$/.test(s)).slice(0, 40)]) expect((await api('/api/v1/pages', 'POST', { slug, definition: definition([hero]) })).status, slug).toBe(400);
    expect((await api('/api/v1/pages', 'POST', { slug: 'x', host: 'https://go.example.com', definition: definition([hero]) })).json.errors).toEqual([{ field: 'host', message: expect.stringContaining('must be a host name') }]);
    const custom = (await api('/api/v1/pages', 'POST', { slug: 'spring-sale', host: 'go.other.example', definition: definition([{ type: 'hero', headline: 'Custom host' }]) }, other)).json;
    expect((await api(`/api/v1/pages/${custom.id}/publish`, 'POST', undefined, other)).status).toBe(201);
    expect((await call(server, '/p/spring-sale')).text).toContain('Main host');
    const onCustom = await withHost('/p/spring-sale', 'go.other.example');
    expect(onCustom.text).toContain('Custom host');
    expect(onCustom.text).toContain('<link rel="canonical" href="http://go.other.example/p/spring-sale">');
    // Moving a page onto a taken address is the same 409.
    const mover = (await api('/api/v1/pages', 'POST', { slug: nextSlug(), definition: definition([hero]) })).json;
    expect((await api(`/api/v1/pages/${mover.id}`, 'PATCH', { slug: 'spring-sale' })).status).toBe(409);
  });

  it('renders every hostile string as text, in every block', async () => {
    for (const [i, s] of strings.entries()) {
      const text = s.trim() === '' ? 'x' : s;
      const page = await api('/api/v1/pages', 'POST', {
        slug: `hostile-${i}`,
        name: text,
        definition: {
          seo: { title: text, description: text, noindex: false, image: { url: '/og.png', alt: text } },
          theme: {},
          blocks: [
            { type: 'hero', headline: text, subheadline: text, image: { url: '/a.png', alt: text }, button: { label: text, url: '/go' } },
            { type: 'rich_text', content: [{ type: 'h2', children: [{ text }] }, { type: 'p', children: [{ text, bold: true, href: 'https://example.com/?q=<x>' }] }, { type: 'ul', items: [[{ text }]] }] },
            { type: 'bullets', heading: text, items: [{ icon: 'check', text }] },
            { type: 'image', image: { url: '/b.png', alt: text }, caption: text },
            { type: 'video', url: 'https://youtu.be/dQw4w9WgXcQ', title: text },
            { type: 'testimonial', quote: text, name: text, role: text, photo: { url: '/c.png', alt: text } },
            { type: 'logos', heading: text, logos: [{ image: { url: '/d.png', alt: text }, url: 'https://example.com' }] },
            { type: 'cta', heading: text, text, button: { label: text, url: 'mailto:a@example.com' } },
            { type: 'faq', heading: text, items: [{ question: text, answer: text }] },
            { type: 'countdown', heading: text, to: '2030-01-01T00:00:00Z', ended_text: text },
            { type: 'footer', text, links: [{ label: text, url: 'tel:+15551234' }] },
          ],
        },
      });
      if (page.status !== 201) {
        expect(page.status, `${JSON.stringify(s)}: ${page.text}`).toBe(400);
        continue;
      }
      const published = await api(`/api/v1/pages/${page.json.id}/publish`, 'POST');
      expect(published.status, `${JSON.stringify(s)}: ${published.text}`).toBe(201);
      const served = await call(server, `/p/hostile-${i}`);
      expect(served.status).toBe(200);
      if (/[<>&"']/.test(text)) expect(served.text, JSON.stringify(s)).toContain(escapeHtml(text));
      expect(served.text).not.toMatch(/<script(?! src="\/f\.js")|onerror=|javascript:/i);
    }
  });

  it('shows a draft by a signed link; a tampered or foreign token is the same 404', async () => {
    const page = (await api('/api/v1/pages', 'POST', { slug: nextSlug(), definition: definition([{ type: 'hero', headline: 'Secret draft' }]) })).json;
    const link = await api(`/api/v1/pages/${page.id}/preview-link`, 'POST');
    expect(link.status).toBe(201);
    const preview = await call(server, link.json.path);
    expect([preview.status, preview.headers.get('cache-control'), preview.headers.get('x-robots-tag')]).toEqual([200, 'private, no-store', 'noindex']);
    expect(preview.text).toContain('Secret draft');
    const token: string = link.json.path.split('?t=')[1];
    const [body, mac] = token.split('.') as [string, string];
    const unknown = await call(server, '/p/preview?t=nothing');
    const flipped = `${body}.${mac.slice(0, -1)}${mac.endsWith('A') ? 'B' : 'A'}`;
    // The same claims signed for another workspace's page do not open it either.
    const claims = JSON.parse(Buffer.from(body, 'base64url').toString());
    claims.c.w = other.workspaceId;
    const foreign = `${Buffer.from(JSON.stringify(claims)).toString('base64url')}.${mac}`;
    for (const bad of [flipped, foreign, `${body}.`, 'x'.repeat(3000), '']) {
      const answer = await call(server, `/p/preview?t=${bad}`);
      expect([answer.status, answer.json.detail]).toEqual([404, unknown.json.detail]);
    }
  });

  it('lists published, indexable landing pages in the sitemap', async () => {
    const listed = await publishedPage([hero], 'in-the-sitemap');
    const hidden = (await api('/api/v1/pages', 'POST', { slug: 'not-in-the-sitemap', definition: definition([hero], { seo: { ...seo(), noindex: true } }) })).json;
    await api(`/api/v1/pages/${hidden.id}/publish`, 'POST');
    await api('/api/v1/pages', 'POST', { slug: 'draft-not-in-the-sitemap', definition: definition([hero]) });
    const sitemap = await call(server, '/p/sitemap.xml');
    expect(sitemap.headers.get('content-type')).toBe('application/xml; charset=utf-8');
    expect(sitemap.text).toContain(`/p/${listed.slug}</loc>`);
    expect(sitemap.text).not.toContain('not-in-the-sitemap');
    expect(sitemap.text).not.toContain('tpl-ebook-thank-you');
    expect((await call(server, '/p/not-in-the-sitemap')).text).toContain('<meta name="robots" content="noindex, nofollow">');
  });

  it('has its forms say which page they were on (`_src`), for the page’s figures; a post that claims nothing or garbage says nothing', async () => {
    const form = (await api('/api/v1/forms', 'POST', { template: 'newsletter', name: 'On a page' })).json;
    await api(`/api/v1/forms/${form.id}/publish`, 'POST');
    const page = await publishedPage([hero, { type: 'form', heading: 'Sign up', form_id: form.id }]);
    const served = (await call(server, `/p/${page.slug}`)).text;
    expect(served).toContain(`data-inflow-source="page:${page.id}"`);
    expect(served).toContain(`<input type="hidden" name="_src" value="page:${page.id}">`);
    const preview = (await api(`/api/v1/pages/${page.id}/preview-link`, 'POST')).json;
    expect((await call(server, preview.path)).text).not.toContain('_src');
    const sourceOf = async (claim: string | undefined, email: string) => {
      const posted = await call(server, `/public/forms/${form.id}/submit`, { method: 'POST', body: { email, consent_email: 'on', _sid: `src-${email}`, ...(claim === undefined ? {} : { _src: claim }) } });
      expect(posted.status, JSON.stringify(posted.json)).toBe(201);
      const event = await server.database.db.selectFrom('domain_events').select('payload').where('workspace_id', '=', tenant.workspaceId).where('kind', '=', 'form.submitted').orderBy('id', 'desc').executeTakeFirstOrThrow();
      return (event.payload as { source: unknown }).source;
    };
    expect(await sourceOf(`page:${page.id}`, 'src-page@example.com')).toEqual({ kind: 'page', id: page.id });
    expect(await sourceOf(`popup:${page.id.toUpperCase()}`, 'src-popup@example.com')).toEqual({ kind: 'popup', id: page.id });
    for (const [i, bad] of ['page:nope', `form:${page.id}`, `page:${page.id}0`, '<script>', ''].entries()) expect(await sourceOf(bad, `src-bad-${i}@example.com`), bad).toBeNull();
    expect(await sourceOf(undefined, 'src-none@example.com')).toBeNull();
  });

  it('renders a page whose form is gone without the form, and tells the editor', async () => {
    const form = (await api('/api/v1/forms', 'POST', { template: 'newsletter', name: 'Soon gone' })).json;
    await api(`/api/v1/forms/${form.id}/publish`, 'POST');
    const page = await publishedPage([hero, { type: 'form', heading: 'Sign up', form_id: form.id }]);
    expect((await call(server, `/p/${page.slug}`)).text).toContain(`data-inflow-form-id="${form.id}"`);
    expect((await api(`/api/v1/forms/${form.id}`, 'DELETE')).status).toBe(204);
    const served = await call(server, `/p/${page.slug}`);
    expect(served.status).toBe(200);
    expect(served.text).not.toContain('data-inflow-form-id');
    expect(served.text).not.toContain('Sign up');
    expect((await api(`/api/v1/pages/${page.id}`)).json.notices).toEqual([{ field: 'draft.blocks.1.form_id', message: 'names an archived form: the page shows no form here' }]);
    expect((await api(`/api/v1/pages/${page.id}/publish`, 'POST')).json.errors).toEqual([{ field: 'draft.blocks.1.form_id', message: 'names an archived form' }]);
  });

  it('applies the workspace theme with the page’s overrides, and refuses a theme that fails contrast at publish', async () => {
    const page = await publishedPage([hero]);
    const theme = (await api('/api/v1/page-theme')).json;
    expect(theme.colors.primary).toBe('#2456d3');
    const changed = await api('/api/v1/page-theme', 'PUT', { ...theme, colors: { ...theme.colors, primary: '#0b6e4f' }, font: 'serif', logo_url: 'https://cdn.example/logo.svg' });
    expect(changed.status).toBe(200);
    const served = (await call(server, `/p/${page.slug}`)).text;
    expect(served).toContain('--primary:#0b6e4f');
    expect(served).toContain('<img src="https://cdn.example/logo.svg"');
    expect((await api('/api/v1/page-theme', 'PUT', { ...theme, logo_url: 'javascript:alert(1)' })).json.errors).toEqual([{ field: 'logo_url', message: 'must be an http(s) address or a /path' }]);
    await api('/api/v1/page-theme', 'PUT', { ...theme, colors: { ...theme.colors, primary_text: '#3366dd' } });
    const blocked = await api(`/api/v1/pages/${page.id}/publish`, 'POST');
    expect(blocked.json.errors).toEqual([{ field: 'draft.theme.colors.primary_text', message: expect.stringMatching(/^button text on the primary colour has a contrast of 1\.\d\d:1/) }]);
    await api('/api/v1/page-theme', 'PUT', theme);
  });
});

describe('thank-you pages after a form', () => {
  async function thankYouSetup(slug: string) {
    const page = (await api('/api/v1/pages', 'POST', { template: 'ebook-thank-you', slug })).json;
    await api(`/api/v1/pages/${page.id}/publish`, 'POST');
    const form = (await api('/api/v1/forms', 'POST', { template: 'newsletter', name: `Form to ${slug}` })).json;
    const draft = structuredClone(form.draft);
    draft.fields.unshift({ key: 'first_name', kind: 'text', label: 'First name', required: false, max_length: 200, format: 'plain', maps_to: { to: 'standard', field: 'first_name' } });
    draft.settings.after_submit = { type: 'landing_page', page_id: page.id };
    draft.settings.spam.min_fill_seconds = 0;
    expect((await api(`/api/v1/forms/${form.id}`, 'PATCH', { draft, draft_revision: 1 })).status).toBe(200);
    expect((await api(`/api/v1/forms/${form.id}/publish`, 'POST')).status).toBe(201);
    return { page, form };
  }

  it('refuses to publish a form whose thank-you page is not a page of the workspace', async () => {
    const theirs = (await api('/api/v1/pages', 'POST', { template: 'ebook-thank-you', slug: 'thanks-of-another' }, other)).json;
    const form = (await api('/api/v1/forms', 'POST', { template: 'newsletter', name: 'Form to nowhere' })).json;
    for (const pageId of [theirs.id, '01a248cb-1d5d-7cf5-aa1f-710ba02fb8e3']) {
      const current = (await api(`/api/v1/forms/${form.id}`)).json;
      const draft = { ...current.draft, settings: { ...current.draft.settings, after_submit: { type: 'landing_page', page_id: pageId } } };
      expect((await api(`/api/v1/forms/${form.id}`, 'PATCH', { draft, draft_revision: current.draft_revision })).status).toBe(200);
      const refused = await api(`/api/v1/forms/${form.id}/publish`, 'POST');
      expect(refused.status).toBe(400);
      expect(refused.json.errors).toEqual([{ field: 'draft.settings.after_submit.page_id', message: 'is not a page of this workspace' }]);
    }
  });

  it('sends the submitter to the thank-you page, which greets them by their first name, escaped and never cached', async () => {
    const { form } = await thankYouSetup('thanks-greeting');
    const generic = await call(server, '/p/thanks-greeting');
    expect(generic.text).toContain('<h1 class="pg-h1">Thanks, and welcome!</h1>');
    expect(generic.text).not.toContain('first_name');
    const name = '<img src=x onerror=alert(1)>Ana';
    const submitted = await call(server, `/public/forms/${form.id}/submit`, { method: 'POST', body: { first_name: name, email: 'ana@thanks.example', consent_email: true } });
    expect(submitted.status, submitted.text).toBe(201);
    const url = new URL(submitted.json.after_submit.url);
    expect([submitted.json.after_submit.type, url.origin, url.pathname]).toEqual(['redirect', server.url, '/p/thanks-greeting']);
    const greeted = await call(server, `${url.pathname}${url.search}`);
    expect(greeted.text).toContain(`<h1 class="pg-h1">Thanks, ${escapeHtml(name)}!</h1>`);
    expect(greeted.text).not.toContain('<img src=x');
    expect([greeted.headers.get('cache-control'), greeted.headers.get('etag')]).toEqual(['private, no-store', null]);
    // A tampered token, or one for another page, is just the page as everyone sees it.
    const tampered = await call(server, `${url.pathname}${url.search.slice(0, -2)}xx`);
    expect(tampered.text).toContain('Thanks, and welcome!');
    expect(tampered.headers.get('cache-control')).toBe('public, no-cache');
    expect((await call(server, `/p/tpl-ebook-thank-you${url.search}`)).text).toContain('Thanks, and welcome!');
  });

  it('hands the submitter the download of the asset the form offers, signed for them; everyone else reads the block’s unavailable text', async () => {
    const upload = async (name: string) => {
      const uploaded = await fetch(`${server.url}/api/v1/assets?name=${encodeURIComponent(name)}&file_name=guide.pdf`, { method: 'POST', headers: { authorization: `Bearer ${tenant.apiKey}` }, body: pdfFile() });
      expect(uploaded.status).toBe(201);
      return (await uploaded.json()) as { id: string; name: string };
    };
    const guide = await upload('The <b>guide</b>');
    const { page, form } = await thankYouSetup('thanks-download');
    const current = (await api(`/api/v1/forms/${form.id}`)).json;
    const draft = { ...current.draft, settings: { ...current.draft.settings, asset_id: guide.id } };
    expect((await api(`/api/v1/forms/${form.id}`, 'PATCH', { draft, draft_revision: current.draft_revision })).status).toBe(200);
    expect((await api(`/api/v1/forms/${form.id}/publish`, 'POST')).status).toBe(201);

    const generic = await call(server, `/p/${page.slug}`);
    expect(generic.text).toContain('The download link is in the email we sent you.');
    expect(generic.text).not.toContain('/d/');
    const submitted = await call(server, `/public/forms/${form.id}/submit`, { method: 'POST', body: { first_name: 'Dina', email: 'dina@thanks.example', consent_email: true } });
    const url = new URL(submitted.json.after_submit.url);
    const thanked = await call(server, `${url.pathname}${url.search}`);
    expect(thanked.text).not.toContain('The download link is in the email we sent you.');
    expect(thanked.text).toContain('>Download the e-book</a><p class="pg-download-name">The &lt;b&gt;guide&lt;/b&gt;</p>');
    const link = /href="([^"]+\/d\/[^"]+)"/.exec(thanked.text)![1]!.replaceAll('&amp;', '&');
    expect(link.startsWith(`${server.url}/d/`)).toBe(true);
    const file = await fetch(link);
    expect([file.status, file.headers.get('content-disposition')]).toEqual([200, expect.stringContaining('attachment')]);
    await file.arrayBuffer();
    const contact = (await api('/api/v1/contacts?q=dina%40thanks.example')).json.data[0];
    const downloads = await server.database.db.selectFrom('asset_downloads').select(['asset_id', 'contact_id']).where('workspace_id', '=', tenant.workspaceId).where('contact_id', '=', contact.id).execute();
    expect(downloads).toEqual([{ asset_id: guide.id, contact_id: contact.id }]);

    // A block may name its own asset; one that is not the workspace's is a notice, and publish refuses it.
    const extra = await upload('Checklist');
    const own = (await api(`/api/v1/pages/${page.id}`)).json;
    const block = { type: 'download', label: 'Get the checklist', asset_id: extra.id, unavailable_text: 'Ask us for it.' };
    const saved = await api(`/api/v1/pages/${page.id}`, 'PATCH', { draft: { ...own.draft, blocks: [...own.draft.blocks, block] }, draft_revision: own.draft_revision });
    expect(saved.json.notices).toEqual([]);
    expect((await api(`/api/v1/pages/${page.id}/publish`, 'POST')).status).toBe(201);
    const again = await call(server, `${url.pathname}${url.search}`);
    expect(again.text).toContain('>Get the checklist</a><p class="pg-download-name">Checklist</p>');
    const missing = { ...block, asset_id: '01a248cb-1d5d-7cf5-aa1f-710ba02fb8e3' };
    const noticed = await api(`/api/v1/pages/${page.id}`, 'PATCH', { draft: { ...own.draft, blocks: [...own.draft.blocks, missing] }, draft_revision: saved.json.draft_revision });
    const at = `draft.blocks.${own.draft.blocks.length}.asset_id`;
    expect(noticed.json.notices).toEqual([{ field: at, message: 'names an asset that does not exist (deleted?): the block shows its unavailable text' }]);
    expect((await api(`/api/v1/pages/${page.id}/publish`, 'POST')).json.errors).toEqual([{ field: at, message: 'names an asset that does not exist (deleted?)' }]);
  });

  it('answers a post without JavaScript with a 303 to the thank-you page, and falls back to the form’s own when the page is not live', async () => {
    const { page, form } = await thankYouSetup('thanks-plain');
    const redirected = await fetch(`${server.url}/public/forms/${form.id}/submit`, { method: 'POST', redirect: 'manual', body: 'first_name=Bo&email=bo2%40thanks.example&consent_email=yes', headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'text/html' } });
    expect(redirected.status).toBe(303);
    const location = new URL(redirected.headers.get('location')!);
    expect(location.pathname).toBe('/p/thanks-plain');
    expect((await call(server, `${location.pathname}${location.search}`)).text).toContain('Thanks, Bo!');
    await api(`/api/v1/pages/${page.id}/unpublish`, 'POST');
    const fallback = await call(server, `/public/forms/${form.id}/submit`, { method: 'POST', body: { email: 'cy@thanks.example', consent_email: true } });
    expect(fallback.json.after_submit).toEqual({ type: 'message', message: 'Thank you!' });
  });
});
