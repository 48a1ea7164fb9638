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

/** `contacts.write`: create, edit, tag and delete contacts, add notes. */
export const canEditContacts = (role: Role) => role !== 'viewer';

/** `contacts.erase`: privacy erasure, for owners and admins only. */
export const canEraseContacts = isAdmin;

/** `marketing.write`: custom fields, lists and other marketing set-up. */
export const canManageMarketing = (role: Role) => isAdmin(role) || role === 'marketer';

/** Roles an actor may hand out: only an owner can make another owner. */
export function assignableRoles(actor: Role): Role[] {
  if (actor === 'owner') return [...ROLES];
  if (actor === 'admin') return ROLES.filter((r) => r !== 'owner');
  return [];
}

export function roleOptions(roles: readonly Role[]) {
  return roles.map((r) => ({ value: r, label: ROLE_LABELS[r] }));
}
