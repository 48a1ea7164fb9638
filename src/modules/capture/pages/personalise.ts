// A thank-you page speaks to the person who just submitted: `{first_name}` in any of its texts is
// their first name (escaped), or the fallback after a bar (`{first_name|friend}`), or nothing;
// a download block's slot becomes a button to a link signed for them. Applied to the rendered
// HTML, where the braces survive escaping unchanged and the slot's attributes are escaped.
import { escapeHtml } from '../render/html.js';

const FIRST_NAME = /\{first_name(?:\|([^{}<>\n]{0,100}))?\}/g;
const DOWNLOAD_SLOT = /<div class="pg-download-slot" data-label="([^"]*)" data-asset="([^"]*)">[\s\S]*?<\/div>/g;

export interface Thanked {
  firstName: string | null;
  /** Download links by the asset id a slot names ('' for the one the form offers). */
  downloads: ReadonlyMap<string, { url: string; name: string }>;
}

export const hasPersonalisation = (html: string): boolean => html.includes('{first_name') || html.includes('pg-download-slot');

/** The asset ids the page's download slots name ('' for "the form's"). */
export const downloadSlots = (html: string): string[] => [...new Set([...html.matchAll(DOWNLOAD_SLOT)].map((m) => m[2]!))];

/** The page for one person: every `{first_name…}` filled, each download slot a button when a link was made for it; null fills the fallbacks. */
export function personalise(html: string, who: Thanked | null): string {
  const name = who?.firstName?.trim() ? escapeHtml(who.firstName.trim()) : null;
  // The fallback was escaped with the rest of the page when it was rendered.
  const named = html.replace(FIRST_NAME, (_match, fallback: string | undefined) => name ?? fallback ?? '');
  if (!who || who.downloads.size === 0) return named;
  return named.replace(DOWNLOAD_SLOT, (slot, label: string, asset: string) => {
    const link = who.downloads.get(asset);
    if (!link) return slot;
    return `<div class="pg-download-slot"><a class="pg-button" href="${escapeHtml(link.url)}">${label}</a><p class="pg-download-name">${escapeHtml(link.name)}</p></div>`;
  });
}
