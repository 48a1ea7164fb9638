// How a module's public route opens itself to other sites and limits its callers: route config.
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../src/http/app.js';
import { ANY_ORIGIN } from '../../src/http/cross-origin.js';
import { MODULES } from '../../src/modules/index.js';
import { createTestDatabase, type TestDatabase } from '../helpers/database.js';

let database: TestDatabase;
let url: string;
let close: () => Promise<void>;

beforeAll(async () => {
  database = await createTestDatabase();
  const app = await buildApp({
    database,
    modules: MODULES,
    config: { trustProxy: false, publicUrl: null, logLevel: 'silent' },
    version: 'test',
    logger: false,
    // Stand-ins for the public endpoints of the coming modules (tracker, form submissions).
    extraRoutes: (instance) => {
      instance.post('/public/echo', { config: { auth: 'public', cors: ANY_ORIGIN, rateLimit: { max: 3, timeWindow: 60_000 } } }, async () => ({ ok: true }));
      instance.get('/public/closed', { config: { auth: 'public' } }, async () => ({ ok: true }));
    },
  });
  await app.listen({ port: 0, host: '127.0.0.1' });
  url = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
  close = async () => {
    await app.close();
    await database.close();
  };
});

afterAll(() => close());

const fromElsewhere = { origin: 'https://shop.example' };

describe('route config for public endpoints', () => {
  it('answers a preflight and the call itself for a route open to other sites, without credentials', async () => {
    const preflight = await fetch(`${url}/public/echo`, {
      method: 'OPTIONS',
      headers: { ...fromElsewhere, 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type' },
    });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get('access-control-allow-origin')).toBe('*');
    expect(preflight.headers.get('access-control-allow-credentials')).toBeNull();
    const call = await fetch(`${url}/public/echo`, { method: 'POST', headers: { ...fromElsewhere, 'content-type': 'application/json' }, body: '{}' });
    expect(call.headers.get('access-control-allow-origin')).toBe('*');
  });

  it('sends no CORS headers for other routes, the dashboard API among them', async () => {
    for (const path of ['/public/closed', '/api/v1/workspace', '/healthz']) {
      const answer = await fetch(`${url}${path}`, { headers: fromElsewhere });
      expect({ path, cors: answer.headers.get('access-control-allow-origin') }).toEqual({ path, cors: null });
    }
    const preflight = await fetch(`${url}/api/v1/contacts`, { method: 'OPTIONS', headers: { ...fromElsewhere, 'access-control-request-method': 'POST' } });
    expect(preflight.headers.get('access-control-allow-origin')).toBeNull();
  });

  it('limits a route per client, then answers 429 problem+json with Retry-After', async () => {
    const statuses: number[] = [];
    let last: Response | null = null;
    for (let i = 0; i < 4; i++) {
      last = await fetch(`${url}/public/echo`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });
      statuses.push(last.status);
    }
    // One call was spent by the test above.
    expect(statuses).toEqual([200, 200, 429, 429]);
    expect(last!.headers.get('content-type')).toContain('application/problem+json');
    expect(Number(last!.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(await last!.json()).toMatchObject({ status: 429, code: 'rate_limited' });
  });
});
