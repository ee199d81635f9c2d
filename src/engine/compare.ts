// Scenario comparison (`distplan compare`): each metric per year and over the horizon, for every
// scenario, with its delta to base in money (exact: scenario − base, to the cent) and in percent,
// the best scenario per row, and the revenue mix per channel. Pure; renderers only format it.
import { ZERO, quotient, roundTo, sum, type Decimal } from "../money/decimal.js";
import { RATIO_METRICS } from "../model/types.js";
import type { Projection, ScenarioProjection, YearProjection } from "./projection-types.js";
import { recordOf } from "../model/records.js";

export const COMPARE_METRICS = [
  "revenue", "market_revenue", "gross_profit", "gross_margin", "cm1", "contribution", "contribution_margin",
  "shared_costs", "net_profit", "net_margin", "customers", "npv", "cumulative_net_profit",
] as const;
export type CompareMetric = (typeof COMPARE_METRICS)[number];
export const DEFAULT_COMPARE_METRICS: readonly CompareMetric[] = ["revenue", "contribution", "net_profit", "contribution_margin", "npv", "cumulative_net_profit"];
/** Metrics where less is better. */
const LOWER_IS_BETTER: readonly CompareMetric[] = ["shared_costs"];

export interface CompareRow {
  /** A calendar year, or null for the horizon (a total over all years, or a horizon metric). */
  readonly year: number | null;
  readonly values: readonly (Decimal | null)[];
  /** Per scenario: value − base (for ratios: the difference of the fractions); null for base itself. */
  readonly deltas: readonly (Decimal | null)[];
  /** Per scenario: delta / |base| for amounts; null for ratios, base, or a zero base. */
  readonly deltaRatios: readonly (Decimal | null)[];
  /** Index of the best scenario in this row, or null when all are equal. */
  readonly best: number | null;
}

export interface CompareMetricBlock {
  readonly metric: CompareMetric;
  readonly ratio: boolean;
  readonly lowerIsBetter: boolean;
  readonly rows: readonly CompareRow[];
}

export interface Comparison {
  readonly scenarioIds: readonly string[];
  readonly scenarioNames: readonly string[];
  readonly years: readonly number[];
  /** Decimals of the currency's minor unit, for renderers of money (Projection.minorUnits). */
  readonly minorUnits: number;
  readonly metrics: readonly CompareMetricBlock[];
  /** Total net profit per year per scenario (for the chart). */
  readonly netProfitByYear: readonly (readonly Decimal[])[];
  /** The same on one scale for all scenarios: 0 (lowest) to SPARK_LEVELS − 1 (highest). */
  readonly netProfitLevels: readonly (readonly number[])[];
  /** Share of total revenue per channel, first and last year, per scenario. */
  readonly revenueMix: readonly { readonly year: number; readonly shares: Readonly<Record<string, Decimal | null>> }[][];
  readonly channelIds: readonly string[];
}

const isRatio = (m: CompareMetric) => (RATIO_METRICS as readonly string[]).includes(m);

function yearValue(y: YearProjection, metric: CompareMetric): Decimal | null {
  return (y.total as unknown as Record<string, Decimal | null>)[metric] ?? null;
}

function horizonValue(s: ScenarioProjection, metric: CompareMetric): Decimal | null {
  if (metric === "npv") return s.npv;
  if (metric === "cumulative_net_profit") return s.cumulativeNetProfit;
  const total = (field: string) => sum(s.years.map((y) => (y.total as unknown as Record<string, Decimal>)[field]!));
  if (metric === "gross_margin") return quotient(total("gross_profit"), total("revenue"));
  if (metric === "contribution_margin") return quotient(total("contribution"), total("revenue"));
  if (metric === "net_margin") return quotient(total("net_profit"), total("revenue"));
  return total(metric);
}


function row(year: number | null, exact: (Decimal | null)[], metric: CompareMetric): CompareRow {
  // Ratios are shown as 4-decimal fractions; their deltas are taken between the shown values, so
  // that "value − base = delta" holds for ratios too, as it does to the cent for amounts.
  const values = isRatio(metric) ? exact.map((v) => (v === null ? null : roundTo(v, 4))) : exact;
  const base = values[0] ?? null;
  const deltas = values.map((v, i) => (i === 0 || v === null || base === null ? null : v.minus(base)));
  const deltaRatios = deltas.map((d) => (d === null || isRatio(metric) || base === null || base.isZero() ? null : d.dividedBy(base.abs())));
  let best: number | null = null;
  const present = values.map((v, i) => ({ v, i })).filter((x): x is { v: Decimal; i: number } => x.v !== null);
  if (present.length > 1 && !present.every((x) => x.v.equals(present[0]!.v))) {
    const lower = LOWER_IS_BETTER.includes(metric);
    best = present.reduce((a, b) => ((lower ? b.v.lessThan(a.v) : b.v.greaterThan(a.v)) ? b : a)).i;
  }
  return { year, values, deltas, deltaRatios, best };
}

export function compareScenarios(projection: Projection, metrics: readonly CompareMetric[] = DEFAULT_COMPARE_METRICS): Comparison {
  const scenarios = projection.scenarios;
  const blocks = metrics.map((metric): CompareMetricBlock => {
    const rows: CompareRow[] = [];
    if (metric !== "npv" && metric !== "cumulative_net_profit") {
      projection.years.forEach((year, t) => rows.push(row(year, scenarios.map((s) => yearValue(s.years[t]!, metric)), metric)));
    }
    // Customers are a stock, not a flow: the last year's row already says where the plan ends.
    if (metric !== "customers") rows.push(row(null, scenarios.map((s) => horizonValue(s, metric)), metric));
    return { metric, ratio: isRatio(metric), lowerIsBetter: LOWER_IS_BETTER.includes(metric), rows };
  });
  const channelIds = [...new Set(scenarios.flatMap((s) => s.channelIds))];
  const revenueMix = scenarios.map((s) => [s.years[0]!, s.years.at(-1)!].filter((y, i, all) => i === 0 || y !== all[0]).map((y) => ({
    year: y.year,
    shares: recordOf(channelIds.map((id) => [id, y.channels[id] ? quotient(y.channels[id]!.revenue, y.total.revenue) : ZERO] as const)),
  })));
  return {
    scenarioIds: scenarios.map((s) => s.id),
    scenarioNames: scenarios.map((s) => s.name),
    years: projection.years,
    minorUnits: projection.minorUnits,
    metrics: blocks,
    netProfitByYear: scenarios.map((s) => s.years.map((y) => y.total.net_profit)),
    netProfitLevels: levels(scenarios.map((s) => s.years.map((y) => y.total.net_profit))),
    revenueMix,
    channelIds,
  };
}

export const SPARK_LEVELS = 8;

/** Each value's level on one scale from the lowest to the highest of all (the middle when all are equal). */
function levels(series: readonly (readonly Decimal[])[]): number[][] {
  const all = series.flat();
  if (all.length === 0) return series.map(() => []);
  const min = all.reduce((a, b) => (b.lessThan(a) ? b : a));
  const max = all.reduce((a, b) => (b.greaterThan(a) ? b : a));
  const span = max.minus(min);
  return series.map((values) => values.map((v) => (span.isZero() ? Math.floor(SPARK_LEVELS / 2) - 1 : v.minus(min).dividedBy(span).times(SPARK_LEVELS - 1).round().toNumber())));
}

export const isCompareMetric = (m: string): m is CompareMetric => (COMPARE_METRICS as readonly string[]).includes(m);
