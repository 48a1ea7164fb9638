import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  cleanCell,
  DEFAULT_PLACEHOLDERS,
  isEmptyValue,
  parseBoolean,
  parseDate,
  parseNumber,
  splitFullName,
  splitList,
} from './value-cleaning.js';

describe('cleanCell', () => {
  it('removes NUL characters and byte-order marks, which PostgreSQL and readers trip on', () => {
    expect(cleanCell('\u0000null\u0000byte')).toBe('nullbyte');
    expect(cleanCell('\uFEFFbom')).toBe('bom');
  });

  it('trims, normalises to NFC and keeps inner line breaks as \\n', () => {
    expect(cleanCell('  Jos\u0065\u0301  ')).toBe('Jos\u00e9');
    expect(cleanCell('first line\r\nsecond\rthird\n')).toBe('first line\nsecond\nthird');
  });

  it('replaces half surrogate pairs, which cannot be stored as UTF-8', () => {
    expect(cleanCell('a\uD83Db')).toBe('a\uFFFDb');
    expect(cleanCell('\uD83D\uDE00')).toBe('\uD83D\uDE00');
  });

  it('keeps formulas and markup as data', () => {
    expect(cleanCell('=HYPERLINK("http://evil.example","x")')).toBe('=HYPERLINK("http://evil.example","x")');
    expect(cleanCell('<script>alert(1)</script>')).toBe('<script>alert(1)</script>');
    expect(cleanCell('\u202egnp.exe')).toBe('\u202egnp.exe');
  });

  it('is idempotent and never leaves NUL or surrounding whitespace', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (raw) => {
        const once = cleanCell(raw);
        expect(cleanCell(once)).toBe(once);
        expect(once).not.toContain('\u0000');
        expect(once).toBe(once.trim());
        expect(once.replace(/[\uD800-\uDBFF][\uDC00-\uDFFF]/g, '')).not.toMatch(/[\uD800-\uDFFF]/);
      }),
    );
  });
});

describe('isEmptyValue', () => {
  it('treats blanks and "not answered" placeholders as empty, in any case', () => {
    for (const raw of ['', '   ', 'Select', 'select', 'SELECT', '--', '-', 'N/A', 'n/a', 'NA', 'None', 'null', '(blank)', 'Not Provided', '(not set)', ' NaN ']) {
      expect(isEmptyValue(raw), raw).toBe(true);
    }
    expect(isEmptyValue(null)).toBe(true);
    expect(isEmptyValue(undefined)).toBe(true);
  });

  it('keeps answers, including ones that contain a placeholder', () => {
    for (const raw of ['No', '0', 'Mumbai', 'number not provided', 'Selected', 'Other']) {
      expect(isEmptyValue(raw), raw).toBe(false);
    }
  });

  it('uses the placeholders of the import when given', () => {
    const placeholders = [...DEFAULT_PLACEHOLDERS, 'Unknown'];
    expect(isEmptyValue('UNKNOWN', placeholders)).toBe(true);
    expect(isEmptyValue('unknown')).toBe(false);
    expect(isEmptyValue('Select', [])).toBe(false);
  });
});

describe('parseBoolean', () => {
  it('reads yes and no in the languages of our users', () => {
    for (const raw of ['Yes', 'Y', 'true', 'TRUE', '1', 'Sim', 'S', 'Sí', 'si', 'Oui', 'on', ' yes ']) {
      expect(parseBoolean(raw), raw).toBe(true);
    }
    for (const raw of ['No', 'N', 'false', '0', 'Não', 'NAO', 'non', 'off']) {
      expect(parseBoolean(raw), raw).toBe(false);
    }
  });

  it('returns null for anything else, blanks included', () => {
    for (const raw of ['', 'Select', 'maybe', 'yes please', '2', 'x']) {
      expect(parseBoolean(raw), raw).toBeNull();
    }
  });
});

describe('parseNumber', () => {
  it('reads plain decimals the way exports write them', () => {
    expect(parseNumber('2.5')).toBe(2.5);
    expect(parseNumber('  7 ')).toBe(7);
    expect(parseNumber('-3.25')).toBe(-3.25);
    expect(parseNumber('+4')).toBe(4);
    expect(parseNumber('.5')).toBe(0.5);
    expect(parseNumber('1.5E+3')).toBe(1500);
    expect(parseNumber('007')).toBe(7);
    expect(parseNumber('1.234')).toBe(1.234);
  });

  it('reads thousands groups when both separators, or a repeated one, make them unambiguous', () => {
    expect(parseNumber('1,234.5')).toBe(1234.5);
    expect(parseNumber('1.234,5')).toBe(1234.5);
    expect(parseNumber('-1.234.567,89')).toBe(-1234567.89);
    expect(parseNumber('1,234,567')).toBe(1234567);
    expect(parseNumber('1.234.567')).toBe(1234567);
  });

  it('reads a lone decimal comma that cannot be a thousands group', () => {
    expect(parseNumber('2,5')).toBe(2.5);
    expect(parseNumber('1234,567')).toBe(1234.567);
  });

  it('refuses "1,234", which means 1234 or 1.234 depending on the country', () => {
    expect(parseNumber('1,234')).toBeNull();
  });

  it('refuses what is not a plain number', () => {
    for (const raw of ['', 'Select', 'abc', '$5', '5%', '1 234', '1,23,4', '1.2.3', '1e999', 'NaN', 'Infinity', '0x10', '--5', '1,234.5,6']) {
      expect(parseNumber(raw), raw).toBeNull();
    }
  });

  it('never gives -0', () => {
    expect(Object.is(parseNumber('-0'), 0)).toBe(true);
  });

  it('reads back any finite number JavaScript prints', () => {
    fc.assert(
      fc.property(fc.double({ noNaN: true, noDefaultInfinity: true }), (n) => {
        expect(parseNumber(String(n))).toBe(n === 0 ? 0 : n);
      }),
    );
  });
});

describe('parseDate', () => {
  const dayFirst = { dayFirst: true };
  const monthFirst = { dayFirst: false };

  it('reads ISO 8601 dates and date-times as UTC', () => {
    expect(parseDate('2024-03-05', dayFirst)).toBe('2024-03-05T00:00:00.000Z');
    expect(parseDate('2024-03-05T10:00:00Z', dayFirst)).toBe('2024-03-05T10:00:00.000Z');
    expect(parseDate('2024-03-05T10:00:00.123456Z', dayFirst)).toBe('2024-03-05T10:00:00.123Z');
    expect(parseDate('2024-03-05T10:00', dayFirst)).toBe('2024-03-05T10:00:00.000Z');
  });

  it('applies the offset a date-time carries', () => {
    expect(parseDate('2024-03-05T22:30:00-03:00', dayFirst)).toBe('2024-03-06T01:30:00.000Z');
    expect(parseDate('2024-03-05T10:00:00+0530', dayFirst)).toBe('2024-03-05T04:30:00.000Z');
    expect(parseDate('2024-03-05T10:00:00+01', dayFirst)).toBe('2024-03-05T09:00:00.000Z');
  });

  it('reads the database form with a space, taking a time without offset as UTC', () => {
    expect(parseDate('2024-03-05 10:00:00', monthFirst)).toBe('2024-03-05T10:00:00.000Z');
    expect(parseDate('2024/03/05', monthFirst)).toBe('2024-03-05T00:00:00.000Z');
  });

  it('reads 05/03/2024 as the import says: day first or month first', () => {
    expect(parseDate('05/03/2024', dayFirst)).toBe('2024-03-05T00:00:00.000Z');
    expect(parseDate('05/03/2024', monthFirst)).toBe('2024-05-03T00:00:00.000Z');
    expect(parseDate('5.3.2024', dayFirst)).toBe('2024-03-05T00:00:00.000Z');
    expect(parseDate('05-03-2024 14:15', dayFirst)).toBe('2024-03-05T14:15:00.000Z');
    expect(parseDate('3/5/2024 10:00 PM', monthFirst)).toBe('2024-03-05T22:00:00.000Z');
    expect(parseDate('12/31/2024 12:30 a.m.', monthFirst)).toBe('2024-12-31T00:30:00.000Z');
  });

  it('refuses dates that do not exist or cannot be placed', () => {
    for (const raw of [
      '', 'Select', 'yesterday', '2024-02-30', '2023-02-29', '2024-13-01', '0000-00-00', '0050-01-01',
      '2024-03-05T24:00:00', '2024-03-05T10:60', '05/03/24', '31/12/2024', '2024-03/05',
      '13:00 PM 1/1/2024', '1/1/2024 13:00 PM', '9999-12-31T23:00:00-05:00', '1709632800',
    ]) {
      expect(parseDate(raw, monthFirst), raw).toBeNull();
    }
    expect(parseDate('31/12/2024', dayFirst)).toBe('2024-12-31T00:00:00.000Z');
    expect(parseDate('2024-02-29', dayFirst)).toBe('2024-02-29T00:00:00.000Z');
  });

  it('reads back every ISO string it returns', () => {
    const instant = fc.date({ min: new Date('1000-01-01T00:00:00Z'), max: new Date('9999-12-31T23:59:59Z'), noInvalidDate: true });
    fc.assert(
      fc.property(instant, fc.boolean(), (date, first) => {
        const iso = date.toISOString();
        expect(parseDate(iso, { dayFirst: first })).toBe(iso);
      }),
    );
  });
});

describe('splitList', () => {
  it('splits on ; , and |, trims, drops empties and keeps the first spelling of duplicates', () => {
    expect(splitList('News; news;Events | webinar,, ;')).toEqual(['News', 'Events', 'webinar']);
    expect(splitList('Will revert after reading the email')).toEqual(['Will revert after reading the email']);
    expect(splitList('')).toEqual([]);
    expect(splitList(' ; | , ')).toEqual([]);
  });

  it('treats composed and decomposed accents as one item', () => {
    expect(splitList('Caf\u00e9;Cafe\u0301')).toEqual(['Caf\u00e9']);
  });

  it('keeps a quoted item whole, even with a separator inside, and strips its quotes', () => {
    expect(splitList('"Spring promo, 2024","VIP"')).toEqual(['Spring promo, 2024', 'VIP']);
    expect(splitList('"Spring promo, 2024", vip ; "VIP" | Events')).toEqual(['Spring promo, 2024', 'vip', 'Events']);
    expect(splitList("'A; B'|C")).toEqual(['A; B', 'C']);
    expect(splitList('O"Brien')).toEqual(['O"Brien']);
    expect(splitList('"A"b, C')).toEqual(['"A"b', 'C']);
  });
});

describe('splitFullName', () => {
  it('takes the first word as first name and keeps compound surnames whole', () => {
    expect(splitFullName('Ana Souza')).toEqual({ first_name: 'Ana', last_name: 'Souza' });
    expect(splitFullName('Maria da Silva Santos')).toEqual({ first_name: 'Maria', last_name: 'da Silva Santos' });
    expect(splitFullName('  João   Pedro\tAlves ')).toEqual({ first_name: 'João', last_name: 'Pedro Alves' });
  });

  it('gives a single word as first name only, and a blank as nothing', () => {
    expect(splitFullName('Cher')).toEqual({ first_name: 'Cher', last_name: null });
    expect(splitFullName('   ')).toEqual({ first_name: null, last_name: null });
  });

  it('reads the "Last, First" form of CRM exports, but not a suffix after a comma', () => {
    expect(splitFullName('Souza, Ana Maria')).toEqual({ first_name: 'Ana Maria', last_name: 'Souza' });
    expect(splitFullName('John Smith, Jr.')).toEqual({ first_name: 'John', last_name: 'Smith, Jr.' });
  });
});
