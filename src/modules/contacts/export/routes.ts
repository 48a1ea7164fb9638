import { Readable } from 'node:stream';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import { Type, type TSchema } from 'typebox';
import type { Db } from '../../../db/database.js';
import { requireWorkspace } from '../../../http/auth.js';
import type { ContactFilters } from '../list.js';
import { ContactListQuery } from '../schema.js';
import { contactsCsv } from './export-stream.js';

const { cursor: _cursor, limit: _limit, sort: _sort, order: _order, ...filterProperties } = ContactListQuery.properties;

/** The list's filters, without its paging. */
const ExportQuery = Type.Object(filterProperties, {
  additionalProperties: false,
  patternProperties: (ContactListQuery as { patternProperties?: Record<string, TSchema> }).patternProperties,
  description: 'The filters of GET /api/v1/contacts; filter on a custom field with custom.<key>=value',
});

export function exportRoutes(server: FastifyInstance, { db }: { db: Db }): void {
  const app = server.withTypeProvider<TypeBoxTypeProvider>();
  app.get(
    '/api/v1/contacts/export',
    {
      config: { auth: 'workspace', permission: 'workspace.read' },
      schema: {
        tags: ['contacts'],
        summary: 'The contacts that pass the filters, as CSV (custom fields as custom.<key> columns; formula-escaped)',
        querystring: ExportQuery,
        response: { 200: Type.Unsafe<unknown>({ type: 'string', description: 'text/csv' }) },
      },
    },
    async (request, reply) => {
      const workspace = requireWorkspace(request);
      const query = request.query as Record<string, unknown>;
      const custom: Record<string, string> = {};
      for (const [key, value] of Object.entries(query)) if (key.startsWith('custom.')) custom[key.slice(7)] = String(value);
      const filters = { ...(query as Omit<ContactFilters, 'custom'>), custom };
      const csv = await contactsCsv(db, workspace.id, filters);
      const day = new Date().toISOString().slice(0, 10);
      return reply
        .type('text/csv; charset=utf-8')
        .header('content-disposition', `attachment; filename="contacts-${day}.csv"`)
        .send(Readable.from(csv));
    },
  );
}
