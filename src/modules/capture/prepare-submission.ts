import { createHash } from 'node:crypto';
import type { FieldError } from '../../errors.js';
import { normaliseEmail, emailDomain } from '../../lib/email-address.js';
import type { ContactInput } from '../contacts/contact-input.js';
import { TEXT_FIELDS, type TextField } from '../contacts/fields.js';
import { isFreeMailDomain } from '../companies/company-domain.js';
import { parseSource, touchOf, type SubmissionSource, type Touch } from './attribution.js';
import type { FormDefinitionValue, FormFieldValue } from './definition.js';
import { checkValue, countryName, isEmpty, type FieldAnswer, type RawValue } from './field-rules.js';
import type { FormBody } from './form-body.js';
import { isReplaceable } from './progressive.js';
import { isVisitorId } from './visitor-id.js';

/** The wire's reserved keys; a field key never starts with `_`. */
export const META_KEYS = ['_sid', '_v', '_hp', '_t', '_rt', '_vid', '_src', '_page', '_title', '_ref', '_utm_source', '_utm_medium', '_utm_campaign', '_utm_term', '_utm_content'] as const;
const SID = /^[A-Za-z0-9_-]{8,64}$/;

/** The meta keys of a body, as text (a repeated or non-text meta value counts as absent). */
export interface Meta {
  sid: string | null;
  version: number | null;
  honeypot: string | null;
  elapsedMs: number | null;
  visitorId: string | null;
  source: SubmissionSource | null;
  touch: Touch;
}

/** A key the body itself holds (a JSON body is a plain object: `constructor` is not an answer). */
function own(body: FormBody, key: string): FormBody[string] | undefined {
  return Object.hasOwn(body, key) ? body[key] : undefined;
}

function text(body: FormBody, key: string, max: number): string | null {
  const value = own(body, key);
  if (typeof value === 'number') return String(value);
  if (typeof value !== 'string') return null;
  const trimmed = value.trim();
  return trimmed === '' ? null : trimmed.slice(0, max);
}

function httpUrl(value: string | null): string | null {
  if (!value) return null;
  try {
    const url = new URL(value);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href.replace(/#.*$/, '') : null;
  } catch {
    return null;
  }
}

export function metaOf(body: FormBody): Meta {
  const version = text(body, '_v', 10);
  const elapsed = text(body, '_t', 15);
  const sid = text(body, '_sid', 64);
  const visitorId = text(body, '_vid', 100);
  const pageUrl = httpUrl(text(body, '_page', 2000));
  // f.js sends the page's UTM parameters; when it did not, the page URL still has them.
  const query = pageUrl ? new URL(pageUrl).searchParams : new URLSearchParams();
  const utm = (name: string) => text(body, `_utm_${name}`, 200) ?? (query.get(`utm_${name}`)?.trim().slice(0, 200) || null);
  return {
    sid: sid && SID.test(sid) ? sid : null,
    version: version && /^[1-9]\d{0,8}$/.test(version) ? Number(version) : null,
    honeypot: text(body, '_hp', 1000),
    elapsedMs: elapsed && /^\d{1,12}$/.test(elapsed) ? Number(elapsed) : null,
    // Only the shape f.js makes: `/known` answers to no other, so no other is worth keeping.
    visitorId: visitorId && isVisitorId(visitorId) ? visitorId : null,
    source: parseSource(text(body, '_src', 60)),
    touch: {
      page_url: pageUrl,
      page_title: text(body, '_title', 500),
      referrer: httpUrl(text(body, '_ref', 2000)),
      utm: {
        source: utm('source'),
        medium: utm('medium'),
        campaign: utm('campaign'),
        term: utm('term'),
        content: utm('content'),
      },
    },
  };
}

/** A submission checked against its version, ready for the write path. */
export interface PreparedSubmission {
  email: string;
  values: Record<string, Exclude<FieldAnswer, undefined>>;
  contact: ContactInput;
  consents: Array<{ purpose: string; granted: boolean; text_shown: string }>;
  /** Contact field (as the contacts engine names it in errors) → the form's field key. */
  fieldKeys: Record<string, string>;
}

function hiddenValue(field: Extract<FormFieldValue, { kind: 'hidden' }>, touch: Touch): string | undefined {
  switch (field.source) {
    case 'fixed': return field.value;
    case 'page_url': return touch.page_url ?? undefined;
    case 'page_title': return touch.page_title ?? undefined;
    case 'referrer': return touch.referrer ?? undefined;
    case 'query': {
      if (!touch.page_url || !field.param) return undefined;
      return new URL(touch.page_url).searchParams.get(field.param) ?? undefined;
    }
    default: return touch.utm[field.source.slice(4) as keyof Touch['utm']] ?? undefined;
  }
}

/**
 * Checks a body against a published version, field by field (every error at once, each under
 * its field key), and builds the contact's input: empty answers are left out (the contacts
 * engine would write a sent null), hidden fields are filled from the page's meta, a country
 * code becomes its English name. With progressive profiling on, a field whose key was not sent
 * at all was replaced on the page by a queue field and is not required.
 */
export function prepareSubmission(def: FormDefinitionValue, body: FormBody, meta: Meta, formName: string): { errors: FieldError[] } | { ready: PreparedSubmission } {
  const errors: FieldError[] = [];
  const values: PreparedSubmission['values'] = {};
  const contact: ContactInput = { ...touchOf(meta.touch, formName) };
  const custom: Record<string, unknown> = {};
  const consents: PreparedSubmission['consents'] = [];
  const fieldKeys: Record<string, string> = {};
  let email: string | null = null;
  const queueSent = def.progressive.enabled && def.progressive.queue.some((f) => Object.hasOwn(body, f.key));
  const fields = [...def.fields, ...(def.progressive.enabled ? def.progressive.queue : [])];
  const inQueue = new Set(def.progressive.queue.map((f) => f.key));

  for (const field of fields) {
    let raw: RawValue = own(body, field.key) as RawValue;
    // f.js and plain HTML forms post their hidden inputs empty: the page's meta fills them.
    if (field.kind === 'hidden' && (isEmpty(raw) || field.source === 'fixed')) raw = hiddenValue(field, meta.touch);
    if (Array.isArray(raw) && field.kind !== 'multiselect') {
      errors.push({ field: field.key, message: 'was sent more than once' });
      continue;
    }
    const skipped = raw === undefined && (inQueue.has(field.key) || (queueSent && isReplaceable(field.kind)));
    if (skipped) continue;
    const checked = checkValue(field, raw, { normaliseEmail });
    if ('message' in checked) {
      errors.push({ field: field.key, message: checked.message });
      continue;
    }
    const value = checked.value;
    if (field.kind === 'consent') {
      consents.push({ purpose: field.purpose, granted: value === true, text_shown: field.text });
      values[field.key] = value === true;
      continue;
    }
    if (value === undefined) continue;
    values[field.key] = value;
    if (field.kind === 'email') {
      email = value as string;
      if (field.business_only && isFreeMailDomain(emailDomain(email))) errors.push({ field: field.key, message: 'must be a work address, not a free mail one' });
    }
    const target = field.maps_to;
    if (target.to === 'standard') {
      const stored = field.kind === 'country' ? countryName(value as string) ?? String(value) : Array.isArray(value) ? value.join(', ') : String(value);
      const max = target.field === 'email' ? 254 : TEXT_FIELDS[target.field as TextField];
      if (stored.length > max) {
        errors.push({ field: field.key, message: `must be at most ${max} characters` });
        continue;
      }
      (contact as Record<string, unknown>)[target.field] = stored;
      fieldKeys[target.field] = field.key;
    } else if (target.to === 'custom') {
      custom[target.key] = value;
      fieldKeys[`custom.${target.key}`] = field.key;
    }
  }
  if (errors.length > 0) return { errors };
  if (!email) return { errors: [{ field: def.fields.find((f) => f.kind === 'email')?.key ?? 'email', message: 'is required' }] };
  if (Object.keys(custom).length > 0) contact.custom = custom;
  if (def.settings.tags.length > 0) contact.tags = [...def.settings.tags];
  if (def.settings.lifecycle_stage) contact.lifecycle_stage = def.settings.lifecycle_stage;
  return { ready: { email, values, contact, consents, fieldKeys } };
}

/**
 * The idempotency key of a submission: the client's `_sid`, else a hash of what was posted from
 * where within ten minutes, so a no-JS double post collapses into one submission.
 */
export function clientSubmissionId(meta: Meta, formId: string, ip: string, body: FormBody, now = Date.now()): string {
  if (meta.sid) return meta.sid;
  const canonical = JSON.stringify(Object.keys(body).filter((k) => !k.startsWith('_')).sort().map((k) => [k, own(body, k)]));
  return `h:${createHash('sha256').update(`${formId}\n${ip}\n${canonical}\n${Math.floor(now / 600_000)}`).digest('hex').slice(0, 40)}`;
}
