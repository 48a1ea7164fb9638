import { queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import { apiRequest, fetchAllPages, uploadFile } from './client';
import type { ResponseOf } from './schema-types';

export type Asset = ResponseOf<'/api/v1/assets/{id}', 'get'>;
export type AssetLink = ResponseOf<'/api/v1/assets/{id}/link', 'post'>;

/** Every cached answer about assets. */
export const assetsKey = (slug: string) => [slug, 'assets'] as const;
export const assetPath = (id: string) => `/api/v1/assets/${encodeURIComponent(id)}`;

export const assetQueries = {
  all: (slug: string) => queryOptions({ queryKey: [...assetsKey(slug), 'all'], queryFn: () => fetchAllPages<Asset>('/api/v1/assets', slug) }),
};

export function useUploadAsset(slug: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ file, onProgress }: { file: File; onProgress: (fraction: number) => void }) =>
      uploadFile<Asset>(`/api/v1/assets?file_name=${encodeURIComponent(file.name)}`, file, slug, (sent, total) => onProgress(total > 0 ? sent / total : 0)),
    onSuccess: () => client.invalidateQueries({ queryKey: assetsKey(slug) }),
  });
}

export function useRenameAsset(slug: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ id, name }: { id: string; name: string }) => apiRequest<Asset>(assetPath(id), { method: 'PATCH', body: { name }, workspace: slug }),
    onSuccess: () => client.invalidateQueries({ queryKey: assetsKey(slug) }),
  });
}

export function useDeleteAsset(slug: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => apiRequest<void>(assetPath(id), { method: 'DELETE', workspace: slug }),
    onSuccess: () => client.invalidateQueries({ queryKey: assetsKey(slug) }),
  });
}

export function useAssetTestLink(slug: string) {
  return useMutation({
    mutationFn: (id: string) => apiRequest<AssetLink>(`${assetPath(id)}/link`, { method: 'POST', body: {}, workspace: slug }),
  });
}
