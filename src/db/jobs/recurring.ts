import type { Kysely } from 'kysely';
import type { Tables } from '../schema.js';
import { enqueue } from './queue.js';
import type { JobHandler } from './worker.js';

export interface RecurringJob {
  kind: string;
  everyMs: number;
  run: JobHandler;
}

/**
 * Enqueues the next run of each recurring job. The idempotency key names the time slot, so
 * any number of workers starting at once schedule each slot once.
 */
export async function scheduleRecurring(db: Kysely<Tables>, jobs: readonly RecurringJob[], now = Date.now()): Promise<void> {
  for (const job of jobs) {
    const slot = Math.floor(now / job.everyMs) * job.everyMs + job.everyMs;
    await enqueue(db, job.kind, {}, { runAt: new Date(slot), idempotencyKey: `${job.kind}@${new Date(slot).toISOString()}`, maxAttempts: 3 });
  }
}

/** A handler that books the job's next slot, then runs it: a run that fails for good still has a successor. */
export function recurringHandler(job: RecurringJob): JobHandler {
  return async (row, ctx) => {
    await scheduleRecurring(ctx.db, [job]);
    await job.run(row, ctx);
  };
}
