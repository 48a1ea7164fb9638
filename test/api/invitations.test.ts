import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addUser, call, createTenant, login, startTestServer, type Session, type Tenant, type TestServer } from '../helpers/server.js';

let server: TestServer;
let tenant: Tenant;
let other: Tenant;

beforeAll(async () => {
  server = await startTestServer();
  tenant = await createTenant(server, 'inviting');
  other = await createTenant(server, 'elsewhere');
});
afterAll(() => server.close());

const invite = (body: unknown, as: { apiKey?: string; session?: Session } = { apiKey: tenant.apiKey }) =>
  call(server, '/api/v1/members', { method: 'POST', body, ...as });

/** The token of the last invitation mailed to this address, read from the link as the invitee would. */
function tokenMailedTo(email: string): string {
  const mail = server.mail.filter((m) => m.to === email).at(-1);
  if (!mail) throw new Error(`no mail to ${email}`);
  const match = /\/invite#token=([\w-]+)/.exec(mail.text);
  if (!match) throw new Error(`no link in ${mail.text}`);
  return match[1]!;
}

const preview = (token: string) => call(server, '/api/v1/invitations/preview', { method: 'POST', body: { token } });
const redeem = (token: string, name = 'Nova Person', password = 'nova-password') =>
  call(server, '/api/v1/invitations/redeem', { method: 'POST', body: { token, name, password } });

describe('inviting', () => {
  it('answers the same whether or not the email has an account, and mails a link either way', async () => {
    const known = await invite({ email: other.ownerEmail, role: 'marketer' });
    const unknown = await invite({ email: 'Nobody-Yet@Example.com', role: 'marketer' });
    expect(known.status).toBe(202);
    expect(unknown.status).toBe(202);
    expect(Object.keys(known.json).sort()).toEqual(Object.keys(unknown.json).sort());
    expect(unknown.json).toMatchObject({ email: 'nobody-yet@example.com', role: 'marketer', status: 'pending', invited_by: { type: 'api_key', name: 'test' } });
    for (const response of [known, unknown]) {
      expect(response.text).not.toMatch(/token/i);
      const days = (Date.parse(response.json.expires_at) - Date.parse(response.json.created_at)) / 86_400_000;
      expect(days).toBeCloseTo(7, 2);
    }
    const mail = server.mail.find((m) => m.to === 'nobody-yet@example.com')!;
    expect(mail.subject).toBe('Join Workspace inviting on Inflow');
    expect(mail.text).toContain(`${server.url}/invite#token=`);
    expect(server.mail.some((m) => m.to === other.ownerEmail)).toBe(true);
  });

  it('refreshes a pending invitation instead of making a second one, and the old link stops working', async () => {
    const first = await invite({ email: 'twice@example.com', role: 'viewer' });
    const oldToken = tokenMailedTo('twice@example.com');
    const second = await invite({ email: 'TWICE@example.com', role: 'sales' });
    expect(second.json.id).toBe(first.json.id);
    expect(second.json.role).toBe('sales');
    expect(tokenMailedTo('twice@example.com')).not.toBe(oldToken);
    expect((await preview(oldToken)).status).toBe(404);
    expect((await preview(tokenMailedTo('twice@example.com'))).json.role).toBe('sales');
    const list = await call(server, '/api/v1/invitations?limit=200', { apiKey: tenant.apiKey });
    expect(list.json.data.filter((i: { email: string }) => i.email === 'twice@example.com')).toHaveLength(1);
  });

  it('refuses members, bad addresses and the old password field with the field named', async () => {
    const member = await invite({ email: tenant.ownerEmail, role: 'viewer' });
    expect(member.status).toBe(409);
    expect(member.json.errors).toEqual([{ field: 'email', message: 'is already a member' }]);
    const bad = await invite({ email: 'a@@b.com', role: 'viewer' });
    expect(bad.status).toBe(400);
    expect(bad.json.errors[0].field).toBe('email');
    const password = await invite({ email: 'pw@example.com', role: 'viewer', password: 'chosen-by-admin' });
    expect(password.status).toBe(400);
    expect(password.headers.get('content-type')).toMatch(/application\/problem\+json/);
  });
});

describe('accepting through the link without an account', () => {
  it('shows the invitation, creates the account with the chosen name and password, and signs in', async () => {
    await invite({ email: 'nova@example.com', role: 'sales' });
    const token = tokenMailedTo('nova@example.com');
    const shown = await preview(token);
    expect(shown.status).toBe(200);
    expect(shown.json).toMatchObject({ email: 'nova@example.com', role: 'sales', has_account: false, workspace: { slug: tenant.slug, name: 'Workspace inviting' } });
    const accepted = await redeem(token, '  Nova Person ');
    expect(accepted.status).toBe(201);
    expect(accepted.json).toMatchObject({ user: { email: 'nova@example.com', name: 'Nova Person' }, workspace: { slug: tenant.slug, role: 'sales' } });
    const cookie = accepted.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
    const me = await call(server, '/api/auth/me', { headers: { cookie } });
    expect(me.json.workspaces.map((w: { slug: string; role: string }) => [w.slug, w.role])).toEqual([[tenant.slug, 'sales']]);
    expect((await login(server, 'nova@example.com', 'nova-password')).csrf).toBeTruthy();
  });

  it('works once: a used link is a clear 410', async () => {
    await invite({ email: 'once@example.com', role: 'viewer' });
    const token = tokenMailedTo('once@example.com');
    expect((await redeem(token)).status).toBe(201);
    const again = await redeem(token, 'Someone Else', 'another-password');
    expect(again.status).toBe(410);
    expect(again.headers.get('content-type')).toMatch(/application\/problem\+json/);
    expect(again.json.detail).toBe('This invitation was already accepted');
    expect((await preview(token)).status).toBe(410);
  });

  it('refuses an expired link and shows the invitation as expired to admins', async () => {
    const invited = await invite({ email: 'late@example.com', role: 'viewer' });
    const token = tokenMailedTo('late@example.com');
    await server.database.db.updateTable('invitations').set({ expires_at: sql`now() - interval '1 minute'` }).where('id', '=', invited.json.id).execute();
    const late = await redeem(token);
    expect(late.status).toBe(410);
    expect(late.json.detail).toMatch(/expired/);
    const list = await call(server, '/api/v1/invitations?limit=200', { apiKey: tenant.apiKey });
    expect(list.json.data.find((i: { id: string }) => i.id === invited.json.id).status).toBe('expired');
    // Inviting again gives the address a working link.
    await invite({ email: 'late@example.com', role: 'viewer' });
    expect((await preview(tokenMailedTo('late@example.com'))).status).toBe(200);
  });

  it('refuses a withdrawn link, and one it never gave out', async () => {
    const invited = await invite({ email: 'withdrawn@example.com', role: 'viewer' });
    const token = tokenMailedTo('withdrawn@example.com');
    expect((await call(server, `/api/v1/invitations/${invited.json.id}`, { method: 'DELETE', apiKey: tenant.apiKey })).status).toBe(204);
    const gone = await redeem(token);
    expect(gone.status).toBe(410);
    expect(gone.json.detail).toBe('This invitation was withdrawn by the workspace');
    expect((await call(server, `/api/v1/invitations/${invited.json.id}`, { method: 'DELETE', apiKey: tenant.apiKey })).status).toBe(404);
    const list = await call(server, '/api/v1/invitations?limit=200', { apiKey: tenant.apiKey });
    expect(list.json.data.map((i: { id: string }) => i.id)).not.toContain(invited.json.id);
    expect((await preview('not-a-token-we-made')).status).toBe(404);
  });

  it('sends someone with an account to sign in rather than make a second one', async () => {
    await invite({ email: other.ownerEmail, role: 'viewer' });
    const token = tokenMailedTo(other.ownerEmail);
    expect((await preview(token)).json.has_account).toBe(true);
    const second = await redeem(token);
    expect(second.status).toBe(409);
    expect(second.json.detail).toMatch(/sign in/);
  });

  it('checks the chosen name and password', async () => {
    await invite({ email: 'weak@example.com', role: 'viewer' });
    const token = tokenMailedTo('weak@example.com');
    const short = await redeem(token, 'Weak', 'short');
    expect(short.status).toBe(400);
    expect(short.json.errors[0]).toMatchObject({ field: 'password', in: 'body' });
    expect((await redeem(token, '   ', 'long-enough-pw')).json.errors).toEqual([{ field: 'name', message: 'is required' }]);
    expect((await redeem(token, 'Weak', 'long-enough-pw')).status).toBe(201);
  });
});

describe('accepting as a signed-in user', () => {
  it('lists the invitations for their address; they accept one and decline another', async () => {
    const third = await createTenant(server, 'third');
    await invite({ email: other.ownerEmail, role: 'marketer' });
    await invite({ email: other.ownerEmail, role: 'viewer' }, { apiKey: third.apiKey });
    const session = await login(server, other.ownerEmail, other.password);
    const mine = await call(server, '/api/v1/invitations/mine', { session });
    expect(mine.status).toBe(200);
    const bySlug = new Map(mine.json.data.map((i: { workspace: { slug: string } }) => [i.workspace.slug, i]));
    const here = bySlug.get(tenant.slug) as { id: string; role: string };
    const there = bySlug.get(third.slug) as { id: string };
    expect(here.role).toBe('marketer');

    const accepted = await call(server, `/api/v1/invitations/${here.id}/accept`, { method: 'POST', session });
    expect(accepted.status).toBe(200);
    expect(accepted.json).toMatchObject({ slug: tenant.slug, role: 'marketer' });
    expect((await call(server, '/api/v1/workspace', { session, workspace: tenant.slug })).json.role).toBe('marketer');
    expect((await call(server, `/api/v1/invitations/${here.id}/accept`, { method: 'POST', session })).status).toBe(410);

    expect((await call(server, `/api/v1/invitations/${there.id}/decline`, { method: 'POST', session })).status).toBe(204);
    expect((await call(server, `/api/v1/invitations/${there.id}/accept`, { method: 'POST', session })).json.detail).toBe('This invitation was declined');
    expect((await call(server, '/api/v1/invitations', { apiKey: third.apiKey })).json.data).toEqual([]);
    expect((await call(server, '/api/v1/invitations/mine', { session })).json.data).toEqual([]);
  });

  it('lets nobody else accept or decline it, and no API key', async () => {
    const invited = await invite({ email: 'only-me@example.com', role: 'admin' });
    const stranger = await login(server, tenant.ownerEmail, tenant.password);
    expect((await call(server, `/api/v1/invitations/${invited.json.id}/accept`, { method: 'POST', session: stranger })).status).toBe(404);
    expect((await call(server, `/api/v1/invitations/${invited.json.id}/decline`, { method: 'POST', session: stranger })).status).toBe(404);
    expect((await call(server, '/api/v1/invitations/mine', { session: stranger })).json.data).toEqual([]);
    expect((await call(server, `/api/v1/invitations/${invited.json.id}/accept`, { method: 'POST', apiKey: tenant.apiKey })).status).toBe(403);
    expect((await call(server, '/api/v1/invitations/mine', { apiKey: tenant.apiKey })).status).toBe(403);
  });
});

describe('roles', () => {
  it('keeps admins from inviting owners or withdrawing an owner’s invitation, and viewers from inviting at all', async () => {
    const admin = await addUser(server, tenant, 'admin');
    const session = await login(server, admin.email, admin.password);
    const owner = await invite({ email: 'future-owner@example.com', role: 'owner' }, { session });
    expect(owner.status).toBe(403);
    const byOwner = await invite({ email: 'future-owner@example.com', role: 'owner' });
    expect(byOwner.status).toBe(202);
    expect((await invite({ email: 'future-owner@example.com', role: 'viewer' }, { session })).status).toBe(403);
    expect((await call(server, `/api/v1/invitations/${byOwner.json.id}`, { method: 'DELETE', session })).status).toBe(403);
    const viewer = await addUser(server, tenant, 'viewer');
    const viewerSession = await login(server, viewer.email, viewer.password);
    expect((await invite({ email: 'x@example.com', role: 'viewer' }, { session: viewerSession })).status).toBe(403);
    expect((await call(server, '/api/v1/invitations', { session: viewerSession })).status).toBe(403);
  });

  it('checks the role again at accept time: a demoted inviter’s invitation or a revoked key’s no longer stands', async () => {
    const admin = await addUser(server, tenant, 'admin');
    const session = await login(server, admin.email, admin.password);
    await invite({ email: 'via-admin@example.com', role: 'admin' }, { session });
    const members = await call(server, '/api/v1/members?limit=200', { apiKey: tenant.apiKey });
    const adminId = members.json.data.find((m: { email: string }) => m.email === admin.email).user_id;
    await call(server, `/api/v1/members/${adminId}`, { method: 'PATCH', apiKey: tenant.apiKey, body: { role: 'viewer' } });
    const refused = await redeem(tokenMailedTo('via-admin@example.com'));
    expect(refused.status).toBe(403);
    expect(refused.json.detail).toMatch(/no longer give the admin role/);

    const key = await call(server, '/api/v1/api-keys', { method: 'POST', apiKey: tenant.apiKey, body: { name: 'inviter', role: 'admin' } });
    await invite({ email: 'via-key@example.com', role: 'sales' }, { apiKey: key.json.key });
    await call(server, `/api/v1/api-keys/${key.json.id}`, { method: 'DELETE', apiKey: tenant.apiKey });
    expect((await redeem(tokenMailedTo('via-key@example.com'))).status).toBe(403);
    // Nothing was half made: no account for the refused address.
    expect(await server.database.db.selectFrom('users').select('id').where('email', '=', 'via-key@example.com').executeTakeFirst()).toBeUndefined();
  });
});
