import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Permission } from '../../access.js';
import type { Database } from '../../db/database.js';
import { AppError, notFound } from '../../errors.js';
import { CSRF_HEADER, unauthenticated, WORKSPACE_HEADER, type WorkspaceContext } from '../../http/auth.js';
import { SESSION_DAYS, sessionByToken, touchSession } from '../accounts/service.js';
import { SESSION_COOKIE, setSessionCookie } from '../accounts/session-cookie.js';
import { safeEqual } from '../accounts/tokens.js';
import { ApiKeyPrincipals } from './api-key-principals.js';
import { can } from './roles.js';
import { membershipOf, workspacesOfUser } from './service.js';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);
const TOUCH_SESSION_MS = 5 * 60_000;

export interface AuthOptions {
  /** Whether cookies must be marked Secure for this request (HTTPS, directly or behind a proxy). */
  secureCookies: (request: FastifyRequest) => boolean;
}

function bearerToken(request: FastifyRequest): string | null {
  const header = request.headers.authorization;
  if (!header) return null;
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
  if (!match) throw unauthenticated();
  return match[1]!;
}

function headerValue(request: FastifyRequest, name: string): string | null {
  const value = request.headers[name];
  return typeof value === 'string' && value.trim() ? value.trim() : null;
}

/**
 * Resolves every request's caller before its body is read: an API key or a session cookie
 * becomes the request's principal and workspace; the CSRF token and the route's permission are
 * checked. Failures end the request here (401/403/404).
 */
export async function registerAuth(app: FastifyInstance, database: Database, options: AuthOptions): Promise<void> {
  const db = database.db;
  const apiKeys = new ApiKeyPrincipals(database);
  await apiKeys.start();
  app.addHook('onClose', () => apiKeys.stop());
  app.decorateRequest('principal', null);
  app.decorateRequest('workspace', null);

  async function fromApiKey(request: FastifyRequest, token: string): Promise<void> {
    const found = await apiKeys.lookup(token, (err) => request.log.warn({ err }, 'could not record API key use'));
    if (!found) throw unauthenticated();
    const workspace: WorkspaceContext = { ...found.workspace, role: found.role };
    request.principal = { kind: 'api_key', keyId: found.keyId, role: found.role, workspace };
    request.workspace = workspace;
    const requested = headerValue(request, WORKSPACE_HEADER);
    if (requested && requested !== workspace.slug && requested !== workspace.id) {
      throw new AppError('forbidden', 'This API key belongs to another workspace');
    }
  }

  async function fromSession(request: FastifyRequest, reply: FastifyReply, token: string): Promise<string> {
    const session = await sessionByToken(db, token);
    if (!session) throw unauthenticated();
    if (!SAFE_METHODS.has(request.method)) {
      const sent = headerValue(request, CSRF_HEADER);
      if (!sent || !safeEqual(sent, session.csrfToken)) {
        throw new AppError('csrf_failed', `Send the session's CSRF token in the ${CSRF_HEADER} header`);
      }
    }
    request.principal = { kind: 'user', user: session.user, sessionId: session.sessionId, csrfToken: session.csrfToken };
    // Sliding expiry: a session in use is extended, in the database and in the browser.
    if (Date.now() - session.lastSeenAt.getTime() > TOUCH_SESSION_MS) {
      touchSession(db, session.sessionId).catch((err: unknown) => request.log.warn({ err }, 'could not extend session'));
      setSessionCookie(reply, token, new Date(Date.now() + SESSION_DAYS * 86_400_000), options.secureCookies(request));
    }
    return session.user.id;
  }

  async function workspaceOfUser(request: FastifyRequest, userId: string): Promise<void> {
    const requested = headerValue(request, WORKSPACE_HEADER);
    const membership = requested ? await membershipOf(db, userId, requested) : (await workspacesOfUser(db, userId))[0];
    // Not a member and no such workspace look the same from outside.
    if (!membership) throw notFound('Workspace');
    request.workspace = membership;
  }

  app.addHook('onRequest', async (request, reply) => {
    const { auth, permission } = request.routeOptions.config;
    if (!auth || auth === 'public') return;
    const bearer = bearerToken(request);
    const cookie = request.cookies[SESSION_COOKIE];
    if (bearer) {
      if (auth === 'user') throw new AppError('forbidden', 'This endpoint needs a signed-in user, not an API key');
      await fromApiKey(request, bearer);
    } else if (cookie) {
      const userId = await fromSession(request, reply, cookie);
      if (auth === 'workspace') await workspaceOfUser(request, userId);
    } else {
      throw unauthenticated();
    }
    if (permission) requirePermission(request, permission);
  });
}

/**
 * Refuses the request (403) unless the caller's role in its workspace grants the permission: the
 * check a route's `config.permission` makes, for a handler whose body decides what it needs.
 */
export function requirePermission(request: FastifyRequest, permission: Permission): void {
  const role = request.workspace?.role;
  if (!role || !can(role, permission)) {
    throw new AppError('forbidden', `Your role (${role ?? 'none'}) may not do this: it needs the ${permission} permission`);
  }
}
