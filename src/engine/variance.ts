// Plan versus actuals: per channel, segment or both and metric, the plan for a period (a year,
// quarter or month) and year to date beside the actuals, and the variance. Pure.
//
// The plan of a partial period (documented rule, docs/MODEL.md "Actuals"): flow figures are split
// evenly (a quarter is 1/4 of the year, a month 1/12) unless the model gives a seasonality series,
// which then shapes the revenue-driven flows (new customers, revenue and every line that follows
// revenue or customers); fixed costs, income and shared costs stay even. The customer base (a
// stock) is the year's figure whatever the period. Actuals of a period are the sum of every row
// whose period lies in it (months and quarters in their year, months in their quarter).
// Favourable: more is better for customers, new customers, revenue, market revenue and income;
// less is better for every cost (partner margin, cogs, variable, acquisition, service, fixed and
// shared costs).
import { Decimal, ZERO, roundTo } from "../money/decimal.js";
import type { ActualMetric, ActualRow, Period } from "../model/actuals.js";
import type { Seasonality } from "../model/types.js";
import type { ScenarioProjection } from "./projection-types.js";

export const HIGHER_IS_BETTER: ReadonlySet<ActualMetric> = new Set(["customers", "new_customers", "revenue", "market_revenue", "income"]);
const STOCK: ReadonlySet<string> = new Set(["customers"]);
/** Flows that follow the seasonality series when the model has one; the others are even. */
const SEASONAL: ReadonlySet<string> = new Set([
  "new_customers", "revenue", "market_revenue", "partner_margin", "cogs", "variable_costs", "acquisition_costs", "service_costs", "conflict_costs",
]);
/** The lines a cell (segment × channel) has; fixed costs, income and shared costs are a channel's. */
const CELL_METRICS: ReadonlySet<string> = new Set([
  "customers", "new_customers", "revenue", "market_revenue", "partner_margin", "cogs", "variable_costs", "acquisition_costs", "service_costs",
]);

export type VarianceBy = "channel" | "segment" | "both";

export interface VarianceOptions {
  /** Decimals of the currency's minor unit (default 2). */
  readonly minorUnits?: number;
  /** Rows per channel (default), per segment over channels, or per channel × segment. */
  readonly by?: VarianceBy;
  /** The model's seasonality, or null/undefined for equal months. */
  readonly seasonality?: Seasonality | null;
}

export interface VarianceFigure {
  readonly plan: Decimal;
  readonly actual: Decimal;
  /** actual − plan. */
  readonly variance: Decimal;
  /** variance / |plan|; null when the plan is zero. */
  readonly ratio: Decimal | null;
  /** null when the variance is zero. */
  readonly favourable: boolean | null;
}

export interface VarianceLine {
  /** null for a segment over all channels (--by segment). */
  readonly channel: string | null;
  /** null for a channel over all segments (--by channel). */
  readonly segment: string | null;
  readonly metric: ActualMetric;
  readonly period: VarianceFigure;
  readonly yearToDate: VarianceFigure;
}

/** The first and last month (1-12) a period covers. */
export function monthsOf(p: Period): readonly [number, number] {
  if (p.month !== undefined) return [p.month, p.month];
  if (p.quarter !== undefined) return [p.quarter * 3 - 2, p.quarter * 3];
  return [1, 12];
}

/** Whether period `inner` lies within the months `from..to` of `year`. */
function within(inner: Period, year: number, from: number, to: number): boolean {
  if (inner.year !== year) return false;
  const [a, b] = monthsOf(inner);
  return a >= from && b <= to;
}

function figure(metric: ActualMetric, plan: Decimal, actual: Decimal): VarianceFigure {
  const variance = actual.minus(plan);
  const ratio = plan.isZero() ? null : variance.div(plan.abs());
  const favourable = variance.isZero() ? null : variance.isPositive() === HIGHER_IS_BETTER.has(metric);
  return { plan, actual, variance, ratio, favourable };
}

/**
 * The part of a year's flow that falls in months `from..to`: (to − from + 1) / 12 without a
 * seasonality; the sum of the month weights with a monthly one; with a quarterly one each quarter's
 * weight × the number of its months in the range / 3 (a whole quarter is its weight exactly).
 */
export function shareOfYear(from: number, to: number, seasonality: Seasonality | null | undefined): Decimal {
  if (!seasonality) return new Decimal(to - from + 1).div(12);
  let share = ZERO;
  if (seasonality.kind === "months") {
    for (let m = from; m <= to; m++) share = share.plus(seasonality.weights[m - 1]!);
    return share;
  }
  for (let q = 1; q <= 4; q++) {
    const months = Math.max(0, Math.min(to, q * 3) - Math.max(from, q * 3 - 2) + 1);
    if (months === 3) share = share.plus(seasonality.weights[q - 1]!);
    else if (months > 0) share = share.plus(seasonality.weights[q - 1]!.times(months).div(3));
  }
  return share;
}

/** The year's figure of `metric` for a channel, a segment or a cell; undefined when it has none. */
function yearFigure(p: ScenarioProjection, channel: string | null, segment: string | null, metric: string, year: number): Decimal | undefined {
  const y = p.years.find((x) => x.year === year);
  if (!y) return undefined;
  if (segment !== null && !CELL_METRICS.has(metric)) return undefined;
  let figures: object | undefined;
  if (channel !== null && segment !== null) figures = y.channels[channel]?.segments[segment];
  else if (channel !== null) figures = y.channels[channel];
  else if (segment !== null) figures = y.segments[segment];
  const v = (figures as Readonly<Record<string, unknown>> | undefined)?.[metric];
  return v instanceof Decimal ? v : undefined;
}

/**
 * The plan of `metric` over months `from..to` of `year`, for a channel (segment null), a segment
 * over channels (channel null) or a cell; unrounded. Undefined when the plan has no such figure.
 */
export function planFor(p: ScenarioProjection, channel: string | null, metric: string, year: number, from: number, to: number, seasonality?: Seasonality | null, segment: string | null = null): Decimal | undefined {
  const full = yearFigure(p, channel, segment, metric, year);
  if (full === undefined) return undefined;
  if (STOCK.has(metric)) return full;
  return full.times(shareOfYear(from, to, SEASONAL.has(metric) ? seasonality : null));
}

/** Places a figure of `metric` is shown with: customers to 2 decimals, money to the minor unit. */
const placesOf = (metric: string, minorUnits: number) => (metric === "customers" || metric === "new_customers" ? 2 : minorUnits);

/** The rounded plan of a period (as shown), so plan + variance = actual to the cent as printed. */
function roundedPlan(p: ScenarioProjection, channel: string | null, segment: string | null, metric: string, year: number, from: number, to: number, o: VarianceOptions): Decimal | undefined {
  const x = planFor(p, channel, metric, year, from, to, o.seasonality, segment);
  return x === undefined ? undefined : roundTo(x, placesOf(metric, o.minorUnits ?? 2));
}

const inScope = (r: ActualRow, channel: string | null, segment: string | null) =>
  (channel === null || r.channel === channel) && (segment === null || r.segment === segment);

/** The actual of rows already in scope and period: the sum for a flow, the latest base for a stock. */
function actualOf(metric: string, rows: readonly ActualRow[]): Decimal {
  return STOCK.has(metric) ? latest(rows) : rows.reduce((s, r) => s.plus(r.value), ZERO);
}

/**
 * Variance per channel (or segment, or channel × segment) and metric for `period` and its year
 * to date. Only metrics that appear in the actuals for the row's scope are compared (a file may
 * hold revenue only); a segment has no fixed costs, income or shared costs (a channel's lines).
 * Order: the model's channels, then its segments; metrics in the actuals format's order.
 */
export function variance(p: ScenarioProjection, rows: readonly ActualRow[], period: Period, metrics: readonly ActualMetric[], options: VarianceOptions = {}): VarianceLine[] {
  const [from, to] = monthsOf(period);
  const by = options.by ?? "channel";
  const scopes: [string | null, string | null][] =
    by === "channel" ? p.channelIds.map((c) => [c, null])
      : by === "segment" ? p.segmentIds.map((s) => [null, s])
        : p.channelIds.flatMap((c) => p.segmentIds.filter((s) => p.years[0]?.channels[c]?.segments[s] !== undefined).map((s): [string, string] => [c, s]));
  const lines: VarianceLine[] = [];
  for (const [channel, segment] of scopes) {
    for (const metric of metrics) {
      const mine = rows.filter((r) => r.metric === metric && inScope(r, channel, segment));
      if (mine.length === 0) continue;
      const planP = roundedPlan(p, channel, segment, metric, period.year, from, to, options);
      const planY = roundedPlan(p, channel, segment, metric, period.year, 1, to, options);
      if (planP === undefined || planY === undefined) continue;
      const inPeriod = mine.filter((r) => within(r.period, period.year, from, to));
      const ytd = mine.filter((r) => within(r.period, period.year, 1, to));
      lines.push({ channel, segment, metric, period: figure(metric, planP, actualOf(metric, inPeriod)), yearToDate: figure(metric, planY, actualOf(metric, ytd)) });
    }
  }
  return lines;
}

/** The customer base at the end of the rows' latest period: the sum over segments of that period. */
function latest(rows: readonly ActualRow[]): Decimal {
  if (rows.length === 0) return ZERO;
  const end = (r: ActualRow) => r.period.year * 12 + monthsOf(r.period)[1];
  const last = Math.max(...rows.map(end));
  return rows.filter((r) => end(r) === last).reduce((s, r) => s.plus(r.value), new Decimal(0));
}

// ---- contribution from actuals ----------------------------------------------------------------------
// A channel's actual contribution (CM2) over months from..to: revenue − cogs − variable − acquisition
// − service − conflict costs − fixed costs + income, where each line the file gives for the channel
// (in any period) is its actual and a line it does not give is taken at plan (so it adds no
// variance). Conflict costs are never in an actuals file: always at plan. Each line's plan is
// rounded like any figure shown, and the plan's contribution is the sum of those rounded lines.

const CONTRIBUTION_LINES: readonly (readonly [string, 1 | -1])[] = [
  ["revenue", 1], ["cogs", -1], ["variable_costs", -1], ["acquisition_costs", -1], ["service_costs", -1],
  ["conflict_costs", -1], ["fixed_costs", -1], ["income", 1],
];

export interface PlanActual { readonly plan: Decimal; readonly actual: Decimal }

/** Plan and actual of one channel's `amount` (revenue or contribution) over months from..to of year. */
export function channelAmount(p: ScenarioProjection, rows: readonly ActualRow[], channel: string, amount: "revenue" | "contribution", year: number, from: number, to: number, options: VarianceOptions = {}): PlanActual {
  const lines = amount === "revenue" ? CONTRIBUTION_LINES.slice(0, 1) : CONTRIBUTION_LINES;
  let plan = ZERO;
  let actual = ZERO;
  for (const [metric, sign] of lines) {
    const planned = roundedPlan(p, channel, null, metric, year, from, to, options) ?? ZERO;
    const given = rows.filter((r) => r.channel === channel && r.metric === metric);
    const got = given.length === 0 ? planned : actualOf(metric, given.filter((r) => within(r.period, year, from, to)));
    plan = plan.plus(planned.times(sign));
    actual = actual.plus(got.times(sign));
  }
  return { plan, actual };
}

/** Plan and actual customer base of a channel at the end of months from..to (actual: plan when not given). */
export function channelVolume(p: ScenarioProjection, rows: readonly ActualRow[], channel: string, year: number, from: number, to: number): PlanActual {
  const plan = roundTo(planFor(p, channel, "customers", year, from, to) ?? ZERO, 2);
  const given = rows.filter((r) => r.channel === channel && r.metric === "customers");
  const inRange = given.filter((r) => within(r.period, year, from, to));
  return { plan, actual: inRange.length === 0 ? plan : latest(inRange) };
}

// ---- price / volume / mix -------------------------------------------------------------------------
// The standard sales-variance form, per channel c with customers V (volume), an amount R (revenue,
// or contribution) and the amount per customer P = R / V; V = Σ V_c and the mix share s_c = V_c / V:
//   volume_c = (V_actual − V_plan) × s_plan_c × P_plan_c     (more customers at the planned mix and price)
//   mix_c    = (s_actual_c − s_plan_c) × V_actual × P_plan_c (customers shifting between channels)
//   price_c  = (P_actual_c − P_plan_c) × V_actual_c          (more or less per customer: price, discount, partner margin)
// These add up to R_actual_c − R_plan_c exactly in algebra. In the minor unit, volume and mix are
// rounded half away from zero and price is the remainder, so the parts foot to the variance to
// the cent. A channel without planned customers takes its actual amount per customer as the plan's
// (its whole variance is then volume and mix).

export interface PvmInput {
  readonly channel: string;
  readonly planVolume: Decimal;
  readonly planAmount: Decimal;
  readonly actualVolume: Decimal;
  readonly actualAmount: Decimal;
}

export interface PvmPart {
  readonly channel: string;
  readonly variance: Decimal;
  readonly volume: Decimal;
  readonly mix: Decimal;
  readonly price: Decimal;
}

export function priceVolumeMix(inputs: readonly PvmInput[], minorUnits: number): { readonly channels: readonly PvmPart[]; readonly total: PvmPart } {
  const round = (d: Decimal) => d.toDecimalPlaces(minorUnits, Decimal.ROUND_HALF_UP);
  const vPlan = inputs.reduce((s, i) => s.plus(i.planVolume), ZERO);
  const vActual = inputs.reduce((s, i) => s.plus(i.actualVolume), ZERO);
  const channels = inputs.map((i): PvmPart => {
    const pActual = i.actualVolume.isZero() ? ZERO : i.actualAmount.div(i.actualVolume);
    const pPlan = i.planVolume.isZero() ? pActual : i.planAmount.div(i.planVolume);
    const sPlan = vPlan.isZero() ? ZERO : i.planVolume.div(vPlan);
    const sActual = vActual.isZero() ? ZERO : i.actualVolume.div(vActual);
    const variance = round(i.actualAmount).minus(round(i.planAmount));
    const volume = round(vActual.minus(vPlan).times(sPlan).times(pPlan));
    const mix = round(sActual.minus(sPlan).times(vActual).times(pPlan));
    return { channel: i.channel, variance, volume, mix, price: variance.minus(volume).minus(mix) };
  });
  const add = (k: "variance" | "volume" | "mix" | "price") => channels.reduce((s, c) => s.plus(c[k]), ZERO);
  return { channels, total: { channel: "total", variance: add("variance"), volume: add("volume"), mix: add("mix"), price: add("price") } };
}

// ---- price / volume / mix of a period ----------------------------------------------------------------
// Volume is each channel's customer base at the end of the period (plan: the year's base; actual:
// the latest base the file gives in the period, else the plan's); the amounts are revenue and
// contribution of the period as above.

export interface PvmRow {
  readonly channel: string;
  readonly volume: PlanActual;
  readonly amount: PlanActual;
  readonly part: PvmPart;
}

export interface PvmTable {
  readonly amount: "revenue" | "contribution";
  readonly rows: readonly PvmRow[];
  readonly total: PvmRow;
}

export function pvmOfPeriod(p: ScenarioProjection, rows: readonly ActualRow[], period: Period, options: VarianceOptions = {}): readonly PvmTable[] {
  const [from, to] = monthsOf(period);
  const places = options.minorUnits ?? 2;
  return (["revenue", "contribution"] as const).map((amount): PvmTable => {
    const inputs = p.channelIds.map((channel) => ({
      channel,
      volume: channelVolume(p, rows, channel, period.year, from, to),
      amount: channelAmount(p, rows, channel, amount, period.year, from, to, options),
    }));
    const parts = priceVolumeMix(inputs.map((i) => ({ channel: i.channel, planVolume: i.volume.plan, actualVolume: i.volume.actual, planAmount: i.amount.plan, actualAmount: i.amount.actual })), places);
    const add = (f: (i: (typeof inputs)[number]) => Decimal) => inputs.reduce((s, i) => s.plus(f(i)), ZERO);
    return {
      amount,
      rows: inputs.map((i, k) => ({ ...i, part: parts.channels[k]! })),
      total: {
        channel: "total",
        volume: { plan: add((i) => i.volume.plan), actual: add((i) => i.volume.actual) },
        amount: { plan: add((i) => i.amount.plan), actual: add((i) => i.amount.actual) },
        part: parts.total,
      },
    };
  });
}
