import { infiniteQueryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import { apiRequest } from './client';
import { contactsKey } from './contacts';
import { formsKey } from './forms';
import type { ItemOf, Page, QueryOf, ResponseOf } from './schema-types';

export type Submission = ItemOf<'/api/v1/forms/{id}/submissions', 'get'>;
export type SpamPost = ItemOf<'/api/v1/forms/{id}/spam', 'get'>;
export type SubmissionFilters = Omit<QueryOf<'/api/v1/forms/{id}/submissions', 'get'>, 'cursor' | 'limit'>;

const formPath = (id: string) => `/api/v1/forms/${encodeURIComponent(id)}`;

/** The filters as a query string (empty ones left out), for the list and its CSV export alike. */
export function submissionQuery(filters: SubmissionFilters, extra: Record<string, string> = {}): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries({ ...filters, ...extra })) if (value !== undefined && value !== '' && value !== null) params.set(key, String(value));
  const text = params.toString();
  return text ? `?${text}` : '';
}

export const submissionsExportPath = (formId: string, filters: SubmissionFilters) => `${formPath(formId)}/submissions/export${submissionQuery(filters)}`;

const paged = <T>(queryKey: readonly unknown[], path: (cursor: string | null) => string, slug: string) =>
  infiniteQueryOptions({
    queryKey,
    queryFn: ({ pageParam }) => apiRequest<Page<T>>(path(pageParam), { workspace: slug }),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.next_cursor,
  });

export const submissionQueries = {
  ofForm: (slug: string, formId: string, filters: SubmissionFilters) =>
    paged<Submission>([...formsKey(slug), 'submissions', formId, filters], (cursor) => `${formPath(formId)}/submissions${submissionQuery(filters, cursor ? { cursor } : {})}`, slug),
  spam: (slug: string, formId: string) =>
    paged<SpamPost>([...formsKey(slug), 'spam', formId], (cursor) => `${formPath(formId)}/spam${cursor ? `?cursor=${encodeURIComponent(cursor)}` : ''}`, slug),
  ofContact: (slug: string, contactId: string) =>
    paged<Submission>([...contactsKey(slug), 'submissions', contactId], (cursor) => `/api/v1/contacts/${encodeURIComponent(contactId)}/submissions${cursor ? `?cursor=${encodeURIComponent(cursor)}` : ''}`, slug),
};

/** Rescues a spam post: it becomes a submission (and a contact); the form's lists, counts and contacts are refreshed. */
export function useRescueSpam(slug: string, formId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (spamId: string) =>
      apiRequest<ResponseOf<'/api/v1/forms/{id}/spam/{spamId}/rescue', 'post'>>(`${formPath(formId)}/spam/${encodeURIComponent(spamId)}/rescue`, { method: 'POST', workspace: slug }),
    onSettled: () => {
      void client.invalidateQueries({ queryKey: formsKey(slug) });
      void client.invalidateQueries({ queryKey: contactsKey(slug) });
    },
  });
}
