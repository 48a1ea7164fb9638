/**
 * The renderer's output (WP-2's contract): one tree that `render/html.ts` serialises escaped for
 * the hosted and no-JS pages and f.js turns into DOM with createElement/textContent. Pure: no
 * DOM, no Node. Attributes never carry style or event handlers, so every output stays within a
 * strict Content-Security-Policy (no inline style, no inline script) and Trusted Types.
 */
export interface VNode {
  tag: string;
  attrs: Readonly<Record<string, string | true>>;
  children: ReadonlyArray<VNode | string>;
}

const FORBIDDEN = /^(style$|on)/i;
const NAME = /^[a-z][a-z0-9-]*$/;

export function h(tag: string, attrs: Record<string, string | boolean | null | undefined> = {}, children: ReadonlyArray<VNode | string | null | undefined | false> = []): VNode {
  if (!NAME.test(tag)) throw new Error(`not an element name: ${tag}`);
  const kept: Record<string, string | true> = {};
  for (const [name, value] of Object.entries(attrs)) {
    if (!NAME.test(name) || FORBIDDEN.test(name)) throw new Error(`attribute ${name} is not allowed`);
    if (value === true) kept[name] = true;
    else if (typeof value === 'string') kept[name] = value;
  }
  return { tag, attrs: kept, children: children.filter((c): c is VNode | string => typeof c === 'string' || (typeof c === 'object' && c !== null)) };
}
