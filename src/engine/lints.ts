// The round table's rules of thumb (docs/MODEL.md §11), as warnings on the base scenario. Pure. Each lint
// carries a path into the file so it can be shown where it applies.
import { Decimal, ONE } from "../money/decimal.js";
import type { Model } from "../model/types.js";
import type { ScenarioProjection } from "./projection-types.js";
import type { Path } from "../model/issues.js";
import type { ModelFile } from "../model/types.js";
import { earningRate, tierYears } from "./partners.js";

export const LINT_CODES = ["CONFLICT_RULE_MISSING", "MIX_SHIFT", "SHORT_HORIZON", "PRICE_UNDERCUT", "CONTRIBUTION_NEGATIVE", "ALLOCATION_LOSS", "TIER_LADDER", "TIER_UNREACHABLE", "PARTNER_LOSES"] as const;
export type LintCode = (typeof LINT_CODES)[number];

export interface Lint {
  readonly code: LintCode;
  readonly path: Path;
  readonly args: Readonly<Record<string, string | number>>;
}

/** The round table's limit on moving a share in one year (lint MIX_SHIFT; `distplan optimise` by default). */
export const MAX_SHIFT = new Decimal("0.15");

export function lintModel(model: Model, file: ModelFile, base: ScenarioProjection): Lint[] {
  const lints: Lint[] = [];
  const channel = (id: string) => model.channels.find((c) => c.id === id)!;
  const channelIndex = (id: string) => file.channels.findIndex((c) => c.id === id);
  const serves = (segment: string, id: string) => (model.mix[segment]?.[id] ?? []).some((v) => v.greaterThan(0));

  // 1. A segment served by an indirect channel and a direct or e-commerce one needs a conflict rule.
  for (const segment of model.segments) {
    const row = Object.keys(model.mix[segment.id] ?? {}).filter((id) => serves(segment.id, id));
    const indirect = row.filter((id) => channel(id).type === "indirect");
    const others = row.filter((id) => channel(id).type !== "indirect");
    for (const owner of indirect) {
      for (const seller of others) {
        const ruled = model.conflicts.some((r) => r.segment === segment.id && ((r.seller === seller && r.owner === owner) || (r.seller === owner && r.owner === seller)));
        if (!ruled) lints.push({ code: "CONFLICT_RULE_MISSING", path: ["mix", segment.id], args: { segment: segment.id, seller, owner } });
      }
    }
  }

  // 2. A share moving more than 15 percentage points in one year.
  for (const [segment, row] of Object.entries(model.mix)) {
    for (const [id, shares] of Object.entries(row)) {
      for (let t = 1; t < shares.length; t++) {
        const move = shares[t]!.minus(shares[t - 1]!);
        if (move.abs().greaterThan(MAX_SHIFT)) {
          lints.push({ code: "MIX_SHIFT", path: ["mix", segment, id], args: { segment, channel: id, points: move.times(100).toDecimalPlaces(1).toFixed(), year: model.startYear + t } });
          break;
        }
      }
    }
  }

  // 3. A horizon under three years.
  if (model.years < 3) lints.push({ code: "SHORT_HORIZON", path: ["years"], args: { years: model.years } });

  // 4. E-commerce below the end-customer price of a partner channel in the same segment.
  for (const segment of model.segments) {
    const row = Object.keys(model.mix[segment.id] ?? {}).filter((id) => serves(segment.id, id));
    for (const shop of row.filter((id) => channel(id).type === "ecommerce")) {
      for (const partner of row.filter((id) => channel(id).type === "indirect")) {
        const shopDiscount = channel(shop).terms[segment.id]!.priceDiscount;
        const partnerDiscount = channel(partner).terms[segment.id]!.priceDiscount;
        const t = shopDiscount.findIndex((d, i) => d.greaterThan(partnerDiscount[i]!));
        if (t >= 0) {
          const gap = ONE.minus(partnerDiscount[t]!).minus(ONE.minus(shopDiscount[t]!)).dividedBy(ONE.minus(partnerDiscount[t]!));
          const bySegment = file.channels[channelIndex(shop)]!.by_segment?.[segment.id]?.price_discount !== undefined;
          const path: Path = bySegment ? ["channels", channelIndex(shop), "by_segment", segment.id, "price_discount"] : ["channels", channelIndex(shop), "price_discount"];
          lints.push({ code: "PRICE_UNDERCUT", path, args: { shop, partner, segment: segment.id, gap: gap.times(100).toDecimalPlaces(1).toFixed(), year: model.startYear + t } });
        }
      }
    }
  }

  // 5 and 6, on the base projection.
  for (const id of base.channelIds) {
    const years = base.years.map((y) => y.channels[id]!);
    if (years.every((c) => c.contribution.isNegative())) {
      lints.push({ code: "CONTRIBUTION_NEGATIVE", path: ["channels", channelIndex(id)], args: { channel: id } });
    }
    const t = years.findIndex((c) => c.contribution.greaterThan(0) && c.net_profit.isNegative());
    if (t >= 0) {
      lints.push({ code: "ALLOCATION_LOSS", path: ["channels", channelIndex(id)], args: { channel: id, year: base.years[t]!.year, contribution: years[t]!.contribution.toFixed(2), net: years[t]!.net_profit.toFixed(2) } });
    }
  }
  // 7-9. Partner tiers (docs/MODEL.md §14a): the ladder, and the average partner of each tier.
  for (const c of model.channels) {
    const at = (k: number): Path => ["channels", channelIndex(c.id), "tiers", k];
    c.tiers.forEach((tier, k) => {
      const lower = c.tiers[k - 1];
      if (lower) {
        const t = base.years.findIndex((_, i) => earningRate(tier, i).lessThan(earningRate(lower, i)));
        const requiresLess = tier.requires !== null && lower.requires !== null
          && (tier.requires.revenue.lessThan(lower.requires.revenue) || tier.requires.certified.lessThan(lower.requires.certified));
        if (t >= 0) lints.push({ code: "TIER_LADDER", path: at(k), args: { channel: c.id, tier: tier.id, lower: lower.id, what: "earns", year: base.years[t]!.year } });
        else if (requiresLess) lints.push({ code: "TIER_LADDER", path: [...at(k), "requires"], args: { channel: c.id, tier: tier.id, lower: lower.id, what: "requires", year: "" } });
      }
      const years = tierYears(c, tier, base);
      const short = years.find((y) => y.meetsRevenue === false);
      if (short) {
        lints.push({ code: "TIER_UNREACHABLE", path: [...at(k), "requires", "revenue"], args: { channel: c.id, tier: tier.id, year: short.year, sells: short.sellOutPerPartner!.toFixed(2), requires: tier.requires!.revenue.toFixed(2) } });
      }
      const losing = years.find((y) => y.earningsPerPartner !== null && y.earningsPerPartner.isNegative());
      if (losing) {
        lints.push({ code: "PARTNER_LOSES", path: [...at(k), "fee"], args: { channel: c.id, tier: tier.id, year: losing.year, fee: tier.fee[years.indexOf(losing)]!.toFixed(2), earns: losing.earningsPerPartner!.plus(tier.fee[years.indexOf(losing)]!).toFixed(2) } });
      }
    });
  }
  return lints;
}
