import type { AddressInfo } from 'node:net';
import type { FastifyInstance } from 'fastify';
import { MODULES } from '../../src/modules/index.js';
import { buildApp, type AppOptions } from '../../src/http/app.js';
import { createApiKey } from '../../src/modules/workspaces/api-keys.js';
import { createUser } from '../../src/modules/accounts/service.js';
import { recordingMailer, type MailMessage } from '../../src/mail/mailer.js';
import { createWorkspace, ensureMembership } from '../../src/modules/workspaces/service.js';
import type { Role } from '../../src/db/schema.js';
import { createTestDatabase, type TestDatabase } from './database.js';

export interface TestServer {
  app: FastifyInstance;
  database: TestDatabase;
  url: string;
  /** Every mail the server sent, oldest first (nothing leaves the test). */
  mail: MailMessage[];
  close(): Promise<void>;
}

/** The real app on a real port, over a fresh database. */
export async function startTestServer(
  options: { webDist?: string; config?: Partial<AppOptions['config']> } = {},
): Promise<TestServer> {
  const database = await createTestDatabase();
  const mailer = recordingMailer();
  const app = await buildApp({
    database,
    modules: MODULES,
    config: { trustProxy: false, publicUrl: null, logLevel: 'silent', ...options.config },
    version: 'test',
    logger: false,
    webDist: options.webDist,
    mailer,
  });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const { port } = app.server.address() as AddressInfo;
  return {
    app,
    database,
    url: `http://127.0.0.1:${port}`,
    mail: mailer.sent,
    close: async () => {
      await app.close();
      await database.close();
    },
  };
}

export interface Tenant {
  workspaceId: string;
  slug: string;
  ownerEmail: string;
  password: string;
  apiKey: string;
}

let counter = 0;

/** A workspace with an owner user (password known) and an owner API key. */
export async function createTenant(server: TestServer, name = `ws${++counter}`): Promise<Tenant> {
  const password = 'a-long-password';
  const ownerEmail = `owner-${name}-${counter}@example.com`;
  const user = await createUser(server.database.db, { email: ownerEmail, password, name: `Owner ${name}` });
  const workspace = await createWorkspace(server.database.db, { slug: `${name}-${counter}`, name: `Workspace ${name}` }, user.id);
  const { key } = await createApiKey(server.database.db, workspace.id, { name: 'test', role: 'owner', createdBy: user.id });
  return { workspaceId: workspace.id, slug: workspace.slug, ownerEmail, password, apiKey: key };
}

export async function addUser(server: TestServer, tenant: Tenant, role: Role): Promise<{ email: string; password: string }> {
  const email = `${role}-${++counter}@example.com`;
  await addMemberDirectly(server, tenant, { email, role, password: 'a-long-password' });
  return { email, password: 'a-long-password' };
}

/**
 * A new user made a member at once, as `inflow user create` does: the API only invites
 * (test/api/invitations.test.ts), and most tests just need a colleague with a role.
 */
export async function addMemberDirectly(server: TestServer, tenant: Tenant, input: { email: string; role: Role; password: string; name?: string }): Promise<string> {
  const user = await createUser(server.database.db, input);
  await ensureMembership(server.database.db, tenant.workspaceId, user.id, input.role);
  return user.id;
}

export interface Session {
  cookie: string;
  csrf: string;
}

export async function login(server: TestServer, email: string, password: string): Promise<Session> {
  const response = await fetch(`${server.url}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password }),
  });
  if (response.status !== 200) throw new Error(`login failed: ${response.status} ${await response.text()}`);
  const cookie = response.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
  const body = (await response.json()) as { csrf_token: string };
  return { cookie, csrf: body.csrf_token };
}

export interface CallOptions {
  method?: string;
  body?: unknown;
  rawBody?: string | Buffer;
  headers?: Record<string, string>;
  apiKey?: string;
  session?: Session;
  workspace?: string;
}

export async function call(server: TestServer, path: string, options: CallOptions = {}) {
  const headers: Record<string, string> = { ...options.headers };
  if (options.body !== undefined) headers['content-type'] ??= 'application/json';
  if (options.apiKey) headers.authorization = `Bearer ${options.apiKey}`;
  if (options.session) {
    headers.cookie = options.session.cookie;
    headers['x-csrf-token'] ??= options.session.csrf;
  }
  if (options.workspace) headers['x-inflow-workspace'] = options.workspace;
  const response = await fetch(`${server.url}${path}`, {
    method: options.method ?? 'GET',
    headers,
    body: options.rawBody ?? (options.body === undefined ? undefined : JSON.stringify(options.body)),
  });
  const text = await response.text();
  let json: any = null;
  try {
    json = text ? JSON.parse(text) : null;
  } catch {
    json = null;
  }
  return { status: response.status, headers: response.headers, json, text };
}
