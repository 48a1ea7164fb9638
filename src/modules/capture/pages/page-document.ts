// A whole page: head (SEO, canonical, Open Graph, Twitter card, favicon), the theme's one
// `<style>` (allowed by its hash), the blocks, and f.js (a served page's view beacon, a form). The policy
// travels with the markup so a cached page and its header never disagree.
import { createHash } from 'node:crypto';
import type { RenderForm } from '../render/form-view.js';
import { escapeHtml, renderHtml } from '../render/html.js';
import { blocksView } from './blocks-view.js';
import { eachBlock } from './checks.js';
import type { PageDefinitionValue, ThemeValue } from './definition.js';
import { PAGE_CSS } from './page-css.js';
import { themeCss } from './theme.js';

export const PAGE_CSS_HASH = createHash('sha256').update(PAGE_CSS).digest('base64url').slice(0, 12);
export const PAGE_CSS_PATH = `/p.css?v=${PAGE_CSS_HASH}`;

export interface PageDocumentInput {
  def: PageDefinitionValue;
  theme: ThemeValue;
  /** The page's public address, for canonical and og:url; null in a preview. */
  canonicalUrl: string | null;
  /** Absolute base for the Open Graph image when it is a /path. */
  origin: string;
  forms: ReadonlyMap<string, RenderForm>;
  noindex: boolean;
  now: Date;
  /** `page:ID` when the page is served at its address (see `BlocksContext.source`). */
  source?: string;
  /** The page's id when served at its address: f.js then counts the view (previews are not counted). */
  pageId?: string;
}

export interface PageDocument {
  html: string;
  /** The Content-Security-Policy the page is served with. */
  policy: string;
}

/** The policy of a landing page: scripts from Inflow only (f.js), styles from Inflow plus the theme's one rule, frames only from the two video players. */
export function landingPagePolicy(styleHash: string): string {
  return [
    "default-src 'none'",
    "script-src 'self'",
    "connect-src 'self'",
    `style-src 'self' 'sha256-${styleHash}'`,
    "img-src 'self' https: data:",
    'frame-src https://www.youtube-nocookie.com https://player.vimeo.com',
    // A form's own setting may send its submitters to another site.
    "form-action 'self' https:",
    "base-uri 'none'",
    "frame-ancestors 'self'",
  ].join('; ');
}

const meta = (attr: 'name' | 'property', key: string, content: string | null | undefined) =>
  content ? `<meta ${attr}="${key}" content="${escapeHtml(content)}">` : '';

export function pageDocument(input: PageDocumentInput): PageDocument {
  const { def, theme } = input;
  const { main, footer } = blocksView(def, { forms: input.forms, now: input.now, source: input.source });
  const style = themeCss(theme);
  const styleHash = createHash('sha256').update(style).digest('base64');
  const image = def.seo.image ? (def.seo.image.url.startsWith('/') ? `${input.origin}${def.seo.image.url}` : def.seo.image.url) : null;
  const hasForm = [...eachBlock(def.blocks, '')].some(([b]) => b.type === 'form' && b.form_id !== null && input.forms.has(b.form_id));
  const head = [
    '<meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${escapeHtml(def.seo.title)}</title>`,
    meta('name', 'description', def.seo.description),
    input.noindex ? '<meta name="robots" content="noindex, nofollow">' : '',
    input.canonicalUrl ? `<link rel="canonical" href="${escapeHtml(input.canonicalUrl)}">` : '',
    meta('property', 'og:type', 'website'),
    meta('property', 'og:title', def.seo.title),
    meta('property', 'og:description', def.seo.description),
    meta('property', 'og:url', input.canonicalUrl),
    meta('property', 'og:image', image),
    meta('property', 'og:image:alt', def.seo.image?.alt),
    meta('name', 'twitter:card', image ? 'summary_large_image' : 'summary'),
    meta('name', 'twitter:title', def.seo.title),
    meta('name', 'twitter:description', def.seo.description),
    meta('name', 'twitter:image', image),
    theme.favicon_url ? `<link rel="icon" href="${escapeHtml(theme.favicon_url)}">` : '',
    `<link rel="stylesheet" href="${PAGE_CSS_PATH}">`,
    `<style>${style}</style>`,
  ].join('');
  const logo = theme.logo_url ? `<header class="pg-top"><div class="pg-wrap"><img src="${escapeHtml(theme.logo_url)}" alt="Logo" height="36"></div></header>` : '';
  const body = [
    '<a class="pg-skip" href="#main">Skip to content</a>',
    logo,
    `<main id="main">${main.map(renderHtml).join('')}</main>`,
    footer.map(renderHtml).join(''),
    // Every served page loads f.js for its view beacon; a preview, only for its form.
    input.pageId ? `<script src="/f.js" data-page="${escapeHtml(input.pageId)}" async></script>` : hasForm ? '<script src="/f.js" async></script>' : '',
  ].join('');
  return {
    html: `<!doctype html><html lang="en"><head>${head}</head><body>${body}</body></html>`,
    policy: landingPagePolicy(styleHash),
  };
}
