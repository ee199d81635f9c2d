// Plan versus actuals: per channel and metric, the plan for a period (a year, quarter or month)
// and year to date beside the actuals, and the variance. Pure.
//
// The plan of a partial period (documented rule): flow figures (money, new customers) are split
// evenly, a quarter is 1/4 of the year and a month 1/12; the customer base (a stock) is the year's
// figure whatever the period. Actuals of a period are the sum of every row whose period lies in it
// (months and quarters in their year, months in their quarter), over segments.
// Favourable: more is better for customers, new customers, revenue, market revenue and income;
// less is better for every cost (partner margin, cogs, variable, acquisition, service, fixed and
// shared costs).
import { Decimal, ZERO, roundTo } from "../money/decimal.js";
import type { ActualMetric, ActualRow, Period } from "../model/actuals.js";
import type { ScenarioProjection } from "./projection-types.js";

export const HIGHER_IS_BETTER: ReadonlySet<ActualMetric> = new Set(["customers", "new_customers", "revenue", "market_revenue", "income"]);
const STOCK: ReadonlySet<ActualMetric> = new Set(["customers"]);

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
  readonly channel: string;
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

/** The plan of `metric` for channel `channel` over months `from..to` of `year`. */
export function planFor(p: ScenarioProjection, channel: string, metric: ActualMetric, year: number, from: number, to: number): Decimal | undefined {
  const y = p.years.find((x) => x.year === year);
  if (!y) return undefined;
  const c = y.channels[channel];
  if (!c) return undefined;
  const full = c[metric];
  if (STOCK.has(metric)) return full;
  return full.times(to - from + 1).div(12);
}

/**
 * Variance per channel and metric for `period` and its year to date. Only metrics that appear in
 * the actuals for the channel are compared (a file may hold revenue only). Channel order is the
 * model's, metric order the actuals format's.
 */
export function variance(p: ScenarioProjection, rows: readonly ActualRow[], period: Period, metrics: readonly ActualMetric[], minorUnits = 2): VarianceLine[] {
  const [from, to] = monthsOf(period);
  const lines: VarianceLine[] = [];
  for (const channel of p.channelIds) {
    for (const metric of metrics) {
      const mine = rows.filter((r) => r.channel === channel && r.metric === metric);
      if (mine.length === 0) continue;
      const inPeriod = mine.filter((r) => within(r.period, period.year, from, to));
      const ytd = mine.filter((r) => within(r.period, period.year, 1, to));
      // A partial period's plan is rounded like any figure shown (the minor unit; customers to 2
      // decimals), so plan + variance = actual to the cent as printed.
      const places = metric === "customers" || metric === "new_customers" ? 2 : minorUnits;
      const rounded = (x: Decimal | undefined) => (x === undefined ? undefined : roundTo(x, places));
      const planP = rounded(planFor(p, channel, metric, period.year, from, to));
      const planY = rounded(planFor(p, channel, metric, period.year, 1, to));
      if (planP === undefined || planY === undefined) continue;
      const actual = (rs: readonly ActualRow[]) => STOCK.has(metric) ? latest(rs) : rs.reduce((s, r) => s.plus(r.value), ZERO);
      lines.push({ channel, metric, period: figure(metric, planP, actual(inPeriod)), yearToDate: figure(metric, planY, actual(ytd)) });
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
