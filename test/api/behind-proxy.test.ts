import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, createTenant, startTestServer, type Tenant, type TestServer } from '../helpers/server.js';

let server: TestServer;
let tenant: Tenant;

beforeAll(async () => {
  server = await startTestServer({ config: { trustProxy: true } });
  tenant = await createTenant(server, 'proxy');
});
afterAll(() => server.close());

async function loginCookie(headers: Record<string, string>) {
  const response = await call(server, '/api/auth/login', {
    method: 'POST',
    body: { email: tenant.ownerEmail, password: tenant.password },
    headers,
  });
  expect(response.status).toBe(200);
  return response.headers.getSetCookie()[0]!;
}

describe('behind a TLS-terminating proxy (INFLOW_TRUST_PROXY)', () => {
  it('marks the session cookie Secure when the proxy says the request came over HTTPS', async () => {
    expect(await loginCookie({ 'x-forwarded-proto': 'https' })).toMatch(/; Secure/);
  });

  it('leaves it without Secure over plain HTTP', async () => {
    expect(await loginCookie({})).not.toMatch(/Secure/);
  });

  it('counts failed sign-ins per client address, as the proxy reports it', async () => {
    for (let i = 0; i < 10; i++) {
      await call(server, '/api/auth/login', { method: 'POST', body: { email: tenant.ownerEmail, password: 'wrong' }, headers: { 'x-forwarded-for': '203.0.113.7' } });
    }
    const blocked = await call(server, '/api/auth/login', { method: 'POST', body: { email: tenant.ownerEmail, password: tenant.password }, headers: { 'x-forwarded-for': '203.0.113.7' } });
    expect(blocked.status).toBe(429);
    const other = await call(server, '/api/auth/login', { method: 'POST', body: { email: tenant.ownerEmail, password: tenant.password }, headers: { 'x-forwarded-for': '198.51.100.9' } });
    expect(other.status).toBe(200);
  });
});
