import { sql } from 'kysely';
import { isId, newId } from '../../db/ids.js';
import { conflict, invalid, notFound, type FieldError } from '../../errors.js';
import { pastKeyset, type Keyset } from '../../db/keyset.js';
import { likePrefix } from '../../db/like.js';
import { cleanText } from '../../lib/text.js';
import { normaliseCompanyDomain } from './company-domain.js';
import type { COMPANY_SORTS, CompanyCreateInput, CompanyPatchInput, CompanyView } from './schema.js';
import type { Executor } from '../../db/database.js';
import { plural } from '../../lib/plural.js';

const COLUMNS = ['id', 'name', 'domain', 'industry', 'size', 'revenue', 'country', 'created_at', 'updated_at'] as const;

export interface CompanyFilters {
  /** Prefix of the name or the domain, case-insensitive. */
  q?: string;
  /** Exact domain, normalised like a stored one. */
  domain?: string;
}

export interface CompanyPage {
  sort: CompanySort;
  order: 'asc' | 'desc';
  limit: number;
  after: Keyset | null;
}

/** A company as stored; how many contacts it has is the contacts module's to say. */
export type CompanyRecord = Omit<CompanyView, 'contact_count'>;

export type CompanySort = (typeof COMPANY_SORTS)[number];

function checkedDomain(raw: string | null | undefined, errors: FieldError[]): string | null | undefined {
  if (raw === undefined || raw === null || raw.trim() === '') return raw === undefined ? undefined : null;
  const result = normaliseCompanyDomain(raw);
  if (result.ok) return result.domain;
  errors.push({ field: 'domain', message: result.reason });
  return undefined;
}

interface CompanyValues {
  name?: string;
  domain?: string | null;
  industry?: string | null;
  size?: string | null;
  revenue?: number | null;
  country?: string | null;
}

/** The input's fields, cleaned, with every problem named at once; only the fields sent. */
function checkedCompany(input: CompanyPatchInput) {
  const errors: FieldError[] = [];
  const values: CompanyValues = {};
  if (input.name !== undefined) {
    const name = cleanText(input.name);
    if (name === null) errors.push({ field: 'name', message: 'must not be empty' });
    else values.name = name;
  }
  const domain = checkedDomain(input.domain, errors);
  if (domain !== undefined) values.domain = domain;
  for (const field of ['industry', 'size', 'country'] as const) if (input[field] !== undefined) values[field] = cleanText(input[field]);
  if (input.revenue !== undefined) values.revenue = input.revenue;
  if (errors.length > 0) throw invalid(`${plural(errors.length, 'field of the company is', 'fields of the company are')} not valid`, errors);
  return values;
}

const domainTaken = () => conflict('Another company of this workspace has this domain', [{ field: 'domain', message: 'belongs to another company' }]);

/** Runs a write whose only unique constraint is the domain, turning a collision into a 409. */
async function uniqueDomain<T>(write: () => Promise<T>): Promise<T> {
  try {
    return await write();
  } catch (err) {
    if ((err as { code?: string }).code === '23505') throw domainTaken();
    throw err;
  }
}

/** One page of the workspace's companies, by keyset on (sort value, id); `sort_key` keys the next page. */
export async function listCompanies(db: Executor, workspaceId: string, filters: CompanyFilters, page: CompanyPage): Promise<Array<CompanyRecord & { sort_key: string }>> {
  const sortKey = page.sort === 'name' ? sql<string>`lower(name)` : sql<string>`created_at`;
  let query = db.selectFrom('companies').select([...COLUMNS, sql<string>`${sortKey}::text`.as('sort_key')]).where('workspace_id', '=', workspaceId);
  if (filters.q) {
    const prefix = likePrefix(filters.q.trim());
    query = query.where((eb) => eb.or([eb(sql`lower(name)`, 'like', prefix), eb('domain', 'like', prefix)]));
  }
  if (filters.domain !== undefined) {
    const errors: FieldError[] = [];
    const domain = checkedDomain(filters.domain, errors);
    if (errors.length > 0) throw invalid('The domain filter is not a domain', errors.map((e) => ({ ...e, in: 'querystring' })));
    query = query.where('domain', '=', domain ?? '');
  }
  if (page.after) query = query.where(pastKeyset(sortKey, 'id', page.after, page.order, page.sort === 'name' ? 'text' : 'timestamptz'));
  return query.orderBy(sortKey, page.order).orderBy('id', page.order).limit(page.limit).execute();
}

export async function getCompany(db: Executor, workspaceId: string, id: string): Promise<CompanyRecord> {
  if (!isId(id)) throw notFound('Company');
  const row = await db.selectFrom('companies').select(COLUMNS).where('workspace_id', '=', workspaceId).where('id', '=', id).executeTakeFirst();
  if (!row) throw notFound('Company');
  return row;
}

export async function createCompany(db: Executor, workspaceId: string, input: CompanyCreateInput): Promise<CompanyRecord> {
  const values = checkedCompany(input);
  const row = await uniqueDomain(() =>
    db
      .insertInto('companies')
      .values({ workspace_id: workspaceId, id: newId(), ...values, name: values.name! })
      .returning(COLUMNS)
      .executeTakeFirstOrThrow(),
  );
  return row;
}

export async function patchCompany(db: Executor, workspaceId: string, id: string, input: CompanyPatchInput): Promise<CompanyRecord> {
  if (!isId(id)) throw notFound('Company');
  const values = checkedCompany(input);
  if (Object.keys(values).length === 0) return getCompany(db, workspaceId, id);
  const row = await uniqueDomain(() =>
    db
      .updateTable('companies')
      .set({ ...values, updated_at: sql`now()` })
      .where('workspace_id', '=', workspaceId)
      .where('id', '=', id)
      .returning(COLUMNS)
      .executeTakeFirst(),
  );
  if (!row) throw notFound('Company');
  return row;
}

/** Deletes the company; its contacts stay, without a company (the foreign key sets it null). */
export async function deleteCompany(db: Executor, workspaceId: string, id: string): Promise<void> {
  if (!isId(id)) throw notFound('Company');
  const result = await db.deleteFrom('companies').where('workspace_id', '=', workspaceId).where('id', '=', id).executeTakeFirst();
  if (result.numDeletedRows === 0n) throw notFound('Company');
}

/** Which of these ids are companies of the workspace (contacts may only point at their own): one query for any number. */
export async function companiesAmong(db: Executor, workspaceId: string, companyIds: readonly string[]): Promise<Set<string>> {
  const ids = [...new Set(companyIds.filter(isId))];
  if (ids.length === 0) return new Set();
  const rows = await db.selectFrom('companies').select('id').where('workspace_id', '=', workspaceId).where('id', 'in', ids).execute();
  return new Set(rows.map((row) => row.id));
}

/** The name key (`name_key`: case, marks, punctuation and legal forms ignored) of each of these companies of the workspace. */
export async function companyNameKeys(db: Executor, workspaceId: string, companyIds: readonly string[]): Promise<Map<string, string>> {
  const ids = [...new Set(companyIds.filter(isId))];
  if (ids.length === 0) return new Map();
  const rows = await db.selectFrom('companies').select(['id', 'name_key']).where('workspace_id', '=', workspaceId).where('id', 'in', ids).execute();
  return new Map(rows.map((row) => [row.id, row.name_key]));
}
