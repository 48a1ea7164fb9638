import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import type { QueryBuilder } from '../../../db/database.js';
import { actorOf, requireWorkspace } from '../../../http/auth.js';
import { IdParams, Timestamp } from '../../../http/schemas.js';
import { StringEnum } from '../../../schema-types.js';
import { requirePermission } from '../../workspaces/authentication.js';
import { filtersFromQuery } from '../list.js';
import { ContactFilterQuery, Stage } from '../schema.js';
import { bulkActionView, countContacts, createBulkAction, getBulkAction } from './bulk-actions.js';

/** Ticked rows sent at once: the dashboard pages at most 200, a client may send more. */
const MAX_BULK_IDS = 10_000;
const ActionName = StringEnum(['add_tags', 'remove_tags', 'add_to_list', 'set_stage', 'set_owner', 'delete']);

const BulkActionInputSchema = Type.Object(
  {
    action: ActionName,
    tags: Type.Optional(Type.Array(Type.String({ maxLength: 100 }), { maxItems: 100, description: 'For add_tags and remove_tags' })),
    list_id: Type.Optional(Type.String({ maxLength: 64, description: 'For add_to_list' })),
    lifecycle_stage: Type.Optional(Stage),
    owner_id: Type.Optional(Type.Union([Type.String({ format: 'uuid' }), Type.Null()], { description: 'For set_owner: a member of the workspace, or null for no owner' })),
    ids: Type.Optional(
      Type.Array(Type.String({ format: 'uuid' }), {
        minItems: 1,
        maxItems: MAX_BULK_IDS,
        description: 'Only these contacts (ticked rows), within the filters; ids of no contact of the workspace are skipped',
      }),
    ),
  },
  { additionalProperties: false },
);

const BulkActionSchema = Type.Object({
  id: Type.String(),
  // Stored as text: the rows say string, the spec says which.
  action: Type.Unsafe<string>(ActionName),
  tags: Type.Optional(Type.Array(Type.String())),
  list_id: Type.Optional(Type.String()),
  lifecycle_stage: Type.Optional(Type.String()),
  owner_id: Type.Optional(Type.Union([Type.String(), Type.Null()])),
  status: StringEnum(['queued', 'running', 'done', 'failed']),
  total: Type.Integer({ description: 'Contacts the filters matched when the action was asked for' }),
  processed: Type.Integer({ description: 'Contacts done so far' }),
  error: Type.Union([Type.String(), Type.Null()]),
  created_at: Timestamp,
  updated_at: Timestamp,
  finished_at: Type.Union([Timestamp, Type.Null()]),
});

export function bulkRoutes(server: FastifyInstance, { db }: { db: QueryBuilder }): void {
  const app = server.withTypeProvider<TypeBoxTypeProvider>();

  app.get(
    '/api/v1/contacts/count',
    {
      config: { auth: 'workspace', permission: 'workspace.read' },
      schema: {
        tags: ['contacts'],
        summary: 'How many contacts pass the filters of GET /api/v1/contacts',
        querystring: ContactFilterQuery,
        response: { 200: Type.Object({ count: Type.Integer() }) },
      },
    },
    async (request) => ({ count: await countContacts(db, requireWorkspace(request).id, filtersFromQuery(request.query as Record<string, unknown>)) }),
  );

  app.post(
    '/api/v1/contacts/bulk-actions',
    {
      config: { auth: 'workspace', permission: 'contacts.write' },
      schema: {
        tags: ['contacts'],
        description: 'Deleting needs the contacts.delete permission; deleted contacts go to the trash for 30 days.',
        summary: 'Tag, untag, add to a list or delete every contact the filters (query string, as the list takes them) match, or the contacts named by `ids`; runs in the background',
        querystring: ContactFilterQuery,
        body: BulkActionInputSchema,
        response: { 202: BulkActionSchema },
      },
    },
    async (request, reply) => {
      const workspace = requireWorkspace(request);
      const { ids, ...input } = request.body;
      if (input.action === 'delete') requirePermission(request, 'contacts.delete');
      const filters = { ...filtersFromQuery(request.query as Record<string, unknown>), ...(ids ? { ids: [...new Set(ids.map((id) => id.toLowerCase()))] } : {}) };
      const created = await createBulkAction(db, workspace.id, filters, input, actorOf(request));
      return reply.code(202).send(bulkActionView(created));
    },
  );

  app.get(
    '/api/v1/contacts/bulk-actions/:id',
    {
      config: { auth: 'workspace', permission: 'workspace.read' },
      schema: { tags: ['contacts'], summary: 'A bulk action and how far it got', params: IdParams, response: { 200: BulkActionSchema } },
    },
    async (request) => bulkActionView(await getBulkAction(db, requireWorkspace(request).id, request.params.id)),
  );
}
