import cors from '@fastify/cors';
import rateLimit from '@fastify/rate-limit';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { AppError } from '../errors.js';

/**
 * What a public route that pages on other sites call (the tracker, form submissions) sets as
 * `config.cors`. Retry-After is exposed so a script told 503 or 429 can wait as long as asked.
 */
export const ANY_ORIGIN = { origin: '*', credentials: false, maxAge: 600, exposedHeaders: 'retry-after' } as const;

/** The origins a route is open to, decided per request (a form's allowed sites): '*' for any. */
export type OriginResolver = (request: FastifyRequest) => Promise<'*' | readonly string[]>;
export interface DynamicOrigins {
  resolve: OriginResolver;
}

/** `config.cors` of a route whose allowed origins depend on the request (e.g. on the form it names). */
export function dynamicOrigins(resolve: OriginResolver): DynamicOrigins {
  return { resolve };
}

const PREFLIGHT_MAX_AGE = '600';

declare module 'fastify' {
  interface FastifyContextConfig {
    /**
     * ANY_ORIGIN opens a route to any origin, without credentials; dynamicOrigins(resolve) to the
     * origins resolve() gives for the request; nothing (false) keeps it same-origin.
     */
    cors?: false | typeof ANY_ORIGIN | DynamicOrigins;
    /** Set from a dynamicOrigins `cors` (the plugin then passes the route by). */
    dynamicCors?: OriginResolver;
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
    const dynamic = open && 'resolve' in open ? open.resolve : undefined;
    route.config = { ...route.config, cors: dynamic ? false : (open ?? false), ...(dynamic ? { dynamicCors: dynamic } : {}) };
    if (!open || route.method === 'OPTIONS' || preflighted.has(route.url)) return;
    preflighted.add(route.url);
    // The plugin answers the preflight in its hook; this route only gives the path an OPTIONS.
    app.options(route.url, { config: { auth: 'public', cors: open }, schema: { hide: true } }, async (_request, reply) => reply.code(204).send());
  });
  // Per-request origins: answered here, not by the plugin (whose origin function sees no request).
  app.addHook('onRequest', async (request, reply) => {
    const resolve = request.routeOptions.config?.dynamicCors;
    if (!resolve) return;
    reply.header('vary', 'Origin');
    const origin = request.headers.origin;
    if (!origin) return;
    const allowed = await resolve(request);
    if (allowed === '*') reply.header('access-control-allow-origin', '*');
    else if (allowed.includes(origin)) reply.header('access-control-allow-origin', origin);
    else return;
    if (request.method === 'OPTIONS') {
      reply.header('access-control-allow-methods', 'GET, POST');
      reply.header('access-control-allow-headers', request.headers['access-control-request-headers'] ?? 'content-type, accept');
      reply.header('access-control-max-age', PREFLIGHT_MAX_AGE);
    }
  });
  await app.register(cors, { origin: false });
  await app.register(rateLimit, {
    global: false,
    errorResponseBuilder: (_request, context) =>
      new AppError('rate_limited', `Too many requests; try again in ${Math.ceil(context.ttl / 1000)} seconds`, [], { 'retry-after': String(Math.ceil(context.ttl / 1000)) }),
  });
}
