import { queryOptions } from '@tanstack/react-query';
import { apiRequest } from './client';
import { pagesKey } from './pages';
import type { ResponseOf } from './schema-types';

export type PageAnalytics = ResponseOf<'/api/v1/pages/{id}/analytics', 'get'>;
type PageDetail = ResponseOf<'/api/v1/pages/{id}', 'get'>;

const pagePath = (id: string) => `/api/v1/pages/${encodeURIComponent(id)}`;

export const pageAnalyticsQueries = {
  page: (slug: string, id: string) => queryOptions({ queryKey: [...pagesKey(slug), 'one', id], queryFn: () => apiRequest<PageDetail>(pagePath(id), { workspace: slug }) }),
  analytics: (slug: string, id: string) => queryOptions({ queryKey: [...pagesKey(slug), 'analytics', id], queryFn: () => apiRequest<PageAnalytics>(`${pagePath(id)}/analytics`, { workspace: slug }) }),
};
