// Reads the cells of a campaign cost file: amounts, days and currencies as ad platforms and
// spreadsheets write them. Pure and locale-independent (nothing reads the machine's language or
// time zone); each reader returns the value or what is wrong with the cell, never a guess.

export type Read<T> = { ok: true; value: T } | { ok: false; message: string };

/** The character a column of amounts writes before its cents. */
export type DecimalMark = '.' | ',';

/** Which comes first in a day written with numbers only, like 11/03/2026. */
export type DateOrder = 'mdy' | 'dmy';

const ok = <T>(value: T): Read<T> => ({ ok: true, value });
const wrong = (message: string): Read<never> => ({ ok: false, message });

/** Google Ads writes " --" where it has no value. */
const NO_VALUE = new Set(['', '-', '--', '—']);

/** False for a blank cell or one of the dashes that stand for "no value". */
export function hasValue(raw: string): boolean {
  return !NO_VALUE.has(raw.trim());
}

/** A cell as quoted in a message: short, so a runaway cell does not flood the list of problems. */
export function quote(raw: string): string {
  const text = raw.trim();
  return JSON.stringify(text.length > 40 ? `${text.slice(0, 40)}…` : text);
}

// ---- amounts ----

// A currency sign before or after the number, with the letters some signs carry: "$", "R$",
// "US$", "€", "₹". A bare currency code is refused instead: "USD 12" in a BRL file is not BRL.
// (No \s* beside the sign: an unanchored run of spaces would make the match quadratic.)
const SIGN_BEFORE = /^[A-Za-z]{0,3}\p{Sc}/u;
const SIGN_AFTER = /[A-Za-z]{0,3}\p{Sc}$/u;
/** Digits with the separators amounts are grouped with: . , ' ’ (Switzerland) and spaces (NBSP included). */
const NUMBER = /^\d(?:[\d.,'’ ]*\d)?$/;
const MINUS = ['-', '−'];

interface AmountText {
  digits: string;
  negative: boolean;
}

const withoutSign = (text: string) => text.replace(SIGN_BEFORE, '').trimStart().replace(SIGN_AFTER, '').trimEnd();

/** The number of an amount cell without its currency sign, minus or accounting parentheses. */
function amountText(raw: string): AmountText {
  let text = raw.trim().replace(/\s/g, ' ');
  let negative = false;
  const parenthesised = /^\((.*)\)$/.exec(text);
  if (parenthesised) {
    negative = true;
    text = parenthesised[1]!.trim();
  }
  text = withoutSign(text);
  if (MINUS.includes(text[0] ?? '') || text[0] === '+') {
    negative ||= text[0] !== '+';
    text = withoutSign(text.slice(1).trimStart());
  } else if (MINUS.includes(text.at(-1) ?? '')) {
    negative = true;
    text = withoutSign(text.slice(0, -1).trimEnd());
  }
  return { digits: text, negative };
}

const count = (text: string, char: string) => text.split(char).length - 1;

/**
 * The decimal mark a number shows by itself, or null when it does not: "1.234,56" and "12,5" show
 * a comma, "1,234,567" and "0.125" a dot, while "1,234" may be a thousand or one and a bit.
 */
function evidentMark(digits: string): DecimalMark | null {
  const dots = count(digits, '.');
  const commas = count(digits, ',');
  if (dots && commas) return digits.lastIndexOf('.') > digits.lastIndexOf(',') ? '.' : ',';
  const mark: DecimalMark | null = dots ? '.' : commas ? ',' : null;
  if (!mark) return null;
  // A mark repeated groups thousands, so the other one is the decimal mark.
  if (count(digits, mark) > 1) return mark === '.' ? ',' : '.';
  return couldGroupThousands(digits, mark) ? null : mark;
}

/** A group of thousands has exactly 3 digits after its mark and never follows a lone 0. */
function couldGroupThousands(digits: string, mark: DecimalMark): boolean {
  return digits.length - digits.indexOf(mark) === 4 && !/^0\D/.test(digits);
}

/** Which mark, if any, starts the decimals of this number, in a column that writes `columnMark`. */
function decimalIn(digits: string, columnMark: DecimalMark): DecimalMark | null {
  const evident = evidentMark(digits);
  // "1.234.567" shows that a comma would be its decimal mark, and it has none.
  if (evident) return digits.includes(evident) ? evident : null;
  const mark = digits.includes('.') ? '.' : digits.includes(',') ? ',' : null;
  return mark === columnMark ? mark : null;
}

/**
 * The decimal mark of a column of amounts, from the cells that show it ("1.234,56", "12,5"),
 * by majority; null when none shows it or as many show each.
 */
export function decimalMarkOf(cells: readonly string[]): DecimalMark | null {
  let dots = 0;
  let commas = 0;
  for (const cell of cells) {
    const { digits } = amountText(cell);
    if (!NUMBER.test(digits)) continue;
    const mark = evidentMark(digits);
    if (mark === '.') dots++;
    else if (mark === ',') commas++;
  }
  return dots === commas ? null : dots > commas ? '.' : ',';
}

/** Groups of thousands (or India's lakhs, "1,23,456"): 1 to 3 digits, then 2 or 3, then 3. */
function validGroups(integer: string): boolean {
  const groups = integer.split(/[.,'’ ]/);
  if (groups.length === 1) return true;
  return groups.every((group, i) => {
    if (i === 0) return /^\d{1,3}$/.test(group);
    if (i === groups.length - 1) return /^\d{3}$/.test(group);
    return /^\d{2,3}$/.test(group);
  });
}

/**
 * An amount as text with 2 decimals, rounded half up: "1,234.56", "1.234,56", "R$ 1.234,56",
 * "$12" and "12.5" give "1234.56", "1234.56", "1234.56", "12.00" and "12.50". A number that
 * shows no decimal mark of its own ("1,234") is read with the column's mark `mark`. Negative
 * amounts and anything that is not a number (formulas included) are refused.
 */
export function parseAmount(raw: string, mark: DecimalMark): Read<string> {
  if (!hasValue(raw)) return wrong('is empty');
  const { digits, negative } = amountText(raw);
  if (!NUMBER.test(digits)) return wrong(`${quote(raw)} is not an amount`);
  const decimal = decimalIn(digits, mark);
  const cut = decimal ? digits.lastIndexOf(decimal) : digits.length;
  const integer = digits.slice(0, cut);
  const fraction = digits.slice(cut + 1);
  if (!/^\d*$/.test(fraction) || (decimal && count(integer, decimal) > 0) || !validGroups(integer)) {
    return wrong(`${quote(raw)} is not an amount`);
  }
  const third = fraction[2] ?? '0';
  const cents = BigInt(integer.replace(/\D/g, '') + fraction.padEnd(2, '0').slice(0, 2)) + (third >= '5' ? 1n : 0n);
  if (negative && cents > 0n) return wrong(`${quote(raw)} is negative`);
  return ok(`${cents / 100n}.${String(cents % 100n).padStart(2, '0')}`);
}

// ---- dates ----

const ISO = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?:[T ]\d{1,2}:\d{2}.*)?$/;
const NUMERIC = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})(?:[T ]\d{1,2}:\d{2}.*)?$/;
const WEEKDAY = String.raw`(?:(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?,?\s+)?`;
/** Google Ads' "Nov 3, 2026", also "November 3, 2026" and "Tue, Nov 3, 2026". */
const MONTH_FIRST = new RegExp(String.raw`^${WEEKDAY}([a-z]+)\.?\s+(\d{1,2}),?\s+(\d{4})$`, 'i');
const DAY_FIRST = new RegExp(String.raw`^${WEEKDAY}(\d{1,2})\s+([a-z]+)\.?,?\s+(\d{4})$`, 'i');

const MONTHS = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];

/** 1 to 12 for an English month name or its abbreviation ("Nov", "Sept"), else 0. */
function monthNumber(name: string): number {
  const lower = name.toLowerCase();
  const month = MONTHS.findIndex((full) => full === lower || full.slice(0, 3) === lower || (lower === 'sept' && full === 'september'));
  return month + 1;
}

/** YYYY-MM-DD when year, month and day are a day of the calendar, else null. */
function calendarDay(year: number, month: number, day: number): string | null {
  if (year < 1000 || month < 1 || month > 12 || day < 1) return null;
  const daysInMonth = new Date(Date.UTC(year, month, 0)).getUTCDate();
  if (day > daysInMonth) return null;
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/**
 * The order of a column's numeric dates, from the values that show it: a first number above 12
 * is a day (dmy), a second one above 12 is a day (mdy). Null when no value shows it, or when
 * values show both (the column is not written one way).
 */
export function dateOrderOf(cells: readonly string[]): DateOrder | null {
  let dmy = false;
  let mdy = false;
  for (const cell of cells) {
    const match = NUMERIC.exec(cell.trim());
    if (!match) continue;
    if (Number(match[1]) > 12) dmy = true;
    if (Number(match[2]) > 12) mdy = true;
  }
  return dmy === mdy ? null : dmy ? 'dmy' : 'mdy';
}

/**
 * A day as YYYY-MM-DD, from "2026-11-03" (a time after it is ignored: report days are the ad
 * account's own), "11/03/2026" or "03.11.2026" read in `order`, or "Nov 3, 2026". Without an
 * order, a numeric date is read only when its day and month are the same number.
 */
export function parseDate(raw: string, order: DateOrder | null): Read<string> {
  const text = raw.trim();
  if (!hasValue(text)) return wrong('is empty');
  const notADay = wrong(`${quote(raw)} is not a day of the calendar`);
  let match = ISO.exec(text);
  if (match) return checked(calendarDay(Number(match[1]), Number(match[2]), Number(match[3])), notADay);
  match = NUMERIC.exec(text);
  if (match) {
    const [first, second, year] = [Number(match[1]), Number(match[2]), Number(match[3])];
    if (first !== second && !order) {
      return wrong(
        first > 12 || second > 12
          ? `${quote(raw)}: the file writes some dates day first and others month first; choose its date order`
          : `${quote(raw)} could be month/day or day/month: choose the file's date order`,
      );
    }
    const [month, day] = order === 'dmy' ? [second, first] : [first, second];
    return checked(calendarDay(year, month, day), wrong(`${quote(raw)} is not a day of the calendar in ${order === 'dmy' ? 'day/month/year' : 'month/day/year'} order`));
  }
  match = MONTH_FIRST.exec(text);
  if (match && monthNumber(match[1]!)) return checked(calendarDay(Number(match[3]), monthNumber(match[1]!), Number(match[2])), notADay);
  match = DAY_FIRST.exec(text);
  if (match && monthNumber(match[2]!)) return checked(calendarDay(Number(match[3]), monthNumber(match[2]!), Number(match[1])), notADay);
  return wrong(`${quote(raw)} is not a date (such as 2026-11-03, 11/03/2026 or Nov 3, 2026)`);
}

function checked(day: string | null, otherwise: Read<never>): Read<string> {
  return day ? ok(day) : otherwise;
}

// ---- currencies ----

/**
 * An ISO 4217 code in upper case ("brl" → "BRL"). Only its shape is checked: the list of codes
 * changes (XCG came in 2025) faster than the ICU data of an installed Node.
 */
export function parseCurrency(raw: string): Read<string> {
  const code = raw.trim().toUpperCase();
  if (!hasValue(code)) return wrong('is empty');
  return /^[A-Z]{3}$/.test(code) ? ok(code) : wrong(`${quote(raw)} is not an ISO 4217 currency code (such as BRL, USD or EUR)`);
}
