const BASE_MS = 5_000;
const CAP_MS = 60 * 60_000;

/**
 * Delay before retry number `attempt` (1 = first retry): exponential from 5 s, capped at an
 * hour, with jitter in the upper half so a burst of failures does not retry in lock-step.
 */
export function retryDelayMs(attempt: number, random: () => number = Math.random): number {
  const exponential = Math.min(CAP_MS, BASE_MS * 2 ** Math.max(0, attempt - 1));
  return Math.round(exponential / 2 + (exponential / 2) * random());
}
