import { queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import { apiRequest } from './client';
import { contactQueries, contactsKey } from './contacts';
import type { BodyOf, ItemOf, Page } from './schema-types';

export type Consent = ItemOf<'/api/v1/contacts/{id}/consents', 'get'>;

const consentsPath = (id: string) => `/api/v1/contacts/${encodeURIComponent(id)}/consents`;

export const consentsQuery = (slug: string, contactId: string) =>
  queryOptions({
    queryKey: [...contactsKey(slug), 'consents', contactId],
    queryFn: async () => (await apiRequest<Page<Consent>>(consentsPath(contactId), { workspace: slug })).data,
  });

export function useRecordConsent(slug: string, contactId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: BodyOf<'/api/v1/contacts/{id}/consents', 'post'>) =>
      apiRequest<Consent>(consentsPath(contactId), { method: 'POST', body: input, workspace: slug }),
    onSuccess: () => {
      void queryClient.invalidateQueries(consentsQuery(slug, contactId));
      void queryClient.invalidateQueries({ queryKey: contactQueries.timeline(slug, contactId).queryKey });
    },
  });
}
