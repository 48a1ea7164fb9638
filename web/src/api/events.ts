import { queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import { apiRequest } from './client';
import type { ItemOf, Page } from './schema-types';

export type EventSubscriber = ItemOf<'/api/v1/event-subscribers', 'get'>;
export type DeadLetter = ItemOf<'/api/v1/event-subscribers/dead-letters', 'get'>;

const eventsKey = (slug: string) => [slug, 'event-delivery'] as const;

/** Delivery state changes by itself (the worker moves on): polled while the page is open. */
export const subscribersQuery = (slug: string) =>
  queryOptions({
    queryKey: [...eventsKey(slug), 'subscribers'],
    queryFn: () => apiRequest<Page<EventSubscriber>>('/api/v1/event-subscribers', { workspace: slug }),
    refetchInterval: 5_000,
  });

export const deadLettersQuery = (slug: string) =>
  queryOptions({
    queryKey: [...eventsKey(slug), 'dead-letters'],
    queryFn: () => apiRequest<Page<DeadLetter>>('/api/v1/event-subscribers/dead-letters?limit=200', { workspace: slug }),
    refetchInterval: 5_000,
  });

const letterPath = (letter: DeadLetter) =>
  `/api/v1/event-subscribers/${encodeURIComponent(letter.subscriber)}/dead-letters/${encodeURIComponent(letter.event_id)}`;

/** Retry or dismiss a dead letter; either way the page's lists are fetched again. */
export function useDeadLetterAction(slug: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ letter, action }: { letter: DeadLetter; action: 'retry' | 'dismiss' }) =>
      action === 'retry'
        ? apiRequest<void>(`${letterPath(letter)}/retry`, { method: 'POST', workspace: slug })
        : apiRequest<void>(letterPath(letter), { method: 'DELETE', workspace: slug }),
    onSettled: () => queryClient.invalidateQueries({ queryKey: eventsKey(slug) }),
  });
}
