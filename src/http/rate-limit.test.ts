import { describe, expect, it } from 'vitest';
import { RateLimiter } from './rate-limit.js';

describe('RateLimiter', () => {
  it('blocks a key after its limit until the window ends', () => {
    let now = 1_000_000;
    const limiter = new RateLimiter(3, 60_000, () => now);
    for (let i = 0; i < 3; i++) {
      expect(limiter.retryAfter('1.2.3.4')).toBe(0);
      limiter.hit('1.2.3.4');
    }
    expect(limiter.retryAfter('1.2.3.4')).toBe(60);
    expect(limiter.retryAfter('5.6.7.8')).toBe(0);
    now += 45_000;
    expect(limiter.retryAfter('1.2.3.4')).toBe(15);
    now += 15_000;
    expect(limiter.retryAfter('1.2.3.4')).toBe(0);
  });

  it('forgets a key on reset', () => {
    const limiter = new RateLimiter(1, 60_000);
    limiter.hit('k');
    expect(limiter.retryAfter('k')).toBeGreaterThan(0);
    limiter.reset('k');
    expect(limiter.retryAfter('k')).toBe(0);
  });
});
