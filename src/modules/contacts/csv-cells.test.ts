import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { escapeFormula, unescapeFormula } from './csv-cells.js';

const hostile = JSON.parse(readFileSync(new URL('../../../../shared/fixtures/hostile-inputs.json', import.meta.url), 'utf8')) as { csv_formula: string[] };

describe('escapeFormula', () => {
  it('puts a quote before every formula of the hostile fixtures', () => {
    for (const cell of hostile.csv_formula) expect(escapeFormula(cell)).toBe(`'${cell}`);
    expect(escapeFormula('\r=1+1')).toBe("'\r=1+1");
  });
  it('leaves plain numbers and ordinary text alone', () => {
    expect(['-12.5', '+3', '42', 'Ana', 'a=b', ''].map(escapeFormula)).toEqual(['-12.5', '+3', '42', 'Ana', 'a=b', '']);
  });
  it('is undone by unescapeFormula for any text', () => {
    fc.assert(fc.property(fc.string(), (text) => unescapeFormula(escapeFormula(text)) === text || text.startsWith("'")));
    fc.assert(fc.property(fc.constantFrom('=', '+', '-', '@', '\t', '\r'), fc.string(), (start, rest) => unescapeFormula(escapeFormula(start + rest)) === start + rest));
  });
});
