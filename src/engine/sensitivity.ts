// `distplan sensitivity`: which lever matters. Each lever (levers.ts) moved down and up by one
// step, one at a time, everything else as planned; the metric at both ends, the swing between
// them, the elasticity, and the checks a move breaks. Ranked by swing: the tornado. Pure.
import { ZERO, quotient, type Decimal } from "../money/decimal.js";
import type { Model } from "../model/types.js";
import type { ScenarioModel } from "../model/load.js";
import { COMPARE_METRICS, type CompareMetric } from "./compare.js";
import { channelHorizon } from "./horizon.js";
import { evaluateChecks } from "./checks.js";
import { leversOf, matchingLevers, movedValues, withLever, type Lever, type Move } from "./levers.js";
import { projectScenarios } from "./projection.js";
import type { Projection, ScenarioProjection } from "./projection-types.js";
import { RATIO_METRICS } from "../model/types.js";

export interface MetricScope {
  readonly metric: CompareMetric;
  /** A channel's figure instead of the total. */
  readonly channel: string | null;
  /** A segment's figure (over its channels) instead of the total; not with a channel. */
  readonly segment?: string | null;
  /** One year's figure; null: the horizon (total over the years, or NPV / cumulative). */
  readonly year: number | null;
}

export const isRatioMetric = (m: CompareMetric) => (RATIO_METRICS as readonly string[]).includes(m);
export { COMPARE_METRICS };

/** The metric of a projected scenario, in its scope; null when it has none (a ratio without revenue). */
export function metricOf(s: ScenarioProjection, scope: MetricScope, places: number): Decimal | null {
  const { metric, channel, year } = scope;
  if (metric === "npv" || metric === "cumulative_net_profit") {
    if (scope.segment) return null; // a segment carries no shared costs: it has no net profit
    const h = channel ? channelHorizon(s, channel, places) : { npv: s.npv, cumulativeNetProfit: s.cumulativeNetProfit };
    return metric === "npv" ? h.npv : h.cumulativeNetProfit;
  }
  const segment = scope.segment ?? null;
  const figures = (y: ScenarioProjection["years"][number]) => (channel ? y.channels[channel] : segment ? y.segments[segment] : y.total) as unknown as Record<string, Decimal | null> | undefined;
  const years = year === null ? s.years : s.years.filter((y) => y.year === year);
  if (years.length === 0) return null;
  if (metric === "customers") return figures(years.at(-1)!)?.customers ?? null; // a stock: where it ends
  const total = (field: string) => years.reduce((acc, y) => acc.plus(figures(y)?.[field] ?? ZERO), ZERO);
  if (metric === "gross_margin") return quotient(total("gross_profit"), total("revenue"));
  if (metric === "contribution_margin") return quotient(total("contribution"), total("revenue"));
  if (metric === "net_margin") return quotient(total("net_profit"), total("revenue"));
  return total(metric);
}

/** The scenario projected with `model` in place of its own (a projection of that one scenario). */
export function evaluate(scenario: ScenarioModel, model: Model): Projection {
  return projectScenarios([{ ...scenario, model }]);
}

export interface Sensitivity {
  readonly lever: Lever;
  /** The metric with the lever moved down and up one step (null: undefined there). */
  readonly low: Decimal | null;
  readonly high: Decimal | null;
  /** high − low (0 when either is undefined). */
  readonly swing: Decimal;
  /** (Δmetric / metric) / (Δinput / input) over the two moves; null for a share, a zero base or input. */
  readonly elasticity: Decimal | null;
  /** A move reached the field's bound (0, or 100% for a percentage). */
  readonly capped: boolean;
  /** Names of the model's checks that pass as planned but fail at either end. */
  readonly breaks: readonly string[];
}

export interface SensitivityResult {
  readonly scope: MetricScope;
  readonly step: Decimal;
  readonly base: Decimal | null;
  /** Ranked by |swing|, largest first; ties in the model's order. */
  readonly rows: readonly Sensitivity[];
}

/**
 * `step`: the relative move (0.1 = ±10%); a mix share moves by the same number of points
 * (0.1 = ±10 points), the segment's other channels re-balanced.
 */
export function sensitivity(scenario: ScenarioModel, scope: MetricScope, step: Decimal, globs: readonly string[] = []): SensitivityResult {
  const model = scenario.model;
  const places = model.minorUnits;
  const planned = evaluate(scenario, model);
  const base = metricOf(planned.scenarios[0]!, scope, places);
  // The checks that concern this scenario and pass as planned (evaluateChecks looks at the
  // scenarios in the projection: here only this one).
  const passing = new Set(evaluateChecks(model, planned).filter((o) => o.passed && o.points.length > 0).map((o) => o.name));
  const rows = matchingLevers(leversOf(model), globs).map((lever): Sensitivity => {
    let capped = false;
    const at = (move: Move) => {
      const moved = movedValues(lever, move, model.startYear);
      capped ||= moved.capped;
      const m = withLever(model, lever, moved.values);
      const p = evaluate(scenario, m);
      return { value: metricOf(p.scenarios[0]!, scope, places), failed: evaluateChecks(m, p).filter((o) => !o.passed && passing.has(o.name)).map((o) => o.name) };
    };
    const low = at({ by: step.negated() });
    const high = at({ by: step });
    const swing = low.value !== null && high.value !== null ? high.value.minus(low.value) : ZERO;
    const defined = low.value !== null && high.value !== null && base !== null && !base.isZero() && !step.isZero();
    const elasticity = lever.kind === "share" || !defined ? null : swing.dividedBy(base!.abs()).dividedBy(step.times(2));
    return { lever, low: low.value, high: high.value, swing, elasticity, capped, breaks: [...new Set([...low.failed, ...high.failed])] };
  });
  const order = rows.map((r, i) => ({ r, i })).sort((a, b) => b.r.swing.abs().comparedTo(a.r.swing.abs()) || a.i - b.i);
  return { scope, step, base, rows: order.map((x) => x.r) };
}

