import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { dateOrderOf, decimalMarkOf, parseAmount, parseCurrency, parseDate, quote } from './cost-values.js';

const amount = (raw: string, mark: '.' | ',' = '.') => parseAmount(raw, mark);

describe('parseAmount', () => {
  it('reads the shapes the brief lists', () => {
    expect(amount('1,234.56')).toEqual({ ok: true, value: '1234.56' });
    expect(amount('1.234,56', ',')).toEqual({ ok: true, value: '1234.56' });
    expect(amount('R$ 1.234,56', ',')).toEqual({ ok: true, value: '1234.56' });
    expect(amount('$12')).toEqual({ ok: true, value: '12.00' });
    expect(amount('12.5')).toEqual({ ok: true, value: '12.50' });
  });

  it('reads a number that shows its decimal mark the same whatever the column writes', () => {
    for (const mark of ['.', ','] as const) {
      expect(amount('1.234,56', mark)).toEqual({ ok: true, value: '1234.56' });
      expect(amount('1,234.56', mark)).toEqual({ ok: true, value: '1234.56' });
      expect(amount('12,5', mark)).toEqual({ ok: true, value: '12.50' });
      expect(amount('1,234,567', mark)).toEqual({ ok: true, value: '1234567.00' });
      expect(amount('1.234.567', mark)).toEqual({ ok: true, value: '1234567.00' });
      expect(amount('0,125', mark)).toEqual({ ok: true, value: '0.13' });
    }
  });

  it('reads "1,234" and "1.234" with the column decimal mark: a thousand or one and a bit', () => {
    expect(amount('1,234', '.')).toEqual({ ok: true, value: '1234.00' });
    expect(amount('1.234', '.')).toEqual({ ok: true, value: '1.23' });
    expect(amount('1.234', ',')).toEqual({ ok: true, value: '1234.00' });
    expect(amount('1,234', ',')).toEqual({ ok: true, value: '1.23' });
  });

  it('takes currency signs before or after, and the spaces and apostrophes that group thousands', () => {
    expect(amount('US$ 1,000')).toEqual({ ok: true, value: '1000.00' });
    expect(amount('€12,50', ',')).toEqual({ ok: true, value: '12.50' });
    expect(amount('12,50 €', ',')).toEqual({ ok: true, value: '12.50' });
    expect(amount('1\u202f234,56\u00a0€', ',')).toEqual({ ok: true, value: '1234.56' });
    expect(amount("1'234.56")).toEqual({ ok: true, value: '1234.56' });
    expect(amount('1’234.56')).toEqual({ ok: true, value: '1234.56' });
    expect(amount('₹12,34,567.89')).toEqual({ ok: true, value: '1234567.89' });
    expect(amount('  007 ')).toEqual({ ok: true, value: '7.00' });
    expect(amount('+3')).toEqual({ ok: true, value: '3.00' });
  });

  it('rounds to cents half up, in decimal', () => {
    expect(amount('0.005')).toEqual({ ok: true, value: '0.01' });
    expect(amount('0.0049999')).toEqual({ ok: true, value: '0.00' });
    expect(amount('2.675')).toEqual({ ok: true, value: '2.68' });
    expect(amount('99.999')).toEqual({ ok: true, value: '100.00' });
    expect(amount('123456789012345678.9')).toEqual({ ok: true, value: '123456789012345678.90' });
  });

  it('refuses negative amounts, however written, but not a negative zero', () => {
    for (const raw of ['-12', '−12', '12-', '(12.00)', '-R$ 12,00', 'R$ -12,00', '$-1']) {
      expect(amount(raw, ','), raw).toEqual({ ok: false, message: `${quote(raw)} is negative` });
    }
    expect(amount('-0,00', ',')).toEqual({ ok: true, value: '0.00' });
  });

  it('refuses what is not a number, formulas included, without evaluating them', () => {
    for (const raw of ['abc', '12abc', 'USD 12', '=SUM(C2:C9)', '=1+1', '1e5', '12.', '1,234,56', '1.234,567,89', '1.5.2', 'R$', '$ $ 12']) {
      expect(amount(raw), raw).toEqual({ ok: false, message: `${quote(raw)} is not an amount` });
    }
  });

  it('calls a blank cell or Google Ads\' "--" empty', () => {
    for (const raw of ['', '   ', '--', ' --', '-']) expect(amount(raw)).toEqual({ ok: false, message: 'is empty' });
  });

  it('reads back cents written by any of several locales, with or without the currency', () => {
    // Locales that write a currency as a sign; de-CH writes "EUR 12.00", a code, which is refused.
    const locales = [
      ['en-US', 'USD'],
      ['pt-BR', 'BRL'],
      ['de-DE', 'EUR'],
      ['fr-FR', 'EUR'],
      ['en-IN', 'INR'],
      ['de-CH', null],
    ] as const;
    fc.assert(
      fc.property(fc.bigInt({ min: 0n, max: 10n ** 14n }), fc.constantFrom(...locales), fc.boolean(), fc.constantFrom('.', ','), (cents, [locale, currency], withSign, mark) => {
        const value = Number(cents) / 100;
        const style: Intl.NumberFormatOptions = withSign && currency ? { style: 'currency', currency } : {};
        const format = new Intl.NumberFormat(locale, { ...style, minimumFractionDigits: 2, maximumFractionDigits: 2 });
        const expected = `${cents / 100n}.${String(cents % 100n).padStart(2, '0')}`;
        expect(parseAmount(format.format(value), mark)).toEqual({ ok: true, value: expected });
      }),
    );
  });

  it('reads a runaway cell in linear time', () => {
    const spaces = ' '.repeat(200_000);
    expect(amount(`1${spaces}x`).ok).toBe(false);
    expect(amount(`1${spaces}2$`).ok).toBe(false);
    expect(amount(`-${spaces}1`)).toEqual({ ok: false, message: `${quote(`-${spaces}1`)} is negative` });
    expect(parseDate(`mon${'a'.repeat(200_000)} 3, 2026`, null).ok).toBe(false);
  });

  it('never throws, and what it reads is always digits with 2 decimals', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom(...'0123456789.,\' -−+()$€R₹\u00a0e=') }), fc.constantFrom('.', ','), (raw, mark) => {
        const read = parseAmount(raw, mark);
        if (read.ok) expect(read.value).toMatch(/^\d+\.\d{2}$/);
      }),
    );
  });
});

describe('decimalMarkOf', () => {
  it('takes the mark the cells show, by majority', () => {
    expect(decimalMarkOf(['1.234,56', '12,5', '1,234'])).toBe(',');
    expect(decimalMarkOf(['1,234.56', '12.5', '1.234'])).toBe('.');
    expect(decimalMarkOf(['R$ 1.234.567', '3'])).toBe(',');
  });

  it('is null when no cell shows it, or as many show each', () => {
    expect(decimalMarkOf(['12', '1,234', '1.234', 'abc', ''])).toBeNull();
    expect(decimalMarkOf(['12,5', '12.5'])).toBeNull();
    expect(decimalMarkOf([])).toBeNull();
  });
});

describe('parseDate', () => {
  it('reads ISO days, with or without a time after them', () => {
    expect(parseDate('2026-11-03', null)).toEqual({ ok: true, value: '2026-11-03' });
    expect(parseDate('2026-11-03 00:00:00', null)).toEqual({ ok: true, value: '2026-11-03' });
    expect(parseDate('2026-11-03T23:30:00-03:00', null)).toEqual({ ok: true, value: '2026-11-03' });
    expect(parseDate('2026/1/9', null)).toEqual({ ok: true, value: '2026-01-09' });
  });

  it('reads numeric dates in the order given', () => {
    expect(parseDate('11/03/2026', 'mdy')).toEqual({ ok: true, value: '2026-11-03' });
    expect(parseDate('11/03/2026', 'dmy')).toEqual({ ok: true, value: '2026-03-11' });
    expect(parseDate('3.11.2026', 'dmy')).toEqual({ ok: true, value: '2026-11-03' });
    expect(parseDate('11-3-2026 14:05', 'mdy')).toEqual({ ok: true, value: '2026-11-03' });
  });

  it('refuses a numeric date it cannot order, unless its day and month are the same', () => {
    expect(parseDate('11/03/2026', null)).toEqual({ ok: false, message: `"11/03/2026" could be month/day or day/month: choose the file's date order` });
    expect(parseDate('13/03/2026', null)).toEqual({
      ok: false,
      message: `"13/03/2026": the file writes some dates day first and others month first; choose its date order`,
    });
    expect(parseDate('07/07/2026', null)).toEqual({ ok: true, value: '2026-07-07' });
  });

  it("reads Google Ads' month names", () => {
    expect(parseDate('Nov 3, 2026', null)).toEqual({ ok: true, value: '2026-11-03' });
    expect(parseDate('November 3, 2026', null)).toEqual({ ok: true, value: '2026-11-03' });
    expect(parseDate('Tue, Nov 3, 2026', null)).toEqual({ ok: true, value: '2026-11-03' });
    expect(parseDate('Sept. 30, 2026', null)).toEqual({ ok: true, value: '2026-09-30' });
    expect(parseDate('3 Nov 2026', null)).toEqual({ ok: true, value: '2026-11-03' });
  });

  it('refuses days that are not on the calendar', () => {
    expect(parseDate('2026-02-29', null)).toEqual({ ok: false, message: '"2026-02-29" is not a day of the calendar' });
    expect(parseDate('2028-02-29', null)).toEqual({ ok: true, value: '2028-02-29' });
    expect(parseDate('Feb 30, 2026', null)).toEqual({ ok: false, message: '"Feb 30, 2026" is not a day of the calendar' });
    expect(parseDate('13/01/2026', 'mdy')).toEqual({ ok: false, message: '"13/01/2026" is not a day of the calendar in month/day/year order' });
    expect(parseDate('0999-01-01', null)).toEqual({ ok: false, message: '"0999-01-01" is not a day of the calendar' });
  });

  it('refuses what is not a date, formulas included', () => {
    for (const raw of ['=TODAY()', 'yesterday', '03/11/26', 'Nov 2026', 'Novembro 3, 2026', '45231']) {
      expect(parseDate(raw, 'dmy'), raw).toEqual({ ok: false, message: `${quote(raw)} is not a date (such as 2026-11-03, 11/03/2026 or Nov 3, 2026)` });
    }
    expect(parseDate(' -- ', null)).toEqual({ ok: false, message: 'is empty' });
  });

  it('reads back any day written in each shape', () => {
    const day = fc.date({ min: new Date('2000-01-01T00:00:00Z'), max: new Date('2099-12-31T00:00:00Z'), noInvalidDate: true });
    fc.assert(
      fc.property(day, (date) => {
        const iso = date.toISOString().slice(0, 10);
        const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
        const month = new Intl.DateTimeFormat('en-US', { month: 'short', timeZone: 'UTC' }).format(date);
        expect(parseDate(iso, null)).toEqual({ ok: true, value: iso });
        expect(parseDate(`${m}/${d}/${y}`, 'mdy')).toEqual({ ok: true, value: iso });
        expect(parseDate(`${d}/${m}/${y}`, 'dmy')).toEqual({ ok: true, value: iso });
        expect(parseDate(`${month} ${d}, ${y}`, null)).toEqual({ ok: true, value: iso });
      }),
    );
  });
});

describe('dateOrderOf', () => {
  it('guesses from a number above 12', () => {
    expect(dateOrderOf(['03/11/2026', '15/11/2026'])).toBe('dmy');
    expect(dateOrderOf(['11/03/2026', '11/15/2026'])).toBe('mdy');
  });

  it('does not guess when no value shows the order, or values show both', () => {
    expect(dateOrderOf(['03/11/2026', '2026-11-15', 'Nov 3, 2026'])).toBeNull();
    expect(dateOrderOf(['15/11/2026', '11/15/2026'])).toBeNull();
  });
});

describe('parseCurrency', () => {
  it('reads ISO 4217 codes in upper case', () => {
    expect(parseCurrency(' brl ')).toEqual({ ok: true, value: 'BRL' });
    expect(parseCurrency('USD')).toEqual({ ok: true, value: 'USD' });
  });

  it('refuses symbols and names', () => {
    for (const raw of ['R$', 'Real', 'US', '€']) {
      expect(parseCurrency(raw)).toEqual({ ok: false, message: `${quote(raw)} is not an ISO 4217 currency code (such as BRL, USD or EUR)` });
    }
    expect(parseCurrency('')).toEqual({ ok: false, message: 'is empty' });
  });
});

describe('quote', () => {
  it('cuts long cells short in messages', () => {
    expect(quote('x'.repeat(100))).toBe(`"${'x'.repeat(40)}…"`);
  });
});
