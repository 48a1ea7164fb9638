import { useEffect } from 'react';
import { infiniteQueryOptions, queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import { apiRequest, apiResponse } from './client';
import { contactsKey } from './contacts';
import type { BodyOf, Page, ResponseOf } from './schema-types';

export type ContactImport = ResponseOf<'/api/v1/imports/{id}', 'get'>;
export type ImportStatus = ContactImport['status'];
export type ImportOptions = ContactImport['options'];
export type MappingEntry = NonNullable<ContactImport['mapping']>[number];
export type MappingTarget = MappingEntry['target'];
/** Contact fields a CSV column can fill; `full_name` is split into first and last name. */
export type ImportField = Extract<MappingTarget, { kind: 'field' }>['field'];
export type ImportPreview = ResponseOf<'/api/v1/imports/{id}/preview', 'get'>;
export type ImportStorage = ResponseOf<'/api/v1/imports/storage', 'get'>;

const importsKey = (slug: string) => [slug, 'imports'] as const;
const importPath = (id: string) => `/api/v1/imports/${encodeURIComponent(id)}`;

export const isFinished = (status: ImportStatus) => status === 'done' || status === 'failed' || status === 'cancelled';
export const importErrorsPath = (id: string) => `${importPath(id)}/errors.csv`;

export const importQueries = {
  recent: (slug: string) =>
    infiniteQueryOptions({
      queryKey: [...importsKey(slug), 'recent'],
      queryFn: ({ pageParam }) => {
        const query = pageParam ? `?cursor=${encodeURIComponent(pageParam)}` : '';
        return apiRequest<Page<ContactImport>>(`/api/v1/imports${query}`, { workspace: slug });
      },
      initialPageParam: null as string | null,
      getNextPageParam: (last) => last.next_cursor,
    }),
  /** The workspace's kept import files against its quota, and the disk's room for uploads. */
  storage: (slug: string) =>
    queryOptions({ queryKey: [...importsKey(slug), 'storage'], queryFn: () => apiRequest<ImportStorage>('/api/v1/imports/storage', { workspace: slug }) }),
  one: (slug: string, id: string) => queryOptions({ queryKey: [...importsKey(slug), 'one', id], queryFn: () => apiRequest<ContactImport>(importPath(id), { workspace: slug }) }),
  /** The file's columns and the guessed mapping: fixed once uploaded. */
  preview: (slug: string, id: string) =>
    queryOptions({
      queryKey: [...importsKey(slug), 'preview', id],
      queryFn: () => apiRequest<ImportPreview>(`${importPath(id)}/preview`, { workspace: slug }),
      staleTime: Infinity,
    }),
};

/** An import moved on: keep its state, refresh the recent ones. */
function useImportChanged(slug: string) {
  const queryClient = useQueryClient();
  return (imp: ContactImport) => {
    queryClient.setQueryData(importQueries.one(slug, imp.id).queryKey, imp);
    void queryClient.invalidateQueries({ queryKey: importQueries.recent(slug).queryKey });
  };
}

/** Uploads the file as a draft: nothing is imported until the mapping is confirmed and it starts. */
export function useUploadImport(slug: string) {
  const changed = useImportChanged(slug);
  return useMutation({
    mutationFn: async (file: File) => {
      const params = new URLSearchParams({ file_name: file.name, start: 'false' });
      const { body } = await apiResponse<ContactImport>(`/api/v1/imports?${params}`, { method: 'POST', raw: { body: file, type: 'text/csv' }, workspace: slug });
      return body;
    },
    onSuccess: changed,
  });
}

/** Saves the mapping and options of a draft, then starts it. */
export function useStartImport(slug: string, id: string) {
  const changed = useImportChanged(slug);
  return useMutation({
    mutationFn: async (settings?: BodyOf<'/api/v1/imports/{id}', 'patch'>) => {
      if (settings) await apiRequest<ContactImport>(importPath(id), { method: 'PATCH', body: settings, workspace: slug });
      return apiRequest<ContactImport>(`${importPath(id)}/start`, { method: 'POST', workspace: slug });
    },
    onSuccess: changed,
  });
}

export function useCancelImport(slug: string, id: string) {
  const changed = useImportChanged(slug);
  return useMutation({ mutationFn: () => apiRequest<ContactImport>(`${importPath(id)}/cancel`, { method: 'POST', workspace: slug }), onSuccess: changed });
}

/** Deletes a finished import and its files; the contacts it wrote stay. */
export function useDeleteImport(slug: string, id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => apiRequest<null>(importPath(id), { method: 'DELETE', workspace: slug }),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: importsKey(slug) }),
  });
}

/** Once an import ends, what it wrote shows: the contacts cached from before it are refreshed. */
export function useContactsAfterImport(slug: string, finished: boolean) {
  const queryClient = useQueryClient();
  useEffect(() => {
    if (finished) void queryClient.invalidateQueries({ queryKey: contactsKey(slug) });
  }, [finished, queryClient, slug]);
}
