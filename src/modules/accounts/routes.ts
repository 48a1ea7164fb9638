import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import type { Db } from '../../db/database.js';
import { AppError } from '../../errors.js';
import { requireUser, SESSION_COOKIE } from '../../http/auth.js';
import { RateLimiter } from '../../http/rate-limit.js';
import { RoleName, Timestamp } from '../../http/schemas.js';
import { workspacesOfUser } from '../workspaces/service.js';
import { endSession, publicUser, startSession, verifyCredentials, type PublicUser } from './service.js';

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
    Type.Object({ id: Type.String(), slug: Type.String(), name: Type.String(), role: RoleName, created_at: Timestamp }),
  ),
});

// Failures only: per address (guessing one account's password) and per IP (spraying many).
const failuresByAccount = new RateLimiter(10, 15 * 60_000);
const failuresByIp = new RateLimiter(50, 15 * 60_000);

export interface AccountRoutesOptions {
  db: Db;
  secureCookies: (request: FastifyRequest) => boolean;
}

export function accountRoutes(server: FastifyInstance, { db, secureCookies }: AccountRoutesOptions): void {
  const app = server.withTypeProvider<TypeBoxTypeProvider>();
  async function sessionInfo(user: PublicUser, csrfToken: string) {
    return { user, csrf_token: csrfToken, workspaces: await workspacesOfUser(db, user.id) };
  }

  function setSessionCookie(request: FastifyRequest, reply: FastifyReply, token: string, expires: Date): void {
    reply.setCookie(SESSION_COOKIE, token, {
      path: '/',
      httpOnly: true,
      sameSite: 'lax',
      secure: secureCookies(request),
      expires,
    });
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
      const accountKey = `${request.ip}|${email.trim().toLowerCase()}`;
      const wait = Math.max(failuresByAccount.retryAfter(accountKey), failuresByIp.retryAfter(request.ip));
      if (wait > 0) {
        throw new AppError('rate_limited', `Too many failed sign-ins; try again in ${wait} seconds`, [], { 'retry-after': String(wait) });
      }
      const user = await verifyCredentials(db, email, password);
      if (!user) {
        failuresByAccount.hit(accountKey);
        failuresByIp.hit(request.ip);
        throw new AppError('unauthenticated', 'Wrong email or password');
      }
      failuresByAccount.reset(accountKey);
      const session = await startSession(db, user.id, { ip: request.ip, userAgent: request.headers['user-agent'] ?? null });
      setSessionCookie(request, reply, session.token, session.expiresAt);
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
    '/api/auth/logout',
    { config: { auth: 'user' }, schema: { tags: ['auth'], summary: 'End the session', response: { 204: Type.Null() } } },
    async (request, reply) => {
      await endSession(db, requireUser(request).sessionId);
      reply.clearCookie(SESSION_COOKIE, { path: '/' });
      return reply.code(204).send(null);
    },
  );
}
