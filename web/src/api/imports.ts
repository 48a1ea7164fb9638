import { apiRequest, apiResponse } from './client';
import type { CustomFieldType } from './contacts';
import type { Page } from './types';

/** Contact fields a CSV column can fill; `full_name` is split into first and last name. */
export const IMPORT_FIELDS = [
  'email',
  'external_id',
  'first_name',
  'last_name',
  'full_name',
  'phone',
  'job_title',
  'company_name',
  'website',
  'country',
  'city',
  'lifecycle_stage',
  'lead_status',
  'owner_email',
  'source',
  'source_detail',
  'origin',
  'utm_source',
  'utm_medium',
  'utm_campaign',
  'utm_term',
  'utm_content',
  'referrer',
  'tags',
  'do_not_email',
  'do_not_call',
  'created_at',
] as const;
export type ImportField = (typeof IMPORT_FIELDS)[number];

export type MappingTarget = { kind: 'field'; field: ImportField } | { kind: 'custom'; key: string } | { kind: 'ignore' };

export interface MappingEntry {
  column: number;
  header: string;
  target: MappingTarget;
}

export interface ImportOptions {
  on_existing: 'update' | 'skip';
  keep_existing: boolean;
  tags: string[];
  placeholders: string[];
  day_first: boolean;
  create_fields: boolean;
}

export type ImportStatus = 'draft' | 'queued' | 'running' | 'done' | 'failed' | 'cancelled';

export interface ContactImport {
  id: string;
  status: ImportStatus;
  file_name: string;
  file_size: number;
  encoding: string | null;
  mapping: MappingEntry[] | null;
  options: ImportOptions;
  rows_total: number | null;
  rows_processed: number;
  rows_created: number;
  rows_updated: number;
  rows_skipped: number;
  rows_failed: number;
  error: string | null;
  error_report: string | null;
  created_by: { type: string; id: string | null };
  created_at: string;
  updated_at: string;
  started_at: string | null;
  finished_at: string | null;
  /** The upload and error report were removed then (kept 7 days for drafts, 30 after an import ends). */
  files_removed_at: string | null;
}

export interface ImportPreview {
  headers: string[];
  delimiter: string;
  encoding: string;
  mapping: (MappingEntry & { confidence?: 'exact' | 'alias' | 'none' | (string & {}) })[];
  /** Custom fields the import would create with `create_fields`, typed from the sample rows. */
  new_fields: { key: string; label: string; type: CustomFieldType }[];
  /** Why the mapping cannot run as it is. */
  problems: { field: string; message: string }[];
  sample_rows: string[][];
}

export const importsKey = (slug: string) => [slug, 'imports'] as const;
export const importKey = (slug: string, id: string) => [slug, 'imports', 'one', id] as const;
export const importPreviewKey = (slug: string, id: string) => [slug, 'imports', 'preview', id] as const;

const importPath = (id: string) => `/api/v1/imports/${encodeURIComponent(id)}`;

export const isFinished = (status: ImportStatus) => status === 'done' || status === 'failed' || status === 'cancelled';

export function listImports(slug: string, cursor: string | null) {
  const query = cursor ? `?cursor=${encodeURIComponent(cursor)}` : '';
  return apiRequest<Page<ContactImport>>(`/api/v1/imports${query}`, { workspace: slug });
}

export function getImport(slug: string, id: string) {
  return apiRequest<ContactImport>(importPath(id), { workspace: slug });
}

/** Uploads the file as a draft: nothing is imported until the mapping is confirmed and it starts. */
export async function uploadImport(slug: string, file: File) {
  const params = new URLSearchParams({ file_name: file.name, start: 'false' });
  const { body } = await apiResponse<ContactImport>(`/api/v1/imports?${params}`, {
    method: 'POST',
    raw: { body: file, type: 'text/csv' },
    workspace: slug,
  });
  return body;
}

export function importPreview(slug: string, id: string) {
  return apiRequest<ImportPreview>(`${importPath(id)}/preview`, { workspace: slug });
}

export function patchImport(slug: string, id: string, input: { mapping?: MappingEntry[] | null; options?: Partial<ImportOptions> }) {
  return apiRequest<ContactImport>(importPath(id), { method: 'PATCH', body: input, workspace: slug });
}

export function startImport(slug: string, id: string) {
  return apiRequest<ContactImport>(`${importPath(id)}/start`, { method: 'POST', workspace: slug });
}

export function cancelImport(slug: string, id: string) {
  return apiRequest<ContactImport>(`${importPath(id)}/cancel`, { method: 'POST', workspace: slug });
}

export const importErrorsPath = (id: string) => `${importPath(id)}/errors.csv`;
