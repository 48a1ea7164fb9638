import { apiRequest, fetchAllPages } from './client';
import type { Member, Role } from './types';

export const membersKey = (slug: string) => [slug, 'members'] as const;

export interface NewMember {
  email: string;
  name?: string;
  role: Role;
  password?: string;
}

export function listMembers(slug: string) {
  return fetchAllPages<Member>('/api/v1/members', slug);
}

export function addMember(slug: string, input: NewMember) {
  return apiRequest<Member>('/api/v1/members', { method: 'POST', body: input, workspace: slug });
}

export function changeMemberRole(slug: string, userId: string, role: Role) {
  return apiRequest<Member>(`/api/v1/members/${encodeURIComponent(userId)}`, {
    method: 'PATCH',
    body: { role },
    workspace: slug,
  });
}

export function removeMember(slug: string, userId: string) {
  return apiRequest<void>(`/api/v1/members/${encodeURIComponent(userId)}`, {
    method: 'DELETE',
    workspace: slug,
  });
}
