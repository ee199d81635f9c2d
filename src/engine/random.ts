// The statistics of `distplan simulate` (docs/MODEL.md "Ranges and simulation"), in binary
// floating point: draws from each range's distribution by its inverse CDF, the normal CDF and its
// inverse for the Gaussian copula, quantiles and Spearman's rank correlation. Pure and
// deterministic: no clock, and the random numbers come in from the caller.
import type { UncertainInput } from "../model/ranges.js";

/** z such that 90% of a standard normal lies below it: Φ⁻¹(0.9). */
export const Z90 = 1.2815515655446004;

/**
 * Φ⁻¹(p), the standard normal quantile, by Acklam's rational approximation (relative error below
 * 1.2e-9), for 0 < p < 1.
 */
export function normalQuantile(p: number): number {
  const a = [-3.969683028665376e1, 2.209460984245205e2, -2.759285104469687e2, 1.38357751867269e2, -3.066479806614716e1, 2.506628277459239];
  const b = [-5.447609879822406e1, 1.615858368580409e2, -1.556989798598866e2, 6.680131188771972e1, -1.328068155288572e1];
  const c = [-7.784894002430293e-3, -3.223964580411365e-1, -2.400758277161838, -2.549732539343734, 4.374664141464968, 2.938163982698783];
  const d = [7.784695709041462e-3, 3.224671290700398e-1, 2.445134137142996, 3.754408661907416];
  const low = 0.02425;
  if (p < low) {
    const q = Math.sqrt(-2 * Math.log(p));
    return (((((c[0]! * q + c[1]!) * q + c[2]!) * q + c[3]!) * q + c[4]!) * q + c[5]!) / ((((d[0]! * q + d[1]!) * q + d[2]!) * q + d[3]!) * q + 1);
  }
  if (p > 1 - low) {
    const q = Math.sqrt(-2 * Math.log(1 - p));
    return -(((((c[0]! * q + c[1]!) * q + c[2]!) * q + c[3]!) * q + c[4]!) * q + c[5]!) / ((((d[0]! * q + d[1]!) * q + d[2]!) * q + d[3]!) * q + 1);
  }
  const q = p - 0.5;
  const r = q * q;
  return ((((((a[0]! * r + a[1]!) * r + a[2]!) * r + a[3]!) * r + a[4]!) * r + a[5]!) * q) / (((((b[0]! * r + b[1]!) * r + b[2]!) * r + b[3]!) * r + b[4]!) * r + 1);
}

/** Φ(z), the standard normal CDF, through erfc (Numerical Recipes' Chebyshev fit, error < 1.2e-7). */
export function normalCdf(z: number): number {
  const x = Math.abs(z) / Math.SQRT2;
  const t = 1 / (1 + 0.5 * x);
  const erfc = t * Math.exp(-x * x - 1.26551223 + t * (1.00002368 + t * (0.37409196 + t * (0.09678418 + t * (-0.18628806 + t * (0.27886807 + t * (-1.13520398 + t * (1.48851587 + t * (-0.82215223 + t * 0.17087277)))))))));
  return z >= 0 ? 1 - erfc / 2 : erfc / 2;
}

/** Points of the tabulated PERT (beta) CDF: its inverse is read off by linear interpolation. */
const PERT_STEPS = 2048;

/** A range's inverse CDF: u in (0, 1) → a value of the input. */
export type Sampler = (u: number) => number;

export function samplerOf(input: UncertainInput): Sampler {
  const { low, mode, high } = input;
  switch (input.dist) {
    case "triangular": {
      const width = high - low;
      if (width <= 0) return () => mode;
      const split = (mode - low) / width;
      return (u) => (u < split ? low + Math.sqrt(u * width * (mode - low)) : high - Math.sqrt((1 - u) * width * (high - mode)));
    }
    case "pert": {
      const width = high - low;
      if (width <= 0) return () => mode;
      const alpha = 1 + (4 * (mode - low)) / width;
      const beta = 1 + (4 * (high - mode)) / width;
      const cdf = betaCdfTable(alpha, beta);
      return (u) => low + width * inverseFromTable(cdf, u);
    }
    case "normal": {
      // Fitted to the quantiles: the mean is their midpoint, and p90 − p10 = 2·z90·σ.
      const mean = (low + high) / 2;
      const sigma = (high - low) / (2 * Z90);
      return (u) => mean + sigma * normalQuantile(u);
    }
    case "lognormal": {
      // ln X is normal, fitted to ln p10 and ln p90 the same way.
      const mu = (Math.log(low) + Math.log(high)) / 2;
      const sigma = (Math.log(high) - Math.log(low)) / (2 * Z90);
      return (u) => Math.exp(mu + sigma * normalQuantile(u));
    }
  }
}

/** The CDF of Beta(α, β) (α, β ≥ 1) at PERT_STEPS + 1 evenly spaced points, by the trapezoid rule. */
function betaCdfTable(alpha: number, beta: number): Float64Array {
  const n = PERT_STEPS;
  const density = (x: number) => x ** (alpha - 1) * (1 - x) ** (beta - 1);
  const cdf = new Float64Array(n + 1);
  let previous = density(0);
  for (let i = 1; i <= n; i++) {
    const current = density(i / n);
    cdf[i] = cdf[i - 1]! + (previous + current) / 2;
    previous = current;
  }
  const total = cdf[n]!;
  for (let i = 1; i <= n; i++) cdf[i] = cdf[i]! / total;
  return cdf;
}

function inverseFromTable(cdf: Float64Array, u: number): number {
  let lo = 0;
  let hi = cdf.length - 1;
  while (hi - lo > 1) {
    const mid = (lo + hi) >> 1;
    if (cdf[mid]! <= u) lo = mid;
    else hi = mid;
  }
  const span = cdf[hi]! - cdf[lo]!;
  const within = span > 0 ? (u - cdf[lo]!) / span : 0;
  return (lo + within) / (cdf.length - 1);
}

/** The q-quantile of sorted values, interpolated linearly between order statistics (Hyndman–Fan type 7). */
export function quantileOfSorted(sorted: Float64Array, q: number): number {
  const n = sorted.length;
  if (n === 0) return NaN;
  const h = (n - 1) * q;
  const lo = Math.floor(h);
  const hi = Math.min(lo + 1, n - 1);
  return sorted[lo]! + (h - lo) * (sorted[hi]! - sorted[lo]!);
}

/** Ranks 1..n, ties sharing their average rank. */
export function ranks(values: Float64Array): Float64Array {
  const n = values.length;
  const order = Array.from({ length: n }, (_, i) => i).sort((a, b) => values[a]! - values[b]! || a - b);
  const out = new Float64Array(n);
  for (let i = 0; i < n;) {
    let j = i;
    while (j + 1 < n && values[order[j + 1]!] === values[order[i]!]) j++;
    const rank = (i + j) / 2 + 1;
    for (let k = i; k <= j; k++) out[order[k]!] = rank;
    i = j + 1;
  }
  return out;
}

/** Pearson's correlation, or 0 when either side does not vary. */
export function pearson(x: Float64Array, y: Float64Array): number {
  const n = x.length;
  let mx = 0, my = 0;
  for (let i = 0; i < n; i++) { mx += x[i]!; my += y[i]!; }
  mx /= n; my /= n;
  let sxy = 0, sxx = 0, syy = 0;
  for (let i = 0; i < n; i++) {
    const dx = x[i]! - mx, dy = y[i]! - my;
    sxy += dx * dy; sxx += dx * dx; syy += dy * dy;
  }
  return sxx === 0 || syy === 0 ? 0 : sxy / Math.sqrt(sxx * syy);
}

/** Spearman's rank correlation: Pearson's on the ranks. */
export const spearman = (x: Float64Array, y: Float64Array): number => pearson(ranks(x), ranks(y));
