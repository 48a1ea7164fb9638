// A landing page's view (`data-page` on f.js's script tag): one beacon with the visitor id,
// made here on the first view when there is none, and the page URL's utm_source. Without
// storage there is no visitor to count, so nothing is sent.
import { sendBeacon } from '../forms/beacon.js';
import { visitorId } from '../forms/visitor.js';

export function sendPageView(origin: string, pageId: string): void {
  const vid = visitorId(true);
  if (!vid) return;
  const body = new URLSearchParams({ vid });
  const source = new URLSearchParams(location.search).get('utm_source');
  if (source) body.set('utm_source', source);
  sendBeacon(`${origin}/public/pages/${encodeURIComponent(pageId)}/view`, body);
}
