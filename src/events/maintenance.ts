import { sql } from 'kysely';
import type { Executor } from '../db/database.js';
import type { RecurringJob } from '../db/jobs/recurring.js';

const DEFAULT_RETENTION_DAYS = 30;
const PURGE_CHUNK = 10_000;

/**
 * Events older than the retention period are removed once every subscriber has handled them:
 * a subscriber that is behind keeps the events it has yet to see. Ids grow with time, so the
 * old events are the lowest ids, removed in chunks from the bottom of the id index.
 */
export const purgeOldEvents: RecurringJob = {
  kind: 'events.purge_old',
  everyMs: 60 * 60_000,
  run: async (_job, { db, config, signal }) => {
    const days = config.events?.retentionDays ?? DEFAULT_RETENTION_DAYS;
    // The first event young enough to keep (scanning from the oldest, it stops there) and the
    // slowest subscriber's cursor bound what may go.
    const { rows } = await sql<{ below: number | null; handled: number }>`
      select (select id from domain_events where occurred_at >= now() - ${days} * interval '1 day' order by id limit 1) as below,
             (select coalesce(min(cursor), 0) from event_subscribers) as handled`.execute(db);
    const { below, handled } = rows[0]!;
    for (;;) {
      if (signal.aborted) return;
      const result = await sql`
        delete from domain_events
         where id in (select id from domain_events
                       where id <= ${handled} ${below === null ? sql`` : sql`and id < ${below}`}
                       order by id limit ${PURGE_CHUNK})`.execute(db);
      if (Number(result.numAffectedRows ?? 0) < PURGE_CHUNK) return;
    }
  },
};

/**
 * Erasure: the person's events leave the log, and their dead letters with them, so nothing
 * personal stays (the caller then publishes `contact.erased`, which holds only the id).
 */
export async function forgetEventsOfContact(tx: Executor, workspaceId: string, contactId: string): Promise<void> {
  await tx.deleteFrom('domain_events').where('workspace_id', '=', workspaceId).where('contact_id', '=', contactId).execute();
  await tx.deleteFrom('event_dead_letters').where('workspace_id', '=', workspaceId).where('contact_id', '=', contactId).execute();
}
