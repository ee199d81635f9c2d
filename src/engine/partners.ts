// The partner's side of a tiered channel (docs/MODEL.md §14a): per tier and year, what the average
// partner sells and earns from the programme, and whether that meets the tier's requirement. Pure;
// exact figures (callers round for display).
import { Decimal, ZERO } from "../money/decimal.js";
import type { Channel, Tier } from "../model/types.js";
import type { ScenarioProjection } from "./projection-types.js";

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

export function tierYears(channel: Channel, tier: Tier, projection: ScenarioProjection): TierYear[] {
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
