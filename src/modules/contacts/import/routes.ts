import { createReadStream, mkdirSync } from 'node:fs';
import { stat, unlink } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import { DISK_RESERVE_MB, IMPORT_QUOTA_MB, type Config } from '../../../config.js';
import type { QueryBuilder } from '../../../db/database.js';
import { watchDiskSpace } from '../../../db/disk-space.js';
import { newId } from '../../../db/ids.js';
import { AppError } from '../../../errors.js';
import { actorOf, requireWorkspace } from '../../../http/auth.js';
import { decodeCursor, Page, PageQuery, pageOf } from '../../../http/pagination.js';
import { IdParams } from '../../../http/schemas.js';
import { customFieldDefinitions } from '../queries.js';
import { headText } from './csv-source.js';
import { errorReportText, firstReportLines } from './error-report.js';
import { FINISHED_FILES_DAYS } from './import-retention.js';
import { importOptions } from './import-options.js';
import { diskRefusal, importFilesBytes, importStorage, quotaRefusal } from './import-storage.js';
import { cancelImport, createImport, deleteImport, getImport, importView, listImports, patchImport, previewImport, previewOf, startImport, uploadPath } from './import-service.js';
import { ImportPatch, ImportSchema, ImportStorageSchema, PreviewSchema, UploadQuery } from './schema.js';
import { readSmallBody, saveUpload } from './upload.js';

const DEFAULT_MAX_BYTES = 1024 ** 3;
const DEFAULT_QUOTA_BYTES = IMPORT_QUOTA_MB * 2 ** 20;
const PREVIEW_MAX_BYTES = 1024 * 1024;
/** Report lines the API shows with an import, beside the downloadable report. */
const FIRST_PROBLEMS = 5;
// Browsers label .csv files text/csv, or application/vnd.ms-excel where Excel is installed.
const CSV_TYPES = new Set(['text/csv', 'application/csv', 'text/comma-separated-values', 'application/vnd.ms-excel', 'text/plain']);

function requireCsvBody(request: FastifyRequest): void {
  const type = (request.headers['content-type'] ?? '').split(';')[0]!.trim().toLowerCase();
  if (!CSV_TYPES.has(type)) throw new AppError('unsupported_media_type', 'Send the CSV file as the request body, with the header Content-Type: text/csv');
}

export function importRoutes(server: FastifyInstance, { db, config }: { db: QueryBuilder; config: Partial<Config> }): void {
  const app = server.withTypeProvider<TypeBoxTypeProvider>();
  // An app built without the full config (API tests) keeps uploads in the system's temporary folder.
  const dir = config.imports?.dir ?? path.join(os.tmpdir(), 'inflow-imports');
  const maxBytes = config.imports?.maxBytes ?? DEFAULT_MAX_BYTES;
  const quotaBytes = config.imports?.quotaBytes ?? DEFAULT_QUOTA_BYTES;
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  const disk = watchDiskSpace(dir, (config.diskReserveMb ?? DISK_RESERVE_MB) * 2 ** 20);
  const write = { auth: 'workspace', permission: 'contacts.write' } as const;

  // The two routes that take a CSV body read it as a stream themselves: in their own scope, no
  // parser buffers bodies, so a 1 GiB upload never sits in memory.
  void app.register(async (scope) => {
    const raw = scope.withTypeProvider<TypeBoxTypeProvider>();
    raw.removeAllContentTypeParsers();
    raw.addContentTypeParser('*', (_request, _payload, done) => done(null, undefined));

    raw.post(
      '/api/v1/imports',
      {
        config: write,
        bodyLimit: maxBytes,
        schema: {
          tags: ['imports'],
          summary: 'Upload a CSV file of contacts (the raw file as the body, Content-Type: text/csv) and import it',
          description: 'Answers 202 with the queued import (a job runs it: follow GET /api/v1/imports/{id}), or 201 with a draft when start=false.',
          querystring: UploadQuery,
          response: { 201: ImportSchema, 202: ImportSchema },
        },
      },
      async (request, reply) => {
        const workspace = requireWorkspace(request);
        requireCsvBody(request);
        if (Number(request.headers['content-length'] ?? 0) > maxBytes) throw new AppError('payload_too_large', `The file is larger than this server accepts (${maxBytes} bytes)`);
        const { file_name, start = true, tag, ...options } = request.query;
        const used = await importFilesBytes(db, workspace.id);
        const declared = Number(request.headers['content-length'] ?? 0);
        // Before the body: what it says it holds. While it arrives: what it wrote (already off the disk's free space).
        const refusal = (incoming: number, stillToWrite: number) => quotaRefusal(used, quotaBytes, incoming) ?? diskRefusal(disk.freeBytes(), disk.reserveBytes, stillToWrite);
        const refused = refusal(declared, declared);
        if (refused) throw refused;
        const id = newId();
        const file = uploadPath(dir, workspace.id, id);
        const size = await saveUpload(request.raw, file, maxBytes, (written) => refusal(written, 0));
        const created = await createImport(db, workspace.id, {
          id, filePath: file, fileName: file_name ?? 'upload.csv', fileSize: size, fileOwned: true, reportDir: dir,
          options: { ...options, tags: tag }, start, actor: actorOf(request),
        }).catch(async (err: unknown) => {
          await unlink(file).catch(() => undefined);
          throw err;
        });
        return reply.code(start ? 202 : 201).send(importView(created));
      },
    );

    raw.post(
      '/api/v1/imports/preview',
      {
        config: write,
        bodyLimit: PREVIEW_MAX_BYTES,
        schema: {
          tags: ['imports'],
          summary: 'Headers, guessed mapping and first rows of a CSV file, from its first megabyte (text/csv body)',
          response: { 200: PreviewSchema },
        },
      },
      async (request) => {
        const workspace = requireWorkspace(request);
        requireCsvBody(request);
        const body = await readSmallBody(request.raw, PREVIEW_MAX_BYTES);
        // A slice of a bigger file most likely ends inside a row: that row is left out.
        const head = headText(body, !/[\r\n]$/.test(body.subarray(-2).toString('latin1')), null);
        return previewOf(head, await customFieldDefinitions(db, workspace.id), null, importOptions());
      },
    );
  });

  app.get(
    '/api/v1/imports/storage',
    {
      config: write,
      schema: {
        tags: ['imports'],
        summary: 'How much of its import quota the workspace uses, and the disk space left for uploads',
        response: { 200: ImportStorageSchema },
      },
    },
    async (request) => {
      const workspace = requireWorkspace(request);
      return importStorage(await importFilesBytes(db, workspace.id), quotaBytes, disk);
    },
  );

  app.get(
    '/api/v1/imports',
    {
      config: write,
      schema: {
        tags: ['imports'],
        summary: 'The workspace’s imports, newest first',
        querystring: PageQuery,
        response: { 200: Page(ImportSchema) },
      },
    },
    async (request) => {
      const workspace = requireWorkspace(request);
      const limit = request.query.limit ?? 50;
      const rows = await listImports(db, workspace.id, { limit: limit + 1, before: decodeCursor(request.query.cursor)?.id ?? null });
      const page = pageOf(rows, limit, (row) => ({ key: '', id: row.id }));
      return { data: page.data.map(importView), next_cursor: page.next_cursor };
    },
  );

  app.get(
    '/api/v1/imports/:id',
    { config: write, schema: { tags: ['imports'], summary: 'One import, with its progress', params: IdParams, response: { 200: ImportSchema } } },
    async (request) => {
      const imp = await getImport(db, requireWorkspace(request).id, request.params.id);
      const reportBytes = imp.files_removed_at ? 0 : Number(imp.error_report_bytes);
      return { ...importView(imp), first_problems: await firstReportLines(imp.error_report_path ?? '', reportBytes, FIRST_PROBLEMS) };
    },
  );

  app.get(
    '/api/v1/imports/:id/preview',
    {
      config: write,
      schema: { tags: ['imports'], summary: 'Headers, mapping (set or guessed) and first rows of the import’s file', params: IdParams, response: { 200: PreviewSchema } },
    },
    async (request) => previewImport(db, requireWorkspace(request).id, request.params.id),
  );

  app.patch(
    '/api/v1/imports/:id',
    {
      config: write,
      schema: { tags: ['imports'], summary: 'Set the mapping and options of a draft import', params: IdParams, body: ImportPatch, response: { 200: ImportSchema } },
    },
    async (request) => importView(await patchImport(db, requireWorkspace(request).id, request.params.id, request.body)),
  );

  app.post(
    '/api/v1/imports/:id/start',
    {
      config: write,
      schema: { tags: ['imports'], summary: 'Start a draft import, or resume a failed or cancelled one after its last committed row', params: IdParams, response: { 202: ImportSchema } },
    },
    async (request, reply) => reply.code(202).send(importView(await startImport(db, requireWorkspace(request).id, request.params.id))),
  );

  app.post(
    '/api/v1/imports/:id/cancel',
    { config: write, schema: { tags: ['imports'], summary: 'Stop an import; rows already written stay', params: IdParams, response: { 200: ImportSchema } } },
    async (request) => importView(await cancelImport(db, requireWorkspace(request).id, request.params.id)),
  );

  app.delete(
    '/api/v1/imports/:id',
    {
      config: write,
      schema: {
        tags: ['imports'],
        summary: 'Delete an import and its files (upload, error report); the contacts it wrote stay. A queued or running import must be cancelled first (409).',
        params: IdParams,
        response: { 204: Type.Null() },
      },
    },
    async (request, reply) => {
      await deleteImport(db, requireWorkspace(request).id, request.params.id);
      return reply.code(204).send(null);
    },
  );

  app.get(
    '/api/v1/imports/:id/errors.csv',
    {
      config: write,
      schema: {
        tags: ['imports'],
        summary: 'The per-row error report: row, column, value, message (CSV, formula-escaped)',
        params: IdParams,
        response: { 200: Type.Unsafe<unknown>({ type: 'string', description: 'text/csv' }) },
      },
    },
    async (request, reply) => {
      const imp = await getImport(db, requireWorkspace(request).id, request.params.id);
      reply.type('text/csv; charset=utf-8').header('content-disposition', `attachment; filename="import-${imp.id}-errors.csv"`);
      if (imp.files_removed_at) throw new AppError('not_found', `The error report was removed ${FINISHED_FILES_DAYS} days after the import's last activity`);
      const length = Number(imp.error_report_bytes);
      if (length === 0 || !imp.error_report_path) return reply.send(errorReportText([], true));
      if (!(await stat(imp.error_report_path).catch(() => null))) throw new AppError('not_found', 'The error report is gone from the server');
      // Only what committed chunks wrote: a chunk being written may have appended more.
      return reply.send(createReadStream(imp.error_report_path, { start: 0, end: length - 1 }));
    },
  );
}
