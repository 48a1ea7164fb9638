import type { Role } from '../api/types';

// What the dashboard lets each role try. The server is the authority (it answers 403 regardless);
// this only hides buttons a role could not use anyway.

export const ROLES: readonly Role[] = ['owner', 'admin', 'marketer', 'sales', 'viewer'];

export const ROLE_LABELS: Record<Role, string> = {
  owner: 'Owner',
  admin: 'Admin',
  marketer: 'Marketer',
  sales: 'Sales',
  viewer: 'Viewer',
};

const isAdmin = (role: Role) => role === 'owner' || role === 'admin';

export const canEditWorkspace = isAdmin;
export const canManageMembers = isAdmin;
export const canManageApiKeys = isAdmin;

/** Roles an actor may hand out: only an owner can make another owner. */
export function assignableRoles(actor: Role): Role[] {
  if (actor === 'owner') return [...ROLES];
  if (actor === 'admin') return ROLES.filter((r) => r !== 'owner');
  return [];
}

export function roleOptions(roles: readonly Role[]) {
  return roles.map((r) => ({ value: r, label: ROLE_LABELS[r] }));
}
