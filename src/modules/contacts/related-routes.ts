import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import type { QueryBuilder } from '../../db/database.js';
import { requireWorkspace } from '../../http/auth.js';
import { decodeCursor, Page, PageQuery, pageOf } from '../../http/pagination.js';
import { IdParams } from '../../http/schemas.js';
import { getCompany } from '../companies/service.js';
import { ContactListSchema } from '../lists/schema.js';
import { listById, listsOfContact } from '../lists/service.js';
import { contactView } from './contact-view.js';
import { listContacts, type ContactFilters } from './list.js';
import { ContactSchema } from './schema.js';
import { getContact } from './service.js';

/**
 * Contacts seen from the records they belong to: a company's and a list's contacts (the same
 * list as `GET /contacts?company=` and `?list=`, newest first, kept for clients of the first
 * release), and the lists a contact is on.
 */
export function relatedRoutes(server: FastifyInstance, { db }: { db: QueryBuilder }): void {
  const app = server.withTypeProvider<TypeBoxTypeProvider>();
  const read = { auth: 'workspace', permission: 'workspace.read' } as const;

  async function newestContacts(workspaceId: string, filters: Pick<ContactFilters, 'company' | 'list'>, query: { cursor?: string; limit?: number }) {
    const limit = query.limit ?? 50;
    const rows = await listContacts(db, workspaceId, { ...filters, custom: {} }, { sort: 'created_at', order: 'desc', limit: limit + 1, after: decodeCursor(query.cursor) }, new Map());
    const page = pageOf(rows, limit, (row) => ({ key: row.sort_key, id: row.id }));
    return { data: page.data.map(contactView), next_cursor: page.next_cursor };
  }

  app.get(
    '/api/v1/companies/:id/contacts',
    {
      config: read,
      schema: { tags: ['companies'], summary: 'The company’s contacts, newest first (as GET /contacts?company=)', params: IdParams, querystring: PageQuery, response: { 200: Page(ContactSchema) } },
    },
    async (request) => {
      const workspace = requireWorkspace(request);
      await getCompany(db, workspace.id, request.params.id);
      return newestContacts(workspace.id, { company: request.params.id }, request.query);
    },
  );

  app.get(
    '/api/v1/lists/:id/contacts',
    {
      config: read,
      schema: { tags: ['lists'], summary: 'The list’s contacts, newest first (as GET /contacts?list=)', params: IdParams, querystring: PageQuery, response: { 200: Page(ContactSchema) } },
    },
    async (request) => {
      const workspace = requireWorkspace(request);
      await listById(db, workspace.id, request.params.id);
      return newestContacts(workspace.id, { list: request.params.id }, request.query);
    },
  );

  app.get(
    '/api/v1/contacts/:id/lists',
    { config: read, schema: { tags: ['lists', 'contacts'], summary: 'The lists a contact is on', params: IdParams, response: { 200: Page(ContactListSchema) } } },
    async (request) => {
      const workspace = requireWorkspace(request);
      await getContact(db, workspace.id, request.params.id);
      return { data: await listsOfContact(db, workspace.id, request.params.id), next_cursor: null };
    },
  );
}
