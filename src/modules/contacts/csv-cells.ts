import { stringify } from 'csv-stringify/sync';

// Cells of the CSV files Inflow writes for people (exports, error reports). Spreadsheets run a
// cell that starts with = + - @ as a formula (a leading tab or carriage return can hide that
// start), so a lead who typed `=HYPERLINK(...)` into a form could run it on the machine of
// whoever opens our export. OWASP's advice: prefix such cells with a single quote, which
// spreadsheets show as text. Our importer takes that quote off again, so an export imports back
// unchanged.

const FORMULA_START = /^[=+\-@\t\r]/;
const ESCAPED = /^'[=+\-@\t\r]/;
// "-12.5" or "+3" is read as a number, never as a formula: left alone so numbers stay numbers.
const PLAIN_NUMBER = /^[+-]?\d+(?:\.\d+)?$/;

/** A cell as written to a CSV file a person may open in a spreadsheet. */
export function escapeFormula(cell: string): string {
  return FORMULA_START.test(cell) && !PLAIN_NUMBER.test(cell) ? `'${cell}` : cell;
}

/** A cell from a CSV file as Inflow wrote it: the quote {@link escapeFormula} added comes off. */
export function unescapeFormula(cell: string): string {
  return ESCAPED.test(cell) ? cell.slice(1) : cell;
}

/**
 * csv-stringify options for files people open: CRLF rows as RFC 4180 has them, and any value
 * holding a line break quoted (by default only the record delimiter itself forces quotes, so a
 * bare "\n" inside a value would split the row for every reader).
 */
export const CSV_WRITE_OPTIONS = { record_delimiter: '\r\n', quoted_match: /[\r\n]/ } as const;

// Excel reads a CSV file as UTF-8 only when it starts with a byte-order mark; our importer and
// most CSV readers skip it.
export const CSV_BOM = '\uFEFF';

/** Rows of text cells as the lines of a CSV file people open: every cell formula-escaped. */
export function csvLines(rows: readonly string[][]): string {
  return stringify(rows.map((row) => row.map(escapeFormula)), CSV_WRITE_OPTIONS);
}

/** A value as the text of one cell: empty for none, times in ISO, lists joined with "; ". */
export function textCell(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return value.toISOString();
  if (Array.isArray(value)) return value.map(String).join('; ');
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}
