// The period a figures route covers, as every module's figures ask for it: `from`–`to`, UTC
// calendar days, at most a year, by default the last 30.
import { Type } from 'typebox';
import { invalid } from '../errors.js';

export const Day = Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$', description: 'YYYY-MM-DD (UTC)' });

const DAY_MS = 86_400_000;
const isoDay = (ms: number) => new Date(ms).toISOString().slice(0, 10);

export const PeriodQuery = Type.Object({ from: Type.Optional(Day), to: Type.Optional(Day) }, { additionalProperties: false });

/** The days a figures route covers: `from`–`to` (UTC calendar days, at most a year), by default the last 30. */
export function analyticsPeriod(query: { from?: string; to?: string }): { from: string; to: string } {
  const to = query.to ?? isoDay(Date.now());
  const from = query.from ?? isoDay(Date.parse(to) - 29 * DAY_MS);
  const fromMs = Date.parse(`${from}T00:00:00Z`);
  const toMs = Date.parse(`${to}T00:00:00Z`);
  if (Number.isNaN(fromMs) || isoDay(fromMs) !== from) throw invalid('Not a date', [{ field: 'from', in: 'querystring', message: 'is not a calendar date' }]);
  if (Number.isNaN(toMs) || isoDay(toMs) !== to) throw invalid('Not a date', [{ field: 'to', in: 'querystring', message: 'is not a calendar date' }]);
  if (fromMs > toMs) throw invalid('The period ends before it starts', [{ field: 'from', in: 'querystring', message: 'is after to' }]);
  if (toMs - fromMs > 366 * DAY_MS) throw invalid('The period is too long', [{ field: 'from', in: 'querystring', message: 'must be at most a year before to' }]);
  return { from, to };
}
