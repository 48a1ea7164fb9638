// How long a batch refused with 503 waits for its one retry.
import { describe, expect, it } from 'vitest';
import { retryDelayMs } from '../../embed/tracker/retry.js';

describe('retryDelayMs', () => {
  it('waits the seconds a 503 asks for, at most 30, and 5 when it does not say in seconds', () => {
    expect(retryDelayMs('3')).toBe(3000);
    expect(retryDelayMs('0')).toBe(0);
    expect(retryDelayMs('120')).toBe(30_000);
    expect(retryDelayMs(null)).toBe(5000);
    expect(retryDelayMs('')).toBe(5000);
    expect(retryDelayMs('Wed, 21 Oct 2026 07:28:00 GMT')).toBe(5000);
    expect(retryDelayMs('-1')).toBe(5000);
  });
});
