import { describe, expect, it } from 'vitest';
import { isDateTime } from './date-time.js';

describe('isDateTime', () => {
  it.each(['2024-05-31T14:30:00Z', '2024-05-31t14:30:00.123456z', '2024-02-29T00:00:00+05:30', '1999-12-31 23:59:59-08:00'])('accepts %s', (value) => {
    expect(isDateTime(value)).toBe(true);
  });

  it.each([
    '2016-12-31T23:59:60Z',
    '2016-12-31T23:59:60.5+00:00',
    '2023-02-29T00:00:00Z',
    '2024-13-01T00:00:00Z',
    '2024-05-31T24:00:00Z',
    '2024-05-31T14:30:00',
    '2024-05-31T14:30:00+24:00',
    '2024-05-31',
    '2024-05-31T14:30:00Z\u0000',
    'yesterday',
  ])('refuses %j', (value) => {
    expect(isDateTime(value)).toBe(false);
  });
});
