import { queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import { apiRequest, fetchAllPages } from './client';
import type { BodyOf } from './schema-types';
import type { ApiKey, NewApiKey } from './types';

export const apiKeysQuery = (slug: string) =>
  queryOptions({ queryKey: [slug, 'api-keys'], queryFn: () => fetchAllPages<ApiKey>('/api/v1/api-keys', slug) });

export function useCreateApiKey(slug: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: BodyOf<'/api/v1/api-keys', 'post'>) =>
      apiRequest<NewApiKey>('/api/v1/api-keys', { method: 'POST', body: input, workspace: slug }),
    onSuccess: () => queryClient.invalidateQueries(apiKeysQuery(slug)),
  });
}

export function useRevokeApiKey(slug: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (key: ApiKey) => apiRequest<void>(`/api/v1/api-keys/${encodeURIComponent(key.id)}`, { method: 'DELETE', workspace: slug }),
    onSuccess: () => queryClient.invalidateQueries(apiKeysQuery(slug)),
  });
}
