// A thank-you page greets the person who just submitted: `{first_name}` in any of its texts is
// their first name (escaped), or the fallback after a bar (`{first_name|friend}`), or nothing.
// Applied to the rendered HTML, where the braces survive escaping unchanged.
import { escapeHtml } from '../render/html.js';

const FIRST_NAME = /\{first_name(?:\|([^{}<>\n]{0,100}))?\}/g;

export const hasPersonalisation = (html: string): boolean => html.includes('{first_name');

/** The page with every `{first_name…}` filled: the name when known, else each one's fallback. */
export function personalise(html: string, firstName: string | null): string {
  const name = firstName?.trim() ? escapeHtml(firstName.trim()) : null;
  // The fallback was escaped with the rest of the page when it was rendered.
  return html.replace(FIRST_NAME, (_match, fallback: string | undefined) => name ?? fallback ?? '');
}
