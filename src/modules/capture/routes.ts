import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import type { QueryBuilder } from '../../db/database.js';
import { actorOf, requireWorkspace } from '../../http/auth.js';
import { decodeCursor, Page, PageQuery, pageOf } from '../../http/pagination.js';
import { IdParams } from '../../http/schemas.js';
import type { FormCache } from './form-cache.js';
import { FormCreate, FormListQuery, FormPatch, FormSchema, Published, RestoreBody, TemplateSchema, VersionParams } from './schema.js';
import { archiveForm, createForm, formVersions, getForm, listForms, patchForm, publishForm, restoreVersion, unpublishForm } from './service.js';
import { FORM_TEMPLATES } from './templates.js';
import { VersionSchema, versionBefore, versionKey } from './versions.js';

/** The dashboard's API of forms: the forms, their drafts and their versions. */
export function formRoutes(server: FastifyInstance, { db, cache }: { db: QueryBuilder; cache: FormCache }): void {
  const app = server.withTypeProvider<TypeBoxTypeProvider>();
  const read = { auth: 'workspace', permission: 'workspace.read' } as const;
  const write = { auth: 'workspace', permission: 'marketing.write' } as const;
  const tags = ['forms'];

  app.get(
    '/api/v1/form-templates',
    { config: read, schema: { tags, summary: 'Forms to start from', response: { 200: Type.Object({ data: Type.Array(TemplateSchema) }) } } },
    async () => ({ data: [...FORM_TEMPLATES] }),
  );

  app.get(
    '/api/v1/forms',
    { config: read, schema: { tags, summary: 'The workspace’s forms, by name', querystring: FormListQuery, response: { 200: Page(FormSchema) } } },
    async (request) => {
      const limit = request.query.limit ?? 50;
      const rows = await listForms(db, requireWorkspace(request).id, { q: request.query.q, status: request.query.status }, { limit: limit + 1, after: decodeCursor(request.query.cursor) });
      return pageOf(rows, limit, (row) => ({ key: row.name.toLowerCase(), id: row.id }));
    },
  );

  app.post(
    '/api/v1/forms',
    { config: write, schema: { tags, summary: 'Create a draft form from a definition or a template', body: FormCreate, response: { 201: FormSchema } } },
    async (request, reply) => reply.code(201).send(await createForm(db, requireWorkspace(request).id, request.body, actorOf(request))),
  );

  app.get(
    '/api/v1/forms/:id',
    { config: read, schema: { tags, summary: 'One form, with its draft and its submission count', params: IdParams, response: { 200: FormSchema } } },
    async (request) => getForm(db, requireWorkspace(request).id, request.params.id),
  );

  app.patch(
    '/api/v1/forms/:id',
    { config: write, schema: { tags, summary: 'Rename a form or replace its draft (with the draft_revision it was loaded at)', params: IdParams, body: FormPatch, response: { 200: FormSchema } } },
    async (request) => patchForm(db, requireWorkspace(request).id, request.params.id, request.body),
  );

  app.delete(
    '/api/v1/forms/:id',
    { config: write, schema: { tags, summary: 'Archive a form: its public URLs answer 404, its submissions stay', params: IdParams, response: { 204: Type.Null() } } },
    async (request, reply) => {
      await archiveForm(db, requireWorkspace(request).id, request.params.id, cache);
      return reply.code(204).send(null);
    },
  );

  app.post(
    '/api/v1/forms/:id/publish',
    { config: write, schema: { tags, summary: 'Publish the draft as a new immutable version and make it live', params: IdParams, response: { 201: Published } } },
    async (request, reply) => reply.code(201).send(await publishForm(db, requireWorkspace(request).id, request.params.id, actorOf(request), cache)),
  );

  app.post(
    '/api/v1/forms/:id/unpublish',
    { config: write, schema: { tags, summary: 'Take the form off the sites: its public URLs answer 404 until it is published again; draft and versions stay', params: IdParams, response: { 200: FormSchema } } },
    async (request) => unpublishForm(db, requireWorkspace(request).id, request.params.id, cache),
  );

  app.get(
    '/api/v1/forms/:id/versions',
    { config: read, schema: { tags, summary: 'The form’s published versions, newest first', params: IdParams, querystring: PageQuery, response: { 200: Page(VersionSchema) } } },
    async (request) => {
      const limit = request.query.limit ?? 50;
      const rows = await formVersions(db, requireWorkspace(request).id, request.params.id, { limit: limit + 1, before: versionBefore(request.query.cursor) });
      return pageOf(rows, limit, versionKey);
    },
  );

  app.post(
    '/api/v1/forms/:id/versions/:version/restore',
    { config: write, schema: { tags, summary: 'Copy a published version into the draft (a new draft_revision); nothing is published', params: VersionParams, body: RestoreBody, response: { 200: FormSchema } } },
    async (request) => restoreVersion(db, requireWorkspace(request).id, request.params.id, request.params.version, request.body?.draft_revision),
  );
}
