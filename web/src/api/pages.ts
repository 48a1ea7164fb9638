import { queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import { apiRequest, fetchAllPages } from './client';
import type { BodyOf, ItemOf, ResponseOf } from './schema-types';

export type LandingPage = ItemOf<'/api/v1/pages', 'get'>;
export type PageDetail = ResponseOf<'/api/v1/pages/{id}', 'get'>;
export type PageDefinition = PageDetail['draft'];
export type PageBlock = PageDefinition['blocks'][number];
export type PageCreate = BodyOf<'/api/v1/pages', 'post'>;
export type PageTemplate = ResponseOf<'/api/v1/page-templates', 'get'>['data'][number];
export type PageVersion = ItemOf<'/api/v1/pages/{id}/versions', 'get'>;
export type PreviewLink = ResponseOf<'/api/v1/pages/{id}/preview-link', 'post'>;

/** Every cached answer about pages. */
export const pagesKey = (slug: string) => [slug, 'pages'] as const;
const pagePath = (id: string) => `/api/v1/pages/${encodeURIComponent(id)}`;

export const pageQueries = {
  all: (slug: string) => queryOptions({ queryKey: [...pagesKey(slug), 'all'], queryFn: () => fetchAllPages<LandingPage>('/api/v1/pages', slug) }),
  one: (slug: string, id: string) => queryOptions({ queryKey: [...pagesKey(slug), 'one', id], queryFn: () => apiRequest<PageDetail>(pagePath(id), { workspace: slug }) }),
  versions: (slug: string, id: string) => queryOptions({ queryKey: [...pagesKey(slug), 'versions', id], queryFn: () => fetchAllPages<PageVersion>(`${pagePath(id)}/versions`, slug) }),
  templates: (slug: string) =>
    queryOptions({
      queryKey: [...pagesKey(slug), 'templates'],
      queryFn: async () => (await apiRequest<{ data: PageTemplate[] }>('/api/v1/page-templates', { workspace: slug })).data,
      staleTime: Infinity,
    }),
};

/** The whole HTML document of a definition (saved or not), as visitors would get it. */
export const renderPage = (slug: string, id: string, draft: PageDefinition) =>
  apiRequest<{ html: string }>(`${pagePath(id)}/render`, { method: 'POST', body: { draft }, workspace: slug });

export function usePreviewLink(slug: string) {
  return useMutation({
    mutationFn: (id: string) => apiRequest<PreviewLink>(`${pagePath(id)}/preview-link`, { method: 'POST', workspace: slug }),
  });
}

export function useCreatePage(slug: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: PageCreate) => apiRequest<PageDetail>('/api/v1/pages', { method: 'POST', body: input, workspace: slug }),
    onSuccess: () => client.invalidateQueries({ queryKey: pagesKey(slug) }),
  });
}

/** Any change to one page: the answer is the page as it now is. */
function usePageChange<I>(slug: string, id: string, request: (input: I) => Promise<PageDetail>) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: request,
    onSuccess: (page) => {
      client.setQueryData(pageQueries.one(slug, id).queryKey, page);
      void client.invalidateQueries({ queryKey: [...pagesKey(slug), 'all'] });
      void client.invalidateQueries({ queryKey: [...pagesKey(slug), 'versions', id] });
    },
  });
}

/** Renames or moves the page, or replaces the draft naming the revision it was loaded at (409 when someone saved since). */
export const usePatchPage = (slug: string, id: string) =>
  usePageChange(slug, id, (input: BodyOf<'/api/v1/pages/{id}', 'patch'>) => apiRequest<PageDetail>(pagePath(id), { method: 'PATCH', body: input, workspace: slug }));

export const useUnpublishPage = (slug: string, id: string) =>
  usePageChange(slug, id, () => apiRequest<PageDetail>(`${pagePath(id)}/unpublish`, { method: 'POST', workspace: slug }));

/** Sets (an ISO time) or cancels (null) the draft's scheduled publish. */
export const useSchedulePage = (slug: string, id: string) =>
  usePageChange(slug, id, (publishAt: string | null) => apiRequest<PageDetail>(`${pagePath(id)}/schedule`, { method: 'PUT', body: { publish_at: publishAt }, workspace: slug }));

/** Copies a published version into the draft; nothing is published. */
export const useRestorePageVersion = (slug: string, id: string) =>
  usePageChange(slug, id, (version: number) => apiRequest<PageDetail>(`${pagePath(id)}/versions/${version}/restore`, { method: 'POST', workspace: slug }));

export function usePublishPage(slug: string, id: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: () => apiRequest<ResponseOf<'/api/v1/pages/{id}/publish', 'post'>>(`${pagePath(id)}/publish`, { method: 'POST', workspace: slug }),
    onSuccess: () => client.invalidateQueries({ queryKey: pagesKey(slug) }),
  });
}
