import { sql } from 'kysely';
import type { Executor } from '../../db/database.js';
import type { RecurringJob } from '../../db/jobs/recurring.js';
import { enqueue } from '../../db/jobs/queue.js';
import type { JobHandler } from '../../db/jobs/worker.js';

export const NOTIFY_JOB = 'capture.notify';

interface NotifyPayload {
  form_id: string;
  submission_ids: string[];
  emails: string[];
}

/** Queues the notification of a batch's submissions of one form, in the batch's transaction (sent only if it commits). */
export async function enqueueNotify(tx: Executor, workspaceId: string, payload: NotifyPayload): Promise<void> {
  if (payload.emails.length === 0 || payload.submission_ids.length === 0) return;
  await enqueue(tx, NOTIFY_JOB, { ...payload }, { workspaceId, idempotencyKey: `${NOTIFY_JOB}:${payload.submission_ids[0]}` });
}

const oneLine = (text: string) => text.replace(/[\r\n\u2028\u2029]+/g, ' ').slice(0, 200);

/** Mails the form's notify addresses what was submitted: plain text, one message per address for the batch. */
export const notifyHandler: JobHandler = async (job, { db, mailer }) => {
  const payload = job.payload as NotifyPayload;
  if (!job.workspace_id) return;
  const form = await db.selectFrom('forms').select('name').where('workspace_id', '=', job.workspace_id).where('id', '=', payload.form_id).executeTakeFirst();
  // Erased since (or the form deleted): nothing left to tell.
  const submissions = await db
    .selectFrom('form_submissions')
    .select(['id', 'values', 'page_url', 'created_at'])
    .where('workspace_id', '=', job.workspace_id)
    .where('id', 'in', payload.submission_ids)
    .orderBy('created_at')
    .execute();
  if (!form || submissions.length === 0) return;
  const blocks = submissions.map((s) => {
    const values = Object.entries(s.values as Record<string, unknown>).map(([key, value]) => `${key}: ${Array.isArray(value) ? value.join(', ') : String(value)}`);
    return [`Submitted ${s.created_at.toISOString()}${s.page_url ? ` on ${s.page_url}` : ''} (submission ${s.id})`, ...values].join('\n');
  });
  const subject = oneLine(submissions.length === 1 ? `New submission: ${form.name}` : `${submissions.length} new submissions: ${form.name}`);
  const text = `The form "${form.name}" was submitted:\n\n${blocks.join('\n\n')}\n`;
  for (const to of payload.emails) await mailer.send({ to, subject, text });
};

export const captureJobs = { [NOTIFY_JOB]: notifyHandler };

export const SPAM_KEPT_DAYS = 30;

/** Spam is kept long enough to rescue a false positive, then goes: it is personal data nobody asked us to keep. */
export const purgeSpam: RecurringJob = {
  kind: 'capture.purge_spam',
  everyMs: 60 * 60_000,
  run: async (_job, { db }) => {
    await db.deleteFrom('form_spam').where('created_at', '<', sql<Date>`now() - ${SPAM_KEPT_DAYS} * interval '1 day'`).execute();
  },
};
