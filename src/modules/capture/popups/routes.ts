import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import type { QueryBuilder } from '../../../db/database.js';
import { actorOf, requireWorkspace } from '../../../http/auth.js';
import { decodeCursor, Page, pageOf } from '../../../http/pagination.js';
import { IdParams } from '../../../http/schemas.js';
import { baseUrlOf } from '../../../http/base-url.js';
import { analyticsPeriod, PeriodQuery } from '../../../http/period.js';
import { PopupAnalyticsSchema, PopupCreate, PopupListItem, PopupListQuery, PopupPatch, PopupSchema, PopupSnippetSchema } from './schema.js';
import { createPopup, deletePopup, getPopup, listPopups, patchPopup, popupAnalytics, setPopupStatus } from './service.js';

/** The dashboard's API of pop-ups: the pop-ups, their status, figures and the snippet that shows them. */
export function popupRoutes(server: FastifyInstance, { db, publicUrl }: { db: QueryBuilder; publicUrl: string | null }): void {
  const app = server.withTypeProvider<TypeBoxTypeProvider>();
  const read = { auth: 'workspace', permission: 'workspace.read' } as const;
  const write = { auth: 'workspace', permission: 'marketing.write' } as const;
  const tags = ['pop-ups'];

  app.get('/api/v1/popups', { config: read, schema: { tags, summary: 'The workspace’s pop-ups, by name, each with its last 30 days’ figures', querystring: PopupListQuery, response: { 200: Page(PopupListItem) } } }, async (request) => {
    const limit = request.query.limit ?? 50;
    const rows = await listPopups(db, requireWorkspace(request).id, { status: request.query.status }, { limit: limit + 1, after: decodeCursor(request.query.cursor) });
    return pageOf(rows, limit, (row) => ({ key: row.name.toLowerCase(), id: row.id }));
  });

  app.post('/api/v1/popups', { config: write, schema: { tags, summary: 'Create a pop-up (a draft: activate it to show it)', body: PopupCreate, response: { 201: PopupSchema } } },
    async (request, reply) => reply.code(201).send(await createPopup(db, requireWorkspace(request).id, request.body, actorOf(request))));

  app.get('/api/v1/popups/snippet', { config: read, schema: { tags, summary: 'The one line of HTML that shows every active pop-up of the workspace on a site', response: { 200: PopupSnippetSchema } } },
    async (request) => ({ snippet: `<script src="${baseUrlOf(request, publicUrl)}/f.js" data-workspace="${requireWorkspace(request).id}" async></script>` }));

  app.get('/api/v1/popups/:id', { config: read, schema: { tags, summary: 'One pop-up, with notices for the editor', params: IdParams, response: { 200: PopupSchema } } },
    async (request) => getPopup(db, requireWorkspace(request).id, request.params.id));

  app.patch('/api/v1/popups/:id', { config: write, schema: { tags, summary: 'Change a pop-up (with the revision it was loaded at); an active one shows the change on the next page view', params: IdParams, body: PopupPatch, response: { 200: PopupSchema } } },
    async (request) => patchPopup(db, requireWorkspace(request).id, request.params.id, request.body));

  app.post('/api/v1/popups/:id/activate', { config: write, schema: { tags, summary: 'Show the pop-up on the workspace’s sites (it needs a live form)', params: IdParams, response: { 200: PopupSchema } } },
    async (request) => setPopupStatus(db, requireWorkspace(request).id, request.params.id, 'active'));

  app.post('/api/v1/popups/:id/pause', { config: write, schema: { tags, summary: 'Stop showing the pop-up; its settings and figures stay', params: IdParams, response: { 200: PopupSchema } } },
    async (request) => setPopupStatus(db, requireWorkspace(request).id, request.params.id, 'paused'));

  app.delete('/api/v1/popups/:id', { config: write, schema: { tags, summary: 'Delete a pop-up and its figures', params: IdParams, response: { 204: Type.Null() } } }, async (request, reply) => {
    await deletePopup(db, requireWorkspace(request).id, request.params.id);
    return reply.code(204).send(null);
  });

  app.get('/api/v1/popups/:id/analytics', { config: read, schema: { tags, summary: 'Impressions, closes, submissions and conversion of a pop-up, by day and by UTM source (default: the last 30 days)', params: IdParams, querystring: PeriodQuery, response: { 200: PopupAnalyticsSchema } } },
    async (request) => popupAnalytics(db, requireWorkspace(request).id, request.params.id, analyticsPeriod(request.query)));
}
