import type { Contact } from '../../db/schema.js';
import type { CustomValue } from './custom-fields.js';
import type { ContactChanges } from './contact-input.js';
import { FIRST_TOUCH_FIELDS, stageRank, type TextField } from './fields.js';

/** The columns of a contact that callers can change: the stored row less what Inflow manages. */
export type ContactValues = Omit<
  Contact,
  | 'workspace_id'
  | 'id'
  | 'created_at'
  | 'updated_at'
  | 'last_activity_at'
  | 'score'
  | 'fit_score'
  | 'temperature'
  | 'company_id'
  | 'unsubscribed_at'
  | 'tag_keys'
  | 'phone_digits'
  | 'deleted_at'
  | 'deleted_by_type'
  | 'deleted_by_id'
  | 'deleted_lists'
>;

export interface ApplyOptions {
  /** Upserts from forms and imports may be told not to overwrite what is already filled in. */
  keepExisting: boolean;
  /** Upserts add tags; an edit sets the list exactly. */
  tags: 'add' | 'set';
  /** Upserts keep first-touch fields that have a value (fields.ts); an edit by id may change them. */
  keepFirstTouch?: boolean;
  /** 'raise' (forms): an existing contact's stage only moves up the funnel; a new contact takes it. Default 'set'. */
  stage?: 'set' | 'raise';
}

function empty(value: unknown): boolean {
  return value === null || value === undefined || value === '' || (Array.isArray(value) && value.length === 0);
}

/**
 * The contact after the changes, from its current values (null for a new contact). With
 * keepExisting, a field that already has a value keeps it; clearing (null) is then ignored too.
 * With keepFirstTouch, the same holds for the first-touch fields alone.
 */
export function applyChanges(current: ContactValues | null, changes: ContactChanges, options: ApplyOptions): ContactValues {
  const base: ContactValues = current ?? {
    email: null,
    external_id: null,
    first_name: null,
    last_name: null,
    phone: null,
    mobile_phone: null,
    job_title: null,
    company_name: null,
    website: null,
    country: null,
    city: null,
    street: null,
    state: null,
    postal_code: null,
    lead_status: null,
    source: null,
    source_detail: null,
    origin: null,
    utm_source: null,
    utm_medium: null,
    utm_campaign: null,
    utm_term: null,
    utm_content: null,
    referrer: null,
    latest_source: null,
    latest_source_detail: null,
    lifecycle_stage: 'lead',
    owner_id: null,
    do_not_email: false,
    do_not_call: false,
    tags: [],
    custom: {},
  };
  const next: ContactValues = { ...base, tags: [...base.tags], custom: { ...base.custom } };
  const keep = (field: keyof ContactValues) =>
    (options.keepExisting || (options.keepFirstTouch === true && FIRST_TOUCH_FIELDS.has(field as TextField))) && current !== null && !empty(current[field]);

  const scalar = {
    email: changes.email,
    external_id: changes.external_id,
    ...changes.text,
    owner_id: changes.owner_id,
  } as Partial<Record<TextField | 'email' | 'external_id' | 'owner_id', string | null>>;
  for (const [field, value] of Object.entries(scalar) as Array<[keyof typeof scalar, string | null | undefined]>) {
    if (value === undefined || keep(field)) continue;
    next[field] = value;
  }
  // A stage set by a person or a rule is not undone by a form saying "lead" again.
  if (changes.lifecycle_stage !== undefined && !(options.keepExisting && current !== null)) {
    const lower = options.stage === 'raise' && current !== null && stageRank(changes.lifecycle_stage) <= stageRank(String(current.lifecycle_stage));
    if (!lower) next.lifecycle_stage = changes.lifecycle_stage;
  }
  if (changes.do_not_email !== undefined && !keep('do_not_email')) next.do_not_email = changes.do_not_email;
  if (changes.do_not_call !== undefined && !keep('do_not_call')) next.do_not_call = changes.do_not_call;
  if (changes.tags !== undefined) {
    if (options.tags === 'set') next.tags = changes.tags;
    else {
      const known = new Set(next.tags.map((t) => t.toLowerCase()));
      for (const tag of changes.tags) if (!known.has(tag.toLowerCase())) next.tags.push(tag);
    }
  }
  for (const [key, value] of Object.entries(changes.custom) as Array<[string, CustomValue | null]>) {
    if (options.keepExisting && current !== null && !empty(current.custom[key])) continue;
    if (value === null) delete next.custom[key];
    else next.custom[key] = value;
  }
  return next;
}
