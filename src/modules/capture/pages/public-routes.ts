// The public side of pages: `/p/:slug` (the live version, cached), `/p/preview?t=` (a
// draft, by a signed link), `/p/sitemap.xml` and the one stylesheet `/p.css`. Unknown, draft,
// unpublished and tampered-with all answer the same 404.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import type { QueryBuilder } from '../../../db/database.js';
import { escapeHtml } from '../render/html.js';
import { notFound } from '../../../errors.js';
import { verifyToken } from '../../../lib/signed-token.js';
import { workspaceSettings } from '../../workspaces/service.js';
import { baseUrlOf } from '../../../http/base-url.js';
import type { FormCache } from '../form-cache.js';
import type { PageDefinitionValue } from './definition.js';
import { PAGE_CSS } from './page-css.js';
import { servedPage, type PageCache, type ServedPage } from './page-cache.js';
import { pageDocument } from './page-document.js';
import { downloadSlots, personalise } from './personalise.js';
import { draftDocument, liveForms } from './draft-render.js';
import { PREVIEW_PURPOSE } from './service.js';
import { slugProblem } from './slug.js';
import { thanked } from './thank-you.js';
import { livePageAt, pageRow, sitemapPages, workspaceTheme } from './store.js';
import { resolveTheme } from './theme.js';

export interface PagePublicDeps {
  db: QueryBuilder;
  forms: FormCache;
  pages: PageCache;
  /** PUBLIC_URL: the main host's address in canonical URLs and the sitemap; else the request's. */
  publicUrl: string | null;
  /** How long a thank-you page's download link works. */
  linkTtlMs: number;
}

/** Whether the forms a cached page shows are still the live versions it was rendered with. */
export async function formsUnchanged(forms: FormCache, page: ServedPage): Promise<boolean> {
  for (const shown of page.forms) {
    const form = await forms.form(shown.id);
    const version = form && form.workspaceId === page.workspaceId && form.status === 'live' ? (form.liveVersion ?? 0) : 0;
    if (version !== shown.version) return false;
  }
  return true;
}

function originOf(request: FastifyRequest, publicUrl: string | null, routeHost: string): string {
  if (routeHost === '' && publicUrl) return publicUrl.replace(/\/+$/, '');
  return `${request.protocol}://${request.host}`;
}

function sendHtml(request: FastifyRequest, reply: FastifyReply, page: { html: Buffer | string; policy: string; etag?: string }) {
  reply
    .type('text/html; charset=utf-8')
    .header('content-security-policy', page.policy)
    .header('referrer-policy', 'strict-origin-when-cross-origin');
  if (page.etag) {
    // Revalidated on every request: a republish shows at once, and an unchanged page costs a 304.
    reply.header('etag', page.etag).header('cache-control', 'public, no-cache');
    if (request.headers['if-none-match'] === page.etag) return reply.code(304).send();
  }
  return reply.send(page.html);
}

export function pagePublicRoutes(app: FastifyInstance, deps: PagePublicDeps): void {
  const { db, forms, pages, publicUrl, linkTtlMs } = deps;

  async function renderLive(hostname: string, slug: string, request: FastifyRequest): Promise<ServedPage | null> {
    // A page assigned to this Host answers first; the main host's pages answer on any other.
    const own = await livePageAt(db, hostname, slug);
    const row = own ?? (await livePageAt(db, '', slug));
    if (!row) return null;
    const routeHost = own ? hostname : '';
    const def = row.definition as PageDefinitionValue;
    const theme = resolveTheme(await workspaceTheme(db, row.workspace_id), def.theme);
    const { byId, shown } = await liveForms(forms, row.workspace_id, def);
    const origin = originOf(request, publicUrl, routeHost);
    const doc = pageDocument({ def, theme, canonicalUrl: `${origin}/p/${slug}`, origin, forms: byId, noindex: def.seo.noindex || row.kind === 'thank_you', now: new Date(), source: `page:${row.id}`, pageId: row.id });
    return servedPage({ workspaceId: row.workspace_id, pageId: row.id, version: row.live_version!, html: doc.html, policy: doc.policy, forms: shown });
  }

  app.get('/p.css', { config: { auth: 'public' }, schema: { hide: true } }, async (_request, reply) =>
    // Its URL in pages carries its hash: kept for a year, replaced by a new URL when it changes.
    reply.type('text/css; charset=utf-8').header('cache-control', 'public, max-age=31536000, immutable').send(PAGE_CSS));

  app.get('/p/:slug', {
    config: { auth: 'public' },
    schema: { hide: true, params: Type.Object({ slug: Type.String({ maxLength: 200 }) }), querystring: Type.Object({ s: Type.Optional(Type.String({ maxLength: 2048 })) }) },
  }, async (request, reply) => {
    const { slug } = request.params as { slug: string };
    if (slugProblem(slug)) throw notFound('Page');
    const hostname = request.hostname.toLowerCase();
    const key = `${request.protocol}://${request.host}\n${slug}`;
    const page = await pages.page(key, () => renderLive(hostname, slug, request));
    if (!page) throw notFound('Page');
    // A thank-you page reached from a form greets the person: theirs alone, never cached.
    const token = (request.query as { s?: string }).s;
    if (token && page.personal) {
      const who = await thanked(db, { workspaceId: page.workspaceId, pageId: page.pageId, token, slots: downloadSlots(page.personal), linkTtlMs, origin: baseUrlOf(request, publicUrl) });
      if (who) {
        reply.header('cache-control', 'private, no-store');
        return sendHtml(request, reply, { html: personalise(page.personal, who), policy: page.policy });
      }
    }
    return sendHtml(request, reply, page);
  });

  // The token in the query string: longer than a path parameter may be.
  app.get('/p/preview', { config: { auth: 'public', rateLimit: { max: 600, timeWindow: 60_000 } }, schema: { hide: true, querystring: Type.Object({ t: Type.Optional(Type.String({ maxLength: 4096 })) }) } }, async (request, reply) => {
    const token = (request.query as { t?: string }).t ?? '';
    const claims = unverifiedClaims(token);
    const settings = claims ? await workspaceSettings(db, claims.w) : undefined;
    const checked = settings ? verifyToken<{ w: string; p: string }>(settings.secret, PREVIEW_PURPOSE, token) : null;
    // Tampered, expired, of another purpose, or of a page deleted since: the same 404.
    if (!checked?.ok || checked.claims.w !== claims!.w) throw notFound('Page');
    const page = await pageRow(db, checked.claims.w, checked.claims.p).catch(() => null);
    if (!page) throw notFound('Page');
    const doc = await draftDocument({ db, forms }, checked.claims.w, page.draft, originOf(request, publicUrl, page.host));
    reply.header('cache-control', 'private, no-store').header('x-robots-tag', 'noindex');
    return sendHtml(request, reply, doc);
  });

  app.get('/p/sitemap.xml', { config: { auth: 'public' }, schema: { hide: true } }, async (request, reply) => {
    const hostname = request.hostname.toLowerCase();
    let rows = await sitemapPages(db, hostname);
    let routeHost = hostname;
    if (rows.length === 0) {
      rows = await sitemapPages(db, '');
      routeHost = '';
    }
    const origin = originOf(request, publicUrl, routeHost);
    const urls = rows.map((row) => `<url><loc>${escapeHtml(`${origin}/p/${row.slug}`)}</loc><lastmod>${row.published_at.toISOString()}</lastmod></url>`).join('');
    return reply
      .type('application/xml; charset=utf-8')
      .header('cache-control', 'public, max-age=300')
      .send(`<?xml version="1.0" encoding="UTF-8"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">${urls}</urlset>`);
  });
}

/** The workspace a preview token names, read before its signature is checked (to pick the secret that checks it). */
function unverifiedClaims(token: string): { w: string; p: string } | null {
  try {
    const envelope = JSON.parse(Buffer.from(token.split('.')[0] ?? '', 'base64url').toString('utf8')) as { c?: { w?: unknown; p?: unknown } };
    const c = envelope?.c;
    return c && typeof c.w === 'string' && typeof c.p === 'string' && /^[0-9a-f-]{36}$/.test(c.w) ? { w: c.w, p: c.p } : null;
  } catch {
    return null;
  }
}
