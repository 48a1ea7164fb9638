// A page's address: `/p/:slug`, on the main host or on the custom domain it is assigned to.

export const PAGE_SLUG_PATTERN = '^[a-z0-9](?:[a-z0-9-]{0,78}[a-z0-9])?$';
const SLUG = new RegExp(PAGE_SLUG_PATTERN);
export const HOST_PATTERN = '^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?(?:\\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)+$';
const HOST = new RegExp(HOST_PATTERN);

// Words the product's own routes, or a reader, would take for something else.
const RESERVED = new Set(['admin', 'api', 'app', 'assets', 'dashboard', 'download', 'downloads', 'f', 'favicon', 'healthz', 'login', 'logout', 'new', 'p', 'preview', 'public', 'robots', 'sitemap', 'static', 't', 'www']);

/** Why a slug cannot be used, or null when it can. */
export function slugProblem(slug: string): string | null {
  if (!SLUG.test(slug)) return 'may only contain lower-case letters, digits and hyphens (not at either end), up to 80';
  if (RESERVED.has(slug)) return `"${slug}" is reserved`;
  return null;
}

/** Why a custom domain cannot be used, or null: a lower-case host name without port or scheme. */
export function hostProblem(host: string): string | null {
  return host === '' || (HOST.test(host) && host.length <= 253) ? null : 'must be a host name such as go.example.com (lower case, no scheme, port or path), or empty for the main host';
}
