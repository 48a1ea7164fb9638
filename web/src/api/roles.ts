import { apiRequest } from './client';
import type { Page, RoleInfo } from './types';

export const rolesKey = (slug: string) => [slug, 'roles'] as const;

export function listRoles(slug: string) {
  return apiRequest<Page<RoleInfo>>('/api/v1/roles', { workspace: slug });
}
