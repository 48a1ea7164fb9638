// Progressive profiling, purely: which answers a known person already gave, and the fields a
// page shows them instead. f.js bundles `progressiveFields` (this file imports types only, so
// the embed stays small); the server computes `answeredKeys` for `GET /public/forms/:id/known`.
import type { FormFieldValue } from './definition.js';

type Kind = FormFieldValue['kind'];

/**
 * Whether a field of this kind may give way to a queue field: the email is the person's
 * identity, a consent is asked each time with its text, a hidden field is never seen.
 */
export function isReplaceable(kind: Kind): boolean {
  return kind !== 'email' && kind !== 'consent' && kind !== 'hidden';
}

/**
 * The fields a known visitor sees: each answered replaceable field gives its place to the next
 * unanswered queue field, so the form keeps its length and asks something new. When the queue
 * runs out, the answered field stays (asked again, never prefilled: the page does not have
 * the value).
 */
export function progressiveFields<F extends { key: string; kind: Kind }>(fields: readonly F[], queue: readonly F[], answered: readonly string[]): F[] {
  const done = new Set(answered);
  const next = queue.filter((f) => !done.has(f.key));
  return fields.map((field) => (isReplaceable(field.kind) && done.has(field.key) && next.length > 0 ? next.shift()! : field));
}

/** A value someone gave: not missing, not blank text, not an empty list. */
export function isAnswer(value: unknown): boolean {
  if (value === null || value === undefined) return false;
  if (typeof value === 'string') return value.trim() !== '';
  if (Array.isArray(value)) return value.length > 0;
  return true;
}

/** What the server knows of a person, to tell which questions they answered. */
export interface KnownPerson {
  /** The contact's standard fields by name (`job_title`, …). */
  standard: Readonly<Record<string, unknown>>;
  /** The contact's custom values by key. */
  custom: Readonly<Record<string, unknown>>;
  /** Keys of this form a past submission of theirs answered (for fields that fill nothing on the contact). */
  submitted: ReadonlySet<string>;
}

/**
 * The keys of the replaceable fields (form and queue) the person has answered: the contact has
 * a value where the field writes, or, for a field that writes nowhere on the contact, one of
 * their earlier submissions of this form answered it. Keys only: a page never gets the values.
 */
export function answeredKeys(fields: readonly FormFieldValue[], person: KnownPerson): string[] {
  return fields
    .filter((field) => {
      if (!isReplaceable(field.kind)) return false;
      const to = field.maps_to;
      if (to.to === 'standard') return isAnswer(person.standard[to.field]);
      if (to.to === 'custom') return isAnswer(person.custom[to.key]);
      return person.submitted.has(field.key);
    })
    .map((field) => field.key);
}
