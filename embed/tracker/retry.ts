/**
 * How long to wait before the one retry of a batch refused with 503: the Retry-After seconds,
 * at most 30 (a visitor does not stay on a page for longer); 5 when the header is missing or a
 * date (a server that is overloaded says how long in seconds).
 */
export function retryDelayMs(retryAfter: string | null): number {
  return (retryAfter && /^\d+$/.test(retryAfter.trim()) ? Math.min(Number(retryAfter), 30) : 5) * 1000;
}
