import { infiniteQueryOptions, queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import { apiRequest } from './client';
import type { BodyOf, ItemOf, QueryOf, ResponseOf } from './schema-types';

export type TrackingSettings = ResponseOf<'/api/v1/tracking/settings', 'get'>;
export type TrackingSettingsPatch = BodyOf<'/api/v1/tracking/settings', 'patch'>;
export type TrackingStatus = ResponseOf<'/api/v1/tracking/status', 'get'>;
export type LiveVisitors = ResponseOf<'/api/v1/tracking/live', 'get'>;
export type TrackedEvent = ItemOf<'/api/v1/tracking/events', 'get'>;
export type EventFilter = Omit<QueryOf<'/api/v1/tracking/events', 'get'>, 'cursor' | 'limit'>;
export type ChannelFigures = ResponseOf<'/api/v1/tracking/channels', 'get'>;
export type TopPages = ResponseOf<'/api/v1/tracking/pages', 'get'>;
export type VisitorPath = ResponseOf<'/api/v1/tracking/visitors/{id}', 'get'>;
export type VisitSession = VisitorPath['sessions'][number];
export type ContactSources = ResponseOf<'/api/v1/contacts/{id}/sources', 'get'>;
export type Channel = ChannelFigures['totals'][number]['channel'];

/** Every cached answer about tracking. */
export const trackingKey = (slug: string) => [slug, 'tracking'] as const;

const query = (params: Record<string, string | number | undefined>) => {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) if (value !== undefined && value !== '') search.set(key, String(value));
  const text = search.toString();
  return text ? `?${text}` : '';
};

export const trackingQueries = {
  settings: (slug: string) => queryOptions({ queryKey: [...trackingKey(slug), 'settings'], queryFn: () => apiRequest<TrackingSettings>('/api/v1/tracking/settings', { workspace: slug }) }),
  identifyKey: (slug: string) =>
    queryOptions({ queryKey: [...trackingKey(slug), 'identify-key'], queryFn: async () => (await apiRequest<{ identify_key: string }>('/api/v1/tracking/identify-key', { workspace: slug })).identify_key }),
  status: (slug: string, since?: string) =>
    queryOptions({ queryKey: [...trackingKey(slug), 'status', since ?? null], queryFn: () => apiRequest<TrackingStatus>(`/api/v1/tracking/status${query({ since })}`, { workspace: slug }) }),
  live: (slug: string) => queryOptions({ queryKey: [...trackingKey(slug), 'live'], queryFn: () => apiRequest<LiveVisitors>('/api/v1/tracking/live', { workspace: slug }), refetchInterval: 10_000 }),
  channels: (slug: string, period: { from?: string; to?: string } = {}) =>
    queryOptions({ queryKey: [...trackingKey(slug), 'channels', period], queryFn: () => apiRequest<ChannelFigures>(`/api/v1/tracking/channels${query(period)}`, { workspace: slug }) }),
  pages: (slug: string, period: { from?: string; to?: string } = {}) =>
    queryOptions({ queryKey: [...trackingKey(slug), 'pages', period], queryFn: () => apiRequest<TopPages>(`/api/v1/tracking/pages${query(period)}`, { workspace: slug }) }),
  events: (slug: string, filter: EventFilter) =>
    infiniteQueryOptions({
      queryKey: [...trackingKey(slug), 'events', filter],
      queryFn: ({ pageParam }) => apiRequest<{ data: TrackedEvent[]; next_cursor: string | null }>(`/api/v1/tracking/events${query({ ...filter, cursor: pageParam ?? undefined, limit: 50 })}`, { workspace: slug }),
      initialPageParam: null as string | null,
      getNextPageParam: (last) => last.next_cursor,
    }),
  visitor: (slug: string, id: string) => queryOptions({ queryKey: [...trackingKey(slug), 'visitor', id], queryFn: () => apiRequest<VisitorPath>(`/api/v1/tracking/visitors/${encodeURIComponent(id)}`, { workspace: slug }) }),
  contactSources: (slug: string, contactId: string) =>
    queryOptions({ queryKey: [...trackingKey(slug), 'contact-sources', contactId], queryFn: () => apiRequest<ContactSources>(`/api/v1/contacts/${encodeURIComponent(contactId)}/sources`, { workspace: slug }) }),
};

export function useSaveTrackingSettings(slug: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (patch: TrackingSettingsPatch) => apiRequest<TrackingSettings>('/api/v1/tracking/settings', { method: 'PATCH', body: patch, workspace: slug }),
    onSuccess: (settings) => client.setQueryData(trackingQueries.settings(slug).queryKey, settings),
  });
}

export function useRotateIdentifyKey(slug: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: async () => (await apiRequest<{ identify_key: string }>('/api/v1/tracking/identify-key/rotate', { method: 'POST', workspace: slug })).identify_key,
    onSuccess: (key) => client.setQueryData(trackingQueries.identifyKey(slug).queryKey, key),
  });
}
