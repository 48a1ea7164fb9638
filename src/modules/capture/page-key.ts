import { createHash } from 'node:crypto';

/** A page as one row of form analytics: lower-case scheme and host, path without trailing `/`, no query or fragment. */
export function normalisePage(url: string | null | undefined): string | null {
  if (!url) return null;
  try {
    const u = new URL(url);
    if (u.protocol !== 'http:' && u.protocol !== 'https:') return null;
    const path = u.pathname.replace(/\/+$/, '');
    return `${u.protocol}//${u.host.toLowerCase()}${path}`;
  } catch {
    return null;
  }
}

/** The analytics key of a page URL: UTM variants of one page share it; '' when there is no page. */
export function pageKey(url: string | null | undefined): string {
  const page = normalisePage(url);
  return page ? createHash('sha256').update(page).digest('hex').slice(0, 16) : '';
}
