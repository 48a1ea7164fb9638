import { sql } from 'kysely';
import type { Executor } from '../../db/database.js';
import { isId } from '../../db/ids.js';
import { pastKeyset, type Keyset } from '../../db/keyset.js';
import { likePrefix } from '../../db/like.js';
import type { Contact } from '../../db/schema.js';
import { invalid } from '../../errors.js';
import { memberIdsOfList } from '../lists/service.js';
import type { CustomFieldDefinition } from './custom-fields.js';

export const SORTS = ['created_at', 'updated_at', 'score'] as const;
export type Sort = (typeof SORTS)[number];

export interface ContactFilters {
  email?: string;
  /** Exactly this external id. */
  external_id?: string;
  /** A phone number, compared by its digits. */
  phone?: string;
  /**
   * Prefix of the email, first name, last name or company name; a full name ("Ana Souza": first
   * name, then last name); an external id; or the start of a phone number's digits.
   */
  q?: string;
  tag?: string[];
  stage?: string;
  owner?: string;
  company?: string;
  list?: string;
  created_after?: string;
  created_before?: string;
  /** Only these contacts (ticked rows in the dashboard); checked to be ids by the caller. */
  ids?: readonly string[];
  /** `custom.<key>` → the value as text from the query string, typed by the field's definition. */
  custom: Record<string, string>;
}

export interface ContactPage {
  sort: Sort;
  order: 'asc' | 'desc';
  limit: number;
  after: Keyset | null;
}

/** Filters naming a record (owner, company, list) must name it by id; `owner=none` means no owner. */
export function checkFilterIds(filters: ContactFilters): void {
  for (const field of ['owner', 'company', 'list'] as const) {
    const value = filters[field];
    if (value && !isId(value) && !(field === 'owner' && value === 'none')) {
      throw invalid('A filter names a record that cannot exist', [{ field, in: 'querystring', message: 'must be an id' }]);
    }
  }
}

/** The filters of a query string (the list's, the export's, a bulk action's), checked: `custom.<key>=…` become `custom`. */
export function filtersFromQuery(query: Record<string, unknown>): ContactFilters {
  const custom: Record<string, string> = {};
  for (const [key, value] of Object.entries(query)) if (key.startsWith('custom.')) custom[key.slice(7)] = String(value);
  const filters: ContactFilters = { ...(query as Omit<ContactFilters, 'custom'>), custom };
  checkFilterIds(filters);
  return filters;
}

/** A phone number's digits, as the database keeps them in `phone_digits`. */
export const phoneDigits = (phone: string): string => phone.replace(/[^0-9]/g, '');

// Digits with the punctuation phone numbers are written with, and enough of them to mean one.
const looksLikePhone = (text: string): boolean => /^[+(]?[0-9][0-9 ()./-]*$/.test(text) && phoneDigits(text).length >= 4;

/** The query-string value of a custom field filter as the JSON the column holds. */
function customFilterValue(definition: CustomFieldDefinition, raw: string): unknown {
  switch (definition.type) {
    case 'number': {
      const n = Number(raw);
      if (raw.trim() === '' || !Number.isFinite(n)) throw invalid('A filter value does not fit its field', [{ field: `custom.${definition.key}`, in: 'querystring', message: 'must be a number' }]);
      return n;
    }
    case 'boolean':
      if (raw !== 'true' && raw !== 'false') throw invalid('A filter value does not fit its field', [{ field: `custom.${definition.key}`, in: 'querystring', message: 'must be true or false' }]);
      return raw === 'true';
    case 'multiselect':
      return [raw];
    default:
      return raw;
  }
}

/** The workspace's contacts that pass the filters, as a query to sort and page (the list, the export). */
export function filteredContacts(db: Executor, workspaceId: string, filters: ContactFilters, definitions: ReadonlyMap<string, CustomFieldDefinition>) {
  // Contacts in the trash are out of every list, count, export and bulk action.
  let query = db.selectFrom('contacts').selectAll().where('workspace_id', '=', workspaceId).where('deleted_at', 'is', null);
  if (filters.ids) query = query.where(sql<boolean>`id = any(${filters.ids}::uuid[])`);
  if (filters.email) query = query.where(sql`lower(email)`, '=', filters.email.trim().toLowerCase());
  if (filters.external_id) query = query.where('external_id', '=', filters.external_id.trim());
  if (filters.phone !== undefined) query = query.where('phone_digits', '=', phoneDigits(filters.phone)).where('phone_digits', '<>', '');
  if (filters.q) {
    const text = filters.q.trim();
    const prefix = likePrefix(text.toLowerCase());
    const [first, ...rest] = text.toLowerCase().split(/\s+/);
    const digits = phoneDigits(text);
    query = query.where((eb) =>
      eb.or([
        eb(sql`lower(email)`, 'like', prefix),
        eb(sql`lower(first_name)`, 'like', prefix),
        eb(sql`lower(last_name)`, 'like', prefix),
        eb(sql`lower(company_name)`, 'like', prefix),
        eb('external_id', '=', text),
        // "Ana Souza": the first word begins the first name and the rest the last name.
        ...(rest.length > 0 ? [eb.and([eb(sql`lower(first_name)`, 'like', likePrefix(first!)), eb(sql`lower(last_name)`, 'like', likePrefix(rest.join(' ')))])] : []),
        // Something that reads as a phone number ("+55 11 9876", "(11) 98765-4321").
        ...(looksLikePhone(text) ? [eb.and([eb('phone_digits', '<>', ''), eb('phone_digits', 'like', likePrefix(digits))])] : []),
      ]),
    );
  }
  // `<> '{}'` (implied, but not to the planner) lets the partial GIN indexes serve the filter;
  // tags are matched in any case, through their lower-cased copy (migration 0005).
  if (filters.tag && filters.tag.length > 0) {
    query = query.where(sql<boolean>`tag_keys <> '{}' and tag_keys @> inflow_lower_tags(${filters.tag}::text[])`);
  }
  if (filters.stage) query = query.where('lifecycle_stage', '=', filters.stage);
  if (filters.owner) query = filters.owner === 'none' ? query.where('owner_id', 'is', null) : query.where('owner_id', '=', filters.owner);
  if (filters.company) query = query.where('company_id', '=', filters.company);
  if (filters.list) query = query.where('id', 'in', memberIdsOfList(db, workspaceId, filters.list));
  if (filters.created_after) query = query.where('created_at', '>=', new Date(filters.created_after));
  if (filters.created_before) query = query.where('created_at', '<', new Date(filters.created_before));
  const custom: Record<string, unknown> = {};
  for (const [key, raw] of Object.entries(filters.custom)) {
    const definition = definitions.get(key);
    if (!definition) throw invalid('Unknown custom field in a filter', [{ field: `custom.${key}`, in: 'querystring', message: 'is not a custom field of this workspace' }]);
    custom[key] = customFilterValue(definition, raw);
  }
  if (Object.keys(custom).length > 0) query = query.where(sql<boolean>`custom <> '{}' and custom @> ${JSON.stringify(custom)}::jsonb`);
  return query;
}

/**
 * One page of a workspace's contacts, filtered and sorted, by keyset on (sort column, id): a
 * page costs the same at row 1,000,000 as at row 1.
 */
export async function listContacts(
  db: Executor,
  workspaceId: string,
  filters: ContactFilters,
  page: ContactPage,
  definitions: ReadonlyMap<string, CustomFieldDefinition>,
): Promise<Array<Contact & { sort_key: string }>> {
  let query = filteredContacts(db, workspaceId, filters, definitions).select(sql<string>`${sql.ref(page.sort)}::text`.as('sort_key'));
  if (page.after) query = query.where(pastKeyset(sql.ref(page.sort), 'id', page.after, page.order, page.sort === 'score' ? 'integer' : 'timestamptz'));
  return query.orderBy(page.sort, page.order).orderBy('id', page.order).limit(page.limit).execute();
}
