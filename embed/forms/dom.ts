// A VNode tree as DOM nodes, built with createElement and textContent only: no markup is ever
// parsed, so a label holding `<img onerror>` stays text, and pages enforcing Trusted Types
// accept it.
import type { VNode } from '../../src/modules/capture/render/vnode.js';

export function toDom(node: VNode | string, doc: Document): Node {
  if (typeof node === 'string') return doc.createTextNode(node);
  const el = doc.createElement(node.tag);
  for (const [name, value] of Object.entries(node.attrs)) {
    el.setAttribute(name, value === true ? '' : String(value));
  }
  // A textarea's and a select's state is a property, not only markup.
  if (node.tag === 'input' && node.attrs.value !== undefined) (el as HTMLInputElement).value = String(node.attrs.value);
  for (const child of node.children) el.appendChild(toDom(child, doc));
  return el;
}
