import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { advanceHorizon, type Horizon } from './horizon.js';

const start: Horizon = { safe: 0, watch: null };
const snap = (xmin: number, xmax: number) => ({ xmin: BigInt(xmin), xmax: BigInt(xmax) });

describe('advanceHorizon', () => {
  it('moves over ids that follow each other', () => {
    expect(advanceHorizon(start, [1, 2, 3], snap(10, 10))).toEqual({ safe: 3, watch: null });
  });

  it('stops before a missing id and remembers the snapshot that saw it', () => {
    expect(advanceHorizon(start, [1, 3, 4], snap(7, 9))).toEqual({ safe: 1, watch: { at: 2, xmax: 9n } });
  });

  it('keeps waiting while a transaction that may have drawn the id still runs', () => {
    const first = advanceHorizon(start, [1, 3], snap(7, 9));
    expect(advanceHorizon(first, [3], snap(8, 12))).toEqual({ safe: 1, watch: { at: 2, xmax: 9n } });
  });

  it('takes the id in order when it commits late', () => {
    const first = advanceHorizon(start, [1, 3], snap(7, 9));
    expect(advanceHorizon(first, [2, 3], snap(8, 12))).toEqual({ safe: 3, watch: null });
  });

  it('skips the id once every transaction that could have drawn it has ended (a rollback)', () => {
    const first = advanceHorizon(start, [1, 3], snap(7, 9));
    expect(advanceHorizon(first, [3, 4], snap(9, 12))).toEqual({ safe: 4, watch: null });
  });

  it('settles a gap at once when no transaction is running', () => {
    expect(advanceHorizon(start, [1, 3], snap(9, 9))).toEqual({ safe: 3, watch: null });
  });

  it('does not settle a gap with a snapshot taken after it was first seen', () => {
    // The watch is for id 2; a new gap at 5 needs its own, later snapshot.
    const first = advanceHorizon({ safe: 1, watch: { at: 2, xmax: 9n } }, [3, 4, 6], snap(9, 15));
    expect(first).toEqual({ safe: 4, watch: { at: 5, xmax: 15n } });
    expect(advanceHorizon(first, [6], snap(14, 16))).toEqual({ safe: 4, watch: { at: 5, xmax: 15n } });
    expect(advanceHorizon(first, [6], snap(15, 16))).toEqual({ safe: 6, watch: null });
  });

  it('never passes an id that a transaction still running may commit', () => {
    // Model: ids 1..n, each drawn by a transaction; some commit, some roll back, in any order.
    // Whatever the horizon says is safe must hold every committed id at or below it.
    fc.assert(
      fc.property(fc.array(fc.record({ commits: fc.boolean(), endsAt: fc.nat(20) }), { minLength: 1, maxLength: 30 }), (txs) => {
        let horizon = start;
        for (let time = 0; time <= 21; time++) {
          const ended = (i: number) => txs[i]!.endsAt < time;
          const visible = txs.flatMap((tx, i) => (tx.commits && ended(i) ? [i + 1] : []));
          // Transaction i has id 100 + i; xmin is the oldest one still running.
          const running = txs.flatMap((_, i) => (ended(i) ? [] : [100 + i]));
          horizon = advanceHorizon(horizon, visible.filter((id) => id > horizon.safe), snap(running.length ? Math.min(...running) : 100 + txs.length, 100 + txs.length));
          for (let id = 1; id <= horizon.safe; id++) {
            const tx = txs[id - 1]!;
            if (tx.commits) expect(visible).toContain(id);
            else expect(ended(id - 1)).toBe(true);
          }
        }
        // Once everything has ended, the horizon reaches the last committed id.
        const lastCommitted = txs.reduce((last, tx, i) => (tx.commits ? i + 1 : last), 0);
        expect(horizon.safe).toBe(lastCommitted);
      }),
    );
  });
});
