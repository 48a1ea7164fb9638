import { CLICK_IDS } from './click-ids.js';

/** A visit's campaign tags (utm_source and the rest), each trimmed and cut, null when absent. */
export type Utm = {
  source: string | null;
  medium: string | null;
  campaign: string | null;
  term: string | null;
  content: string | null;
};

const MAX_VALUE = 200;
const UTM_PARAMS = { utm_source: 'source', utm_medium: 'medium', utm_campaign: 'campaign', utm_term: 'term', utm_content: 'content' } as const;
const CLICK_ID_PARAMS: ReadonlySet<string> = new Set(CLICK_IDS.map((click) => click.param));
// Resolves relative URLs (`/pricing?utm_source=x`) for reading their tags; never stored.
const RELATIVE_BASE = 'http://relative.invalid';

/**
 * A campaign value as stored: control characters turned into spaces (PostgreSQL text cannot hold NUL),
 * NFC, trimmed, cut to 200 characters; null when empty or not a string.
 */
export function cleanValue(value: unknown): string | null {
  if (typeof value !== 'string') return null;
  const clean = value.replace(/[\u0000-\u001f\u007f-\u009f]+/g, ' ').normalize('NFC').trim();
  if (clean === '') return null;
  return clean.length <= MAX_VALUE ? clean : Array.from(clean.slice(0, 2 * MAX_VALUE)).slice(0, MAX_VALUE).join('').trimEnd();
}

function parse(url: unknown, base?: string): URL | null {
  if (typeof url !== 'string') return null;
  try {
    const parsed = new URL(url.trim(), base);
    return parsed.protocol === 'http:' || parsed.protocol === 'https:' ? parsed : null;
  } catch {
    return null;
  }
}

/**
 * The UTM tags and ad click ids of a landing URL (absolute or relative). Parameter names are
 * matched in any case (UTM_Source), the first non-empty value of a repeated tag wins, values
 * are cleaned (see cleanValue). `clickIds` names the click-id parameters present (`gclid`,
 * `fbclid`…), in order of precedence (see click-ids.ts); their values are not kept. Garbage,
 * and schemes other than http(s), give all nulls.
 */
export function utmOf(url: string | null): Utm & { clickIds: string[] } {
  const result: Utm & { clickIds: string[] } = { source: null, medium: null, campaign: null, term: null, content: null, clickIds: [] };
  const parsed = parse(url, RELATIVE_BASE);
  if (!parsed) return result;
  const clickIds = new Set<string>();
  for (const [rawName, rawValue] of parsed.searchParams) {
    const name = rawName.trim().toLowerCase();
    const value = cleanValue(rawValue);
    if (value === null) continue;
    if (Object.hasOwn(UTM_PARAMS, name)) {
      const field = UTM_PARAMS[name as keyof typeof UTM_PARAMS];
      result[field] ??= value;
    } else if (CLICK_ID_PARAMS.has(name)) clickIds.add(name);
  }
  result.clickIds = CLICK_IDS.map((click) => click.param).filter((param) => clickIds.has(param));
  return result;
}

/**
 * An absolute http(s) URL fit to store, cut to `max` characters, without the user name and
 * password a pasted URL may carry; null for relative or unparsable URLs and for any other
 * scheme (javascript:, data:, file:).
 */
export function cleanUrl(url: string | null, max: number): string | null {
  const parsed = parse(url);
  if (!parsed) return null;
  parsed.username = '';
  parsed.password = '';
  const cut = parsed.href.slice(0, Math.max(0, Math.floor(max)));
  return cut === '' ? null : cut;
}
