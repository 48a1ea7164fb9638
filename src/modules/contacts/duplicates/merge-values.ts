import type { Contact } from '../../../db/schema.js';
import type { FieldError } from '../../../errors.js';
import { cleanTags, stageRank, TEXT_FIELDS, type TextField } from '../fields.js';

export type Side = 'this' | 'other';

/** Fields whose surviving value a person may choose; custom fields as `custom.<key>`. */
export const CHOOSABLE_FIELDS = ['email', 'external_id', ...(Object.keys(TEXT_FIELDS) as TextField[]), 'lifecycle_stage', 'owner_id', 'company_id'] as const;
type Choosable = (typeof CHOOSABLE_FIELDS)[number];

/** What the survivor of a merge is written with. */
export type MergedValues = Pick<
  Contact,
  Choosable | 'tags' | 'custom' | 'do_not_email' | 'do_not_call' | 'unsubscribed_at' | 'score' | 'fit_score' | 'temperature' | 'created_at' | 'last_activity_at'
>;

export interface Merge {
  values: MergedValues;
  /** Fields (and `custom.<key>`) whose surviving value is the other contact's. */
  takenFromOther: string[];
  /** The other contact's values that did not survive, so the timeline keeps them. */
  discarded: Record<string, unknown>;
  errors: FieldError[];
}

function empty(value: unknown): boolean {
  return value === null || value === undefined || value === '' || (Array.isArray(value) && value.length === 0);
}

export function same(a: unknown, b: unknown): boolean {
  return JSON.stringify(a ?? null) === JSON.stringify(b ?? null);
}

// "other" is a side track, not a step of the funnel: any real stage outranks it.

const earliest = (a: Date | null, b: Date | null) => (a && b ? (a < b ? a : b) : a ?? b);
const latest = (a: Date | null, b: Date | null) => (a && b ? (a > b ? a : b) : a ?? b);

/**
 * The surviving contact's values when `other` is merged into `survivor`. By default each
 * field keeps the survivor's value when it has one, else takes the other's; the stage is the
 * further one along the funnel; `keep` overrides per field. Tags are united. Opt-outs are
 * never chosen: the merged person keeps every "do not contact" either record had.
 */
export function mergeValues(survivor: Contact, other: Contact, keep: Readonly<Record<string, Side>>): Merge {
  const errors: FieldError[] = [];
  const customKeys = new Set([...Object.keys(survivor.custom), ...Object.keys(other.custom)]);
  for (const field of Object.keys(keep)) {
    const known = (CHOOSABLE_FIELDS as readonly string[]).includes(field) || (field.startsWith('custom.') && customKeys.has(field.slice(7)));
    if (!known) errors.push({ field: `keep.${field}`, message: 'is not a field either contact has a value to choose for' });
  }
  const takenFromOther: string[] = [];
  const discarded: Record<string, unknown> = {};
  const choose = <T>(field: string, mine: T, theirs: T, fallback: Side): T => {
    const side = keep[field] ?? fallback;
    const value = side === 'this' ? mine : theirs;
    if (side === 'other' && !same(mine, theirs)) takenFromOther.push(field);
    if (!empty(theirs) && !same(value, theirs)) discarded[field] = theirs;
    return value;
  };

  const chosen: Record<string, unknown> = {};
  for (const field of CHOOSABLE_FIELDS) {
    const fallback: Side = field === 'lifecycle_stage'
      ? (stageRank(other.lifecycle_stage) > stageRank(survivor.lifecycle_stage) ? 'other' : 'this')
      : empty(survivor[field]) && !empty(other[field]) ? 'other' : 'this';
    chosen[field] = choose(field, survivor[field], other[field], fallback);
  }
  const custom: Record<string, unknown> = {};
  for (const key of customKeys) {
    const mine = survivor.custom[key];
    const theirs = other.custom[key];
    const value = choose(`custom.${key}`, mine, theirs, empty(mine) && !empty(theirs) ? 'other' : 'this');
    if (!empty(value)) custom[key] = value;
  }
  const values: MergedValues = {
    ...(chosen as Pick<Contact, Choosable>),
    tags: cleanTags([...survivor.tags, ...other.tags]),
    custom,
    do_not_email: survivor.do_not_email || other.do_not_email,
    do_not_call: survivor.do_not_call || other.do_not_call,
    unsubscribed_at: earliest(survivor.unsubscribed_at, other.unsubscribed_at),
    score: Math.max(survivor.score, other.score),
    fit_score: Math.max(survivor.fit_score, other.fit_score),
    temperature: survivor.temperature ?? other.temperature,
    created_at: earliest(survivor.created_at, other.created_at)!,
    last_activity_at: latest(survivor.last_activity_at, other.last_activity_at),
  };
  if (values.email === null && values.external_id === null) {
    errors.push({ field: 'keep.email', message: 'the merged contact needs an email or an external id' });
  }
  return { values, takenFromOther, discarded, errors };
}
