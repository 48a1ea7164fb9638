import { infiniteQueryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import { apiRequest } from './client';
import { contactsKey } from './contacts';
import type { ItemOf, ResponseOf } from './schema-types';

export type DuplicatePair = ItemOf<'/api/v1/contacts/duplicates', 'get'>;
export type DuplicateReason = DuplicatePair['reasons'][number];
/** Where the search for duplicates stands: pairs are found by a background scan. */
export type DuplicateScanState = ResponseOf<'/api/v1/contacts/duplicates/scan', 'post'>;

export const duplicatesQuery = (slug: string) =>
  infiniteQueryOptions({
    queryKey: [...contactsKey(slug), 'duplicates'],
    queryFn: ({ pageParam }) => {
      const query = pageParam ? `?cursor=${encodeURIComponent(pageParam)}` : '';
      return apiRequest<ResponseOf<'/api/v1/contacts/duplicates', 'get'>>(`/api/v1/contacts/duplicates${query}`, { workspace: slug });
    },
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.next_cursor,
  });

export function useScanDuplicates(slug: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => apiRequest<DuplicateScanState>('/api/v1/contacts/duplicates/scan', { method: 'POST', workspace: slug }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: duplicatesQuery(slug).queryKey }),
  });
}

/** Marks a pair "not a duplicate": later scans leave it out. */
export function useDismissDuplicate(slug: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (pair: DuplicatePair) =>
      apiRequest<void>('/api/v1/contacts/duplicates/dismiss', { method: 'POST', workspace: slug, body: { contact_id: pair.contact.id, other_id: pair.other.id } }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: duplicatesQuery(slug).queryKey }),
  });
}
