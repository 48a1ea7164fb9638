import type { FormFieldValue } from './definition.js';

/**
 * The rule of each field kind for one answer, shared by f.js (which checks before posting) and
 * the server (whose answer is authoritative). Pure: no imports beyond types, so the embed
 * bundle takes it as is. Messages read after the field's label, as the API's do.
 */

/** An answer as it arrives: urlencoded gives strings (and lists for repeated keys), JSON any of these. */
export type RawValue = string | number | boolean | string[] | undefined | null;
/** An accepted answer; undefined when the field was left empty. */
export type FieldAnswer = string | number | boolean | string[] | undefined;
export type CheckResult = { value: FieldAnswer } | { message: string };

export interface CheckOptions {
  /** The server's email normaliser; f.js uses the syntactic check below. */
  normaliseEmail?: (raw: string) => { ok: true; email: string } | { ok: false; reason: string };
  /** Today as YYYY-MM-DD, for `min`/`max: 'today'` (the server's clock, or the browser's). */
  today?: string;
}

const MAX_TEXT = 20_000;
const TRUE = new Set(['true', 'on', '1', 'yes']);
const FALSE = new Set(['false', 'off', '0', 'no', '']);
const PHONE_CHARS = /^\+?[0-9 ().-]+$/;
const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const SIMPLE_EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
// Text a person typed: no C0/C1 control characters but tab and line breaks.
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/;

const ok = (value: FieldAnswer): CheckResult => ({ value });
const fail = (message: string): CheckResult => ({ message });

/** An answer with nothing in it: missing, blank text or an empty list. */
export function isEmpty(raw: RawValue): boolean {
  return raw === undefined || raw === null || (typeof raw === 'string' && raw.trim() === '') || (Array.isArray(raw) && raw.length === 0);
}

/** One string from the answer; a list is an answer only for a multiselect. */
function single(raw: RawValue): string | null {
  if (typeof raw === 'string') return raw.normalize('NFC').trim();
  if (typeof raw === 'number' && Number.isFinite(raw)) return String(raw);
  if (typeof raw === 'boolean') return String(raw);
  return null;
}

function validDate(text: string): boolean {
  const m = DATE.exec(text);
  if (!m) return false;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return d.getUTCFullYear() === Number(m[1]) && d.getUTCMonth() === Number(m[2]) - 1 && d.getUTCDate() === Number(m[3]);
}

let regionNames: Intl.DisplayNames | null = null;
/** The English name of an ISO 3166-1 alpha-2 code, or null when it names no region. */
export function countryName(code: string): string | null {
  if (!/^[A-Z]{2}$/.test(code)) return null;
  regionNames ??= new Intl.DisplayNames(['en'], { type: 'region' });
  const name = regionNames.of(code);
  return name && name !== code && name !== 'Unknown Region' ? name : null;
}

export function checkValue(field: FormFieldValue, raw: RawValue, options: CheckOptions = {}): CheckResult {
  if (field.kind === 'checkbox' || field.kind === 'consent') return checkTick(field, raw);
  if (field.kind === 'multiselect') return checkMulti(field, raw);
  if (isEmpty(raw)) return field.required ? fail('is required') : ok(undefined);
  const text = single(raw);
  if (text === null) return fail('must be a single value');
  if (text.length > MAX_TEXT) return fail(`must be at most ${MAX_TEXT} characters`);
  if (CONTROL.test(text)) return fail('contains a control character');
  switch (field.kind) {
    case 'email': {
      if (options.normaliseEmail) {
        const result = options.normaliseEmail(text);
        return result.ok ? ok(result.email) : fail(`is not a valid email address: it ${result.reason}`);
      }
      return SIMPLE_EMAIL.test(text) && text.length <= 254 ? ok(text) : fail('is not a valid email address');
    }
    case 'text': {
      if (text.length > field.max_length) return fail(`must be at most ${field.max_length} characters`);
      if (field.min_length !== undefined && text.length < field.min_length) return fail(`must be at least ${field.min_length} characters`);
      if (field.format === 'url' && !/^https?:\/\/[^\s/$.?#][^\s]*$/i.test(text)) return fail('must be a web address starting with http:// or https://');
      return ok(text);
    }
    case 'textarea':
      return text.length > field.max_length ? fail(`must be at most ${field.max_length} characters`) : ok(text);
    case 'hidden':
      return text.length > 2000 ? fail('must be at most 2000 characters') : ok(text);
    case 'number': {
      if (!/^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/.test(text)) return fail('must be a number');
      const n = Number(text);
      if (!Number.isFinite(n)) return fail('must be a number');
      if (field.integer && !Number.isInteger(n)) return fail('must be a whole number');
      if (field.min !== undefined && n < field.min) return fail(`must be at least ${field.min}`);
      if (field.max !== undefined && n > field.max) return fail(`must be at most ${field.max}`);
      return ok(n);
    }
    case 'phone': {
      const digits = text.replace(/\D/g, '').length;
      if (!PHONE_CHARS.test(text) || digits < 6 || digits > 20) return fail('is not a phone number (6 to 20 digits; + ( ) - . and spaces allowed)');
      return ok(text);
    }
    case 'select':
      return field.options.some((o) => o.value === text) ? ok(text) : fail('is not one of the choices');
    case 'date': {
      if (!validDate(text)) return fail('must be a date (YYYY-MM-DD)');
      const today = options.today ?? new Date().toISOString().slice(0, 10);
      const min = field.min === 'today' ? today : field.min;
      const max = field.max === 'today' ? today : field.max;
      if (min && text < min) return fail(`must be on or after ${min}`);
      if (max && text > max) return fail(`must be on or before ${max}`);
      return ok(text);
    }
    case 'country': {
      const code = text.toUpperCase();
      return countryName(code) ? ok(code) : fail('is not a country code (ISO 3166-1 alpha-2)');
    }
  }
}

function checkTick(field: Extract<FormFieldValue, { kind: 'checkbox' | 'consent' }>, raw: RawValue): CheckResult {
  let ticked: boolean;
  if (raw === undefined || raw === null || raw === false) ticked = false;
  else if (raw === true) ticked = true;
  else if (typeof raw === 'string' && TRUE.has(raw.trim().toLowerCase())) ticked = true;
  else if (typeof raw === 'string' && FALSE.has(raw.trim().toLowerCase())) ticked = false;
  else return fail('must be ticked or not');
  if (!ticked) return field.required ? fail(field.kind === 'consent' ? 'must be accepted' : 'is required') : ok(field.kind === 'consent' ? false : undefined);
  return ok(true);
}

function checkMulti(field: Extract<FormFieldValue, { kind: 'multiselect' }>, raw: RawValue): CheckResult {
  const list = raw === undefined || raw === null ? [] : Array.isArray(raw) ? raw : typeof raw === 'string' ? [raw] : null;
  if (list === null) return fail('must be a list of choices');
  const chosen = [...new Set(list.map((v) => (typeof v === 'string' ? v.normalize('NFC').trim() : v)).filter((v) => v !== ''))];
  if (chosen.length === 0) return field.required ? fail('is required') : ok(undefined);
  if (chosen.some((v) => typeof v !== 'string' || !field.options.some((o) => o.value === v))) return fail('has a value that is not one of the choices');
  if (field.min_selected !== undefined && chosen.length < field.min_selected) return fail(`needs at least ${field.min_selected} choices`);
  if (field.max_selected !== undefined && chosen.length > field.max_selected) return fail(`allows at most ${field.max_selected} choices`);
  return ok(chosen as string[]);
}
