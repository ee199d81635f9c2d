// The partner's side of a tiered channel (docs/MODEL.md §14a): per tier and year, what the average
// partner sells and earns from the programme, and whether that meets the tier's requirement. Pure;
// exact figures (callers round for display).
import { Decimal, ONE, ZERO, splitByLargestRemainder, sum, toMinorUnit } from "../money/decimal.js";
import type { Channel, Tier } from "../model/types.js";
import type { ScenarioProjection, TierRows, TierLineYear, YearProjection } from "./projection-types.js";

export interface TierYear {
  readonly year: number;
  /** The tier's part of the channel's sell-out: market_revenue × share. */
  readonly sellOut: Decimal;
  readonly partners: Decimal;
  /** Null when the tier has no partners that year. */
  readonly sellOutPerPartner: Decimal | null;
  /** sell-out per partner × (margin + (1 − margin) × (rebate + mdf)) − fee; null without partners. */
  readonly earningsPerPartner: Decimal | null;
  /** Whether sell-out per partner reaches requires.revenue; null without partners or requirement. */
  readonly meetsRevenue: boolean | null;
}

/** What a partner of the tier keeps per euro of its sell-out: its margin, plus rebate and MDF on the vendor's sell-in. */
export function earningRate(tier: Tier, t: number): Decimal {
  const margin = tier.partnerMargin[t]!;
  return margin.plus(Decimal.sub(1, margin).times(tier.rebate[t]!.plus(tier.mdf[t]!)));
}

export function tierYears(channel: Channel, tier: Tier, projection: Pick<ScenarioProjection, "years">): TierYear[] {
  return projection.years.map((y, t) => {
    const market = y.channels[channel.id]?.market_revenue ?? ZERO;
    const sellOut = market.times(tier.share[t]!);
    const partners = tier.partners[t]!;
    if (partners.isZero()) return { year: y.year, sellOut, partners, sellOutPerPartner: null, earningsPerPartner: null, meetsRevenue: null };
    const perPartner = sellOut.dividedBy(partners);
    const earnings = perPartner.times(earningRate(tier, t)).minus(tier.fee[t]!);
    return {
      year: y.year, sellOut, partners, sellOutPerPartner: perPartner, earningsPerPartner: earnings,
      meetsRevenue: tier.requires === null ? null : perPartner.greaterThanOrEqualTo(tier.requires.revenue),
    };
  });
}

/**
 * A tiered channel's sell-out, partner margin, rebates and MDF split over its tiers, per year.
 * Each column foots to the channel's own (footed) figure: the channel total is split in
 * proportion to each tier's exact weight by largest remainder, so the rows add up to the cent.
 */
export function tierLines(channel: Channel, years: readonly YearProjection[], places: number): TierRows[] {
  const split = years.map((y, t) => {
    const c = y.channels[channel.id];
    const split = (total: Decimal | undefined, weight: (k: Tier) => Decimal): Decimal[] => {
      const weights = channel.tiers.map(weight);
      return total === undefined || sum(weights).isZero() ? channel.tiers.map(() => ZERO) : splitByLargestRemainder(total, weights, places);
    };
    const kept = (k: Tier) => k.share[t]!.times(ONE.minus(k.partnerMargin[t]!));
    return {
      year: y.year,
      sellOut: split(c?.market_revenue, (k) => k.share[t]!),
      partnerMargin: split(c?.partner_margin, (k) => k.share[t]!.times(k.partnerMargin[t]!)),
      rebates: split(c?.rebates, (k) => kept(k).times(k.rebate[t]!)),
      mdf: split(c?.mdf, (k) => kept(k).times(k.mdf[t]!)),
    };
  });
  return channel.tiers.map((tier, i) => {
    // Sell-out per partner as the partner's side has it (exact), so this view and the lints agree.
    const side = tierYears(channel, tier, { years });
    return {
      id: tier.id,
      name: tier.name,
      years: split.map((y, t): TierLineYear => ({
        year: y.year, sellOut: y.sellOut[i]!, partnerMargin: y.partnerMargin[i]!, rebates: y.rebates[i]!, mdf: y.mdf[i]!,
        fees: toMinorUnit(tier.partners[t]!.times(tier.fee[t]!), places),
        partners: tier.partners[t]!,
        sellOutPerPartner: side[t]!.sellOutPerPartner,
      })),
    };
  });
}
