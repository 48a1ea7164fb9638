import { describe, expect, it } from 'vitest';
import { checkCustomValues, definitionErrors, type CustomFieldDefinition } from './custom-fields.js';

const definitions = new Map<string, CustomFieldDefinition>(
  [
    { key: 'occupation', label: 'Occupation', type: 'text', options: [] },
    { key: 'visits', label: 'Visits', type: 'number', options: [] },
    { key: 'signed_on', label: 'Signed on', type: 'date', options: [] },
    { key: 'newsletter', label: 'Newsletter', type: 'boolean', options: [] },
    { key: 'plan', label: 'Plan', type: 'select', options: ['free', 'pro'] },
    { key: 'interests', label: 'Interests', type: 'multiselect', options: ['seo', 'ads', 'email'] },
  ].map((d) => [d.key, d as CustomFieldDefinition]),
);

describe('checkCustomValues', () => {
  it('accepts a value of the right type for every kind of field', () => {
    const result = checkCustomValues(definitions, {
      occupation: 'Student',
      visits: 2.5,
      signed_on: '2024-02-29',
      newsletter: false,
      plan: 'pro',
      interests: ['seo', 'email', 'seo'],
    });
    expect(result.errors).toEqual([]);
    expect(result.values).toEqual({
      occupation: 'Student',
      visits: 2.5,
      signed_on: '2024-02-29',
      newsletter: false,
      plan: 'pro',
      interests: ['seo', 'email'],
    });
  });

  it('names every wrong value with what the field expects', () => {
    const result = checkCustomValues(definitions, {
      visits: '12',
      signed_on: '2023-02-29',
      newsletter: 'yes',
      plan: 'enterprise',
      interests: ['seo', 'tv'],
      unknown_field: 'x',
      occupation: 7,
    });
    expect(result.errors).toEqual([
      { field: 'custom.visits', message: 'must be a number' },
      { field: 'custom.signed_on', message: 'must be a date as YYYY-MM-DD' },
      { field: 'custom.newsletter', message: 'must be true or false' },
      { field: 'custom.plan', message: 'must be one of: free, pro' },
      { field: 'custom.interests', message: 'must be a list of: seo, ads, email' },
      { field: 'custom.unknown_field', message: 'is not a custom field of this workspace' },
      { field: 'custom.occupation', message: 'must be text' },
    ]);
  });

  it('clears a field given null, and rejects non-finite numbers', () => {
    expect(checkCustomValues(definitions, { plan: null }).values).toEqual({ plan: null });
    expect(checkCustomValues(definitions, { visits: Number.POSITIVE_INFINITY }).errors).toHaveLength(1);
  });
});

describe('definitionErrors', () => {
  it('accepts a well-formed definition', () => {
    expect(definitionErrors({ key: 'lead_number', label: 'Lead Number', type: 'number' })).toEqual([]);
    expect(definitionErrors({ key: 'plan', label: 'Plan', type: 'select', options: ['free', 'pro'] })).toEqual([]);
  });

  it('rejects unsafe keys, empty labels and bad options', () => {
    expect(definitionErrors({ key: 'Plan Type', label: ' ', type: 'select', options: [] })).toEqual([
      { field: 'key', message: 'must start with a letter and hold only lower-case letters, digits and _' },
      { field: 'label', message: 'must not be empty' },
      { field: 'options', message: 'a select field needs at least one option' },
    ]);
    expect(definitionErrors({ key: 'x', label: 'X', type: 'text', options: ['a'] })).toEqual([
      { field: 'options', message: 'only select and multiselect fields have options' },
    ]);
    expect(definitionErrors({ key: 'x', label: 'X', type: 'multiselect', options: ['a', 'a'] })).toEqual([
      { field: 'options', message: 'lists "a" twice' },
    ]);
  });
});
