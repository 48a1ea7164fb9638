// A form as a tree of plain objects, built once by `formView` and turned into markup by the
// server (`html.ts`: hosted pages, the no-JavaScript page) and into DOM by f.js
// (`embed/forms/dom.ts`), so every place a form appears shows the same form. No attribute is a
// style or an event handler, checked as the tree is built: pages with a strict
// Content-Security-Policy (and Trusted Types) must accept whatever it holds.

export type AttrValue = string | number | boolean | null | undefined;

export interface VNode {
  tag: string;
  attrs: Readonly<Record<string, string | number | true>>;
  children: ReadonlyArray<VNode | string>;
}

export type Child = VNode | string | null | undefined | false | ReadonlyArray<VNode | string | null | undefined | false>;

const NAME = /^[a-z][a-z0-9-]*$/;
const FORBIDDEN = /^(style$|on)/i;

/** A node; attributes that are false, null or undefined are left out, as are empty children. */
export function h(tag: string, attrs: Readonly<Record<string, AttrValue>> = {}, ...children: Child[]): VNode {
  if (!NAME.test(tag)) throw new Error(`not an element name: ${tag}`);
  const kept: Record<string, string | number | true> = {};
  for (const [name, value] of Object.entries(attrs)) {
    if (!NAME.test(name) || FORBIDDEN.test(name)) throw new Error(`attribute ${name} is not allowed`);
    if (value !== null && value !== undefined && value !== false) kept[name] = value;
  }
  const flat: Array<VNode | string> = [];
  const add = (child: Child): void => {
    if (child === null || child === undefined || child === false) return;
    if (Array.isArray(child)) (child as ReadonlyArray<Child>).forEach(add);
    else flat.push(child as VNode | string);
  };
  children.forEach(add);
  return { tag, attrs: kept, children: flat };
}

/** Elements without content or closing tag. */
export const VOID_TAGS: ReadonlySet<string> = new Set(['input', 'br', 'hr', 'img', 'meta', 'link']);
