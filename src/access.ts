import type { Role } from './db/schema.js';

/**
 * The roles a member or an API key can have, and the permissions routes ask for: the contract
 * every module's routes are written against. Which role grants which permission is the
 * workspaces module's (modules/workspaces/roles.ts).
 */
export const ROLES: readonly Role[] = ['owner', 'admin', 'marketer', 'sales', 'viewer'];

export const PERMISSIONS = [
  'workspace.read',
  'workspace.manage',
  'members.manage',
  'api_keys.manage',
  'contacts.write',
  'contacts.delete',
  'contacts.erase',
  'marketing.write',
  'sales.write',
] as const;

export type Permission = (typeof PERMISSIONS)[number];

export type { Role };
