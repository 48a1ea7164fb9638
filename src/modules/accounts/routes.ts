import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import type { QueryBuilder } from '../../db/database.js';
import { AppError } from '../../errors.js';
import { requireUser } from '../../http/auth.js';
import { SignInThrottle } from './sign-in-throttle.js';
import { PermissionName, RoleName, Timestamp } from '../../http/schemas.js';
import type { ProvidedServices } from '../module.js';
import {
  changePassword,
  endSession,
  MIN_PASSWORD_LENGTH,
  publicUser,
  startSession,
  verifyCredentials,
  type PublicUser,
} from './service.js';
import { SESSION_COOKIE, setSessionCookie } from './session-cookie.js';

const Credentials = Type.Object(
  {
    email: Type.String({ minLength: 1, maxLength: 320 }),
    password: Type.String({ minLength: 1, maxLength: 1024 }),
  },
  { additionalProperties: false },
);

const SessionInfo = Type.Object({
  user: Type.Object({ id: Type.String(), email: Type.String(), name: Type.String() }),
  csrf_token: Type.String(),
  workspaces: Type.Array(
    Type.Object({
      id: Type.String(),
      slug: Type.String(),
      name: Type.String(),
      role: RoleName,
      created_at: Timestamp,
      permissions: Type.Array(PermissionName, { description: 'What your role lets you do here' }),
      grantable_roles: Type.Array(RoleName, { description: 'Roles you may give users and API keys here (none without members.manage)' }),
    }),
  ),
});

// Failures only; the policy is in sign-in-throttle.ts (and docs/api.md).
const signIns = new SignInThrottle();

export interface AccountRoutesOptions {
  db: QueryBuilder;
  secureCookies: (request: FastifyRequest) => boolean;
  /** The workspaces module's answer (it sits above accounts, so it is handed in through the registry). */
  workspacesOfUser: ProvidedServices['workspacesOfUser'];
}

export function accountRoutes(server: FastifyInstance, { db, secureCookies, workspacesOfUser }: AccountRoutesOptions): void {
  const app = server.withTypeProvider<TypeBoxTypeProvider>();
  async function sessionInfo(user: PublicUser, csrfToken: string) {
    return { user, csrf_token: csrfToken, workspaces: await workspacesOfUser(db, user.id) };
  }

  app.post(
    '/api/auth/login',
    {
      config: { auth: 'public' },
      schema: {
        tags: ['auth'],
        summary: 'Sign in with email and password; sets the session cookie',
        body: Credentials,
        response: { 200: SessionInfo },
      },
    },
    async (request, reply) => {
      const { email, password } = request.body;
      const account = email.trim().toLowerCase();
      const wait = await signIns.admit(request.ip, account);
      if (wait > 0) {
        throw new AppError('rate_limited', `Too many failed sign-ins; try again in ${wait} seconds`, [], { 'retry-after': String(wait) });
      }
      const user = await verifyCredentials(db, email, password);
      if (!user) {
        signIns.failed(request.ip, account);
        throw new AppError('unauthenticated', 'Wrong email or password');
      }
      signIns.succeeded(request.ip, account);
      const session = await startSession(db, user.id, { ip: request.ip, userAgent: request.headers['user-agent'] ?? null });
      setSessionCookie(reply, session.token, session.expiresAt, secureCookies(request));
      return sessionInfo(publicUser(user), session.csrfToken);
    },
  );

  app.get(
    '/api/auth/me',
    {
      config: { auth: 'user' },
      schema: { tags: ['auth'], summary: 'The signed-in user, their CSRF token and workspaces', response: { 200: SessionInfo } },
    },
    async (request) => {
      const principal = requireUser(request);
      return sessionInfo(principal.user, principal.csrfToken);
    },
  );

  app.post(
    '/api/auth/password',
    {
      config: { auth: 'user' },
      schema: {
        tags: ['auth'],
        summary: 'Change your password; signs out your other sessions',
        body: Type.Object(
          {
            current_password: Type.String({ minLength: 1, maxLength: 1024 }),
            new_password: Type.String({ minLength: MIN_PASSWORD_LENGTH, maxLength: 1024 }),
          },
          { additionalProperties: false },
        ),
        response: { 204: Type.Null() },
      },
    },
    async (request, reply) => {
      const principal = requireUser(request);
      // A borrowed session must not become a way to guess the password: same limits as sign-in.
      const wait = await signIns.admit(request.ip, principal.user.email);
      if (wait > 0) throw new AppError('rate_limited', `Too many wrong passwords; try again in ${wait} seconds`, [], { 'retry-after': String(wait) });
      const user = await verifyCredentials(db, principal.user.email, request.body.current_password);
      if (!user) {
        signIns.failed(request.ip, principal.user.email);
        throw new AppError('invalid_input', 'The current password is wrong', [
          { field: 'current_password', in: 'body', message: 'is not your current password' },
        ]);
      }
      await changePassword(db, user.id, request.body.new_password, principal.sessionId);
      return reply.code(204).send(null);
    },
  );

  app.post(
    '/api/auth/logout',
    { config: { auth: 'user' }, schema: { tags: ['auth'], summary: 'End the session', response: { 204: Type.Null() } } },
    async (request, reply) => {
      await endSession(db, requireUser(request).sessionId);
      reply.clearCookie(SESSION_COOKIE, { path: '/' });
      return reply.code(204).send(null);
    },
  );
}
