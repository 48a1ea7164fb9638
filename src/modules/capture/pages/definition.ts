import { Type, type Static, type TSchema } from 'typebox';
import { StringEnum } from '../../../schema-types.js';

/**
 * A landing or thank-you page's definition: the contract between the editor, the server's
 * checks and the renderer. A draft is one; a published version is a frozen copy of one. Text is
 * text (escaped when rendered); rich text is a tree of a few safe node kinds, never markup.
 */

const Str = (minLength: number, maxLength: number) => Type.String({ minLength, maxLength });
const Opt = <T extends TSchema>(schema: T) => Type.Optional(schema);
const closed = { additionalProperties: false } as const;

/** A link: http(s), mailto:, tel:, a path of this site or an #anchor; checked by `saveProblems` (a named 400, not a pattern error). */
const Link = Type.String({ minLength: 1, maxLength: 2000, description: 'http(s)://…, mailto:, tel:, /path or #anchor' });
/** An image: http(s) or a path of this site; checked by `saveProblems`. */
const ImageUrl = Type.String({ minLength: 1, maxLength: 2000, description: 'http(s)://… or /path' });
const Alt = Type.String({ maxLength: 300, description: 'Required to publish (empty only for a decorative image, with decorative: true)' });
const Image = Type.Object({ url: ImageUrl, alt: Alt, decorative: Opt(Type.Boolean()) }, closed);
const Button = Type.Object({ label: Str(1, 80), url: Link }, closed);
const Heading = Opt(Str(1, 200));

export const ICONS = ['check', 'star', 'bolt', 'shield', 'clock', 'chart', 'heart', 'gift', 'users', 'calendar', 'mail', 'download'] as const;

const Inline = Type.Object({
  text: Str(1, 5000),
  bold: Opt(Type.Boolean()),
  italic: Opt(Type.Boolean()),
  href: Opt(Link),
}, closed);
const Inlines = Type.Array(Inline, { minItems: 1, maxItems: 200 });
const RichNode = Type.Union([
  Type.Object({ type: Type.Literal('p'), children: Inlines }, closed),
  Type.Object({ type: StringEnum(['h2', 'h3', 'h4']), children: Inlines }, closed),
  Type.Object({ type: StringEnum(['ul', 'ol']), items: Type.Array(Inlines, { minItems: 1, maxItems: 100 }) }, closed),
]);

const LEAF_BLOCKS = [
  Type.Object({ type: Type.Literal('hero'), headline: Str(1, 200), subheadline: Opt(Str(1, 500)), image: Opt(Image), button: Opt(Button) }, closed),
  Type.Object({ type: Type.Literal('rich_text'), content: Type.Array(RichNode, { minItems: 1, maxItems: 200 }) }, closed),
  Type.Object({ type: Type.Literal('bullets'), heading: Heading, items: Type.Array(Type.Object({ icon: StringEnum(ICONS), text: Str(1, 500) }, closed), { minItems: 1, maxItems: 30 }) }, closed),
  Type.Object({ type: Type.Literal('form'), heading: Heading, form_id: Type.Union([Type.String({ format: 'uuid' }), Type.Null()], { description: 'A form of the workspace; null until one is chosen (publishing needs one)' }) }, closed),
  Type.Object({ type: Type.Literal('image'), image: Image, caption: Opt(Str(1, 500)) }, closed),
  Type.Object({ type: Type.Literal('video'), url: Type.String({ minLength: 1, maxLength: 2000, description: 'A YouTube or Vimeo address; played from youtube-nocookie.com or with Vimeo’s dnt=1' }), title: Str(1, 200) }, closed),
  Type.Object({ type: Type.Literal('testimonial'), quote: Str(1, 2000), name: Str(1, 200), role: Opt(Str(1, 200)), photo: Opt(Image) }, closed),
  Type.Object({ type: Type.Literal('logos'), heading: Heading, logos: Type.Array(Type.Object({ image: Image, url: Opt(Link) }, closed), { minItems: 1, maxItems: 20 }) }, closed),
  Type.Object({ type: Type.Literal('cta'), heading: Heading, text: Opt(Str(1, 1000)), button: Button }, closed),
  Type.Object({ type: Type.Literal('faq'), heading: Heading, items: Type.Array(Type.Object({ question: Str(1, 500), answer: Str(1, 5000) }, closed), { minItems: 1, maxItems: 50 }) }, closed),
  Type.Object({ type: Type.Literal('countdown'), heading: Heading, to: Type.String({ format: 'date-time' }), ended_text: Str(1, 500) }, closed),
  Type.Object({ type: Type.Literal('spacer'), size: StringEnum(['small', 'medium', 'large']) }, closed),
  Type.Object({
    type: Type.Literal('download'),
    heading: Heading,
    text: Opt(Str(1, 1000)),
    label: Str(1, 80),
    asset_id: Type.Union([Type.String({ format: 'uuid' }), Type.Null()], { description: 'An asset of the workspace; null: the asset the form offers' }),
    unavailable_text: Str(1, 500),
  }, { ...closed, description: 'On a thank-you page: a download button for the person the form sent here (a link signed for them); anyone else reads unavailable_text' }),
  Type.Object({ type: Type.Literal('footer'), text: Opt(Str(1, 1000)), links: Type.Array(Type.Object({ label: Str(1, 100), url: Link }, closed), { maxItems: 10 }) }, closed),
] as const;

export const LeafBlock = Type.Union([...LEAF_BLOCKS]);
// Columns hold leaf blocks only: one level of nesting keeps the layout (and its mobile stacking) simple.
const Columns = Type.Object({ type: Type.Literal('columns'), columns: Type.Array(Type.Array(LeafBlock, { maxItems: 20 }), { minItems: 2, maxItems: 3 }) }, closed);

export const PAGE_BLOCK_SCHEMA_ID = 'PageBlock';
export const PAGE_DEFINITION_SCHEMA_ID = 'PageDefinition';
export const THEME_SCHEMA_ID = 'PageTheme';

export const Block = Type.Union([...LEAF_BLOCKS, Columns], { $id: PAGE_BLOCK_SCHEMA_ID, description: 'One block of a page, by its type' });
export type BlockValue = Static<typeof Block>;
export type LeafBlockValue = Static<typeof LeafBlock>;
export type InlineValue = Static<typeof Inline>;
export type RichNodeValue = Static<typeof RichNode>;
export type ImageValue = Static<typeof Image>;
const BlockRef = Type.Unsafe<BlockValue>({ $ref: `${PAGE_BLOCK_SCHEMA_ID}#` });

const Colour = Type.String({ pattern: '^#[0-9a-fA-F]{6}$', description: '#rrggbb' });
export const FONTS = ['system', 'humanist', 'geometric', 'serif', 'mono'] as const;
const colours = {
  background: Colour,
  surface: Colour,
  text: Colour,
  muted: Colour,
  primary: Colour,
  primary_text: Colour,
};
/** A workspace's theme; the page's `theme` overrides any part of it. */
export const Theme = Type.Object({
  colors: Type.Object(colours, { ...closed, description: 'surface: FAQ, testimonials and the form’s card; primary: buttons and links; primary_text: text on a button' }),
  font: StringEnum(FONTS),
  logo_url: Type.Union([ImageUrl, Type.Null()]),
  favicon_url: Type.Union([ImageUrl, Type.Null()]),
}, { ...closed, $id: THEME_SCHEMA_ID });
export type ThemeValue = Static<typeof Theme>;
export const ThemeRef = Type.Unsafe<ThemeValue>({ $ref: `${THEME_SCHEMA_ID}#` });

export const ThemeOverride = Type.Object({
  colors: Opt(Type.Partial(Type.Object(colours, closed))),
  font: Opt(StringEnum(FONTS)),
  logo_url: Opt(Type.Union([ImageUrl, Type.Null()])),
  favicon_url: Opt(Type.Union([ImageUrl, Type.Null()])),
}, closed);
export type ThemeOverrideValue = Static<typeof ThemeOverride>;

export const PageDefinition = Type.Object({
  seo: Type.Object({
    title: Str(1, 200),
    description: Type.String({ maxLength: 320 }),
    image: Opt(Image),
    noindex: Type.Boolean({ description: 'Asks search engines not to index the page; left out of the sitemap' }),
  }, closed),
  theme: ThemeOverride,
  blocks: Type.Array(BlockRef, { maxItems: 100 }),
}, { ...closed, $id: PAGE_DEFINITION_SCHEMA_ID, description: 'A page: its SEO fields, theme overrides and blocks' });
export type PageDefinitionValue = Static<typeof PageDefinition>;
export const PageDefinitionRef = Type.Unsafe<PageDefinitionValue>({ $ref: `${PAGE_DEFINITION_SCHEMA_ID}#` });
