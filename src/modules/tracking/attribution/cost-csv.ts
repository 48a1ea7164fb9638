// Reads a campaign cost file, as the marketer exports it from Google Ads or Meta Ads Manager or
// keeps it in a spreadsheet, into one row per day and campaign, for cost per lead by campaign.
// Pure: the caller has the file's text or bytes; every row that cannot be read is a problem
// with its line, and the rows that can are kept.
import { CsvError, parse } from 'csv-parse/sync';
import { cleanText } from '../../../lib/text.js';
import { COLUMN_NAMES, findHeader, type CostColumns, type CostField, type CostHeader } from './cost-header.js';
import { dateOrderOf, decimalMarkOf, hasValue, parseAmount, parseCurrency, parseDate, type DateOrder, type DecimalMark, type Read } from './cost-values.js';

export interface CostRow {
  /** The report's day, YYYY-MM-DD. */
  date: string;
  campaign: string;
  /** Decimal with 2 places, as text: "1234.56". */
  amount: string;
  /** ISO 4217, upper case. */
  currency: string;
}

export interface CostProblem {
  /** 1-based line of the file where the row starts. */
  line: number;
  /** The row's field at fault, or 'file' for what stops the whole file being read. */
  field: CostField | 'file';
  message: string;
}

export interface CostCsvOptions {
  /** How to read dates such as 11/03/2026; guessed from the file's values when not given. */
  dateOrder?: DateOrder;
  /** The currency of files that name none (no currency column, no "(BRL)" in the amount's header). */
  defaultCurrency?: string;
}

export interface CostCsv {
  rows: CostRow[];
  problems: CostProblem[];
}

export const MAX_COST_ROWS = 100_000;

// Google Ads ends its export with "Total: Account", "Total: Campaigns", "Total: Search"…, in the
// first column or the campaign's. They restate the rows above: read as campaigns, they would count
// the money twice. A campaign merely named "Total Health" is kept.
const TOTAL = /^(?:grand )?totals?(?:\s*:.*)?$/i;

/**
 * The cost rows of a CSV file and the problems of those that cannot be read. Bytes are decoded
 * from UTF-16 when they start with its byte-order mark (Google Ads' "Excel CSV" download), else
 * from UTF-8, else from Windows-1252 (Excel's plain "CSV" on Windows). A missing column is one
 * problem naming it, and no rows.
 */
export function parseCostCsv(input: string | Uint8Array, options: CostCsvOptions = {}): CostCsv {
  const defaultCurrency = options.defaultCurrency === undefined ? undefined : checkedCurrency(options.defaultCurrency);
  const text = (typeof input === 'string' ? input : decode(input)).replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
  const header = findHeader(text);
  if (!header) return { rows: [], problems: [{ line: 1, field: 'file', message: 'is empty' }] };
  const missing = missingColumns(header, defaultCurrency);
  if (missing.length > 0) return { rows: [], problems: missing };

  const { records, problems } = readRecords(text, header);
  const { columns } = header;
  const cellsOf = (index: number) => records.map((record) => record.cells[index] ?? '');
  const dateOrder = options.dateOrder ?? dateOrderOf(cellsOf(columns.date!));
  // Excel writes ';' where the decimal mark is a comma (Brazil, most of Europe).
  const decimalMark: DecimalMark = decimalMarkOf(cellsOf(columns.amount!)) ?? (header.delimiter === ';' ? ',' : '.');

  const rows: CostRow[] = [];
  for (const { line, cells } of records) {
    const row = toRow(cells, columns, { dateOrder, decimalMark, defaultCurrency }, (field, message) => problems.push({ line, field, message }));
    if (row) rows.push(row);
  }
  problems.sort((a, b) => a.line - b.line);
  return { rows, problems };
}

interface Reading {
  dateOrder: DateOrder | null;
  decimalMark: DecimalMark;
  defaultCurrency: string | undefined;
}

function toRow(cells: readonly string[], columns: CostColumns, reading: Reading, problem: (field: CostField, message: string) => void): CostRow | null {
  const cell = (index: number | undefined) => (index === undefined ? '' : (cells[index] ?? ''));
  const cleaned = cleanText(cell(columns.campaign).replace(/\u0000/g, ''));
  if (TOTAL.test(cell(0)) || TOTAL.test(cleaned ?? '')) return null;
  const campaign = cleaned && hasValue(cleaned) ? cleaned : null;

  const date = parseDate(cell(columns.date), reading.dateOrder);
  if (!date.ok) problem('date', date.message);
  if (!campaign) problem('campaign', 'is empty');
  const amount = parseAmount(cell(columns.amount), reading.decimalMark);
  if (!amount.ok) problem('amount', amount.message);
  const currency = rowCurrency(cell(columns.currency), columns.amountCurrency, reading.defaultCurrency);
  if (!currency.ok) problem('currency', currency.message);

  if (!date.ok || !campaign || !amount.ok || !currency.ok) return null;
  return { date: date.value, campaign, amount: amount.value, currency: currency.value };
}

/** The row's own currency; else the one the amount's header names; else the default. */
function rowCurrency(raw: string, amountCurrency: string | undefined, defaultCurrency: string | undefined): Read<string> {
  const fallback = amountCurrency ?? defaultCurrency;
  if (!hasValue(raw) && fallback) return { ok: true, value: fallback };
  const currency = parseCurrency(raw);
  if (currency.ok && amountCurrency && currency.value !== amountCurrency) {
    return { ok: false, message: `is ${currency.value} but the amount's column header says ${amountCurrency}` };
  }
  return currency;
}

function missingColumns(header: CostHeader, defaultCurrency: string | undefined): CostProblem[] {
  const { columns, line } = header;
  const problems: CostProblem[] = (['date', 'campaign', 'amount'] as const)
    .filter((field) => columns[field] === undefined)
    .map((field) => ({ line, field, message: `no column for it (expected one named ${names(field)})` }));
  if (columns.currency === undefined && columns.amountCurrency === undefined && defaultCurrency === undefined) {
    problems.push({
      line,
      field: 'currency',
      message: `no column for it (expected one named ${names('currency')}, or the amount's header naming it, as "Amount spent (BRL)" does): choose the file's currency`,
    });
  }
  return problems;
}

const names = (field: CostField) => COLUMN_NAMES[field].map((name) => `"${name}"`).join(', ');

interface CostRecord {
  line: number;
  cells: string[];
}

/** Thrown from inside the parser to stop reading at the row limit. */
const ENOUGH = Symbol('enough rows');

/** The data records after the header, each with the line it starts on, and the problems reading them. */
function readRecords(text: string, header: CostHeader): { records: CostRecord[]; problems: CostProblem[] } {
  const records: CostRecord[] = [];
  const problems: CostProblem[] = [];
  // Blank lines are records too, so each record starts on the line after the one before ends
  // (a quoted cell may span lines).
  let lastLine = header.line - 1;
  try {
    parse(text.slice(header.offset), {
      delimiter: header.delimiter,
      // A quote inside a cell (5" screen) is data; only one that never closes is an error.
      relax_quotes: true,
      relax_column_count: true,
      trim: true,
      on_record: (cells, { lines, records: read }) => {
        const line = lastLine + 1;
        lastLine = header.line - 1 + lines;
        if (read === 1 || cells.every((cell) => cell === '')) return null;
        if (records.length === MAX_COST_ROWS) {
          problems.push({ line, field: 'file', message: `has more than ${MAX_COST_ROWS.toLocaleString('en')} rows: this row and those after it were not read` });
          throw ENOUGH;
        }
        records.push({ line, cells });
        return null;
      },
    });
  } catch (error) {
    if (error === ENOUGH) return { records, problems };
    if (!(error instanceof CsvError)) throw error;
    const what = error.code === 'CSV_QUOTE_NOT_CLOSED' ? 'starts a row with a quoted cell that never closes' : `starts a row that cannot be read (${error.message})`;
    problems.push({ line: lastLine + 1, field: 'file', message: `${what}: this row and those after it were not read` });
  }
  return { records, problems };
}

function checkedCurrency(code: string): string {
  const currency = parseCurrency(code);
  if (!currency.ok) throw new RangeError(`defaultCurrency ${currency.message}`);
  return currency.value;
}

function decode(bytes: Uint8Array): string {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes);
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes);
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return new TextDecoder('windows-1252').decode(bytes);
  }
}
