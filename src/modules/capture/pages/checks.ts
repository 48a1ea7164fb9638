// What makes a page unfit to save or to publish, each problem under its path (`draft.blocks.2.button.url`).
// Pure: the service adds what needs the database (forms that exist), the renderer trusts what passed.
import { AA_TEXT, contrastRatio } from './contrast.js';
import type { BlockValue, ImageValue, LeafBlockValue, PageDefinitionValue, ThemeValue } from './definition.js';
import { videoEmbedUrl } from './video.js';

export interface PageProblem {
  field: string;
  message: string;
}

/** Every block in page order, columns' blocks after their column block, each with its path. */
export function* eachBlock(blocks: readonly BlockValue[], path: string): Generator<[LeafBlockValue | BlockValue, string]> {
  for (const [i, block] of blocks.entries()) {
    yield [block, `${path}.${i}`];
    if (block.type === 'columns') {
      for (const [c, column] of block.columns.entries()) for (const [j, inner] of column.entries()) yield [inner, `${path}.${i}.columns.${c}.${j}`];
    }
  }
}

// `javascript:`, `data:` and friends never reach a page: a browser runs some of them on a click.
const SAFE_LINK = /^(https?:\/\/[^\s<>"]+|mailto:[^\s<>"]+|tel:[+0-9()\-. ]+|\/(?!\/)[^\s<>"]*|#[A-Za-z][\w-]*)$/i;
const SAFE_IMAGE = /^(https?:\/\/[^\s<>"]+|\/(?!\/)[^\s<>"]*)$/i;

export const isSafeLink = (url: string): boolean => SAFE_LINK.test(url);
export const isSafeImage = (url: string): boolean => SAFE_IMAGE.test(url);

/** The links and images of one block with their paths (relative to the block). */
function urlsOf(block: LeafBlockValue | BlockValue): { links: [string, string][]; images: [ImageValue, string][] } {
  const links: [string, string][] = [];
  const images: [ImageValue, string][] = [];
  switch (block.type) {
    case 'hero':
      if (block.image) images.push([block.image, 'image']);
      if (block.button) links.push([block.button.url, 'button.url']);
      break;
    case 'rich_text':
      block.content.forEach((node, n) => {
        const lines = 'children' in node ? [node.children] : node.items;
        lines.forEach((inlines, l) => inlines.forEach((inline, k) => {
          if (inline.href !== undefined) links.push([inline.href, 'children' in node ? `content.${n}.children.${k}.href` : `content.${n}.items.${l}.${k}.href`]);
        }));
      });
      break;
    case 'image':
      images.push([block.image, 'image']);
      break;
    case 'testimonial':
      if (block.photo) images.push([block.photo, 'photo']);
      break;
    case 'logos':
      block.logos.forEach((logo, i) => {
        images.push([logo.image, `logos.${i}.image`]);
        if (logo.url !== undefined) links.push([logo.url, `logos.${i}.url`]);
      });
      break;
    case 'cta':
      links.push([block.button.url, 'button.url']);
      break;
    case 'footer':
      block.links.forEach((link, i) => links.push([link.url, `links.${i}.url`]));
      break;
    default:
      break;
  }
  return { links, images };
}

/** Checks a save cannot pass: unsafe links and images, videos from elsewhere. Refused with 400. */
export function saveProblems(def: PageDefinitionValue, path = 'draft'): PageProblem[] {
  const problems: PageProblem[] = [];
  for (const [block, at] of eachBlock(def.blocks, `${path}.blocks`)) {
    const { links, images } = urlsOf(block);
    for (const [url, where] of links) if (!isSafeLink(url)) problems.push({ field: `${at}.${where}`, message: 'must be an http(s), mailto: or tel: link, a /path or an #anchor' });
    for (const [image, where] of images) if (!isSafeImage(image.url)) problems.push({ field: `${at}.${where}.url`, message: 'must be an http(s) address or a /path' });
    if (block.type === 'video' && !videoEmbedUrl(block.url)) problems.push({ field: `${at}.url`, message: 'must be a YouTube or Vimeo video address' });
  }
  if (def.seo.image && !isSafeImage(def.seo.image.url)) problems.push({ field: `${path}.seo.image.url`, message: 'must be an http(s) address or a /path' });
  return [...problems, ...themeProblems(def.theme, `${path}.theme.`)];
}

/** A theme's (or a page's theme override's) logo and favicon addresses that cannot be used. */
export function themeProblems(theme: { logo_url?: string | null; favicon_url?: string | null }, prefix = ''): PageProblem[] {
  const problems: PageProblem[] = [];
  for (const key of ['logo_url', 'favicon_url'] as const) {
    const url = theme[key];
    if (url && !isSafeImage(url)) problems.push({ field: `${prefix}${key}`, message: 'must be an http(s) address or a /path' });
  }
  return problems;
}

/** The headings the renderer writes, in document order: the first hero's headline is the page's h1, every block heading an h2. */
export function headingsOf(def: PageDefinitionValue): Array<{ level: number; field: string }> {
  const headings: Array<{ level: number; field: string }> = [];
  let heroSeen = false;
  for (const [block, at] of eachBlock(def.blocks, 'blocks')) {
    if (block.type === 'hero') {
      headings.push({ level: heroSeen ? 2 : 1, field: `${at}.headline` });
      heroSeen = true;
    } else if (block.type === 'rich_text') {
      block.content.forEach((node, n) => {
        if (node.type === 'h2' || node.type === 'h3' || node.type === 'h4') headings.push({ level: Number(node.type[1]), field: `${at}.content.${n}` });
      });
    } else if ('heading' in block && block.heading) {
      headings.push({ level: 2, field: `${at}.heading` });
    }
  }
  return headings;
}

/** Whether the first hero's headline is the page's h1 (the renderer otherwise shows the SEO title as one). */
export const hasHero = (def: PageDefinitionValue): boolean => def.blocks.some((b) => b.type === 'hero');

/** Checks publishing adds: alt texts, a chosen form, headings in order, the theme's contrast. */
export function publishProblems(def: PageDefinitionValue, theme: ThemeValue, path = 'draft'): PageProblem[] {
  const problems = saveProblems(def, path);
  if (def.blocks.length === 0) problems.push({ field: `${path}.blocks`, message: 'needs at least one block' });
  for (const [block, at] of eachBlock(def.blocks, `${path}.blocks`)) {
    for (const [image, where] of urlsOf(block).images) {
      if (!image.decorative && image.alt.trim() === '') problems.push({ field: `${at}.${where}.alt`, message: 'is required to publish: say what the image shows (or mark it decorative)' });
    }
    if (block.type === 'form' && block.form_id === null) problems.push({ field: `${at}.form_id`, message: 'choose the form this block shows' });
  }
  // Without a hero the renderer writes the SEO title as the h1, so the outline starts at 1 either way.
  let previous = 1;
  for (const [i, heading] of headingsOf(def).entries()) {
    if (i === 0 && heading.level === 1) continue;
    if (heading.level > previous + 1) problems.push({ field: `${path}.${heading.field}`, message: `is an h${heading.level} after an h${previous}: headings go down one level at a time` });
    previous = heading.level;
  }
  const c = theme.colors;
  const pairs: Array<[string, string, string, string]> = [
    ['text', c.text, c.background, 'text on the background'],
    ['muted', c.muted, c.background, 'secondary text on the background'],
    ['text', c.text, c.surface, 'text on the surface colour'],
    ['primary_text', c.primary_text, c.primary, 'button text on the primary colour'],
    ['primary', c.primary, c.background, 'links (primary colour) on the background'],
  ];
  for (const [key, fg, bg, what] of pairs) {
    const ratio = contrastRatio(fg, bg);
    if (ratio < AA_TEXT) problems.push({ field: `${path}.theme.colors.${key}`, message: `${what} has a contrast of ${ratio.toFixed(2)}:1; WCAG AA asks for at least ${AA_TEXT}:1` });
  }
  return problems;
}
