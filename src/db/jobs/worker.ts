import { randomBytes } from 'node:crypto';
import os from 'node:os';
import type { Kysely } from 'kysely';
import type { Config } from '../../config.js';
import type { Tables, Job } from '../schema.js';
import { loopFailures } from '../disk-space.js';
import { claimJobs, completeJob, extendLeases, failJob } from './queue.js';
import { logMailer, type Mailer } from '../../mail/mailer.js';

export interface JobContext {
  db: Kysely<Tables>;
  /** Aborted when the worker is told to stop and the grace period ran out. */
  signal: AbortSignal;
  /** The process's config; what a test worker leaves out is absent. */
  config: Partial<Config>;
  /** Sends mail (a form's notifications); by default into the worker's log, as the app's does. */
  mailer: Mailer;
}

export type JobHandler = (job: Job, ctx: JobContext) => Promise<void>;

export interface WorkerLogger {
  info(obj: object, msg: string): void;
  warn(obj: object, msg: string): void;
  error(obj: object, msg: string): void;
}

export interface WorkerOptions {
  concurrency: number;
  pollMs: number;
  leaseMs?: number;
  id?: string;
  logger?: WorkerLogger;
  config?: Partial<Config>;
  mailer?: Mailer;
}

const silent: WorkerLogger = { info() {}, warn() {}, error() {} };

/**
 * Polls the jobs table, runs due jobs with bounded concurrency, and keeps their leases alive.
 * Any number of workers in any number of processes may run against one database.
 */
export class Worker {
  readonly id: string;
  private readonly leaseMs: number;
  private readonly running = new Map<number, Job>();
  private readonly inFlight = new Set<Promise<void>>();
  private readonly abort = new AbortController();
  private readonly logger: WorkerLogger;
  private readonly mailer: Mailer;
  private readonly claimFailures: ReturnType<typeof loopFailures>;
  private stopping = false;
  private loop: Promise<void> | null = null;
  private wake: (() => void) | null = null;
  private heartbeat: NodeJS.Timeout | null = null;

  constructor(
    private readonly db: Kysely<Tables>,
    private readonly handlers: ReadonlyMap<string, JobHandler>,
    private readonly options: WorkerOptions,
  ) {
    this.id = options.id ?? `${os.hostname()}:${process.pid}:${randomBytes(3).toString('hex')}`;
    this.leaseMs = options.leaseMs ?? 60_000;
    this.logger = options.logger ?? silent;
    this.mailer = options.mailer ?? logMailer(this.logger);
    this.claimFailures = loopFailures(this.logger, 'claiming jobs');
  }

  start(): void {
    if (this.loop) return;
    this.heartbeat = setInterval(() => {
      extendLeases(this.db, [...this.running.values()], this.id, this.leaseMs).catch((err: unknown) =>
        this.logger.warn({ err }, 'could not extend job leases'),
      );
    }, Math.max(50, Math.floor(this.leaseMs / 3)));
    this.heartbeat.unref();
    this.loop = this.pollLoop();
  }

  /** Claims what fits in the free slots and starts it; resolves once those jobs have finished. */
  async runOnce(): Promise<number> {
    const started = await this.claimAndStart();
    await Promise.all([...this.inFlight]);
    return started;
  }

  /** Stops claiming, waits up to `graceMs` for running jobs, then aborts what is left. */
  async stop(graceMs = 10_000): Promise<void> {
    this.stopping = true;
    this.wake?.();
    await this.loop;
    const timer = setTimeout(() => this.abort.abort(), graceMs);
    await Promise.allSettled([...this.inFlight]);
    clearTimeout(timer);
    if (this.heartbeat) clearInterval(this.heartbeat);
  }

  private async pollLoop(): Promise<void> {
    while (!this.stopping) {
      let started = 0;
      try {
        started = await this.claimAndStart();
        this.claimFailures.succeeded();
      } catch (err) {
        this.claimFailures.failed(err);
      }
      if (this.stopping) break;
      // A full batch means more may be waiting: poll again at once; otherwise sleep.
      const free = this.options.concurrency - this.running.size;
      if (started === 0 || free === 0) {
        await new Promise<void>((resolve) => {
          const timer = setTimeout(resolve, this.options.pollMs);
          this.wake = () => {
            clearTimeout(timer);
            resolve();
          };
        });
        this.wake = null;
      }
    }
  }

  private async claimAndStart(): Promise<number> {
    const free = this.options.concurrency - this.running.size;
    if (free <= 0) return 0;
    const jobs = await claimJobs(this.db, this.id, free, this.leaseMs);
    for (const job of jobs) {
      this.running.set(job.id, job);
      const run = this.execute(job).finally(() => {
        this.running.delete(job.id);
        this.inFlight.delete(run);
        this.wake?.();
      });
      this.inFlight.add(run);
    }
    return jobs.length;
  }

  private async execute(job: Job): Promise<void> {
    const handler = this.handlers.get(job.kind);
    try {
      if (job.attempts > job.max_attempts) throw new Error('lease expired on every attempt');
      if (!handler) throw new Error(`no handler for job kind "${job.kind}"`);
      await handler(job, { db: this.db, signal: this.abort.signal, config: this.options.config ?? {}, mailer: this.mailer });
    } catch (err) {
      const message = err instanceof Error ? err.message : String(err);
      const outcome = await failJob(this.db, job, this.id, message).catch(() => 'lost' as const);
      const log = outcome === 'dead' ? this.logger.error : this.logger.warn;
      log.call(this.logger, { jobId: job.id, kind: job.kind, attempt: job.attempts, outcome, err: message }, 'job failed');
      return;
    }
    const held = await completeJob(this.db, job, this.id).catch(() => false);
    if (!held) this.logger.warn({ jobId: job.id, kind: job.kind }, 'job finished after its lease was taken over');
  }
}
