import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import type { QueryBuilder } from '../../db/database.js';
import { requireWorkspace } from '../../http/auth.js';
import { Page } from '../../http/pagination.js';
import { createCustomField, deleteCustomField, listCustomFields } from './custom-field-service.js';
import { CustomFieldInput, CustomFieldSchema } from './schema.js';

/** The workspace's custom contact fields: defined by marketers, read by everyone. */
export function customFieldRoutes(server: FastifyInstance, { db }: { db: QueryBuilder }): void {
  const app = server.withTypeProvider<TypeBoxTypeProvider>();
  const read = { auth: 'workspace', permission: 'workspace.read' } as const;

  app.get(
    '/api/v1/custom-fields',
    { config: read, schema: { tags: ['contacts'], summary: 'The workspace’s custom contact fields', response: { 200: Page(CustomFieldSchema) } } },
    async (request) => ({ data: await listCustomFields(db, requireWorkspace(request).id), next_cursor: null }),
  );

  app.post(
    '/api/v1/custom-fields',
    { config: { auth: 'workspace', permission: 'marketing.write' }, schema: { tags: ['contacts'], summary: 'Define a custom contact field', body: CustomFieldInput, response: { 201: CustomFieldSchema } } },
    async (request, reply) => reply.code(201).send(await createCustomField(db, requireWorkspace(request).id, request.body)),
  );

  app.delete(
    '/api/v1/custom-fields/:key',
    {
      config: { auth: 'workspace', permission: 'marketing.write' },
      schema: {
        tags: ['contacts'],
        summary: 'Delete a custom field and its values on every contact',
        params: Type.Object({ key: Type.String({ maxLength: 63 }) }, { additionalProperties: false }),
        response: { 204: Type.Null() },
      },
    },
    async (request, reply) => {
      await deleteCustomField(db, requireWorkspace(request).id, request.params.key);
      return reply.code(204).send(null);
    },
  );
}
