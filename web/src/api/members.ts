import { queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import { apiRequest, fetchAllPages } from './client';
import type { Member, Role } from './types';

const memberPath = (userId: string) => `/api/v1/members/${encodeURIComponent(userId)}`;

/** Everyone in the workspace; also names the owners of contacts, so a viewer's 403 is not retried. */
export const membersQuery = (slug: string) =>
  queryOptions({ queryKey: [slug, 'members'], queryFn: () => fetchAllPages<Member>('/api/v1/members', slug), retry: false });

/** Members by user id, for naming owners. */
export const memberMap = (members: readonly Member[] | undefined): ReadonlyMap<string, Member> =>
  new Map((members ?? []).map((m) => [m.user_id, m]));

export function useChangeMemberRole(slug: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ userId, role }: { userId: string; role: Role }) =>
      apiRequest<Member>(memberPath(userId), { method: 'PATCH', body: { role }, workspace: slug }),
    onSuccess: (member) =>
      queryClient.setQueryData(membersQuery(slug).queryKey, (list) => list?.map((m) => (m.user_id === member.user_id ? member : m))),
  });
}

export function useRemoveMember(slug: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (member: Member) => apiRequest<void>(memberPath(member.user_id), { method: 'DELETE', workspace: slug }),
    onSuccess: () => queryClient.invalidateQueries(membersQuery(slug)),
  });
}
