import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { appendErrors, errorReportText } from './error-report.js';

describe('error report', () => {
  it('is CSV with row, column, value and message, formula-escaped', () => {
    expect(errorReportText([{ row: 7, column: '=Email', value: '@SUM(A1)', message: 'email is missing the @' }], true)).toBe(
      "row,column,value,message\r\n7,'=Email,'@SUM(A1),email is missing the @\r\n",
    );
  });
  it('cuts off what a chunk that never committed wrote before appending', async () => {
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'inflow-report-')), 'r.csv');
    const first = await appendErrors(file, 0, [{ row: 2, column: 'a', value: 'x', message: 'bad' }]);
    fs.appendFileSync(file, '3,a,y,from a chunk that rolled back\r\n');
    const second = await appendErrors(file, first, [{ row: 4, column: 'a', value: 'z', message: 'bad' }]);
    expect(fs.readFileSync(file, 'utf8')).toBe('row,column,value,message\r\n2,a,x,bad\r\n4,a,z,bad\r\n');
    expect(second).toBe(fs.statSync(file).size);
  });
});
