import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import type { QueryBuilder } from '../../db/database.js';
import { requireWorkspace } from '../../http/auth.js';
import { decodeCursor, Page, pageOf } from '../../http/pagination.js';
import { IdParams } from '../../http/schemas.js';
import type { ProvidedServices } from '../module.js';
import { CompanyCreate, CompanyListQuery, CompanyPatch, CompanySchema } from './schema.js';
import { createCompany, deleteCompany, getCompany, listCompanies, patchCompany, type CompanyRecord } from './service.js';

export interface CompanyRoutesOptions {
  db: QueryBuilder;
  /** The contacts module's count (it sits above companies, so it comes through the registry). */
  contactCountsByCompany: ProvidedServices['contactCountsByCompany'];
}

export function companyRoutes(server: FastifyInstance, { db, contactCountsByCompany }: CompanyRoutesOptions): void {
  const app = server.withTypeProvider<TypeBoxTypeProvider>();
  /** Companies as the API shows them: with how many contacts each has, in one grouped query. */
  async function withCounts<T extends CompanyRecord>(workspaceId: string, rows: readonly T[]) {
    const counts = await contactCountsByCompany(db, workspaceId, rows.map((row) => row.id));
    return rows.map((row) => ({ ...row, contact_count: counts.get(row.id) ?? 0 }));
  }
  const one = async (workspaceId: string, row: CompanyRecord) => (await withCounts(workspaceId, [row]))[0]!;
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
      const workspaceId = requireWorkspace(request).id;
      const rows = await listCompanies(db, workspaceId, { q, domain }, { sort, order, limit: limit + 1, after: decodeCursor(cursor) });
      const page = pageOf(rows, limit, (row) => ({ key: row.sort_key, id: row.id }));
      return { data: await withCounts(workspaceId, page.data), next_cursor: page.next_cursor };
    },
  );

  app.post(
    '/api/v1/companies',
    { config: write, schema: { tags, summary: 'Create a company (the domain is unique in the workspace)', body: CompanyCreate, response: { 201: CompanySchema } } },
    async (request, reply) => reply.code(201).send({ ...(await createCompany(db, requireWorkspace(request).id, request.body)), contact_count: 0 }),
  );

  app.get(
    '/api/v1/companies/:id',
    { config: read, schema: { tags, summary: 'One company', params: IdParams, response: { 200: CompanySchema } } },
    async (request) => {
      const workspaceId = requireWorkspace(request).id;
      return one(workspaceId, await getCompany(db, workspaceId, request.params.id));
    },
  );

  app.patch(
    '/api/v1/companies/:id',
    { config: write, schema: { tags, summary: 'Change fields of a company', params: IdParams, body: CompanyPatch, response: { 200: CompanySchema } } },
    async (request) => {
      const workspaceId = requireWorkspace(request).id;
      return one(workspaceId, await patchCompany(db, workspaceId, request.params.id, request.body));
    },
  );

  app.delete(
    '/api/v1/companies/:id',
    { config: write, schema: { tags, summary: 'Delete a company; its contacts stay, without a company', params: IdParams, response: { 204: Type.Null() } } },
    async (request, reply) => {
      await deleteCompany(db, requireWorkspace(request).id, request.params.id);
      return reply.code(204).send(null);
    },
  );
}
