import { infiniteQueryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import { apiRequest } from './client';
import { contactsKey, type Contact } from './contacts';
import type { ItemOf, ResponseOf } from './schema-types';

/** A deleted contact waiting in the trash, with who deleted it and when it goes for good. */
export type TrashedContact = ItemOf<'/api/v1/contacts/trash', 'get'>;

export const trashQuery = (slug: string) =>
  infiniteQueryOptions({
    queryKey: [...contactsKey(slug), 'trash'],
    queryFn: ({ pageParam }) => {
      const query = pageParam ? `?cursor=${encodeURIComponent(pageParam)}` : '';
      return apiRequest<ResponseOf<'/api/v1/contacts/trash', 'get'>>(`/api/v1/contacts/trash${query}`, { workspace: slug });
    },
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.next_cursor,
  });

/** A restored contact is back in every list, count and page of the contacts. */
export function useRestoreContact(slug: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => apiRequest<Contact>(`/api/v1/contacts/${encodeURIComponent(id)}/restore`, { method: 'POST', workspace: slug }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: contactsKey(slug) }),
  });
}

/** Deletes a trashed contact for good, before its days are up. */
export function usePurgeContact(slug: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => apiRequest<void>(`/api/v1/contacts/trash/${encodeURIComponent(id)}`, { method: 'DELETE', workspace: slug }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: trashQuery(slug).queryKey }),
  });
}
