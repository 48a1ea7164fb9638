import type { JobHandler } from '../../../db/jobs/worker.js';
import { AppError } from '../../../errors.js';
import { endBulkAction } from './bulk-actions.js';
import { runBulkAction } from './bulk-runner.js';

/**
 * The job that carries out a bulk action. A refusal (the list was deleted meanwhile) ends it as
 * failed at once; anything else is retried from the checkpoint, and said on the action when the
 * attempts run out, so it does not look busy forever.
 */
export const runBulkActionJob: JobHandler = async (job, { db, signal }) => {
  const { workspace_id: workspaceId, bulk_action_id: id } = job.payload as { workspace_id: string; bulk_action_id: string };
  try {
    await runBulkAction(db, workspaceId, id, signal);
  } catch (err) {
    if (err instanceof AppError) {
      await endBulkAction(db, workspaceId, id, { status: 'failed', error: err.message });
      return;
    }
    if (job.attempts >= job.max_attempts) await endBulkAction(db, workspaceId, id, { status: 'failed', error: `The action stopped: ${(err as Error).message}` });
    throw err;
  }
};
