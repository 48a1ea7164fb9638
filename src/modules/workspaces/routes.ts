import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import type { QueryBuilder } from '../../db/database.js';
import { requireUser, requireWorkspace } from '../../http/auth.js';
import { decodeCursor, Page, PageQuery, pageOf } from '../../http/pagination.js';
import { Id, IdParams, NullableTimestamp, PermissionName, RoleName, Timestamp } from '../../http/schemas.js';
import { createApiKey, listApiKeys, revokeApiKey } from './api-keys.js';
import { PERMISSION_DESCRIPTIONS, permissionsOf, ROLE_DESCRIPTIONS, ROLES } from './roles.js';
import {
  changeMemberRole,
  createWorkspace,
  listMembers,
  removeMember,
  renameWorkspace,
  updateWorkspaceSettings,
  workspaceSettings,
  workspacesOfUser,
} from './service.js';
import { SLUG_PATTERN } from './slug.js';

const WorkspaceSchema = Type.Object({ id: Type.String(), slug: Type.String(), name: Type.String(), created_at: Timestamp });
const MembershipSchema = Type.Object({ ...WorkspaceSchema.properties, role: RoleName });
const TruncateIps = Type.Boolean({ description: 'Keep only the network part of visitors’ IP addresses (/24 of IPv4, /48 of IPv6) in form submissions and spam' });
const SettingsSchema = Type.Object({ truncate_ips: TruncateIps });
const Name = Type.String({ minLength: 1, maxLength: 200 });

const MemberSchema = Type.Object({
  user_id: Type.String(),
  email: Type.String(),
  name: Type.String(),
  role: RoleName,
  created_at: Timestamp,
});

const ApiKeySchema = Type.Object({
  id: Type.String(),
  name: Type.String(),
  prefix: Type.String({ description: 'The first characters of the key, to recognise it' }),
  role: RoleName,
  created_by: Type.Union([Type.String(), Type.Null()]),
  created_at: Timestamp,
  last_used_at: NullableTimestamp,
  revoked_at: NullableTimestamp,
});

const RoleSchema = Type.Object({
  role: RoleName,
  description: Type.String(),
  permissions: Type.Array(Type.Object({ name: PermissionName, description: Type.String() })),
});

const UserIdParams = Type.Object({ userId: Id }, { additionalProperties: false });

export function workspaceRoutes(server: FastifyInstance, { db }: { db: QueryBuilder }): void {
  const app = server.withTypeProvider<TypeBoxTypeProvider>();

  app.get(
    '/api/v1/workspaces',
    {
      config: { auth: 'account' },
      schema: {
        tags: ['workspaces'],
        summary: 'Workspaces you can use: your memberships, or the API key’s own workspace',
        response: { 200: Page(MembershipSchema) },
      },
    },
    async (request) => {
      const principal = request.principal!;
      if (principal.kind === 'api_key') return { data: [principal.workspace], next_cursor: null };
      return { data: await workspacesOfUser(db, principal.user.id), next_cursor: null };
    },
  );

  app.post(
    '/api/v1/workspaces',
    {
      config: { auth: 'user' },
      schema: {
        tags: ['workspaces'],
        summary: 'Create a workspace; you become its owner',
        body: Type.Object({ name: Name, slug: Type.String({ pattern: SLUG_PATTERN }) }, { additionalProperties: false }),
        response: { 201: MembershipSchema },
      },
    },
    async (request, reply) => {
      const user = requireUser(request).user;
      const workspace = await createWorkspace(db, request.body, user.id);
      return reply.code(201).send({ id: workspace.id, slug: workspace.slug, name: workspace.name, created_at: workspace.created_at, role: 'owner' as const });
    },
  );

  app.get(
    '/api/v1/workspace',
    {
      config: { auth: 'workspace' },
      schema: { tags: ['workspaces'], summary: 'The current workspace', response: { 200: MembershipSchema } },
    },
    async (request) => requireWorkspace(request),
  );

  app.patch(
    '/api/v1/workspace',
    {
      config: { auth: 'workspace', permission: 'workspace.manage' },
      schema: {
        tags: ['workspaces'],
        summary: 'Rename the current workspace',
        body: Type.Object({ name: Name }, { additionalProperties: false }),
        response: { 200: MembershipSchema },
      },
    },
    async (request) => {
      const workspace = requireWorkspace(request);
      return { ...(await renameWorkspace(db, workspace.id, request.body.name)), role: workspace.role };
    },
  );

  // Apart from GET /api/v1/workspace, which answers from the request's context without a query.
  app.get(
    '/api/v1/workspace/settings',
    {
      config: { auth: 'workspace', permission: 'workspace.read' },
      schema: { tags: ['workspaces'], summary: 'The current workspace’s settings', response: { 200: SettingsSchema } },
    },
    async (request) => {
      const { truncate_ips } = (await workspaceSettings(db, requireWorkspace(request).id))!;
      return { truncate_ips };
    },
  );

  app.patch(
    '/api/v1/workspace/settings',
    {
      config: { auth: 'workspace', permission: 'workspace.manage' },
      schema: {
        tags: ['workspaces'],
        summary: 'Change the current workspace’s settings',
        body: Type.Object({ truncate_ips: Type.Optional(TruncateIps) }, { additionalProperties: false, minProperties: 1 }),
        response: { 200: SettingsSchema },
      },
    },
    async (request) => updateWorkspaceSettings(db, requireWorkspace(request).id, request.body),
  );

  app.get(
    '/api/v1/roles',
    {
      config: { auth: 'workspace' },
      schema: { tags: ['workspaces'], summary: 'The roles and what each may do', response: { 200: Page(RoleSchema) } },
    },
    async () => ({
      data: ROLES.map((role) => ({
        role,
        description: ROLE_DESCRIPTIONS[role],
        permissions: permissionsOf(role).map((name) => ({ name, description: PERMISSION_DESCRIPTIONS[name] })),
      })),
      next_cursor: null,
    }),
  );

  app.get(
    '/api/v1/members',
    {
      config: { auth: 'workspace' },
      schema: { tags: ['workspaces'], summary: 'Users of the workspace', querystring: PageQuery, response: { 200: Page(MemberSchema) } },
    },
    async (request) => {
      const limit = request.query.limit ?? 50;
      const rows = await listMembers(db, requireWorkspace(request).id, { after: decodeCursor(request.query.cursor)?.id ?? null, limit: limit + 1 });
      return pageOf(rows, limit, (row) => ({ key: '', id: row.user_id }));
    },
  );

  app.patch(
    '/api/v1/members/:userId',
    {
      config: { auth: 'workspace', permission: 'members.manage' },
      schema: {
        tags: ['workspaces'],
        summary: 'Change a member’s role',
        params: UserIdParams,
        body: Type.Object({ role: RoleName }, { additionalProperties: false }),
        response: { 200: MemberSchema },
      },
    },
    async (request) => {
      const workspace = requireWorkspace(request);
      return changeMemberRole(db, workspace.id, workspace.role, request.params.userId, request.body.role);
    },
  );

  app.delete(
    '/api/v1/members/:userId',
    {
      config: { auth: 'workspace', permission: 'members.manage' },
      schema: { tags: ['workspaces'], summary: 'Remove a member from the workspace', params: UserIdParams, response: { 204: Type.Null() } },
    },
    async (request, reply) => {
      const workspace = requireWorkspace(request);
      await removeMember(db, workspace.id, workspace.role, request.params.userId);
      return reply.code(204).send(null);
    },
  );

  app.get(
    '/api/v1/api-keys',
    {
      config: { auth: 'workspace', permission: 'api_keys.manage' },
      schema: { tags: ['api keys'], summary: 'API keys of the workspace (never the keys themselves)', querystring: PageQuery, response: { 200: Page(ApiKeySchema) } },
    },
    async (request) => {
      const limit = request.query.limit ?? 50;
      const rows = await listApiKeys(db, requireWorkspace(request).id, { after: decodeCursor(request.query.cursor)?.id ?? null, limit: limit + 1 });
      return pageOf(rows, limit, (row) => ({ key: '', id: row.id }));
    },
  );

  app.post(
    '/api/v1/api-keys',
    {
      config: { auth: 'workspace', permission: 'api_keys.manage' },
      schema: {
        tags: ['api keys'],
        summary: 'Create an API key; the key is in this response only',
        body: Type.Object({ name: Name, role: RoleName }, { additionalProperties: false }),
        response: { 201: Type.Object({ ...ApiKeySchema.properties, key: Type.String() }) },
      },
    },
    async (request, reply) => {
      const workspace = requireWorkspace(request);
      const principal = request.principal!;
      const { key, apiKey } = await createApiKey(db, workspace.id, {
        ...request.body,
        createdBy: principal.kind === 'user' ? principal.user.id : null,
        actorRole: workspace.role,
      });
      return reply.code(201).send({ ...apiKey, key });
    },
  );

  app.delete(
    '/api/v1/api-keys/:id',
    {
      config: { auth: 'workspace', permission: 'api_keys.manage' },
      schema: { tags: ['api keys'], summary: 'Revoke an API key', params: IdParams, response: { 204: Type.Null() } },
    },
    async (request, reply) => {
      const workspace = requireWorkspace(request);
      await revokeApiKey(db, workspace.id, request.params.id, workspace.role);
      return reply.code(204).send(null);
    },
  );
}
