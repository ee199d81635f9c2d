// CI gates (docs/MODEL.md §10): each check evaluated for every scenario and year it selects. Pure. A
// value that cannot be computed (a ratio on zero revenue, a channel a scenario removed) fails:
// a gate must never pass by default.
import { Decimal, ZERO } from "../money/decimal.js";
import type { Check, CheckMetric, Model } from "../model/types.js";
import { HORIZON_METRICS, RATIO_METRICS } from "../model/types.js";
import type { Projection, ScenarioProjection } from "./projection-types.js";
import { channelHorizon } from "./horizon.js";
import type { ActualRow, Period } from "../model/actuals.js";
import { channelAmount, monthsOf, type VarianceOptions } from "./variance.js";

export interface CheckPoint {
  readonly scenario: string;
  /** null for a horizon metric (npv, cumulative_net_profit). */
  readonly year: number | null;
  readonly value: Decimal | null;
  readonly passed: boolean;
  /** Why there is no value, when there is none. */
  readonly missing?: "no_revenue" | "no_channel" | "no_segment";
}

export interface CheckOutcome {
  /** Index in the model's checks, or null for the default check. */
  readonly index: number | null;
  readonly name: string;
  /** A variance check's outcome names what it measured: revenue_variance or contribution_variance. */
  readonly metric: CheckMetric | "revenue_variance" | "contribution_variance";
  readonly channel: string | null;
  readonly segment: string | null;
  readonly min: Decimal | null;
  readonly max: Decimal | null;
  readonly ratio: boolean;
  readonly points: readonly CheckPoint[];
  readonly passed: boolean;
}

/** Used when a model has no checks: net profit ≥ 0 in every year of base (docs/MODEL.md §10). */
export const DEFAULT_CHECK: Check = {
  index: -1, name: "net profit ≥ 0 every year (default check)", metric: "net_profit", channel: null, segment: null,
  years: { kind: "all" }, scenarios: ["base"], min: ZERO, max: null, variance: null,
};

/** The model's bound checks (or the default check); variance checks need actuals: evaluateVarianceChecks. */
export function evaluateChecks(model: Model, projection: Projection): CheckOutcome[] {
  const checks = model.checks.length > 0 ? model.checks : [DEFAULT_CHECK];
  return checks.filter((c) => !c.variance).map((check) => evaluateCheck(check, projection));
}

function evaluateCheck(check: Check, projection: Projection): CheckOutcome {
  const scenarios = check.scenarios === "all" ? projection.scenarios : projection.scenarios.filter((s) => (check.scenarios as readonly string[]).includes(s.id));
  const points: CheckPoint[] = [];
  for (const s of scenarios) {
    if (HORIZON_METRICS.includes(check.metric)) {
      points.push(judge(check, s.id, null, horizonValue(check, s, projection.minorUnits)));
      continue;
    }
    const years = s.years.filter((y, t) => {
      if (check.years.kind === "last") return t === s.years.length - 1;
      if (check.years.kind === "range") return y.year >= check.years.from && y.year <= check.years.to;
      return true;
    });
    for (const y of years) points.push(judge(check, s.id, y.year, yearValue(check, s, s.years.indexOf(y))));
  }
  return {
    index: check.index >= 0 ? check.index : null,
    name: check.name,
    metric: check.metric,
    channel: check.channel,
    segment: check.segment,
    min: check.min,
    max: check.max,
    ratio: RATIO_METRICS.includes(check.metric),
    points,
    passed: points.every((p) => p.passed),
  };
}

type Found = { value: Decimal | null; missing?: CheckPoint["missing"] };

function yearValue(check: Check, s: ScenarioProjection, t: number): Found {
  const y = s.years[t]!;
  let figures: Record<string, unknown> | undefined;
  if (check.channel) {
    figures = y.channels[check.channel] as unknown as Record<string, unknown> | undefined;
    if (!figures) return { value: null, missing: "no_channel" };
  } else if (check.segment) {
    figures = y.segments[check.segment] as unknown as Record<string, unknown> | undefined;
    if (!figures) return { value: null, missing: "no_segment" };
  } else figures = y.total as unknown as Record<string, unknown>;
  const value = (figures[check.metric] as Decimal | null | undefined) ?? null;
  return value === null ? { value: null, missing: "no_revenue" } : { value };
}

function horizonValue(check: Check, s: ScenarioProjection, places: number): Found {
  if (!check.channel) return { value: check.metric === "npv" ? s.npv : s.cumulativeNetProfit };
  if (!s.channelIds.includes(check.channel)) return { value: null, missing: "no_channel" };
  const figures = channelHorizon(s, check.channel, places); // at the scenario's own rate, as its NPV
  return { value: check.metric === "cumulative_net_profit" ? figures.cumulativeNetProfit : figures.npv };
}

function judge(check: Check, scenario: string, year: number | null, found: Found): CheckPoint {
  const { value } = found;
  const passed = value !== null && (check.min === null || value.greaterThanOrEqualTo(check.min)) && (check.max === null || value.lessThanOrEqualTo(check.max));
  return { scenario, year, value, passed, ...(found.missing ? { missing: found.missing } : {}) };
}

// ---- variance checks (kind: variance), evaluated against actuals --------------------------------------
// For each selected scenario and each channel in scope (the check's, or every channel), the
// year-to-date variance of revenue or contribution (engine/variance.ts channelAmount: lines the
// file does not give are at plan) up to the end of `period`. The value is the variance (actual −
// plan), in money, or as a fraction of |plan| when max_below is a percentage; the check passes
// when value ≥ −max_below. A percentage against a zero plan has no value and fails. One outcome
// per channel, so every format names the channel that fell behind.

export function evaluateVarianceChecks(model: Model, projection: Projection, rows: readonly ActualRow[], period: Period, options: VarianceOptions = {}): CheckOutcome[] {
  const out: CheckOutcome[] = [];
  const [, to] = monthsOf(period);
  for (const check of model.checks) {
    if (!check.variance) continue;
    const { below, ratio } = check.variance;
    const metric = check.metric === "revenue" ? "revenue" : "contribution";
    const scenarios = check.scenarios === "all" ? projection.scenarios : projection.scenarios.filter((s) => (check.scenarios as readonly string[]).includes(s.id));
    const channels = check.channel !== null ? [check.channel] : (projection.scenarios[0]?.channelIds ?? []);
    for (const channel of channels) {
      const points: CheckPoint[] = scenarios.map((s) => {
        if (!s.channelIds.includes(channel)) return { scenario: s.id, year: period.year, value: null, passed: false, missing: "no_channel" };
        const { plan, actual } = channelAmount(s, rows, channel, metric, period.year, 1, to, options);
        const v = actual.minus(plan);
        const value = ratio ? (plan.isZero() ? null : v.div(plan.abs())) : v;
        if (value === null) return { scenario: s.id, year: period.year, value: null, passed: false, missing: "no_revenue" };
        return { scenario: s.id, year: period.year, value, passed: value.greaterThanOrEqualTo(below.negated()) };
      });
      out.push({
        index: check.index, name: check.name, metric: `${metric}_variance`, channel, segment: null,
        min: below.negated(), max: null, ratio, points, passed: points.every((p) => p.passed),
      });
    }
  }
  return out;
}

/** How many of the model's checks are variance checks (not evaluated without actuals). */
export const varianceCheckCount = (model: Model): number => model.checks.filter((c) => c.variance).length;
