import type { JobHandler } from '../../../db/jobs/worker.js';
import { endRun } from './import-store.js';
import { runImport } from './import-runner.js';

/**
 * The job that runs an import. A worker that dies mid-import loses its lease; the next attempt
 * of the same job takes the import over and resumes after the checkpoint. A worker told to stop
 * ends the run after the chunk in hand and fails the attempt on purpose, so the job is retried.
 */
export const runImportJob: JobHandler = async (job, { db, signal }) => {
  const { workspace_id: workspaceId, import_id: importId } = job.payload as { workspace_id: string; import_id: string };
  const runner = `job:${job.id}:${job.attempts}`;
  try {
    const { outcome } = await runImport(db, workspaceId, importId, {
      runner,
      takeover: { jobPrefix: `job:${job.id}:` },
      signal,
      whenInterrupted: 'queued',
    });
    if (outcome === 'interrupted') throw new Error('the worker stopped; the import resumes from its checkpoint');
  } catch (err) {
    // The last attempt: say so on the import, which would otherwise look queued forever.
    if (job.attempts >= job.max_attempts) {
      await endRun(db, workspaceId, importId, runner, { status: 'failed', error: `The import stopped: ${(err as Error).message}` }).catch(() => undefined);
    }
    throw err;
  }
};
