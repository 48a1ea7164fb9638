import { describe, expect, it } from 'vitest';
import { costColumns, findHeader, lineDelimiter } from './cost-header.js';

describe('lineDelimiter', () => {
  it('takes the separator found most often outside quotes', () => {
    expect(lineDelimiter('Day,Campaign,Cost')).toBe(',');
    expect(lineDelimiter('date;campaign;"amount, in reais"')).toBe(';');
    expect(lineDelimiter('Campaign status\tCampaign\tDay\tCost')).toBe('\t');
    expect(lineDelimiter('"a,b,c";d')).toBe(';');
  });

  it('is a comma for a line with none, or on a tie', () => {
    expect(lineDelimiter('Campaign report')).toBe(',');
    expect(lineDelimiter('a,b;c')).toBe(',');
  });
});

describe('costColumns', () => {
  it('knows the synonyms, in any case, with spaces or underscores', () => {
    expect(costColumns(['DAY', 'Campaign Name', 'Spend', 'Currency Code'])).toEqual({ date: 0, campaign: 1, amount: 2, currency: 3 });
    expect(costColumns(['Reporting starts', 'utm_campaign', 'COST', 'currency'])).toEqual({ date: 0, campaign: 1, amount: 2, currency: 3 });
    expect(costColumns([' date ', 'campaign', 'amount'])).toEqual({ date: 0, campaign: 1, amount: 2 });
  });

  it('takes the currency an amount header names', () => {
    expect(costColumns(['Reporting starts', 'Campaign name', 'Amount spent (BRL)'])).toEqual({ date: 0, campaign: 1, amount: 2, amountCurrency: 'BRL' });
    expect(costColumns(['Amount spent (USD)'])).toEqual({ amount: 0, amountCurrency: 'USD' });
    expect(costColumns(['cost(eur)'])).toEqual({ amount: 0, amountCurrency: 'EUR' });
  });

  it('ignores look-alikes and keeps the first of two columns for one field', () => {
    expect(costColumns(['Campaign status', 'Campaign ID', 'Campaign', 'Reporting ends', 'Day', 'Date', 'Cost / conv.', 'Cost'])).toEqual({ campaign: 2, date: 4, amount: 7 });
  });
});

describe('findHeader', () => {
  it('skips title lines above the header', () => {
    const text = 'Campaign report\nNovember 1, 2026 - November 30, 2026\nDay,Campaign,Cost\n2026-11-03,Brand,1.00\n';
    expect(findHeader(text)).toEqual({ line: 3, offset: 53, delimiter: ',', columns: { date: 0, campaign: 1, amount: 2 } });
  });

  it('falls back to the first line that is not blank, and is null for a blank file', () => {
    expect(findHeader('\n\nfoo,bar\n1,2\n')).toEqual({ line: 3, offset: 2, delimiter: ',', columns: {} });
    expect(findHeader('\n \n')).toBeNull();
    expect(findHeader('')).toBeNull();
  });

  it('looks no further than 20 lines', () => {
    expect(findHeader(`${'title\n'.repeat(20)}date,campaign,amount\n`)?.line).toBe(1);
    expect(findHeader(`${'title\n'.repeat(19)}date,campaign,amount\n`)?.line).toBe(20);
  });
});
