import { queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import { apiRequest, fetchAllPages } from './client';
import { contactQueries, contactsKey } from './contacts';
import type { BodyOf, ItemOf, Page, ResponseOf } from './schema-types';

export type ContactList = ResponseOf<'/api/v1/lists/{id}', 'get'>;
export type ListInput = BodyOf<'/api/v1/lists', 'post'>;
/** A list as one contact sees it: when they joined. */
export type ListMembership = ItemOf<'/api/v1/contacts/{id}/lists', 'get'>;

/** Every cached answer about lists: what a change to a list or its members invalidates. */
export const listsKey = (slug: string) => [slug, 'lists'] as const;
const listPath = (id: string) => `/api/v1/lists/${encodeURIComponent(id)}`;
/** The API takes up to this many contacts per membership change. */
const MAX_CHANGE = 1000;

export const listQueries = {
  /** Every list of the workspace, by name: lists are few, so pickers show them whole. */
  all: (slug: string) => queryOptions({ queryKey: [...listsKey(slug), 'all'], queryFn: () => fetchAllPages<ContactList>('/api/v1/lists', slug) }),
  one: (slug: string, id: string) => queryOptions({ queryKey: [...listsKey(slug), 'one', id], queryFn: () => apiRequest<ContactList>(listPath(id), { workspace: slug }) }),
  ofContact: (slug: string, contactId: string) =>
    queryOptions({
      queryKey: [...listsKey(slug), 'of-contact', contactId],
      queryFn: async () => (await apiRequest<Page<ListMembership>>(`/api/v1/contacts/${encodeURIComponent(contactId)}/lists`, { workspace: slug })).data,
    }),
};

export function createList(slug: string, input: ListInput) {
  return apiRequest<ContactList>('/api/v1/lists', { method: 'POST', body: input, workspace: slug });
}

export async function addToList(slug: string, id: string, contactIds: string[]) {
  let added = 0;
  let already = 0;
  for (let i = 0; i < contactIds.length; i += MAX_CHANGE) {
    const result = await apiRequest<ResponseOf<'/api/v1/lists/{id}/contacts', 'post'>>(`${listPath(id)}/contacts`, {
      method: 'POST',
      body: { contact_ids: contactIds.slice(i, i + MAX_CHANGE) },
      workspace: slug,
    });
    added += result.added;
    already += result.already_members;
  }
  return { added, already };
}

export async function removeFromList(slug: string, id: string, contactIds: string[]) {
  let removed = 0;
  for (let i = 0; i < contactIds.length; i += MAX_CHANGE) {
    const result = await apiRequest<ResponseOf<'/api/v1/lists/{id}/contacts', 'delete'>>(`${listPath(id)}/contacts`, {
      method: 'DELETE',
      body: { contact_ids: contactIds.slice(i, i + MAX_CHANGE) },
      workspace: slug,
    });
    removed += result.removed;
  }
  return { removed };
}

/** Creates a list, or changes the one with `id`. */
export function useSaveList(slug: string, id?: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: ListInput) => (id ? apiRequest<ContactList>(listPath(id), { method: 'PATCH', body: input, workspace: slug }) : createList(slug, input)),
    onSuccess: (saved) => {
      queryClient.setQueryData(listQueries.one(slug, saved.id).queryKey, saved);
      void queryClient.invalidateQueries({ queryKey: listsKey(slug) });
    },
  });
}

/** Its contacts stay; only the grouping goes. */
export function useDeleteList(slug: string, id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => apiRequest<void>(listPath(id), { method: 'DELETE', workspace: slug }),
    onSuccess: () => {
      queryClient.removeQueries({ queryKey: listQueries.one(slug, id).queryKey });
      void queryClient.invalidateQueries({ queryKey: listsKey(slug) });
      void queryClient.invalidateQueries({ queryKey: contactsKey(slug) });
    },
  });
}

/** Puts contacts on a list or takes them off: counts, memberships, filtered contacts and timelines move. */
export function useChangeMembers(slug: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async ({ listId, contactIds, on }: { listId: string; contactIds: string[]; on: boolean }) => {
      if (on) await addToList(slug, listId, contactIds);
      else await removeFromList(slug, listId, contactIds);
    },
    onSuccess: (_, { contactIds }) => {
      void queryClient.invalidateQueries({ queryKey: listsKey(slug) });
      void queryClient.invalidateQueries({ queryKey: [...contactsKey(slug), 'list'] });
      for (const id of contactIds) void queryClient.invalidateQueries({ queryKey: contactQueries.timeline(slug, id).queryKey });
    },
  });
}
