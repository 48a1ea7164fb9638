// Which type a new custom field should have, judged from a column's values. Pure.
import type { CustomFieldType } from '../custom-fields.js';
import { isEmptyValue, parseBoolean, parseDate, parseNumber } from './value-cleaning.js';

// Zip codes, phone digits and ids: numbers by their look, but a leading zero or more digits than
// a double holds exactly would be lost by storing them as numbers.
const NUMBER_LOOKING_CODE = /^[+-]?0\d|^\d{16,}$/;

/**
 * The type of a custom field for these sample values: `number` if every filled value is a
 * number, else `boolean` if every one is a yes/no answer, else `date` if every one is a date,
 * else `text`. Blanks and placeholders are left out; a column with no value at all is text.
 * Numbers come first, so a 0/1 column is a number.
 */
export function guessFieldType(values: readonly string[], options: { placeholders: readonly string[]; dayFirst: boolean }): CustomFieldType {
  const filled = values.filter((v) => !isEmptyValue(v, options.placeholders)).map((v) => v.trim());
  if (filled.length === 0) return 'text';
  if (filled.every((v) => parseNumber(v) !== null && !NUMBER_LOOKING_CODE.test(v))) return 'number';
  if (filled.every((v) => parseBoolean(v) !== null)) return 'boolean';
  if (filled.every((v) => parseDate(v, { dayFirst: options.dayFirst }) !== null)) return 'date';
  return 'text';
}
