import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import type { Db } from '../../db/database.js';
import { requireWorkspace } from '../../http/auth.js';
import { decodeKeyset, keysetPageOf, Page, PageQuery } from '../../http/pagination.js';
import { IdParams } from '../../http/schemas.js';
import { contactView } from '../contacts/contact-view.js';
import { listContacts } from '../contacts/list.js';
import { ContactSchema } from '../contacts/schema.js';
import { CompanyCreate, CompanyListQuery, CompanyPatch, CompanySchema } from './schema.js';
import { createCompany, deleteCompany, getCompany, listCompanies, patchCompany } from './service.js';

export function companyRoutes(server: FastifyInstance, { db }: { db: Db }): void {
  const app = server.withTypeProvider<TypeBoxTypeProvider>();
  const read = { auth: 'workspace', permission: 'workspace.read' } as const;
  // Company records are shared definitions, like lists: marketers and admins curate them.
  const write = { auth: 'workspace', permission: 'marketing.write' } as const;
  const tags = ['companies'];

  app.get(
    '/api/v1/companies',
    { config: read, schema: { tags, summary: 'Find and list companies', querystring: CompanyListQuery, response: { 200: Page(CompanySchema) } } },
    async (request) => {
      const { q, domain, cursor } = request.query;
      const sort = request.query.sort ?? 'name';
      const order = request.query.order ?? (sort === 'name' ? 'asc' : 'desc');
      const limit = request.query.limit ?? 50;
      const rows = await listCompanies(db, requireWorkspace(request).id, { q, domain }, { sort, order, limit: limit + 1, after: decodeKeyset(cursor) });
      return keysetPageOf(rows, limit, (row) => ({ value: sort === 'name' ? row.name.toLowerCase() : new Date(row.created_at).toISOString(), id: row.id }));
    },
  );

  app.post(
    '/api/v1/companies',
    { config: write, schema: { tags, summary: 'Create a company (the domain is unique in the workspace)', body: CompanyCreate, response: { 201: CompanySchema } } },
    async (request, reply) => reply.code(201).send(await createCompany(db, requireWorkspace(request).id, request.body)),
  );

  app.get(
    '/api/v1/companies/:id',
    { config: read, schema: { tags, summary: 'One company', params: IdParams, response: { 200: CompanySchema } } },
    async (request) => getCompany(db, requireWorkspace(request).id, request.params.id),
  );

  app.patch(
    '/api/v1/companies/:id',
    { config: write, schema: { tags, summary: 'Change fields of a company', params: IdParams, body: CompanyPatch, response: { 200: CompanySchema } } },
    async (request) => patchCompany(db, requireWorkspace(request).id, request.params.id, request.body),
  );

  app.delete(
    '/api/v1/companies/:id',
    { config: write, schema: { tags, summary: 'Delete a company; its contacts stay, without a company', params: IdParams, response: { 204: Type.Null() } } },
    async (request, reply) => {
      await deleteCompany(db, requireWorkspace(request).id, request.params.id);
      return reply.code(204).send(null);
    },
  );

  app.get(
    '/api/v1/companies/:id/contacts',
    {
      config: read,
      schema: { tags, summary: 'The company’s contacts, newest first', params: IdParams, querystring: PageQuery, response: { 200: Page(ContactSchema) } },
    },
    async (request) => {
      const workspace = requireWorkspace(request);
      await getCompany(db, workspace.id, request.params.id);
      const limit = request.query.limit ?? 50;
      const rows = await listContacts(
        db,
        workspace.id,
        { company: request.params.id, custom: {} },
        { sort: 'created_at', order: 'desc', limit: limit + 1, after: decodeKeyset(request.query.cursor) },
        new Map(),
      );
      const page = keysetPageOf(rows, limit, (row) => ({ value: row.sort_key, id: row.id }));
      return { data: page.data.map(contactView), next_cursor: page.next_cursor };
    },
  );
}
