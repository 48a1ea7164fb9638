import { infiniteQueryOptions, queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import { apiRequest } from './client';
import { contactsKey } from './contacts';
import type { BodyOf, Page, QueryOf, ResponseOf } from './schema-types';

export type Company = ResponseOf<'/api/v1/companies/{id}', 'get'>;
export type CompanyInput = BodyOf<'/api/v1/companies/{id}', 'patch'>;
export type NewCompany = BodyOf<'/api/v1/companies', 'post'>;
export type CompanyFilters = Pick<QueryOf<'/api/v1/companies', 'get'>, 'q' | 'sort' | 'order'>;

const companiesKey = (slug: string) => [slug, 'companies'] as const;
const companyPath = (id: string) => `/api/v1/companies/${encodeURIComponent(id)}`;

function listCompanies(slug: string, filters: CompanyFilters, cursor: string | null, limit: number) {
  const params = new URLSearchParams({ limit: String(limit) });
  if (filters.q?.trim()) params.set('q', filters.q.trim());
  if (filters.sort) params.set('sort', filters.sort);
  if (filters.order) params.set('order', filters.order);
  if (cursor) params.set('cursor', cursor);
  return apiRequest<Page<Company>>(`/api/v1/companies?${params}`, { workspace: slug });
}

export const companyQueries = {
  list: (slug: string, filters: CompanyFilters, limit = 50) =>
    infiniteQueryOptions({
      queryKey: [...companiesKey(slug), 'list', filters, limit],
      queryFn: ({ pageParam }) => listCompanies(slug, filters, pageParam, limit),
      initialPageParam: null as string | null,
      getNextPageParam: (last) => last.next_cursor,
    }),
  /** The first companies whose name or domain starts with `q`: for pickers. */
  search: (slug: string, q: string, limit = 20) =>
    queryOptions({ queryKey: [...companiesKey(slug), 'search', q, limit], queryFn: async () => (await listCompanies(slug, { q: q || undefined, sort: 'name' }, null, limit)).data }),
  one: (slug: string, id: string) => queryOptions({ queryKey: [...companiesKey(slug), 'one', id], queryFn: () => apiRequest<Company>(companyPath(id), { workspace: slug }) }),
};

/** A company was created or changed: keep its record, refresh the lists and pickers it shows in. */
function useCompanyChanged(slug: string) {
  const queryClient = useQueryClient();
  return (company: Company) => {
    queryClient.setQueryData(companyQueries.one(slug, company.id).queryKey, company);
    void queryClient.invalidateQueries({ queryKey: [...companiesKey(slug), 'list'] });
    void queryClient.invalidateQueries({ queryKey: [...companiesKey(slug), 'search'] });
  };
}

export function useCreateCompany(slug: string) {
  const changed = useCompanyChanged(slug);
  return useMutation({
    mutationFn: (input: NewCompany) => apiRequest<Company>('/api/v1/companies', { method: 'POST', body: input, workspace: slug }),
    onSuccess: changed,
  });
}

export function useSaveCompany(slug: string, id: string) {
  const changed = useCompanyChanged(slug);
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: CompanyInput) => apiRequest<Company>(companyPath(id), { method: 'PATCH', body: input, workspace: slug }),
    onSuccess: (company) => {
      changed(company);
      // Contacts show their company's name.
      void queryClient.invalidateQueries({ queryKey: contactsKey(slug) });
    },
  });
}

/** Its contacts stay, without a company. */
export function useDeleteCompany(slug: string, id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => apiRequest<void>(companyPath(id), { method: 'DELETE', workspace: slug }),
    onSuccess: () => {
      queryClient.removeQueries({ queryKey: companyQueries.one(slug, id).queryKey });
      void queryClient.invalidateQueries({ queryKey: companiesKey(slug) });
      void queryClient.invalidateQueries({ queryKey: contactsKey(slug) });
    },
  });
}
