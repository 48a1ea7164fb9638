/**
 * Whether moving from `previous` to `next` (both absolute URLs) is a new page view: any change
 * before the fragment is; a change of the fragment alone is an anchor on the same page, unless
 * either fragment is a hash route (`#/…`, or the older `#!/…`).
 */
export function isNewPage(previous: string, next: string): boolean {
  const [before, fragment = ''] = split(previous);
  const [after, nextFragment = ''] = split(next);
  if (before !== after) return true;
  return fragment !== nextFragment && (isHashRoute(fragment) || isHashRoute(nextFragment));
}

function split(url: string): [string, string?] {
  const at = url.indexOf('#');
  return at < 0 ? [url] : [url.slice(0, at), url.slice(at)];
}

const isHashRoute = (fragment: string) => /^#!?\//.test(fragment);
