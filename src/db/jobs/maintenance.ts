import { sql } from 'kysely';
import { servesConcurrently } from '../database.js';
import type { RecurringJob } from './recurring.js';

const KEEP_FINISHED_DAYS = 7;

/** Done and dead jobs are kept a week for inspection, then removed so the queue stays small. */
export const purgeFinishedJobs: RecurringJob = {
  kind: 'jobs.purge_finished',
  everyMs: 60 * 60_000,
  run: async (_job, { db }) => {
    await db
      .deleteFrom('jobs')
      .where('status', 'in', ['done', 'dead'])
      .where('finished_at', '<', sql<Date>`now() - ${KEEP_FINISHED_DAYS} * interval '1 day'`)
      .execute();
  },
};

/**
 * PGlite has no autovacuum: without this its planner statistics would stay as they were when a
 * table was small (plans that scan instead of probing an index), and dead rows would pile up.
 * PostgreSQL's autovacuum already does both there. After the first run, a vacuum only visits
 * pages changed since, so the hourly run stays short.
 */
export const vacuumEmbeddedDatabase: RecurringJob = {
  kind: 'db.vacuum_embedded',
  everyMs: 60 * 60_000,
  run: async (_job, { db }) => {
    if (servesConcurrently(db)) return;
    await sql`vacuum (analyze)`.execute(db);
  },
};
