// Small arithmetic that counters and figures share (capture's, tracking's). Pure.

/**
 * Items summed into one row per key, in key order: counters are upserted in batches, and
 * concurrent writers that lock rows in one order do not deadlock.
 */
export function sumByKey<I, R>(items: Iterable<I>, keyOf: (item: I) => string, start: (item: I) => R, add: (row: R, item: I) => void): R[] {
  const rows = new Map<string, R>();
  for (const item of items) {
    const key = keyOf(item);
    let row = rows.get(key);
    if (row === undefined) {
      row = start(item);
      rows.set(key, row);
    }
    add(row, item);
  }
  return inKeyOrder(rows);
}

/** A map's values in the order of their keys. */
export const inKeyOrder = <T>(map: ReadonlyMap<string, T>): T[] => [...map.entries()].sort(([a], [b]) => (a < b ? -1 : 1)).map(([, v]) => v);

/** part ÷ whole to three decimals; null when there is nothing to divide by. */
export const rate = (part: number, whole: number): number | null => (whole > 0 ? Math.round((part / whole) * 1000) / 1000 : null);
