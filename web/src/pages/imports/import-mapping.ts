// The import wizard's mapping: which contact field each CSV column fills, as Select values
// ("field:email", "custom:plan", "ignore") and back. Pure, so the rules read in one place.

import type { CustomField, CustomFieldType } from '../../api/contacts';
import { IMPORT_FIELDS, type ImportField, type ImportPreview, type MappingEntry, type MappingTarget } from '../../api/imports';
import { CUSTOM_TYPE_LABELS, FIELD_LABELS } from '../contacts/contact-fields';

const IMPORT_LABELS: Partial<Record<ImportField, string>> = {
  full_name: 'Full name (split into first and last)',
  owner_email: 'Owner (their email)',
  tags: 'Tags (comma-separated)',
  created_at: 'Created (for new contacts)',
};

export const importFieldLabel = (field: ImportField) => IMPORT_LABELS[field] ?? FIELD_LABELS[field] ?? field;

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
