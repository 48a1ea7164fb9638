import type {} from '@fastify/cookie';
import type { FastifyRequest } from 'fastify';
import type { Permission, Role } from '../access.js';
import type { Actor } from '../actor.js';
import { AppError } from '../errors.js';

/**
 * Who is calling, as every route sees it. The workspaces module fills it in (its
 * authentication hook, from a session or an API key); routes only read it through these.
 *
 * public: anyone. user: a dashboard session. account: a session or an API key.
 * workspace: a session with a membership in the requested workspace, or that workspace's key.
 */
export type AuthMode = 'public' | 'user' | 'account' | 'workspace';

export interface SignedInUser {
  id: string;
  email: string;
  name: string;
}

export type Principal =
  | { kind: 'user'; user: SignedInUser; sessionId: string; csrfToken: string }
  | { kind: 'api_key'; keyId: string; role: Role; workspace: WorkspaceContext };

export interface WorkspaceContext {
  id: string;
  slug: string;
  name: string;
  created_at: Date;
  role: Role;
}

declare module 'fastify' {
  interface FastifyContextConfig {
    auth?: AuthMode;
    permission?: Permission;
  }
  interface FastifyRequest {
    principal: Principal | null;
    workspace: WorkspaceContext | null;
  }
}

export const CSRF_HEADER = 'x-csrf-token';
export const WORKSPACE_HEADER = 'x-inflow-workspace';

// One message for every credential failure: no hint whether the key, cookie or user was wrong.
export const unauthenticated = () =>
  new AppError('unauthenticated', 'Missing or invalid credentials', [], { 'www-authenticate': 'Bearer realm="inflow"' });

/** The request must carry a session; API keys are not enough. */
export function requireUser(request: FastifyRequest): Extract<Principal, { kind: 'user' }> {
  if (request.principal?.kind !== 'user') throw new AppError('forbidden', 'This endpoint needs a signed-in user, not an API key');
  return request.principal;
}

/** Who is acting, for timelines and audit: the signed-in user or the API key. */
export function actorOf(request: FastifyRequest): Actor {
  const principal = request.principal;
  if (principal?.kind === 'user') return { type: 'user', id: principal.user.id };
  if (principal?.kind === 'api_key') return { type: 'api_key', id: principal.keyId };
  return { type: 'system', id: null };
}

export function requireWorkspace(request: FastifyRequest): WorkspaceContext {
  if (!request.workspace) throw unauthenticated();
  return request.workspace;
}
