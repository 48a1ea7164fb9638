import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { arrayLiteral, columnLiteral } from './array-literal.js';
import { createTestDatabase } from '../../test/helpers/database.js';

describe('array literals', () => {
  it('quote every element, escape quotes and backslashes, and write null as NULL', () => {
    expect(arrayLiteral(['a', null, 'say "hi"', 'back\\slash', 'NULL', '{,}'])).toBe('{"a",NULL,"say \\"hi\\"","back\\\\slash","NULL","{,}"}');
    expect(arrayLiteral([true, false, 3])).toBe('{t,f,"3"}');
    expect(columnLiteral([null, undefined])).toBe('{}');
  });

  it('are read back by PostgreSQL as the same values', async () => {
    const database = await createTestDatabase({ migrate: false });
    try {
      const { sql } = await import('kysely');
      await fc.assert(
        fc.asyncProperty(fc.array(fc.option(fc.string({ unit: 'grapheme' }), { nil: null }), { maxLength: 8 }), async (values) => {
          const clean = values.map((v) => (v === null ? null : v.replace(/\0/g, '')));
          const { rows } = await sql<{ a: Array<string | null> }>`select ${arrayLiteral(clean)}::text[] as a`.execute(database.db);
          expect(rows[0]!.a).toEqual(clean);
        }),
        { numRuns: 100 },
      );
    } finally {
      await database.close();
    }
  });
});
