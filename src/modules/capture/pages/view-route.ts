// The view beacon f.js sends from every served page (`data-page` on its script tag): one view
// of a visitor, with the page URL's utm_source. A page that is unknown or not live answers 204
// and is counted nowhere (a beacon tells nothing about which pages exist); bots are dropped the
// same way. Views of a page without JavaScript, or in a browser refusing storage (no visitor
// id), are not counted.
import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import type { QueryBuilder } from '../../../db/database.js';
import { isId } from '../../../db/ids.js';
import { invalid } from '../../../errors.js';
import { isBot } from '../bots.js';
import { acceptUrlencoded, type FormBody } from '../form-body.js';
import { sourceKey } from '../popups/stats.js';
import { isVisitorId } from '../visitor-id.js';
import { WriteBuffer } from '../../../db/write-buffer.js';
import { addPageViews, type PageView } from './figures.js';

export const pageViewBuffer = (db: QueryBuilder) => new WriteBuffer<PageView>(db, addPageViews);

export function pageViewRoute(app: FastifyInstance, { db, views }: { db: QueryBuilder; views: WriteBuffer<PageView> }): void {
  void app.register(async (scope) => {
    acceptUrlencoded(scope, 4_096);
    scope.post('/public/pages/:id/view', {
      bodyLimit: 4_096,
      // Same origin as the page itself: no CORS.
      config: { auth: 'public', rateLimit: { max: 600, timeWindow: 60_000 } },
      schema: { hide: true, params: Type.Object({ id: Type.String({ maxLength: 64 }) }), body: Type.Unsafe<FormBody>({ type: 'object', maxProperties: 20 }) },
    }, async (request, reply) => {
      const id = (request.params as { id: string }).id;
      const body = request.body as FormBody | null;
      if (!body || typeof body !== 'object' || Array.isArray(body)) throw invalid('A view is an urlencoded body');
      const vid = body.vid;
      if (typeof vid !== 'string' || !isVisitorId(vid)) throw invalid('A view names its visitor', [{ field: 'vid', in: 'body', message: 'must be a visitor id (a lower-case UUID)' }]);
      const source = body.utm_source;
      if (source !== undefined && typeof source !== 'string') throw invalid('One UTM source', [{ field: 'utm_source', in: 'body', message: 'must be given once' }]);
      if (!isId(id) || isBot(request.headers['user-agent'])) return reply.code(204).send();
      const page = await db.selectFrom('pages').select(['workspace_id', 'id']).where('id', '=', id).where('status', '=', 'live').executeTakeFirst();
      if (page) await views.add({ workspaceId: page.workspace_id, pageId: page.id, day: new Date().toISOString().slice(0, 10), visitorId: vid, utmSource: sourceKey(source) });
      return reply.code(204).send();
    });
  });
}
