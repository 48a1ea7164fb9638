import type { JobHandler } from '../../../db/jobs/worker.js';
import { publishDraft, PUBLISH_JOB } from './service.js';
import { pageRow } from './store.js';

/**
 * A scheduled publish: publishes the draft if the page is still scheduled for the time the job
 * was booked for (a schedule changed or cancelled since leaves the job nothing to do). A draft
 * that cannot be published fails the job, with the problems as its error.
 */
export const publishScheduledHandler: JobHandler = async (job, { db }) => {
  const payload = job.payload as { page_id: string; publish_at: string };
  if (!job.workspace_id) return;
  const workspaceId = job.workspace_id;
  await db.transaction().execute(async (tx) => {
    const page = await pageRow(tx, workspaceId, payload.page_id, true).catch(() => null);
    if (!page?.publish_at || page.publish_at.toISOString() !== payload.publish_at) return;
    await publishDraft(tx, workspaceId, page, null);
  });
};

export const pageJobs = { [PUBLISH_JOB]: publishScheduledHandler };
