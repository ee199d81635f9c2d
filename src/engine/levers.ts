// The plan's levers for the decision tools (`sensitivity`, `solve`): every numeric input of a
// normalised model by a path a person can read, and a model with one of them moved. Pure: a moved
// model is a new value; the model it came from is untouched.
//
// Paths, in the words of the model file (docs/MODEL.md "Decision tools"):
//   discount_rate
//   segments.<id>.customers | new_customers | churn | revenue_per_customer | gross_margin | market_potential
//   channels.<id>.price_discount | partner_margin | acquisition_cost | service_cost   (in every segment)
//   channels.<id>.variable_costs.<name> | fixed_costs.<name> | income.<name>
//   mix.<segment>.<channel>                                  (a share, in points, re-balanced)
//   conflicts.<segment>.<seller>.<owner>.overlap | compensation
//   shared_costs.<id>.amount
import { Decimal, ONE, ZERO, sum } from "../money/decimal.js";
import type { Channel, ChannelTerms, Line, Model, Segment, Series } from "../model/types.js";

export type LeverKind = "money" | "count" | "share" | "rate";

export interface Lever {
  readonly path: string;
  /** money and count: ≥ 0; rate: a percentage in [0, 100%] (churn, margins, discounts) or ≥ 0
   *  (growth-free rates such as the discount rate); share: a mix share, moved in points. */
  readonly kind: LeverKind;
  /** The value now, per year (one entry for a single figure such as customers). */
  readonly values: Series;
  /** The largest value the field allows (1 for a percentage that cannot pass 100%), or null. */
  readonly max: Decimal | null;
}

const TERM_FIELDS: readonly [keyof ChannelTerms, string, LeverKind, boolean][] = [
  ["priceDiscount", "price_discount", "rate", true],
  ["partnerMargin", "partner_margin", "rate", true],
  ["acquisitionCost", "acquisition_cost", "money", false],
  ["serviceCost", "service_cost", "money", false],
];

const lever = (path: string, kind: LeverKind, values: Series, capped: boolean): Lever => ({ path, kind, values, max: capped ? ONE : null });

/** Every lever of the model, in the order of the file's sections. */
export function leversOf(model: Model): Lever[] {
  const out: Lever[] = [lever("discount_rate", "rate", [model.discountRate], false)];
  for (const s of model.segments) {
    const p = `segments.${s.id}`;
    out.push(lever(`${p}.customers`, "count", [s.customers], false), lever(`${p}.new_customers`, "count", s.newCustomers, false), lever(`${p}.churn`, "rate", s.churn, true));
    out.push(lever(`${p}.revenue_per_customer`, "money", s.revenuePerCustomer, false), lever(`${p}.gross_margin`, "rate", s.grossMargin, true));
    if (s.marketPotential) out.push(lever(`${p}.market_potential`, "count", s.marketPotential, false));
  }
  for (const c of model.channels) {
    const p = `channels.${c.id}`;
    for (const [field, name, kind, capped] of TERM_FIELDS) {
      if (field === "partnerMargin" && (c.type !== "indirect" || c.tiers.length > 0)) continue;
      out.push(lever(`${p}.${name}`, kind, c.defaultTerms[field], capped));
    }
    for (const l of c.variableCosts) out.push(lever(`${p}.variable_costs.${l.name}`, "rate", l.values, true));
    for (const l of c.fixedCosts) out.push(lever(`${p}.fixed_costs.${l.name}`, "money", l.values, false));
    for (const l of c.income) out.push(lever(`${p}.income.${l.name}`, "money", l.values, false));
  }
  for (const [segment, shares] of Object.entries(model.mix)) {
    // A segment served by one channel has no share to move: it is 100% by definition.
    if (Object.keys(shares).length < 2) continue;
    for (const [channel, series] of Object.entries(shares)) out.push(lever(`mix.${segment}.${channel}`, "share", series, true));
  }
  for (const k of model.conflicts) {
    const p = `conflicts.${k.segment}.${k.seller}.${k.owner}`;
    out.push(lever(`${p}.overlap`, "rate", k.overlap, true), lever(`${p}.compensation`, "rate", k.compensation, true));
  }
  for (const c of model.sharedCosts) out.push(lever(`shared_costs.${c.id}.amount`, "money", c.amount, false));
  return out;
}

/** How a lever moves: `by` a relative step (×(1 + by)), by points (a share: + by), or `to` a value. */
export type Move = { readonly by: Decimal } | { readonly to: Decimal; readonly year?: number };

/** The lever's values after the move, clamped to [0, max]; `capped` when the clamp bit. */
export function movedValues(l: Lever, move: Move, startYear: number): { values: Series; capped: boolean } {
  let capped = false;
  const clamp = (v: Decimal) => {
    if (v.isNegative()) { capped = true; return ZERO; }
    if (l.max && v.greaterThan(l.max)) { capped = true; return l.max; }
    return v;
  };
  const values = l.values.map((v, t) => {
    if ("to" in move) return move.year === undefined || move.year === startYear + t || l.values.length === 1 ? clamp(move.to) : v;
    return clamp(l.kind === "share" ? v.plus(move.by) : v.times(ONE.plus(move.by)));
  });
  return { values, capped };
}

/** The model with lever `l` set to `values` (a mix share re-balanced over the segment's other channels). */
export function withLever(model: Model, l: Lever, values: Series): Model {
  const [section, a, b, c, d] = l.path.split(".") as [string, string, string?, string?, string?];
  const one = (v: Series) => v[0]!;
  switch (section) {
    case "discount_rate":
      return { ...model, discountRate: one(values) };
    case "segments":
      return { ...model, segments: model.segments.map((s) => (s.id === a ? withSegment(s, b!, values) : s)) };
    case "channels":
      return { ...model, channels: model.channels.map((ch) => (ch.id === a ? withChannel(ch, b!, c, values) : ch)) };
    case "mix":
      return { ...model, mix: { ...model.mix, [a]: rebalanced(model.mix[a]!, b!, values) } };
    case "conflicts":
      return { ...model, conflicts: model.conflicts.map((k) => (k.segment === a && k.seller === b && k.owner === c ? { ...k, [d === "overlap" ? "overlap" : "compensation"]: values } : k)) };
    case "shared_costs":
      return { ...model, sharedCosts: model.sharedCosts.map((s) => (s.id === a ? { ...s, amount: values } : s)) };
    default:
      throw new Error(`not a lever: ${l.path}`);
  }
}

function withSegment(s: Segment, field: string, values: Series): Segment {
  switch (field) {
    case "customers": return { ...s, customers: values[0]! };
    case "new_customers": return { ...s, newCustomers: values };
    case "churn": return { ...s, churn: values };
    case "revenue_per_customer": return { ...s, revenuePerCustomer: values };
    case "gross_margin": return { ...s, grossMargin: values };
    case "market_potential": return { ...s, marketPotential: values };
    default: throw new Error(`not a segment lever: ${field}`);
  }
}

function withChannel(ch: Channel, field: string, name: string | undefined, values: Series): Channel {
  const term = TERM_FIELDS.find(([, n]) => n === field);
  if (term) {
    // The channel's own term, in every segment: a by_segment override moves by the same step.
    const key = term[0];
    const ratio = (old: Series) => old.map((v, t) => {
      const before = ch.defaultTerms[key][t]!;
      return before.isZero() ? values[t]! : v.times(values[t]!).dividedBy(before);
    });
    const terms = Object.fromEntries(Object.entries(ch.terms).map(([seg, tm]) => [seg, { ...tm, [key]: tm[key] === ch.defaultTerms[key] ? values : ratio(tm[key]) }]));
    return { ...ch, defaultTerms: { ...ch.defaultTerms, [key]: values }, terms };
  }
  const line = (lines: readonly Line[]) => lines.map((l) => (l.name === name ? { ...l, values } : l));
  if (field === "variable_costs") return { ...ch, variableCosts: line(ch.variableCosts) };
  if (field === "fixed_costs") return { ...ch, fixedCosts: line(ch.fixedCosts) };
  if (field === "income") return { ...ch, income: line(ch.income) };
  throw new Error(`not a channel lever: ${field}`);
}

/**
 * The segment's mix with `channel` at `values`, the other channels scaled so each year still sums
 * to exactly 100% (in proportion to their shares; equally when they had none).
 */
export function rebalanced(shares: Readonly<Record<string, Series>>, channel: string, values: Series): Record<string, Series> {
  const others = Object.keys(shares).filter((c) => c !== channel);
  const out: Record<string, Decimal[]> = { [channel]: [...values] };
  for (const c of others) out[c] = [];
  values.forEach((v, t) => {
    const rest = ONE.minus(v);
    const before = sum(others.map((c) => shares[c]![t]!));
    let given = ZERO;
    others.forEach((c, i) => {
      // The last takes what is left, so the year sums to exactly 100%.
      const share = i === others.length - 1 ? rest.minus(given) : before.isZero() ? rest.dividedBy(others.length) : shares[c]![t]!.times(rest).dividedBy(before);
      out[c]!.push(share);
      given = given.plus(share);
    });
  });
  return Object.fromEntries(Object.keys(shares).map((c) => [c, out[c]!]));
}

/** The levers whose path matches a glob (`*` one path segment, `**` any number), or all. */
export function matchingLevers(levers: readonly Lever[], globs: readonly string[]): Lever[] {
  if (globs.length === 0) return [...levers];
  const patterns = globs.map((g) => new RegExp(`^${g.split(".").map((part) => (part === "**" ? ".*" : part.replace(/[.+?^${}()|[\]\\]/g, "\\$&").replace(/\*/g, "[^.]*"))).join("\\.")}$`));
  return levers.filter((l) => patterns.some((p) => p.test(l.path)));
}
