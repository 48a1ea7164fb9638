import { sql, type Kysely } from 'kysely';
import { isId, newId } from '../../db/ids.js';
import type { Tables, Role, Workspace } from '../../db/schema.js';
import { AppError, conflict, forbidden, invalid, notFound } from '../../errors.js';
import { publicUsersByIds } from '../accounts/service.js';
import { randomToken } from '../accounts/tokens.js';
import { afterAuthChangeCommitted, announceAuthChange } from './auth-changes.js';
import { grantsOf, mayAssignRole } from './roles.js';
import { isSlug } from './slug.js';
import type { Executor } from '../../db/database.js';

export interface WorkspaceView {
  id: string;
  slug: string;
  name: string;
  created_at: Date;
}

export interface MembershipView extends WorkspaceView {
  role: Role;
}

export interface MemberView {
  user_id: string;
  email: string;
  name: string;
  role: Role;
  created_at: Date;
}

const workspaceColumns = ['workspaces.id', 'workspaces.slug', 'workspaces.name', 'workspaces.created_at'] as const;

/** Inserts a workspace (and its first owner) in the caller's transaction. */
export async function insertWorkspace(
  tx: Executor,
  input: { slug: string; name: string },
  ownerUserId: string | null,
): Promise<Workspace> {
  const slug = input.slug.trim();
  const name = input.name.trim();
  if (!isSlug(slug)) throw invalid('The slug is not valid', [{ field: 'slug', message: 'may only contain lower-case letters, digits and dashes' }]);
  if (!name) throw invalid('The name is empty', [{ field: 'name', message: 'is required' }]);
  const workspace = await tx
    .insertInto('workspaces')
    .values({ id: newId(), slug, name, secret: randomToken(32) })
    .onConflict((oc) => oc.column('slug').doNothing())
    .returningAll()
    .executeTakeFirst();
  if (!workspace) throw conflict('A workspace with this slug already exists', [{ field: 'slug', message: 'is already taken' }]);
  if (ownerUserId) {
    await tx.insertInto('memberships').values({ workspace_id: workspace.id, user_id: ownerUserId, role: 'owner' }).execute();
  }
  return workspace;
}

export function createWorkspace(db: Kysely<Tables>, input: { slug: string; name: string }, ownerUserId: string | null): Promise<Workspace> {
  return db.transaction().execute((tx) => insertWorkspace(tx, input, ownerUserId));
}

export function workspaceBySlug(db: Executor, slug: string) {
  return db.selectFrom('workspaces').selectAll().where('slug', '=', slug).executeTakeFirst();
}

/** The workspaces a user belongs to, oldest membership first. */
export function workspacesOfUser(db: Executor, userId: string): Promise<MembershipView[]> {
  return db
    .selectFrom('memberships')
    .innerJoin('workspaces', 'workspaces.id', 'memberships.workspace_id')
    .select([...workspaceColumns, 'memberships.role'])
    .where('memberships.user_id', '=', userId)
    .orderBy('memberships.created_at')
    .orderBy('workspaces.id')
    .execute();
}

/** The user's workspaces as a session shows them: each with what the role permits and may grant. */
export async function workspacesWithGrantsOfUser(db: Executor, userId: string) {
  const memberships = await workspacesOfUser(db, userId);
  return memberships.map((membership) => ({ ...membership, ...grantsOf(membership.role) }));
}

/** The user's membership in the workspace named by slug or id; null if none (or no such workspace). */
export function membershipOf(db: Executor, userId: string, workspaceRef: string): Promise<MembershipView | undefined> {
  return db
    .selectFrom('memberships')
    .innerJoin('workspaces', 'workspaces.id', 'memberships.workspace_id')
    .select([...workspaceColumns, 'memberships.role'])
    .where('memberships.user_id', '=', userId)
    .where((eb) => (isId(workspaceRef) ? eb('workspaces.id', '=', workspaceRef) : eb('workspaces.slug', '=', workspaceRef)))
    .executeTakeFirst();
}

export async function renameWorkspace(db: Kysely<Tables>, workspaceId: string, name: string): Promise<WorkspaceView> {
  const trimmed = name.trim();
  if (!trimmed) throw invalid('The name is empty', [{ field: 'name', message: 'is required' }]);
  const workspace = await db.transaction().execute(async (tx) => {
    const row = await tx
      .updateTable('workspaces')
      .set({ name: trimmed, updated_at: sql`now()` })
      .where('id', '=', workspaceId)
      .returning(['id', 'slug', 'name', 'created_at'])
      .executeTakeFirstOrThrow();
    await announceAuthChange(tx, workspaceId);
    return row;
  });
  afterAuthChangeCommitted(workspaceId);
  return workspace;
}

/** The settings a workspace's managers change (kept out of the workspace context every request loads). */
export interface WorkspaceSettingsView {
  truncate_ips: boolean;
}

/** Changes the settings given; the forms' cache sees `truncate_ips` within its 30 s. */
export async function updateWorkspaceSettings(db: Executor, workspaceId: string, input: Partial<WorkspaceSettingsView>): Promise<WorkspaceSettingsView> {
  return db
    .updateTable('workspaces')
    .set({ ...(input.truncate_ips === undefined ? {} : { truncate_ips: input.truncate_ips }), updated_at: sql`now()` })
    .where('id', '=', workspaceId)
    .returning(['truncate_ips'])
    .executeTakeFirstOrThrow();
}

/** Memberships with who the users are: the users' part asked of the accounts module, in one query. */
async function withUsers(db: Executor, memberships: ReadonlyArray<{ user_id: string; role: Role; created_at: Date }>): Promise<MemberView[]> {
  const users = new Map((await publicUsersByIds(db, memberships.map((m) => m.user_id))).map((user) => [user.id, user]));
  return memberships.flatMap((m) => {
    const user = users.get(m.user_id);
    return user ? [{ user_id: m.user_id, email: user.email, name: user.name, role: m.role, created_at: m.created_at }] : [];
  });
}

export async function listMembers(db: Executor, workspaceId: string, page: { after: string | null; limit: number }): Promise<MemberView[]> {
  let query = db.selectFrom('memberships').select(['user_id', 'role', 'created_at']).where('workspace_id', '=', workspaceId).orderBy('user_id').limit(page.limit);
  if (page.after) query = query.where('user_id', '>', page.after);
  return withUsers(db, await query.execute());
}

async function memberOrThrow(db: Executor, workspaceId: string, userId: string): Promise<MemberView> {
  if (!isId(userId)) throw notFound('Member');
  const membership = await db.selectFrom('memberships').select(['user_id', 'role', 'created_at']).where('workspace_id', '=', workspaceId).where('user_id', '=', userId).executeTakeFirst();
  const [member] = membership ? await withUsers(db, [membership]) : [];
  if (!member) throw notFound('Member');
  return member;
}

async function ownerCount(tx: Executor, workspaceId: string): Promise<number> {
  const row = await tx
    .selectFrom('memberships')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('workspace_id', '=', workspaceId)
    .where('role', '=', 'owner')
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

const lastOwner = () => new AppError('conflict', 'A workspace must keep at least one owner');

export async function changeMemberRole(
  db: Kysely<Tables>,
  workspaceId: string,
  actorRole: Role,
  userId: string,
  role: Role,
): Promise<MemberView> {
  return db.transaction().execute(async (tx) => {
    const member = await memberOrThrow(tx, workspaceId, userId);
    if (!mayAssignRole(actorRole, member.role, role)) throw forbidden(`Your role (${actorRole}) may not change ${member.role} to ${role}`);
    // Lock the workspace's owners so two demotions at once cannot both pass the count.
    await tx.selectFrom('memberships').select('user_id').where('workspace_id', '=', workspaceId).where('role', '=', 'owner').forUpdate().execute();
    if (member.role === 'owner' && role !== 'owner' && (await ownerCount(tx, workspaceId)) <= 1) throw lastOwner();
    await tx.updateTable('memberships').set({ role }).where('workspace_id', '=', workspaceId).where('user_id', '=', userId).execute();
    return { ...member, role };
  });
}

export async function removeMember(db: Kysely<Tables>, workspaceId: string, actorRole: Role, userId: string): Promise<void> {
  await db.transaction().execute(async (tx) => {
    const member = await memberOrThrow(tx, workspaceId, userId);
    if (!mayAssignRole(actorRole, member.role, null)) throw forbidden(`Your role (${actorRole}) may not remove a ${member.role}`);
    await tx.selectFrom('memberships').select('user_id').where('workspace_id', '=', workspaceId).where('role', '=', 'owner').forUpdate().execute();
    if (member.role === 'owner' && (await ownerCount(tx, workspaceId)) <= 1) throw lastOwner();
    await tx.deleteFrom('memberships').where('workspace_id', '=', workspaceId).where('user_id', '=', userId).execute();
  });
}

/**
 * Makes the user a member with `role`, unless they already are: an existing membership keeps
 * its role (role changes go through the API, which protects the last owner).
 */
export async function ensureMembership(tx: Executor, workspaceId: string, userId: string, role: Role): Promise<{ role: Role; created: boolean }> {
  const inserted = await tx
    .insertInto('memberships')
    .values({ workspace_id: workspaceId, user_id: userId, role })
    .onConflict((oc) => oc.columns(['workspace_id', 'user_id']).doNothing())
    .returning('role')
    .executeTakeFirst();
  if (inserted) return { role: inserted.role, created: true };
  const current = await tx.selectFrom('memberships').select('role').where('workspace_id', '=', workspaceId).where('user_id', '=', userId).executeTakeFirstOrThrow();
  return { role: current.role, created: false };
}

/** The install's first workspaces by slug (for commands that may leave the workspace out when there is one). */
export function someWorkspaces(db: Executor, limit: number): Promise<{ id: string; slug: string }[]> {
  return db.selectFrom('workspaces').select(['id', 'slug']).orderBy('slug').limit(limit).execute();
}

/** Which of these users are members of the workspace (contact owners must be): one query for any number. */
export async function membersAmong(db: Executor, workspaceId: string, userIds: readonly string[]): Promise<Set<string>> {
  const ids = [...new Set(userIds.filter(isId))];
  if (ids.length === 0) return new Set();
  const rows = await db.selectFrom('memberships').select('user_id').where('workspace_id', '=', workspaceId).where('user_id', 'in', ids).execute();
  return new Set(rows.map((row) => row.user_id));
}

/** What modules that serve the public need of a workspace: its signing secret and whether to keep visitors' IPs whole. */
export async function workspaceSettings(db: Executor, workspaceId: string): Promise<{ secret: string; truncate_ips: boolean } | undefined> {
  return db.selectFrom('workspaces').select(['secret', 'truncate_ips']).where('id', '=', workspaceId).executeTakeFirst();
}
