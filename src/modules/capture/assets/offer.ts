// A form that offers an asset: the link its submitter gets, on f.js's answer and on the hosted
// thank-you page (which knows the submission by a short-lived signed token in its URL).
import type { Executor } from '../../../db/database.js';
import { signToken, verifyToken } from '../../../lib/signed-token.js';
import { downloadLink } from './links.js';
import { assetsByIds } from './store.js';

const THANKS_PURPOSE = 'form.thanks';
/** Long enough to land on the thank-you page and reload it, short enough not to be a lasting link. */
const THANKS_TTL_MS = 60 * 60_000;

/**
 * The download a submission gets: a link signed for the contact the submission went to. A post
 * that made no submission (spam, an erased address) gets a link for nobody, so its answer looks
 * like any other; such a download is not counted.
 */
export async function offeredDownload(db: Executor, workspaceId: string, assetId: string | null | undefined, submissionId: string | null, ttlMs: number): Promise<{ path: string; name: string } | null> {
  if (!assetId) return null;
  const [asset] = await assetsByIds(db, workspaceId, [assetId]);
  if (!asset) return null;
  const submission = submissionId
    ? await db.selectFrom('form_submissions').select('contact_id').where('workspace_id', '=', workspaceId).where('id', '=', submissionId).executeTakeFirst()
    : undefined;
  const link = await downloadLink(db, workspaceId, asset.id, submission?.contact_id ?? null, ttlMs);
  return { path: link.path, name: asset.name };
}

/**
 * The token the no-JavaScript redirect carries to the thank-you page: which submission it follows.
 * Signed with the workspace's secret, which the cached form already holds.
 */
export function thanksToken(secret: string, submissionId: string): string {
  return signToken(secret, THANKS_PURPOSE, { s: submissionId }, new Date(Date.now() + THANKS_TTL_MS));
}

/** The submission a thank-you page's token names, or null when it is missing, tampered or expired. */
export function submissionOfThanksToken(secret: string, token: string | undefined): string | null {
  if (!token) return null;
  const check = verifyToken<{ s?: unknown }>(secret, THANKS_PURPOSE, token);
  return check.ok && typeof check.claims.s === 'string' ? check.claims.s : null;
}
