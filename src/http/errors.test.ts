import Fastify from 'fastify';
import { describe, expect, it } from 'vitest';
import { registerErrorHandling } from './errors.js';

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
    const app = Fastify({ logger: false });
    registerErrorHandling(app, () => null);
    app.get('/boom', async () => {
      throw err;
    });
    const response = await app.inject({ method: 'GET', url: '/boom' });
    expect(response.statusCode).toBe(503);
    expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(response.headers['retry-after']).toBe('1');
    expect(response.json()).toMatchObject({ code: 'unavailable', detail: 'The database connection was lost; try again in a moment' });
    await app.close();
  });

  it('leaves other failures a 500 that names only the request', async () => {
    const app = Fastify({ logger: false });
    registerErrorHandling(app, () => null);
    app.get('/boom', async () => {
      throw new Error('undefined is not a function');
    });
    const response = await app.inject({ method: 'GET', url: '/boom' });
    expect(response.statusCode).toBe(500);
    expect(response.headers['retry-after']).toBeUndefined();
    await app.close();
  });
});
