// The data-driven tier review (`distplan partners classify`): each partner gets the highest tier
// whose requirements it meets (trailing-year revenue, certified people, specialisations); a
// partner below its tier keeps it while it has grace left (tier.grace reviews in a row), and then
// drops one tier; partners that keep their tier but are within `warn` of losing it are an early
// warning, with the gap. Pure (docs/MODEL.md §14a "The tier review").
import { Decimal, ZERO } from "../money/decimal.js";
import type { Tier } from "../model/types.js";
import type { PartnerRow } from "../model/partners-csv.js";

export type ReviewOutcome = "new" | "kept" | "promoted" | "demoted" | "grace" | "below";

export interface PartnerReview {
  readonly partner: PartnerRow;
  readonly before: string | null;
  /** The tier after the review; null when the partner meets no tier (below the programme). */
  readonly after: string | null;
  readonly outcome: ReviewOutcome;
  /** The highest tier the partner meets, or null. */
  readonly meets: string | null;
  /** Keeps its tier within `warn` of a requirement: the smallest cushion, in money or people. */
  readonly warning: { readonly on: "revenue" | "certified"; readonly cushion: Decimal; readonly required: Decimal } | null;
  /** Reviews of grace left after this one (grace outcome only). */
  readonly graceLeft: number;
}

export interface TierCount {
  readonly tier: string;
  readonly before: number;
  readonly after: number;
  /** Revenue of the tier's partners after the review, and its share of all partners' revenue. */
  readonly revenue: Decimal;
  readonly share: Decimal;
}

export interface Review {
  readonly partners: readonly PartnerReview[];
  readonly tiers: readonly TierCount[];
  readonly below: number;
}

const meetsTier = (p: PartnerRow, k: Tier) =>
  !k.requires || (!p.revenue.lessThan(k.requires.revenue) && !p.certified.lessThan(k.requires.certified) && k.requires.specialisations.every((s) => p.specialisations.includes(s)));

export function reviewPartners(tiers: readonly Tier[], partners: readonly PartnerRow[], warn: Decimal): Review {
  const index = (id: string | null) => (id === null ? -1 : tiers.findIndex((k) => k.id === id));
  // The warning line of each tier: its requirements × (1 + warn), computed once.
  const thresholds = tiers.map((k) => ({ revenue: k.requires ? k.requires.revenue.times(warn.plus(1)) : ZERO, certified: k.requires ? k.requires.certified.times(warn.plus(1)) : ZERO }));
  const reviews = partners.map((p): PartnerReview => {
    let met = -1;
    tiers.forEach((k, i) => { if (meetsTier(p, k)) met = i; });
    const current = index(p.tier);
    let after = met;
    let outcome: ReviewOutcome;
    let graceLeft = 0;
    if (p.tier === null) outcome = met >= 0 ? "new" : "below";
    else if (met > current) outcome = "promoted";
    else if (met === current) outcome = "kept";
    else {
      // Below its tier: it keeps the tier while this miss is within the tier's grace, then drops
      // one tier (with no grace: to the highest tier it meets, or out of the programme).
      const grace = tiers[current]!.grace;
      if (p.missed + 1 <= grace) { after = current; outcome = "grace"; graceLeft = grace - p.missed - 1; }
      else { after = grace > 0 ? Math.max(met, current - 1) : met; outcome = "demoted"; }
    }
    // The early warning: still in its tier, but within `warn` of one of the tier's requirements.
    let warning: PartnerReview["warning"] = null;
    const held = after >= 0 ? tiers[after]! : null;
    if (held?.requires && (outcome === "kept" || outcome === "promoted" || outcome === "new")) {
      const near = thresholds[after]!;
      const { revenue: needRevenue, certified: needCertified } = held.requires;
      const onRevenue = needRevenue.greaterThan(0) && p.revenue.lessThan(near.revenue);
      const onCertified = needCertified.greaterThan(0) && p.certified.lessThan(near.certified);
      // Both near: the tighter one, relative to its requirement (revenue first when equal).
      const on = onRevenue && onCertified
        ? (p.certified.dividedBy(needCertified).lessThan(p.revenue.dividedBy(needRevenue)) ? "certified" : "revenue")
        : onRevenue ? "revenue" : onCertified ? "certified" : null;
      if (on === "revenue") warning = { on, cushion: p.revenue.minus(needRevenue), required: needRevenue };
      else if (on === "certified") warning = { on, cushion: p.certified.minus(needCertified), required: needCertified };
    }
    return { partner: p, before: p.tier, after: after >= 0 ? tiers[after]!.id : null, outcome, meets: met >= 0 ? tiers[met]!.id : null, warning, graceLeft };
  });
  const total = reviews.reduce((s, r) => (r.after === null ? s : s.plus(r.partner.revenue)), ZERO);
  const counts = tiers.map((k): TierCount => {
    const revenue = reviews.filter((r) => r.after === k.id).reduce((s, r) => s.plus(r.partner.revenue), ZERO);
    return {
      tier: k.id,
      before: partners.filter((p) => p.tier === k.id).length,
      after: reviews.filter((r) => r.after === k.id).length,
      revenue,
      share: total.isZero() ? ZERO : revenue.dividedBy(total),
    };
  });
  return { partners: reviews, tiers: counts, below: reviews.filter((r) => r.after === null).length };
}
