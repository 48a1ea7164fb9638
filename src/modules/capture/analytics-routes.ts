import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import type { QueryBuilder } from '../../db/database.js';
import { requireWorkspace } from '../../http/auth.js';
import { IdParams } from '../../http/schemas.js';
import { analyticsPeriod, Day, PeriodQuery } from '../../http/period.js';
import { formAnalytics } from './analytics.js';
import { getForm } from './service.js';

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
