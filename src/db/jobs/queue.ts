import { sql, type ExpressionBuilder } from 'kysely';
import type { Tables, Job } from '../schema.js';
import { retryDelayMs } from './backoff.js';
import type { Executor } from '../database.js';

export interface EnqueueOptions {
  workspaceId?: string | null;
  runAt?: Date;
  maxAttempts?: number;
  /** A second enqueue with the same key is a no-op: the first job stands. */
  idempotencyKey?: string;
}

/**
 * Adds a job. Pass the caller's transaction: the job then exists if and only if the change
 * that caused it commits (transactional outbox). Returns the job id, or null when a job with
 * the same idempotency key already exists.
 */
export async function enqueue(
  db: Executor,
  kind: string,
  payload: Record<string, unknown>,
  options: EnqueueOptions = {},
): Promise<number | null> {
  const row = await db
    .insertInto('jobs')
    .values({
      kind,
      payload: JSON.stringify(payload),
      workspace_id: options.workspaceId ?? null,
      run_at: options.runAt ?? new Date(),
      max_attempts: options.maxAttempts ?? 10,
      idempotency_key: options.idempotencyKey ?? null,
    })
    .onConflict((oc) => oc.column('idempotency_key').doNothing())
    .returning('id')
    .executeTakeFirst();
  return row?.id ?? null;
}

/**
 * Whether a job of this kind for the workspace is waiting or running, optionally one whose
 * payload has `payloadKey` = `payloadValue` (a job for one record, such as one bulk action).
 */
export async function hasLiveJob(db: Executor, workspaceId: string, kind: string, payload?: { key: string; value: string }): Promise<boolean> {
  let query = db
    .selectFrom('jobs')
    .select('id')
    .where('workspace_id', '=', workspaceId)
    .where('kind', '=', kind)
    .where('status', 'in', ['queued', 'running']);
  if (payload) query = query.where(sql<boolean>`payload->>${payload.key} = ${payload.value}`);
  return (await query.limit(1).executeTakeFirst()) !== undefined;
}

/**
 * Takes up to `limit` due jobs for this worker: queued ones whose time has come and running
 * ones whose lease ran out (their worker died). SKIP LOCKED lets concurrent workers pass over
 * each other's rows instead of waiting, so no job is handed to two workers. `attempts` grows
 * with every claim and doubles as the fencing token for complete/fail.
 */
export async function claimJobs(db: Executor, workerId: string, limit: number, leaseMs: number): Promise<Job[]> {
  const result = await sql<Job>`
    update jobs
       set status = 'running',
           attempts = attempts + 1,
           locked_by = ${workerId},
           lease_expires_at = now() + ${leaseMs} * interval '1 millisecond',
           updated_at = now()
     where id in (
       select id from jobs
        where (status = 'queued' and run_at <= now())
           or (status = 'running' and lease_expires_at <= now())
        order by run_at
        limit ${limit}
        for update skip locked)
    returning *`.execute(db);
  return result.rows;
}

function fence(job: Job, workerId: string) {
  return (eb: ExpressionBuilder<Tables, 'jobs'>) =>
    eb.and([
      eb('id', '=', job.id),
      eb('status', '=', 'running'),
      eb('locked_by', '=', workerId),
      eb('attempts', '=', job.attempts),
    ]);
}

/** Marks the job done. False when this worker no longer holds it (its lease expired). */
export async function completeJob(db: Executor, job: Job, workerId: string): Promise<boolean> {
  const result = await db
    .updateTable('jobs')
    .set({ status: 'done', finished_at: sql`now()`, updated_at: sql`now()`, lease_expires_at: null, last_error: null })
    .where(fence(job, workerId))
    .executeTakeFirst();
  return result.numUpdatedRows > 0n;
}

/** Schedules a retry with backoff, or moves the job to the dead state after its last attempt. */
export async function failJob(db: Executor, job: Job, workerId: string, error: string): Promise<'retry' | 'dead' | 'lost'> {
  // A job whose workers keep dying mid-run is claimed past its attempts: it is dead too.
  const dead = job.attempts >= job.max_attempts;
  const delay = retryDelayMs(job.attempts);
  const result = await db
    .updateTable('jobs')
    .set({
      status: dead ? 'dead' : 'queued',
      last_error: error.slice(0, 4000),
      lease_expires_at: null,
      locked_by: null,
      run_at: dead ? sql`run_at` : sql`now() + ${delay} * interval '1 millisecond'`,
      finished_at: dead ? sql`now()` : null,
      updated_at: sql`now()`,
    })
    .where(fence(job, workerId))
    .executeTakeFirst();
  if (result.numUpdatedRows === 0n) return 'lost';
  return dead ? 'dead' : 'retry';
}

/** Pushes the lease of jobs still being worked on, so a long job is not taken over. */
export async function extendLeases(db: Executor, jobs: readonly Job[], workerId: string, leaseMs: number): Promise<void> {
  if (jobs.length === 0) return;
  await db
    .updateTable('jobs')
    .set({ lease_expires_at: sql`now() + ${leaseMs} * interval '1 millisecond'` })
    .where('id', 'in', jobs.map((j) => j.id))
    .where('locked_by', '=', workerId)
    .where('status', '=', 'running')
    .execute();
}
