import { describe, expect, it } from 'vitest';
import { parseCreationTime } from './creation-time.js';

const now = Date.UTC(2026, 10, 23, 12, 0, 0);
const at = (value: string) => {
  const result = parseCreationTime(value, now);
  return 'at' in result ? result.at.toISOString() : result.problem;
};

describe('a contact’s creation time', () => {
  it('reads a day as its midnight in UTC, and a date and time at its offset', () => {
    expect(at('2019-03-04')).toBe('2019-03-04T00:00:00.000Z');
    expect(at(' 2019-03-04T10:15:00Z ')).toBe('2019-03-04T10:15:00.000Z');
    expect(at('2019-03-04T10:15:30.25-03:00')).toBe('2019-03-04T13:15:30.250Z');
    expect(at('2019-03-04T10:15+01:00')).toBe('2019-03-04T09:15:00.000Z');
  });

  it('refuses a time without an offset, which could be any of 26 hours', () => {
    expect(at('2019-03-04T10:15:00')).toMatch(/^must be a date/);
  });

  it('refuses what is not a date, not a real day, before 1970 or in the future', () => {
    for (const value of ['', 'yesterday', '04/03/2019', '2019-3-4', '2019-03-04 10:15Z', '<script>']) expect(at(value), value).toMatch(/^must be a date/);
    expect(at('2019-02-29')).toBe('is not a real date');
    expect(at('2019-03-04T24:00Z')).toBe('is not a real date');
    expect(at('1969-12-31T23:59:59Z')).toBe('must not be before 1970');
    expect(at('2026-11-24')).toBe('must not be in the future');
    expect(at('2026-11-23T12:04:00Z')).toBe('2026-11-23T12:04:00.000Z');
  });
});
