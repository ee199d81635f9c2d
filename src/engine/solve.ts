// `distplan solve` (goal seek): the value of one lever at which a metric reaches a target, e.g.
// the partner margin at which the partner channel's contribution margin is 10% in 2027. The lever
// is set to one value in every year (or in one year, `year`), everything else as planned.
// Bisection on exact decimals inside the field's allowed range, to the cent for money, 0.01 point
// for a percentage and 0.01 for a count; the metric at the answer is computed by the engine, not
// interpolated. It never loops: at most MAX_STEPS evaluations. Pure.
import { Decimal, ONE, ZERO } from "../money/decimal.js";
import type { ScenarioModel } from "../model/load.js";
import { leversOf, movedValues, withLever, type Lever } from "./levers.js";
import { evaluate, metricOf, type MetricScope } from "./sensitivity.js";

export interface SolveRequest {
  readonly path: string;
  readonly scope: MetricScope;
  readonly target: Decimal;
  /** Set the lever in this year only; otherwise in every year. */
  readonly year?: number;
}

export type SolveOutcome =
  | {
      readonly kind: "solved";
      readonly lever: Lever;
      /** The value, rounded to the field's precision. */
      readonly value: Decimal;
      /** The metric at `value`, by the engine. */
      readonly achieved: Decimal;
      /** The metric as planned. */
      readonly planned: Decimal | null;
      /** The metric was seen to go back and forth between the bounds searched: another value may do too. */
      readonly monotone: boolean;
    }
  | { readonly kind: "unreachable"; readonly lever: Lever; readonly low: Decimal; readonly high: Decimal; readonly atLow: Decimal | null; readonly atHigh: Decimal | null; readonly planned: Decimal | null; readonly monotone: boolean };

/** Evaluations the search may use, whatever happens. */
export const MAX_STEPS = 200;
const SAMPLES = 12;

/** The precision an answer is given to: a cent (minor unit), 0.01 point, or 0.01 of a count. */
export function precisionOf(l: Lever, minorUnits: number): Decimal {
  if (l.kind === "rate" || l.kind === "share") return new Decimal("0.0001");
  if (l.kind === "count") return new Decimal("0.01");
  return new Decimal(10).pow(-minorUnits);
}

export function findLever(scenario: ScenarioModel, path: string): Lever | undefined {
  return leversOf(scenario.model).find((l) => l.path === path);
}

export function solve(scenario: ScenarioModel, request: SolveRequest): SolveOutcome {
  const model = scenario.model;
  const lever = findLever(scenario, request.path);
  if (!lever) throw new Error(`not a lever: ${request.path}`);
  const places = model.minorUnits;
  const precision = precisionOf(lever, places);
  let steps = 0;
  const at = (v: Decimal): Decimal | null => {
    steps++;
    const moved = movedValues(lever, { to: v, year: request.year }, model.startYear);
    return metricOf(evaluate(scenario, withLever(model, lever, moved.values)).scenarios[0]!, request.scope, places);
  };
  const planned = metricOf(evaluate(scenario, model).scenarios[0]!, request.scope, places);
  // The range searched: the field's own (0 to 100% for a percentage); for an amount, from 0 up to
  // a bound found by doubling from the planned value until the metric passes the target.
  const low = ZERO;
  let high = lever.max ?? Decimal.max(ONE, ...lever.values).times(2);
  const gap = (v: Decimal | null) => (v === null ? null : v.minus(request.target));
  let gLow = gap(at(low));
  let gHigh = gap(at(high));
  if (lever.max === null) {
    for (let k = 0; k < 30 && gLow !== null && gHigh !== null && gLow.isNegative() === gHigh.isNegative() && !gHigh.isZero(); k++) {
      high = high.times(2);
      gHigh = gap(at(high));
    }
  }
  // Sampled across the range: is the metric monotone there, and where does it pass the target?
  const points = Array.from({ length: SAMPLES + 1 }, (_, k) => low.plus(high.minus(low).times(k).dividedBy(SAMPLES)));
  const gaps = points.map((v, k) => (k === 0 ? gLow : k === SAMPLES ? gHigh : gap(at(v))));
  const known = gaps.filter((x): x is Decimal => x !== null);
  const rising = known.every((x, i) => i === 0 || !x.lessThan(known[i - 1]!));
  const falling = known.every((x, i) => i === 0 || !x.greaterThan(known[i - 1]!));
  const monotone = rising || falling;
  // The first stretch between samples where the metric reaches the target, from the low end.
  const k = gaps.findIndex((g, i) => i < SAMPLES && g !== null && gaps[i + 1] !== null && (g.isZero() || g.isNegative() !== gaps[i + 1]!.isNegative() || gaps[i + 1]!.isZero()));
  if (k < 0) return { kind: "unreachable", lever, low, high, atLow: gLow?.plus(request.target) ?? null, atHigh: gHigh?.plus(request.target) ?? null, planned, monotone };
  // Bisection: [a, b] always brackets the target (gA and gB of opposite signs, or one zero).
  let a = points[k]!;
  let b = points[k + 1]!;
  let gA = gaps[k]!;
  if (gA.isZero()) b = a;
  while (b.minus(a).greaterThan(precision) && steps < MAX_STEPS) {
    const mid = a.plus(b).dividedBy(2);
    const gMid = gap(at(mid));
    if (gMid === null) break;
    if (gMid.isZero()) { a = mid; b = mid; break; }
    if (gMid.isNegative() === gA.isNegative()) { a = mid; gA = gMid; } else b = mid;
  }
  // The answer on the precision's grid, on the side where the target is reached.
  const rounded = (v: Decimal, up: boolean) => v.dividedBy(precision).toDecimalPlaces(0, up ? Decimal.ROUND_CEIL : Decimal.ROUND_FLOOR).times(precision);
  const candidates = [rounded(a, false), rounded(b, true), rounded(a, true)].filter((v) => !v.isNegative() && (lever.max === null || !v.greaterThan(lever.max)));
  let best: { value: Decimal; achieved: Decimal } | null = null;
  for (const v of candidates) {
    const achieved = at(v);
    if (achieved === null) continue;
    if (!best || achieved.minus(request.target).abs().lessThan(best.achieved.minus(request.target).abs())) best = { value: v, achieved };
  }
  if (!best) return { kind: "unreachable", lever, low, high, atLow: gLow?.plus(request.target) ?? null, atHigh: gHigh?.plus(request.target) ?? null, planned, monotone };
  return { kind: "solved", lever, value: best.value, achieved: best.achieved, planned, monotone };
}
