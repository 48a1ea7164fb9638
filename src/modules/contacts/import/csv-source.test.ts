import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { AppError } from '../../../errors.js';
import { headText, openCsv, parseHead, scanFile, type FileEncoding } from './csv-source.js';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'inflow-csv-source-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
let n = 0;
function file(content: string | Buffer): string {
  const name = path.join(dir, `${++n}.csv`);
  fs.writeFileSync(name, content);
  return name;
}

async function readAll(content: string | Buffer, encoding: FileEncoding = 'utf-8') {
  const reader = await openCsv(file(content), encoding);
  const rows = [];
  for await (const row of reader.rows) rows.push(row);
  return { headers: reader.headers, rows, failure: reader.failure(), delimiter: reader.delimiter };
}

describe('scanFile', () => {
  it('counts data rows as line breaks outside quotes, with or without a last line break', async () => {
    expect(await scanFile(file('a,b\r\n1,"x\r\ny"\r\n2,"say ""hi"""\r\n'))).toEqual({ encoding: 'utf-8', rows: 2 });
    expect(await scanFile(file('a,b\n1,2'))).toEqual({ encoding: 'utf-8', rows: 1 });
    expect(await scanFile(file('a,b\n'))).toEqual({ encoding: 'utf-8', rows: 0 });
  });
  it('reads invalid UTF-8 as Windows-1252, even when the bad byte comes after the first megabyte', async () => {
    expect((await scanFile(file(Buffer.from('nome\nJos\xe9\n', 'latin1')))).encoding).toBe('windows-1252');
    const late = Buffer.concat([Buffer.from(`a\n${'é,\n'.repeat(600_000)}`), Buffer.from([0xe9, 0x0a])]);
    expect((await scanFile(file(late))).encoding).toBe('windows-1252');
    expect((await scanFile(file(`\ufeffa\n${'é€😀\n'.repeat(300_000)}`))).encoding).toBe('utf-8');
  });
  it('refuses UTF-16 and binary files with a clear error', async () => {
    await expect(scanFile(file(Buffer.from('\ufeffa,b\n', 'utf16le')))).rejects.toThrow('UTF-16');
    await expect(scanFile(file(Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x00, 0x00])))).rejects.toThrow('Excel workbook (.xlsx)');
    await expect(scanFile(file(Buffer.from('email\nx@y.test\n', 'utf16le')))).rejects.toThrow(AppError);
  });
  it('takes a stray NUL inside a cell as data', async () => {
    expect((await scanFile(file(`email,notes\nx@y.test,a\u0000b ${'text '.repeat(50)}\n`))).encoding).toBe('utf-8');
  });
});

describe('openCsv', () => {
  it('reads BOM, CRLF, quoted commas, quotes and line breaks inside values', async () => {
    const { headers, rows } = await readAll('\ufeffemail,name,notes\r\na@x.test,"Souza, Ana","said ""hi""\r\ntwice"\r\n');
    expect(headers).toEqual(['email', 'name', 'notes']);
    expect(rows).toEqual([{ row: 2, cells: ['a@x.test', 'Souza, Ana', 'said "hi"\r\ntwice'] }]);
  });
  it('numbers rows as a spreadsheet does, blank lines included', async () => {
    const { rows } = await readAll('a\n1\n\n3\r4\n');
    expect(rows.map((r) => [r.row, r.cells])).toEqual([[2, ['1']], [3, ['']], [4, ['3']], [5, ['4']]]);
  });
  it('finds the delimiter of semicolon files (Excel in Brazil and most of Europe)', async () => {
    const { rows, delimiter } = await readAll('email;valor\na@x.test;"1,5"\n');
    expect(delimiter).toBe(';');
    expect(rows[0]!.cells).toEqual(['a@x.test', '1,5']);
  });
  it('decodes Windows-1252', async () => {
    const { rows } = await readAll(Buffer.from('nome\nJos\xe9 \x80 \x93ok\x94\n', 'latin1'), 'windows-1252');
    expect(rows[0]!.cells).toEqual(['José € “ok”']);
  });
  it('gives a header-only file no rows, and refuses an empty one', async () => {
    expect((await readAll('email,name\n')).rows).toEqual([]);
    await expect(readAll('')).rejects.toThrow('The file is empty');
  });
  it('stops at quotes that never close, after the rows before them', async () => {
    const { rows, failure } = await readAll('a,b\n1,2\n3,"never closed\n4,5\n');
    expect(rows).toEqual([{ row: 2, cells: ['1', '2'] }]);
    expect(failure).toEqual({ row: 3, message: expect.stringContaining('quotes never close') });
  });
  it('keeps a stray quote inside a value as text', async () => {
    expect((await readAll('a,b\n1,5" screen\n')).rows[0]!.cells).toEqual(['1', '5" screen']);
  });
});

describe('parseHead and headText', () => {
  it('drops the last row of a head cut in the middle of the file', () => {
    const text = 'email,name\na@x.test,Ana\nb@x.test,Be';
    expect(parseHead(text, true).rows).toEqual([['a@x.test', 'Ana']]);
    expect(parseHead(text, false).rows).toHaveLength(2);
  });
  it('does not split a character cut at the end of the head', () => {
    const bytes = Buffer.from('nome\nJosé');
    const head = headText(bytes.subarray(0, bytes.length - 1), true, null);
    expect(head).toMatchObject({ encoding: 'utf-8', text: 'nome\nJos' });
  });
});
