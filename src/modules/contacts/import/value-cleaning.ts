// Turns the raw strings of a CSV cell into the values of a contact field. Pure and
// locale-independent: nothing here reads the machine's time zone or language, so an import gives
// the same result on every server. Functions return null for "not this kind of value"; the import
// reports that as a row error for the column instead of guessing.
import { cleanTags } from '../fields.js';

// A UTF-16 half without its other half. It cannot be encoded as UTF-8, so PostgreSQL would
// reject the row; the replacement character keeps the rest of the value.
const PRINTABLE_ASCII = /^[\x20-\x7e]*$/;
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/**
 * A cell as stored: without NUL characters (PostgreSQL text cannot hold U+0000) or byte-order
 * marks (Excel's "CSV UTF-8" starts the file with one, which lands in the first cell), line breaks
 * as `\n` (long answers keep their paragraphs), trimmed and in Unicode NFC so "é" typed two ways
 * is one value. Everything else is kept as data, including text that looks like a spreadsheet
 * formula or markup: exports and pages escape it when they show it.
 */
export function cleanCell(raw: string): string {
  // Most cells are printable ASCII, which none of the steps below change except the trim: a
  // million-row import calls this tens of millions of times.
  if (PRINTABLE_ASCII.test(raw)) return raw.trim();
  return raw
    .replace(/[\u0000\uFEFF]/g, '')
    .replace(LONE_SURROGATE, '\uFFFD')
    .replace(/\r\n?/g, '\n')
    .normalize('NFC')
    .trim();
}

/**
 * Cell values that mean "not answered", compared case-insensitively. "Select" is what a form
 * stores when nobody picked an option (x-education has it in most columns); "(not set)" is Google
 * Analytics'; "nan" comes from pandas. An import can pass its own list to {@link isEmptyValue}.
 */
export const DEFAULT_PLACEHOLDERS: readonly string[] = [
  'select',
  '-',
  '--',
  'n/a',
  'na',
  '#n/a',
  'none',
  '(none)',
  'null',
  'nil',
  'nan',
  'undefined',
  '(blank)',
  '(not set)',
  'not provided',
  'not available',
];

const placeholderSets = new WeakMap<readonly string[], ReadonlySet<string>>();

function placeholderSet(placeholders: readonly string[]): ReadonlySet<string> {
  let set = placeholderSets.get(placeholders);
  if (!set) {
    set = new Set(placeholders.map((p) => cleanCell(p).toLowerCase()));
    placeholderSets.set(placeholders, set);
  }
  return set;
}

/** True when a cell is blank or one of the placeholders (case-insensitive): the field stays unset. */
export function isEmptyValue(
  raw: string | null | undefined,
  placeholders: readonly string[] = DEFAULT_PLACEHOLDERS,
): boolean {
  const value = cleanCell(raw ?? '');
  return value === '' || placeholderSet(placeholders).has(value.toLowerCase());
}

// English, Portuguese, Spanish and French answers, plus what programs write. "s"/"n" are the
// short answers of Brazilian forms; "on"/"off" what an unticked-or-ticked checkbox posts.
const TRUE_WORDS = new Set(['yes', 'y', 'true', 't', '1', 'on', 'sim', 's', 'sí', 'si', 'oui']);
const FALSE_WORDS = new Set(['no', 'n', 'false', 'f', '0', 'off', 'não', 'nao', 'non']);

/**
 * A yes/no answer: Yes/No, Y/N, true/false, 1/0, on/off, sim/não, sí/no, oui/non, any case.
 * Null when the cell is anything else (a row error for a boolean field); check
 * {@link isEmptyValue} first so that blanks leave the field unset.
 */
export function parseBoolean(raw: string): boolean | null {
  const value = cleanCell(raw).toLowerCase();
  if (TRUE_WORDS.has(value)) return true;
  if (FALSE_WORDS.has(value)) return false;
  return null;
}

// Opt-out columns of other tools hold a status rather than yes/no: Pipedrive's "Marketing
// status" (Subscribed, Unsubscribed, No consent), Mailchimp's and Brevo's subscription states.
// A person who never consented may not be emailed either.
const OPTED_OUT_WORDS = new Set(['unsubscribed', 'opted out', 'opted-out', 'optedout', 'no consent', 'blocklisted', 'blacklisted', 'cleaned', 'bounced', 'descadastrado', 'bloqueado']);
const OPTED_IN_WORDS = new Set(['subscribed', 'opted in', 'opted-in', 'optedin', 'inscrito', 'suscrito']);

/** Whether a cell of an opt-out column says the person opted out: yes/no, or a subscription status. */
export function parseOptOut(raw: string): boolean | null {
  const flag = parseBoolean(raw);
  if (flag !== null) return flag;
  const value = cleanCell(raw).toLowerCase();
  if (OPTED_OUT_WORDS.has(value)) return true;
  if (OPTED_IN_WORDS.has(value)) return false;
  return null;
}

const PLAIN_NUMBER = /^[+-]?(?:\d+(?:\.\d+)?|\.\d+)(?:e[+-]?\d+)?$/i;
const COMMA_GROUPS = /^[+-]?\d{1,3}(?:,\d{3})+(?:\.\d+)?$/;
const DOT_GROUPS = /^[+-]?\d{1,3}(?:\.\d{3})+(?:,\d+)?$/;
const COMMA_DECIMAL = /^[+-]?\d+,\d+$/;
const AMBIGUOUS_COMMA = /^[+-]?\d{1,3},\d{3}$/;

/**
 * A number written the way exports write numbers. The rule, with no guessing of the locale:
 * - digits with at most one `.` are a plain decimal, as programs write them: "2.5", "1.234" (one
 *   point and a quarter), "-7", "1e3";
 * - with both `,` and `.` the last one is the decimal separator and the other groups thousands
 *   in threes: "1,234.5" and "1.234,5" are both 1234.5;
 * - a separator repeated in groups of three groups thousands: "1,234,567", "1.234.567";
 * - a single `,` not followed by exactly three digits is a decimal comma: "2,5" is 2.5;
 * - "1,234" is 1234 in English and 1.234 in Portuguese or German, so it is null, as is anything
 *   with currency signs, percent signs, inner spaces, or a value that is not finite.
 * Surrounding whitespace is ignored.
 */
export function parseNumber(raw: string): number | null {
  const value = cleanCell(raw);
  let text: string;
  if (PLAIN_NUMBER.test(value)) text = value;
  else if (AMBIGUOUS_COMMA.test(value)) return null;
  else if (COMMA_GROUPS.test(value)) text = value.replace(/,/g, '');
  else if (DOT_GROUPS.test(value)) text = value.replace(/\./g, '').replace(',', '.');
  else if (COMMA_DECIMAL.test(value)) text = value.replace(',', '.');
  else return null;
  const number = Number(text);
  if (!Number.isFinite(number)) return null;
  return number === 0 ? 0 : number; // no -0: it prints as 0 but is not equal to it under Object.is
}

export type DateOptions = {
  /** How to read "05/03/2024": true → 5 March (most of the world), false → May 3 (US). */
  dayFirst: boolean;
};

const YEAR_FIRST =
  /^(\d{4})([-/.])(\d{1,2})\2(\d{1,2})(?:[T ](\d{1,2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)?\s*(Z|[+-]\d{2}(?::?\d{2})?)?)?$/i;
const YEAR_LAST =
  /^(\d{1,2})([-/.])(\d{1,2})\2(\d{4})(?:[T ](\d{1,2}):(\d{2})(?::(\d{2}))?(?:\s*([ap])\.?m\.?)?)?$/i;

/**
 * A date or date-time as an ISO 8601 UTC string ("2024-03-05T10:00:00.000Z"), or null.
 * Accepts ISO 8601 ("2024-03-05", "2024-03-05T10:00:00Z", "2024-03-05T10:00:00-03:00"), the
 * same with a space instead of `T` ("2024-03-05 10:00:00", as databases export), and
 * day/month/year or month/day/year with `/`, `.` or `-` as chosen by `dayFirst`, optionally
 * with a time and AM/PM ("3/5/2024 10:00 PM"). A time without an offset is taken as UTC: the
 * file does not say its zone and the server's own zone would make imports differ by machine.
 * A date alone becomes midnight UTC, so its calendar date is the first ten characters.
 * Two-digit years, impossible dates (31/02/2024) and years outside 1000–9999 are null.
 */
export function parseDate(raw: string, options: DateOptions): string | null {
  const value = cleanCell(raw);
  let match = YEAR_FIRST.exec(value);
  if (match) {
    const [, year, , month, day, hour, minute, second, fraction, offset] = match;
    return utcIso({
      year: Number(year), month: Number(month), day: Number(day),
      hour: Number(hour ?? 0), minute: Number(minute ?? 0), second: Number(second ?? 0),
      millisecond: Number((fraction ?? '').padEnd(3, '0').slice(0, 3)),
      offsetMinutes: offset ? offsetMinutes(offset) : 0,
    });
  }
  match = YEAR_LAST.exec(value);
  if (match) {
    const [, left, , right, year, hourText, minute, second, meridiem] = match;
    let hour = Number(hourText ?? 0);
    if (meridiem) {
      if (hour < 1 || hour > 12) return null;
      hour = (hour % 12) + (meridiem.toLowerCase() === 'p' ? 12 : 0);
    }
    return utcIso({
      year: Number(year),
      month: Number(options.dayFirst ? right : left),
      day: Number(options.dayFirst ? left : right),
      hour, minute: Number(minute ?? 0), second: Number(second ?? 0),
      millisecond: 0, offsetMinutes: 0,
    });
  }
  return null;
}

type DateParts = {
  year: number; month: number; day: number;
  hour: number; minute: number; second: number; millisecond: number;
  offsetMinutes: number;
};

function utcIso(p: DateParts): string | null {
  if (p.year < 1000 || p.hour > 23 || p.minute > 59 || p.second > 59) return null;
  const local = new Date(
    Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second, p.millisecond),
  );
  // Date.UTC rolls over (31 Feb → 3 Mar); a date that does not come back unchanged did not exist.
  const sameDay = local.getUTCFullYear() === p.year
    && local.getUTCMonth() === p.month - 1
    && local.getUTCDate() === p.day;
  if (!sameDay) return null;
  const utc = new Date(local.getTime() - p.offsetMinutes * 60_000);
  const year = utc.getUTCFullYear();
  return year >= 1000 && year <= 9999 ? utc.toISOString() : null;
}

/** "Z" → 0, "-03:00" / "-0300" / "-03" → -180. */
function offsetMinutes(offset: string): number {
  if (offset.toUpperCase() === 'Z') return 0;
  const sign = offset.startsWith('-') ? -1 : 1;
  const digits = offset.slice(1).replace(':', '');
  const hours = Number(digits.slice(0, 2));
  const minutes = Number(digits.slice(2) || 0);
  return sign * (hours * 60 + minutes);
}

/**
 * The items of a tags or multiselect cell: split on `;`, `,` or `|`, trimmed, empties dropped,
 * duplicates dropped case-insensitively keeping the first spelling ("News; news;Events" →
 * ["News", "Events"]).
 */
export function splitList(raw: string): string[] {
  return cleanTags(splitOutsideQuotes(cleanCell(raw)));
}

// An item that starts with a quote runs to the matching quote, so vendors that quote items
// ("Spring promo, 2024","VIP") keep the separator inside; a quote mid-item is just a character.
function splitOutsideQuotes(value: string): string[] {
  const items: string[] = [];
  const item = /\s*(?:"([^"]*)"|'([^']*)'|([^;,|]*))\s*(?:[;,|]|$)/gy;
  let position = 0;
  while (position < value.length) {
    item.lastIndex = position;
    const match = item.exec(value);
    // Text after a closing quote ("A"b) is not a quoted item: split the rest plainly.
    if (!match) return [...items, ...value.slice(position).split(/[;,|]/)];
    items.push(match[1] ?? match[2] ?? match[3] ?? '');
    position = item.lastIndex;
  }
  return items;
}

export type NameParts = { first_name: string | null; last_name: string | null };

// Generational suffixes written after a comma ("John Smith, Jr."), which is not "Last, First".
const NAME_SUFFIX = /^(?:jr|sr|ii|iii|iv|phd|md|esq)\.?$/i;

/**
 * First and last name from a full-name cell. The first word is the first name and the rest the
 * last name, which keeps Portuguese and Spanish surnames whole ("Maria da Silva Santos" →
 * "Maria" + "da Silva Santos"); one word is a first name only. "Souza, Ana" (the "Last, First"
 * form of CRM exports) → "Ana" + "Souza". A blank cell gives two nulls.
 */
export function splitFullName(raw: string): NameParts {
  const value = cleanCell(raw).replace(/\s+/g, ' ');
  const comma = value.split(',').map((part) => part.trim());
  if (comma.length === 2 && comma[0] && comma[1] && !NAME_SUFFIX.test(comma[1])) {
    return { first_name: comma[1], last_name: comma[0] };
  }
  const [first = '', ...rest] = value.split(' ');
  return { first_name: first || null, last_name: rest.join(' ') || null };
}
