import { apiRequest, apiResponse } from './client';
import type { Page } from './types';

export const LIFECYCLE_STAGES = ['subscriber', 'lead', 'mql', 'sql', 'opportunity', 'customer', 'evangelist', 'other'] as const;
export type LifecycleStage = (typeof LIFECYCLE_STAGES)[number];

/** The standard text fields of a contact, as the API names them. */
export const TEXT_FIELDS = [
  'first_name',
  'last_name',
  'phone',
  'job_title',
  'company_name',
  'website',
  'country',
  'city',
  'lead_status',
  'source',
  'source_detail',
  'origin',
  'utm_source',
  'utm_medium',
  'utm_campaign',
  'utm_term',
  'utm_content',
  'referrer',
  'latest_source',
  'latest_source_detail',
] as const;
export type TextField = (typeof TEXT_FIELDS)[number];

export type CustomValue = string | number | boolean | string[];

export type Contact = { [K in TextField]: string | null } & {
  id: string;
  email: string | null;
  external_id: string | null;
  lifecycle_stage: string;
  owner_id: string | null;
  company_id: string | null;
  score: number;
  fit_score: number;
  temperature: string | null;
  do_not_email: boolean;
  do_not_call: boolean;
  unsubscribed_at: string | null;
  tags: string[];
  custom: Record<string, unknown>;
  created_at: string;
  updated_at: string;
  last_activity_at: string | null;
};

/** What may be sent for a contact: every field optional, null clears it. */
export type ContactInput = Partial<{ [K in TextField]: string | null }> & {
  email?: string | null;
  external_id?: string | null;
  lifecycle_stage?: string;
  owner_id?: string | null;
  do_not_email?: boolean;
  do_not_call?: boolean;
  tags?: string[];
  custom?: Record<string, CustomValue | null>;
};

export type CustomFieldType = 'text' | 'number' | 'date' | 'boolean' | 'select' | 'multiselect';

export interface CustomField {
  key: string;
  label: string;
  type: CustomFieldType;
  options: string[];
  created_at: string;
}

export interface TimelineEntry {
  id: string;
  /** `contact.created`, `contact.updated`, `note.added`, and what later modules add. */
  kind: string;
  occurred_at: string;
  actor_type: 'user' | 'api_key' | 'import' | 'system' | (string & {});
  actor_id: string | null;
  data: Record<string, unknown>;
}

export type ContactSort = 'created_at' | 'updated_at' | 'score';

export interface ContactFilters {
  q?: string;
  stage?: string;
  tags?: string[];
  owner?: string;
  company?: string;
  list?: string;
  sort?: ContactSort;
  order?: 'asc' | 'desc';
}

export const contactsKey = (slug: string) => [slug, 'contacts'] as const;
export const contactListKey = (slug: string, filters: ContactFilters) => [slug, 'contacts', 'list', filters] as const;
export const contactKey = (slug: string, id: string) => [slug, 'contacts', 'one', id] as const;
export const timelineKey = (slug: string, id: string) => [slug, 'contacts', 'timeline', id] as const;
export const customFieldsKey = (slug: string) => [slug, 'custom-fields'] as const;

const contactPath = (id: string) => `/api/v1/contacts/${encodeURIComponent(id)}`;

/** The query string of `GET /api/v1/contacts` for these filters; also used by the CSV export. */
export function contactQuery(filters: ContactFilters): URLSearchParams {
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

export function listContacts(slug: string, filters: ContactFilters, cursor: string | null, limit = 50) {
  const params = contactQuery(filters);
  params.set('limit', String(limit));
  if (cursor) params.set('cursor', cursor);
  return apiRequest<Page<Contact>>(`/api/v1/contacts?${params}`, { workspace: slug });
}

export function getContact(slug: string, id: string) {
  return apiRequest<Contact>(contactPath(id), { workspace: slug });
}

/** Creates the contact, or fills in the one with the same email (`keep_existing`: nothing is overwritten). */
export async function createContact(slug: string, input: ContactInput): Promise<{ contact: Contact; created: boolean }> {
  const { status, body } = await apiResponse<Contact>('/api/v1/contacts', {
    method: 'POST',
    body: { ...input, keep_existing: true },
    workspace: slug,
  });
  return { contact: body, created: status === 201 };
}

export function patchContact(slug: string, id: string, input: ContactInput) {
  return apiRequest<Contact>(contactPath(id), { method: 'PATCH', body: input, workspace: slug });
}

export function deleteContact(slug: string, id: string) {
  return apiRequest<void>(contactPath(id), { method: 'DELETE', workspace: slug });
}

export function contactTimeline(slug: string, id: string, cursor: string | null) {
  const query = cursor ? `?cursor=${encodeURIComponent(cursor)}` : '';
  return apiRequest<Page<TimelineEntry>>(`${contactPath(id)}/timeline${query}`, { workspace: slug });
}

export function addNote(slug: string, id: string, text: string) {
  return apiRequest<{ contact_id: string; created_at: string }>(`${contactPath(id)}/notes`, {
    method: 'POST',
    body: { text },
    workspace: slug,
  });
}

export async function listCustomFields(slug: string) {
  return (await apiRequest<Page<CustomField>>('/api/v1/custom-fields', { workspace: slug })).data;
}

export function createCustomField(slug: string, input: { key: string; label: string; type: CustomFieldType; options?: string[] }) {
  return apiRequest<CustomField>('/api/v1/custom-fields', { method: 'POST', body: input, workspace: slug });
}

export function deleteCustomField(slug: string, key: string) {
  return apiRequest<void>(`/api/v1/custom-fields/${encodeURIComponent(key)}`, { method: 'DELETE', workspace: slug });
}

export interface Consent {
  id: string;
  contact_id: string;
  purpose: string;
  granted: boolean;
  text_shown: string;
  source: string;
  ip: string | null;
  occurred_at: string;
}

export const consentsKey = (slug: string, id: string) => [slug, 'contacts', 'consents', id] as const;

export async function listConsents(slug: string, id: string) {
  return (await apiRequest<Page<Consent>>(`${contactPath(id)}/consents`, { workspace: slug })).data;
}

export function recordConsent(
  slug: string,
  id: string,
  input: { purpose: string; granted: boolean; text_shown: string; source: string },
) {
  return apiRequest<Consent>(`${contactPath(id)}/consents`, { method: 'POST', body: input, workspace: slug });
}

/** Deletes the person for good and keeps a hash of their email so they are not added again. */
export function eraseContact(slug: string, id: string) {
  return apiRequest<{ id: string; erased_at: string; email_suppressed: boolean }>(`${contactPath(id)}/erase`, {
    method: 'POST',
    workspace: slug,
  });
}

export const contactExportPath = (id: string) => `${contactPath(id)}/export`;
/** The filters alone, without the order: what the export, the count and bulk actions take. */
function filterQuery(filters: ContactFilters): string {
  const params = contactQuery(filters);
  params.delete('sort');
  params.delete('order');
  const query = params.toString();
  return query ? `?${query}` : '';
}

export const contactsExportPath = (filters: ContactFilters) => `/api/v1/contacts/export${filterQuery(filters)}`;

export const contactCountKey = (slug: string, filters: ContactFilters) => [slug, 'contacts', 'count', filterQuery(filters)] as const;

export async function countContacts(slug: string, filters: ContactFilters): Promise<number> {
  return (await apiRequest<{ count: number }>(`/api/v1/contacts/count${filterQuery(filters)}`, { workspace: slug })).count;
}

export type BulkActionInput = { action: 'add_tags' | 'remove_tags'; tags: string[] } | { action: 'add_to_list'; list_id: string } | { action: 'delete' };

export interface BulkAction {
  id: string;
  action: BulkActionInput['action'];
  tags?: string[];
  list_id?: string;
  status: 'queued' | 'running' | 'done' | 'failed';
  /** Contacts the filters matched when it was asked for. */
  total: number;
  processed: number;
  error: string | null;
  finished_at: string | null;
}

/** Applies the action to every contact the filters match, in the background. */
/** Runs an action on every contact the filters match, or, with `ids`, on those contacts (ticked rows): in the background. */
export function startBulkAction(slug: string, filters: ContactFilters, input: BulkActionInput, ids?: string[]) {
  return apiRequest<BulkAction>(`/api/v1/contacts/bulk-actions${filterQuery(filters)}`, { method: 'POST', workspace: slug, body: { ...input, ids } });
}

export function getBulkAction(slug: string, id: string) {
  return apiRequest<BulkAction>(`/api/v1/contacts/bulk-actions/${encodeURIComponent(id)}`, { workspace: slug });
}

export type DuplicateReason = 'same_name_and_company' | 'same_phone';

export interface DuplicatePair {
  contact: Contact;
  other: Contact;
  reasons: DuplicateReason[];
}

export const duplicatesKey = (slug: string) => [slug, 'contacts', 'duplicates'] as const;

/** Where the search for duplicates stands: pairs are found by a background scan. */
export interface DuplicateScanState {
  scanned_at: string | null;
  scanning: boolean;
  /** Contacts changed since the last scan. */
  outdated: boolean;
}

export function listDuplicates(slug: string, cursor: string | null) {
  const query = cursor ? `?cursor=${encodeURIComponent(cursor)}` : '';
  return apiRequest<Page<DuplicatePair> & DuplicateScanState>(`/api/v1/contacts/duplicates${query}`, { workspace: slug });
}

export function scanDuplicates(slug: string) {
  return apiRequest<DuplicateScanState>('/api/v1/contacts/duplicates/scan', { method: 'POST', workspace: slug });
}

/** Marks a pair "not a duplicate": later scans leave it out. */
export function dismissDuplicate(slug: string, pair: DuplicatePair) {
  return apiRequest<void>('/api/v1/contacts/duplicates/dismiss', { method: 'POST', workspace: slug, body: { contact_id: pair.contact.id, other_id: pair.other.id } });
}

/** Merges `otherId` into `survivorId`; `keep` names, per differing field, whose value survives. */
export function mergeContacts(slug: string, survivorId: string, otherId: string, keep: Record<string, 'this' | 'other'>) {
  return apiRequest<Contact>(`${contactPath(survivorId)}/merge`, {
    method: 'POST',
    body: { other_id: otherId, keep },
    workspace: slug,
  });
}
