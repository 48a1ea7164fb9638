// Signed download links: what a lead is handed after a form, and checked when they come back.
import type { Executor } from '../../../db/database.js';
import { signToken, unverifiedClaims, verifyToken } from '../../../lib/signed-token.js';
import { notFound } from '../../../errors.js';
import { workspaceSettings } from '../../workspaces/service.js';

export const DOWNLOAD_PURPOSE = 'asset.download';
/** A link's lifetime when its maker names none. */
export const DEFAULT_LINK_TTL_MS = 7 * 24 * 3600_000;

/** What a download link carries: the workspace (to find its secret), the asset, the contact it was made for. */
export interface DownloadClaims {
  w: string;
  a: string;
  /** The contact the link was made for; null for a test link of the dashboard (not counted). */
  c: string | null;
}

/** The path of a signed link to an asset for a contact (`/d/TOKEN`), valid for `ttlMs`. */
export async function downloadLink(db: Executor, workspaceId: string, assetId: string, contactId: string | null, ttlMs = DEFAULT_LINK_TTL_MS): Promise<{ path: string; expiresAt: Date }> {
  const settings = await workspaceSettings(db, workspaceId);
  if (!settings) throw notFound('Workspace');
  const expiresAt = new Date(Date.now() + ttlMs);
  const token = signToken<DownloadClaims>(settings.secret, DOWNLOAD_PURPOSE, { w: workspaceId, a: assetId, c: contactId }, expiresAt);
  return { path: `/d/${token}`, expiresAt };
}

export type LinkCheck = { state: 'valid'; claims: DownloadClaims } | { state: 'expired'; claims: DownloadClaims } | { state: 'invalid' };

function wellFormed(claims: unknown): claims is DownloadClaims {
  const c = claims as DownloadClaims | null;
  return typeof c === 'object' && c !== null && typeof c.w === 'string' && typeof c.a === 'string' && (c.c === null || typeof c.c === 'string');
}

/**
 * Checks a link's token under the secret of the workspace it names: a token signed with any
 * other workspace's secret (or none) is invalid, and says nothing about why.
 */
export async function checkDownloadToken(db: Executor, token: string, now = new Date()): Promise<LinkCheck> {
  const named = unverifiedClaims<DownloadClaims>(token);
  if (!wellFormed(named) || !/^[0-9a-f-]{36}$/.test(named.w)) return { state: 'invalid' };
  const settings = await workspaceSettings(db, named.w);
  if (!settings) return { state: 'invalid' };
  const check = verifyToken<DownloadClaims>(settings.secret, DOWNLOAD_PURPOSE, token, now);
  if (check.ok) return wellFormed(check.claims) ? { state: 'valid', claims: check.claims } : { state: 'invalid' };
  if (check.reason === 'expired' && wellFormed(check.claims)) return { state: 'expired', claims: check.claims };
  return { state: 'invalid' };
}
