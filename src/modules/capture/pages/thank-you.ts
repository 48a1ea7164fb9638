// The link from a form to its thank-you page, and what the page learns from it: a signed,
// short-lived token naming the submission, so the page can greet the person by their first
// name. The token never holds the name itself (it travels in a URL).
import type { Executor } from '../../../db/database.js';
import { isId } from '../../../db/ids.js';
import { signToken, verifyToken } from '../../../lib/signed-token.js';
import { contactsByIds } from '../../contacts/queries.js';
import { workspaceSettings } from '../../workspaces/service.js';

export const THANKS_PURPOSE = 'page.thanks';
const THANKS_MINUTES = 60;

interface ThanksClaims {
  w: string;
  p: string;
  s: string;
}

/**
 * The address of a live page of the workspace for one submission, with its token; null when the
 * page is gone or not live (the form then falls back to its own thank-you page). `origin` is
 * Inflow's address as the submitter's browser reached it.
 */
export async function thankYouLink(db: Executor, input: { workspaceId: string; secret: string; pageId: string; submissionId: string; origin: string }, now = new Date()): Promise<string | null> {
  if (!isId(input.pageId)) return null;
  const page = await db.selectFrom('pages').select(['slug', 'host']).where('workspace_id', '=', input.workspaceId).where('id', '=', input.pageId).where('status', '=', 'live').executeTakeFirst();
  if (!page) return null;
  const token = signToken<ThanksClaims>(input.secret, THANKS_PURPOSE, { w: input.workspaceId, p: input.pageId, s: input.submissionId }, new Date(now.getTime() + THANKS_MINUTES * 60_000));
  return `${page.host ? `https://${page.host}` : input.origin}/p/${page.slug}?s=${token}`;
}

/** The first name of the person behind a thank-you token for this page; null for anything else (tampered, expired, spam, erased). */
export async function thankedFirstName(db: Executor, workspaceId: string, pageId: string, token: string): Promise<string | null> {
  const settings = await workspaceSettings(db, workspaceId);
  const checked = settings ? verifyToken<ThanksClaims>(settings.secret, THANKS_PURPOSE, token) : null;
  if (!checked?.ok || checked.claims.w !== workspaceId || checked.claims.p !== pageId || !isId(checked.claims.s)) return null;
  const submission = await db.selectFrom('form_submissions').select('contact_id').where('workspace_id', '=', workspaceId).where('id', '=', checked.claims.s).executeTakeFirst();
  if (!submission?.contact_id) return null;
  const [contact] = await contactsByIds(db, workspaceId, [submission.contact_id]);
  return contact?.first_name ?? null;
}
