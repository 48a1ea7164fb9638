// Pop-ups of a workspace: a form, how it opens and for whom. Edited with a revision guard like
// pages; activated only with a live form. Figures come from `popup_stats_daily`.
import { sql, type Kysely } from 'kysely';
import type { Actor } from '../../../actor.js';
import type { Executor } from '../../../db/database.js';
import { newId } from '../../../db/ids.js';
import { pastKeyset, type Keyset } from '../../../db/keyset.js';
import type { PopupStatus, Tables } from '../../../db/schema.js';
import { conflict, invalid, notFound, type FieldError } from '../../../errors.js';
import { DEFAULT_POPUP_SETTINGS, type PopupSettingsValue } from './definition.js';
import { rate } from '../../../lib/sums.js';

const COLUMNS = ['p.id', 'p.name', 'p.status', 'p.form_id', 'p.settings', 'p.revision', 'p.created_at', 'p.updated_at', 'f.name as form_name', 'f.status as form_status'] as const;

interface PopupRow {
  id: string;
  name: string;
  status: PopupStatus;
  form_id: string | null;
  form_name: string | null;
  form_status: string | null;
  settings: PopupSettingsValue;
  revision: number;
  created_at: Date;
  updated_at: Date;
}

export interface Figures {
  impressions: number;
  closes: number;
  submissions: number;
  conversion_rate: number | null;
}

const figures = (f: { impressions: number; closes: number; submissions: number }): Figures => ({ ...f, conversion_rate: rate(f.submissions, f.impressions) });

function selectPopups(db: Executor, workspaceId: string) {
  return db
    .selectFrom('popups as p')
    .leftJoin('forms as f', (join) => join.onRef('f.workspace_id', '=', 'p.workspace_id').onRef('f.id', '=', 'p.form_id'))
    .select(COLUMNS)
    .where('p.workspace_id', '=', workspaceId);
}

/** Why the pop-up cannot show its form: it has none, or the form is gone or not live. */
function formProblem(row: Pick<PopupRow, 'form_id' | 'form_status'>): FieldError | null {
  if (!row.form_id) return { field: 'form_id', message: 'choose the form the pop-up shows' };
  if (row.form_status === null) return { field: 'form_id', message: 'names a form that does not exist (deleted?): the pop-up is not shown' };
  if (row.form_status === 'archived') return { field: 'form_id', message: 'names an archived form: the pop-up is not shown' };
  if (row.form_status !== 'live') return { field: 'form_id', message: 'names a form that is not published: the pop-up is not shown' };
  return null;
}

function view(row: PopupRow) {
  const { form_status, ...rest } = row;
  const problem = formProblem(row);
  return { ...rest, form_name: form_status === null ? null : row.form_name, notices: problem ? [problem] : [] };
}

async function popupRow(db: Executor, workspaceId: string, id: string, lock = false): Promise<PopupRow> {
  let query = selectPopups(db, workspaceId).where('p.id', '=', id);
  if (lock) query = query.forUpdate('p');
  const row = await query.executeTakeFirst();
  if (!row) throw notFound('Pop-up');
  return row as PopupRow;
}

export async function getPopup(db: Executor, workspaceId: string, id: string) {
  return view(await popupRow(db, workspaceId, id));
}

export async function listPopups(db: Executor, workspaceId: string, filters: { status?: PopupStatus }, page: { limit: number; after: Keyset | null }) {
  let query = selectPopups(db, workspaceId);
  if (filters.status) query = query.where('p.status', '=', filters.status);
  if (page.after) query = query.where(pastKeyset(sql`lower(p.name)`, 'p.id', page.after, 'asc', 'text'));
  const rows = (await query.orderBy(sql`lower(p.name)`).orderBy('p.id').limit(page.limit).execute()) as PopupRow[];
  const recent = await recentFigures(db, workspaceId, rows.map((r) => r.id));
  return rows.map((row) => {
    const { notices: _notices, ...item } = view(row);
    return { ...item, last_30_days: recent.get(row.id) ?? figures({ impressions: 0, closes: 0, submissions: 0 }) };
  });
}

async function recentFigures(db: Executor, workspaceId: string, ids: string[]): Promise<Map<string, Figures>> {
  if (ids.length === 0) return new Map();
  const since = new Date(Date.now() - 29 * 86_400_000).toISOString().slice(0, 10);
  const rows = await db
    .selectFrom('popup_stats_daily')
    .select(['popup_id', sql<number>`sum(impressions)::int`.as('impressions'), sql<number>`sum(closes)::int`.as('closes'), sql<number>`sum(submissions)::int`.as('submissions')])
    .where('workspace_id', '=', workspaceId)
    .where('popup_id', 'in', ids)
    .where('day', '>=', since)
    .groupBy('popup_id')
    .execute();
  return new Map(rows.map((r) => [r.popup_id, figures(r)]));
}

async function checkForm(db: Executor, workspaceId: string, formId: string | null | undefined): Promise<void> {
  if (!formId) return;
  const form = await db.selectFrom('forms').select('status').where('workspace_id', '=', workspaceId).where('id', '=', formId).executeTakeFirst();
  if (!form || form.status === 'archived') throw invalid('The pop-up names no form of the workspace', [{ field: 'form_id', message: 'is not a form of this workspace' }]);
}

export async function createPopup(db: Kysely<Tables>, workspaceId: string, input: { name: string; form_id?: string | null; settings?: PopupSettingsValue }, actor: Actor) {
  await checkForm(db, workspaceId, input.form_id);
  const id = newId();
  await db
    .insertInto('popups')
    .values({
      workspace_id: workspaceId, id, name: input.name.trim() || 'Pop-up', form_id: input.form_id ?? null,
      settings: JSON.stringify(input.settings ?? DEFAULT_POPUP_SETTINGS), created_by: actor.type === 'user' ? actor.id : null,
    })
    .execute();
  return getPopup(db, workspaceId, id);
}

export async function patchPopup(db: Kysely<Tables>, workspaceId: string, id: string, patch: { name?: string; form_id?: string | null; settings?: PopupSettingsValue; revision: number }) {
  return db.transaction().execute(async (tx) => {
    const current = await popupRow(tx, workspaceId, id, true);
    if (current.revision !== patch.revision) throw conflict(`The pop-up was changed since revision ${patch.revision} (it is at ${current.revision}): reload it`);
    await checkForm(tx, workspaceId, patch.form_id);
    const formId = patch.form_id === undefined ? current.form_id : patch.form_id;
    // An active pop-up keeps a form it can show: clearing it pauses nothing silently, it is refused.
    if (current.status === 'active' && !formId) throw invalid('An active pop-up needs a form', [{ field: 'form_id', message: 'pause the pop-up before taking its form away' }]);
    await tx
      .updateTable('popups')
      .set({
        ...(patch.name !== undefined ? { name: patch.name.trim() || current.name } : {}),
        ...(patch.form_id !== undefined ? { form_id: patch.form_id } : {}),
        ...(patch.settings !== undefined ? { settings: JSON.stringify(patch.settings) } : {}),
        revision: current.revision + 1,
        updated_at: sql`now()`,
      })
      .where('workspace_id', '=', workspaceId)
      .where('id', '=', id)
      .execute();
    return getPopup(tx, workspaceId, id);
  });
}

/** Active: f.js shows it on the workspace's sites; only with a live form. Paused: kept, not shown. */
export async function setPopupStatus(db: Kysely<Tables>, workspaceId: string, id: string, status: 'active' | 'paused') {
  return db.transaction().execute(async (tx) => {
    const current = await popupRow(tx, workspaceId, id, true);
    if (status === 'active') {
      const problem = formProblem(current);
      if (problem) throw invalid('The pop-up cannot be activated yet', [{ ...problem, message: problem.message.split(':')[0]! }]);
    }
    await tx.updateTable('popups').set({ status, updated_at: sql`now()` }).where('workspace_id', '=', workspaceId).where('id', '=', id).execute();
    return getPopup(tx, workspaceId, id);
  });
}

export async function deletePopup(db: Executor, workspaceId: string, id: string): Promise<void> {
  const deleted = await db.deleteFrom('popups').where('workspace_id', '=', workspaceId).where('id', '=', id).executeTakeFirst();
  if (deleted.numDeletedRows === 0n) throw notFound('Pop-up');
}

export async function popupAnalytics(db: Executor, workspaceId: string, id: string, period: { from: string; to: string }) {
  await popupRow(db, workspaceId, id);
  const base = db.selectFrom('popup_stats_daily').where('workspace_id', '=', workspaceId).where('popup_id', '=', id).where('day', '>=', period.from).where('day', '<=', period.to);
  const sums = [sql<number>`sum(impressions)::int`.as('impressions'), sql<number>`sum(closes)::int`.as('closes'), sql<number>`sum(submissions)::int`.as('submissions')] as const;
  const days = await base.select([sql<string>`to_char(day, 'YYYY-MM-DD')`.as('day'), ...sums]).groupBy('day').orderBy('day').execute();
  const sources = await base.select(['utm_source', ...sums]).groupBy('utm_source').orderBy(sql`sum(impressions)`, 'desc').limit(50).execute();
  const totals = days.reduce((t, d) => ({ impressions: t.impressions + d.impressions, closes: t.closes + d.closes, submissions: t.submissions + d.submissions }), { impressions: 0, closes: 0, submissions: 0 });
  return {
    ...period,
    totals: figures(totals),
    by_day: days,
    by_source: sources.map(({ utm_source, ...f }) => ({ utm_source: utm_source === '' ? null : utm_source, ...figures(f) })),
  };
}
