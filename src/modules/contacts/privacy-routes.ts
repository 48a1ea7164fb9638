import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import type { QueryBuilder } from '../../db/database.js';
import { actorOf, requireWorkspace } from '../../http/auth.js';
import { decodeCursor, Page, PageQuery, pageOf } from '../../http/pagination.js';
import { IdParams } from '../../http/schemas.js';
import { ConsentInput, ConsentSchema, contactExportSchema, ErasureSchema } from './privacy-schema.js';
import type { ModuleHooks } from '../module.js';
import { consentsOf, eraseContact, exportContact, recordConsent } from './privacy.js';

export function privacyRoutes(server: FastifyInstance, { db, hooks }: { db: QueryBuilder; hooks: ModuleHooks }): void {
  const app = server.withTypeProvider<TypeBoxTypeProvider>();
  const tags = ['contacts', 'privacy'];

  app.post(
    '/api/v1/contacts/:id/consents',
    {
      config: { auth: 'workspace', permission: 'contacts.write' },
      schema: { tags, summary: 'Record a consent, a refusal or a withdrawal, with the wording shown', params: IdParams, body: ConsentInput, response: { 201: ConsentSchema } },
    },
    async (request, reply) => reply.code(201).send(await recordConsent(db, requireWorkspace(request).id, request.params.id, request.body, actorOf(request))),
  );

  app.get(
    '/api/v1/contacts/:id/consents',
    {
      config: { auth: 'workspace', permission: 'workspace.read' },
      schema: { tags, summary: 'The contact’s consent records, newest first', params: IdParams, querystring: PageQuery, response: { 200: Page(ConsentSchema) } },
    },
    async (request) => {
      const limit = request.query.limit ?? 50;
      const rows = await consentsOf(db, requireWorkspace(request).id, request.params.id, { limit: limit + 1, after: decodeCursor(request.query.cursor) });
      return pageOf(rows, limit, (row) => ({ key: row.sort_key, id: row.id }));
    },
  );

  app.get(
    '/api/v1/contacts/:id/export',
    {
      config: { auth: 'workspace', permission: 'workspace.read' },
      schema: { tags, summary: 'Everything held about one person, as JSON (access and portability requests)', params: IdParams, response: { 200: contactExportSchema(hooks) } },
    },
    async (request) => exportContact(db, requireWorkspace(request).id, request.params.id, hooks),
  );

  app.post(
    '/api/v1/contacts/:id/erase',
    {
      // Irreversible, and it keeps the address out for good: owners and admins only.
      config: { auth: 'workspace', permission: 'contacts.erase' },
      schema: {
        tags,
        summary: 'Erase a person: delete the contact with its history, keep only a hash of the email so they are not added again',
        params: IdParams,
        response: { 200: ErasureSchema },
      },
    },
    async (request) => eraseContact(db, requireWorkspace(request).id, request.params.id, actorOf(request), hooks),
  );
}
