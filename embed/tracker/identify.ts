// Naming the visitor. The site's server proves the email with `token` (hex HMAC-SHA256 of the
// lower-cased email under the workspace's identify key), which Inflow checks: a page cannot
// claim someone else's email by itself. An email click (`inflow_ct=TOKEN` in the landing URL)
// names the visitor by the signed token Inflow put in the link.
import type { EventBody, Traits } from './wire.js';

const TRAITS = ['first_name', 'last_name', 'company', 'phone'] as const;
const PARAMETER = 'inflow_ct';

/** The identify event of `inflow('identify', {...})`, or null without a string email and token. */
export function identifyEvent(input: unknown): EventBody | null {
  const given = (input || {}) as Record<string, unknown>;
  const { email, token } = given;
  if (typeof email !== 'string' || typeof token !== 'string' || !email || !token) return null;
  const traits: Traits = {};
  for (const key of TRAITS) if (typeof given[key] === 'string') traits[key] = given[key];
  return { type: 'identify', email, token, traits };
}

/**
 * The contact token of an email click in `href`, and `href` without it (the address bar is
 * rewritten, so a link shared from the page does not name its first reader). Other parameters
 * keep their exact spelling. Null when there is no `inflow_ct`; an empty token is still removed.
 */
export function takeContactToken(href: string): { token: string; href: string } | null {
  const url = new URL(href);
  let token: string | null = null;
  const kept = url.search
    .slice(1)
    .split('&')
    .filter((pair) => {
      if (pair.split('=')[0] !== PARAMETER) return true;
      token = new URLSearchParams(pair).get(PARAMETER);
      return false;
    });
  if (token === null) return null;
  url.search = kept.join('&');
  return { token, href: url.href };
}
