import { sql, type Kysely } from 'kysely';
import type { Actor } from '../../actor.js';
import type { Executor } from '../../db/database.js';
import { isId, newId } from '../../db/ids.js';
import { pastKeyset, type Keyset } from '../../db/keyset.js';
import { likePrefix } from '../../db/like.js';
import type { FormStatus, Tables } from '../../db/schema.js';
import { conflict, invalid, notFound, type FieldError } from '../../errors.js';
import { customFieldDefinitions } from '../contacts/queries.js';
import { ensureList, listsAmong } from '../lists/service.js';
import { assetsByIds } from './assets/store.js';
import { definitionProblems, targetOf, type FormDefinitionValue, type FormFieldValue } from './definition.js';
import { announceFormChange, type FormCache } from './form-cache.js';
import { pageExists } from './pages/store.js';
import { templateById } from './templates.js';
import { versionViews, type VersionView } from './versions.js';

export interface FormView {
  id: string;
  name: string;
  template: string | null;
  status: FormStatus;
  draft: FormDefinitionValue;
  draft_revision: number;
  live_version: number | null;
  submissions_total: number;
  created_at: Date;
  updated_at: Date;
}

const COLUMNS = ['id', 'name', 'template', 'status', 'draft', 'draft_revision', 'live_version', 'created_at', 'updated_at'] as const;
type FormRow = Omit<FormView, 'submissions_total' | 'draft'> & { draft: unknown };

async function withTotals(db: Executor, workspaceId: string, rows: readonly FormRow[]): Promise<FormView[]> {
  if (rows.length === 0) return [];
  const counts = await db
    .selectFrom('form_submissions')
    .select(['form_id', (eb) => eb.fn.countAll<string>().as('count')])
    .where('workspace_id', '=', workspaceId)
    .where('form_id', 'in', rows.map((row) => row.id))
    .groupBy('form_id')
    .execute();
  const countOf = new Map(counts.map((row) => [row.form_id, Number(row.count)]));
  return rows.map((row) => ({ ...row, draft: row.draft as FormDefinitionValue, submissions_total: countOf.get(row.id) ?? 0 }));
}

async function formRow(db: Executor, workspaceId: string, id: string, lock = false): Promise<FormRow> {
  if (!isId(id)) throw notFound('Form');
  let query = db.selectFrom('forms').select(COLUMNS).where('workspace_id', '=', workspaceId).where('id', '=', id);
  if (lock) query = query.forUpdate();
  const row = await query.executeTakeFirst();
  if (!row) throw notFound('Form');
  return row;
}

export async function getForm(db: Executor, workspaceId: string, id: string): Promise<FormView> {
  return (await withTotals(db, workspaceId, [await formRow(db, workspaceId, id)]))[0]!;
}

/** One page of the workspace's forms by name (archived ones only when asked), keyset on (lower(name), id). */
export async function listForms(db: Executor, workspaceId: string, filters: { q?: string; status?: FormStatus }, page: { limit: number; after: Keyset | null }): Promise<FormView[]> {
  let query = db.selectFrom('forms').select(COLUMNS).where('workspace_id', '=', workspaceId);
  query = filters.status ? query.where('status', '=', filters.status) : query.where('status', '<>', 'archived');
  if (filters.q) query = query.where(sql`lower(name)`, 'like', likePrefix(filters.q.trim()));
  if (page.after) query = query.where(pastKeyset(sql`lower(name)`, 'id', page.after, 'asc', 'text'));
  return withTotals(db, workspaceId, await query.orderBy(sql`lower(name)`).orderBy('id').limit(page.limit).execute());
}

function cleanName(name: string): string {
  const clean = name.normalize('NFC').trim();
  if (clean === '') throw invalid('The form needs a name', [{ field: 'name', message: 'must not be empty' }]);
  return clean;
}

export interface FormCreateInput {
  name?: string;
  template?: string;
  definition?: FormDefinitionValue;
  list_id?: string;
}

/** A new draft form, from a definition or a template (a template's list is reused by name, or created). */
export async function createForm(db: Kysely<Tables>, workspaceId: string, input: FormCreateInput, actor: Actor): Promise<FormView> {
  const template = input.template === undefined ? undefined : templateById(input.template);
  if (input.template !== undefined && !template) throw invalid('No such template', [{ field: 'template', message: 'is not a form template' }]);
  if (!template && !input.definition) throw invalid('A form needs a definition or a template', [{ field: 'definition', message: 'is required without a template' }]);
  if (template && input.definition) throw invalid('Give a definition or a template, not both', [{ field: 'definition', message: 'must be left out with a template' }]);
  const name = cleanName(input.name ?? template?.name ?? '');
  return db.transaction().execute(async (tx) => {
    const definition = structuredClone(input.definition ?? template!.definition);
    if (input.list_id !== undefined) {
      if (!(await listsAmong(tx, workspaceId, [input.list_id])).has(input.list_id)) throw invalid('No such list', [{ field: 'list_id', message: 'is not a list of this workspace' }]);
      definition.settings.list_ids = [input.list_id];
    } else if (template?.list_name) {
      definition.settings.list_ids = [(await ensureList(tx, workspaceId, template.list_name)).id];
    }
    const row = await tx
      .insertInto('forms')
      .values({ workspace_id: workspaceId, id: newId(), name, template: template?.id ?? null, draft: JSON.stringify(definition), created_by: actor.type === 'user' ? actor.id : null })
      .returning(COLUMNS)
      .executeTakeFirstOrThrow();
    return (await withTotals(tx, workspaceId, [row]))[0]!;
  });
}

/** A draft edit names the revision it started from: another edit that came first makes it a 409. */
function checkRevision(current: FormRow, revision: number): void {
  if (revision !== current.draft_revision) {
    throw conflict('The draft changed since you loaded it', [{ field: 'draft_revision', message: `is ${revision}, the draft is at ${current.draft_revision}` }]);
  }
}

/** Renames a form or replaces its draft; a draft edit names the revision it started from (409 when another edit came first). */
export async function patchForm(db: Kysely<Tables>, workspaceId: string, id: string, input: { name?: string; draft?: FormDefinitionValue; draft_revision?: number }): Promise<FormView> {
  return db.transaction().execute(async (tx) => {
    const current = await formRow(tx, workspaceId, id, true);
    if (current.status === 'archived') throw conflict('The form is archived');
    const set: Record<string, unknown> = {};
    if (input.name !== undefined) set.name = cleanName(input.name);
    if (input.draft !== undefined) {
      if (input.draft_revision === undefined) throw invalid('A draft edit names the revision it started from', [{ field: 'draft_revision', message: 'is required with draft' }]);
      checkRevision(current, input.draft_revision);
      set.draft = JSON.stringify(input.draft);
      set.draft_revision = current.draft_revision + 1;
    }
    if (Object.keys(set).length === 0) return (await withTotals(tx, workspaceId, [current]))[0]!;
    const row = await tx.updateTable('forms').set({ ...set, updated_at: sql`now()` }).where('workspace_id', '=', workspaceId).where('id', '=', id).returning(COLUMNS).executeTakeFirstOrThrow();
    return (await withTotals(tx, workspaceId, [row]))[0]!;
  });
}

/** Archives a form: its public URLs answer 404, its submissions stay. */
export async function archiveForm(db: Kysely<Tables>, workspaceId: string, id: string, cache: FormCache): Promise<void> {
  if (!isId(id)) throw notFound('Form');
  await db.transaction().execute(async (tx) => {
    const result = await tx.updateTable('forms').set({ status: 'archived', updated_at: sql`now()` }).where('workspace_id', '=', workspaceId).where('id', '=', id).executeTakeFirst();
    if (result.numUpdatedRows === 0n) throw notFound('Form');
    await announceFormChange(tx, id);
  });
  cache.forget(id);
}

const CUSTOM_TYPE_OF: Partial<Record<FormFieldValue['kind'], string>> = {
  text: 'text', textarea: 'text', phone: 'text', country: 'text', email: 'text', hidden: 'text',
  number: 'number', date: 'date', checkbox: 'boolean', select: 'select', multiselect: 'multiselect',
};

/** Problems of a draft that need the workspace: custom fields that exist with a fitting type, lists, the offered asset and the thank-you page that exist. */
async function workspaceProblems(db: Executor, workspaceId: string, def: FormDefinitionValue): Promise<FieldError[]> {
  const problems: FieldError[] = [];
  const customs = await customFieldDefinitions(db, workspaceId);
  const all = [...def.fields.map((f, i) => [f, `draft.fields.${i}`] as const), ...def.progressive.queue.map((f, i) => [f, `draft.progressive.queue.${i}`] as const)];
  for (const [field, where] of all) {
    if (field.maps_to.to !== 'custom') continue;
    const custom = customs.get(field.maps_to.key);
    if (!custom) {
      problems.push({ field: `${where}.maps_to`, message: `names the custom field ${field.maps_to.key}, which does not exist` });
      continue;
    }
    if (CUSTOM_TYPE_OF[field.kind] !== custom.type) problems.push({ field: `${where}.maps_to`, message: `is a ${custom.type} custom field; a ${field.kind} field cannot fill it` });
    else if ((field.kind === 'select' || field.kind === 'multiselect') && field.options.some((o) => !custom.options.includes(o.value))) {
      problems.push({ field: `${where}.options`, message: `has values that are not options of the custom field ${custom.key}` });
    }
  }
  const lists = await listsAmong(db, workspaceId, def.settings.list_ids);
  def.settings.list_ids.forEach((listId, i) => {
    if (!lists.has(listId)) problems.push({ field: `draft.settings.list_ids.${i}`, message: 'is not a list of this workspace' });
  });
  const assetId = def.settings.asset_id;
  if (assetId && (await assetsByIds(db, workspaceId, [assetId])).length === 0) problems.push({ field: 'draft.settings.asset_id', message: 'is not an asset of this workspace' });
  const after = def.settings.after_submit;
  // A page that exists but is not live yet is fine: submitters see "Thank you!" until it is.
  if (after.type === 'landing_page' && !(await pageExists(db, workspaceId, after.page_id))) problems.push({ field: 'draft.settings.after_submit.page_id', message: 'is not a page of this workspace' });
  return problems;
}

/** Freezes the draft as the next version and makes it live. */
export async function publishForm(db: Kysely<Tables>, workspaceId: string, id: string, actor: Actor, cache: FormCache): Promise<{ version: number; published_at: Date }> {
  const published = await db.transaction().execute(async (tx) => {
    const form = await formRow(tx, workspaceId, id, true);
    if (form.status === 'archived') throw conflict('The form is archived');
    const draft = form.draft as FormDefinitionValue;
    const problems = [...definitionProblems(draft, 'draft'), ...(await workspaceProblems(tx, workspaceId, draft))];
    if (problems.length > 0) throw invalid('The draft cannot be published', problems);
    // After an unpublish the live version is null: the next number comes from the versions kept.
    const last = await tx.selectFrom('form_versions').select((eb) => eb.fn.max('version').as('max')).where('workspace_id', '=', workspaceId).where('form_id', '=', id).executeTakeFirst();
    const version = Number(last?.max ?? 0) + 1;
    const row = await tx
      .insertInto('form_versions')
      .values({ workspace_id: workspaceId, form_id: id, version, definition: JSON.stringify(draft), published_by: actor.type === 'user' ? actor.id : null })
      .returning(['version', 'published_at'])
      .executeTakeFirstOrThrow();
    await tx.updateTable('forms').set({ status: 'live', live_version: version, updated_at: sql`now()` }).where('workspace_id', '=', workspaceId).where('id', '=', id).execute();
    await announceFormChange(tx, id);
    return row;
  });
  cache.forget(id);
  return published;
}

/** Takes the form off the sites: its public URLs answer 404 as for a draft-only form; its versions and draft stay. */
export async function unpublishForm(db: Kysely<Tables>, workspaceId: string, id: string, cache: FormCache): Promise<FormView> {
  const form = await db.transaction().execute(async (tx) => {
    const current = await formRow(tx, workspaceId, id, true);
    if (current.status === 'archived') throw conflict('The form is archived');
    if (current.status !== 'live') return (await withTotals(tx, workspaceId, [current]))[0]!;
    const row = await tx.updateTable('forms').set({ status: 'draft', live_version: null, updated_at: sql`now()` }).where('workspace_id', '=', workspaceId).where('id', '=', id).returning(COLUMNS).executeTakeFirstOrThrow();
    await announceFormChange(tx, id);
    return (await withTotals(tx, workspaceId, [row]))[0]!;
  });
  cache.forget(id);
  return form;
}

/** A page of the form's published versions, newest first, each with who published it (when a person did). */
export async function formVersions(db: Executor, workspaceId: string, id: string, page: { limit: number; before: number | null }): Promise<VersionView[]> {
  const form = await formRow(db, workspaceId, id);
  let query = db.selectFrom('form_versions').select(['version', 'published_at', 'published_by']).where('workspace_id', '=', workspaceId).where('form_id', '=', id);
  if (page.before !== null) query = query.where('version', '<', page.before);
  const rows = await query.orderBy('version', 'desc').limit(page.limit).execute();
  return versionViews(db, rows, form.status === 'live' ? form.live_version : null);
}

/** Copies a published version into the draft (the next draft_revision); what is live does not change. */
export async function restoreVersion(db: Kysely<Tables>, workspaceId: string, id: string, version: number, draftRevision?: number): Promise<FormView> {
  return db.transaction().execute(async (tx) => {
    const current = await formRow(tx, workspaceId, id, true);
    if (current.status === 'archived') throw conflict('The form is archived');
    if (draftRevision !== undefined) checkRevision(current, draftRevision);
    const source = await tx.selectFrom('form_versions').select('definition').where('workspace_id', '=', workspaceId).where('form_id', '=', id).where('version', '=', version).executeTakeFirst();
    if (!source) throw notFound('Form version');
    const row = await tx
      .updateTable('forms')
      .set({ draft: JSON.stringify(source.definition), draft_revision: current.draft_revision + 1, updated_at: sql`now()` })
      .where('workspace_id', '=', workspaceId)
      .where('id', '=', id)
      .returning(COLUMNS)
      .executeTakeFirstOrThrow();
    return (await withTotals(tx, workspaceId, [row]))[0]!;
  });
}

export { targetOf };
