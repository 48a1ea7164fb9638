import type { FieldError } from '../../errors.js';

export const CUSTOM_FIELD_TYPES = ['text', 'number', 'date', 'boolean', 'select', 'multiselect'] as const;
export type CustomFieldType = (typeof CUSTOM_FIELD_TYPES)[number];

export interface CustomFieldDefinition {
  key: string;
  label: string;
  type: CustomFieldType;
  /** The allowed values of select and multiselect fields; empty for the other types. */
  options: readonly string[];
}

export type CustomValue = string | number | boolean | string[];

export const CUSTOM_KEY_PATTERN = '^[a-z][a-z0-9_]{0,62}$';
const KEY = new RegExp(CUSTOM_KEY_PATTERN);
const MAX_TEXT = 10_000;
const MAX_OPTIONS = 500;
const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

function isRealDate(value: string): boolean {
  const match = DATE.exec(value);
  if (!match) return false;
  const [, y, m, d] = match.map(Number) as [number, number, number, number];
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

/** Checks a new field's definition; returns the problems, field by field. */
export function definitionErrors(input: { key: string; label: string; type: CustomFieldType; options?: readonly string[] }): FieldError[] {
  const errors: FieldError[] = [];
  if (!KEY.test(input.key)) errors.push({ field: 'key', message: 'must start with a letter and hold only lower-case letters, digits and _' });
  if (!input.label.trim()) errors.push({ field: 'label', message: 'must not be empty' });
  const options = input.options ?? [];
  if (input.type === 'select' || input.type === 'multiselect') {
    if (options.length === 0) errors.push({ field: 'options', message: `a ${input.type} field needs at least one option` });
    if (options.length > MAX_OPTIONS) errors.push({ field: 'options', message: `must have at most ${MAX_OPTIONS} options` });
    const seen = new Set<string>();
    for (const option of options) {
      if (!option.trim()) errors.push({ field: 'options', message: 'must not contain empty options' });
      if (seen.has(option)) errors.push({ field: 'options', message: `lists "${option}" twice` });
      seen.add(option);
    }
  } else if (options.length > 0) {
    errors.push({ field: 'options', message: `only select and multiselect fields have options` });
  }
  return errors;
}

/** Why a value does not fit a field of this definition, or null when it fits. */
function valueProblem(definition: CustomFieldDefinition, value: unknown): string | null {
  switch (definition.type) {
    case 'text':
      if (typeof value !== 'string') return 'must be text';
      return value.length > MAX_TEXT ? `must be at most ${MAX_TEXT} characters` : null;
    case 'number':
      return typeof value === 'number' && Number.isFinite(value) ? null : 'must be a number';
    case 'date':
      return typeof value === 'string' && isRealDate(value) ? null : 'must be a date as YYYY-MM-DD';
    case 'boolean':
      return typeof value === 'boolean' ? null : 'must be true or false';
    case 'select':
      return typeof value === 'string' && definition.options.includes(value) ? null : `must be one of: ${definition.options.join(', ')}`;
    case 'multiselect':
      if (!Array.isArray(value) || value.some((v) => typeof v !== 'string' || !definition.options.includes(v))) {
        return `must be a list of: ${definition.options.join(', ')}`;
      }
      return null;
  }
}

/**
 * Checks custom field values against the workspace's definitions. `null` clears a field.
 * Returns the values to store (multiselects de-duplicated, text kept as given) or the errors,
 * each named `custom.<key>`.
 */
export function checkCustomValues(
  definitions: ReadonlyMap<string, CustomFieldDefinition>,
  input: Readonly<Record<string, unknown>>,
): { values: Record<string, CustomValue | null>; errors: FieldError[] } {
  const values: Record<string, CustomValue | null> = {};
  const errors: FieldError[] = [];
  for (const [key, value] of Object.entries(input)) {
    const field = `custom.${key}`;
    const definition = definitions.get(key);
    if (!definition) {
      errors.push({ field, message: 'is not a custom field of this workspace' });
      continue;
    }
    if (value === null) {
      values[key] = null;
      continue;
    }
    const problem = valueProblem(definition, value);
    if (problem) errors.push({ field, message: problem });
    else values[key] = Array.isArray(value) ? [...new Set(value as string[])] : (value as CustomValue);
  }
  return { values, errors };
}
