import { describe, expect, it } from 'vitest';
import { retryDelayMs } from './backoff.js';

describe('retryDelayMs', () => {
  it('doubles from 5 seconds, with jitter in the upper half', () => {
    expect(retryDelayMs(1, () => 0)).toBe(2_500);
    expect(retryDelayMs(1, () => 1)).toBe(5_000);
    expect(retryDelayMs(2, () => 1)).toBe(10_000);
    expect(retryDelayMs(4, () => 0.5)).toBe(30_000);
  });

  it('never waits more than an hour', () => {
    expect(retryDelayMs(30, () => 1)).toBe(3_600_000);
    expect(retryDelayMs(1000, () => 1)).toBe(3_600_000);
  });
});
