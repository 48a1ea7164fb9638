// A link click worth recording: a file (download) wherever it is, or a page on another host.
import type { EventBody } from './wire.js';

const FILE = /\.(pdf|zip|docx?|xlsx?|pptx?|csv|txt|rtf|epub|mp3|mp4|mov|avi|dmg|exe|msi|apk|7z|rar|gz|tar|key|numbers|pages)$/i;

/**
 * What a click on a link (its `href` attribute, resolved against `base`) from a page on
 * `pageHost` records: a `download` for a file or an `<a download>`, a `click` for another
 * host, null otherwise. Only http(s) links count: a `mailto:` is not a visit elsewhere, and a
 * `blob:` or `data:` download would send the file itself as its name.
 */
export function linkEvent(href: string, base: string, pageHost: string, downloadAttribute = false): EventBody | null {
  let url: URL;
  try {
    url = new URL(href, base);
  } catch {
    return null;
  }
  if (!/^https?:$/.test(url.protocol)) return null;
  if (downloadAttribute || FILE.test(url.pathname)) return { type: 'download', target: url.href };
  return url.hostname === pageHost ? null : { type: 'click', target: url.href };
}
