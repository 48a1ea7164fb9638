import Fastify from 'fastify';
import { describe, expect, it } from 'vitest';
import { registerErrorHandling } from './errors.js';

/** How the app answers a route that throws `err`. */
async function answerTo(err: Error) {
  const app = Fastify({ logger: false });
  registerErrorHandling(app, () => null);
  app.get('/boom', async () => {
    throw err;
  });
  const response = await app.inject({ method: 'GET', url: '/boom' });
  await app.close();
  return response;
}

// What node-postgres throws when the database goes away under a query: the socket closing
// before an answer, or the server's own "terminating connection" (SQLSTATE 57P01).
const lost = [
  new Error('Connection terminated unexpectedly'),
  Object.assign(new Error('terminating connection due to administrator command'), { code: '57P01' }),
  Object.assign(new Error('connection failure during authentication'), { code: '08006' }),
  Object.assign(new Error('read ECONNRESET'), { code: 'ECONNRESET' }),
];

describe('a lost database connection', () => {
  it.each(lost.map((err) => [err.message, err]))('%s answers 503 problem+json with Retry-After', async (_message, err) => {
    const response = await answerTo(err);
    expect(response.statusCode).toBe(503);
    expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(response.headers['retry-after']).toBe('1');
    expect(response.json()).toMatchObject({ code: 'unavailable', detail: 'The database connection was lost; try again in a moment' });
  });

  it('leaves other failures a 500 that names only the request', async () => {
    const response = await answerTo(new Error('undefined is not a function'));
    expect(response.statusCode).toBe(500);
    expect(response.headers['retry-after']).toBeUndefined();
  });
});

// A full disk is the operator's to fix, not a bug and not worth an immediate retry.
const full = [
  Object.assign(new Error('could not extend file "base/5/16384": No space left on device'), { code: '53100' }),
  Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC' }),
];

describe('a full disk', () => {
  it.each(full.map((err) => [err.message, err]))('%s answers 507 storage_full', async (_message, err) => {
    const response = await answerTo(err);
    expect(response.statusCode).toBe(507);
    expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(response.json()).toMatchObject({ code: 'storage_full', title: 'Insufficient storage' });
    expect(response.json().detail).toMatch(/disk is full/);
  });
});
