import { queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import { apiRequest, fetchAllPages } from './client';
import type { BodyOf, ItemOf, ResponseOf } from './schema-types';

export type Popup = ResponseOf<'/api/v1/popups/{id}', 'get'>;
export type PopupListItem = ItemOf<'/api/v1/popups', 'get'>;
export type PopupSettings = Popup['settings'];
export type PopupCreate = BodyOf<'/api/v1/popups', 'post'>;
export type PopupPatch = BodyOf<'/api/v1/popups/{id}', 'patch'>;
export type PopupAnalytics = ResponseOf<'/api/v1/popups/{id}/analytics', 'get'>;

/** Every cached answer about pop-ups. */
export const popupsKey = (slug: string) => [slug, 'popups'] as const;
const popupPath = (id: string) => `/api/v1/popups/${encodeURIComponent(id)}`;

export const popupQueries = {
  all: (slug: string) => queryOptions({ queryKey: [...popupsKey(slug), 'all'], queryFn: () => fetchAllPages<PopupListItem>('/api/v1/popups', slug) }),
  one: (slug: string, id: string) => queryOptions({ queryKey: [...popupsKey(slug), 'one', id], queryFn: () => apiRequest<Popup>(popupPath(id), { workspace: slug }) }),
  analytics: (slug: string, id: string) =>
    queryOptions({ queryKey: [...popupsKey(slug), 'analytics', id], queryFn: () => apiRequest<PopupAnalytics>(`${popupPath(id)}/analytics`, { workspace: slug }) }),
  snippet: (slug: string) =>
    queryOptions({ queryKey: [...popupsKey(slug), 'snippet'], queryFn: async () => (await apiRequest<{ snippet: string }>('/api/v1/popups/snippet', { workspace: slug })).snippet, staleTime: Infinity }),
};

export function useCreatePopup(slug: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: PopupCreate) => apiRequest<Popup>('/api/v1/popups', { method: 'POST', body: input, workspace: slug }),
    onSuccess: () => client.invalidateQueries({ queryKey: popupsKey(slug) }),
  });
}

/** Saves an edit, naming the revision it was loaded at (409 when someone saved since). */
export function useSavePopup(slug: string, id: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: PopupPatch) => apiRequest<Popup>(popupPath(id), { method: 'PATCH', body: input, workspace: slug }),
    onSuccess: (popup) => {
      client.setQueryData(popupQueries.one(slug, id).queryKey, popup);
      void client.invalidateQueries({ queryKey: [...popupsKey(slug), 'all'] });
    },
  });
}

export function useSetPopupStatus(slug: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ id, status }: { id: string; status: 'active' | 'paused' }) => apiRequest<Popup>(`${popupPath(id)}/${status === 'active' ? 'activate' : 'pause'}`, { method: 'POST', workspace: slug }),
    onSuccess: (popup) => {
      client.setQueryData(popupQueries.one(slug, popup.id).queryKey, popup);
      void client.invalidateQueries({ queryKey: [...popupsKey(slug), 'all'] });
    },
  });
}

export function useDeletePopup(slug: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => apiRequest<void>(popupPath(id), { method: 'DELETE', workspace: slug }),
    onSuccess: () => client.invalidateQueries({ queryKey: popupsKey(slug) }),
  });
}
