export interface BackoffPolicy {
  baseMs: number;
  capMs: number;
}

/** Jobs: from 5 s, capped at an hour. */
export const JOB_BACKOFF: BackoffPolicy = { baseMs: 5_000, capMs: 60 * 60_000 };

/**
 * Delay before retry number `attempt` (1 = first retry): exponential from the policy's base,
 * capped, with jitter in the upper half so a burst of failures does not retry in lock-step.
 */
export function retryDelayMs(attempt: number, random: () => number = Math.random, policy: BackoffPolicy = JOB_BACKOFF): number {
  const exponential = Math.min(policy.capMs, policy.baseMs * 2 ** Math.max(0, attempt - 1));
  return Math.round(exponential / 2 + (exponential / 2) * random());
}
