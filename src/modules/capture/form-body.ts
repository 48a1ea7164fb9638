import type { FastifyInstance } from 'fastify';
import { AppError } from '../../errors.js';

/** What a submission body becomes, whichever its encoding: keys to a value, or to the values of a repeated key. */
export type FormBody = Record<string, string | number | boolean | string[]>;

export const SUBMIT_BODY_LIMIT = 65_536;
export const MAX_PAIRS = 300;
export const MAX_VALUE_LENGTH = 20_000;

/**
 * Parses an urlencoded post (a plain HTML form, f.js, sendBeacon). Counted before it is parsed,
 * so 10,000 pairs cost one scan; the result has no prototype, so `__proto__` is a key like any
 * other. A repeated key becomes a list (a multiselect's values); whether a list is allowed is
 * the field's decision.
 */
export function parseFormBody(text: string): FormBody {
  let pairs = text.length === 0 ? 0 : 1;
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 38 /* & */) pairs++;
  if (pairs > MAX_PAIRS) throw new AppError('payload_too_large', `A form post has at most ${MAX_PAIRS} fields`);
  const body: FormBody = Object.create(null) as FormBody;
  for (const [key, value] of new URLSearchParams(text)) {
    if (value.length > MAX_VALUE_LENGTH) throw new AppError('payload_too_large', `A value is longer than ${MAX_VALUE_LENGTH} characters`);
    if (key.length > 100) continue;
    const seen = body[key];
    if (seen === undefined) body[key] = value;
    else if (Array.isArray(seen)) seen.push(value);
    else body[key] = [String(seen), value];
  }
  return body;
}

/** Lets an encapsulated scope of public routes take urlencoded bodies (plain HTML posts, sendBeacon); the rest of the API is JSON only. */
export function acceptUrlencoded(scope: FastifyInstance, bodyLimit = SUBMIT_BODY_LIMIT): void {
  scope.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'string', bodyLimit }, (_request, body, done) => {
    try {
      done(null, parseFormBody(body as string));
    } catch (err) {
      done(err as Error, undefined);
    }
  });
}
