// How failed sign-ins are kept from becoming either a brute force or a lockout. Counted in this
// process, per 15 minutes (DESIGN.md allows per-process limits; with N servers, N times these).
//
// - One address guessing one account: refused after 10 failures.
// - One address spraying many accounts: refused after 100 failures.
// - An account guessed at from many addresses is never locked: that would let strangers lock its
//   owner out (fifty wrong passwords from five addresses did, for good). Instead every attempt
//   on it is slowed, up to 3 s, and once it is under attack (50 failures) an address that has
//   failed on it 3 times is refused. An address with no recent failure on the account, the
//   owner's, still signs in with the right password.
import { setTimeout as sleep } from 'node:timers/promises';
import { RateLimiter } from '../../http/rate-limit.js';

const WINDOW_MS = 15 * 60_000;
const PER_ADDRESS_AND_ACCOUNT = 10;
const PER_ADDRESS = 100;
const ACCOUNT_UNDER_ATTACK = 50;
const PER_ADDRESS_WHEN_UNDER_ATTACK = 3;

/** The delay before an attempt on an account with this many recent failures is checked. */
export function slowdownMs(accountFailures: number): number {
  if (accountFailures < 10) return 0;
  if (accountFailures < 20) return 250;
  if (accountFailures < ACCOUNT_UNDER_ATTACK) return 1_000;
  return 3_000;
}

export class SignInThrottle {
  private readonly byAddressAndAccount: RateLimiter;
  private readonly byAddress: RateLimiter;
  private readonly byAccount: RateLimiter;

  constructor(
    now: () => number = Date.now,
    private readonly wait: (ms: number) => Promise<unknown> = sleep,
  ) {
    this.byAddressAndAccount = new RateLimiter(PER_ADDRESS_AND_ACCOUNT, WINDOW_MS, now);
    this.byAddress = new RateLimiter(PER_ADDRESS, WINDOW_MS, now);
    this.byAccount = new RateLimiter(Number.MAX_SAFE_INTEGER, WINDOW_MS, now);
  }

  /**
   * Before the password is checked: seconds this address must wait (0 to go on). Waits out the
   * account's slowdown first, so a guesser pays it on every attempt.
   */
  async admit(address: string, account: string): Promise<number> {
    const pair = `${address}|${account}`;
    const underAttack = this.byAccount.count(account) >= ACCOUNT_UNDER_ATTACK;
    const refused = Math.max(
      this.byAddressAndAccount.retryAfter(pair, underAttack ? PER_ADDRESS_WHEN_UNDER_ATTACK : PER_ADDRESS_AND_ACCOUNT),
      this.byAddress.retryAfter(address),
    );
    if (refused > 0) return refused;
    const delay = slowdownMs(this.byAccount.count(account));
    if (delay > 0) await this.wait(delay);
    return 0;
  }

  failed(address: string, account: string): void {
    this.byAddressAndAccount.hit(`${address}|${account}`);
    this.byAddress.hit(address);
    this.byAccount.hit(account);
  }

  succeeded(address: string, account: string): void {
    this.byAddressAndAccount.reset(`${address}|${account}`);
  }
}
