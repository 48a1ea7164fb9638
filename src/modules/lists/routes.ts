import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import type { QueryBuilder } from '../../db/database.js';
import { actorOf, requireWorkspace } from '../../http/auth.js';
import { decodeCursor, Page, pageOf } from '../../http/pagination.js';
import { IdParams } from '../../http/schemas.js';
import { ListCreate, ListListQuery, ListPatch, ListSchema, MembersAdded, MembershipChange, MembersRemoved } from './schema.js';
import { addToList, createList, deleteList, getList, listLists, patchList, removeFromList, type ExistingContactIds } from './service.js';

export function listRoutes(server: FastifyInstance, { db, existingContactIds }: { db: QueryBuilder; existingContactIds: ExistingContactIds }): void {
  const app = server.withTypeProvider<TypeBoxTypeProvider>();
  const read = { auth: 'workspace', permission: 'workspace.read' } as const;
  // Defining lists is marketing's; putting contacts on them is editing contacts.
  const define = { auth: 'workspace', permission: 'marketing.write' } as const;
  const members = { auth: 'workspace', permission: 'contacts.write' } as const;
  const tags = ['lists'];

  app.get(
    '/api/v1/lists',
    { config: read, schema: { tags, summary: 'The workspace’s lists, by name', querystring: ListListQuery, response: { 200: Page(ListSchema) } } },
    async (request) => {
      const limit = request.query.limit ?? 50;
      const rows = await listLists(db, requireWorkspace(request).id, { q: request.query.q }, { limit: limit + 1, after: decodeCursor(request.query.cursor) });
      return pageOf(rows, limit, (row) => ({ key: row.name.toLowerCase(), id: row.id }));
    },
  );

  app.post(
    '/api/v1/lists',
    { config: define, schema: { tags, summary: 'Create a static list (names are unique, whatever their case)', body: ListCreate, response: { 201: ListSchema } } },
    async (request, reply) => reply.code(201).send(await createList(db, requireWorkspace(request).id, request.body)),
  );

  app.get(
    '/api/v1/lists/:id',
    { config: read, schema: { tags, summary: 'One list, with its member count', params: IdParams, response: { 200: ListSchema } } },
    async (request) => getList(db, requireWorkspace(request).id, request.params.id),
  );

  app.patch(
    '/api/v1/lists/:id',
    { config: define, schema: { tags, summary: 'Rename a list or change its description', params: IdParams, body: ListPatch, response: { 200: ListSchema } } },
    async (request) => patchList(db, requireWorkspace(request).id, request.params.id, request.body),
  );

  app.delete(
    '/api/v1/lists/:id',
    { config: define, schema: { tags, summary: 'Delete a list; its contacts stay', params: IdParams, response: { 204: Type.Null() } } },
    async (request, reply) => {
      await deleteList(db, requireWorkspace(request).id, request.params.id);
      return reply.code(204).send(null);
    },
  );

  app.post(
    '/api/v1/lists/:id/contacts',
    {
      config: members,
      schema: { tags, summary: 'Add up to 1,000 contacts to a list; unknown ids are reported, not added', params: IdParams, body: MembershipChange, response: { 200: MembersAdded } },
    },
    async (request) => addToList(db, requireWorkspace(request).id, request.params.id, request.body.contact_ids, actorOf(request), existingContactIds),
  );

  app.delete(
    '/api/v1/lists/:id/contacts',
    {
      config: members,
      schema: { tags, summary: 'Take up to 1,000 contacts off a list', params: IdParams, body: MembershipChange, response: { 200: MembersRemoved } },
    },
    async (request) => removeFromList(db, requireWorkspace(request).id, request.params.id, request.body.contact_ids, actorOf(request)),
  );
}
