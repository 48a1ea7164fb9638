import { describe, expect, it } from 'vitest';
import type { CustomFieldDefinition } from '../custom-fields.js';
import type { MappingEntry } from './import-options.js';
import { columnOfField, guessImportMapping, mappingWithOverrides, resolveMapping } from './mapping-resolution.js';
import { DEFAULT_PLACEHOLDERS } from './value-cleaning.js';

const definitions = new Map<string, CustomFieldDefinition>([['visits', { key: 'visits', label: 'Visits', type: 'number', options: [] }]]);
const options = (create_fields: boolean) => ({ create_fields, placeholders: DEFAULT_PLACEHOLDERS, day_first: false });
const targets = (mapping: readonly MappingEntry[]) => mapping.map((m) => [m.header, m.target]);

describe('guessImportMapping', () => {
  it('reads an Inflow export back: custom.<key> columns and export-only columns', () => {
    const guess = guessImportMapping(['inflow_id', 'email', 'score', 'custom.visits', 'custom.Bad Key', 'created_at']);
    expect(guess.map((m) => [m.header, m.target])).toEqual([
      ['inflow_id', { kind: 'ignore' }],
      ['email', { kind: 'field', field: 'email' }],
      ['score', { kind: 'ignore' }],
      ['custom.visits', { kind: 'custom', key: 'visits' }],
      ['custom.Bad Key', { kind: 'custom', key: 'custom_bad_key' }],
      ['created_at', { kind: 'field', field: 'created_at' }],
    ]);
  });
});

describe('resolveMapping', () => {
  const headers = ['Email', 'Visits', 'Favourite Colour', 'Member Since', 'Create Date'];
  const samples = [['a@x.test', '3', 'red', '2024-01-02', '2024-01-01'], ['b@x.test', '', 'blue', 'n/a', '2024-01-01']];

  it('without create_fields, ignores guessed custom fields that do not exist', () => {
    const result = resolveMapping({ headers, given: null, definitions, options: options(false), samples });
    expect(result.errors).toEqual([]);
    expect(result.create).toEqual([]);
    expect(targets(result.mapping)).toEqual([
      ['Email', { kind: 'field', field: 'email' }],
      ['Visits', { kind: 'custom', key: 'visits' }],
      ['Favourite Colour', { kind: 'ignore' }],
      ['Member Since', { kind: 'ignore' }],
      ['Create Date', { kind: 'field', field: 'created_at' }],
    ]);
  });

  it('with create_fields, creates the missing ones typed from the sample', () => {
    const result = resolveMapping({ headers, given: null, definitions, options: options(true), samples });
    expect(result.create).toEqual([
      { key: 'favourite_colour', label: 'Favourite Colour', type: 'text' },
      { key: 'member_since', label: 'Member Since', type: 'date' },
    ]);
  });

  it('checks a given mapping against the file and names each problem', () => {
    const given: MappingEntry[] = [
      { column: 0, header: 'Email', target: { kind: 'field', field: 'city' } },
      { column: 1, header: 'Visits', target: { kind: 'field', field: 'city' } },
      { column: 2, header: 'Colour', target: { kind: 'ignore' } },
      { column: 3, header: 'Member Since', target: { kind: 'custom', key: 'member_since' } },
      { column: 9, header: 'X', target: { kind: 'ignore' } },
      { column: 0, header: 'Email', target: { kind: 'ignore' } },
    ];
    expect(resolveMapping({ headers, given, definitions, options: options(false), samples }).errors).toEqual([
      { field: 'mapping.2', message: 'column 2 is "Favourite Colour" in the file, not "Colour"' },
      { field: 'mapping.4', message: 'column 9 is past the last column of the file (4)' },
      { field: 'mapping.5', message: 'column 0 is mapped twice' },
      { field: 'mapping.1', message: 'city is already filled by another column' },
      { field: 'mapping.3', message: 'custom field member_since does not exist: create it first, or import with create_fields' },
      { field: 'mapping', message: 'no column is mapped to email or external_id: every contact needs one of them' },
    ]);
  });

  it('leaves unlisted columns of a given mapping out', () => {
    const given: MappingEntry[] = [{ column: 0, header: 'Email', target: { kind: 'field', field: 'email' } }];
    const result = resolveMapping({ headers, given, definitions, options: options(false), samples });
    expect(result.errors).toEqual([]);
    expect(result.mapping.filter((m) => m.target.kind !== 'ignore')).toHaveLength(1);
  });
});

describe('mappingWithOverrides', () => {
  it('corrects the guess by header', () => {
    const { mapping, errors } = mappingWithOverrides(['Prospect ID', 'Lead Number', 'Tags'], { 'Lead Number': 'custom:lead_no', Tags: 'ignore', 'Prospect ID': 'external_id' });
    expect(errors).toEqual([]);
    expect(targets(mapping)).toEqual([
      ['Prospect ID', { kind: 'field', field: 'external_id' }],
      ['Lead Number', { kind: 'custom', key: 'lead_no' }],
      ['Tags', { kind: 'ignore' }],
    ]);
  });
  it('refuses unknown headers and targets', () => {
    expect(mappingWithOverrides(['A'], { B: 'email', A: 'nonsense' }).errors).toEqual([
      { field: 'B', message: 'is not a column of the file' },
      { field: 'A', message: '"nonsense" is not a field: use a standard field name, custom:<key> or ignore' },
    ]);
  });
});

describe('columnOfField', () => {
  it('finds the column of a contact field’s error', () => {
    const columnOf = columnOfField([
      { column: 0, header: 'E-mail', target: { kind: 'field', field: 'email' } },
      { column: 1, header: 'Name', target: { kind: 'field', field: 'full_name' } },
      { column: 2, header: 'Rep', target: { kind: 'field', field: 'owner_email' } },
      { column: 3, header: 'Visits', target: { kind: 'custom', key: 'visits' } },
    ]);
    expect(['email', 'first_name', 'last_name', 'owner_id', 'custom.visits', '(contact)'].map(columnOf)).toEqual(['E-mail', 'Name', 'Name', 'Rep', 'Visits', '']);
  });
});
