import type { Kysely } from 'kysely';
import { purgeFinishedJobs, vacuumEmbeddedDatabase } from './db/jobs/maintenance.js';
import { recurringHandler, scheduleRecurring, type RecurringJob } from './db/jobs/recurring.js';
import { Worker, type JobHandler, type WorkerLogger } from './db/jobs/worker.js';
import type { DB } from './db/schema.js';
import { purgeSessions } from './modules/accounts/jobs.js';
import { BULK_ACTION_JOB } from './modules/contacts/bulk/bulk-actions.js';
import { runBulkActionJob } from './modules/contacts/bulk/bulk-job.js';
import { findDuplicatesJob, rescanDuplicatesJob } from './modules/contacts/duplicate-jobs.js';
import { FIND_DUPLICATES_JOB } from './modules/contacts/duplicates.js';
import { runImportJob } from './modules/contacts/import/import-job.js';
import { IMPORT_JOB } from './modules/contacts/import/import-service.js';
import { purgeImportFilesJob } from './modules/contacts/import/import-retention.js';

// Each module contributes its job kinds here; the worker knows nothing of modules.
const recurring: readonly RecurringJob[] = [purgeFinishedJobs, vacuumEmbeddedDatabase, purgeSessions, purgeImportFilesJob, rescanDuplicatesJob];
const oneOff: Readonly<Record<string, JobHandler>> = {
  [IMPORT_JOB]: runImportJob,
  [FIND_DUPLICATES_JOB]: findDuplicatesJob,
  [BULK_ACTION_JOB]: runBulkActionJob,
};

export function jobHandlers(): Map<string, JobHandler> {
  const handlers = new Map<string, JobHandler>(Object.entries(oneOff));
  for (const job of recurring) handlers.set(job.kind, recurringHandler(job));
  return handlers;
}

export async function startWorker(
  db: Kysely<DB>,
  options: { concurrency: number; pollMs: number; logger: WorkerLogger },
): Promise<Worker> {
  await scheduleRecurring(db, recurring);
  const worker = new Worker(db, jobHandlers(), options);
  worker.start();
  return worker;
}
