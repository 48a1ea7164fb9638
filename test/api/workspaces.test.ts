import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addMemberDirectly, addUser, call, createTenant, login, startTestServer, type Tenant, type TestServer } from '../helpers/server.js';

let server: TestServer;
let tenant: Tenant;

beforeAll(async () => {
  server = await startTestServer();
  tenant = await createTenant(server);
});
afterAll(() => server.close());

describe('workspaces', () => {
  it('creates a workspace with the signed-in user as owner and lists it', async () => {
    const session = await login(server, tenant.ownerEmail, tenant.password);
    const created = await call(server, '/api/v1/workspaces', { method: 'POST', session, body: { name: 'Acme Brasil', slug: 'acme-br' } });
    expect(created.status).toBe(201);
    expect(created.json).toMatchObject({ slug: 'acme-br', name: 'Acme Brasil', role: 'owner' });
    const again = await call(server, '/api/v1/workspaces', { method: 'POST', session, body: { name: 'Other', slug: 'acme-br' } });
    expect(again.status).toBe(409);
    expect(again.json.errors).toEqual([{ field: 'slug', message: 'is already taken' }]);
    const list = await call(server, '/api/v1/workspaces', { session });
    expect(list.json.data.map((w: { slug: string }) => w.slug)).toEqual([tenant.slug, 'acme-br']);
    const current = await call(server, '/api/v1/workspace', { session, workspace: 'acme-br' });
    expect(current.json).toMatchObject({ slug: 'acme-br', role: 'owner' });
  });

  it('rejects an invalid slug with the field named', async () => {
    const session = await login(server, tenant.ownerEmail, tenant.password);
    const response = await call(server, '/api/v1/workspaces', { method: 'POST', session, body: { name: 'Bad', slug: 'Not A Slug' } });
    expect(response.status).toBe(400);
    expect(response.json.errors[0]).toMatchObject({ field: 'slug', in: 'body' });
  });

  it('renames the workspace for owners and admins only', async () => {
    const renamed = await call(server, '/api/v1/workspace', { method: 'PATCH', apiKey: tenant.apiKey, body: { name: '  Acme Marketing  ' } });
    expect(renamed.status).toBe(200);
    expect(renamed.json.name).toBe('Acme Marketing');
    const marketer = await addUser(server, tenant, 'marketer');
    const session = await login(server, marketer.email, marketer.password);
    const denied = await call(server, '/api/v1/workspace', { method: 'PATCH', session, body: { name: 'Mine now' } });
    expect(denied.status).toBe(403);
    expect(denied.json.detail).toContain('workspace.manage');
  });
});

describe('workspace settings', () => {
  it('keeps only the network part of visitors’ IP addresses once truncate_ips is on (its own settings resource)', async () => {
    const own = await createTenant(server);
    const api = (path: string, method = 'GET', body?: unknown) => call(server, path, { method, apiKey: own.apiKey, body });
    expect((await api('/api/v1/workspace/settings')).json).toEqual({ truncate_ips: false });
    const patched = await api('/api/v1/workspace/settings', 'PATCH', { truncate_ips: true });
    expect(patched.status).toBe(200);
    expect(patched.json).toEqual({ truncate_ips: true });
    expect((await api('/api/v1/workspace/settings')).json).toEqual({ truncate_ips: true });
    for (const body of [{}, { truncate_ips: 'yes' }, { secret: 'x' }]) {
      const refused = await api('/api/v1/workspace/settings', 'PATCH', body);
      expect(refused.status).toBe(400);
      expect(refused.headers.get('content-type')).toContain('application/problem+json');
    }
    const marketer = await addUser(server, own, 'marketer');
    const session = await login(server, marketer.email, marketer.password);
    expect((await call(server, '/api/v1/workspace/settings', { session })).json).toEqual({ truncate_ips: true });
    expect((await call(server, '/api/v1/workspace/settings', { method: 'PATCH', session, body: { truncate_ips: false } })).status).toBe(403);

    const form = (await api('/api/v1/forms', 'POST', { template: 'newsletter' })).json;
    expect((await api(`/api/v1/forms/${form.id}/publish`, 'POST')).status).toBe(201);
    const submitted = await call(server, `/public/forms/${form.id}/submit`, { method: 'POST', body: { email: 'ip@acme.example', consent_email: true, _sid: 'truncate-ips-1' } });
    expect(submitted.status).toBe(201);
    const [submission] = (await api(`/api/v1/forms/${form.id}/submissions`)).json.data;
    expect(submission.ip).toBe('127.0.0.0');
  });
});

describe('members and roles', () => {
  it('invites by email instead of adding: the same answer for an address with or without an account', async () => {
    const known = await call(server, '/api/v1/members', { method: 'POST', apiKey: tenant.apiKey, body: { email: (await createTenant(server)).ownerEmail, role: 'sales' } });
    const unknown = await call(server, '/api/v1/members', { method: 'POST', apiKey: tenant.apiKey, body: { email: 'Ana@Example.com', role: 'sales' } });
    expect([known.status, unknown.status]).toEqual([202, 202]);
    expect(Object.keys(known.json).sort()).toEqual(Object.keys(unknown.json).sort());
    expect(unknown.json).toMatchObject({ email: 'ana@example.com', role: 'sales', status: 'pending' });
    // Nobody joined: the invitees accept first (test/api/invitations.test.ts).
    const members = await call(server, '/api/v1/members?limit=200', { apiKey: tenant.apiKey });
    expect(members.json.data.map((m: { email: string }) => m.email)).not.toContain('ana@example.com');
  });

  it('refuses to invite a member again, or an invalid address', async () => {
    const dup = await call(server, '/api/v1/members', { method: 'POST', apiKey: tenant.apiKey, body: { email: tenant.ownerEmail, role: 'viewer' } });
    expect(dup.status).toBe(409);
    const badEmail = await call(server, '/api/v1/members', { method: 'POST', apiKey: tenant.apiKey, body: { email: 'a@@b.com', role: 'viewer' } });
    expect(badEmail.status).toBe(400);
    expect(badEmail.json.errors[0].field).toBe('email');
  });

  it('keeps admins from granting or removing the owner role', async () => {
    const admin = await addUser(server, tenant, 'admin');
    const session = await login(server, admin.email, admin.password);
    const promote = await call(server, '/api/v1/members', { method: 'POST', session, body: { email: 'owner2@example.com', role: 'owner' } });
    expect(promote.status).toBe(403);
    const members = await call(server, '/api/v1/members', { session });
    const owner = members.json.data.find((m: { role: string }) => m.role === 'owner');
    const demote = await call(server, `/api/v1/members/${owner.user_id}`, { method: 'PATCH', session, body: { role: 'viewer' } });
    expect(demote.status).toBe(403);
    const viewerId = await addMemberDirectly(server, tenant, { email: 'viewer9@example.com', role: 'viewer', password: 'long-enough' });
    const change = await call(server, `/api/v1/members/${viewerId}`, { method: 'PATCH', session, body: { role: 'marketer' } });
    expect(change.json.role).toBe('marketer');
    expect((await call(server, `/api/v1/members/${viewerId}`, { method: 'DELETE', session })).status).toBe(204);
  });

  it('never leaves a workspace without an owner', async () => {
    const solo = await createTenant(server, 'solo');
    const members = await call(server, '/api/v1/members', { apiKey: solo.apiKey });
    const owner = members.json.data[0];
    const demote = await call(server, `/api/v1/members/${owner.user_id}`, { method: 'PATCH', apiKey: solo.apiKey, body: { role: 'admin' } });
    expect(demote.status).toBe(409);
    expect(demote.json.detail).toBe('A workspace must keep at least one owner');
    expect((await call(server, `/api/v1/members/${owner.user_id}`, { method: 'DELETE', apiKey: solo.apiKey })).status).toBe(409);
  });

  it('lets viewers read but not manage keys or members', async () => {
    const viewer = await addUser(server, tenant, 'viewer');
    const session = await login(server, viewer.email, viewer.password);
    expect((await call(server, '/api/v1/members', { session })).status).toBe(200);
    expect((await call(server, '/api/v1/roles', { session })).status).toBe(200);
    expect((await call(server, '/api/v1/api-keys', { session })).status).toBe(403);
    expect((await call(server, '/api/v1/api-keys', { method: 'POST', session, body: { name: 'x', role: 'viewer' } })).status).toBe(403);
  });

  it('lets only owners revoke owner keys', async () => {
    const admin = await addUser(server, tenant, 'admin');
    const session = await login(server, admin.email, admin.password);
    const keys = await call(server, '/api/v1/api-keys?limit=200', { session });
    const ownerKey = keys.json.data.find((k: { role: string; revoked_at: string | null }) => k.role === 'owner' && !k.revoked_at);
    const denied = await call(server, `/api/v1/api-keys/${ownerKey.id}`, { method: 'DELETE', session });
    expect(denied.status).toBe(403);
    const own = await call(server, '/api/v1/api-keys', { method: 'POST', session, body: { name: 'admin made', role: 'admin' } });
    expect((await call(server, `/api/v1/api-keys/${own.json.id}`, { method: 'DELETE', session })).status).toBe(204);
  });

  it('names the allowed roles when given a wrong one', async () => {
    const response = await call(server, '/api/v1/api-keys', { method: 'POST', apiKey: tenant.apiKey, body: { name: 'x', role: 'emperor' } });
    expect(response.json.errors).toEqual([{ field: 'role', in: 'body', message: 'must be one of: owner, admin, marketer, sales, viewer' }]);
  });

  it('lists the roles with their permissions', async () => {
    const roles = await call(server, '/api/v1/roles', { apiKey: tenant.apiKey });
    expect(roles.json.data.map((r: { role: string }) => r.role)).toEqual(['owner', 'admin', 'marketer', 'sales', 'viewer']);
    const viewer = roles.json.data.find((r: { role: string }) => r.role === 'viewer');
    expect(viewer.permissions.map((p: { name: string }) => p.name)).toEqual(['workspace.read']);
  });

  it('pages through API keys with a cursor', async () => {
    const paged = await createTenant(server, 'paged');
    for (let i = 0; i < 4; i++) {
      await call(server, '/api/v1/api-keys', { method: 'POST', apiKey: paged.apiKey, body: { name: `key ${i}`, role: 'viewer' } });
    }
    const names: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const page: Awaited<ReturnType<typeof call>> = await call(server, `/api/v1/api-keys?limit=2${cursor ? `&cursor=${cursor}` : ''}`, { apiKey: paged.apiKey });
      expect(page.status).toBe(200);
      names.push(...page.json.data.map((k: { name: string }) => k.name));
      cursor = page.json.next_cursor;
      pages++;
    } while (cursor);
    expect(pages).toBe(3);
    expect(names).toEqual(['test', 'key 0', 'key 1', 'key 2', 'key 3']);
  });
});
