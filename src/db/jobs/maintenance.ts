import { sql } from 'kysely';
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
