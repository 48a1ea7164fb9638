import type { FieldError } from '../../errors.js';
import { parseCreationTime } from './creation-time.js';
import { checkCustomValues, type CustomFieldDefinition, type CustomValue } from './custom-fields.js';
import { normaliseEmail } from '../../lib/email-address.js';
import {
  cleanTags,
  cleanText,
  LIFECYCLE_STAGES,
  MAX_EXTERNAL_ID_LENGTH,
  MAX_TAG_LENGTH,
  MAX_TAGS,
  TEXT_FIELDS,
  type LifecycleStage,
  type TextField,
} from './fields.js';

/** A contact as callers send it: every field optional; null clears a field. */
export type ContactInput = Partial<Record<TextField, string | null>> & {
  email?: string | null;
  external_id?: string | null;
  lifecycle_stage?: string;
  owner_id?: string | null;
  company_id?: string | null;
  do_not_email?: boolean;
  do_not_call?: boolean;
  tags?: string[];
  custom?: Record<string, unknown>;
  /** When the contact was created elsewhere; used only if this creates the contact. */
  created_at?: string;
};

/** The same input, checked and normalised: only the fields the caller sent. */
export interface ContactChanges {
  email?: string | null;
  external_id?: string | null;
  text: Partial<Record<TextField, string | null>>;
  lifecycle_stage?: LifecycleStage;
  owner_id?: string | null;
  /** Checked against the workspace's companies by the caller (it needs the database). */
  company_id?: string | null;
  do_not_email?: boolean;
  do_not_call?: boolean;
  tags?: string[];
  custom: Record<string, CustomValue | null>;
  createdAt?: Date;
}

/**
 * Checks and normalises a contact input against the workspace's custom fields. Returns every
 * problem at once, each naming its field, so a form or an import row can show them all.
 */
export function checkContactInput(
  input: ContactInput,
  definitions: ReadonlyMap<string, CustomFieldDefinition>,
): { changes: ContactChanges; errors: FieldError[] } {
  const errors: FieldError[] = [];
  const changes: ContactChanges = { text: {}, custom: {} };

  if (input.email !== undefined) {
    const raw = cleanText(input.email);
    if (raw === null) changes.email = null;
    else {
      const result = normaliseEmail(raw);
      if (result.ok) changes.email = result.email;
      else errors.push({ field: 'email', message: result.reason });
    }
  }
  if (input.external_id !== undefined) {
    const id = cleanText(input.external_id);
    if (id !== null && id.length > MAX_EXTERNAL_ID_LENGTH) {
      errors.push({ field: 'external_id', message: `must be at most ${MAX_EXTERNAL_ID_LENGTH} characters` });
    } else changes.external_id = id;
  }
  for (const [field, max] of Object.entries(TEXT_FIELDS) as Array<[TextField, number]>) {
    if (input[field] === undefined) continue;
    const value = cleanText(input[field]);
    if (value !== null && value.length > max) errors.push({ field, message: `must be at most ${max} characters` });
    else changes.text[field] = value;
  }
  if (input.lifecycle_stage !== undefined) {
    const stage = input.lifecycle_stage.trim().toLowerCase();
    if ((LIFECYCLE_STAGES as readonly string[]).includes(stage)) changes.lifecycle_stage = stage as LifecycleStage;
    else errors.push({ field: 'lifecycle_stage', message: `must be one of: ${LIFECYCLE_STAGES.join(', ')}` });
  }
  if (input.owner_id !== undefined) changes.owner_id = input.owner_id;
  if (input.company_id !== undefined) changes.company_id = cleanText(input.company_id);
  if (input.do_not_email !== undefined) changes.do_not_email = input.do_not_email;
  if (input.do_not_call !== undefined) changes.do_not_call = input.do_not_call;
  if (input.tags !== undefined) {
    const tags = cleanTags(input.tags);
    if (tags.length > MAX_TAGS) errors.push({ field: 'tags', message: `must have at most ${MAX_TAGS} tags` });
    else if (tags.some((t) => t.length > MAX_TAG_LENGTH)) errors.push({ field: 'tags', message: `each tag must be at most ${MAX_TAG_LENGTH} characters` });
    else changes.tags = tags;
  }
  if (input.created_at !== undefined) {
    const result = parseCreationTime(input.created_at);
    if ('at' in result) changes.createdAt = result.at;
    else errors.push({ field: 'created_at', message: result.problem });
  }
  if (input.custom !== undefined) {
    const custom = checkCustomValues(definitions, input.custom);
    errors.push(...custom.errors);
    changes.custom = custom.values;
  }
  return { changes, errors };
}
