import { describe, expect, it } from 'vitest';
import { plural } from './plural.js';

describe('plural', () => {
  it.each([
    [0, 'contact', undefined, '0 contacts'],
    [1, 'contact', undefined, '1 contact'],
    [1204, 'contact', undefined, '1,204 contacts'],
    [1, 'company', 'companies', '1 company'],
    [3, 'field is', 'fields are', '3 fields are'],
  ])('%d %s', (n, one, many, expected) => {
    expect(plural(n, one, many)).toBe(expected);
  });
});
