import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import type { QueryBuilder } from '../../../db/database.js';
import { requireWorkspace } from '../../../http/auth.js';
import { IdParams } from '../../../http/schemas.js';
import { analyticsPeriod, PeriodQuery } from '../../../http/period.js';
import { pageAnalytics } from './figures.js';
import { PageAnalyticsSchema } from './schema.js';
import { pageRow } from './store.js';

export function pageAnalyticsRoutes(server: FastifyInstance, { db }: { db: QueryBuilder }): void {
  const app = server.withTypeProvider<TypeBoxTypeProvider>();
  app.get('/api/v1/pages/:id/analytics', {
    config: { auth: 'workspace', permission: 'workspace.read' },
    schema: {
      tags: ['pages'],
      summary: 'Views, unique visitors, submissions and conversion of a page, by day and by UTM source (default: the last 30 days)',
      params: IdParams,
      querystring: PeriodQuery,
      response: { 200: PageAnalyticsSchema },
    },
  }, async (request) => {
    const workspaceId = requireWorkspace(request).id;
    const period = analyticsPeriod(request.query);
    await pageRow(db, workspaceId, request.params.id);
    return pageAnalytics(db, workspaceId, request.params.id, period);
  });
}
