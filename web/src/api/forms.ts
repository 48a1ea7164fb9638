import { queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import { apiRequest, fetchAllPages } from './client';
import type { BodyOf, ResponseOf } from './schema-types';

export type Form = ResponseOf<'/api/v1/forms/{id}', 'get'>;
export type FormTemplate = ResponseOf<'/api/v1/form-templates', 'get'>['data'][number];
export type FormCreate = BodyOf<'/api/v1/forms', 'post'>;
export type FormDefinition = Form['draft'];
export type FormAnalytics = ResponseOf<'/api/v1/forms/{id}/analytics', 'get'>;

/** Every cached answer about forms. */
export const formsKey = (slug: string) => [slug, 'forms'] as const;
const formPath = (id: string) => `/api/v1/forms/${encodeURIComponent(id)}`;

export const formQueries = {
  all: (slug: string) => queryOptions({ queryKey: [...formsKey(slug), 'all'], queryFn: () => fetchAllPages<Form>('/api/v1/forms', slug) }),
  one: (slug: string, id: string) => queryOptions({ queryKey: [...formsKey(slug), 'one', id], queryFn: () => apiRequest<Form>(formPath(id), { workspace: slug }) }),
  analytics: (slug: string, id: string) =>
    queryOptions({ queryKey: [...formsKey(slug), 'analytics', id], queryFn: () => apiRequest<FormAnalytics>(`${formPath(id)}/analytics`, { workspace: slug }) }),
  templates: (slug: string) =>
    queryOptions({
      queryKey: [...formsKey(slug), 'templates'],
      queryFn: async () => (await apiRequest<{ data: FormTemplate[] }>('/api/v1/form-templates', { workspace: slug })).data,
      staleTime: Infinity,
    }),
};

export function useCreateForm(slug: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: FormCreate) => apiRequest<Form>('/api/v1/forms', { method: 'POST', body: input, workspace: slug }),
    onSuccess: () => client.invalidateQueries({ queryKey: formsKey(slug) }),
  });
}

export function usePublishForm(slug: string, id: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: () => apiRequest<ResponseOf<'/api/v1/forms/{id}/publish', 'post'>>(`${formPath(id)}/publish`, { method: 'POST', workspace: slug }),
    onSuccess: () => client.invalidateQueries({ queryKey: formsKey(slug) }),
  });
}
