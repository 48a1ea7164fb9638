import { sql, type ExpressionBuilder, type Kysely } from 'kysely';
import { isId, newId } from '../../db/ids.js';
import type { Invitation, Role, Tables } from '../../db/schema.js';
import { AppError, conflict, forbidden, invalid, notFound } from '../../errors.js';
import { isPlausibleEmail, normaliseLoginEmail } from '../accounts/email.js';
import { createUser, publicUsersByIds, usersByEmail, type PublicUser } from '../accounts/service.js';
import { randomToken, sha256 } from '../accounts/tokens.js';
import type { Executor } from '../../db/database.js';
import { mayAssignRole } from './roles.js';
import { ensureMembership, type MembershipView } from './service.js';

import { INVITATION_DAYS } from './invitation-email.js';

/** Who sent an invitation: a member (by user id) or one of the workspace's API keys. */
export type Inviter = { userId: string; keyId: null } | { userId: null; keyId: string };

/** An invitation as the workspace's admins see it. */
export interface InvitationView {
  id: string;
  email: string;
  role: Role;
  status: 'pending' | 'expired';
  invited_by: { type: 'user' | 'api_key'; id: string; name: string } | null;
  created_at: Date;
  expires_at: Date;
}

/** An invitation as the invitee sees it: which workspace, from whom, as what. */
export interface ReceivedInvitationView {
  id: string;
  email: string;
  role: Role;
  workspace: { id: string; slug: string; name: string };
  invited_by_name: string | null;
  expires_at: Date;
}

/** Not answered nor withdrawn, expired or not: the rows the partial unique index keeps one of per address. */
const isOpen = (eb: ExpressionBuilder<Tables, 'invitations'>) =>
  eb.and([eb('accepted_at', 'is', null), eb('declined_at', 'is', null), eb('revoked_at', 'is', null)]);

/** Answered once the invitation stopped being usable: the invitee learns why, nobody else. */
function unusable(invitation: Pick<Invitation, 'accepted_at' | 'declined_at' | 'revoked_at' | 'expires_at'>, now = new Date()): AppError | null {
  if (invitation.accepted_at) return new AppError('gone', 'This invitation was already accepted');
  if (invitation.revoked_at) return new AppError('gone', 'This invitation was withdrawn by the workspace');
  if (invitation.declined_at) return new AppError('gone', 'This invitation was declined');
  if (invitation.expires_at <= now) return new AppError('gone', `This invitation expired: invitations last ${INVITATION_DAYS} days, ask for a new one`);
  return null;
}

function checkedEmail(email: string): string {
  const normalised = normaliseLoginEmail(email);
  if (!isPlausibleEmail(normalised)) throw invalid('The email address is not valid', [{ field: 'email', message: 'is not a valid email address' }]);
  return normalised;
}

/** The names of who sent these invitations: members' names, API keys' names; one query each. */
async function inviterNames(db: Executor, workspaceId: string, rows: readonly Invitation[]): Promise<Map<string, string>> {
  const userIds = [...new Set(rows.flatMap((r) => (r.invited_by_user ? [r.invited_by_user] : [])))];
  const keyIds = [...new Set(rows.flatMap((r) => (r.invited_by_key ? [r.invited_by_key] : [])))];
  const names = new Map<string, string>();
  for (const user of await publicUsersByIds(db, userIds)) names.set(user.id, user.name || user.email);
  if (keyIds.length > 0) {
    const keys = await db.selectFrom('api_keys').select(['id', 'name']).where('workspace_id', '=', workspaceId).where('id', 'in', keyIds).execute();
    for (const key of keys) names.set(key.id, key.name);
  }
  return names;
}

async function views(db: Executor, workspaceId: string, rows: readonly Invitation[]): Promise<InvitationView[]> {
  const names = await inviterNames(db, workspaceId, rows);
  const now = new Date();
  return rows.map((row) => {
    const inviterId = row.invited_by_user ?? row.invited_by_key;
    return {
      id: row.id,
      email: row.email,
      role: row.role,
      status: row.expires_at <= now ? 'expired' : 'pending',
      invited_by: inviterId ? { type: row.invited_by_user ? 'user' : 'api_key', id: inviterId, name: names.get(inviterId) ?? '' } : null,
      created_at: row.created_at,
      expires_at: row.expires_at,
    };
  });
}

/**
 * Invites an address to the workspace, or refreshes its pending invitation (new link, new role,
 * another week). Whether the address has an account changes nothing in the answer: the token
 * goes to the address only, and the invitee says yes. Returns the token for the caller to mail.
 */
export async function inviteMember(
  db: Kysely<Tables>,
  workspace: { id: string; role: Role },
  inviter: Inviter,
  input: { email: string; role: Role },
): Promise<{ invitation: InvitationView; token: string }> {
  const email = checkedEmail(input.email);
  if (!mayAssignRole(workspace.role, null, input.role)) throw forbidden(`Your role (${workspace.role}) may not invite a user as ${input.role}`);
  const token = randomToken();
  const row = await db.transaction().execute(async (tx) => {
    // The members are on the admin's own list already: saying this one is one reveals nothing.
    const [user] = await usersByEmail(tx, [email]);
    if (user) {
      const member = await tx.selectFrom('memberships').select('user_id').where('workspace_id', '=', workspace.id).where('user_id', '=', user.id).executeTakeFirst();
      if (member) throw conflict('This person is already a member of the workspace', [{ field: 'email', message: 'is already a member' }]);
    }
    const current = await tx
      .selectFrom('invitations')
      .select('role')
      .where('workspace_id', '=', workspace.id)
      .where('email', '=', email)
      .where(isOpen)
      .executeTakeFirst();
    if (current && !mayAssignRole(workspace.role, current.role, input.role)) {
      throw forbidden(`Your role (${workspace.role}) may not change an invitation as ${current.role}`);
    }
    const expiresAt = sql<Date>`now() + ${INVITATION_DAYS} * interval '1 day'`;
    const fresh = {
      role: input.role,
      invited_by_user: inviter.userId,
      invited_by_key: inviter.keyId,
      token_hash: sha256(token),
      expires_at: expiresAt,
    };
    return tx
      .insertInto('invitations')
      .values({ workspace_id: workspace.id, id: newId(), email, ...fresh })
      .onConflict((oc) =>
        oc
          .columns(['workspace_id', 'email'])
          .where(isOpen)
          .doUpdateSet(fresh),
      )
      .returningAll()
      .executeTakeFirstOrThrow();
  });
  const [invitation] = await views(db, workspace.id, [row]);
  return { invitation: invitation!, token };
}

/** The workspace's open invitations (pending or expired, not answered or withdrawn), by id. */
export async function listInvitations(db: Executor, workspaceId: string, page: { after: string | null; limit: number }): Promise<InvitationView[]> {
  let query = db
    .selectFrom('invitations')
    .selectAll()
    .where('workspace_id', '=', workspaceId)
    .where(isOpen)
    .orderBy('id')
    .limit(page.limit);
  if (page.after) query = query.where('id', '>', page.after);
  return views(db, workspaceId, await query.execute());
}

/** Withdraws an open invitation: its link stops working at once. */
export async function revokeInvitation(db: Kysely<Tables>, workspaceId: string, actorRole: Role, id: string): Promise<void> {
  if (!isId(id)) throw notFound('Invitation');
  await db.transaction().execute(async (tx) => {
    const row = await tx
      .selectFrom('invitations')
      .select('role')
      .where('workspace_id', '=', workspaceId)
      .where('id', '=', id)
      .where(isOpen)
      .forUpdate()
      .executeTakeFirst();
    if (!row) throw notFound('Invitation');
    if (!mayAssignRole(actorRole, row.role, null)) throw forbidden(`Your role (${actorRole}) may not withdraw an invitation as ${row.role}`);
    await tx.updateTable('invitations').set({ revoked_at: sql`now()` }).where('workspace_id', '=', workspaceId).where('id', '=', id).execute();
  });
}

async function received(db: Executor, rows: readonly Invitation[]): Promise<ReceivedInvitationView[]> {
  if (rows.length === 0) return [];
  const workspaces = new Map(
    (await db.selectFrom('workspaces').select(['id', 'slug', 'name']).where('id', 'in', [...new Set(rows.map((r) => r.workspace_id))]).execute()).map((w) => [w.id, w]),
  );
  const users = new Map((await publicUsersByIds(db, rows.flatMap((r) => (r.invited_by_user ? [r.invited_by_user] : [])))).map((u) => [u.id, u]));
  return rows.flatMap((row) => {
    const workspace = workspaces.get(row.workspace_id);
    if (!workspace) return [];
    const inviter = row.invited_by_user ? users.get(row.invited_by_user) : undefined;
    return [{ id: row.id, email: row.email, role: row.role, workspace, invited_by_name: inviter ? inviter.name || inviter.email : null, expires_at: row.expires_at }];
  });
}

/** The invitations waiting for this address (a signed-in user's own), newest first. */
export async function invitationsForEmail(db: Executor, email: string): Promise<ReceivedInvitationView[]> {
  const rows = await db
    .selectFrom('invitations')
    .selectAll()
    .where('email', '=', normaliseLoginEmail(email))
    .where(isOpen)
    .where('expires_at', '>', sql<Date>`now()`)
    .orderBy('id', 'desc')
    .limit(100)
    .execute();
  return received(db, rows);
}

/**
 * The role check again, at accept time: the inviter must still be able to give the role (an
 * admin demoted since, a member removed, a key revoked: the invitation no longer stands).
 */
async function inviterMayStillGrant(tx: Executor, invitation: Invitation): Promise<boolean> {
  let role: Role | undefined;
  if (invitation.invited_by_user) {
    role = (
      await tx.selectFrom('memberships').select('role').where('workspace_id', '=', invitation.workspace_id).where('user_id', '=', invitation.invited_by_user).executeTakeFirst()
    )?.role;
  } else if (invitation.invited_by_key) {
    role = (
      await tx
        .selectFrom('api_keys')
        .select('role')
        .where('workspace_id', '=', invitation.workspace_id)
        .where('id', '=', invitation.invited_by_key)
        .where('revoked_at', 'is', null)
        .executeTakeFirst()
    )?.role;
  }
  return role !== undefined && mayAssignRole(role, null, invitation.role);
}

/** Makes the user a member as the invitation says, and closes it; the invitation row is locked. */
async function join(tx: Executor, invitation: Invitation, userId: string): Promise<MembershipView> {
  const refused = unusable(invitation);
  if (refused) throw refused;
  if (!(await inviterMayStillGrant(tx, invitation))) {
    throw forbidden(`Whoever invited you may no longer give the ${invitation.role} role: ask the workspace for a new invitation`);
  }
  const membership = await ensureMembership(tx, invitation.workspace_id, userId, invitation.role);
  await tx
    .updateTable('invitations')
    .set({ accepted_at: sql`now()`, accepted_by: userId })
    .where('workspace_id', '=', invitation.workspace_id)
    .where('id', '=', invitation.id)
    .execute();
  const workspace = await tx.selectFrom('workspaces').select(['id', 'slug', 'name', 'created_at']).where('id', '=', invitation.workspace_id).executeTakeFirstOrThrow();
  return { ...workspace, role: membership.role };
}

/** One of the user's own invitations, locked; someone else's is not found (same answer as none). */
async function ownInvitation(tx: Executor, user: PublicUser, id: string): Promise<Invitation> {
  if (!isId(id)) throw notFound('Invitation');
  const row = await tx.selectFrom('invitations').selectAll().where('email', '=', normaliseLoginEmail(user.email)).where('id', '=', id).forUpdate().executeTakeFirst();
  if (!row) throw notFound('Invitation');
  return row;
}

/** A signed-in user accepts an invitation sent to their address. */
export function acceptInvitation(db: Kysely<Tables>, user: PublicUser, id: string): Promise<MembershipView> {
  return db.transaction().execute(async (tx) => join(tx, await ownInvitation(tx, user, id), user.id));
}

/** A signed-in user says no; the workspace's admins no longer see it as open. */
export async function declineInvitation(db: Kysely<Tables>, user: PublicUser, id: string): Promise<void> {
  await db.transaction().execute(async (tx) => {
    const invitation = await ownInvitation(tx, user, id);
    const refused = unusable(invitation);
    if (refused) throw refused;
    await tx.updateTable('invitations').set({ declined_at: sql`now()` }).where('workspace_id', '=', invitation.workspace_id).where('id', '=', id).execute();
  });
}

async function byToken(tx: Executor, token: string, lock: boolean): Promise<Invitation> {
  let query = tx.selectFrom('invitations').selectAll().where('token_hash', '=', sha256(token));
  if (lock) query = query.forUpdate();
  const row = await query.executeTakeFirst();
  // A refreshed invitation has a new token: the old link is simply unknown.
  if (!row) throw notFound('Invitation');
  return row;
}

/**
 * What the emailed link's page shows. Whether the address has an account is told to the holder
 * of the link only, who owns the address: they must sign in rather than make a second account.
 */
export async function invitationByToken(db: Executor, token: string): Promise<ReceivedInvitationView & { has_account: boolean }> {
  const row = await byToken(db, token, false);
  const refused = unusable(row);
  if (refused) throw refused;
  const [view] = await received(db, [row]);
  if (!view) throw notFound('Invitation');
  const [user] = await usersByEmail(db, [row.email]);
  return { ...view, has_account: user !== undefined };
}

/**
 * Someone without an account accepts through the link: they choose their name and password, and
 * the account and the membership are made together (or neither is). The token works once.
 */
export async function redeemInvitation(
  db: Kysely<Tables>,
  token: string,
  input: { name: string; password: string },
): Promise<{ user: PublicUser; membership: MembershipView }> {
  const name = input.name.trim();
  if (!name) throw invalid('Your name is empty', [{ field: 'name', message: 'is required' }]);
  return db.transaction().execute(async (tx) => {
    const invitation = await byToken(tx, token, true);
    const refused = unusable(invitation);
    if (refused) throw refused;
    const [existing] = await usersByEmail(tx, [invitation.email]);
    if (existing) throw conflict('An account with this email already exists: sign in with it to accept the invitation', [{ field: 'email', message: 'has an account' }]);
    const user = await createUser(tx, { email: invitation.email, password: input.password, name });
    const membership = await join(tx, invitation, user.id);
    return { user: { id: user.id, email: user.email, name: user.name }, membership };
  });
}
