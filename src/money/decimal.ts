// The only module that imports decimal.js. Money never touches a JavaScript float: values are
// built from strings (or integers), computed at 40 significant digits and rounded only where a
// figure is shown, with the rounding mode spelled out at each call.
import { Decimal as DecimalJs } from "decimal.js";

export const Decimal = DecimalJs.clone({
  precision: 40,
  rounding: DecimalJs.ROUND_HALF_EVEN,
  toExpNeg: -9e15,
  toExpPos: 9e15,
});
export type Decimal = InstanceType<typeof Decimal>;

export const ZERO = new Decimal(0);
export const ONE = new Decimal(1);

/** A Decimal from a string or integer literal. Floats with a fraction are refused. */
export function D(value: string | number | Decimal): Decimal {
  if (typeof value === "number" && !Number.isInteger(value)) {
    throw new Error(`D(): refusing the float ${value}; pass its text instead`);
  }
  return new Decimal(value);
}

export function sum(values: Iterable<Decimal>): Decimal {
  let total = ZERO;
  for (const v of values) total = total.plus(v);
  return total;
}

/** Commercial rounding to `places` decimals: half away from zero, as finance expects. */
export function roundTo(value: Decimal, places: number): Decimal {
  return value.toDecimalPlaces(places, Decimal.ROUND_HALF_UP);
}

export const cents = (value: Decimal): Decimal => roundTo(value, 2);

/** Rounded to a currency's minor unit (`places` decimals: EUR 2, JPY 0, KWD 3), half away from zero. */
export const toMinorUnit = (value: Decimal, places: number): Decimal => roundTo(value, places);

/** Fixed-point text with exactly `places` decimals; never exponent notation, never "-0.00". */
export function fixed(value: Decimal, places: number): string {
  const text = value.toFixed(places, Decimal.ROUND_HALF_UP);
  return /^-0(\.0*)?$/.test(text) ? text.slice(1) : text;
}

/** a / b, or null when b is zero (a ratio on zero revenue is undefined, not zero). */
export function quotient(a: Decimal, b: Decimal): Decimal | null {
  return b.isZero() ? null : a.dividedBy(b);
}

export function isDecimal(value: unknown): value is Decimal {
  return Decimal.isDecimal(value);
}

export function maxOf(a: Decimal, b: Decimal): Decimal {
  return a.greaterThan(b) ? a : b;
}

export function minOf(a: Decimal, b: Decimal): Decimal {
  return a.lessThan(b) ? a : b;
}

/**
 * Split `total` (already whole minor units: cents for `places` = 2) over parts in proportion to
 * `weights`, by largest remainder: every part is a whole number of minor units and the parts add
 * up to `total` exactly. Ties go to the earlier part, so the split is deterministic. Weights must
 * be non-negative with a positive sum.
 */
export function splitByLargestRemainder(total: Decimal, weights: readonly Decimal[], places = 2): Decimal[] {
  const weightSum = sum(weights);
  const unit = new Decimal(10).pow(places);
  const totalCents = total.times(unit);
  const negative = totalCents.isNegative();
  const magnitude = totalCents.abs();
  const exact = weights.map((w) => magnitude.times(w).dividedBy(weightSum));
  const floors = exact.map((x) => x.floor());
  let leftover = magnitude.minus(sum(floors)).toNumber(); // a small whole count of cents
  const order = exact
    .map((x, i) => ({ i, rem: x.minus(floors[i]!) }))
    .sort((a, b) => b.rem.comparedTo(a.rem) || a.i - b.i);
  const parts = floors.slice();
  for (const { i } of order) {
    if (leftover <= 0) break;
    parts[i] = parts[i]!.plus(1);
    leftover -= 1;
  }
  return parts.map((p) => (negative ? p.negated() : p).dividedBy(unit));
}
