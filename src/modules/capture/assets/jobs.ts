import { createHash } from 'node:crypto';
import type { Executor } from '../../../db/database.js';
import type { RecurringJob } from '../../../db/jobs/recurring.js';
import { enqueue } from '../../../db/jobs/queue.js';
import type { JobHandler } from '../../../db/jobs/worker.js';
import { contactsByIds } from '../../contacts/queries.js';
import { downloadLink, type DownloadClaims } from './links.js';
import { assetsByIds, deleteStaleUploads } from './store.js';

export const RESEND_LINK_JOB = 'capture.asset_link';

interface ResendPayload {
  asset_id: string;
  contact_id: string;
  /** Where links point: PUBLIC_URL, or the origin the expired link was opened on. */
  base_url: string;
  ttl_ms: number;
}

/**
 * Queues a fresh link for the contact an expired link was made for. Keyed by the expired
 * token, so one old link brings one new one however often its page is submitted.
 */
export async function enqueueFreshLink(db: Executor, expiredToken: string, claims: DownloadClaims, baseUrl: string, ttlMs: number): Promise<void> {
  if (!claims.c) return;
  const key = createHash('sha256').update(expiredToken).digest('base64url');
  const payload: ResendPayload = { asset_id: claims.a, contact_id: claims.c, base_url: baseUrl, ttl_ms: ttlMs };
  await enqueue(db, RESEND_LINK_JOB, { ...payload }, { workspaceId: claims.w, idempotencyKey: `${RESEND_LINK_JOB}:${key}` });
}

const oneLine = (text: string) => text.replace(/[\r\n\u2028\u2029]+/g, ' ').slice(0, 150);

/** Mails the contact a fresh link; nothing when the asset or the contact (or their address) is gone. */
export const resendLinkHandler: JobHandler = async (job, { db, mailer }) => {
  const payload = job.payload as ResendPayload;
  if (!job.workspace_id) return;
  const [asset] = await assetsByIds(db, job.workspace_id, [payload.asset_id]);
  const [contact] = await contactsByIds(db, job.workspace_id, [payload.contact_id]);
  if (!asset || !contact?.email) return;
  const link = await downloadLink(db, job.workspace_id, asset.id, contact.id, payload.ttl_ms);
  const days = Math.max(1, Math.round(payload.ttl_ms / 86_400_000));
  await mailer.send({
    to: contact.email,
    subject: oneLine(`Your download: ${asset.name}`),
    text: `Here is a fresh link to "${asset.name}":\n\n${payload.base_url}${link.path}\n\nIt works for ${days} day${days === 1 ? '' : 's'}.\n`,
  });
};

/** An upload that has not finished in this long was cut off by a crash: its chunks go. */
const STALE_UPLOAD_MINUTES = 60;

export const purgeStaleUploads: RecurringJob = {
  kind: 'capture.purge_stale_uploads',
  everyMs: 60 * 60_000,
  run: async (_job, { db }) => deleteStaleUploads(db, STALE_UPLOAD_MINUTES),
};

export const assetJobs = { [RESEND_LINK_JOB]: resendLinkHandler };
