import type { FastifyReply, FastifyRequest } from 'fastify';
import type { QueryBuilder } from '../../../db/database.js';
import { AppError } from '../../../errors.js';
import { requestedRange, servedFileHeaders, type ByteRange } from './served-file.js';
import { assetBytes } from './service.js';
import type { AssetRow } from './store.js';

/** What a request for an asset's bytes gets: the whole file, one range, or "you have it". */
export interface Delivery {
  status: 200 | 206 | 304;
  range: ByteRange;
}

/** Decides the answer from the request's Range and If-None-Match; a range past the end is 416. */
export function planDelivery(request: FastifyRequest, asset: AssetRow): Delivery {
  const range = requestedRange(typeof request.headers.range === 'string' ? request.headers.range : undefined, asset.size);
  if (range === 'unsatisfiable') throw new AppError('range_not_satisfiable', `The file has ${asset.size} bytes`, [], { 'content-range': `bytes */${asset.size}` });
  const whole = { start: 0, end: asset.size - 1 };
  if (asset.sha256 && request.headers['if-none-match'] === servedFileHeaders(asset.kind, asset.file_name, asset.sha256).etag) return { status: 304, range: whole };
  return range ? { status: 206, range } : { status: 200, range: whole };
}

/**
 * Streams an asset as a download, always as an attachment that is never sniffed, run or
 * framed; the bytes are read from the database one chunk at a time as the client takes them.
 */
export function deliver(request: FastifyRequest, reply: FastifyReply, db: QueryBuilder, workspaceId: string, asset: AssetRow, plan: Delivery): FastifyReply {
  reply.headers({ ...servedFileHeaders(asset.kind, asset.file_name, asset.sha256), 'cache-control': 'private, no-store' }).code(plan.status);
  if (plan.status === 304) return reply.send();
  const { start, end } = plan.range;
  reply.header('content-length', String(end - start + 1));
  if (plan.status === 206) reply.header('content-range', `bytes ${start}-${end}/${asset.size}`);
  return reply.send(request.method === 'HEAD' ? undefined : assetBytes(db, workspaceId, asset, plan.range));
}
