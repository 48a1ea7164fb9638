// Serves the embed scripts sites load from another origin (`/f.js`, its stylesheet `/f.css`, the tracker `/t.js`).
// Cached five minutes, so a release reaches every site within minutes; the ETag makes the
// check cheap. A checkout that was never built answers 503 with what to do, not a bare 404.
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { AppError } from '../errors.js';

const FILES: Readonly<Record<string, string>> = {
  'f.js': 'application/javascript; charset=utf-8',
  't.js': 'application/javascript; charset=utf-8',
  'f.css': 'text/css; charset=utf-8',
};

export function registerEmbedFiles(app: FastifyInstance, dir: string): void {
  const cache = new Map<string, { mtimeMs: number; body: Buffer; etag: string }>();
  const read = (name: string) => {
    const file = path.join(dir, name);
    const stat = fs.statSync(file, { throwIfNoEntry: false });
    if (!stat) return null;
    const hit = cache.get(name);
    if (hit && hit.mtimeMs === stat.mtimeMs) return hit;
    const body = fs.readFileSync(file);
    const entry = { mtimeMs: stat.mtimeMs, body, etag: `"${createHash('sha256').update(body).digest('base64url').slice(0, 22)}"` };
    cache.set(name, entry);
    return entry;
  };
  for (const [name, type] of Object.entries(FILES)) {
    app.get(`/${name}`, { config: { auth: 'public' }, schema: { hide: true } }, async (request, reply) => {
      const file = read(name);
      if (!file) throw new AppError('unavailable', `${name} is not built: run \`npm run build\``);
      reply
        .header('content-type', type)
        .header('cache-control', 'public, max-age=300')
        .header('etag', file.etag)
        .header('cross-origin-resource-policy', 'cross-origin')
        .header('access-control-allow-origin', '*');
      if (request.headers['if-none-match'] === file.etag) return reply.code(304).send();
      return reply.send(file.body);
    });
  }
}
