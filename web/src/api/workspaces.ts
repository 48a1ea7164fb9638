import { apiRequest } from './client';
import type { Workspace, WorkspaceWithRole } from './types';

export const workspaceKey = (slug: string) => [slug, 'workspace'] as const;

/** Creates a workspace owned by the signed-in user (a session route: no workspace header needed). */
export function createWorkspace(input: { name: string; slug: string }) {
  return apiRequest<WorkspaceWithRole>('/api/v1/workspaces', { method: 'POST', body: input });
}

export function getWorkspace(slug: string) {
  return apiRequest<Workspace>('/api/v1/workspace', { workspace: slug });
}

export function renameWorkspace(slug: string, name: string) {
  return apiRequest<Workspace>('/api/v1/workspace', {
    method: 'PATCH',
    body: { name },
    workspace: slug,
  });
}
