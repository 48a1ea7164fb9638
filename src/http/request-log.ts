import { LogController, type FastifyReply, type FastifyRequest } from 'fastify';

/** Health checks and the dashboard's files: polled or fetched all day, of interest only when debugging. */
export function routineRequest(url: string): boolean {
  const path = url.split('?')[0] ?? url;
  return path === '/healthz' || !(path.startsWith('/api/') || path.startsWith('/public/'));
}

/**
 * Fastify's request log lines, with routine requests at `debug` instead of `info`: a load
 * balancer's health check every few seconds and each asset of every page view would bury the
 * API calls a log is read for. Errors stay at their level whatever the request.
 */
export class RequestLog extends LogController {
  override incomingRequest(request: FastifyRequest, reply: FastifyReply, metadata?: Record<string, unknown>): void {
    if (routineRequest(request.url)) request.log.debug({ req: request }, 'incoming request');
    else super.incomingRequest(request, reply, metadata);
  }

  override requestCompleted(error: Error | null | undefined, request: FastifyRequest, reply: FastifyReply, metadata?: Record<string, unknown>): void {
    if (!error && routineRequest(request.url)) reply.log.debug({ res: reply, responseTime: reply.elapsedTime }, 'request completed');
    else super.requestCompleted(error, request, reply, metadata);
  }
}
