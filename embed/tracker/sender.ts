// Posting batches to Inflow's origin as text/plain (a CORS-safelisted type: no preflight, so one
// request per batch). While the page lives: fetch, which tells a 503 apart; as it goes away: a
// beacon, which outlives it. One retry at most, so an unreachable server costs a page nothing.
import { retryDelayMs } from './retry.js';
import type { Batch } from './wire.js';

const NETWORK_RETRY_MS = 2000;

const waiting = new Set<Batch>();

// `sent_at` is when the batch leaves, a retry included: the server sets the browser's clock by it.
const stamp = (batch: Batch) => JSON.stringify({ ...batch, sent_at: Date.now() });

/** Posts with fetch: once more after 2 s on a network error, or after Retry-After on a 503; any other answer ends it. */
export function post(endpoint: string, batch: Batch, retried = false): void {
  const retry = (ms: number) => {
    if (retried) return;
    waiting.add(batch);
    setTimeout(() => waiting.delete(batch) && post(endpoint, batch, true), ms);
  };
  fetch(endpoint, {
    method: 'POST',
    body: stamp(batch),
    keepalive: true,
    mode: 'cors',
    credentials: 'omit',
    headers: { 'content-type': 'text/plain' },
  }).then((answer) => answer.status === 503 && retry(retryDelayMs(answer.headers.get('retry-after'))), () => retry(NETWORK_RETRY_MS));
}

/** Sends as the page is hidden or left: `batch`, and those waiting for their retry (their last chance). */
export function postOnExit(endpoint: string, batch: Batch | null): void {
  const batches = [...waiting];
  waiting.clear();
  if (batch) batches.push(batch);
  for (const each of batches) {
    if (!navigator.sendBeacon?.(endpoint, new Blob([stamp(each)], { type: 'text/plain' }))) post(endpoint, each, true);
  }
}

/** Forgets the batches waiting for a retry (consent withdrawn). */
export function dropWaiting(): void {
  waiting.clear();
}
