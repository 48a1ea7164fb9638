import { describe, expect, it } from 'vitest';
import type { CustomFieldDefinition } from '../custom-fields.js';
import type { MappingTarget, StandardField } from './column-mapping.js';
import { isInflowExport, rowToContact, type RowContext } from './row-to-contact.js';
import { DEFAULT_PLACEHOLDERS } from './value-cleaning.js';

const field = (name: StandardField): MappingTarget => ({ kind: 'field', field: name });
const custom = (key: string): MappingTarget => ({ kind: 'custom', key });
const definition = (key: string, type: CustomFieldDefinition['type'], options: string[] = []): [string, CustomFieldDefinition] => [key, { key, label: key, type, options }];

function context(targets: Record<string, MappingTarget>, overrides: Partial<RowContext> = {}): RowContext {
  return {
    columns: Object.entries(targets).map(([header, target], column) => ({ column, header, target })),
    definitions: new Map([
      definition('visits', 'number'),
      definition('newsletter', 'boolean'),
      definition('signed_up', 'date'),
      definition('plan', 'select', ['Free', 'Pro']),
      definition('interests', 'multiselect', ['SEO', 'Email', 'Ads']),
      definition('notes', 'text'),
    ]),
    placeholders: DEFAULT_PLACEHOLDERS,
    dayFirst: false,
    tags: [],
    fromInflowExport: false,
    owners: new Map([['sales@acme.test', 'user-1']]),
    ...overrides,
  };
}

describe('rowToContact', () => {
  it('fills standard fields and leaves placeholders and blanks unset', () => {
    const ctx = context({ Email: field('email'), City: field('city'), Country: field('country'), Source: field('source') });
    expect(rowToContact(['  ana@acme.test ', 'Select', '', 'Google'], ctx)).toEqual({
      kind: 'contact',
      input: { email: 'ana@acme.test', source: 'Google' },
      warnings: [],
    });
  });

  it('reads booleans, numbers, dates and choices into typed custom fields', () => {
    const ctx = context({ id: field('external_id'), v: custom('visits'), n: custom('newsletter'), d: custom('signed_up'), p: custom('plan'), i: custom('interests') });
    expect(rowToContact(['L-1', '1,234.5', 'Yes', '03/05/2024', 'pro', 'seo; Email'], ctx)).toEqual({
      kind: 'contact',
      input: { external_id: 'L-1', custom: { visits: 1234.5, newsletter: true, signed_up: '2024-03-05', plan: 'Pro', interests: ['SEO', 'Email'] } },
      warnings: [],
    });
    expect(rowToContact(['L-1', '', '', '03/05/2024', '', ''], context(ctx.columns.reduce((acc, c) => ({ ...acc, [c.header]: c.target }), {}), { dayFirst: true }))).toMatchObject({
      input: { custom: { signed_up: '2024-05-03' } },
    });
  });

  it('names every bad cell by its column, and writes nothing of the row', () => {
    const ctx = context({ Email: field('email'), Visits: custom('visits'), News: custom('newsletter'), Plan: custom('plan'), DNC: field('do_not_call'), Owner: field('owner_email') });
    expect(rowToContact(['a@acme.test', 'many', 'perhaps', 'Gold', 'sometimes', 'nobody@acme.test'], ctx)).toEqual({
      kind: 'invalid',
      errors: [
        { column: 'Visits', value: 'many', message: 'must be a number' },
        { column: 'News', value: 'perhaps', message: 'must be yes or no (or true/false, 1/0)' },
        { column: 'Plan', value: 'Gold', message: 'must be one of: Free, Pro' },
        { column: 'DNC', value: 'sometimes', message: 'must be yes or no (or true/false, 1/0, or a status such as Subscribed or Unsubscribed)' },
      ],
    });
  });

  it('imports a row whose owner is nobody of the workspace, or whose stage Inflow does not have, without them and with a warning', () => {
    const ctx = context({ Email: field('email'), Owner: field('owner_email'), Stage: field('lifecycle_stage') });
    expect(rowToContact(['a@acme.test', 'Nobody Known', 'Hot prospect'], ctx)).toEqual({
      kind: 'contact',
      input: { email: 'a@acme.test' },
      warnings: [
        { column: 'Owner', value: 'Nobody Known', message: 'names no member of this workspace (by name or email): imported without an owner' },
        { column: 'Stage', value: 'Hot prospect', message: expect.stringMatching(/^is not a lifecycle stage \(subscriber, lead, .*\): imported without one$/) },
      ],
    });
    // HubSpot's "Contact owner" holds a name: a member's name finds them, in any case.
    const byName = context({ Email: field('email'), Owner: field('owner_email') }, { owners: new Map([['sales@acme.test', 'user-1'], ['sam sales', 'user-1']]) });
    expect(rowToContact(['a@acme.test', 'SAM Sales'], byName)).toEqual({ kind: 'contact', input: { email: 'a@acme.test', owner_id: 'user-1' }, warnings: [] });
  });

  it('splits full names, keeps separate name columns first, and maps spelled-out stages', () => {
    const ctx = context({ Email: field('email'), Name: field('full_name'), First: field('first_name'), Stage: field('lifecycle_stage') });
    expect(rowToContact(['a@acme.test', 'Maria da Silva', '', 'Marketing Qualified Lead'], ctx)).toMatchObject({
      input: { first_name: 'Maria', last_name: 'da Silva', lifecycle_stage: 'mql' },
    });
    expect(rowToContact(['a@acme.test', 'Maria da Silva', 'Mia', 'Lead'], ctx)).toMatchObject({ input: { first_name: 'Mia', last_name: 'da Silva', lifecycle_stage: 'lead' } });
  });

  it('adds the import’s tags to the row’s own, and sets the owner by email', () => {
    const ctx = context({ Email: field('email'), Tags: field('tags'), Owner: field('owner_email') }, { tags: ['fair-2024'] });
    expect(rowToContact(['a@acme.test', 'VIP; news | VIP', 'Sales@ACME.test'], ctx)).toEqual({
      kind: 'contact',
      input: { email: 'a@acme.test', tags: ['fair-2024', 'VIP', 'news'], owner_id: 'user-1' },
      warnings: [],
    });
  });

  it('calls a row of empty cells blank, and refuses a row without email or external id', () => {
    const ctx = context({ Email: field('email'), City: field('city') });
    expect(rowToContact([' ', ''], ctx)).toEqual({ kind: 'blank' });
    expect(rowToContact(['n/a', 'Recife'], ctx)).toEqual({
      kind: 'invalid',
      errors: [{ column: 'Email', value: '', message: 'is empty: every row needs an email or an external id' }],
    });
  });

  it('takes off the quote an Inflow export puts before formula-like text, only in an Inflow export', () => {
    const exported = context({ Email: field('email'), Notes: custom('notes'), Phone: field('phone') }, { fromInflowExport: true });
    expect(rowToContact(['a@acme.test', "'=HYPERLINK(\"x\")", "'+55 81 99999-0000"], exported)).toMatchObject({
      input: { custom: { notes: '=HYPERLINK("x")' }, phone: '+55 81 99999-0000' },
    });
    expect(rowToContact(['a@acme.test', "'quoted'", ''], exported)).toMatchObject({ input: { custom: { notes: "'quoted'" } } });
    // Another tool's file is kept as given, quote and all.
    const foreign = context({ Email: field('email'), Notes: custom('notes') });
    expect(rowToContact(['a@acme.test', "'-alert(1)-'"], foreign)).toMatchObject({ input: { custom: { notes: "'-alert(1)-'" } } });
    expect(isInflowExport(['inflow_id', 'email'])).toBe(true);
    expect(isInflowExport(['Email', 'inflow_id'])).toBe(false);
  });

  it('never empties a name with the words for "not answered", compares options trimmed, and refuses NUL', () => {
    const ctx = context({ Email: field('email'), First: field('first_name'), Last: field('last_name'), City: field('city'), Plan: custom('plan') });
    expect(rowToContact(['a@acme.test', 'Nan', 'Null', 'n/a', ' pro '], ctx)).toEqual({
      kind: 'contact',
      input: { email: 'a@acme.test', first_name: 'Nan', last_name: 'Null', custom: { plan: 'Pro' } },
      warnings: [],
    });
    const withPadded = context({ Email: field('email'), Plan: custom('plan') }, { definitions: new Map([definition('plan', 'select', [' Enterprise '])]) });
    expect(rowToContact(['a@acme.test', 'enterprise'], withPadded)).toMatchObject({ input: { custom: { plan: ' Enterprise ' } } });
    expect(rowToContact(['a@acme.test', 'Ana\u0000', 'Souza', '', ''], ctx)).toEqual({
      kind: 'invalid',
      errors: [{ column: 'First', value: 'Ana\\0', message: 'holds a NUL character (U+0000), which cannot be stored' }],
    });
  });

  it('per-import placeholders replace the defaults', () => {
    const ctx = context({ Email: field('email'), City: field('city') }, { placeholders: ['unknown'] });
    expect(rowToContact(['a@acme.test', 'Unknown'], ctx)).toEqual({ kind: 'contact', input: { email: 'a@acme.test' }, warnings: [] });
    expect(rowToContact(['a@acme.test', 'Select'], ctx)).toEqual({ kind: 'contact', input: { email: 'a@acme.test', city: 'Select' }, warnings: [] });
  });
});
