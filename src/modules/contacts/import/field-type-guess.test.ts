import { describe, expect, it } from 'vitest';
import { guessFieldType } from './field-type-guess.js';
import { DEFAULT_PLACEHOLDERS } from './value-cleaning.js';

const guess = (values: string[], dayFirst = false) => guessFieldType(values, { placeholders: DEFAULT_PLACEHOLDERS, dayFirst });

describe('guessFieldType', () => {
  it('is number when every filled value is a number, placeholders and blanks aside', () => {
    expect(guess(['1', '2.5', '', 'Select', '1,234.5'])).toBe('number');
    expect(guess(['0', '1', '1'])).toBe('number');
  });
  it('keeps codes with leading zeros and long digit strings as text', () => {
    expect(guess(['01310', '22041'])).toBe('text');
    expect(guess(['12345678901234567'])).toBe('text');
  });
  it('is boolean for yes/no answers, date for dates, text otherwise', () => {
    expect(guess(['Yes', 'No', 'no'])).toBe('boolean');
    expect(guess(['2024-03-05', '2024-12-31 10:00'])).toBe('date');
    expect(guess(['31/12/2024'], true)).toBe('date');
    expect(guess(['31/12/2024'], false)).toBe('text');
    expect(guess(['Yes', 'Maybe'])).toBe('text');
    expect(guess(['', 'Select'])).toBe('text');
  });
});
