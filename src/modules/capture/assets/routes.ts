import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import type { QueryBuilder } from '../../../db/database.js';
import { notFound } from '../../../errors.js';
import { actorOf, requireWorkspace } from '../../../http/auth.js';
import { decodeCursor, Page, PageQuery, pageOf } from '../../../http/pagination.js';
import { IdParams } from '../../../http/schemas.js';
import { baseUrlOf } from '../../../http/base-url.js';
import { downloadLink } from './links.js';
import { AssetPatch, AssetSchema, LinkRequest, LinkSchema, UploadQuery } from './schema.js';
import { deliver, planDelivery } from './send-asset.js';
import { getAsset } from './service.js';
import { assetPage, deleteAsset, renameAsset } from './store.js';
import { storeUpload, tooLarge } from './upload.js';

export interface AssetRouteDeps {
  db: QueryBuilder;
  maxBytes: number;
  linkTtlMs: number;
  publicUrl: string | null;
}

/** "E-book 2026.pdf" → "E-book 2026": an asset's default name. */
function nameOf(fileName: string): string {
  return fileName.replace(/\.[A-Za-z0-9]{1,8}$/, '').trim().slice(0, 200) || fileName.slice(0, 200);
}

/** The dashboard's API of assets: upload, list, rename, delete, download, test link. */
export function assetRoutes(server: FastifyInstance, deps: AssetRouteDeps): void {
  const { db, maxBytes } = deps;
  const app = server.withTypeProvider<TypeBoxTypeProvider>();
  const read = { auth: 'workspace', permission: 'workspace.read' } as const;
  const write = { auth: 'workspace', permission: 'marketing.write' } as const;
  const tags = ['assets'];

  // The upload reads its body as a stream itself: in its own scope, no parser buffers it.
  void app.register(async (scope) => {
    const raw = scope.withTypeProvider<TypeBoxTypeProvider>();
    raw.removeAllContentTypeParsers();
    raw.addContentTypeParser('*', (_request, _payload, done) => done(null, undefined));
    raw.post(
      '/api/v1/assets',
      {
        config: write,
        bodyLimit: maxBytes,
        schema: {
          tags,
          summary: 'Upload a file to offer as a gated download (the raw file as the body; its type is read from its bytes)',
          description: 'PDF, DOCX, XLSX, PPTX, ZIP, PNG, JPEG, GIF, WebP or SVG, up to INFLOW_ASSET_MAX_BYTES (50 MB). Anything else is 415; larger is 413, before the rest of the body is read.',
          querystring: UploadQuery,
          response: { 201: AssetSchema },
        },
      },
      async (request, reply) => {
        const workspace = requireWorkspace(request);
        if (Number(request.headers['content-length'] ?? 0) > maxBytes) throw tooLarge(maxBytes);
        const fileName = request.query.file_name ?? request.query.name ?? 'file';
        const id = await storeUpload(db, workspace.id, request.raw, { name: request.query.name ?? nameOf(fileName), fileName, createdBy: actorOf(request).id, maxBytes });
        return reply.code(201).send(await getAsset(db, workspace.id, id));
      },
    );
  });

  app.get(
    '/api/v1/assets',
    { config: read, schema: { tags, summary: 'The workspace’s assets, newest first, with their downloads counts', querystring: PageQuery, response: { 200: Page(AssetSchema) } } },
    async (request) => {
      const limit = request.query.limit ?? 50;
      const rows = await assetPage(db, requireWorkspace(request).id, { after: decodeCursor(request.query.cursor), limit: limit + 1 });
      return pageOf(rows, limit, (row) => ({ key: row.sort_key, id: row.id }));
    },
  );

  app.get(
    '/api/v1/assets/:id',
    { config: read, schema: { tags, summary: 'One asset', params: IdParams, response: { 200: AssetSchema } } },
    async (request) => getAsset(db, requireWorkspace(request).id, request.params.id),
  );

  app.patch(
    '/api/v1/assets/:id',
    { config: write, schema: { tags, summary: 'Rename an asset', params: IdParams, body: AssetPatch, response: { 200: AssetSchema } } },
    async (request) => {
      const workspaceId = requireWorkspace(request).id;
      if (!(await renameAsset(db, workspaceId, request.params.id, request.body.name.trim() || request.body.name))) throw notFound('Asset');
      return getAsset(db, workspaceId, request.params.id);
    },
  );

  app.delete(
    '/api/v1/assets/:id',
    { config: write, schema: { tags, summary: 'Delete an asset and its file: its links answer 404 from then on', params: IdParams, response: { 204: Type.Null() } } },
    async (request, reply) => {
      if (!(await deleteAsset(db, requireWorkspace(request).id, request.params.id))) throw notFound('Asset');
      return reply.code(204).send(null);
    },
  );

  app.get(
    '/api/v1/assets/:id/content',
    {
      config: read,
      schema: {
        tags,
        summary: 'Download the file (as an attachment; Range requests answer 206)',
        params: IdParams,
        response: { 200: Type.Unsafe({ type: 'string', format: 'binary' }), 206: Type.Unsafe({ type: 'string', format: 'binary' }) },
      },
    },
    async (request, reply) => {
      const workspaceId = requireWorkspace(request).id;
      const asset = await getAsset(db, workspaceId, request.params.id);
      return deliver(request, reply, db, workspaceId, asset, planDelivery(request, asset));
    },
  );

  app.post(
    '/api/v1/assets/:id/link',
    { config: write, schema: { tags, summary: 'A signed test link to the asset (downloads are not counted)', params: IdParams, body: LinkRequest, response: { 201: LinkSchema } } },
    async (request, reply) => {
      const workspaceId = requireWorkspace(request).id;
      const asset = await getAsset(db, workspaceId, request.params.id);
      const ttlMs = request.body.ttl_hours ? request.body.ttl_hours * 3600_000 : deps.linkTtlMs;
      const link = await downloadLink(db, workspaceId, asset.id, null, ttlMs);
      return reply.code(201).send({ url: `${baseUrlOf(request, deps.publicUrl)}${link.path}`, expires_at: link.expiresAt });
    },
  );
}
