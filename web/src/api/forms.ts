import { queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import { apiRequest, fetchAllPages } from './client';
import type { PublicForm } from '../../../src/modules/capture/public-view';
import type { BodyOf, ResponseOf } from './schema-types';

export type Form = ResponseOf<'/api/v1/forms/{id}', 'get'>;
export type FormTemplate = ResponseOf<'/api/v1/form-templates', 'get'>['data'][number];
export type FormCreate = BodyOf<'/api/v1/forms', 'post'>;
export type FormDefinition = Form['draft'];
export type FormField = FormDefinition['fields'][number];
export type FormSettings = FormDefinition['settings'];
export type FormAnalytics = ResponseOf<'/api/v1/forms/{id}/analytics', 'get'>;
export type FormVersion = ResponseOf<'/api/v1/forms/{id}/versions', 'get'>['data'][number];
/** A published version as sites get it (GET /public/forms/{id}/v/{version}, outside the API spec). */
export type PublicFormView = PublicForm;

/** Every cached answer about forms. */
export const formsKey = (slug: string) => [slug, 'forms'] as const;
const formPath = (id: string) => `/api/v1/forms/${encodeURIComponent(id)}`;

export const formQueries = {
  all: (slug: string) => queryOptions({ queryKey: [...formsKey(slug), 'all'], queryFn: () => fetchAllPages<Form>('/api/v1/forms', slug) }),
  one: (slug: string, id: string) => queryOptions({ queryKey: [...formsKey(slug), 'one', id], queryFn: () => apiRequest<Form>(formPath(id), { workspace: slug }) }),
  analytics: (slug: string, id: string) =>
    queryOptions({ queryKey: [...formsKey(slug), 'analytics', id], queryFn: () => apiRequest<FormAnalytics>(`${formPath(id)}/analytics`, { workspace: slug }) }),
  versions: (slug: string, id: string) =>
    queryOptions({ queryKey: [...formsKey(slug), 'versions', id], queryFn: () => fetchAllPages<FormVersion>(`${formPath(id)}/versions`, slug) }),
  /** The live version as sites get it; none (null) while the form is not published. */
  live: (slug: string, id: string, version: number | null) =>
    queryOptions({
      queryKey: [...formsKey(slug), 'live', id, version],
      queryFn: () => (version === null ? null : apiRequest<PublicFormView>(`/public/forms/${encodeURIComponent(id)}/v/${version}`)),
      staleTime: Infinity,
    }),
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

/** Replaces the draft, naming the revision it was loaded at (409 when someone saved since). */
export function useSaveDraft(slug: string, id: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: { draft: FormDefinition; draft_revision: number }) => apiRequest<Form>(formPath(id), { method: 'PATCH', body: input, workspace: slug }),
    onSuccess: (form) => {
      client.setQueryData(formQueries.one(slug, id).queryKey, form);
      void client.invalidateQueries({ queryKey: [...formsKey(slug), 'all'] });
    },
  });
}

export function useUnpublishForm(slug: string, id: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: () => apiRequest<Form>(`${formPath(id)}/unpublish`, { method: 'POST', workspace: slug }),
    onSuccess: () => client.invalidateQueries({ queryKey: formsKey(slug) }),
  });
}

/** Copies a published version into the draft; nothing is published. */
export function useRestoreVersion(slug: string, id: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: { version: number; draft_revision: number }) =>
      apiRequest<Form>(`${formPath(id)}/versions/${input.version}/restore`, { method: 'POST', body: { draft_revision: input.draft_revision }, workspace: slug }),
    onSuccess: (form) => {
      client.setQueryData(formQueries.one(slug, id).queryKey, form);
      void client.invalidateQueries({ queryKey: formsKey(slug) });
    },
  });
}
