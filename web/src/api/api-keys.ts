import { apiRequest, fetchAllPages } from './client';
import type { ApiKey, NewApiKey, Role } from './types';

export const apiKeysKey = (slug: string) => [slug, 'api-keys'] as const;

export function listApiKeys(slug: string) {
  return fetchAllPages<ApiKey>('/api/v1/api-keys', slug);
}

export function createApiKey(slug: string, input: { name: string; role: Role }) {
  return apiRequest<NewApiKey>('/api/v1/api-keys', { method: 'POST', body: input, workspace: slug });
}

export function revokeApiKey(slug: string, id: string) {
  return apiRequest<void>(`/api/v1/api-keys/${encodeURIComponent(id)}`, {
    method: 'DELETE',
    workspace: slug,
  });
}
