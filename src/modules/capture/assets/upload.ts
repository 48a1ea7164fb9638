// Streams an upload into the database chunk by chunk: at most one chunk, the sniffed head and
// the tail a ZIP's directory is read from are ever in memory, whatever the file's size.
import { createHash } from 'node:crypto';
import type { Readable } from 'node:stream';
import type { QueryBuilder } from '../../../db/database.js';
import { newId } from '../../../db/ids.js';
import { AppError, invalid } from '../../../errors.js';
import { ACCEPTED_KINDS_TEXT, ASSET_KINDS, type AssetKind } from './file-kinds.js';
import { HEAD_BYTES, officeKindOfZip, sniffHead, zipEntryNames } from './sniff.js';
import { deleteAsset, insertChunk, insertUploading, markReady } from './store.js';

/** Every chunk but the last is exactly this long, so a byte offset names its chunk. */
export const CHUNK_BYTES = 256 * 1024;
/** Chunks kept back for the ZIP central directory: a directory of ~10,000 entries fits. */
const TAIL_CHUNKS = 4;

export interface UploadInput {
  name: string;
  fileName: string;
  createdBy: string | null;
  maxBytes: number;
}

/** Stopped halfway: the rest of the body is still coming, and nobody will read it. */
function closing(err: AppError): AppError {
  return new AppError(err.kind, err.message, err.fields, { ...err.headers, connection: 'close' });
}

/** Refused before the body is read: the connection closes rather than drain what is left of it. */
export function tooLarge(maxBytes: number): AppError {
  return new AppError('payload_too_large', `The file is larger than the ${Math.floor(maxBytes / 2 ** 20)} MB an asset may be (${maxBytes} bytes; INFLOW_ASSET_MAX_BYTES)`, [], { connection: 'close' });
}

export function unsupportedFile(): AppError {
  return new AppError('unsupported_media_type', `This file is none of the kinds an asset may be: ${ACCEPTED_KINDS_TEXT}. The type is read from the file's contents, not its name.`, [
    { field: 'body', message: `is not a ${ACCEPTED_KINDS_TEXT} file` },
  ]);
}

/** Collects incoming pieces into exact CHUNK_BYTES chunks without copying more than once. */
class Chunker {
  private pieces: Buffer[] = [];
  private held = 0;

  add(piece: Buffer): void {
    this.pieces.push(piece);
    this.held += piece.length;
  }

  get size(): number {
    return this.held;
  }

  /** The first `bytes` bytes (or all that is held, if fewer), left in place. */
  peek(bytes: number): Buffer {
    const whole = Buffer.concat(this.pieces, this.held);
    this.pieces = [whole];
    return whole.subarray(0, bytes);
  }

  /** The next `bytes` bytes (or all that is held, if fewer), removed. */
  take(bytes: number): Buffer {
    const whole = Buffer.concat(this.pieces, this.held);
    const taken = whole.subarray(0, Math.min(bytes, whole.length));
    const rest = whole.subarray(taken.length);
    this.pieces = rest.length > 0 ? [rest] : [];
    this.held = rest.length;
    return taken;
  }
}

/**
 * Reads `body` into a new asset of the workspace: the kind from the first bytes (refused with
 * 415 before anything is stored), then chunk by chunk, each its own short statement, then the
 * asset made ready. Any failure (too big, empty, the client gone) deletes what was written.
 */
export async function storeUpload(db: QueryBuilder, workspaceId: string, body: Readable, input: UploadInput): Promise<string> {
  const id = newId();
  const hash = createHash('sha256');
  const chunker = new Chunker();
  const tail: Buffer[] = [];
  let kind: AssetKind | null = null;
  let size = 0;
  let seq = 0;
  let started = false;

  const flush = async (chunk: Buffer) => {
    await insertChunk(db, workspaceId, id, seq++, chunk);
    tail.push(chunk);
    if (tail.length > TAIL_CHUNKS) tail.shift();
  };
  const begin = async () => {
    kind = sniffHead(chunker.peek(HEAD_BYTES));
    if (!kind) throw closing(unsupportedFile());
    await insertUploading(db, workspaceId, { id, name: input.name, fileName: input.fileName, kind, contentType: ASSET_KINDS[kind].contentType, createdBy: input.createdBy });
    started = true;
  };

  try {
    for await (const piece of body as AsyncIterable<Buffer>) {
      size += piece.length;
      if (size > input.maxBytes) throw tooLarge(input.maxBytes);
      hash.update(piece);
      chunker.add(piece);
      if (!started && chunker.size >= HEAD_BYTES) await begin();
      while (started && chunker.size >= CHUNK_BYTES) await flush(chunker.take(CHUNK_BYTES));
    }
    if (size === 0) throw invalid('The body is empty: send the file as the request body', [{ field: 'body', message: 'is empty' }]);
    if (!started) await begin();
    if (chunker.size > 0) await flush(chunker.take(CHUNK_BYTES));
    const final: AssetKind = kind === 'zip' ? officeKindOfZip(zipEntryNames(Buffer.concat(tail), size)) : kind!;
    await markReady(db, workspaceId, id, { size, sha256: hash.digest('hex'), kind: final, contentType: ASSET_KINDS[final].contentType });
    return id;
  } catch (err) {
    if (started) await deleteAsset(db, workspaceId, id).catch(() => undefined);
    throw err;
  }
}
