import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import type { QueryBuilder } from '../../db/database.js';
import { invalid } from '../../errors.js';
import { requireWorkspace } from '../../http/auth.js';
import { IdParams } from '../../http/schemas.js';
import { formAnalytics } from './analytics.js';
import { getForm } from './service.js';

export const Day = Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$', description: 'YYYY-MM-DD (UTC)' });
const Count = Type.Integer();
const Rate = Type.Union([Type.Number(), Type.Null()], { description: 'submissions ÷ views (null without views)' });

const AnalyticsSchema = Type.Object({
  from: Day,
  to: Day,
  totals: Type.Object({ views: Count, starts: Count, submissions: Count, spam: Count, conversion_rate: Rate }),
  by_day: Type.Array(Type.Object({ day: Day, views: Count, starts: Count, submissions: Count, spam: Count })),
  by_page: Type.Array(Type.Object({ url: Type.Union([Type.String(), Type.Null()]), views: Count, starts: Count, submissions: Count, conversion_rate: Rate })),
  fields: Type.Array(Type.Object({ key: Type.String(), reached: Count, abandoned: Count, drop_off_rate: Type.Union([Type.Number(), Type.Null()]) })),
});

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

export function analyticsRoutes(server: FastifyInstance, { db }: { db: QueryBuilder }): void {
  const app = server.withTypeProvider<TypeBoxTypeProvider>();
  app.get(
    '/api/v1/forms/:id/analytics',
    {
      config: { auth: 'workspace', permission: 'workspace.read' },
      schema: {
        tags: ['forms'],
        summary: 'Views, starts, submissions, spam and conversion of a form, by day and by page, and each field’s drop-off (default: the last 30 days)',
        params: IdParams,
        querystring: PeriodQuery,
        response: { 200: AnalyticsSchema },
      },
    },
    async (request) => {
      const workspaceId = requireWorkspace(request).id;
      await getForm(db, workspaceId, request.params.id);
      return formAnalytics(db, workspaceId, request.params.id, analyticsPeriod(request.query));
    },
  );
}
