// The account and workspace shapes of the API, named from the generated schema.
import type { ItemOf, ResponseOf } from './schema-types';

/** What POST /api/auth/login and GET /api/auth/me return. */
export type Session = ResponseOf<'/api/auth/me', 'get'>;
export type User = Session['user'];
/** A workspace of the signed-in user, with their role and what it lets them do there. */
export type SessionWorkspace = Session['workspaces'][number];
export type Role = SessionWorkspace['role'];
export type Permission = SessionWorkspace['permissions'][number];

export type Workspace = ResponseOf<'/api/v1/workspace', 'get'>;
export type Member = ItemOf<'/api/v1/members', 'get'>;
export type RoleInfo = ItemOf<'/api/v1/roles', 'get'>;
export type ApiKey = ItemOf<'/api/v1/api-keys', 'get'>;
/** Returned once, on creation: the only time the full key is visible. */
export type NewApiKey = ResponseOf<'/api/v1/api-keys', 'post'>;
/** An open invitation of the workspace, as its admins see it. */
export type Invitation = ItemOf<'/api/v1/invitations', 'get'>;
/** An invitation addressed to the signed-in user. */
export type ReceivedInvitation = ItemOf<'/api/v1/invitations/mine', 'get'>;
/** What the emailed link's page learns of its invitation. */
export type InvitationPreview = ResponseOf<'/api/v1/invitations/preview', 'post'>;
