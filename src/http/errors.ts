import type { FastifyError, FastifyInstance } from 'fastify';
import type { ErrorObject } from 'ajv';
import { AppError } from '../errors.js';
import { problem, sendProblem, type Problem } from './problem.js';
import { fieldErrors } from './validation.js';
import { allowedMethods } from './route-index.js';
import type { PageFallback } from './static.js';
import { plural } from '../lib/plural.js';

// Fastify's own error codes that are the client's fault, mapped to our kinds.
const FASTIFY_CODES: Record<string, (err: FastifyError) => Problem> = {
  FST_ERR_CTP_BODY_TOO_LARGE: () => problem('payload_too_large', 'The request body is larger than this endpoint accepts'),
  FST_ERR_CTP_INVALID_MEDIA_TYPE: () =>
    problem('unsupported_media_type', 'Send the body as JSON, with the header Content-Type: application/json'),
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: () => problem('invalid_input', 'Content-Length does not match the body'),
  FST_ERR_CTP_EMPTY_JSON_BODY: () => problem('malformed_body', 'The body is empty but Content-Type says JSON'),
  FST_ERR_CTP_INVALID_JSON_BODY: () => problem('malformed_body', 'The body is not valid JSON'),
};

// PostgreSQL SQLSTATE classes that mean the input was at fault, as a last line of defence
// behind the schemas: 22 data exception (bad value, too long, NUL), 23505 unique violation.
// Class 08 (connection exception) and 57P (operator intervention: shutdown, terminated
// backend) mean the database went away under the request: worth a retry, not a bug. 53100:
// the database server's disk is full.
function databaseProblem(code: string): Problem | null {
  if (code.startsWith('22')) return problem('invalid_input', 'A value is malformed or out of range');
  if (code === '23505') return problem('conflict', 'A record with the same unique value already exists');
  if (code.startsWith('08') || code.startsWith('57P')) return databaseUnavailable;
  if (code === '53100') return problem('storage_full', "The database server's disk is full: writes fail until space is freed");
  return null;
}

const databaseUnavailable = problem('unavailable', 'The database connection was lost; try again in a moment');

// What node-postgres throws when the socket under a query closes, before any SQLSTATE arrives.
function lostConnection(err: Error): boolean {
  const code = (err as { code?: unknown }).code;
  return /Connection terminated|terminating connection|Client has encountered a connection error/i.test(err.message) || code === 'ECONNRESET' || code === 'ECONNREFUSED' || code === 'EPIPE';
}

function toProblem(err: FastifyError): Problem {
  if (err instanceof AppError) return problem(err.kind, err.message, err.fields);
  const sqlState = (err as { code?: unknown }).code;
  if (typeof sqlState === 'string' && /^[0-9A-Z]{5}$/.test(sqlState)) {
    const mapped = databaseProblem(sqlState);
    if (mapped) return mapped;
  }
  if (lostConnection(err)) return databaseUnavailable;
  if ((err as { code?: unknown }).code === 'ENOSPC') return problem('storage_full', "The server's disk is full: free some space and try again");
  if (err.validation) {
    const fields = fieldErrors(err.validation as ErrorObject[], err.validationContext);
    const where = err.validationContext ? ` in the ${err.validationContext}` : '';
    return problem('invalid_input', `${plural(fields.length, 'field')}${where} failed validation`, fields);
  }
  const mapped = err.code ? FASTIFY_CODES[err.code] : undefined;
  if (mapped) return mapped(err);
  if (err instanceof SyntaxError || err.code === 'FST_ERR_CTP_INVALID_JSON_BODY') {
    return problem('malformed_body', 'The body is not valid JSON');
  }
  if (err.statusCode === 400 && /proto|constructor/i.test(err.message)) {
    return problem('malformed_body', 'The body contains a forbidden key (__proto__ or constructor.prototype)');
  }
  if (err.statusCode === 413) return problem('payload_too_large', err.message);
  if (err.statusCode === 415) return problem('unsupported_media_type', err.message);
  if (err.statusCode && err.statusCode >= 400 && err.statusCode < 500) {
    return { ...problem('invalid_input', err.message), status: err.statusCode };
  }
  return problem('internal', 'Something went wrong on our side; the request id identifies it in the server log');
}

/** One place turns every thrown error, and every unknown route, into problem+json. */
export function registerErrorHandling(app: FastifyInstance, pageFallback: () => PageFallback | null): void {
  app.setErrorHandler((err: FastifyError, request, reply) => {
    const body = toProblem(err);
    if (body.status >= 500) request.log.error({ err }, 'request failed');
    if (body.status === 503) reply.header('retry-after', '1');
    if (err instanceof AppError) for (const [name, value] of Object.entries(err.headers)) reply.header(name, value);
    return sendProblem(reply, body);
  });

  app.setNotFoundHandler((request, reply) => {
    const page = pageFallback()?.(request, reply);
    if (page) return page;
    const path = request.url.split('?')[0] ?? '/';
    const allowed = allowedMethods(app, path);
    if (allowed.length > 0) {
      reply.header('allow', allowed.join(', '));
      return sendProblem(reply, problem('method_not_allowed', `${request.method} is not allowed here; use ${allowed.join(' or ')}`));
    }
    return sendProblem(reply, problem('not_found', `No route for ${request.method} ${path}`));
  });
}
