// The import wizard's mapping: which contact field each CSV column fills, as Select values
// ("field:email", "custom:plan", "ignore") and back. Pure, so the rules read in one place.

import type { CustomField, CustomFieldType } from '../../api/custom-fields';
import type { ImportField, ImportPreview, MappingEntry, MappingTarget } from '../../api/imports';
import { CUSTOM_TYPE_LABELS, FIELD_LABELS } from '../../contact-fields';

/**
 * The fields a column can fill, in picker order: keyed by the server's list (generated), so a
 * field it adds fails the build until it is named here. Contact fields keep their usual names.
 */
const IMPORT_LABELS: Record<ImportField, string> = {
  email: FIELD_LABELS.email,
  external_id: FIELD_LABELS.external_id,
  first_name: FIELD_LABELS.first_name,
  last_name: FIELD_LABELS.last_name,
  full_name: 'Full name (split into first and last)',
  phone: FIELD_LABELS.phone,
  mobile_phone: FIELD_LABELS.mobile_phone,
  job_title: FIELD_LABELS.job_title,
  company_name: FIELD_LABELS.company_name,
  website: FIELD_LABELS.website,
  country: FIELD_LABELS.country,
  street: FIELD_LABELS.street,
  city: FIELD_LABELS.city,
  state: FIELD_LABELS.state,
  postal_code: FIELD_LABELS.postal_code,
  lifecycle_stage: FIELD_LABELS.lifecycle_stage,
  lead_status: FIELD_LABELS.lead_status,
  owner_email: 'Owner (their email)',
  source: FIELD_LABELS.source,
  source_detail: FIELD_LABELS.source_detail,
  origin: FIELD_LABELS.origin,
  utm_source: FIELD_LABELS.utm_source,
  utm_medium: FIELD_LABELS.utm_medium,
  utm_campaign: FIELD_LABELS.utm_campaign,
  utm_term: FIELD_LABELS.utm_term,
  utm_content: FIELD_LABELS.utm_content,
  referrer: FIELD_LABELS.referrer,
  tags: 'Tags (comma-separated)',
  do_not_email: FIELD_LABELS.do_not_email,
  do_not_call: FIELD_LABELS.do_not_call,
  created_at: 'Created (for new contacts)',
  notes: 'Note (added to the timeline)',
  opt_in_time: 'Opt-in time (consent record)',
  opt_in_ip: 'Opt-in IP address (consent record)',
  confirm_time: 'Opt-in confirmed at (consent record)',
  confirm_ip: 'Confirmation IP address (consent record)',
  unsubscribed_at: 'Unsubscribed at (opts out of email)',
  cleaned_at: 'Bounced / cleaned at (opts out of email)',
};
const IMPORT_FIELDS = Object.keys(IMPORT_LABELS) as ImportField[];

export const importFieldLabel = (field: ImportField) => IMPORT_LABELS[field];

export function targetValue(target: MappingTarget): string {
  if (target.kind === 'field') return `field:${target.field}`;
  if (target.kind === 'custom') return `custom:${target.key}`;
  return 'ignore';
}

export function targetOf(value: string): MappingTarget {
  if (value.startsWith('field:')) return { kind: 'field', field: value.slice(6) as ImportField };
  if (value.startsWith('custom:')) return { kind: 'custom', key: value.slice(7) };
  return { kind: 'ignore' };
}

export interface NewField {
  key: string;
  label: string;
  type: CustomFieldType;
}

/** The options of one column's picker: contact fields, existing custom fields, the field it could create. */
export function targetOptions(definitions: readonly CustomField[], newFields: readonly NewField[]) {
  return [
    { group: 'Skip', items: [{ value: 'ignore', label: 'Don’t import this column' }] },
    {
      group: 'Contact fields',
      items: IMPORT_FIELDS.map((f) => ({ value: `field:${f}`, label: importFieldLabel(f) })),
    },
    ...(definitions.length
      ? [{ group: 'Your contact fields', items: definitions.map((d) => ({ value: `custom:${d.key}`, label: d.label })) }]
      : []),
    ...(newFields.length
      ? [
          {
            group: 'New contact fields',
            items: newFields.map((f) => ({ value: `custom:${f.key}`, label: `New: ${f.label} (${CUSTOM_TYPE_LABELS[f.type].toLowerCase()})` })),
          },
        ]
      : []),
  ];
}

/** Custom fields the preview would create, minus the ones that exist already. */
export function creatableFields(preview: ImportPreview, definitions: readonly CustomField[]): NewField[] {
  const existing = new Set(definitions.map((d) => d.key));
  return preview.new_fields.filter((f) => !existing.has(f.key));
}

/** What stops this mapping from running, worded for the marketer; empty when it can start. */
export function mappingProblems(mapping: readonly MappingEntry[], labelOf: (value: string) => string): string[] {
  const problems: string[] = [];
  const counts = new Map<string, number>();
  for (const entry of mapping) {
    if (entry.target.kind === 'ignore') continue;
    const value = targetValue(entry.target);
    counts.set(value, (counts.get(value) ?? 0) + 1);
  }
  const identity = mapping.some((m) => m.target.kind === 'field' && (m.target.field === 'email' || m.target.field === 'external_id'));
  if (!identity) problems.push('Pick the column that holds the email, or an ID from the other system (External ID): every contact needs one of them.');
  for (const [value, count] of counts) {
    if (count > 1) problems.push(`${count} columns fill ${labelOf(value)}: keep one of them.`);
  }
  return problems;
}

/** The first few non-empty values of a column, to recognise what it holds. */
export function sampleValues(preview: ImportPreview, column: number, max = 3): string[] {
  const values: string[] = [];
  for (const row of preview.sample_rows) {
    const value = row[column]?.trim();
    if (value) values.push(value);
    if (values.length === max) break;
  }
  return values;
}
