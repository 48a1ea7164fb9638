import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import type { QueryBuilder } from '../../../db/database.js';
import { isId } from '../../../db/ids.js';
import { invalid } from '../../../errors.js';
import { requireWorkspace } from '../../../http/auth.js';
import { sendCsv } from '../../../http/csv-reply.js';
import { filtersFromQuery } from '../list.js';
import { ContactFilterQuery } from '../schema.js';
import { contactsCsv } from './export-stream.js';


export function exportRoutes(server: FastifyInstance, { db }: { db: QueryBuilder }): void {
  const app = server.withTypeProvider<TypeBoxTypeProvider>();
  app.get(
    '/api/v1/contacts/export',
    {
      config: { auth: 'workspace', permission: 'workspace.read' },
      schema: {
        tags: ['contacts'],
        summary: 'The contacts that pass the filters, as CSV (custom fields as custom.<key> columns; formula-escaped)',
        querystring: ContactFilterQuery,
        response: { 200: Type.Unsafe<unknown>({ type: 'string', description: 'text/csv' }) },
      },
    },
    async (request, reply) => {
      return sendCsv(reply, await contactsCsv(db, requireWorkspace(request).id, filtersFromQuery(request.query as Record<string, unknown>)), 'contacts');
    },
  );

  // Ticked rows can be thousands of ids: too many for a URL, so they come in a body.
  app.post(
    '/api/v1/contacts/export',
    {
      config: { auth: 'workspace', permission: 'workspace.read' },
      bodyLimit: 1024 * 1024,
      schema: {
        tags: ['contacts'],
        summary: 'The given contacts, as CSV (same columns as GET); ids not in the workspace are left out',
        body: Type.Object({ ids: Type.Array(Type.String({ maxLength: 64 }), { minItems: 1, maxItems: MAX_EXPORT_IDS }) }, { additionalProperties: false }),
        response: { 200: Type.Unsafe<unknown>({ type: 'string', description: 'text/csv' }) },
      },
    },
    async (request, reply) => {
      const { ids } = request.body;
      const errors = ids.flatMap((id, i) => (isId(id) ? [] : [{ field: `ids.${i}`, in: 'body' as const, message: 'must be a contact id' }]));
      if (errors.length > 0) throw invalid('Some ids cannot be contacts', errors);
      return sendCsv(reply, await contactsCsv(db, requireWorkspace(request).id, { ids, custom: {} }), 'contacts');
    },
  );
}

const MAX_EXPORT_IDS = 10_000;
