// Figures over the whole horizon, per channel and in total (docs/MODEL.md §7): cumulative net
// profit (the footed yearly figures added up), NPV (the footed yearly net profit discounted at the
// scenario's own rate, rounded once: the total's NPV is the scenario's own, from exact figures)
// and the break-even year: the first year in which cumulative net profit is at least zero. Pure.
import { ONE, ZERO, sum, toMinorUnit, type Decimal } from "../money/decimal.js";
import type { ScenarioProjection } from "./projection-types.js";

export interface HorizonFigures {
  readonly cumulativeNetProfit: Decimal;
  readonly npv: Decimal;
  /** The first year with cumulative net profit ≥ 0; null when there is none within the horizon. */
  readonly breakEven: number | null;
}

/** The first year whose running total of `profits` is ≥ 0, or null. */
export function breakEvenYear(years: readonly number[], profits: readonly Decimal[]): number | null {
  let running = ZERO;
  for (let t = 0; t < profits.length; t++) {
    running = running.plus(profits[t]!);
    if (!running.isNegative()) return years[t]!;
  }
  return null;
}

/** A channel's NPV: its footed yearly net profit discounted at the scenario's rate, rounded once. */
export function channelNpv(s: ScenarioProjection, channel: string, places: number): Decimal {
  const factor = ONE.plus(s.discountRate);
  return toMinorUnit(sum(s.years.map((y, t) => y.channels[channel]!.net_profit.dividedBy(factor.pow(t + 1)))), places);
}

export function channelHorizon(s: ScenarioProjection, channel: string, places: number): HorizonFigures {
  const profits = s.years.map((y) => y.channels[channel]!.net_profit);
  return { cumulativeNetProfit: sum(profits), npv: channelNpv(s, channel, places), breakEven: breakEvenYear(s.years.map((y) => y.year), profits) };
}

export function totalHorizon(s: ScenarioProjection): HorizonFigures {
  return { cumulativeNetProfit: s.cumulativeNetProfit, npv: s.npv, breakEven: breakEvenYear(s.years.map((y) => y.year), s.years.map((y) => y.total.net_profit)) };
}
