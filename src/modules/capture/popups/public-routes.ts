// What f.js asks on a customer's site: the workspace's active pop-ups (`data-workspace` on its
// script tag), and beacons of impressions and closes. Open to any origin, without credentials:
// the settings hold nothing private, and whether a visitor is known is applied, never told.
import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import type { QueryBuilder } from '../../../db/database.js';
import { isId } from '../../../db/ids.js';
import { invalid, notFound } from '../../../errors.js';
import { ANY_ORIGIN } from '../../../http/cross-origin.js';
import { acceptUrlencoded, type FormBody } from '../form-body.js';
import { visitorContactQuery } from '../known-visitor.js';
import { isVisitorId } from '../visitor-id.js';
import { WriteBuffer } from '../../../db/write-buffer.js';
import type { PopupSettingsValue } from './definition.js';
import { addPopupStats, sourceKey, type PopupIncrement } from './stats.js';
import { isBot } from '../bots.js';

/** The active pop-ups of a workspace whose form is live: what f.js may show. Reads the popups primary key. */
function activePopups(db: QueryBuilder, workspaceId: string) {
  return db
    .selectFrom('popups as p')
    .innerJoin('forms as f', (join) => join.onRef('f.workspace_id', '=', 'p.workspace_id').onRef('f.id', '=', 'p.form_id'))
    .select(['p.id', 'p.form_id', 'p.settings'])
    .where('p.workspace_id', '=', workspaceId)
    .where('p.status', '=', 'active')
    .where('f.status', '=', 'live')
    .orderBy('p.created_at')
    .execute();
}

async function isKnownVisitor(db: QueryBuilder, workspaceId: string, visitor: string | undefined): Promise<boolean> {
  if (!visitor || !isVisitorId(visitor)) return false;
  return (await visitorContactQuery(db, workspaceId, visitor).executeTakeFirst()) !== undefined;
}

export function popupPublicRoutes(app: FastifyInstance, { db, stats }: { db: QueryBuilder; stats: WriteBuffer<PopupIncrement> }): void {
  void app.register(async (scope) => {
    acceptUrlencoded(scope, 4_096);

    scope.get('/public/workspaces/:id/popups', {
      config: { auth: 'public', cors: ANY_ORIGIN, rateLimit: { max: 600, timeWindow: 60_000 } },
      schema: { hide: true, params: Type.Object({ id: Type.String({ maxLength: 64 }) }), querystring: Type.Object({ visitor: Type.Optional(Type.String({ maxLength: 64 })) }) },
    }, async (request, reply) => {
      const workspaceId = (request.params as { id: string }).id;
      // Changes show on the next page view; a visitor's answer is theirs alone.
      reply.header('cache-control', 'private, no-store');
      // An unknown workspace looks like one with no pop-ups.
      if (!isId(workspaceId)) return { popups: [] };
      const rows = await activePopups(db, workspaceId);
      const settings = (row: { settings: unknown }) => row.settings as PopupSettingsValue;
      const known = rows.some((row) => settings(row).targeting.hide_from_known) && (await isKnownVisitor(db, workspaceId, (request.query as { visitor?: string }).visitor));
      return {
        popups: rows.filter((row) => !(known && settings(row).targeting.hide_from_known)).map((row) => {
          const { layout, heading, text, trigger, targeting, frequency } = settings(row);
          const { hide_from_known: _hidden, ...where } = targeting;
          return { id: row.id, form_id: row.form_id, layout, heading, text, trigger, targeting: where, frequency };
        }),
      };
    });

    scope.post('/public/popups/:id/events', {
      bodyLimit: 4_096,
      config: { auth: 'public', cors: ANY_ORIGIN, rateLimit: { max: 600, timeWindow: 60_000 } },
      schema: { hide: true, params: Type.Object({ id: Type.String({ maxLength: 64 }) }), body: Type.Unsafe<FormBody>({ type: 'object', maxProperties: 20 }) },
    }, async (request, reply) => {
      const id = (request.params as { id: string }).id;
      const body = request.body as FormBody | null;
      if (!body || typeof body !== 'object' || Array.isArray(body)) throw invalid('A beacon is an object');
      const kind = body.e;
      if (kind !== 'impression' && kind !== 'close') throw invalid('Unknown beacon', [{ field: 'e', in: 'body', message: 'must be impression or close' }]);
      const popup = isId(id) ? await db.selectFrom('popups').select(['workspace_id', 'id']).where('id', '=', id).executeTakeFirst() : undefined;
      if (!popup) throw notFound('Pop-up');
      if (!isBot(request.headers['user-agent'])) {
        const source = typeof body.utm_source === 'string' ? body.utm_source : null;
        await stats.add({ workspaceId: popup.workspace_id, popupId: popup.id, day: new Date().toISOString().slice(0, 10), utmSource: sourceKey(source), [kind === 'impression' ? 'impressions' : 'closes']: 1 });
      }
      return reply.code(204).send();
    });
  });
}

export const popupStatsBuffer = (db: ConstructorParameters<typeof WriteBuffer<PopupIncrement>>[0]) => new WriteBuffer<PopupIncrement>(db, addPopupStats);
