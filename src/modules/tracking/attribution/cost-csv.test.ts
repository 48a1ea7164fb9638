import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MAX_COST_ROWS, parseCostCsv } from './cost-csv.js';

const lines = (...rows: string[]) => `${rows.join('\n')}\n`;

describe('parseCostCsv on real exports', () => {
  it('reads a Google Ads "Campaign performance" download, skipping its title lines and its totals', () => {
    const file = lines(
      'Campaign report',
      '"November 1, 2026 - November 30, 2026"',
      'Day,Campaign,Campaign status,Currency code,Cost,Impr.,Clicks,Conversions',
      '"Nov 3, 2026",Brand - Search,Enabled,BRL,"1,033.33","12,345",321,4.00',
      '"Nov 3, 2026",Leads - Performance Max,Enabled,BRL,0.01,1, --, --',
      '"Nov 4, 2026",Brand - Search,Enabled,BRL,512.40,"6,001",150,2.00',
      '"Nov 4, 2026",Old promo,Removed,BRL,0.00,0,0,0.00',
      'Total: Account, --, --,BRL,"1,545.74","18,347",471,6.00',
      'Total: Search, --, --,BRL,"1,545.73","18,346",471,6.00',
      'Total: Campaigns, --, --,BRL,"1,545.74","18,347",471,6.00',
    );
    expect(parseCostCsv(file)).toEqual({
      rows: [
        { date: '2026-11-03', campaign: 'Brand - Search', amount: '1033.33', currency: 'BRL' },
        { date: '2026-11-03', campaign: 'Leads - Performance Max', amount: '0.01', currency: 'BRL' },
        { date: '2026-11-04', campaign: 'Brand - Search', amount: '512.40', currency: 'BRL' },
        { date: '2026-11-04', campaign: 'Old promo', amount: '0.00', currency: 'BRL' },
      ],
      problems: [],
    });
  });

  it('reads Google Ads\' "Excel CSV" download: UTF-16 with a byte-order mark, tab-separated, CRLF', () => {
    const text = [
      'Campaign report',
      'November 1, 2026 - November 30, 2026',
      'Campaign status\tCampaign\tCampaign ID\tDay\tCurrency code\tCost\tImpr.\tClicks',
      'Enabled\tSpring sale – Search\t20817300561\t2026-11-01\tUSD\t1,033.33\t12,345\t321',
      'Enabled\tSpring sale – Search\t20817300561\t2026-11-02\tUSD\t0.01\t1\t --',
      'Total: Campaigns\t\t\t\tUSD\t1,033.34\t12,346\t321',
      'Total: Account\t\t\t\tUSD\t1,033.34\t12,346\t321',
    ].join('\r\n');
    const bytes = Buffer.from(`\uFEFF${text}\r\n`, 'utf16le');
    expect(parseCostCsv(bytes)).toEqual({
      rows: [
        { date: '2026-11-01', campaign: 'Spring sale – Search', amount: '1033.33', currency: 'USD' },
        { date: '2026-11-02', campaign: 'Spring sale – Search', amount: '0.01', currency: 'USD' },
      ],
      problems: [],
    });
  });

  it('reads a Meta Ads Manager export, the currency coming from "Amount spent (BRL)"', () => {
    const file = lines(
      '"Reporting starts","Reporting ends","Campaign name","Campaign delivery","Results","Result indicator","Amount spent (BRL)","Cost per results","Ends"',
      '"2026-11-01","2026-11-01","Black Friday, leads","active","12","actions:onsite_conversion.lead_grouped","153.27","12.77","Ongoing"',
      '"2026-11-01","2026-11-01","Remarketing 30d","inactive","0","","0","","2026-11-20"',
      '"2026-11-02","2026-11-02","Black Friday, leads","active","9","actions:onsite_conversion.lead_grouped","1234.5","137.17","Ongoing"',
    );
    expect(parseCostCsv(file)).toEqual({
      rows: [
        { date: '2026-11-01', campaign: 'Black Friday, leads', amount: '153.27', currency: 'BRL' },
        { date: '2026-11-01', campaign: 'Remarketing 30d', amount: '0.00', currency: 'BRL' },
        { date: '2026-11-02', campaign: 'Black Friday, leads', amount: '1234.50', currency: 'BRL' },
      ],
      problems: [],
    });
  });

  it('reads a hand-made sheet with ; and comma decimals, and tells what is wrong with each bad row', () => {
    const file = [
      '\uFEFFdate;utm_campaign;amount;currency',
      '03/11/2026;black-friday;R$ 1.234,56;brl',
      '',
      '15/11/2026;black-friday;1.234;BRL',
      '16/11/2026;"natal; e-mail";99,9;BRL',
      '17/11/2026;"=HYPERLINK(""http://x.example"";""clique"")";10;BRL',
      '18/11/2026;black-friday;=SUM(C2:C5);BRL',
      '19/11/2026;black-friday;-50,00;BRL',
      '31/11/2026;black-friday;10;BRL',
      '20/11/2026;;10;BRL',
      '21/11/2026;black-friday;10;R$',
    ].join('\r\n');
    expect(parseCostCsv(file)).toEqual({
      rows: [
        { date: '2026-11-03', campaign: 'black-friday', amount: '1234.56', currency: 'BRL' },
        { date: '2026-11-15', campaign: 'black-friday', amount: '1234.00', currency: 'BRL' },
        { date: '2026-11-16', campaign: 'natal; e-mail', amount: '99.90', currency: 'BRL' },
        // A formula is a campaign name like any other: kept as written, never evaluated.
        { date: '2026-11-17', campaign: '=HYPERLINK("http://x.example";"clique")', amount: '10.00', currency: 'BRL' },
      ],
      problems: [
        { line: 7, field: 'amount', message: '"=SUM(C2:C5)" is not an amount' },
        { line: 8, field: 'amount', message: '"-50,00" is negative' },
        { line: 9, field: 'date', message: '"31/11/2026" is not a day of the calendar in day/month/year order' },
        { line: 10, field: 'campaign', message: 'is empty' },
        { line: 11, field: 'currency', message: '"R$" is not an ISO 4217 currency code (such as BRL, USD or EUR)' },
      ],
    });
  });
});

describe('parseCostCsv columns', () => {
  it('names each missing required column in one problem, and reads no rows', () => {
    expect(parseCostCsv(lines('Day,Campaign,Clicks', '2026-11-03,Brand,3'), { defaultCurrency: 'BRL' })).toEqual({
      rows: [],
      problems: [{ line: 1, field: 'amount', message: 'no column for it (expected one named "amount", "cost", "spend", "amount spent")' }],
    });
  });

  it('asks for the currency when the file names none and no default is given', () => {
    const file = lines('date,campaign,amount', '2026-11-03,Brand,10');
    expect(parseCostCsv(file).problems).toEqual([
      {
        line: 1,
        field: 'currency',
        message: 'no column for it (expected one named "currency", "currency code", or the amount\'s header naming it, as "Amount spent (BRL)" does): choose the file\'s currency',
      },
    ]);
    expect(parseCostCsv(file, { defaultCurrency: 'usd' }).rows).toEqual([{ date: '2026-11-03', campaign: 'Brand', amount: '10.00', currency: 'USD' }]);
  });

  it('takes the default currency for rows whose currency cell is blank', () => {
    const file = lines('date,campaign,amount,currency', '2026-11-03,Brand,10,', '2026-11-03,Promo,5,EUR');
    expect(parseCostCsv(file, { defaultCurrency: 'BRL' }).rows.map((row) => row.currency)).toEqual(['BRL', 'EUR']);
    expect(parseCostCsv(file).problems).toEqual([{ line: 2, field: 'currency', message: 'is empty' }]);
  });

  it('refuses a default currency that is not an ISO 4217 code', () => {
    expect(() => parseCostCsv(lines('date,campaign,amount', '2026-11-03,Brand,10'), { defaultCurrency: 'R$' })).toThrow(RangeError);
  });

  it('refuses a row whose currency differs from the one the amount header names', () => {
    const file = lines('Reporting starts,Campaign name,Amount spent (BRL),Currency', '2026-11-03,Brand,10,USD', '2026-11-04,Brand,10,brl');
    expect(parseCostCsv(file)).toEqual({
      rows: [{ date: '2026-11-04', campaign: 'Brand', amount: '10.00', currency: 'BRL' }],
      problems: [{ line: 2, field: 'currency', message: "is USD but the amount's column header says BRL" }],
    });
  });

  it('reports the columns it could not find when no header is in the first 20 lines', () => {
    const { rows, problems } = parseCostCsv(`${'Report\n'.repeat(20)}date,campaign,amount,currency\n2026-11-03,Brand,1,BRL\n`);
    expect(rows).toEqual([]);
    expect(problems.map((p) => [p.line, p.field])).toEqual([
      [1, 'date'],
      [1, 'campaign'],
      [1, 'amount'],
      [1, 'currency'],
    ]);
  });
});

describe('parseCostCsv dates', () => {
  const file = lines('date,campaign,amount,currency', '11/03/2026,Brand,1,BRL', '2026-11-04,Brand,1,BRL');

  it('refuses numeric dates it cannot order, and still reads ISO ones', () => {
    expect(parseCostCsv(file)).toEqual({
      rows: [{ date: '2026-11-04', campaign: 'Brand', amount: '1.00', currency: 'BRL' }],
      problems: [{ line: 2, field: 'date', message: `"11/03/2026" could be month/day or day/month: choose the file's date order` }],
    });
  });

  it('reads them in the order given', () => {
    expect(parseCostCsv(file, { dateOrder: 'mdy' }).rows.map((row) => row.date)).toEqual(['2026-11-03', '2026-11-04']);
    expect(parseCostCsv(file, { dateOrder: 'dmy' }).rows.map((row) => row.date)).toEqual(['2026-03-11', '2026-11-04']);
  });

  it('guesses the order from a day above 12 in the file', () => {
    const us = lines('date,campaign,amount,currency', '11/03/2026,Brand,1,USD', '11/30/2026,Brand,1,USD');
    expect(parseCostCsv(us).rows.map((row) => row.date)).toEqual(['2026-11-03', '2026-11-30']);
  });
});

describe('parseCostCsv reading', () => {
  it('skips Google Ads totals wherever they stand, but keeps a campaign whose name starts with Total', () => {
    const file = lines('date,campaign,amount,currency', '2026-11-03,Total Health,10,BRL', '2026-11-03,Total: Account,10,BRL', 'Total,--,10,BRL', 'Grand total,,20,BRL');
    expect(parseCostCsv(file)).toEqual({ rows: [{ date: '2026-11-03', campaign: 'Total Health', amount: '10.00', currency: 'BRL' }], problems: [] });
  });

  it('counts lines as the file has them: blank lines and cells that span lines', () => {
    const file = lines('date,campaign,amount,currency', '2026-11-03,"Two', 'lines",1,BRL', '', ' , , , ', '2026-11-04,Brand,x,BRL', '2026-11-05,Brand');
    expect(parseCostCsv(file)).toEqual({
      rows: [{ date: '2026-11-03', campaign: 'Two\nlines', amount: '1.00', currency: 'BRL' }],
      problems: [
        { line: 6, field: 'amount', message: '"x" is not an amount' },
        { line: 7, field: 'amount', message: 'is empty' },
        { line: 7, field: 'currency', message: 'is empty' },
      ],
    });
  });

  it('keeps the rows before a quote that never closes, and says where reading stopped', () => {
    const file = lines('date,campaign,amount,currency', '2026-11-03,Brand,1,BRL', '2026-11-04,"Oops,2,BRL', '2026-11-05,Brand,3,BRL');
    expect(parseCostCsv(file)).toEqual({
      rows: [{ date: '2026-11-03', campaign: 'Brand', amount: '1.00', currency: 'BRL' }],
      problems: [{ line: 3, field: 'file', message: 'starts a row with a quoted cell that never closes: this row and those after it were not read' }],
    });
  });

  it('calls a file with nothing in it empty', () => {
    for (const file of ['', '\uFEFF', '\r\n\r\n', '   \n']) {
      expect(parseCostCsv(file)).toEqual({ rows: [], problems: [{ line: 1, field: 'file', message: 'is empty' }] });
    }
  });

  it('reads a sheet saved by Excel on Windows as plain CSV (Windows-1252)', () => {
    const bytes = Buffer.from('date;campaign;amount;currency\r\n03/11/2026;Promoção de Verão;1,50;BRL\r\n', 'latin1');
    expect(parseCostCsv(bytes, { dateOrder: 'dmy' }).rows).toEqual([{ date: '2026-11-03', campaign: 'Promoção de Verão', amount: '1.50', currency: 'BRL' }]);
  });

  it('reads UTF-8 bytes with a byte-order mark', () => {
    const bytes = new TextEncoder().encode('\uFEFFdate,campaign,amount,currency\n2026-11-03,Promoção,1.50,BRL\n');
    expect(parseCostCsv(bytes).rows).toEqual([{ date: '2026-11-03', campaign: 'Promoção', amount: '1.50', currency: 'BRL' }]);
  });

  it(`reads at most ${MAX_COST_ROWS.toLocaleString('en')} rows and says where it stopped`, () => {
    const file = `date,campaign,amount,currency\n${'2026-11-03,Brand,1.00,BRL\n'.repeat(MAX_COST_ROWS + 5)}`;
    const { rows, problems } = parseCostCsv(file);
    expect(rows).toHaveLength(MAX_COST_ROWS);
    expect(problems).toEqual([
      { line: MAX_COST_ROWS + 2, field: 'file', message: 'has more than 100,000 rows: this row and those after it were not read' },
    ]);
  });

  it('never throws on any text, and everything it reads is well formed', () => {
    const text = fc.string({ unit: fc.constantFrom(...'ab1 2,;\t\n\r"=-$.R/:'), maxLength: 200 });
    fc.assert(
      fc.property(fc.constantFrom('', 'date,campaign,amount\n', 'Day;Campaign;Cost;Currency code\n'), text, (header, body) => {
        const file = header + body;
        const { rows, problems } = parseCostCsv(file, { defaultCurrency: 'BRL' });
        const lineCount = file.split(/\r\n?|\n/).length;
        for (const row of rows) {
          expect(row.date).toMatch(/^\d{4}-\d{2}-\d{2}$/);
          expect(row.amount).toMatch(/^\d+\.\d{2}$/);
          expect(row.currency).toMatch(/^[A-Z]{3}$/);
          expect(row.campaign).not.toBe('');
        }
        for (const problem of problems) {
          expect(problem.line).toBeGreaterThanOrEqual(1);
          expect(problem.line).toBeLessThanOrEqual(lineCount);
        }
      }),
    );
  });
});
