import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import type { QueryBuilder } from '../../db/database.js';
import type { Contact } from '../../db/schema.js';
import { actorOf, requireWorkspace } from '../../http/auth.js';
import { decodeCursor, Page, PageQuery, pageOf } from '../../http/pagination.js';
import { IdParams, Timestamp } from '../../http/schemas.js';
import { upsertContactsBatch } from './batch.js';
import { filtersFromQuery, listContacts } from './list.js';
import { customFieldDefinitions } from './queries.js';
import { TimelineEntrySchema } from '../timeline/schema.js';
import { timelineOf } from '../timeline/timeline.js';
import { ContactCreation, ContactFields, ContactListQuery, ContactSchema, ContactUpsert, UpsertedContact, WriteWarnings } from './schema.js';
import { addNote, getContact, patchContact, upsertContact } from './service.js';
import { trashContact } from './trash.js';
import { StringEnum } from '../../schema-types.js';

function view(contact: Contact) {
  const { workspace_id: _workspace, ...rest } = contact;
  return rest;
}

export function contactRoutes(server: FastifyInstance, { db }: { db: QueryBuilder }): void {
  const app = server.withTypeProvider<TypeBoxTypeProvider>();
  const read = { auth: 'workspace', permission: 'workspace.read' } as const;
  const write = { auth: 'workspace', permission: 'contacts.write' } as const;

  app.post(
    '/api/v1/contacts',
    {
      config: write,
      schema: {
        tags: ['contacts'],
        summary: 'Create a contact, or update the one with the same email or external id',
        body: ContactUpsert,
        response: { 200: UpsertedContact, 201: UpsertedContact },
      },
    },
    async (request, reply) => {
      const { keep_existing, ...input } = request.body;
      const result = await upsertContact(db, requireWorkspace(request).id, input, { actor: actorOf(request), keepExisting: keep_existing });
      return reply.code(result.created ? 201 : 200).send({ ...view(result.contact), ...(result.warnings ? { warnings: result.warnings } : {}) });
    },
  );

  app.post(
    '/api/v1/contacts/batch',
    {
      config: write,
      bodyLimit: 8 * 1024 * 1024,
      schema: {
        tags: ['contacts'],
        summary: 'Upsert up to 1,000 contacts; each gets its own result',
        body: Type.Object(
          {
            contacts: Type.Array(ContactCreation, { minItems: 1, maxItems: 1000 }),
            keep_existing: Type.Optional(Type.Boolean({ description: 'Only fill fields that are empty on existing contacts' })),
            skip_existing: Type.Optional(Type.Boolean({ description: 'Insert only: leave existing contacts untouched (status skipped); the first item for a person wins' })),
          },
          { additionalProperties: false },
        ),
        response: {
          200: Type.Object({
            results: Type.Array(
              Type.Object({
                index: Type.Integer(),
                status: StringEnum(['created', 'updated', 'skipped', 'error']),
                id: Type.Optional(Type.String()),
                errors: Type.Optional(Type.Array(Type.Object({ field: Type.String(), message: Type.String() }))),
                warnings: Type.Optional(WriteWarnings),
              }),
            ),
            created: Type.Integer(),
            updated: Type.Integer(),
            skipped: Type.Integer(),
            failed: Type.Integer(),
            warned: Type.Integer({ description: 'Items written (or skipped) with warnings' }),
          }),
        },
      },
    },
    async (request) => {
      const workspace = requireWorkspace(request);
      const { contacts, keep_existing, skip_existing } = request.body;
      const results = await upsertContactsBatch(db, workspace.id, contacts, {
        actor: actorOf(request),
        keepExisting: keep_existing,
        skipExisting: skip_existing,
      });
      return {
        results,
        created: results.filter((r) => r.status === 'created').length,
        updated: results.filter((r) => r.status === 'updated').length,
        skipped: results.filter((r) => r.status === 'skipped').length,
        failed: results.filter((r) => r.status === 'error').length,
        warned: results.filter((r) => r.warnings).length,
      };
    },
  );

  app.get(
    '/api/v1/contacts',
    { config: read, schema: { tags: ['contacts'], summary: 'Find and list contacts', querystring: ContactListQuery, response: { 200: Page(ContactSchema) } } },
    async (request) => {
      const workspace = requireWorkspace(request);
      const query = request.query;
      const { cursor: _cursor, limit: _limit, sort: _sort, order: _order, ...filterQuery } = query;
      const filters = filtersFromQuery(filterQuery);
      const sort = query.sort ?? 'created_at';
      const order = query.order ?? 'desc';
      const limit = query.limit ?? 50;
      const rows = await listContacts(
        db,
        workspace.id,
        filters,
        { sort, order, limit: limit + 1, after: decodeCursor(query.cursor) },
        await customFieldDefinitions(db, workspace.id),
      );
      const page = pageOf(rows, limit, (row) => ({ key: row.sort_key, id: row.id }));
      return { data: page.data.map(view), next_cursor: page.next_cursor };
    },
  );

  app.get(
    '/api/v1/contacts/:id',
    { config: read, schema: { tags: ['contacts'], summary: 'One contact', params: IdParams, response: { 200: ContactSchema } } },
    async (request) => view(await getContact(db, requireWorkspace(request).id, request.params.id)),
  );

  app.patch(
    '/api/v1/contacts/:id',
    { config: write, schema: { tags: ['contacts'], summary: 'Change fields of a contact (tags are set exactly)', params: IdParams, body: ContactFields, response: { 200: ContactSchema } } },
    async (request) => view(await patchContact(db, requireWorkspace(request).id, request.params.id, request.body, actorOf(request))),
  );

  app.delete(
    '/api/v1/contacts/:id',
    {
      config: { auth: 'workspace', permission: 'contacts.delete' },
      schema: { tags: ['contacts'], summary: 'Move a contact to the trash: restorable for 30 days, then deleted for good', params: IdParams, response: { 204: Type.Null() } },
    },
    async (request, reply) => {
      await trashContact(db, requireWorkspace(request).id, request.params.id, actorOf(request));
      return reply.code(204).send(null);
    },
  );

  app.get(
    '/api/v1/contacts/:id/timeline',
    {
      config: read,
      schema: { tags: ['contacts'], summary: 'The contact’s activity, newest first', params: IdParams, querystring: PageQuery, response: { 200: Page(TimelineEntrySchema) } },
    },
    async (request) => {
      const workspace = requireWorkspace(request);
      await getContact(db, workspace.id, request.params.id);
      const limit = request.query.limit ?? 50;
      const rows = await timelineOf(db, workspace.id, request.params.id, { after: decodeCursor(request.query.cursor), limit: limit + 1 });
      return pageOf(rows, limit, (row) => ({ key: row.sort_key, id: row.id }));
    },
  );

  app.post(
    '/api/v1/contacts/:id/notes',
    {
      config: write,
      schema: {
        tags: ['contacts'],
        summary: 'Add a note to the contact’s timeline',
        params: IdParams,
        body: Type.Object({ text: Type.String({ minLength: 1, maxLength: 20_000 }) }, { additionalProperties: false }),
        response: { 201: Type.Object({ contact_id: Type.String(), created_at: Timestamp }) },
      },
    },
    async (request, reply) => {
      await addNote(db, requireWorkspace(request).id, request.params.id, request.body.text, actorOf(request));
      return reply.code(201).send({ contact_id: request.params.id, created_at: new Date() });
    },
  );
}
