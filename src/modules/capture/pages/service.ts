// Pages' operations: create, edit the draft (guarded by its revision), publish as immutable
// versions, unpublish, schedule, restore, delete; the workspace's theme. Every change that
// alters what a public URL shows announces itself (NOTIFY) in its transaction.
import { sql, type Kysely } from 'kysely';
import type { Actor } from '../../../actor.js';
import type { Executor } from '../../../db/database.js';
import { newId } from '../../../db/ids.js';
import { versionViews, type VersionView } from '../versions.js';
import { enqueue } from '../../../db/jobs/queue.js';
import type { Keyset } from '../../../db/keyset.js';
import type { PageKind, PageStatus, Tables } from '../../../db/schema.js';
import { AppError, conflict, invalid, notFound, type FieldError } from '../../../errors.js';
import { signToken } from '../../../lib/signed-token.js';
import { workspaceSettings } from '../../workspaces/service.js';
import { assetsByIds } from '../assets/store.js';
import { eachBlock, publishProblems, saveProblems, themeProblems } from './checks.js';
import type { PageDefinitionValue, ThemeValue } from './definition.js';
import { draftDocument } from './draft-render.js';
import type { FormCache } from '../form-cache.js';
import { announcePageChange } from './page-cache.js';
import { hostProblem, slugProblem } from './slug.js';
import { pageRow, pagesByName, pageVersion, PAGE_COLUMNS, routeTaken, workspaceTheme, type PageRow } from './store.js';
import { pageTemplateById } from './templates.js';
import { resolveTheme } from './theme.js';

export const PUBLISH_JOB = 'capture.page_publish';
export const PREVIEW_PURPOSE = 'page.preview';
const PREVIEW_DAYS = 7;

export interface PageView extends PageRow {
  /** What the editor should know that does not stop a save: forms the page names that are gone or not live. */
  notices: FieldError[];
}

/**
 * What the page names that it cannot show, each as "problem: what the page does instead": form
 * blocks whose form is not live (deleted, archived, never published), download blocks whose
 * asset is gone. Notices for the editor; publishing refuses them (the part before the colon).
 */
async function blockNotices(db: Executor, workspaceId: string, def: PageDefinitionValue, path = 'draft'): Promise<FieldError[]> {
  const named = [...eachBlock(def.blocks, `${path}.blocks`)];
  const formBlocks = named.flatMap(([block, at]) => (block.type === 'form' && block.form_id ? [[block.form_id, at] as const] : []));
  const assetBlocks = named.flatMap(([block, at]) => (block.type === 'download' && block.asset_id ? [[block.asset_id, at] as const] : []));
  const forms = formBlocks.length === 0 ? [] : await db.selectFrom('forms').select(['id', 'status']).where('workspace_id', '=', workspaceId).where('id', 'in', formBlocks.map(([id]) => id)).execute();
  const status = new Map(forms.map((row) => [row.id, row.status]));
  const assets = new Set((await assetsByIds(db, workspaceId, assetBlocks.map(([id]) => id))).map((a) => a.id));
  return [
    ...formBlocks.flatMap(([id, at]) => {
      const s = status.get(id);
      if (s === 'live') return [];
      const message = s === undefined ? 'names a form that does not exist (deleted?): the page shows no form here' : s === 'archived' ? 'names an archived form: the page shows no form here' : 'names a form that is not published yet: the page shows no form here';
      return [{ field: `${at}.form_id`, message }];
    }),
    ...assetBlocks.flatMap(([id, at]) => (assets.has(id) ? [] : [{ field: `${at}.asset_id`, message: 'names an asset that does not exist (deleted?): the block shows its unavailable text' }])),
  ];
}

async function view(db: Executor, workspaceId: string, row: PageRow): Promise<PageView> {
  return { ...row, notices: await blockNotices(db, workspaceId, row.draft) };
}

export async function getPage(db: Executor, workspaceId: string, id: string): Promise<PageView> {
  return view(db, workspaceId, await pageRow(db, workspaceId, id));
}

export function listPages(db: Executor, workspaceId: string, filters: { status?: PageStatus; kind?: PageKind }, page: { limit: number; after: Keyset | null }): Promise<PageRow[]> {
  return pagesByName(db, workspaceId, filters, page);
}

function cleanName(name: string): string {
  const clean = name.normalize('NFC').trim();
  if (clean === '') throw invalid('The page needs a name', [{ field: 'name', message: 'must not be empty' }]);
  return clean;
}

function checkSave(def: PageDefinitionValue, path: string): void {
  const problems = saveProblems(def, path);
  if (problems.length > 0) throw invalid('The page has links or media that cannot be used', problems);
}

async function checkRoute(db: Executor, host: string, slug: string, exceptId: string | null): Promise<void> {
  const problems: FieldError[] = [];
  const bad = slugProblem(slug);
  if (bad) problems.push({ field: 'slug', message: bad });
  const badHost = hostProblem(host);
  if (badHost) problems.push({ field: 'host', message: badHost });
  if (problems.length > 0) throw invalid('The page’s address is not valid', problems);
  if (await routeTaken(db, host, slug, exceptId)) {
    throw conflict(`Another page already answers at ${host || 'the main host'}/p/${slug}`, [{ field: 'slug', message: 'is taken on this host: choose another, or another host' }]);
  }
}

/** Turns the race two creates can still run past `routeTaken` into the same 409. */
async function onRoute<T>(host: string, slug: string, run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (err) {
    if ((err as { code?: string }).code === '23505') throw conflict(`Another page already answers at ${host || 'the main host'}/p/${slug}`, [{ field: 'slug', message: 'is taken on this host' }]);
    throw err;
  }
}

export interface PageCreateInput {
  name?: string;
  slug: string;
  host?: string;
  kind?: PageKind;
  template?: string;
  definition?: PageDefinitionValue;
  /** Fills the template's form blocks. */
  form_id?: string;
}

export async function createPage(db: Kysely<Tables>, workspaceId: string, input: PageCreateInput, actor: Actor): Promise<PageView> {
  const template = input.template === undefined ? undefined : pageTemplateById(input.template);
  if (input.template !== undefined && !template) throw invalid('No such template', [{ field: 'template', message: 'is not a page template' }]);
  if (!template && !input.definition) throw invalid('A page needs a definition or a template', [{ field: 'definition', message: 'is required without a template' }]);
  if (template && input.definition) throw invalid('Give a definition or a template, not both', [{ field: 'definition', message: 'must be left out with a template' }]);
  const definition = structuredClone(input.definition ?? template!.definition);
  if (input.form_id !== undefined) {
    for (const [block] of eachBlock(definition.blocks, 'blocks')) if (block.type === 'form') block.form_id = input.form_id;
  }
  checkSave(definition, 'definition');
  const name = cleanName(input.name ?? template?.name ?? definition.seo.title);
  const host = input.host ?? '';
  return onRoute(host, input.slug, () => db.transaction().execute(async (tx) => {
    await checkRoute(tx, host, input.slug, null);
    const row = await tx
      .insertInto('pages')
      .values({
        workspace_id: workspaceId, id: newId(), kind: input.kind ?? template?.kind ?? 'landing', name, slug: input.slug, host, template: template?.id ?? null,
        draft: JSON.stringify(definition), created_by: actor.type === 'user' ? actor.id : null,
      })
      .returning(PAGE_COLUMNS)
      .executeTakeFirstOrThrow();
    return view(tx, workspaceId, row as PageRow);
  }));
}

export interface PagePatch {
  name?: string;
  slug?: string;
  host?: string;
  draft?: PageDefinitionValue;
  draft_revision?: number;
}

/** Renames, moves (slug, host) or replaces the draft; a draft edit names the revision it started from (409 when another came first). */
export async function patchPage(db: Kysely<Tables>, workspaceId: string, id: string, input: PagePatch): Promise<PageView> {
  if (input.draft !== undefined) checkSave(input.draft, 'draft');
  return onRoute(input.host ?? '', input.slug ?? '', () => db.transaction().execute(async (tx) => {
    const current = await pageRow(tx, workspaceId, id, true);
    const set: Record<string, unknown> = {};
    if (input.name !== undefined) set.name = cleanName(input.name);
    if (input.draft !== undefined) {
      if (input.draft_revision === undefined) throw invalid('A draft edit names the revision it started from', [{ field: 'draft_revision', message: 'is required with draft' }]);
      if (input.draft_revision !== current.draft_revision) {
        throw new AppError('conflict', 'The draft changed since you loaded it', [{ field: 'draft_revision', message: `is ${input.draft_revision}, the draft is at ${current.draft_revision}` }]);
      }
      set.draft = JSON.stringify(input.draft);
      set.draft_revision = current.draft_revision + 1;
    }
    const slug = input.slug ?? current.slug;
    const host = input.host ?? current.host;
    if (slug !== current.slug || host !== current.host) {
      await checkRoute(tx, host, slug, id);
      Object.assign(set, { slug, host });
      // The old address stops answering and the new one starts, everywhere.
      if (current.status === 'live') await announcePageChange(tx);
    }
    if (Object.keys(set).length === 0) return view(tx, workspaceId, current);
    const row = await tx.updateTable('pages').set({ ...set, updated_at: sql`now()` }).where('workspace_id', '=', workspaceId).where('id', '=', id).returning(PAGE_COLUMNS).executeTakeFirstOrThrow();
    return view(tx, workspaceId, row as PageRow);
  }));
}

export async function deletePage(db: Kysely<Tables>, workspaceId: string, id: string): Promise<void> {
  await db.transaction().execute(async (tx) => {
    await pageRow(tx, workspaceId, id, true);
    await tx.deleteFrom('pages').where('workspace_id', '=', workspaceId).where('id', '=', id).execute();
    await announcePageChange(tx);
  });
}

/** Publishes the draft in the caller's transaction (the page row locked by it): checks, a new immutable version, live. */
export async function publishDraft(tx: Executor, workspaceId: string, page: PageRow, publishedBy: string | null): Promise<{ version: number; published_at: Date }> {
  const theme = resolveTheme(await workspaceTheme(tx, workspaceId), page.draft.theme);
  const problems = [...publishProblems(page.draft, theme), ...(await blockNotices(tx, workspaceId, page.draft)).map((n) => ({ ...n, message: n.message.slice(0, n.message.indexOf(':')) }))];
  if (problems.length > 0) throw invalid('The page cannot be published yet', problems);
  const { max } = await tx.selectFrom('page_versions').select((eb) => eb.fn.max<number | null>('version').as('max')).where('workspace_id', '=', workspaceId).where('page_id', '=', page.id).executeTakeFirstOrThrow();
  const version = (max ?? 0) + 1;
  const row = await tx
    .insertInto('page_versions')
    .values({ workspace_id: workspaceId, page_id: page.id, version, definition: JSON.stringify(page.draft), published_by: publishedBy })
    .returning(['version', 'published_at'])
    .executeTakeFirstOrThrow();
  await tx.updateTable('pages').set({ status: 'live', live_version: version, publish_at: null, updated_at: sql`now()` }).where('workspace_id', '=', workspaceId).where('id', '=', page.id).execute();
  await announcePageChange(tx);
  return row;
}

export async function publishPage(db: Kysely<Tables>, workspaceId: string, id: string, actor: Actor): Promise<{ version: number; published_at: Date }> {
  return db.transaction().execute(async (tx) => publishDraft(tx, workspaceId, await pageRow(tx, workspaceId, id, true), actor.type === 'user' ? actor.id : null));
}

/** Takes the page off its address (404 there); its versions stay, and publishing again brings it back. */
export async function unpublishPage(db: Kysely<Tables>, workspaceId: string, id: string): Promise<PageView> {
  return db.transaction().execute(async (tx) => {
    const current = await pageRow(tx, workspaceId, id, true);
    if (current.status !== 'live') throw conflict('The page is not published', [{ field: 'status', message: `is ${current.status}` }]);
    const row = await tx.updateTable('pages').set({ status: 'unpublished', updated_at: sql`now()` }).where('workspace_id', '=', workspaceId).where('id', '=', id).returning(PAGE_COLUMNS).executeTakeFirstOrThrow();
    await announcePageChange(tx);
    return view(tx, workspaceId, row as PageRow);
  });
}

/** Sets (or clears, with null) when the draft publishes by itself: a job at that time, in this transaction. */
export async function schedulePage(db: Kysely<Tables>, workspaceId: string, id: string, publishAt: Date | null, now = new Date()): Promise<PageView> {
  if (publishAt && publishAt.getTime() <= now.getTime()) throw invalid('The publish time has passed', [{ field: 'publish_at', message: 'must be in the future' }]);
  return db.transaction().execute(async (tx) => {
    await pageRow(tx, workspaceId, id, true);
    const row = await tx.updateTable('pages').set({ publish_at: publishAt, updated_at: sql`now()` }).where('workspace_id', '=', workspaceId).where('id', '=', id).returning(PAGE_COLUMNS).executeTakeFirstOrThrow();
    // The job carries the time it was booked for: a job of a schedule changed since finds a different time and does nothing.
    if (publishAt) await enqueue(tx, PUBLISH_JOB, { page_id: id, publish_at: publishAt.toISOString() }, { workspaceId, runAt: publishAt, maxAttempts: 3, idempotencyKey: `${PUBLISH_JOB}:${id}:${publishAt.toISOString()}` });
    return view(tx, workspaceId, row as PageRow);
  });
}

/** A page of the page's published versions, newest first, each with who published it (when a person did). */
export async function listVersions(db: Executor, workspaceId: string, id: string, page: { limit: number; before: number | null }): Promise<VersionView[]> {
  const current = await pageRow(db, workspaceId, id);
  let query = db.selectFrom('page_versions').select(['version', 'published_at', 'published_by']).where('workspace_id', '=', workspaceId).where('page_id', '=', id);
  if (page.before !== null) query = query.where('version', '<', page.before);
  const rows = await query.orderBy('version', 'desc').limit(page.limit).execute();
  return versionViews(db, rows, current.status === 'live' ? current.live_version : null);
}

/** Copies a published version into the draft (a new draft revision); what is live does not change until the next publish. */
export async function restoreVersion(db: Kysely<Tables>, workspaceId: string, id: string, version: number): Promise<PageView> {
  return db.transaction().execute(async (tx) => {
    const current = await pageRow(tx, workspaceId, id, true);
    const found = await pageVersion(tx, workspaceId, id, version);
    if (!found) throw notFound('Page version');
    const row = await tx
      .updateTable('pages')
      .set({ draft: JSON.stringify(found.definition), draft_revision: current.draft_revision + 1, updated_at: sql`now()` })
      .where('workspace_id', '=', workspaceId)
      .where('id', '=', id)
      .returning(PAGE_COLUMNS)
      .executeTakeFirstOrThrow();
    return view(tx, workspaceId, row as PageRow);
  });
}

/** The page's HTML document for a definition the editor holds (saved or not), refused like a save when it has unsafe links. */
export async function renderPage(deps: { db: Executor; forms: FormCache }, workspaceId: string, id: string, def: PageDefinitionValue, origin: string): Promise<{ html: string }> {
  await pageRow(deps.db, workspaceId, id);
  checkSave(def, 'draft');
  return { html: (await draftDocument(deps, workspaceId, def, origin)).html };
}

/** A link that shows the page's current draft to whoever holds it, for a week. */
export async function previewLink(db: Executor, workspaceId: string, id: string, now = new Date()): Promise<{ path: string; expires_at: Date }> {
  await pageRow(db, workspaceId, id);
  const settings = await workspaceSettings(db, workspaceId);
  if (!settings) throw notFound('Page');
  const expiresAt = new Date(now.getTime() + PREVIEW_DAYS * 86_400_000);
  const token = signToken(settings.secret, PREVIEW_PURPOSE, { w: workspaceId, p: id }, expiresAt);
  return { path: `/p/preview?t=${token}`, expires_at: expiresAt };
}

export function getTheme(db: Executor, workspaceId: string): Promise<ThemeValue> {
  return workspaceTheme(db, workspaceId);
}

/** Replaces the workspace's theme; every live page shows it on its next request. */
export async function putTheme(db: Kysely<Tables>, workspaceId: string, theme: ThemeValue): Promise<ThemeValue> {
  const problems = themeProblems(theme);
  if (problems.length > 0) throw invalid('The theme has an address that cannot be used', problems);
  await db.transaction().execute(async (tx) => {
    await tx.insertInto('page_themes').values({ workspace_id: workspaceId, theme: JSON.stringify(theme) }).onConflict((oc) => oc.column('workspace_id').doUpdateSet({ theme: JSON.stringify(theme), updated_at: sql`now()` })).execute();
    await announcePageChange(tx);
  });
  return theme;
}
