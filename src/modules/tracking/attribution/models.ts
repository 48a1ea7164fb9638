// Attribution models: how the credit for one conversion is shared among the touches before it.
//
// The rule-based models ad platforms and marketing suites document, here with one meaning each:
// - first_touch: all the credit to the first touch.
// - last_touch: all the credit to the last touch before the conversion.
// - linear: an equal share to every touch.
// - u_shaped (position based): 40 % to the first touch, 40 % to the last, and the other 20 %
//   shared equally by the touches between them; a single touch takes everything, two take half
//   each. Google Ads' position-based model (AttributionModel GOOGLE_SEARCH_ATTRIBUTION_POSITION_BASED)
//   splits a path this way; HubSpot's U-shaped model gives its second 40 % to the touch that
//   created the lead, which for a conversion's own path is its last touch.
// - time_decay: the weight of a touch halves with every half-life it lies before the conversion,
//   2^(-(conversionAt - at) / halfLife), then the weights are scaled to add up to 1. The half-life
//   is 7 days unless told otherwise, as in Google Ads' time-decay model (a click 8 days before a
//   conversion gets half the credit of a click 1 day before it).
// GA4 retired these rule-based models in 2023 for its data-driven one, which learns from large
// volumes of conversions; fixed rules are what a report over one site's paths can explain.
//
// The ingestion stores every model's weight on every touch, so a report by campaign or channel
// is a SUM. For those sums to be exact, a weight is stored with 6 decimals (numeric(7,6)): each
// weight is rounded to 6 decimals and the last touch takes what the rounding left over, so the
// weights of one conversion add up to exactly 1 in decimal arithmetic (as JavaScript numbers,
// to within 1e-12).

export const MODELS = ['first_touch', 'last_touch', 'linear', 'u_shaped', 'time_decay'] as const;

export type Model = (typeof MODELS)[number];

export interface CreditOptions {
  /** Time decay's half-life in days (default 7): a touch this much older gets half the weight. */
  halfLifeDays?: number;
}

export const DEFAULT_HALF_LIFE_DAYS = 7;

const DAY_MS = 86_400_000;
const MICROS = 1_000_000;

/**
 * The share of one conversion's credit each touch gets under `model`: one weight per touch, in
 * the order given (the caller sorts touches by time, oldest first), each with at most 6
 * decimals, adding up to exactly 1; [] when there are no touches.
 * Throws a RangeError for touches out of order, an invalid date or a half-life that is not a
 * positive number of days.
 */
export function credits(model: Model, touches: readonly { at: Date }[], conversionAt: Date, options: CreditOptions = {}): number[] {
  checkTimes(touches, conversionAt);
  if (touches.length === 0) return [];
  return toMillionths(shares(model, touches, conversionAt, halfLife(options)));
}

/** Every model's weights for one conversion at once, as the ingestion stores them on each touch. */
export function creditsAll(touches: readonly { at: Date }[], conversionAt: Date, options: CreditOptions = {}): Record<Model, number[]> {
  return Object.fromEntries(MODELS.map((model) => [model, credits(model, touches, conversionAt, options)])) as Record<Model, number[]>;
}

function shares(model: Model, touches: readonly { at: Date }[], conversionAt: Date, halfLifeDays: number): number[] {
  const count = touches.length;
  switch (model) {
    case 'first_touch':
      return touches.map((_, i) => (i === 0 ? 1 : 0));
    case 'last_touch':
      return touches.map((_, i) => (i === count - 1 ? 1 : 0));
    case 'linear':
      return touches.map(() => 1 / count);
    case 'u_shaped':
      if (count <= 2) return touches.map(() => 1 / count);
      return touches.map((_, i) => (i === 0 || i === count - 1 ? 0.4 : 0.2 / (count - 2)));
    case 'time_decay':
      return timeDecay(touches, conversionAt, halfLifeDays);
  }
}

function timeDecay(touches: readonly { at: Date }[], conversionAt: Date, halfLifeDays: number): number[] {
  const end = conversionAt.getTime();
  // A touch stamped after its conversion (the browser's clock and the server's differ) counts as
  // made at the conversion rather than weighing more than one made at it.
  const ages = touches.map((touch) => Math.max(0, end - touch.at.getTime()) / DAY_MS);
  // Measured from the newest touch instead of the conversion: the common factor cancels when the
  // weights are scaled, and a path that ended years ago does not underflow to 0 / 0.
  const newest = ages.reduce((min, age) => Math.min(min, age), Infinity);
  const weights = ages.map((age) => 2 ** (-(age - newest) / halfLifeDays));
  const total = weights.reduce((sum, weight) => sum + weight, 0);
  return weights.map((weight) => weight / total);
}

/** Shares rounded to millionths, the last one taking the remainder so the millionths add up to 1. */
function toMillionths(shares: readonly number[]): number[] {
  const head = shares.slice(0, -1);
  let units = head.map((share) => Math.round(share * MICROS));
  let used = units.reduce((sum, unit) => sum + unit, 0);
  // Rounding to the nearest can overshoot only on paths of over a thousand touches, each worth
  // a few millionths; rounding those down leaves the last touch a remainder that is never negative.
  if (used > MICROS) {
    units = head.map((share) => Math.floor(share * MICROS));
    used = units.reduce((sum, unit) => sum + unit, 0);
  }
  return [...units, MICROS - used].map((unit) => unit / MICROS);
}

function halfLife(options: CreditOptions): number {
  const days = options.halfLifeDays ?? DEFAULT_HALF_LIFE_DAYS;
  if (!Number.isFinite(days) || days <= 0) throw new RangeError(`halfLifeDays must be a positive number of days, got ${days}`);
  return days;
}

function checkTimes(touches: readonly { at: Date }[], conversionAt: Date): void {
  if (Number.isNaN(conversionAt.getTime())) throw new RangeError('conversionAt is not a valid date');
  let previous = -Infinity;
  touches.forEach((touch, i) => {
    const at = touch.at.getTime();
    if (Number.isNaN(at)) throw new RangeError(`touch ${i} has an invalid date`);
    // First and last touch are positions: touches out of order would credit the wrong ones.
    if (at < previous) throw new RangeError(`touches must be sorted oldest first; touch ${i} is older than touch ${i - 1}`);
    previous = at;
  });
}
