import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { signToken, verifyToken } from './signed-token.js';

const secret = 'a workspace secret';
const later = new Date(Date.now() + 60_000);

describe('signed tokens', () => {
  it('gives back the claims of a token it signed, until it expires', () => {
    const token = signToken(secret, 'download', { asset: 'a1', contact: 'c1' }, later);
    expect(verifyToken(secret, 'download', token)).toEqual({ ok: true, claims: { asset: 'a1', contact: 'c1' }, expiresAt: new Date(Math.floor(later.getTime() / 1000) * 1000) });
    expect(verifyToken(secret, 'download', token, new Date(later.getTime() + 1000))).toEqual({ ok: false, reason: 'expired', claims: { asset: 'a1', contact: 'c1' } });
  });

  it('refuses another secret, another purpose and any change to the token', () => {
    const token = signToken(secret, 'download', { asset: 'a1' }, later);
    expect(verifyToken('another workspace', 'download', token).ok).toBe(false);
    expect(verifyToken(secret, 'preview', token).ok).toBe(false);
    fc.assert(
      fc.property(fc.nat({ max: token.length - 1 }), fc.constantFrom(...'ABCabc012-_.'), (at, char) => {
        const tampered = token.slice(0, at) + char + token.slice(at + 1);
        fc.pre(tampered !== token);
        expect(verifyToken(secret, 'download', tampered)).toEqual({ ok: false, reason: 'invalid' });
      }),
    );
  });

  it('refuses another spelling of the same signature', () => {
    const token = signToken(secret, 'download', { asset: 'a1' }, later);
    const last = token.at(-1)!;
    // The last of 43 base64url characters carries 2 unused bits: its neighbours decode alike.
    const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
    const at = alphabet.indexOf(last);
    const sibling = alphabet[at % 4 === 0 ? at + 1 : at - 1]!;
    expect(Buffer.from(token.split('.')[1]!, 'base64url')).toEqual(Buffer.from(token.slice(0, -1).split('.')[1]! + sibling, 'base64url'));
    expect(verifyToken(secret, 'download', token.slice(0, -1) + sibling)).toEqual({ ok: false, reason: 'invalid' });
  });

  it('says nothing but invalid for garbage', () => {
    for (const garbage of ['', '.', 'a.b', 'a.b.c', '%%%.%%%', 'x'.repeat(5000), `${Buffer.from('{').toString('base64url')}.x`]) {
      expect(verifyToken(secret, 'download', garbage)).toEqual({ ok: false, reason: 'invalid' });
    }
  });
});
