import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import type { QueryBuilder } from '../../db/database.js';
import { requireUser, requireWorkspace } from '../../http/auth.js';
import { decodeCursor, Page, PageQuery, pageOf } from '../../http/pagination.js';
import { Id, IdParams, RoleName, Timestamp } from '../../http/schemas.js';
import type { Mailer } from '../../mail/mailer.js';
import { MIN_PASSWORD_LENGTH, startSession } from '../accounts/service.js';
import { setSessionCookie } from '../accounts/session-cookie.js';
import { invitationEmail } from './invitation-email.js';
import {
  acceptInvitation,
  declineInvitation,
  invitationByToken,
  invitationsForEmail,
  inviteMember,
  listInvitations,
  redeemInvitation,
  revokeInvitation,
  type Inviter,
} from './invitations.js';

const InvitationSchema = Type.Object({
  id: Type.String(),
  email: Type.String(),
  role: RoleName,
  status: Type.Union([Type.Literal('pending'), Type.Literal('expired')], { description: 'expired: the link no longer works; invite again for a new one' }),
  invited_by: Type.Union([
    Type.Object({ type: Type.Union([Type.Literal('user'), Type.Literal('api_key')]), id: Type.String(), name: Type.String() }),
    Type.Null(),
  ]),
  created_at: Timestamp,
  expires_at: Timestamp,
});

const WorkspaceRef = Type.Object({ id: Type.String(), slug: Type.String(), name: Type.String() });

const ReceivedInvitationSchema = Type.Object({
  id: Type.String(),
  email: Type.String(),
  role: RoleName,
  workspace: WorkspaceRef,
  invited_by_name: Type.Union([Type.String(), Type.Null()]),
  expires_at: Timestamp,
});

const MembershipSchema = Type.Object({ ...WorkspaceRef.properties, created_at: Timestamp, role: RoleName });

const Token = Type.String({ minLength: 1, maxLength: 200, description: 'The token from the invitation’s link (after #token=)' });

// The link's routes are public: a few tries a minute per address is plenty for a person, and
// a token has 256 random bits, so guessing is out of reach anyway.
const PUBLIC_LIMIT = { max: 30, timeWindow: '1 minute' };

export interface InvitationRoutesOptions {
  db: QueryBuilder;
  mailer: Mailer;
  /** PUBLIC_URL: the address links in mail point to; else the one the request came to. */
  publicUrl: string | null;
  secureCookies: (request: FastifyRequest) => boolean;
}

export function invitationRoutes(server: FastifyInstance, { db, mailer, publicUrl, secureCookies }: InvitationRoutesOptions): void {
  const app = server.withTypeProvider<TypeBoxTypeProvider>();

  app.post(
    '/api/v1/members',
    {
      config: { auth: 'workspace', permission: 'members.manage' },
      schema: {
        tags: ['workspaces'],
        summary: 'Invite someone to the workspace by email; they join when they accept',
        description:
          'Mails the address a link to accept. The answer is the same whether or not the address has an Inflow account. ' +
          'Inviting an address with an open invitation refreshes it (new link, role and expiry).',
        body: Type.Object({ email: Type.String({ minLength: 3, maxLength: 320 }), role: RoleName }, { additionalProperties: false }),
        response: { 202: InvitationSchema },
      },
    },
    async (request, reply) => {
      const workspace = requireWorkspace(request);
      const principal = request.principal!;
      const inviter: Inviter = principal.kind === 'user' ? { userId: principal.user.id, keyId: null } : { userId: null, keyId: principal.keyId };
      const { invitation, token } = await inviteMember(db, workspace, inviter, request.body);
      const baseUrl = publicUrl ?? `${request.protocol}://${request.host}`;
      const inviterName = principal.kind === 'user' ? principal.user.name || principal.user.email : null;
      try {
        await mailer.send(invitationEmail({ to: invitation.email, workspaceName: workspace.name, inviterName, role: invitation.role, baseUrl, token }));
      } catch (err) {
        // The invitation stands; inviting the address again sends a new link.
        request.log.error({ err, invitation: invitation.id }, 'could not send the invitation mail');
      }
      return reply.code(202).send(invitation);
    },
  );

  app.get(
    '/api/v1/invitations',
    {
      config: { auth: 'workspace', permission: 'members.manage' },
      schema: {
        tags: ['workspaces'],
        summary: 'Open invitations of the workspace (pending or expired)',
        querystring: PageQuery,
        response: { 200: Page(InvitationSchema) },
      },
    },
    async (request) => {
      const limit = request.query.limit ?? 50;
      const rows = await listInvitations(db, requireWorkspace(request).id, { after: decodeCursor(request.query.cursor)?.id ?? null, limit: limit + 1 });
      return pageOf(rows, limit, (row) => ({ key: '', id: row.id }));
    },
  );

  app.delete(
    '/api/v1/invitations/:id',
    {
      config: { auth: 'workspace', permission: 'members.manage' },
      schema: { tags: ['workspaces'], summary: 'Withdraw an open invitation: its link stops working', params: IdParams, response: { 204: Type.Null() } },
    },
    async (request, reply) => {
      const workspace = requireWorkspace(request);
      await revokeInvitation(db, workspace.id, workspace.role, request.params.id);
      return reply.code(204).send(null);
    },
  );

  app.get(
    '/api/v1/invitations/mine',
    {
      config: { auth: 'user' },
      schema: {
        tags: ['workspaces'],
        summary: 'Invitations waiting for the signed-in user’s email address',
        response: { 200: Page(ReceivedInvitationSchema) },
      },
    },
    async (request) => ({ data: await invitationsForEmail(db, requireUser(request).user.email), next_cursor: null }),
  );

  app.post(
    '/api/v1/invitations/:id/accept',
    {
      config: { auth: 'user' },
      schema: {
        tags: ['workspaces'],
        summary: 'Accept an invitation sent to your address: you become a member',
        params: IdParams,
        response: { 200: MembershipSchema },
      },
    },
    async (request) => acceptInvitation(db, requireUser(request).user, request.params.id),
  );

  app.post(
    '/api/v1/invitations/:id/decline',
    {
      config: { auth: 'user' },
      schema: { tags: ['workspaces'], summary: 'Decline an invitation sent to your address', params: IdParams, response: { 204: Type.Null() } },
    },
    async (request, reply) => {
      await declineInvitation(db, requireUser(request).user, request.params.id);
      return reply.code(204).send(null);
    },
  );

  app.post(
    '/api/v1/invitations/preview',
    {
      config: { auth: 'public', rateLimit: PUBLIC_LIMIT },
      schema: {
        tags: ['workspaces'],
        summary: 'What an invitation link is for (the accept page asks this)',
        description: '`has_account`: whether the address already has an account, in which case its owner signs in to accept.',
        body: Type.Object({ token: Token }, { additionalProperties: false }),
        response: { 200: Type.Object({ ...ReceivedInvitationSchema.properties, has_account: Type.Boolean() }) },
      },
    },
    async (request) => invitationByToken(db, request.body.token),
  );

  app.post(
    '/api/v1/invitations/redeem',
    {
      config: { auth: 'public', rateLimit: PUBLIC_LIMIT },
      schema: {
        tags: ['workspaces'],
        summary: 'Accept an invitation by its link without an account: creates the account and signs in',
        body: Type.Object(
          {
            token: Token,
            name: Type.String({ minLength: 1, maxLength: 200 }),
            password: Type.String({ minLength: MIN_PASSWORD_LENGTH, maxLength: 1024 }),
          },
          { additionalProperties: false },
        ),
        response: { 201: Type.Object({ user: Type.Object({ id: Id, email: Type.String(), name: Type.String() }), workspace: MembershipSchema }) },
      },
    },
    async (request, reply) => {
      const { user, membership } = await redeemInvitation(db, request.body.token, request.body);
      const session = await startSession(db, user.id, { ip: request.ip, userAgent: request.headers['user-agent'] ?? null });
      setSessionCookie(reply, session.token, session.expiresAt, secureCookies(request));
      return reply.code(201).send({ user, workspace: membership });
    },
  );
}
