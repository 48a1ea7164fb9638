import { apiRequest } from './client';
import type { Contact } from './contacts';
import type { Page } from './types';

export interface Company {
  id: string;
  name: string;
  domain: string | null;
  industry: string | null;
  size: string | null;
  revenue: number | null;
  country: string | null;
  contact_count: number;
  created_at: string;
  updated_at: string;
}

export type CompanyInput = Partial<Pick<Company, 'domain' | 'industry' | 'size' | 'revenue' | 'country'>> & { name?: string };

export interface CompanyFilters {
  q?: string;
  sort?: 'name' | 'created_at';
  order?: 'asc' | 'desc';
}

export const companiesKey = (slug: string) => [slug, 'companies'] as const;
export const companyListKey = (slug: string, filters: CompanyFilters) => [slug, 'companies', 'list', filters] as const;
export const companyKey = (slug: string, id: string) => [slug, 'companies', 'one', id] as const;
export const companyContactsKey = (slug: string, id: string) => [slug, 'companies', 'contacts', id] as const;

const companyPath = (id: string) => `/api/v1/companies/${encodeURIComponent(id)}`;

export function listCompanies(slug: string, filters: CompanyFilters, cursor: string | null, limit = 50) {
  const params = new URLSearchParams({ limit: String(limit) });
  if (filters.q?.trim()) params.set('q', filters.q.trim());
  if (filters.sort) params.set('sort', filters.sort);
  if (filters.order) params.set('order', filters.order);
  if (cursor) params.set('cursor', cursor);
  return apiRequest<Page<Company>>(`/api/v1/companies?${params}`, { workspace: slug });
}

export function getCompany(slug: string, id: string) {
  return apiRequest<Company>(companyPath(id), { workspace: slug });
}

export function createCompany(slug: string, input: CompanyInput & { name: string }) {
  return apiRequest<Company>('/api/v1/companies', { method: 'POST', body: input, workspace: slug });
}

export function patchCompany(slug: string, id: string, input: CompanyInput) {
  return apiRequest<Company>(companyPath(id), { method: 'PATCH', body: input, workspace: slug });
}

export function deleteCompany(slug: string, id: string) {
  return apiRequest<void>(companyPath(id), { method: 'DELETE', workspace: slug });
}

export function companyContacts(slug: string, id: string, cursor: string | null) {
  const query = cursor ? `?cursor=${encodeURIComponent(cursor)}` : '';
  return apiRequest<Page<Contact>>(`${companyPath(id)}/contacts${query}`, { workspace: slug });
}
