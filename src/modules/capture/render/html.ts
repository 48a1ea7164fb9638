// Serialises a VNode tree as HTML, every text and attribute escaped: a value a visitor typed
// (shown again with an error) or a label with `<script>` stays text.
import { VOID_TAGS, type VNode } from './vnode.js';

const ESCAPES: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ESCAPES[c]!);
}

const ATTRIBUTE_NAME = /^[a-z][a-z0-9-]*$/;

export function renderHtml(node: VNode | string): string {
  if (typeof node === 'string') return escapeHtml(node);
  if (!ATTRIBUTE_NAME.test(node.tag)) throw new Error(`not a tag name: ${node.tag}`);
  let attrs = '';
  for (const [name, value] of Object.entries(node.attrs)) {
    // Names come from our own code; the check keeps a slip from becoming markup.
    if (!ATTRIBUTE_NAME.test(name) || name === 'style' || name.startsWith('on')) throw new Error(`attribute not allowed: ${name}`);
    attrs += value === true ? ` ${name}` : ` ${name}="${escapeHtml(String(value))}"`;
  }
  if (VOID_TAGS.has(node.tag)) return `<${node.tag}${attrs}>`;
  return `<${node.tag}${attrs}>${node.children.map(renderHtml).join('')}</${node.tag}>`;
}
