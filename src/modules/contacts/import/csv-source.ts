// Reads an import's CSV file as a stream of rows, in constant memory whatever its size.
import { createReadStream } from 'node:fs';
import { open } from 'node:fs/promises';
import { isUtf8 } from 'node:buffer';
import { Transform, type Readable } from 'node:stream';
import { parse, type CsvError, type Options } from 'csv-parse';
import { parse as parseSync } from 'csv-parse/sync';
import { AppError, invalid } from '../../../errors.js';
import { detectDelimiter, separatorLine } from './delimiter.js';

/**
 * How the file's bytes are read. Valid UTF-8 (with or without a byte-order mark) is read as
 * UTF-8. Anything else is read as Windows-1252, what Excel on Windows writes when told "CSV" and
 * not "CSV UTF-8": every byte is some character there, so nothing is refused, and the accents of
 * such files come out right (latin1 would get €, ’ and “ wrong). UTF-16 and binary files are
 * refused with a clear error instead of being read as noise.
 */
export type FileEncoding = 'utf-8' | 'windows-1252';

export interface FileScan {
  encoding: FileEncoding;
  /** Data rows, counted as line breaks outside quotes: exact for RFC 4180 files, else an estimate for the progress bar. */
  rows: number;
}

const QUOTE = 0x22;
const NEWLINE = 0x0a;
/** A record longer than this is a file whose quotes never close: reading stops there. */
export const MAX_RECORD_CHARS = 1024 * 1024;
const HEAD_BYTES = 64 * 1024;

/** Bytes at the end of `buf` that start a UTF-8 character the next chunk completes. */
function incompleteTail(buf: Buffer): number {
  for (let back = 1; back <= Math.min(3, buf.length); back++) {
    const byte = buf[buf.length - back]!;
    if ((byte & 0xc0) === 0x80) continue; // a continuation byte: look further back
    const needed = byte >= 0xf0 ? 4 : byte >= 0xe0 ? 3 : byte >= 0xc0 ? 2 : 1;
    return needed > back ? back : 0;
  }
  return 0;
}

const ZIP = Buffer.from('PK\x03\x04', 'latin1');
const OLE = Buffer.from([0xd0, 0xcf, 0x11, 0xe0]);

function notText(message: string): AppError {
  return invalid(message, [{ field: 'file', message: 'is not CSV text' }]);
}

/**
 * Refuses what is surely not CSV text: spreadsheets saved as workbooks, UTF-16, binaries (many
 * NUL bytes). A stray NUL in a cell is data (some database exports have them): cleaning drops it.
 */
function refuseNonText(head: Buffer): void {
  if ((head[0] === 0xff && head[1] === 0xfe) || (head[0] === 0xfe && head[1] === 0xff)) {
    throw notText('The file is UTF-16 text: save it as "CSV UTF-8" and import that');
  }
  if (head.subarray(0, 4).equals(ZIP)) throw notText('The file is an Excel workbook (.xlsx) or another zip file: save it as "CSV UTF-8" and import that');
  if (head.subarray(0, 4).equals(OLE)) throw notText('The file is an Excel 97–2003 workbook (.xls): save it as "CSV UTF-8" and import that');
  let nul = 0;
  for (let i = head.indexOf(0); i >= 0; i = head.indexOf(0, i + 1)) nul++;
  if (nul > head.length / 100) throw notText('The file is not CSV text (it is full of NUL bytes: a binary file, or UTF-16 without a byte-order mark)');
}

/** One pass over the file: its encoding and how many rows it has. */
export async function scanFile(path: string): Promise<FileScan> {
  let utf8 = true;
  let carry: Buffer = Buffer.alloc(0);
  let inQuotes = false;
  let lines = 0;
  let last = NEWLINE;
  let first = true;
  for await (const chunk of createReadStream(path, { highWaterMark: 1024 * 1024 }) as AsyncIterable<Buffer>) {
    if (first) refuseNonText(chunk.subarray(0, HEAD_BYTES));
    first = false;
    if (utf8) {
      const bytes = carry.length ? Buffer.concat([carry, chunk]) : chunk;
      const cut = bytes.length - incompleteTail(bytes);
      utf8 = isUtf8(bytes.subarray(0, cut));
      carry = Buffer.from(bytes.subarray(cut));
    }
    // Line breaks outside quotes; an escaped quote ("") toggles twice, so it needs no special case.
    let pos = 0;
    while (pos < chunk.length) {
      const quote = chunk.indexOf(QUOTE, pos);
      const end = quote < 0 ? chunk.length : quote;
      if (!inQuotes) for (let nl = chunk.indexOf(NEWLINE, pos); nl >= 0 && nl < end; nl = chunk.indexOf(NEWLINE, nl + 1)) lines++;
      if (quote < 0) break;
      inQuotes = !inQuotes;
      pos = quote + 1;
    }
    if (chunk.length > 0) last = chunk[chunk.length - 1]!;
  }
  if (carry.length > 0) utf8 = false; // the file ends in the middle of a character
  const records = lines + (last === NEWLINE ? 0 : 1);
  return { encoding: utf8 ? 'utf-8' : 'windows-1252', rows: Math.max(0, records - 1) };
}

function decoder(encoding: FileEncoding): Transform | null {
  if (encoding === 'utf-8') return null;
  const text = new TextDecoder('windows-1252');
  let start = true;
  return new Transform({
    transform(chunk: Buffer, _enc, done) {
      // A UTF-8 byte-order mark in front of a file that is not UTF-8 after all.
      const bytes = start && chunk[0] === 0xef && chunk[1] === 0xbb && chunk[2] === 0xbf ? chunk.subarray(3) : chunk;
      start = false;
      done(null, text.decode(bytes, { stream: true }));
    },
    flush(done) {
      done(null, text.decode());
    },
  });
}

/** The first bytes of the file as text, and whether the file goes on after them. */
export async function readHead(path: string, encoding: FileEncoding | null, bytes = HEAD_BYTES): Promise<{ text: string; truncated: boolean; encoding: FileEncoding }> {
  const file = await open(path, 'r');
  try {
    const buffer = Buffer.alloc(bytes);
    const { bytesRead } = await file.read(buffer, 0, bytes, 0);
    const { size } = await file.stat();
    return headText(buffer.subarray(0, bytesRead), bytesRead < size, encoding);
  } finally {
    await file.close();
  }
}

/** Text of the first bytes of a file; without a known encoding, UTF-8 if they are UTF-8. */
export function headText(head: Buffer, truncated: boolean, known: FileEncoding | null): { text: string; truncated: boolean; encoding: FileEncoding } {
  refuseNonText(head);
  const complete = truncated ? head.subarray(0, head.length - incompleteTail(head)) : head;
  const encoding = known ?? (isUtf8(complete) ? 'utf-8' : 'windows-1252');
  const bom = complete[0] === 0xef && complete[1] === 0xbb && complete[2] === 0xbf ? 3 : 0;
  const text = new TextDecoder(encoding).decode(complete.subarray(bom));
  return { text, truncated, encoding };
}

function parserOptions(delimiter: string, separatorLineFirst: boolean): Options {
  return {
    bom: true,
    delimiter,
    // Excel's `sep=;` line comes before the header.
    from_line: separatorLineFirst ? 2 : 1,
    // Files glued together from several sources mix line endings.
    record_delimiter: ['\r\n', '\n', '\r'],
    // A stray quote inside a value ("5" screen") is kept as text rather than failing the row.
    relax_quotes: true,
    relax_column_count: true,
    skip_empty_lines: false,
    skip_records_with_error: true,
    max_record_size: MAX_RECORD_CHARS,
  };
}

/** Headers and first rows of a file's head, for the preview; a last row cut by the head is dropped. */
export function parseHead(text: string, truncated: boolean): { headers: string[]; rows: string[][]; delimiter: string } {
  const delimiter = detectDelimiter(text);
  const records = parseSync(text, { ...parserOptions(delimiter, separatorLine(text) !== null), info: false }) as string[][];
  if (truncated && records.length > 1) records.pop();
  const [headers = [], ...rows] = records;
  return { headers, rows, delimiter };
}

export interface CsvRecord {
  /** The row as a spreadsheet numbers it: the header is row 1. */
  row: number;
  cells: string[];
}

export interface CsvReader {
  headers: string[];
  delimiter: string;
  /** The data rows, in order. */
  rows: AsyncGenerator<CsvRecord>;
  /** After `rows` ended: why reading stopped before the end of the file, if it did. */
  failure(): { row: number; message: string } | null;
  close(): void;
}

function describeParseError(err: CsvError): string {
  if (err.code === 'CSV_QUOTE_NOT_CLOSED') return 'a quoted value starts here and its quotes never close, so the rest of the file cannot be read';
  if (err.code === 'CSV_MAX_RECORD_SIZE') return `the row is longer than ${MAX_RECORD_CHARS} characters (most likely its quotes never close), so the rest of the file cannot be read`;
  return `the row cannot be read as CSV (${err.code}), so the rest of the file cannot be read`;
}

/** Opens the file for reading row by row. A header-less (empty) file is an error. */
export async function openCsv(path: string, encoding: FileEncoding): Promise<CsvReader> {
  const head = await readHead(path, encoding);
  const delimiter = detectDelimiter(head.text);
  let failure: { row: number; message: string } | null = null;
  // No `info` per record: building it cost more than a second per million rows, and the
  // records are counted here (a record the parser cannot read ends the reading).
  const parser = parse({
    ...parserOptions(delimiter, separatorLine(head.text) !== null),
    on_skip: (err) => {
      if (err && !failure) failure = { row: Number(err.records ?? 0) + 1, message: describeParseError(err) };
      return undefined;
    },
  });
  const source: Readable = createReadStream(path, { highWaterMark: 256 * 1024 });
  const decode = decoder(encoding);
  const input = decode ? source.pipe(decode) : source;
  input.pipe(parser);
  source.on('error', (err) => parser.destroy(err));
  const iterator = (parser as AsyncIterable<string[]>)[Symbol.asyncIterator]();
  const first = await iterator.next();
  if (first.done) {
    source.destroy();
    throw invalid('The file is empty: it needs a header row naming its columns', [{ field: 'file', message: 'has no header row' }]);
  }
  async function* rows(): AsyncGenerator<CsvRecord> {
    // The header is record 1.
    let row = 1;
    for (let next = await iterator.next(); !next.done; next = await iterator.next()) {
      yield { row: ++row, cells: next.value };
    }
  }
  return {
    headers: first.value,
    delimiter,
    rows: rows(),
    failure: () => failure,
    close: () => {
      source.destroy();
      parser.destroy();
    },
  };
}
