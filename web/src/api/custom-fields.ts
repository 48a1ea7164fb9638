import { queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import { apiRequest } from './client';
import { contactsKey } from './contacts';
import type { BodyOf, ItemOf, Page } from './schema-types';

export type CustomField = ItemOf<'/api/v1/custom-fields', 'get'>;
export type CustomFieldType = CustomField['type'];

export const customFieldsQuery = (slug: string) =>
  queryOptions({
    queryKey: [slug, 'custom-fields'],
    queryFn: async () => (await apiRequest<Page<CustomField>>('/api/v1/custom-fields', { workspace: slug })).data,
  });

export function useCreateCustomField(slug: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: BodyOf<'/api/v1/custom-fields', 'post'>) =>
      apiRequest<CustomField>('/api/v1/custom-fields', { method: 'POST', body: input, workspace: slug }),
    onSuccess: () => queryClient.invalidateQueries(customFieldsQuery(slug)),
  });
}

/** Deleting a field deletes its values: the contacts shown change too. */
export function useDeleteCustomField(slug: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (field: CustomField) => apiRequest<void>(`/api/v1/custom-fields/${encodeURIComponent(field.key)}`, { method: 'DELETE', workspace: slug }),
    onSuccess: () => {
      void queryClient.invalidateQueries(customFieldsQuery(slug));
      void queryClient.invalidateQueries({ queryKey: contactsKey(slug) });
    },
  });
}
