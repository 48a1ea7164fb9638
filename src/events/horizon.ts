/**
 * How far the event log can be read without ever skipping an event that commits late.
 *
 * Ids are drawn from a sequence when events are written, not when they commit, so a reader
 * can see id 11 while id 10 is still being written by a running transaction. Reading past 10
 * would skip it for good. The horizon is the highest id below which every id is either
 * visible or known never to appear (its transaction rolled back).
 *
 * A missing id (a gap) is settled by the transaction ids of the snapshot that first saw it:
 * an id below a visible one was drawn before that snapshot was taken, by a transaction that
 * already had its id (publish() makes sure of that), so by a transaction below the snapshot's
 * xmax. Once the oldest running transaction (xmin) is at or past that xmax, every such
 * transaction has ended; if the gap is still there, it was rolled back and is skipped. (With
 * no transaction running at all, xmin equals xmax: a gap is settled as soon as it is seen.)
 */

export interface Snapshot {
  /** The oldest transaction still running: everything below it has ended. */
  xmin: bigint;
  /** The first transaction id not yet handed out when the snapshot was taken. */
  xmax: bigint;
}

export interface GapWatch {
  /** The first missing id. */
  at: number;
  /** xmax of the snapshot that first saw the gap. */
  xmax: bigint;
}

export interface Horizon {
  /** Every id up to here is visible or will never exist. */
  safe: number;
  /** The gap the horizon waits on, if any. */
  watch: GapWatch | null;
}

/**
 * Moves the horizon over `ids` (the visible ids above `from.safe`, ascending, read in the same
 * statement as `snapshot`), as far as no gap that may still fill stands in the way.
 */
export function advanceHorizon(from: Horizon, ids: readonly number[], snapshot: Snapshot): Horizon {
  let safe = from.safe;
  let watch = from.watch;
  for (const id of ids) {
    if (id <= safe) continue;
    if (id === safe + 1) {
      safe = id;
      continue;
    }
    const gapStart = safe + 1;
    if (!watch || watch.at !== gapStart) watch = { at: gapStart, xmax: snapshot.xmax };
    if (snapshot.xmin >= watch.xmax) {
      // Every transaction that could have drawn the missing ids has ended: they never will be.
      safe = id;
      watch = null;
      continue;
    }
    return { safe, watch };
  }
  return { safe, watch: watch && watch.at === safe + 1 ? watch : null };
}
