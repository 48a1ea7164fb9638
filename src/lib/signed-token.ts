import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * Short signed tokens for links a visitor carries (a download link, a thank-you page's
 * submission, a draft's preview): `base64url(JSON claims) . base64url(HMAC-SHA256)`.
 *
 * The key is the workspace's own secret, so a token of one workspace never opens anything of
 * another. `purpose` is signed with the claims: a preview token is not a download token.
 */
export type TokenCheck<T> = { ok: true; claims: T; expiresAt: Date } | { ok: false; reason: 'invalid' | 'expired'; claims?: T };

interface Envelope<T> {
  p: string;
  /** Expiry, seconds since the epoch. */
  e: number;
  c: T;
}

const MAX_TOKEN_LENGTH = 2048;

function mac(secret: string, body: string): Buffer {
  return createHmac('sha256', secret).update(body).digest();
}

export function signToken<T>(secret: string, purpose: string, claims: T, expiresAt: Date): string {
  const envelope: Envelope<T> = { p: purpose, e: Math.floor(expiresAt.getTime() / 1000), c: claims };
  const body = Buffer.from(JSON.stringify(envelope)).toString('base64url');
  return `${body}.${mac(secret, body).toString('base64url')}`;
}

/**
 * The claims a token states, NOT checked: only to find which key checks it (the workspace a
 * link names). Never act on them before `verifyToken` holds.
 */
export function unverifiedClaims<T>(token: string): T | null {
  if (token.length > MAX_TOKEN_LENGTH) return null;
  try {
    return (JSON.parse(Buffer.from(token.split('.')[0] ?? '', 'base64url').toString('utf8')) as Envelope<T>)?.c ?? null;
  } catch {
    return null;
  }
}

/**
 * Checks a token's signature, purpose and expiry. A token whose signature holds but whose time
 * is up is `expired`, with its claims (so the page can offer a fresh link); anything else is
 * `invalid` and says nothing about why.
 */
export function verifyToken<T>(secret: string, purpose: string, token: string, now = new Date()): TokenCheck<T> {
  if (token.length > MAX_TOKEN_LENGTH) return { ok: false, reason: 'invalid' };
  const [body, signature, extra] = token.split('.');
  if (!body || !signature || extra !== undefined) return { ok: false, reason: 'invalid' };
  // Compared as text: base64url has more than one spelling of the same bytes, a link only one.
  const given = Buffer.from(signature);
  const expected = Buffer.from(mac(secret, body).toString('base64url'));
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return { ok: false, reason: 'invalid' };
  let envelope: Envelope<T>;
  try {
    envelope = JSON.parse(Buffer.from(body, 'base64url').toString('utf8')) as Envelope<T>;
  } catch {
    return { ok: false, reason: 'invalid' };
  }
  if (envelope?.p !== purpose || typeof envelope.e !== 'number') return { ok: false, reason: 'invalid' };
  const expiresAt = new Date(envelope.e * 1000);
  if (expiresAt.getTime() <= now.getTime()) return { ok: false, reason: 'expired', claims: envelope.c };
  return { ok: true, claims: envelope.c, expiresAt };
}
