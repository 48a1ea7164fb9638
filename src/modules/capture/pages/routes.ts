import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import type { QueryBuilder } from '../../../db/database.js';
import { actorOf, requireWorkspace } from '../../../http/auth.js';
import { decodeCursor, Page, pageOf, PageQuery } from '../../../http/pagination.js';
import { IdParams } from '../../../http/schemas.js';
import { ThemeRef } from './definition.js';
import type { FormCache } from '../form-cache.js';
import type { PageCache } from './page-cache.js';
import { PageCreate, PageListItem, PageRenderBody, PageRenderSchema, PageListQuery, PagePatchSchema, PagePublished, PageSchedule, PageSchema, PageTemplateSchema, PreviewLinkSchema, VersionParams } from './schema.js';
import { createPage, deletePage, getPage, getTheme, listPages, listVersions, patchPage, previewLink, publishPage, putTheme, renderPage, restoreVersion, schedulePage, unpublishPage } from './service.js';
import { VersionSchema, versionBefore, versionKey } from '../versions.js';
import { PAGE_TEMPLATES } from './templates.js';
import { analyticsPeriod } from '../../../http/period.js';
import { figuresOfPages } from './figures.js';

/** The dashboard's API of landing and thank-you pages and the workspace's page theme. */
export function pageRoutes(server: FastifyInstance, { db, cache, forms }: { db: QueryBuilder; cache: PageCache; forms: FormCache }): void {
  const app = server.withTypeProvider<TypeBoxTypeProvider>();
  const read = { auth: 'workspace', permission: 'workspace.read' } as const;
  const write = { auth: 'workspace', permission: 'marketing.write' } as const;
  const tags = ['pages'];
  // This process shows a change at once; the others hear it through NOTIFY.
  const changed = <T>(value: T): T => {
    cache.clear();
    return value;
  };

  app.get('/api/v1/page-templates', { config: read, schema: { tags, summary: 'Pages to start from, each landing page with its thank-you page', response: { 200: Type.Object({ data: Type.Array(PageTemplateSchema) }) } } },
    async () => ({ data: [...PAGE_TEMPLATES] }));

  app.get('/api/v1/pages', { config: read, schema: { tags, summary: 'The workspace’s pages, by name', querystring: PageListQuery, response: { 200: Page(PageListItem) } } }, async (request) => {
    const limit = request.query.limit ?? 50;
    const workspaceId = requireWorkspace(request).id;
    const rows = await listPages(db, workspaceId, { status: request.query.status, kind: request.query.kind }, { limit: limit + 1, after: decodeCursor(request.query.cursor) });
    const recent = await figuresOfPages(db, workspaceId, rows.map((row) => row.id), analyticsPeriod({}));
    return pageOf(rows.map((row) => ({ ...row, last_30_days: recent.get(row.id)! })), limit, (row) => ({ key: row.name.toLowerCase(), id: row.id }));
  });

  app.post('/api/v1/pages', { config: write, schema: { tags, summary: 'Create a draft page from a definition or a template', body: PageCreate, response: { 201: PageSchema } } },
    async (request, reply) => reply.code(201).send(await createPage(db, requireWorkspace(request).id, request.body, actorOf(request))));

  app.get('/api/v1/pages/:id', { config: read, schema: { tags, summary: 'One page, with its draft and notices for the editor', params: IdParams, response: { 200: PageSchema } } },
    async (request) => getPage(db, requireWorkspace(request).id, request.params.id));

  app.patch('/api/v1/pages/:id', { config: write, schema: { tags, summary: 'Rename or move a page, or replace its draft (with the draft_revision it was loaded at)', params: IdParams, body: PagePatchSchema, response: { 200: PageSchema } } },
    async (request) => changed(await patchPage(db, requireWorkspace(request).id, request.params.id, request.body)));

  app.delete('/api/v1/pages/:id', { config: write, schema: { tags, summary: 'Delete a page and its versions: its address answers 404 and is free again', params: IdParams, response: { 204: Type.Null() } } }, async (request, reply) => {
    await deletePage(db, requireWorkspace(request).id, request.params.id);
    cache.clear();
    return reply.code(204).send(null);
  });

  app.post('/api/v1/pages/:id/publish', { config: write, schema: { tags, summary: 'Publish the draft as a new immutable version and make it live', params: IdParams, response: { 201: PagePublished } } },
    async (request, reply) => reply.code(201).send(changed(await publishPage(db, requireWorkspace(request).id, request.params.id, actorOf(request)))));

  app.post('/api/v1/pages/:id/unpublish', { config: write, schema: { tags, summary: 'Take the page off its address (404); its versions stay', params: IdParams, response: { 200: PageSchema } } },
    async (request) => changed(await unpublishPage(db, requireWorkspace(request).id, request.params.id)));

  app.put('/api/v1/pages/:id/schedule', { config: write, schema: { tags, summary: 'Publish the draft by itself at a time (null cancels)', params: IdParams, body: PageSchedule, response: { 200: PageSchema } } },
    async (request) => schedulePage(db, requireWorkspace(request).id, request.params.id, request.body.publish_at === null ? null : new Date(request.body.publish_at)));

  app.get('/api/v1/pages/:id/versions', { config: read, schema: { tags, summary: 'The page’s published versions, newest first', params: IdParams, querystring: PageQuery, response: { 200: Page(VersionSchema) } } }, async (request) => {
    const limit = request.query.limit ?? 50;
    const rows = await listVersions(db, requireWorkspace(request).id, request.params.id, { limit: limit + 1, before: versionBefore(request.query.cursor) });
    return pageOf(rows, limit, versionKey);
  });

  app.post('/api/v1/pages/:id/versions/:version/restore', { config: write, schema: { tags, summary: 'Copy a published version into the draft (publish to make it live)', params: VersionParams, response: { 200: PageSchema } } },
    async (request) => restoreVersion(db, requireWorkspace(request).id, request.params.id, request.params.version));

  app.post('/api/v1/pages/:id/preview-link', { config: write, schema: { tags, summary: 'A signed link that shows the current draft for 7 days', params: IdParams, response: { 201: PreviewLinkSchema } } },
    async (request, reply) => reply.code(201).send(await previewLink(db, requireWorkspace(request).id, request.params.id)));

  app.post('/api/v1/pages/:id/render', { config: write, schema: { tags, summary: 'Render a definition (the editor’s working copy) with the page’s theme as the HTML document visitors would get, for a live preview', params: IdParams, body: PageRenderBody, response: { 200: PageRenderSchema } } },
    async (request) => renderPage({ db, forms }, requireWorkspace(request).id, request.params.id, request.body.draft, `${request.protocol}://${request.host}`));

  app.get('/api/v1/page-theme', { config: read, schema: { tags, summary: 'The workspace’s page theme (the default until one is saved)', response: { 200: ThemeRef } } },
    async (request) => getTheme(db, requireWorkspace(request).id));

  app.put('/api/v1/page-theme', { config: write, schema: { tags, summary: 'Replace the workspace’s page theme; live pages show it on their next request', body: ThemeRef, response: { 200: ThemeRef } } },
    async (request) => changed(await putTheme(db, requireWorkspace(request).id, request.body)));
}
