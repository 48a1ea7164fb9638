import cors from '@fastify/cors';
import rateLimit from '@fastify/rate-limit';
import type { FastifyInstance } from 'fastify';
import { AppError } from '../errors.js';

/** What a public route that pages on other sites call (the tracker, form submissions) sets as `config.cors`. */
export const ANY_ORIGIN = { origin: '*', credentials: false, maxAge: 600 } as const;

declare module 'fastify' {
  interface FastifyContextConfig {
    /** ANY_ORIGIN opens a route to any origin, without credentials; nothing (false) keeps it same-origin. */
    cors?: false | typeof ANY_ORIGIN;
  }
}

/**
 * Cross-origin calls and per-route rate limits, by route config:
 * - `config: { cors: ANY_ORIGIN }` opens a route to pages on any site (`@fastify/cors`), its
 *   preflight included (an OPTIONS route is added beside it). Every other route, the
 *   dashboard's API among them, is marked `cors: false`: it sends no CORS headers, and the
 *   plugin passes it by at once (no cost per request).
 * - `config: { rateLimit: { max, timeWindow } }` limits a route per client IP (per process, in
 *   memory, as DESIGN.md allows), answering 429 problem+json with `Retry-After`.
 */
export async function registerCrossOrigin(app: FastifyInstance): Promise<void> {
  const preflighted = new Set<string>();
  app.addHook('onRoute', (route) => {
    const open = route.config?.cors;
    route.config = { ...route.config, cors: open ?? false };
    if (!open || route.method === 'OPTIONS' || preflighted.has(route.url)) return;
    preflighted.add(route.url);
    // The plugin answers the preflight in its hook; this route only gives the path an OPTIONS.
    app.options(route.url, { config: { auth: 'public', cors: open }, schema: { hide: true } }, async (_request, reply) => reply.code(204).send());
  });
  await app.register(cors, { origin: false });
  await app.register(rateLimit, {
    global: false,
    errorResponseBuilder: (_request, context) =>
      new AppError('rate_limited', `Too many requests; try again in ${Math.ceil(context.ttl / 1000)} seconds`, [], { 'retry-after': String(Math.ceil(context.ttl / 1000)) }),
  });
}
