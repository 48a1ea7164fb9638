import type { FastifyReply, FastifyRequest } from 'fastify';
import type { QueryBuilder } from '../../../db/database.js';
import { AppError } from '../../../errors.js';
import { requestedRange, servedFileHeaders } from './served-file.js';
import { assetBytes } from './service.js';
import type { AssetRow } from './store.js';

/**
 * Streams an asset as a download (the whole file, one range of it as 206, or 304 when the
 * browser has it), always as an attachment that is never sniffed or run. Returns whether the
 * file is being sent from its first byte (what counts as a download).
 */
export function sendAsset(request: FastifyRequest, reply: FastifyReply, db: QueryBuilder, workspaceId: string, asset: AssetRow): { fromStart: boolean; sent: FastifyReply } {
  const range = requestedRange(typeof request.headers.range === 'string' ? request.headers.range : undefined, asset.size);
  if (range === 'unsatisfiable') throw new AppError('range_not_satisfiable', `The file has ${asset.size} bytes`, [], { 'content-range': `bytes */${asset.size}` });
  const headers = servedFileHeaders(asset.kind, asset.file_name, asset.sha256);
  reply.headers({ ...headers, 'cache-control': 'private, no-store' });
  if (headers.etag && request.headers['if-none-match'] === headers.etag) return { fromStart: false, sent: reply.code(304).send() };
  const part = range ?? { start: 0, end: asset.size - 1 };
  reply.header('content-length', String(part.end - part.start + 1));
  if (range) reply.code(206).header('content-range', `bytes ${part.start}-${part.end}/${asset.size}`);
  if (request.method === 'HEAD') return { fromStart: false, sent: reply.send() };
  return { fromStart: part.start === 0, sent: reply.send(assetBytes(db, workspaceId, asset, part)) };
}
