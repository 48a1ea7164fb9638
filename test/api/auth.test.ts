import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addUser, call, createTenant, login, startTestServer, type Tenant, type TestServer } from '../helpers/server.js';

let server: TestServer;
let tenant: Tenant;

beforeAll(async () => {
  server = await startTestServer();
  tenant = await createTenant(server);
});
afterAll(() => server.close());

async function tryLogin(email: string, password: string, ip?: string) {
  return call(server, '/api/auth/login', {
    method: 'POST',
    body: { email, password },
    headers: ip ? { 'x-forwarded-for': ip } : {},
  });
}

describe('sign-in and sessions', () => {
  it('signs in with the right password and sets a hardened session cookie', async () => {
    const response = await tryLogin(tenant.ownerEmail.toUpperCase(), tenant.password);
    expect(response.status).toBe(200);
    expect(response.json.user.email).toBe(tenant.ownerEmail);
    expect(response.json.workspaces).toEqual([expect.objectContaining({ slug: tenant.slug, role: 'owner' })]);
    const cookie = response.headers.getSetCookie()[0]!;
    expect(cookie).toMatch(/^inflow_session=[\w-]{40,};/);
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Lax/);
    expect(cookie).not.toMatch(/Secure/);
  });

  it('tells the dashboard what each role may do and hand out, so it shows only what will work', async () => {
    const admin = await addUser(server, tenant, 'admin');
    const viewer = await addUser(server, tenant, 'viewer');
    const grants = async (user: { email: string; password: string }) => {
      const [workspace] = (await tryLogin(user.email, user.password)).json.workspaces;
      return { permissions: workspace.permissions, grantable_roles: workspace.grantable_roles };
    };
    expect(await grants(admin)).toEqual({
      permissions: ['workspace.read', 'workspace.manage', 'members.manage', 'api_keys.manage', 'contacts.write', 'contacts.delete', 'contacts.erase', 'marketing.write', 'sales.write'],
      grantable_roles: ['admin', 'marketer', 'sales', 'viewer'],
    });
    expect(await grants(viewer)).toEqual({ permissions: ['workspace.read'], grantable_roles: [] });
  });

  it('answers a wrong password and an unknown email the same way', async () => {
    const wrong = await tryLogin(tenant.ownerEmail, 'not-the-password');
    const unknown = await tryLogin('nobody@example.com', 'not-the-password');
    expect(wrong.status).toBe(401);
    expect(unknown.status).toBe(401);
    expect(wrong.json.detail).toBe('Wrong email or password');
    expect(unknown.json.detail).toBe(wrong.json.detail);
    expect(wrong.headers.get('set-cookie')).toBeNull();
  });

  it('limits repeated failures from one address on one account, then tells when to retry, and never locks the owner out', async () => {
    const victim = await createTenant(server, 'victim');
    let last = await tryLogin(victim.ownerEmail, 'guess-0');
    for (let i = 1; i <= 10; i++) last = await tryLogin(victim.ownerEmail, `guess-${i}`);
    expect(last.status).toBe(429);
    expect(last.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    expect(Number(last.headers.get('retry-after'))).toBeGreaterThan(0);
    // Even the right password waits at the address that kept guessing.
    expect((await tryLogin(victim.ownerEmail, victim.password)).status).toBe(429);
    // But strangers cannot lock the owner out: from an address with no failures, it signs in.
    const elsewhere = await server.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      remoteAddress: '203.0.113.5',
      payload: { email: victim.ownerEmail, password: victim.password },
    });
    expect(elsewhere.statusCode).toBe(200);
  });

  it('returns the user, CSRF token and workspaces from /api/auth/me, and ends the session on logout', async () => {
    const session = await login(server, tenant.ownerEmail, tenant.password);
    const me = await call(server, '/api/auth/me', { session });
    expect(me.status).toBe(200);
    expect(me.json.csrf_token).toBe(session.csrf);
    const out = await call(server, '/api/auth/logout', { method: 'POST', session });
    expect(out.status).toBe(204);
    expect((await call(server, '/api/auth/me', { session })).status).toBe(401);
  });

  it('requires the CSRF token for writes made with the session cookie', async () => {
    const session = await login(server, tenant.ownerEmail, tenant.password);
    const body = { name: 'From the dashboard', role: 'viewer' };
    const forged = await call(server, '/api/v1/api-keys', { method: 'POST', body, session: { ...session, csrf: 'wrong' } });
    expect(forged.status).toBe(403);
    expect(forged.json.code).toBe('csrf_failed');
    const real = await call(server, '/api/v1/api-keys', { method: 'POST', body, session });
    expect(real.status).toBe(201);
    // Reads need no token.
    expect((await call(server, '/api/v1/api-keys', { session: { cookie: session.cookie, csrf: '' } })).status).toBe(200);
  });
});

describe('API keys as credentials', () => {
  it('accepts a valid key and records when it was last used', async () => {
    const response = await call(server, '/api/v1/workspace', { apiKey: tenant.apiKey });
    expect(response.status).toBe(200);
    expect(response.json).toMatchObject({ id: tenant.workspaceId, slug: tenant.slug, role: 'owner' });
    await new Promise((resolve) => setTimeout(resolve, 100));
    const keys = await call(server, '/api/v1/api-keys', { apiKey: tenant.apiKey });
    expect(keys.json.data[0].last_used_at).toEqual(expect.any(String));
  });

  it('answers every bad credential with the same 401', async () => {
    const details = new Set<string>();
    for (const header of ['Bearer nope', 'Bearer inf_' + 'x'.repeat(40), 'Basic abc', 'Bearer', `Bearer ${tenant.apiKey}x`]) {
      const response = await call(server, '/api/v1/workspace', { headers: { authorization: header } });
      expect(response.status, header).toBe(401);
      details.add(response.json.detail);
    }
    const none = await call(server, '/api/v1/workspace');
    expect(none.status).toBe(401);
    details.add(none.json.detail);
    expect([...details]).toEqual(['Missing or invalid credentials']);
  });

  it('stops accepting a key once it is revoked', async () => {
    const created = await call(server, '/api/v1/api-keys', { method: 'POST', apiKey: tenant.apiKey, body: { name: 'Zapier', role: 'marketer' } });
    expect(created.status).toBe(201);
    expect(created.json.key).toMatch(/^inf_/);
    expect(created.json.prefix).toBe(created.json.key.slice(0, 12));
    expect((await call(server, '/api/v1/workspace', { apiKey: created.json.key })).status).toBe(200);
    expect((await call(server, `/api/v1/api-keys/${created.json.id}`, { method: 'DELETE', apiKey: tenant.apiKey })).status).toBe(204);
    expect((await call(server, '/api/v1/workspace', { apiKey: created.json.key })).status).toBe(401);
    const listed = await call(server, '/api/v1/api-keys?limit=200', { apiKey: tenant.apiKey });
    const revoked = listed.json.data.find((k: { id: string }) => k.id === created.json.id);
    expect(revoked.revoked_at).toEqual(expect.any(String));
    expect(JSON.stringify(listed.json)).not.toContain(created.json.key);
  });

  it('does not let an API key use session-only endpoints', async () => {
    const response = await call(server, '/api/v1/workspaces', { method: 'POST', apiKey: tenant.apiKey, body: { name: 'X', slug: 'x-key' } });
    expect(response.status).toBe(403);
  });
});

describe('changing a password', () => {
  it('needs the current password, then signs out the other sessions but not this one', async () => {
    const person = await createTenant(server, 'pw');
    const here = await login(server, person.ownerEmail, person.password);
    const elsewhere = await login(server, person.ownerEmail, person.password);
    const wrong = await call(server, '/api/auth/password', { method: 'POST', session: here, body: { current_password: 'nope', new_password: 'brand-new-pass' } });
    expect(wrong.status).toBe(400);
    expect(wrong.json.errors).toEqual([{ field: 'current_password', in: 'body', message: 'is not your current password' }]);
    const short = await call(server, '/api/auth/password', { method: 'POST', session: here, body: { current_password: person.password, new_password: 'short' } });
    expect(short.json.errors).toEqual([{ field: 'new_password', in: 'body', message: 'must be at least 8 characters' }]);
    const changed = await call(server, '/api/auth/password', { method: 'POST', session: here, body: { current_password: person.password, new_password: 'brand-new-pass' } });
    expect(changed.status).toBe(204);
    expect((await call(server, '/api/auth/me', { session: here })).status).toBe(200);
    expect((await call(server, '/api/auth/me', { session: elsewhere })).status).toBe(401);
    expect((await tryLogin(person.ownerEmail, person.password)).status).toBe(401);
    expect((await tryLogin(person.ownerEmail, 'brand-new-pass')).status).toBe(200);
  });

  it('is not open to API keys', async () => {
    const response = await call(server, '/api/auth/password', { method: 'POST', apiKey: tenant.apiKey, body: { current_password: 'x', new_password: 'yyyyyyyy' } });
    expect(response.status).toBe(403);
  });
});

describe('challenge and media types', () => {
  it('tells a client without credentials how to authenticate', async () => {
    const response = await call(server, '/api/v1/workspace');
    expect(response.headers.get('www-authenticate')).toBe('Bearer realm="inflow"');
  });

  it('refuses a text/plain body with 415 and says what to send', async () => {
    const response = await call(server, '/api/v1/api-keys', { method: 'POST', apiKey: tenant.apiKey, rawBody: 'name=x', headers: { 'content-type': 'text/plain' } });
    expect(response.status).toBe(415);
    expect(response.json.detail).toBe('Send the body as JSON, with the header Content-Type: application/json');
  });
});
