// The visitor id's mirror in a first-party cookie: where one of localStorage and cookies is
// cleared (Safari's ITP caps script-written storage, some cleaners wipe only one of them), the
// other brings the id back.

// 400 days: the longest any browser keeps a cookie (Chrome caps expiry there, RFC 6265bis).
const MAX_AGE_S = 400 * 24 * 3600;

/** The value of cookie `name` in a `document.cookie` string, or null. */
export function cookieValue(cookies: string, name: string): string | null {
  for (const pair of cookies.split(/; */)) {
    const at = pair.indexOf('=');
    if (pair.slice(0, at) === name) return pair.slice(at + 1);
  }
  return null;
}

/** The `document.cookie` assignment that keeps `value` under `name`, or deletes it when null. */
export function cookieAssignment(name: string, value: string | null, secure: boolean): string {
  return `${name}=${value ?? ''}; path=/; max-age=${value === null ? 0 : MAX_AGE_S}; SameSite=Lax${secure ? '; Secure' : ''}`;
}
