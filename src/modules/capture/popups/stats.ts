import { sql } from 'kysely';
import type { Executor } from '../../../db/database.js';
import { sumByKey } from '../../../lib/sums.js';

/** What a beacon or a submission adds to a pop-up's day, by the UTM source of the visit ('' for none). */
export interface PopupIncrement {
  workspaceId: string;
  popupId: string;
  day: string;
  utmSource: string;
  impressions?: number;
  closes?: number;
  submissions?: number;
}

/**
 * Adds increments to `popup_stats_daily`, summed by key (`sumByKey`). Only pop-ups of the workspace named count: a submission's `_src` is the
 * page's word, and a forged id of another workspace's pop-up must add nothing to it.
 */
export async function addPopupStats(db: Executor, increments: readonly PopupIncrement[]): Promise<void> {
  const rows = sumByKey(
    increments,
    (inc) => `${inc.workspaceId}|${inc.popupId}|${inc.day}|${inc.utmSource}`,
    (inc) => ({ workspace_id: inc.workspaceId, popup_id: inc.popupId, day: inc.day, utm_source: inc.utmSource, impressions: 0, closes: 0, submissions: 0 }),
    (row, inc) => {
      row.impressions += inc.impressions ?? 0;
      row.closes += inc.closes ?? 0;
      row.submissions += inc.submissions ?? 0;
    },
  );
  if (rows.length === 0) return;
  await sql`
    insert into popup_stats_daily (workspace_id, popup_id, day, utm_source, impressions, closes, submissions)
    select r.workspace_id, r.popup_id, r.day, r.utm_source, r.impressions, r.closes, r.submissions
      from jsonb_to_recordset(${JSON.stringify(rows)}::jsonb)
           as r(workspace_id uuid, popup_id uuid, day date, utm_source text, impressions int, closes int, submissions int)
     where exists (select 1 from popups p where p.workspace_id = r.workspace_id and p.id = r.popup_id)
    on conflict (workspace_id, popup_id, day, utm_source) do update set
      impressions = popup_stats_daily.impressions + excluded.impressions,
      closes = popup_stats_daily.closes + excluded.closes,
      submissions = popup_stats_daily.submissions + excluded.submissions`.execute(db);
}

/** A UTM source as a counter key: trimmed, lower-case, at most 100 characters; '' for none. */
export const sourceKey = (source: string | null | undefined): string => (source ?? '').trim().toLowerCase().slice(0, 100);
