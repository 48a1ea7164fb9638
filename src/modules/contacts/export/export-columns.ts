// The columns of a contacts export, and how a contact becomes a row. Pure.
import type { Contact } from '../../../db/schema.js';
import { textCell as cell } from '../csv-cells.js';
import type { CustomFieldDefinition } from '../custom-fields.js';

/** Custom fields are exported as `custom.<key>`, the way the list API filters them. */
export const CUSTOM_COLUMN_PREFIX = 'custom.';

// Every header is the import's own key for its field, so an export imports back with the
// guessed mapping. `inflow_id`, not `id`: other tools' `id` columns are imported as external ids.
const COLUMNS = [
  'inflow_id', 'email', 'external_id', 'first_name', 'last_name', 'phone', 'mobile_phone', 'job_title',
  'company_name', 'website', 'street', 'city', 'state', 'postal_code', 'country', 'lifecycle_stage', 'lead_status', 'owner_email', 'source', 'source_detail',
  'origin', 'utm_source', 'utm_medium', 'utm_campaign', 'utm_term', 'utm_content', 'referrer',
  'latest_source', 'latest_source_detail', 'tags', 'do_not_email', 'do_not_call', 'unsubscribed_at',
  'score', 'fit_score', 'temperature', 'created_at', 'updated_at', 'last_activity_at',
] as const;

/** Columns an export has that an import does not write (computed, or kept by Inflow itself). */
export const EXPORT_ONLY_COLUMNS: ReadonlySet<string> = new Set([
  'inflow_id', 'latest_source', 'latest_source_detail', 'score', 'fit_score',
  'temperature', 'updated_at', 'last_activity_at',
]);

export function exportHeader(definitions: readonly CustomFieldDefinition[]): string[] {
  return [...COLUMNS, ...definitions.map((d) => `${CUSTOM_COLUMN_PREFIX}${d.key}`)];
}

/** A contact as the cells of one row, in the order of {@link exportHeader}; not yet formula-escaped. */
export function exportRow(contact: Contact, definitions: readonly CustomFieldDefinition[], ownerEmails: ReadonlyMap<string, string>): string[] {
  const values: Record<(typeof COLUMNS)[number], unknown> = {
    ...contact,
    inflow_id: contact.id,
    owner_email: contact.owner_id ? ownerEmails.get(contact.owner_id) : null,
  };
  return [...COLUMNS.map((column) => cell(values[column])), ...definitions.map((d) => cell(contact.custom[d.key]))];
}
