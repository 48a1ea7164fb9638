// The link from a form to its thank-you page, and what the page learns from it: a signed,
// short-lived token naming the submission, so the page can greet the person by their first
// name. The token never holds the name itself (it travels in a URL).
import { sql } from 'kysely';
import type { Executor } from '../../../db/database.js';
import { isId } from '../../../db/ids.js';
import { signToken, verifyToken } from '../../../lib/signed-token.js';
import { contactsByIds } from '../../contacts/queries.js';
import { workspaceSettings } from '../../workspaces/service.js';
import { downloadLink } from '../assets/links.js';
import { assetsByIds } from '../assets/store.js';
import type { Thanked } from './personalise.js';

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

/**
 * What a thank-you page may show the person behind a token for this page: their first name and
 * links to the downloads its slots name (the form's own offer for ''), signed for their contact;
 * null for anything else (tampered, expired, another page, spam, erased).
 */
export async function thanked(db: Executor, input: { workspaceId: string; pageId: string; token: string; slots: string[]; linkTtlMs: number; origin: string }): Promise<Thanked | null> {
  const { workspaceId } = input;
  const settings = await workspaceSettings(db, workspaceId);
  const checked = settings ? verifyToken<ThanksClaims>(settings.secret, THANKS_PURPOSE, input.token) : null;
  if (!checked?.ok || checked.claims.w !== workspaceId || checked.claims.p !== input.pageId || !isId(checked.claims.s)) return null;
  const submission = await db
    .selectFrom('form_submissions as s')
    .innerJoin('form_versions as v', (join) => join.onRef('v.workspace_id', '=', 's.workspace_id').onRef('v.form_id', '=', 's.form_id').onRef('v.version', '=', 's.form_version'))
    .select(['s.contact_id', sql<string | null>`v.definition->'settings'->>'asset_id'`.as('offered')])
    .where('s.workspace_id', '=', workspaceId)
    .where('s.id', '=', checked.claims.s)
    .executeTakeFirst();
  if (!submission?.contact_id) return null;
  const [contact] = await contactsByIds(db, workspaceId, [submission.contact_id]);
  if (!contact) return null;
  const wanted = new Map(input.slots.flatMap((slot) => {
    const assetId = slot === '' ? submission.offered : slot;
    return assetId && isId(assetId) ? [[slot, assetId] as const] : [];
  }));
  const assets = new Map((await assetsByIds(db, workspaceId, [...new Set(wanted.values())])).map((a) => [a.id, a]));
  const downloads = new Map<string, { url: string; name: string }>();
  for (const [slot, assetId] of wanted) {
    const asset = assets.get(assetId);
    if (!asset) continue;
    const link = await downloadLink(db, workspaceId, asset.id, contact.id, input.linkTtlMs);
    downloads.set(slot, { url: `${input.origin}${link.path}`, name: asset.name });
  }
  return { firstName: contact.first_name ?? null, downloads };
}
