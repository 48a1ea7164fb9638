// The per-row error report of an import: a CSV file a marketer opens in a spreadsheet, so every
// cell taken from the imported file is formula-escaped.
import { open, truncate } from 'node:fs/promises';
import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import { CSV_WRITE_OPTIONS, escapeFormula, unescapeFormula } from '../csv-cells.js';

export const ERROR_REPORT_HEADER = ['row', 'column', 'value', 'message'] as const;

/** Lines of the report about rows that were imported, with a value left out, begin so. */
export const WARNING_PREFIX = 'Warning: ';

export interface RowError {
  /** The row as a spreadsheet numbers it: the header is row 1. */
  row: number;
  /** Header of the column at fault; empty when the whole row is. */
  column: string;
  value: string;
  message: string;
}

const MAX_VALUE = 200;

/** Lines of the report for these errors, with the header line first when `header` is set. */
export function errorReportText(errors: readonly RowError[], header: boolean): string {
  const rows = errors.map((e) => [
    String(e.row),
    escapeFormula(e.column),
    escapeFormula(e.value.length > MAX_VALUE ? `${e.value.slice(0, MAX_VALUE)}…` : e.value),
    escapeFormula(e.message),
  ]);
  return stringify(header ? [[...ERROR_REPORT_HEADER], ...rows] : rows, CSV_WRITE_OPTIONS);
}

/**
 * Appends errors to the report, which is `length` bytes long when the last chunk committed
 * (anything after that was written by a chunk that did not commit, and is cut off first).
 * Returns the new length, to be committed with the chunk.
 */
export async function appendErrors(path: string, length: number, errors: readonly RowError[]): Promise<number> {
  if (errors.length === 0) return length;
  const file = await open(path, 'r+').catch((err: NodeJS.ErrnoException) => (err.code === 'ENOENT' ? open(path, 'w+') : Promise.reject(err)));
  try {
    const { size } = await file.stat();
    // Shorter than committed only if the machine lost the file's last writes: go on from its end.
    const start = Math.min(size, length);
    if (size !== start) await file.truncate(start);
    const bytes = Buffer.from(errorReportText(errors, start === 0), 'utf8');
    await file.write(bytes, 0, bytes.length, start);
    return start + bytes.length;
  } finally {
    await file.close();
  }
}

/** Cuts the report back to what committed chunks wrote. */
export async function cutReport(path: string, length: number): Promise<void> {
  await truncate(path, length).catch((err: NodeJS.ErrnoException) => {
    if (err.code !== 'ENOENT') throw err;
  });
}

export interface ReportLine extends RowError {
  level: 'error' | 'warning';
}

/** The first lines of a report (its first 64 KB), as the API shows them beside the download. */
export async function firstReportLines(path: string, length: number, count: number): Promise<ReportLine[]> {
  if (length === 0) return [];
  const file = await open(path, 'r').catch(() => null);
  if (!file) return [];
  try {
    const { buffer, bytesRead } = await file.read({ buffer: Buffer.alloc(Math.min(length, 65_536)), position: 0 });
    const text = buffer.subarray(0, bytesRead).toString('utf8');
    // A cut-off last line is left out: only whole lines are parsed.
    const whole = bytesRead < length ? text.slice(0, text.lastIndexOf('\n') + 1) : text;
    const rows = parse(whole, { from_line: 2, relax_column_count: true }) as string[][];
    return rows.slice(0, count).map(([row = '', column = '', value = '', message = '']) => {
      const unescaped = { column: unescapeFormula(column), value: unescapeFormula(value), message: unescapeFormula(message) };
      const warning = unescaped.message.startsWith(WARNING_PREFIX);
      return { row: Number(row), ...unescaped, message: warning ? unescaped.message.slice(WARNING_PREFIX.length) : unescaped.message, level: warning ? 'warning' : 'error' };
    });
  } finally {
    await file.close();
  }
}
