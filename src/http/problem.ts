import type { FastifyReply } from 'fastify';
import { ERROR_KINDS, type ErrorKind, type FieldError } from '../errors.js';

export interface Problem {
  type: string;
  title: string;
  status: number;
  detail: string;
  code: ErrorKind;
  instance?: string;
  request_id?: string;
  errors?: readonly FieldError[];
}

/** RFC 9457 problem details; `code` and `errors` are our extension members. */
export function problem(kind: ErrorKind, detail: string, fields: readonly FieldError[] = []): Problem {
  const { status, title } = ERROR_KINDS[kind];
  return {
    type: `urn:inflow:problem:${kind.replaceAll('_', '-')}`,
    title,
    status,
    detail,
    code: kind,
    ...(fields.length > 0 ? { errors: fields } : {}),
  };
}

export function sendProblem(reply: FastifyReply, body: Problem): FastifyReply {
  return reply
    .code(body.status)
    .type('application/problem+json; charset=utf-8')
    .send({ ...body, instance: reply.request.url.split('?')[0], request_id: reply.request.id });
}
