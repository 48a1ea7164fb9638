import { cleanText } from '../../lib/text.js';

/** The standard contact fields that hold text, with the longest value each accepts. */
export const TEXT_FIELDS = {
  first_name: 200,
  last_name: 200,
  phone: 50,
  mobile_phone: 50,
  job_title: 200,
  company_name: 200,
  website: 500,
  country: 100,
  city: 100,
  street: 300,
  state: 100,
  postal_code: 20,
  lead_status: 100,
  source: 200,
  source_detail: 500,
  origin: 200,
  utm_source: 200,
  utm_medium: 200,
  utm_campaign: 200,
  utm_term: 200,
  utm_content: 200,
  referrer: 2000,
  latest_source: 200,
  latest_source_detail: 500,
} as const;

export type TextField = keyof typeof TEXT_FIELDS;

/**
 * Where a lead first came from: set by the first write that has a value, then kept by every
 * upsert, batch and import whatever its mode (a later visit is not how the person first came).
 * An edit of the contact by id may still change them. `latest_source` and
 * `latest_source_detail` are the last touch and follow each write; `created_at` is set only by
 * the write that creates the contact.
 */
export const FIRST_TOUCH_FIELDS: ReadonlySet<TextField> = new Set([
  'source', 'source_detail', 'origin', 'utm_source', 'utm_medium', 'utm_campaign', 'utm_term', 'utm_content', 'referrer',
]);

export const LIFECYCLE_STAGES = ['subscriber', 'lead', 'mql', 'sql', 'opportunity', 'customer', 'evangelist', 'other'] as const;
export type LifecycleStage = (typeof LIFECYCLE_STAGES)[number];

/** A stage's place in the funnel ('other' below all): merges and forms only move a contact up. */
export function stageRank(stage: string): number {
  return stage === 'other' ? -1 : (LIFECYCLE_STAGES as readonly string[]).indexOf(stage);
}

export const MAX_TAGS = 100;
export const MAX_TAG_LENGTH = 100;
export const MAX_EXTERNAL_ID_LENGTH = 200;

/** Fields whose changes the timeline records, in display order. */
export const TRACKED_FIELDS = [
  'email',
  'external_id',
  ...(Object.keys(TEXT_FIELDS) as TextField[]),
  'lifecycle_stage',
  'owner_id',
  'company_id',
  'do_not_email',
  'do_not_call',
  'tags',
  'custom',
] as const;

export type TrackedField = (typeof TRACKED_FIELDS)[number];

export { cleanText };

/** Tags as stored: trimmed, without empties, de-duplicated case-insensitively (first spelling wins). */
export function cleanTags(tags: readonly string[]): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const tag of tags) {
    const clean = cleanText(tag);
    if (!clean || seen.has(clean.toLowerCase())) continue;
    seen.add(clean.toLowerCase());
    out.push(clean);
  }
  return out;
}

function same(a: unknown, b: unknown): boolean {
  if ((a ?? null) === (b ?? null)) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  return JSON.stringify(a) === JSON.stringify(b);
}

/** What changed between two versions of a contact, as `{ field: [old, new] }`, for the timeline. */
export function fieldChanges(
  before: Partial<Record<TrackedField, unknown>>,
  after: Partial<Record<TrackedField, unknown>>,
): Record<string, [unknown, unknown]> {
  const changes: Record<string, [unknown, unknown]> = {};
  for (const field of TRACKED_FIELDS) {
    if (!(field in after)) continue;
    if (field === 'custom') {
      const oldCustom = (before.custom ?? {}) as Record<string, unknown>;
      const newCustom = (after.custom ?? {}) as Record<string, unknown>;
      for (const key of new Set([...Object.keys(oldCustom), ...Object.keys(newCustom)])) {
        if (!same(oldCustom[key], newCustom[key])) changes[`custom.${key}`] = [oldCustom[key] ?? null, newCustom[key] ?? null];
      }
    } else if (!same(before[field], after[field])) {
      changes[field] = [before[field] ?? null, after[field] ?? null];
    }
  }
  return changes;
}
