import cors from '@fastify/cors';
import rateLimit from '@fastify/rate-limit';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { AppError } from '../errors.js';
import { routesOf } from './route-index.js';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** A public route that pages on other sites call (the tracker, form submissions): any origin, no credentials. */
    cors?: boolean;
  }
}

/** The route a request is for; for a CORS preflight, the route the browser is about to call. */
function targetRoute(app: FastifyInstance, request: FastifyRequest) {
  const method = request.method === 'OPTIONS' ? request.headers['access-control-request-method'] : request.method;
  const path = request.url.split('?')[0] ?? '';
  return routesOf(app).find((route) => route.method === method && route.pattern.test(path));
}

/**
 * Cross-origin calls and per-route rate limits, by route config:
 * - `config: { cors: true }` opens a route to any origin, without credentials (answering the
 *   browser's preflight too). Every other route, the dashboard's API among them, sends no CORS
 *   headers: a page on another site cannot read it.
 * - `config: { rateLimit: { max, timeWindow } }` limits a route per client IP (per process, in
 *   memory, as DESIGN.md allows), answering 429 problem+json with `Retry-After`.
 */
export async function registerCrossOrigin(app: FastifyInstance): Promise<void> {
  await app.register(cors, {
    delegator: (request, callback) => {
      const open = targetRoute(app, request)?.config?.cors === true;
      callback(null, open ? { origin: '*', credentials: false, maxAge: 600 } : { origin: false });
    },
  });
  await app.register(rateLimit, {
    global: false,
    errorResponseBuilder: (_request, context) =>
      new AppError('rate_limited', `Too many requests; try again in ${Math.ceil(context.ttl / 1000)} seconds`, [], { 'retry-after': String(Math.ceil(context.ttl / 1000)) }),
  });
}
