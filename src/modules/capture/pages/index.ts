// Landing and thank-you pages (issue 11): what capture's module registers of them.
import type { FastifyInstance } from 'fastify';
import type { Database, QueryBuilder } from '../../../db/database.js';
import { addSharedSchema } from '../../../http/validation.js';
import type { FormCache } from '../form-cache.js';
import { Block, PageDefinition, Theme } from './definition.js';
import { pageJobs } from './jobs.js';
import { PageCache } from './page-cache.js';
import { formsUnchanged, pagePublicRoutes } from './public-routes.js';
import { pageRoutes } from './routes.js';
import { pageAnalyticsRoutes } from './analytics-routes.js';
import { pageViewBuffer, pageViewRoute } from './view-route.js';
export { purgePageFigures } from './figures.js';

export const PAGE_TABLES = ['page_themes', 'pages', 'page_versions', 'page_visitors_daily', 'page_stats_daily'] as const;
export { pageJobs };

/** The definition's schemas, named by $ref in the routes: listed once in the spec. */
export function addPageSchemas(app: FastifyInstance): void {
  for (const schema of [Block, PageDefinition, Theme]) {
    app.addSchema(schema);
    addSharedSchema(schema as unknown as { $id: string });
  }
}

export async function registerPages(app: FastifyInstance, deps: { db: QueryBuilder; database: Database; forms: FormCache; publicUrl: string | null; linkTtlMs: number }): Promise<void> {
  const cache = new PageCache((page) => formsUnchanged(deps.forms, page));
  await cache.start(deps.database);
  app.addHook('onClose', () => cache.stop());
  pageRoutes(app, { db: deps.db, cache, forms: deps.forms });
  pagePublicRoutes(app, { db: deps.db, forms: deps.forms, pages: cache, publicUrl: deps.publicUrl, linkTtlMs: deps.linkTtlMs });
  pageAnalyticsRoutes(app, { db: deps.db });
  const views = pageViewBuffer(deps.db);
  app.addHook('onClose', () => views.drain());
  pageViewRoute(app, { db: deps.db, views });
}
