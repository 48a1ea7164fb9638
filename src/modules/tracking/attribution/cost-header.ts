// Finds the header of a campaign cost file and what each of its columns holds. Google Ads,
// Meta Ads Manager and hand-made sheets name the same columns differently, and Google Ads puts
// a title and a date range above its header.
import { parse } from 'csv-parse/sync';

export type CostField = 'date' | 'campaign' | 'amount' | 'currency';

/** Where each field is (column indexes), as far as the header tells. */
export interface CostColumns {
  date?: number;
  campaign?: number;
  amount?: number;
  currency?: number;
  /** The currency the amount's header names, as Meta's "Amount spent (BRL)" does. */
  amountCurrency?: string;
}

export interface CostHeader {
  /** 1-based line of the header in the file. */
  line: number;
  /** Where the header line starts in the text. */
  offset: number;
  delimiter: string;
  columns: CostColumns;
}

/** Header names per field, compared in lower case with runs of spaces and underscores as one space. */
export const COLUMN_NAMES: Readonly<Record<CostField, readonly string[]>> = {
  date: ['date', 'day', 'reporting starts'],
  campaign: ['campaign', 'campaign name', 'utm campaign'],
  amount: ['amount', 'cost', 'spend', 'amount spent'],
  currency: ['currency', 'currency code'],
};

// An amount header may name its currency in parentheses: "Amount spent (BRL)", "Cost (USD)".
const AMOUNT_CURRENCY = new RegExp(`^(?:${COLUMN_NAMES.amount.join('|')}) ?\\(([a-z]{3})\\)$`);

/** Lines looked at for a header: Google Ads has two above its own. */
const HEADER_SEARCH_LINES = 20;

const DELIMITERS = [',', ';', '\t'] as const;

/**
 * The delimiter of one line: of comma, semicolon and tab, the one found most often outside
 * quotes; a comma on a tie or when there is none (a one-column line).
 */
export function lineDelimiter(line: string): string {
  const counts = new Map<string, number>(DELIMITERS.map((d) => [d, 0]));
  let quoted = false;
  for (const char of line) {
    if (char === '"') quoted = !quoted;
    else if (!quoted && counts.has(char)) counts.set(char, counts.get(char)! + 1);
  }
  let best: string = ',';
  for (const d of DELIMITERS) if (counts.get(d)! > counts.get(best)!) best = d;
  return best;
}

function headerKey(cell: string): string {
  return cell.trim().toLowerCase().replace(/[\s_]+/g, ' ');
}

/** The columns a header row names; the first of two columns naming the same field wins. */
export function costColumns(header: readonly string[]): CostColumns {
  const columns: CostColumns = {};
  header.forEach((cell, index) => {
    const key = headerKey(cell);
    const withCurrency = AMOUNT_CURRENCY.exec(key);
    const field = withCurrency ? 'amount' : (Object.keys(COLUMN_NAMES) as CostField[]).find((f) => COLUMN_NAMES[f].includes(key));
    if (!field || columns[field] !== undefined) return;
    columns[field] = index;
    if (withCurrency) columns.amountCurrency = withCurrency[1]!.toUpperCase();
  });
  return columns;
}

function fieldsFound(columns: CostColumns): number {
  return (Object.keys(COLUMN_NAMES) as CostField[]).filter((field) => columns[field] !== undefined).length;
}

function cellsOf(line: string, delimiter: string): string[] {
  try {
    return parse(line, { delimiter, relax_quotes: true, relax_column_count: true })[0] ?? [];
  } catch {
    // A title line with an unclosed quote is not the header.
    return [];
  }
}

/**
 * The header of a cost file (line breaks already `\n`): the first of its first 20 lines that
 * names at least two of date, campaign, amount and currency, with the delimiter that line uses.
 * When none does, the first line that is not blank, so the caller can tell which columns are
 * missing; null for a blank file.
 */
export function findHeader(text: string): CostHeader | null {
  let first: CostHeader | null = null;
  let offset = 0;
  for (let line = 1; line <= HEADER_SEARCH_LINES; line++) {
    const end = text.indexOf('\n', offset);
    const content = text.slice(offset, end === -1 ? undefined : end);
    if (content.trim() !== '') {
      const delimiter = lineDelimiter(content);
      const header: CostHeader = { line, offset, delimiter, columns: costColumns(cellsOf(content, delimiter)) };
      if (fieldsFound(header.columns) >= 2) return header;
      first ??= header;
    }
    if (end === -1) break;
    offset = end + 1;
  }
  return first;
}
