// The pages' queries: one function per question, every one scoped by workspace (the public
// lookup by host and slug finds the workspace from the row, like forms' public id).
import { sql } from 'kysely';
import type { Executor } from '../../../db/database.js';
import { isId } from '../../../db/ids.js';
import { pastKeyset, type Keyset } from '../../../db/keyset.js';
import type { PageKind, PageStatus } from '../../../db/schema.js';
import { notFound } from '../../../errors.js';
import type { PageDefinitionValue, ThemeValue } from './definition.js';
import { DEFAULT_THEME } from './theme.js';

export const PAGE_COLUMNS = ['id', 'kind', 'name', 'slug', 'host', 'template', 'status', 'draft', 'draft_revision', 'live_version', 'publish_at', 'created_at', 'updated_at'] as const;

export interface PageRow {
  id: string;
  kind: PageKind;
  name: string;
  slug: string;
  host: string;
  template: string | null;
  status: PageStatus;
  draft: PageDefinitionValue;
  draft_revision: number;
  live_version: number | null;
  publish_at: Date | null;
  created_at: Date;
  updated_at: Date;
}

/** One page of the workspace; 404 when it is not the workspace's. */
export async function pageRow(db: Executor, workspaceId: string, id: string, lock = false): Promise<PageRow> {
  if (!isId(id)) throw notFound('Page');
  let query = db.selectFrom('pages').select(PAGE_COLUMNS).where('workspace_id', '=', workspaceId).where('id', '=', id);
  if (lock) query = query.forUpdate();
  const row = await query.executeTakeFirst();
  if (!row) throw notFound('Page');
  return row as PageRow;
}

/** A page of the workspace's pages by name, keyset on (lower(name), id). */
export async function pageExists(db: Executor, workspaceId: string, id: string): Promise<boolean> {
  return (await db.selectFrom('pages').select('id').where('workspace_id', '=', workspaceId).where('id', '=', id).executeTakeFirst()) !== undefined;
}

export async function pagesByName(db: Executor, workspaceId: string, filters: { status?: PageStatus; kind?: PageKind }, page: { limit: number; after: Keyset | null }): Promise<PageRow[]> {
  let query = db.selectFrom('pages').select(PAGE_COLUMNS).where('workspace_id', '=', workspaceId);
  if (filters.status) query = query.where('status', '=', filters.status);
  if (filters.kind) query = query.where('kind', '=', filters.kind);
  if (page.after) query = query.where(pastKeyset(sql`lower(name)`, 'id', page.after, 'asc', 'text'));
  return (await query.orderBy(sql`lower(name)`).orderBy('id').limit(page.limit).execute()) as PageRow[];
}

/** Whether another page (of any workspace) already answers at this host and slug. */
export async function routeTaken(db: Executor, host: string, slug: string, exceptId: string | null): Promise<boolean> {
  let query = db.selectFrom('pages').select('id').where('host', '=', host).where('slug', '=', slug);
  if (exceptId) query = query.where('id', '<>', exceptId);
  return (await query.executeTakeFirst()) !== undefined;
}

export async function pageVersion(db: Executor, workspaceId: string, pageId: string, version: number): Promise<{ definition: PageDefinitionValue; published_at: Date } | undefined> {
  const row = await db.selectFrom('page_versions').select(['definition', 'published_at']).where('workspace_id', '=', workspaceId).where('page_id', '=', pageId).where('version', '=', version).executeTakeFirst();
  return row ? { definition: row.definition as PageDefinitionValue, published_at: row.published_at } : undefined;
}

/** The workspace's theme; the default until one is saved. */
export async function workspaceTheme(db: Executor, workspaceId: string): Promise<ThemeValue> {
  const row = await db.selectFrom('page_themes').select('theme').where('workspace_id', '=', workspaceId).executeTakeFirst();
  return row ? (row.theme as ThemeValue) : DEFAULT_THEME;
}

/** The live page answering at a host and slug, of any workspace (public routes). */
export function livePageAt(db: Executor, host: string, slug: string) {
  return db
    .selectFrom('pages')
    .innerJoin('page_versions', (join) => join.onRef('page_versions.workspace_id', '=', 'pages.workspace_id').onRef('page_versions.page_id', '=', 'pages.id').onRef('page_versions.version', '=', 'pages.live_version'))
    .select(['pages.workspace_id', 'pages.id', 'pages.kind', 'pages.live_version', 'page_versions.definition'])
    .where('pages.host', '=', host)
    .where('pages.slug', '=', slug)
    .where('pages.status', '=', 'live')
    .executeTakeFirst();
}

/** The live, indexable landing pages of a host, for its sitemap (bounded: a sitemap file holds 50,000 URLs). */
export function sitemapPages(db: Executor, host: string) {
  return db
    .selectFrom('pages')
    .innerJoin('page_versions', (join) => join.onRef('page_versions.workspace_id', '=', 'pages.workspace_id').onRef('page_versions.page_id', '=', 'pages.id').onRef('page_versions.version', '=', 'pages.live_version'))
    .select(['pages.slug', 'page_versions.published_at'])
    .where('pages.host', '=', host)
    .where('pages.status', '=', 'live')
    .where('pages.kind', '=', 'landing')
    .where(sql<boolean>`coalesce((page_versions.definition->'seo'->>'noindex')::boolean, false) = false`)
    .orderBy('pages.slug')
    .limit(50_000)
    .execute();
}
