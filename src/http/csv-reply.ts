import { Readable } from 'node:stream';
import type { FastifyReply } from 'fastify';

/** Streams CSV chunks as a download named `<name>-<today>.csv`. */
export function sendCsv(reply: FastifyReply, csv: AsyncIterable<string>, name: string) {
  const day = new Date().toISOString().slice(0, 10);
  return reply
    .type('text/csv; charset=utf-8')
    .header('content-disposition', `attachment; filename="${name}-${day}.csv"`)
    .send(Readable.from(csv));
}
