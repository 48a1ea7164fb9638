import { PERMISSIONS, ROLES, type Permission, type Role } from '../../access.js';

export { PERMISSIONS, ROLES, type Permission } from '../../access.js';

const GRANTS: Record<Role, readonly Permission[]> = {
  owner: PERMISSIONS,
  admin: PERMISSIONS,
  marketer: ['workspace.read', 'contacts.write', 'contacts.delete', 'marketing.write'],
  sales: ['workspace.read', 'contacts.write', 'sales.write'],
  viewer: ['workspace.read'],
};

export const ROLE_DESCRIPTIONS: Record<Role, string> = {
  owner: 'Full control, including the workspace itself and who else is an owner.',
  admin: 'Everything an owner can do except granting or removing the owner role.',
  marketer: 'Builds forms, pages, emails, workflows and segments; edits and deletes contacts.',
  sales: 'Works leads and deals: owners, notes, stages and the pipeline.',
  viewer: 'Reads everything, changes nothing. Good for reports and agencies.',
};

export const PERMISSION_DESCRIPTIONS: Record<Permission, string> = {
  'workspace.read': 'See contacts, campaigns and reports',
  'workspace.manage': 'Rename and configure the workspace',
  'members.manage': 'Invite, remove and change the role of users',
  'api_keys.manage': 'Create and revoke API keys',
  'contacts.write': 'Create, edit and tag contacts; add notes',
  'contacts.delete': 'Delete contacts (they wait in the trash for 30 days), restore them, or empty them from the trash',
  'contacts.erase': 'Erase a person for good (privacy request): their data is deleted and their email kept out',
  'marketing.write': 'Create and change marketing content, lists and custom fields',
  'sales.write': 'Assign leads, log sales activity, move deals',
};

export function permissionsOf(role: Role): readonly Permission[] {
  return GRANTS[role];
}

export function can(role: Role, permission: Permission): boolean {
  return GRANTS[role].includes(permission);
}

/** Only an owner may make, unmake or remove another owner; everyone else manages the rest. */
export function mayAssignRole(actor: Role, from: Role | null, to: Role | null): boolean {
  if (!can(actor, 'members.manage')) return false;
  if (actor === 'owner') return true;
  return from !== 'owner' && to !== 'owner';
}

/** What a member with this role may do, for the dashboard to show only what will work. */
export function grantsOf(role: Role): { permissions: Permission[]; grantable_roles: Role[] } {
  return { permissions: [...permissionsOf(role)], grantable_roles: ROLES.filter((to) => mayAssignRole(role, null, to)) };
}
