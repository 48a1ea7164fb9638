import { sql, type Kysely, type Transaction } from 'kysely';
import type { Tables } from '../../db/schema.js';
import { WriteBuffer } from '../../db/write-buffer.js';
import { sumByKey } from '../../lib/sums.js';

/**
 * Why a batch was answered but not stored, or an identify refused: bots and headless browsers,
 * Do-Not-Track or Global Privacy Control where the workspace honours them, no consent where it
 * asks for one, a session id that is another visitor's, an identify whose proof did not match.
 */
export const DROP_REASONS = ['bot', 'do_not_track', 'no_consent', 'foreign_session', 'identify_refused'] as const;
export type DropReason = (typeof DROP_REASONS)[number];

export interface Drop {
  workspaceId: string;
  reason: DropReason;
  events: number;
}

async function addDrops(tx: Transaction<Tables>, drops: Drop[]): Promise<void> {
  const day = new Date().toISOString().slice(0, 10);
  const rows = sumByKey(
    drops,
    (d) => `${d.workspaceId}|${d.reason}`,
    (d) => ({ workspace_id: d.workspaceId, day, reason: d.reason, batches: 0, events: 0 }),
    (row, d) => {
      row.batches += 1;
      row.events += d.events;
    },
  );
  await tx
    .insertInto('tracking_drops_daily')
    .values(rows)
    .onConflict((oc) => oc.columns(['workspace_id', 'day', 'reason']).doUpdateSet({ batches: sql`tracking_drops_daily.batches + excluded.batches`, events: sql`tracking_drops_daily.events + excluded.events` }))
    .execute();
}

/** Drop counts, summed in memory and written every 100 ms: a bot storm costs a statement per flush. */
export const dropCounter = (db: Kysely<Tables>) => new WriteBuffer<Drop>(db, addDrops);
