// A page's blocks as a VNode tree (escaped by `renderHtml`: every text a marketer typed stays text).
// Pure: the page document, the preview and the tests render with it.
import { formView, type RenderForm } from '../render/form-view.js';
import { h, type VNode } from '../render/vnode.js';
import { hasHero } from './checks.js';
import type { BlockValue, ImageValue, InlineValue, LeafBlockValue, PageDefinitionValue } from './definition.js';
import { ICON_PATHS } from './icons.js';
import { videoEmbedUrl } from './video.js';

export interface BlocksContext {
  /** The live forms the page's form blocks name; a missing one (deleted, unpublished) leaves its block out. */
  forms: ReadonlyMap<string, RenderForm>;
  /** When the page is rendered: a countdown says whether its date has passed. */
  now: Date;
  /** `page:ID` on a served page: its forms post it as `_src`, for the page's conversion figures (not in a preview). */
  source?: string;
}

interface RenderState {
  /** Whether the page's h1 was written (a later hero's headline is an h2). */
  h1: boolean;
  forms: number;
}

const img = (image: ImageValue, attrs: Record<string, string> = {}) =>
  h('img', { src: image.url, alt: image.decorative ? '' : image.alt, loading: 'lazy', decoding: 'async', ...attrs });

function inline(part: InlineValue): VNode | string {
  let node: VNode | string = part.text;
  if (part.bold) node = h('strong', {}, node);
  if (part.italic) node = h('em', {}, node);
  return part.href ? h('a', { href: part.href }, node) : node;
}

function icon(name: keyof typeof ICON_PATHS): VNode {
  // `viewbox`: the HTML parser gives SVG attributes their camel case back.
  return h('svg', { class: 'pg-icon', viewbox: '0 0 24 24', width: 24, height: 24, 'aria-hidden': 'true', focusable: 'false' },
    h('path', { d: ICON_PATHS[name], fill: 'none', stroke: 'currentColor', 'stroke-width': 2, 'stroke-linecap': 'round', 'stroke-linejoin': 'round' }));
}

const heading = (text: string | undefined) => (text ? h('h2', { class: 'pg-h2' }, text) : null);

const DATE_FORMAT = new Intl.DateTimeFormat('en-GB', { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric', hour: '2-digit', minute: '2-digit', timeZone: 'UTC', timeZoneName: 'short' });

function countdown(block: Extract<LeafBlockValue, { type: 'countdown' }>, now: Date): VNode {
  const to = new Date(block.to);
  const left = to.getTime() - now.getTime();
  const days = Math.floor(left / 86_400_000);
  const hours = Math.floor((left % 86_400_000) / 3_600_000);
  return h('div', { class: 'pg-countdown' },
    heading(block.heading),
    left <= 0
      ? h('p', { class: 'pg-countdown-ended' }, block.ended_text)
      : [
          h('p', { class: 'pg-countdown-left' }, h('span', { class: 'pg-countdown-n' }, String(days)), days === 1 ? ' day ' : ' days ', h('span', { class: 'pg-countdown-n' }, String(hours)), hours === 1 ? ' hour' : ' hours'),
          h('p', { class: 'pg-countdown-date' }, h('time', { datetime: to.toISOString() }, DATE_FORMAT.format(to))),
        ]);
}

function leaf(block: LeafBlockValue, at: string, ctx: BlocksContext, state: RenderState): VNode | null {
  switch (block.type) {
    case 'hero': {
      const level = state.h1 ? 'h2' : 'h1';
      state.h1 = true;
      return h('div', { class: block.image ? 'pg-hero pg-hero-split' : 'pg-hero' },
        h('div', { class: 'pg-hero-text' },
          h(level, { class: 'pg-h1' }, block.headline),
          block.subheadline ? h('p', { class: 'pg-lead' }, block.subheadline) : null,
          block.button ? h('a', { class: 'pg-button', href: block.button.url }, block.button.label) : null),
        block.image ? img(block.image, { class: 'pg-hero-img', loading: 'eager', fetchpriority: 'high' }) : null);
    }
    case 'rich_text':
      return h('div', { class: 'pg-prose' }, block.content.map((node) =>
        'children' in node ? h(node.type, {}, node.children.map(inline)) : h(node.type, {}, node.items.map((item) => h('li', {}, item.map(inline))))));
    case 'bullets':
      return h('div', { class: 'pg-bullets-block' }, heading(block.heading),
        h('ul', { class: 'pg-bullets' }, block.items.map((item) => h('li', {}, icon(item.icon), h('span', {}, item.text)))));
    case 'form': {
      const form = block.form_id ? ctx.forms.get(block.form_id) : undefined;
      if (!form) return null;
      // f.js finds the placeholder and swaps in the same form, enhanced (fetch, beacons,
      // progressive profiling); without JavaScript the server-rendered form posts as it is.
      state.forms += 1;
      // The first form is `#form`, for a hero's button to point at.
      return h('div', { class: 'pg-card pg-form', id: state.forms === 1 ? 'form' : `form-${state.forms}` }, heading(block.heading),
        h('div', { 'data-inflow-form-id': form.id, 'data-inflow-source': ctx.source },
          formView(form, { idPrefix: `p${at}-`, action: `/public/forms/${form.id}/submit`, meta: ctx.source ? { _src: ctx.source } : undefined })));
    }
    case 'image':
      return h('figure', { class: 'pg-figure' }, img(block.image), block.caption ? h('figcaption', {}, block.caption) : null);
    case 'video': {
      const src = videoEmbedUrl(block.url);
      return src ? h('div', { class: 'pg-video' }, h('iframe', { src, title: block.title, loading: 'lazy', allow: 'encrypted-media; picture-in-picture; fullscreen', allowfullscreen: true, referrerpolicy: 'strict-origin-when-cross-origin' })) : null;
    }
    case 'testimonial':
      return h('figure', { class: 'pg-card pg-quote' },
        h('blockquote', {}, h('p', {}, block.quote)),
        h('figcaption', {}, block.photo ? img(block.photo, { class: 'pg-avatar', width: '48', height: '48' }) : null,
          h('span', {}, h('span', { class: 'pg-name' }, block.name), block.role ? h('span', { class: 'pg-role' }, block.role) : null)));
    case 'logos':
      return h('div', { class: 'pg-logos-block' }, heading(block.heading),
        h('ul', { class: 'pg-logos' }, block.logos.map((logo) => h('li', {}, logo.url ? h('a', { href: logo.url }, img(logo.image)) : img(logo.image)))));
    case 'cta':
      return h('div', { class: 'pg-cta' }, heading(block.heading), block.text ? h('p', {}, block.text) : null, h('a', { class: 'pg-button', href: block.button.url }, block.button.label));
    case 'faq':
      return h('div', { class: 'pg-faq' }, heading(block.heading),
        block.items.map((item) => h('details', {}, h('summary', {}, item.question), h('p', {}, item.answer))));
    case 'countdown':
      return countdown(block, ctx.now);
    case 'download':
      // The slot every visitor sees; `personalise` swaps it for the button when the page knows who was sent here.
      return h('div', { class: 'pg-card pg-download' }, heading(block.heading), block.text ? h('p', {}, block.text) : null,
        h('div', { class: 'pg-download-slot', 'data-label': block.label, 'data-asset': block.asset_id ?? '' }, h('p', { class: 'pg-download-later' }, block.unavailable_text)));
    case 'spacer':
      return h('div', { class: `pg-spacer pg-spacer-${block.size}`, 'aria-hidden': 'true' });
    case 'footer':
      return h('footer', { class: 'pg-footer' },
        block.links.length > 0 ? h('nav', { 'aria-label': 'Legal' }, h('ul', {}, block.links.map((link) => h('li', {}, h('a', { href: link.url }, link.label))))) : null,
        block.text ? h('p', {}, block.text) : null);
  }
}

function section(block: BlockValue, at: string, ctx: BlocksContext, state: RenderState): VNode | null {
  if (block.type === 'columns') {
    return h('section', { class: 'pg-section pg-s-columns' }, h('div', { class: `pg-wrap pg-columns pg-cols-${block.columns.length}` },
      block.columns.map((column, c) => h('div', { class: 'pg-col' }, column.map((inner, j) => leaf(inner, `${at}-${c}-${j}`, ctx, state))))));
  }
  const body = leaf(block, at, ctx, state);
  if (!body) return null;
  // The footer is its own landmark; every other block is a band of the page.
  if (block.type === 'footer') return h('div', { class: 'pg-section pg-s-footer' }, h('div', { class: 'pg-wrap' }, body));
  return h('section', { class: `pg-section pg-s-${block.type}` }, h('div', { class: 'pg-wrap' }, body));
}

/** The page's content: the main bands (with the SEO title as the h1 when no hero gives one) and the footer bands, which go after `<main>`. */
export function blocksView(def: PageDefinitionValue, ctx: BlocksContext): { main: VNode[]; footer: VNode[] } {
  const state: RenderState = { h1: false, forms: 0 };
  const main: VNode[] = [];
  const footer: VNode[] = [];
  if (!hasHero(def)) main.push(h('div', { class: 'pg-section pg-s-title' }, h('div', { class: 'pg-wrap' }, h('h1', { class: 'pg-h1' }, def.seo.title))));
  def.blocks.forEach((block, i) => {
    const node = section(block, String(i), ctx, state);
    if (node) (block.type === 'footer' ? footer : main).push(node);
  });
  return { main, footer };
}
