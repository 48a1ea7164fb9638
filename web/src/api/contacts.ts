import { infiniteQueryOptions, queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import { apiRequest, apiResponse } from './client';
import type { BodyOf, ItemOf, Page, QueryOf, ResponseOf } from './schema-types';

export type Contact = ResponseOf<'/api/v1/contacts/{id}', 'get'>;
/** What may be sent for a contact: every field optional, null clears it. */
export type ContactInput = BodyOf<'/api/v1/contacts/{id}', 'patch'>;
export type LifecycleStage = Contact['lifecycle_stage'];
export type TimelineEntry = ItemOf<'/api/v1/contacts/{id}/timeline', 'get'>;
export type BulkAction = ResponseOf<'/api/v1/contacts/bulk-actions/{id}', 'get'>;
export type BulkActionInput = BodyOf<'/api/v1/contacts/bulk-actions', 'post'>;

type ListQuery = QueryOf<'/api/v1/contacts', 'get'>;
export type ContactSort = NonNullable<ListQuery['sort']>;

/** The table's filters, as the page keeps them (several tags, named as in the URL). */
export interface ContactFilters {
  q?: string;
  stage?: LifecycleStage;
  tags?: string[];
  owner?: string;
  company?: string;
  list?: string;
  sort?: ContactSort;
  order?: NonNullable<ListQuery['order']>;
}

/** Every cached answer about the workspace's contacts: what a change to contacts invalidates. */
export const contactsKey = (slug: string) => [slug, 'contacts'] as const;
const contactPath = (id: string) => `/api/v1/contacts/${encodeURIComponent(id)}`;

/** The query string of `GET /api/v1/contacts` for these filters; also used by the CSV export. */
function contactQuery(filters: ContactFilters): URLSearchParams {
  const params = new URLSearchParams();
  if (filters.q?.trim()) params.set('q', filters.q.trim());
  if (filters.stage) params.set('stage', filters.stage);
  for (const tag of filters.tags ?? []) params.append('tag', tag);
  if (filters.owner) params.set('owner', filters.owner);
  if (filters.company) params.set('company', filters.company);
  if (filters.list) params.set('list', filters.list);
  if (filters.sort) params.set('sort', filters.sort);
  if (filters.order) params.set('order', filters.order);
  return params;
}

/** The filters alone, without the order: what the export, the count and bulk actions take. */
function filterQuery(filters: ContactFilters): string {
  const params = contactQuery(filters);
  params.delete('sort');
  params.delete('order');
  const query = params.toString();
  return query ? `?${query}` : '';
}

export const contactsExportPath = (filters: ContactFilters) => `/api/v1/contacts/export${filterQuery(filters)}`;
export const contactExportPath = (id: string) => `${contactPath(id)}/export`;

function listContacts(slug: string, filters: ContactFilters, cursor: string | null, limit: number) {
  const params = contactQuery(filters);
  params.set('limit', String(limit));
  if (cursor) params.set('cursor', cursor);
  return apiRequest<Page<Contact>>(`/api/v1/contacts?${params}`, { workspace: slug });
}

export function getContact(slug: string, id: string) {
  return apiRequest<Contact>(contactPath(id), { workspace: slug });
}

export function patchContact(slug: string, id: string, input: ContactInput) {
  return apiRequest<Contact>(contactPath(id), { method: 'PATCH', body: input, workspace: slug });
}

export function deleteContact(slug: string, id: string) {
  return apiRequest<void>(contactPath(id), { method: 'DELETE', workspace: slug });
}

/** Runs an action on every contact the filters match, or, with `ids`, on those contacts (ticked rows): in the background. */
export function startBulkAction(slug: string, filters: ContactFilters, input: Omit<BulkActionInput, 'ids'>, ids?: string[]) {
  return apiRequest<BulkAction>(`/api/v1/contacts/bulk-actions${filterQuery(filters)}`, { method: 'POST', workspace: slug, body: { ...input, ids } });
}

export function getBulkAction(slug: string, id: string) {
  return apiRequest<BulkAction>(`/api/v1/contacts/bulk-actions/${encodeURIComponent(id)}`, { workspace: slug });
}

export const contactQueries = {
  /** Pages of the contacts the filters match; a company's or a list's contacts are this with `company` or `list`. */
  list: (slug: string, filters: ContactFilters, limit = 50) =>
    infiniteQueryOptions({
      queryKey: [...contactsKey(slug), 'list', filters, limit],
      queryFn: ({ pageParam }) => listContacts(slug, filters, pageParam, limit),
      initialPageParam: null as string | null,
      getNextPageParam: (last) => last.next_cursor,
    }),
  count: (slug: string, filters: ContactFilters) =>
    queryOptions({
      queryKey: [...contactsKey(slug), 'count', filterQuery(filters)],
      queryFn: async () => (await apiRequest<{ count: number }>(`/api/v1/contacts/count${filterQuery(filters)}`, { workspace: slug })).count,
    }),
  /** The workspace's tags, most used first (suggestions for tag filters and inputs). */
  tags: (slug: string) =>
    queryOptions({
      queryKey: [...contactsKey(slug), 'tags'],
      queryFn: async () => (await apiRequest<ResponseOf<'/api/v1/tags', 'get'>>('/api/v1/tags?limit=500', { workspace: slug })).data,
    }),
  one: (slug: string, id: string) => queryOptions({ queryKey: [...contactsKey(slug), 'one', id], queryFn: () => getContact(slug, id) }),
  timeline: (slug: string, id: string) =>
    infiniteQueryOptions({
      queryKey: [...contactsKey(slug), 'timeline', id],
      queryFn: ({ pageParam }) => {
        const query = pageParam ? `?cursor=${encodeURIComponent(pageParam)}` : '';
        return apiRequest<Page<TimelineEntry>>(`${contactPath(id)}/timeline${query}`, { workspace: slug });
      },
      initialPageParam: null as string | null,
      getNextPageParam: (last) => last.next_cursor,
    }),
};

/** After a change to one contact: its record, its timeline and every list it may appear in. */
export function useContactChanged(slug: string) {
  const queryClient = useQueryClient();
  return (contact: Contact) => {
    queryClient.setQueryData(contactQueries.one(slug, contact.id).queryKey, contact);
    void queryClient.invalidateQueries({ queryKey: contactQueries.timeline(slug, contact.id).queryKey });
    void queryClient.invalidateQueries({ queryKey: [...contactsKey(slug), 'list'] });
    void queryClient.invalidateQueries({ queryKey: [...contactsKey(slug), 'count'] });
  };
}

/** Creates the contact, or fills in the one with the same email (`keep_existing`: nothing is overwritten). */
export function useCreateContact(slug: string) {
  const changed = useContactChanged(slug);
  return useMutation({
    mutationFn: async (input: ContactInput) => {
      const { status, body } = await apiResponse<Contact>('/api/v1/contacts', { method: 'POST', body: { ...input, keep_existing: true }, workspace: slug });
      return { contact: body, created: status === 201 };
    },
    onSuccess: ({ contact }) => changed(contact),
  });
}

export function useSaveContact(slug: string, id: string) {
  const changed = useContactChanged(slug);
  return useMutation({ mutationFn: (input: ContactInput) => patchContact(slug, id, input), onSuccess: changed });
}

/** Deleting, erasing or merging a contact away: forget its record, refresh every list of contacts. */
function useContactGone(slug: string) {
  const queryClient = useQueryClient();
  return (id: string) => {
    queryClient.removeQueries({ queryKey: contactQueries.one(slug, id).queryKey });
    void queryClient.invalidateQueries({ queryKey: contactsKey(slug) });
  };
}

export function useDeleteContact(slug: string, id: string) {
  const gone = useContactGone(slug);
  return useMutation({ mutationFn: () => deleteContact(slug, id), onSuccess: () => gone(id) });
}

/** Deletes the person for good and keeps a hash of their email so they are not added again. */
export function useEraseContact(slug: string, id: string) {
  const gone = useContactGone(slug);
  return useMutation({
    mutationFn: () => apiRequest<ResponseOf<'/api/v1/contacts/{id}/erase', 'post'>>(`${contactPath(id)}/erase`, { method: 'POST', workspace: slug }),
    onSuccess: () => gone(id),
  });
}

/** Merges `other_id` into the survivor; `keep` names, per differing field, whose value survives. */
export function useMergeContacts(slug: string) {
  const gone = useContactGone(slug);
  return useMutation({
    mutationFn: ({ survivorId, ...input }: BodyOf<'/api/v1/contacts/{id}/merge', 'post'> & { survivorId: string }) =>
      apiRequest<Contact>(`${contactPath(survivorId)}/merge`, { method: 'POST', body: input, workspace: slug }),
    onSuccess: (_, { other_id }) => gone(other_id),
  });
}

export function useAddNote(slug: string, id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (text: string) => apiRequest<ResponseOf<'/api/v1/contacts/{id}/notes', 'post'>>(`${contactPath(id)}/notes`, { method: 'POST', body: { text }, workspace: slug }),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: contactQueries.timeline(slug, id).queryKey });
      // A note counts as activity: last_activity_at moves.
      void queryClient.invalidateQueries({ queryKey: contactQueries.one(slug, id).queryKey });
    },
  });
}
