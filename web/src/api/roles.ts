import { queryOptions } from '@tanstack/react-query';
import { apiRequest } from './client';
import type { Page } from './schema-types';
import type { RoleInfo } from './types';

/** The roles and what each may do: fixed by the server, so fetched once. */
export const rolesQuery = (slug: string) =>
  queryOptions({
    queryKey: [slug, 'roles'],
    queryFn: async () => (await apiRequest<Page<RoleInfo>>('/api/v1/roles', { workspace: slug })).data,
    staleTime: Infinity,
  });
