import fs from 'node:fs';
import path from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';

/**
 * Serves the built dashboard. Vite fingerprints everything under assets/, so those files are
 * cached for a year; index.html is revalidated so a new release shows up on the next load.
 * Returns the SPA fallback: deep links such as /w/acme/settings get index.html.
 */
export type PageFallback = (request: FastifyRequest, reply: FastifyReply) => FastifyReply | undefined;

export async function registerDashboard(app: FastifyInstance, webDist: string): Promise<PageFallback | null> {
  if (!fs.existsSync(path.join(webDist, 'index.html'))) {
    app.log.warn({ webDist }, 'dashboard is not built: run `npm run build` to serve it');
    return null;
  }
  await app.register(fastifyStatic, {
    root: webDist,
    wildcard: false,
    setHeaders(res, filePath) {
      const immutable = filePath.includes(`${path.sep}assets${path.sep}`);
      res.header('cache-control', immutable ? 'public, max-age=31536000, immutable' : 'no-cache');
    },
  });
  return (request, reply) => {
    const wantsPage = (request.method === 'GET' || request.method === 'HEAD') && !request.url.startsWith('/api/');
    if (!wantsPage || path.extname(request.url.split('?')[0]!) !== '') return undefined;
    reply.header('cache-control', 'no-cache');
    return reply.sendFile('index.html');
  };
}
