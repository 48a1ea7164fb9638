import { queryOptions, useMutation } from '@tanstack/react-query';
import { apiRequest, fetchAllPages } from './client';
import type { ItemOf, ResponseOf } from './schema-types';

export type LandingPage = ItemOf<'/api/v1/pages', 'get'>;
export type PreviewLink = ResponseOf<'/api/v1/pages/{id}/preview-link', 'post'>;

/** Every cached answer about pages. */
export const pagesKey = (slug: string) => [slug, 'pages'] as const;

export const pageQueries = {
  all: (slug: string) => queryOptions({ queryKey: [...pagesKey(slug), 'all'], queryFn: () => fetchAllPages<LandingPage>('/api/v1/pages', slug) }),
};

export function usePreviewLink(slug: string) {
  return useMutation({
    mutationFn: (id: string) => apiRequest<PreviewLink>(`/api/v1/pages/${encodeURIComponent(id)}/preview-link`, { method: 'POST', workspace: slug }),
  });
}
