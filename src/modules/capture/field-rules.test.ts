import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { normaliseEmail } from '../../lib/email-address.js';
import type { FormFieldValue } from './definition.js';
import { checkValue, countryName } from './field-rules.js';

const hostile = JSON.parse(fs.readFileSync(new URL('../../../../shared/fixtures/hostile-inputs.json', import.meta.url), 'utf8')) as Record<string, unknown>;
const none = { to: 'none' } as const;
const f = <K extends FormFieldValue['kind']>(kind: K, extra: Record<string, unknown> = {}) =>
  ({ key: 'k', label: 'K', required: false, maps_to: none, kind, ...extra }) as unknown as FormFieldValue;
const server = { normaliseEmail, today: '2026-06-15' };

describe('checkValue', () => {
  it('leaves an empty optional answer out and requires a required one', () => {
    expect(checkValue(f('text', { max_length: 10, format: 'plain' }), '  ')).toEqual({ value: undefined });
    expect(checkValue(f('text', { max_length: 10, format: 'plain', required: true }), undefined)).toEqual({ message: 'is required' });
  });

  it('checks emails with the server normaliser and a syntactic fallback', () => {
    expect(checkValue(f('email', { business_only: false }), ' Ana@Example.COM ', server)).toEqual({ value: 'Ana@example.com' });
    for (const bad of (hostile.emails_invalid as string[]).filter((e) => e !== '')) expect(checkValue(f('email', { business_only: false }), bad, server)).toHaveProperty('message');
    for (const good of hostile.emails_valid_unusual as string[]) expect(checkValue(f('email', { business_only: false }), good, server)).toHaveProperty('value');
    expect(checkValue(f('email', { business_only: false }), 'a@b')).toEqual({ message: 'is not a valid email address' });
    for (const injected of hostile.header_injection as string[]) expect(checkValue(f('email', { business_only: false }), injected, server)).toHaveProperty('message');
  });

  it('applies text lengths and the url format', () => {
    const text = f('text', { min_length: 2, max_length: 5, format: 'plain' });
    expect(checkValue(text, 'abcdef')).toEqual({ message: 'must be at most 5 characters' });
    expect(checkValue(text, 'a')).toEqual({ message: 'must be at least 2 characters' });
    expect(checkValue(f('text', { max_length: 200, format: 'url' }), 'javascript:alert(1)')).toHaveProperty('message');
    expect(checkValue(f('text', { max_length: 200, format: 'url' }), 'https://acme.com/x')).toEqual({ value: 'https://acme.com/x' });
  });

  it('checks numbers, phones, selects, multiselects, dates and countries', () => {
    const n = f('number', { min: 1, max: 10, integer: true });
    expect(checkValue(n, '7')).toEqual({ value: 7 });
    expect(checkValue(n, 7.5)).toEqual({ message: 'must be a whole number' });
    expect(checkValue(n, '11')).toEqual({ message: 'must be at most 10' });
    expect(checkValue(n, '1e400')).toEqual({ message: 'must be a number' });
    expect(checkValue(n, 'NaN')).toEqual({ message: 'must be a number' });
    expect(checkValue(f('phone'), '+1 (555) 010-9999')).toEqual({ value: '+1 (555) 010-9999' });
    expect(checkValue(f('phone'), '12')).toHaveProperty('message');
    const options = [{ value: 'a', label: 'A' }, { value: 'b', label: 'B' }];
    expect(checkValue(f('select', { options, display: 'dropdown' }), 'c')).toEqual({ message: 'is not one of the choices' });
    expect(checkValue(f('select', { options, display: 'dropdown' }), ['a', 'b'])).toEqual({ message: 'must be a single value' });
    const multi = f('multiselect', { options, max_selected: 1 });
    expect(checkValue(multi, ['a', 'a'])).toEqual({ value: ['a'] });
    expect(checkValue(multi, ['a', 'b'])).toEqual({ message: 'allows at most 1 choices' });
    const date = f('date', { min: 'today' });
    expect(checkValue(date, '2026-02-30', server)).toHaveProperty('message');
    expect(checkValue(date, '2026-06-14', server)).toEqual({ message: 'must be on or after 2026-06-15' });
    expect(checkValue(date, '2026-06-15', server)).toEqual({ value: '2026-06-15' });
    expect(checkValue(f('country'), 'de')).toEqual({ value: 'DE' });
    expect(checkValue(f('country'), 'ZZ')).toHaveProperty('message');
    expect(countryName('DE')).toBe('Germany');
  });

  it('reads ticks as true, not answered, or refused', () => {
    expect(checkValue(f('checkbox'), 'on')).toEqual({ value: true });
    expect(checkValue(f('checkbox'), undefined)).toEqual({ value: undefined });
    expect(checkValue(f('checkbox'), 'maybe')).toEqual({ message: 'must be ticked or not' });
    expect(checkValue(f('consent', { purpose: 'p', text: 't', required: true }), '')).toEqual({ message: 'must be accepted' });
    expect(checkValue(f('consent', { purpose: 'p', text: 't' }), undefined)).toEqual({ value: false });
  });

  it('keeps hostile text as data, and refuses control characters', () => {
    const text = f('textarea', { max_length: 10_000 });
    for (const group of ['xss', 'sql', 'template_injection', 'csv_formula', 'paths', 'urls']) {
      for (const value of hostile[group] as string[]) expect(checkValue(text, value)).toEqual({ value: value.normalize('NFC').trim() || undefined });
    }
    expect(checkValue(text, '\u0000null\u0000byte')).toEqual({ message: 'contains a control character' });
    expect(checkValue(text, 'x'.repeat(20_001))).toEqual({ message: 'must be at most 20000 characters' });
    expect(checkValue(text, { toString: () => 'x' } as never)).toEqual({ message: 'must be a single value' });
  });
});
