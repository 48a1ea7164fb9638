import { queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import { apiRequest, fetchAllPages } from './client';
import { sessionQuery } from './auth';
import type { BodyOf, ResponseOf } from './schema-types';
import type { Invitation, InvitationPreview, ReceivedInvitation, Workspace } from './types';

export type NewInvitation = BodyOf<'/api/v1/members', 'post'>;

/** The workspace's open invitations (members.manage only). */
export const invitationsQuery = (slug: string) =>
  queryOptions({ queryKey: [slug, 'invitations'], queryFn: () => fetchAllPages<Invitation>('/api/v1/invitations', slug), retry: false });

/** Invitations waiting for the signed-in user's address, in any workspace. */
export const myInvitationsQuery = queryOptions({
  queryKey: ['invitations', 'mine'],
  queryFn: async () => (await apiRequest<{ data: ReceivedInvitation[] }>('/api/v1/invitations/mine')).data,
});

export function useInvite(slug: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: NewInvitation) => apiRequest<Invitation>('/api/v1/members', { method: 'POST', body: input, workspace: slug }),
    onSuccess: () => queryClient.invalidateQueries(invitationsQuery(slug)),
  });
}

export function useRevokeInvitation(slug: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (invitation: Invitation) =>
      apiRequest<void>(`/api/v1/invitations/${encodeURIComponent(invitation.id)}`, { method: 'DELETE', workspace: slug }),
    onSuccess: () => queryClient.invalidateQueries(invitationsQuery(slug)),
  });
}

/** Accepting adds a workspace to the session; declining only drops the invitation. */
export function useAnswerInvitation() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, answer }: { id: string; answer: 'accept' | 'decline' }) =>
      apiRequest<Workspace | undefined>(`/api/v1/invitations/${encodeURIComponent(id)}/${answer}`, { method: 'POST' }),
    onSuccess: async () => {
      await queryClient.invalidateQueries(myInvitationsQuery);
      await queryClient.invalidateQueries(sessionQuery);
    },
  });
}

export function previewInvitation(token: string): Promise<InvitationPreview> {
  return apiRequest<InvitationPreview>('/api/v1/invitations/preview', { method: 'POST', body: { token }, redirectOn401: false });
}

/** Creates the account the invitation is for and signs in (the server sets the session cookie; the caller loads the session). */
export function useRedeemInvitation() {
  return useMutation({
    mutationFn: (input: BodyOf<'/api/v1/invitations/redeem', 'post'>) =>
      apiRequest<ResponseOf<'/api/v1/invitations/redeem', 'post'>>('/api/v1/invitations/redeem', { method: 'POST', body: input, redirectOn401: false }),
  });
}
