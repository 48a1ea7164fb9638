import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { credits, creditsAll, MODELS, type Model } from './models.js';

const DAY = 86_400_000;
const CONVERSION = new Date('2026-11-30T12:00:00Z');
/** Touches made so many days before the conversion, given oldest first. */
const daysBefore = (...days: number[]) => days.map((d) => ({ at: new Date(CONVERSION.getTime() - d * DAY) }));
const millionths = (weights: readonly number[]) => weights.map((w) => Math.round(w * 1e6));

describe('credits', () => {
  it('gives nothing to share when there are no touches', () => {
    for (const model of MODELS) expect(credits(model, [], CONVERSION)).toEqual([]);
  });

  it('gives a single touch all the credit under every model', () => {
    for (const model of MODELS) expect(credits(model, daysBefore(3), CONVERSION)).toEqual([1]);
  });

  it('gives first touch all to the first and last touch all to the last', () => {
    const touches = daysBefore(9, 4, 1);
    expect(credits('first_touch', touches, CONVERSION)).toEqual([1, 0, 0]);
    expect(credits('last_touch', touches, CONVERSION)).toEqual([0, 0, 1]);
  });

  it('shares linearly in millionths, the last touch taking the rounding remainder', () => {
    expect(credits('linear', daysBefore(9, 4, 1), CONVERSION)).toEqual([0.333333, 0.333333, 0.333334]);
    expect(credits('linear', daysBefore(4, 3, 2, 1), CONVERSION)).toEqual([0.25, 0.25, 0.25, 0.25]);
    expect(credits('linear', daysBefore(6, 5, 4, 3, 2, 1), CONVERSION)).toEqual([0.166667, 0.166667, 0.166667, 0.166667, 0.166667, 0.166665]);
  });

  it('gives U-shaped 40 % to the first and last and 20 % to the touches between', () => {
    expect(credits('u_shaped', daysBefore(2, 1), CONVERSION)).toEqual([0.5, 0.5]);
    expect(credits('u_shaped', daysBefore(3, 2, 1), CONVERSION)).toEqual([0.4, 0.2, 0.4]);
    expect(credits('u_shaped', daysBefore(4, 3, 2, 1), CONVERSION)).toEqual([0.4, 0.1, 0.1, 0.4]);
    expect(credits('u_shaped', daysBefore(5, 4, 3, 2, 1), CONVERSION)).toEqual([0.4, 0.066667, 0.066667, 0.066667, 0.399999]);
  });

  it('halves a time-decay weight for every 7 days before the conversion', () => {
    // Raw weights 1/4, 1/2 and 1, scaled by 1.75.
    expect(credits('time_decay', daysBefore(14, 7, 0), CONVERSION)).toEqual([0.142857, 0.285714, 0.571429]);
    // Google Ads' own example: a click 8 days before gets half the credit of one a day before.
    expect(credits('time_decay', daysBefore(8, 1), CONVERSION)).toEqual([0.333333, 0.666667]);
  });

  it('takes another half-life when told', () => {
    expect(credits('time_decay', daysBefore(1, 0), CONVERSION, { halfLifeDays: 1 })).toEqual([0.333333, 0.666667]);
    expect(credits('time_decay', daysBefore(30, 0), CONVERSION, { halfLifeDays: 30 })).toEqual([0.333333, 0.666667]);
  });

  it('shares equally between touches made at the same time', () => {
    expect(credits('time_decay', daysBefore(3, 3), CONVERSION)).toEqual([0.5, 0.5]);
  });

  it('counts a touch stamped after its conversion as made at the conversion', () => {
    expect(credits('time_decay', daysBefore(0, -2), CONVERSION)).toEqual([0.5, 0.5]);
  });

  it('keeps time decay finite on a path that ended years before the conversion', () => {
    const weights = credits('time_decay', daysBefore(3657, 3650), CONVERSION);
    expect(weights).toEqual([0.333333, 0.666667]);
  });

  it('keeps weights between 0 and 1 on paths of thousands of touches, where rounding to the nearest would overshoot', () => {
    const touches = Array.from({ length: 2002 }, (_, i) => ({ at: new Date(CONVERSION.getTime() - (2002 - i) * 60_000) }));
    const weights = credits('linear', touches, CONVERSION);
    expect(weights.every((w) => w >= 0 && w <= 1)).toBe(true);
    expect(millionths(weights).reduce((a, b) => a + b, 0)).toBe(1_000_000);
    expect(weights[0]).toBe(0.000499);
  });

  it('refuses touches out of order, invalid dates and a half-life that is not a positive number of days', () => {
    expect(() => credits('first_touch', daysBefore(1, 2), CONVERSION)).toThrow(RangeError);
    expect(() => credits('linear', [{ at: new Date('nope') }], CONVERSION)).toThrow(RangeError);
    expect(() => credits('linear', daysBefore(1), new Date('nope'))).toThrow(RangeError);
    for (const halfLifeDays of [0, -7, Number.NaN, Infinity]) {
      expect(() => credits('time_decay', daysBefore(2, 1), CONVERSION, { halfLifeDays })).toThrow(RangeError);
    }
  });
});

describe('creditsAll', () => {
  it('gives every model at once', () => {
    expect(creditsAll(daysBefore(14, 7, 0), CONVERSION)).toEqual({
      first_touch: [1, 0, 0],
      last_touch: [0, 0, 1],
      linear: [0.333333, 0.333333, 0.333334],
      u_shaped: [0.4, 0.2, 0.4],
      time_decay: [0.142857, 0.285714, 0.571429],
    });
    expect(creditsAll([], CONVERSION)).toEqual({ first_touch: [], last_touch: [], linear: [], u_shaped: [], time_decay: [] });
  });

  it('passes the half-life on to time decay', () => {
    expect(creditsAll(daysBefore(1, 0), CONVERSION, { halfLifeDays: 1 }).time_decay).toEqual([0.333333, 0.666667]);
  });
});

describe('credits, for any path', () => {
  /** Up to 60 touches within 120 days before the conversion (a few after it), oldest first. */
  const path = fc
    .array(fc.integer({ min: -3_600_000, max: 120 * DAY }), { maxLength: 60 })
    .map((offsets) => offsets.sort((a, b) => b - a).map((offset) => ({ at: new Date(CONVERSION.getTime() - offset) })));
  const model = fc.constantFrom<Model>(...MODELS);
  const halfLifeDays = fc.double({ min: 0.5, max: 90, noNaN: true });

  it('gives weights in [0, 1] with at most 6 decimals whose millionths add up to exactly 1', () => {
    fc.assert(
      fc.property(model, path, halfLifeDays, (m, touches, h) => {
        const weights = credits(m, touches, CONVERSION, { halfLifeDays: h });
        expect(weights).toHaveLength(touches.length);
        for (const w of weights) {
          expect(w).toBeGreaterThanOrEqual(0);
          expect(w).toBeLessThanOrEqual(1);
          expect(Number(w.toFixed(6))).toBe(w);
        }
        if (touches.length > 0) {
          expect(millionths(weights).reduce((a, b) => a + b, 0)).toBe(1_000_000);
          expect(Math.abs(weights.reduce((a, b) => a + b, 0) - 1)).toBeLessThan(1e-12);
        }
      }),
    );
  });

  it('gives U-shaped first and last touch more than any touch between them', () => {
    fc.assert(
      fc.property(path.filter((touches) => touches.length >= 3), (touches) => {
        const weights = credits('u_shaped', touches, CONVERSION);
        const middle = Math.max(...weights.slice(1, -1));
        expect(weights[0]).toBeGreaterThan(middle);
        expect(weights.at(-1)).toBeGreaterThan(middle);
      }),
    );
  });

  it('never gives time decay less to a later touch than to an earlier one, beyond rounding', () => {
    fc.assert(
      fc.property(path, halfLifeDays, (touches, h) => {
        const weights = credits('time_decay', touches, CONVERSION, { halfLifeDays: h });
        // Rounding to millionths and the remainder on the last touch move a weight by under n millionths.
        const slack = touches.length * 1e-6;
        for (let i = 1; i < weights.length; i++) expect(weights[i]! + slack).toBeGreaterThanOrEqual(weights[i - 1]!);
      }),
    );
  });

  it('gives a touch more time-decay weight the closer to the conversion it is moved', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 60 }), fc.integer({ min: 0, max: 59 }), (older, newer) => {
        fc.pre(newer < older);
        const [early] = credits('time_decay', daysBefore(older, 0), CONVERSION);
        const [later] = credits('time_decay', daysBefore(newer, 0), CONVERSION);
        expect(later!).toBeGreaterThan(early!);
      }),
    );
  });
});
