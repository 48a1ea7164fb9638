import type { Permission, Role } from '../api/types';
import { useWorkspace } from './workspace-context';

// What the signed-in member may do comes from the server with the session (each workspace's
// permissions and grantable roles). The server is the authority (it answers 403 regardless);
// this only hides buttons that could not work.

/** Whether the signed-in member may do this in the workspace being viewed. */
export function useCan(permission: Permission): boolean {
  return useWorkspace().permissions.includes(permission);
}

/** How each role is written: the server's enum is the list, this only spells it. */
export const ROLE_LABELS: Record<Role, string> = {
  owner: 'Owner',
  admin: 'Admin',
  marketer: 'Marketer',
  sales: 'Sales',
  viewer: 'Viewer',
};

export function roleOptions(roles: readonly Role[]) {
  return roles.map((r) => ({ value: r, label: ROLE_LABELS[r] }));
}
