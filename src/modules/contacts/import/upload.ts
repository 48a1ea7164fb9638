// Streams an uploaded CSV body to a file: never the whole file in memory, and never past the limit.
import { createWriteStream } from 'node:fs';
import { mkdir, unlink } from 'node:fs/promises';
import path from 'node:path';
import { Transform, type Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { AppError, invalid } from '../../../errors.js';

class TooLarge extends Error {}

function tooLarge(maxBytes: number): AppError {
  return new AppError('payload_too_large', `The file is larger than this server accepts (${maxBytes} bytes; INFLOW_IMPORT_MAX_BYTES)`);
}

// How often, in bytes written, an upload asks whether there is still room for it.
const ROOM_CHECK_BYTES = 8 * 2 ** 20;

/**
 * Writes the body to `file` (created, mode 0600); returns its size. A body over `maxBytes`, or
 * one that `room` stops (asked every few megabytes with the bytes written so far: a quota, the
 * disk's reserve), leaves no file.
 */
export async function saveUpload(body: Readable, file: string, maxBytes: number, room: (written: number) => AppError | null = () => null): Promise<number> {
  await mkdir(path.dirname(file), { recursive: true, mode: 0o700 });
  let size = 0;
  let checkedAt = 0;
  const limit = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      size += chunk.length;
      if (size > maxBytes) return done(new TooLarge());
      if (size - checkedAt >= ROOM_CHECK_BYTES) {
        checkedAt = size;
        const refused = room(size);
        if (refused) return done(refused);
      }
      done(null, chunk);
    },
  });
  try {
    await pipeline(body, limit, createWriteStream(file, { flags: 'wx', mode: 0o600 }));
  } catch (err) {
    await unlink(file).catch(() => undefined);
    const refusal = err instanceof TooLarge ? tooLarge(maxBytes) : err;
    // Stopped halfway: the rest of the body is still coming, and nobody will read it.
    if (refusal instanceof AppError) throw new AppError(refusal.kind, refusal.message, refusal.fields, { ...refusal.headers, connection: 'close' });
    throw err;
  }
  if (size === 0) {
    await unlink(file).catch(() => undefined);
    throw invalid('The body is empty: send the CSV file as the request body', [{ field: 'body', message: 'is empty' }]);
  }
  return size;
}

/** Reads a small body (a preview's head of a file) into memory, refusing more than `maxBytes`. */
export async function readSmallBody(body: Readable, maxBytes: number): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of body as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > maxBytes) throw new AppError('payload_too_large', `Send at most ${maxBytes} bytes: the start of the file is enough for a preview`);
    chunks.push(chunk);
  }
  return Buffer.concat(chunks);
}
