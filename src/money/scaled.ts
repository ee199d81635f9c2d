// Scaled-integer arithmetic for the engine's hot path: a value is a BigInt `m` and a scale `s`
// (value = m × 10^−s). It reproduces decimal.js as `decimal.ts` configures it, bit for bit: every
// product, sum and difference is computed exactly and then rounded to 40 significant digits,
// half to even, which is what decimal.js documents for times/plus/minus ("exact and correctly
// rounded" to `precision`). Rounding to a number of decimals is half away from zero, as `roundTo`.
// Only non-negative inputs come here (projection.ts checks), so no negative zero can arise: every
// zero is +0, as decimal.js gives for these operations on non-negative operands.
import { Decimal } from "./decimal.js";

export interface Scaled {
  readonly m: bigint;
  readonly s: number;
}

const PRECISION = 40;
const POW10: bigint[] = [1n];
const pow10 = (k: number): bigint => {
  while (POW10.length <= k) POW10.push(POW10[POW10.length - 1]! * 10n);
  return POW10[k]!;
};
const LIMIT = pow10(PRECISION);

export const SCALED_ZERO: Scaled = { m: 0n, s: 0 };

/** Round to 40 significant digits, half to even (decimal.js's precision and rounding). */
function round40(m: bigint, s: number): Scaled {
  if (m < LIMIT && m > -LIMIT) return { m, s };
  const negative = m < 0n;
  const a = negative ? -m : m;
  const k = a.toString().length - PRECISION;
  const unit = pow10(k);
  let q = a / unit;
  const twice = (a - q * unit) * 2n;
  if (twice > unit || (twice === unit && (q & 1n) === 1n)) q += 1n;
  // q may have become 10^40 (all nines rounded up): 41 digits with trailing zeros, same value.
  return { m: negative ? -q : q, s: s - k };
}

export function times(a: Scaled, b: Scaled): Scaled {
  return round40(a.m * b.m, a.s + b.s);
}

export function minus(a: Scaled, b: Scaled): Scaled {
  if (a.s === b.s) return round40(a.m - b.m, a.s);
  return a.s > b.s ? round40(a.m - b.m * pow10(a.s - b.s), a.s) : round40(a.m * pow10(b.s - a.s) - b.m, b.s);
}

export function plus(a: Scaled, b: Scaled): Scaled {
  return minus(a, { m: -b.m, s: b.s });
}

/** The whole number of 10^−places nearest to the value, half away from zero (e.g. cents). */
export function toUnits(a: Scaled, places: number): bigint {
  if (a.s <= places) return a.m * pow10(places - a.s);
  const unit = pow10(a.s - places);
  const negative = a.m < 0n;
  const abs = negative ? -a.m : a.m;
  let q = abs / unit;
  if ((abs - q * unit) * 2n >= unit) q += 1n;
  return negative ? -q : q;
}

/** A Decimal's exact value as a Scaled (decimal.ts prints plain notation, never an exponent). */
export function fromDecimal(value: Decimal): Scaled {
  const text = value.toString();
  const point = text.indexOf(".");
  if (point < 0) return { m: BigInt(text), s: 0 };
  return { m: BigInt(text.slice(0, point) + text.slice(point + 1)), s: text.length - point - 1 };
}

/** A Scaled as a Decimal (exact: it has at most 40 significant digits or a short scale). */
export function toDecimal(a: Scaled): Decimal {
  return unitsToDecimal(a.m, a.s);
}

/** `units` × 10^−places as a Decimal, e.g. 12345n cents → 123.45. */
export function unitsToDecimal(units: bigint, places: number): Decimal {
  if (places <= 0) return new Decimal((units * pow10(-places)).toString());
  const negative = units < 0n;
  const digits = (negative ? -units : units).toString().padStart(places + 1, "0");
  return new Decimal(`${negative ? "-" : ""}${digits.slice(0, -places)}.${digits.slice(-places)}`);
}
