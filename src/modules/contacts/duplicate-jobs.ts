import type { RecurringJob } from '../../db/jobs/recurring.js';
import type { JobHandler } from '../../db/jobs/worker.js';
import { scanDuplicates, workspacesDueForScan } from './duplicates.js';

/** A scan asked for by a user ("Scan now") or after an import. */
export const findDuplicatesJob: JobHandler = async (job, { db }) => {
  await scanDuplicates(db, (job.payload as { workspace_id: string }).workspace_id);
};

/** Keeps every workspace's pairs current: only workspaces whose contacts changed are scanned. */
export const rescanDuplicatesJob: RecurringJob = {
  kind: 'contacts.rescan_duplicates',
  everyMs: 60 * 60_000,
  run: async (_job, { db, signal }) => {
    for (const workspaceId of await workspacesDueForScan(db)) {
      if (signal.aborted) return;
      await scanDuplicates(db, workspaceId);
    }
  },
};
