import { queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import { sessionQuery } from './auth';
import { apiRequest } from './client';
import type { BodyOf, ResponseOf } from './schema-types';
import type { Workspace } from './types';

export const workspaceQuery = (slug: string) =>
  queryOptions({ queryKey: [slug, 'workspace'], queryFn: () => apiRequest<Workspace>('/api/v1/workspace', { workspace: slug }) });

/** Creates a workspace owned by the signed-in user; resolves once the session lists it. */
export function useCreateWorkspace() {
  const queryClient = useQueryClient();
  return useMutation({
    // A session route: no workspace header needed.
    mutationFn: (input: BodyOf<'/api/v1/workspaces', 'post'>) =>
      apiRequest<ResponseOf<'/api/v1/workspaces', 'post'>>('/api/v1/workspaces', { method: 'POST', body: input }),
    onSuccess: () => queryClient.invalidateQueries(sessionQuery),
  });
}

export function useRenameWorkspace(slug: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (name: string) => apiRequest<Workspace>('/api/v1/workspace', { method: 'PATCH', body: { name }, workspace: slug }),
    onSuccess: (updated) => {
      queryClient.setQueryData(workspaceQuery(slug).queryKey, updated);
      queryClient.setQueryData(sessionQuery.queryKey, (s) =>
        s && { ...s, workspaces: s.workspaces.map((w) => (w.slug === slug ? { ...w, name: updated.name } : w)) },
      );
    },
  });
}

export const workspaceSettingsQuery = (slug: string) =>
  queryOptions({
    queryKey: [slug, 'workspace', 'settings'],
    queryFn: () => apiRequest<ResponseOf<'/api/v1/workspace/settings', 'get'>>('/api/v1/workspace/settings', { workspace: slug }),
  });

export function useUpdateWorkspaceSettings(slug: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: BodyOf<'/api/v1/workspace/settings', 'patch'>) =>
      apiRequest<ResponseOf<'/api/v1/workspace/settings', 'patch'>>('/api/v1/workspace/settings', { method: 'PATCH', body, workspace: slug }),
    onSuccess: (updated) => queryClient.setQueryData(workspaceSettingsQuery(slug).queryKey, updated),
  });
}
