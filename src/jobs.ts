import type { Config } from './config.js';
import type { Database } from './db/database.js';
import { purgeFinishedJobs, vacuumEmbeddedDatabase } from './db/jobs/maintenance.js';
import { recurringHandler, scheduleRecurring, type RecurringJob } from './db/jobs/recurring.js';
import { Worker, type JobHandler, type WorkerLogger } from './db/jobs/worker.js';
import { EventDispatcher } from './events/dispatcher.js';
import { MODULES } from './modules/index.js';
import { hooksOf, type InflowModule } from './modules/module.js';

// The queue's own upkeep; every other job kind comes from a module.
const CORE_RECURRING: readonly RecurringJob[] = [purgeFinishedJobs, vacuumEmbeddedDatabase];

export function recurringJobs(modules: readonly InflowModule[] = MODULES): RecurringJob[] {
  return [...CORE_RECURRING, ...modules.flatMap((module) => module.recurringJobs ?? [])];
}

/** Every job kind the modules declare, with its handler; a kind declared twice is a startup error. */
export function jobHandlers(modules: readonly InflowModule[] = MODULES): Map<string, JobHandler> {
  const handlers = new Map<string, JobHandler>();
  const add = (kind: string, handler: JobHandler) => {
    if (handlers.has(kind)) throw new Error(`two handlers for the job kind "${kind}"`);
    handlers.set(kind, handler);
  };
  for (const module of modules) for (const [kind, handler] of Object.entries(module.jobs ?? {})) add(kind, handler);
  for (const job of recurringJobs(modules)) add(job.kind, recurringHandler(job));
  return handlers;
}

/** A test's or a benchmark's dispatcher over the modules' subscribers. */
export function eventDispatcher(database: Database, modules: readonly InflowModule[] = MODULES, logger?: WorkerLogger): EventDispatcher {
  return new EventDispatcher(database, hooksOf(modules).subscribers, { logger });
}

export interface BackgroundWork {
  id: string;
  stop(graceMs: number): Promise<void>;
}

/** The worker: due jobs, and domain events to their subscribers. Any number may run against one database. */
export async function startWorker(
  database: Database,
  options: { concurrency: number; pollMs: number; logger: WorkerLogger; config: Partial<Config> },
  modules: readonly InflowModule[] = MODULES,
): Promise<BackgroundWork> {
  await scheduleRecurring(database.db, recurringJobs(modules));
  const worker = new Worker(database.db, jobHandlers(modules), options);
  const events = eventDispatcher(database, modules, options.logger);
  worker.start();
  await events.start();
  return {
    id: worker.id,
    stop: async (graceMs) => {
      await Promise.all([worker.stop(graceMs), events.stop()]);
    },
  };
}
