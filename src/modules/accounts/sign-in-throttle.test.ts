import { describe, expect, it } from 'vitest';
import { SignInThrottle, slowdownMs } from './sign-in-throttle.js';

function throttle() {
  let now = 0;
  const waited: number[] = [];
  const signIns = new SignInThrottle(() => now, async (ms) => waited.push(ms));
  return { signIns, waited, advance: (ms: number) => (now += ms) };
}

const failFrom = async (signIns: SignInThrottle, address: string, account: string, times: number) => {
  for (let i = 0; i < times; i++) {
    expect(await signIns.admit(address, account)).toBe(0);
    signIns.failed(address, account);
  }
};

describe('SignInThrottle', () => {
  it('refuses one address guessing one account after 10 failures, for that account only', async () => {
    const { signIns, advance } = throttle();
    await failFrom(signIns, '198.51.100.1', 'owner@acme.com', 10);
    expect(await signIns.admit('198.51.100.1', 'owner@acme.com')).toBe(15 * 60);
    expect(await signIns.admit('198.51.100.1', 'other@acme.com')).toBe(0);
    expect(await signIns.admit('203.0.113.9', 'owner@acme.com')).toBe(0);
    advance(15 * 60_000);
    expect(await signIns.admit('198.51.100.1', 'owner@acme.com')).toBe(0);
  });

  it('never locks an account out: fifty failures from five addresses leave a sixth address signing in, slowed', async () => {
    const { signIns, waited } = throttle();
    for (let a = 1; a <= 5; a++) await failFrom(signIns, `198.51.100.${a}`, 'owner@acme.com', 10);
    for (let a = 1; a <= 5; a++) expect(await signIns.admit(`198.51.100.${a}`, 'owner@acme.com')).toBeGreaterThan(0);
    waited.length = 0;
    expect(await signIns.admit('203.0.113.7', 'owner@acme.com')).toBe(0);
    expect(waited).toEqual([3_000]);
    signIns.succeeded('203.0.113.7', 'owner@acme.com');
  });

  it('slows every attempt on an attacked account, and refuses sooner an address that keeps failing on it', async () => {
    const { signIns, waited } = throttle();
    // A guesser with many addresses: each one's first attempts pay the account's slowdown.
    for (let a = 1; a <= 25; a++) await failFrom(signIns, `192.0.2.${a}`, 'owner@acme.com', 2);
    expect(waited.filter((ms) => ms === 3_000)).toHaveLength(0);
    expect(Math.max(...waited)).toBe(1_000);
    // Under attack (50 failures), three failures are enough to shut an address out.
    await failFrom(signIns, '192.0.2.200', 'owner@acme.com', 3);
    expect(await signIns.admit('192.0.2.200', 'owner@acme.com')).toBeGreaterThan(0);
    expect(waited.at(-1)).toBe(3_000);
  });

  it('refuses one address spraying many accounts after 100 failures', async () => {
    const { signIns } = throttle();
    for (let i = 0; i < 100; i++) {
      expect(await signIns.admit('198.51.100.50', `user${i}@acme.com`)).toBe(0);
      signIns.failed('198.51.100.50', `user${i}@acme.com`);
    }
    expect(await signIns.admit('198.51.100.50', 'fresh@acme.com')).toBeGreaterThan(0);
  });

  it('slows by the account’s recent failures', () => {
    expect([0, 9, 10, 19, 20, 49, 50, 500].map(slowdownMs)).toEqual([0, 0, 250, 250, 1_000, 1_000, 3_000, 3_000]);
  });
});
