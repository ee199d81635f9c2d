// The JSON Schema (draft 2020-12) of model format v1: the single source of truth for structure.
// `distplan schema` prints it, `models/distplan.schema.json` is generated from it (a test fails
// when the committed copy is stale), and the build precompiles it into a standalone validator.
// Values (money "1.4M", percent "42%") are checked for form here and parsed in normalize.ts.
//
// Series use if/then/else instead of oneOf on purpose: a validator then reports the errors of the
// one branch the value's shape selects, so a user reads one precise error, not every alternative.

import type { ChannelFile, ChannelOverridesFile, CheckFile, ConflictFile, CorrelationFile, ModelFile, RangeFile, ScenarioFile, SegmentFile, SharedCostFile, TierFile, TierRequiresFile } from "./types.js";

const ID = "^[a-z][a-z0-9_-]*$";
/**
 * The most scenarios one model may hold (TOO_MANY_SCENARIOS; docs/MODEL.md §9): every command
 * then answers in about two seconds. Each scenario is validated, projected and shown in full,
 * so the cost of a file grows with its scenarios (linearly), and thousands are a batch job.
 */
export const MAX_SCENARIOS = 500;
const MONEY = "^-?[0-9][0-9_]*(\\.[0-9]+)?[kM]?$";
const PERCENT = "^-?[0-9]+(\\.[0-9]+)?%$";

const ref = (name: string) => ({ $ref: `#/$defs/${name}` });

/**
 * A field's documentation, shown by editors on hover (yaml-language-server reads both keys):
 * what it means, its unit and default, and the formula it enters where one helps. docs/MODEL.md
 * is the long form; a test fails when a property here has no description.
 */
function doc(description: string, formula?: string) {
  return formula === undefined ? { description } : { description, markdownDescription: `${description}\n\n\`${formula}\`` };
}

const SERIES_FORMS = "a single value (every year), a list with one value per year, {start, growth} (compounding) or {from, to} (a straight line)";

// The value types below say their meaning in `$comment`, not `description`: an editor that merges
// a `$ref` target into the referring property could otherwise show the type's text instead of the
// property's own description.
/** The keys that make a mapping a range (values.ts RANGE_KEYS). */
const RANGE_KEYS = ["low", "mode", "high", "p10", "p90"];
const isRangeMapping = { type: "object", anyOf: RANGE_KEYS.map((k) => ({ required: [k] })) };

/**
 * One value where a range may stand instead (docs/MODEL.md "Ranges"): a mapping is the range
 * form of the value type, anything else the value type itself. Only the numeric inputs of the
 * plan take ranges; check bounds, seasonality, fixed shares and tier requirements do not.
 */
function orRange(item: string) {
  return { if: { type: "object" }, then: ref(`range_${item}`), else: ref(item) };
}

function range(item: string, comment: string) {
  const end = (text: string) => ({ ...doc(text), ...ref(item) });
  return {
    $comment: comment,
    type: "object",
    additionalProperties: false,
    properties: {
      low: end("The lowest value the input can take (a triangular or PERT range); not above mode."),
      mode: end("The most likely value, which the plan's point figures use; between low and high."),
      high: end("The highest value the input can take; not below mode."),
      p10: end("The value the input stays above nine times in ten (a normal or lognormal range); below p90."),
      p90: end("The value the input stays below nine times in ten; above p10. The plan's point figures use the midpoint of p10 and p90."),
      dist: {
        ...doc("The distribution drawn by distplan simulate: triangular (default) or pert for low/mode/high; normal (default) or lognormal for p10/p90, fitted so that 10% of draws fall below p10 and 10% above p90."),
        enum: ["triangular", "pert", "normal", "lognormal"],
      },
    },
    if: { type: "object", anyOf: [{ required: ["p10"] }, { required: ["p90"] }] },
    then: { required: ["p10", "p90"] },
    else: { required: ["low", "mode", "high"] },
  };
}

function series(item: string, comment: string) {
  return {
    $comment: comment,
    if: { type: "array" },
    then: { type: "array", items: orRange(item), minItems: 1 },
    else: {
      if: { type: "object" },
      then: {
        if: { type: "object", anyOf: [{ required: ["start"] }, { required: ["growth"] }] },
        then: {
          type: "object",
          properties: {
            start: { ...doc("The value in the first year of the plan."), ...orRange(item) },
            growth: { ...doc("Growth per year, compounding: year t is start × (1 + growth)^t (t = 0 in the first year).", "value(t) = start × (1 + growth)^t"), ...orRange("percent") },
          },
          required: ["start", "growth"],
          additionalProperties: false,
        },
        else: {
          if: isRangeMapping,
          then: ref(`range_${item}`),
          else: {
            type: "object",
            properties: {
              from: { ...doc("The value in the first year; the years between follow a straight line to the value of to."), ...orRange(item) },
              to: { ...doc("The value in the last year of the plan.", "value(t) = (from × (n − 1 − t) + to × t) / (n − 1), n = years"), ...orRange(item) },
            },
            required: ["from", "to"],
            additionalProperties: false,
          },
        },
      },
      else: ref(item),
    },
  };
}

const mapOf = (value: object, description: string, formula?: string) => ({
  ...doc(description, formula),
  type: "object",
  propertyNames: ref("id"),
  additionalProperties: value,
});

const overrides = {
  price_discount: {
    ...doc("How far the end-customer price is below list, a percent series (default 0%). In by_segment: for that segment only.", "market_revenue = list_revenue × (1 − price_discount)"),
    ...ref("series_percent"),
  },
  partner_margin: {
    ...doc("Share of the end-customer price the partner keeps, a percent series (default 0%); indirect channels only. In by_segment: for that segment only.", "partner_margin = market_revenue × partner_margin; revenue = market_revenue − partner_margin"),
    ...ref("series_percent"),
  },
  acquisition_cost: {
    ...doc("Cost per new customer, money per customer (default 0), charged on the cell's new customers. In by_segment: for that segment only.", "acquisition_costs = new_customers × acquisition_cost"),
    ...ref("series_money"),
  },
  service_cost: {
    ...doc("Cost to serve one active customer for a year, money per customer per year (default 0). In by_segment: for that segment only.", "service_costs = customers × service_cost"),
    ...ref("series_money"),
  },
};

export const modelSchema = {
  $schema: "https://json-schema.org/draft/2020-12/schema",
  $id: "https://distplan.dev/schema/v1/distplan.schema.json",
  title: "distplan model (format version 1)",
  description: "One distribution plan: segments, channels, the channel mix, costs, scenarios and CI checks. Reference: docs/MODEL.md in the distplan package.",
  type: "object",
  additionalProperties: false,
  required: ["version", "name", "start_year", "segments", "channels", "mix"],
  properties: {
    version: { ...doc("Format version of the model file; must be 1."), const: 1 },
    name: { ...doc("The plan's name, shown in every report's title."), type: "string", minLength: 1 },
    currency: { ...doc("ISO 4217 code of every amount in the file (default EUR). It labels figures; nothing is converted."), type: "string", pattern: "^[A-Z]{3}$" },
    start_year: { ...doc("First calendar year of the plan (1900..2200); year t of the horizon is start_year + t."), type: "integer", minimum: 1900, maximum: 2200 },
    years: { ...doc("Horizon in years, 1..10 (default 5). Every list-form series has exactly this many values."), type: "integer", minimum: 1, maximum: 10 },
    discount_rate: {
      ...doc("Yearly discount rate for the NPV, a percent (default 0%); not negative.", "npv = Σ_t net_profit(t) / (1 + discount_rate)^(t+1)"),
      ...orRange("percent"),
    },
    segments: { ...doc("Customer segments (at least one): who buys, how many, at what list price and gross margin."), type: "array", minItems: 1, items: ref("segment") },
    channels: { ...doc("Sales channels (at least one): direct, indirect (partners) or e-commerce, each with its terms and costs."), type: "array", minItems: 1, items: ref("channel") },
    mix: mapOf(
      mapOf(
        { ...doc("Share of this segment's customers served by this channel, a percent series (0%..100%); a segment's shares add up to exactly 100% every year.", "cell customers = active customers × share"), ...ref("series_percent") },
        "The channel shares of one segment, by channel id; they add up to exactly 100% in every year.",
      ),
      "Channel mix: for every segment id, the share of its customers per channel id.",
    ),
    conflicts: { ...doc("Channel-conflict rules: what a seller channel pays an owner channel's partners for selling into their accounts."), type: "array", items: ref("conflict") },
    shared_costs: { ...doc("Costs no single channel causes (marketing, IT), allocated over the channels per year."), type: "array", items: ref("shared_cost") },
    scenarios: { ...doc("Variants of the plan: each changes some values of base (set), optionally starting from another scenario (extends); at most 500 in one model."), type: "array", maxItems: MAX_SCENARIOS, items: ref("scenario") },
    checks: { ...doc("CI gates evaluated by distplan check; without any, net profit ≥ 0 in every year of base."), type: "array", items: ref("check") },
    seasonality: {
      ...doc("How a year's revenue-driven flows spread over its quarters (4 weights) or months (12 weights), each a percent, together exactly 100%; used only to plan a partial period against actuals (distplan actuals). Without it every quarter is 25% and every month 1/12.", "plan(period) = plan(year) × Σ weights of the period"),
      type: "array", minItems: 4, maxItems: 12, items: ref("percent"),
    },
    optimise: {
      ...doc("Constraints for distplan optimise, which finds the channel mix per segment and year that maximises NPV or cumulative net profit. Every segment's shares always add up to 100%; the rest is declared here (or on the command line). Nothing else in the plan reads it."),
      type: "object",
      additionalProperties: false,
      properties: {
        max_shift: { ...doc("The most a channel's share of a segment may move from one year to the next, and in the first year from the plan's own first-year share, a percent (default 15%: the round table's rule that the MIX_SHIFT lint checks)."), ...ref("percent") },
        contribution_floor: { ...doc("Keep every channel's contribution at zero or above in every year (default true)."), type: "boolean" },
        checks: { ...doc("Keep the model's checks on the scenario optimised passing, where they are linear in the shares (default true): amounts, customers, the total's net profit, NPV and cumulative net profit; not ratios, nor a channel's net profit."), type: "boolean" },
        limits: {
          ...doc("Minimum and maximum shares: of one channel in one segment, or (without segment) in every segment whose mix names the channel."),
          type: "array",
          items: {
            type: "object",
            additionalProperties: false,
            required: ["channel"],
            anyOf: [{ required: ["min"] }, { required: ["max"] }],
            properties: {
              channel: { ...doc("The channel whose share is limited."), ...ref("id") },
              segment: { ...doc("The segment; without it, every segment whose mix names the channel."), ...ref("id") },
              min: { ...doc("The least share, a percent 0%..100%, in every year."), ...ref("percent") },
              max: { ...doc("The largest share, a percent 0%..100%, in every year."), ...ref("percent") },
            },
          },
        },
        exclude: {
          ...doc("Channels that may not serve a segment: their share of it is 0% in every year of the optimum."),
          type: "array",
          items: {
            type: "object",
            additionalProperties: false,
            required: ["segment", "channel"],
            properties: {
              segment: { ...doc("The segment."), ...ref("id") },
              channel: { ...doc("The channel that may not serve it."), ...ref("id") },
            },
          },
        },
      },
    },
    correlate: {
      ...doc("Pairs of uncertain inputs (ranges) whose draws in distplan simulate move together, each with a rank correlation; inputs not named are drawn independently. Ignored by every other command."),
      type: "array", items: ref("correlation"),
    },
  },
  $defs: {
    id: { $comment: "Lowercase id: a letter, then letters, digits, _ or -.", type: "string", pattern: ID },
    money: {
      $comment: 'An amount: a number, or a string with "_" separators and an optional k/M suffix ("1.4M").',
      type: ["number", "string"],
      pattern: MONEY,
    },
    count: {
      $comment: "A non-negative number of customers (fractions are expectations).",
      type: ["number", "string"],
      pattern: "^[0-9][0-9_]*(\\.[0-9]+)?[kM]?$",
      minimum: 0,
    },
    percent: {
      $comment: 'A percentage: "42%" or the fraction 0.42.',
      type: ["number", "string"],
      pattern: PERCENT,
      minimum: -1,
      maximum: 1,
    },
    bound: {
      $comment: 'A check bound: an amount, a count or a percentage ("10%").',
      type: ["number", "string"],
      pattern: "^-?[0-9][0-9_]*(\\.[0-9]+)?([kM]|%)?$",
    },
    range_money: range("money", "An amount as a range: { low, mode, high } or { p10, p90 }, with an optional dist."),
    range_count: range("count", "A count as a range: { low, mode, high } or { p10, p90 }, with an optional dist."),
    range_percent: range("percent", "A percentage as a range: { low, mode, high } or { p10, p90 }, with an optional dist."),
    correlation: {
      type: "object",
      additionalProperties: false,
      required: ["between", "rank"],
      properties: {
        between: {
          ...doc("The two uncertain inputs, by the name distplan simulate gives them: the dotted path of the range (segments.smb.churn, channels.webshop.acquisition_cost, segments.enterprise.revenue_per_customer.growth, segments.smb.churn.2029 for a year of a list)."),
          type: "array", items: { type: "string", minLength: 1 }, minItems: 2, maxItems: 2,
        },
        rank: { ...doc("The rank (Spearman) correlation of their draws, from −1 to 1."), type: "number", minimum: -1, maximum: 1 },
      },
    },
    series_money: series("money", `An amount per year: ${SERIES_FORMS}.`),
    series_count: series("count", `A count per year: ${SERIES_FORMS}.`),
    series_percent: series("percent", `A percentage per year: ${SERIES_FORMS}.`),
    segment: {
      type: "object",
      additionalProperties: false,
      required: ["id", "customers", "revenue_per_customer", "gross_margin"],
      properties: {
        id: { ...doc("The segment's id (lowercase: a letter, then letters, digits, _ or -), unique among segments; mix, by_segment, conflicts and checks refer to it."), ...ref("id") },
        name: { ...doc("Display name (default: the id)."), type: "string" },
        customers: { ...doc("Active customers at plan start (before the first year), a count; fractions are allowed (expectations)."), ...orRange("count") },
        new_customers: {
          ...doc("Customers acquired per year, a count series (default 0), capped by market_potential when set.", "new(t) = min(new_customers(t), max(0, market_potential(t) − retained(t)))"),
          ...ref("series_count"),
        },
        churn: {
          ...doc("Share of last year's active customers lost each year, a percent series 0%..100% (default 0%).", "retained(t) = active(t−1) × (1 − churn(t)); active(−1) = customers"),
          ...ref("series_percent"),
        },
        market_potential: {
          ...doc("Optional cap on active customers, a count series: new customers are capped at max(0, market_potential − retained); customers already above the cap are kept."),
          ...ref("series_count"),
        },
        revenue_per_customer: {
          ...doc("Annual revenue per active customer at list price, money per customer per year (a money series).", "list_revenue = customers × revenue_per_customer"),
          ...ref("series_money"),
        },
        gross_margin: {
          ...doc("Gross margin at list price, before any channel discount or partner margin, a percent series from −100% to 100%.", "cogs = list_revenue × (1 − gross_margin)"),
          ...ref("series_percent"),
        },
      },
    },
    overrides: { type: "object", additionalProperties: false, properties: overrides },
    channel: {
      type: "object",
      additionalProperties: false,
      required: ["id", "type"],
      properties: {
        id: { ...doc("The channel's id, unique among channels; mix, conflicts, shared_costs and checks refer to it."), ...ref("id") },
        name: { ...doc("Display name (default: the id)."), type: "string" },
        type: { ...doc("direct (own sales), indirect (partners who keep partner_margin) or ecommerce (webshop or marketplace)."), enum: ["direct", "indirect", "ecommerce"] },
        ...overrides,
        variable_costs: mapOf(
          { ...doc("A variable cost line: a percent series of the channel's revenue (0%..100%)."), ...ref("series_percent") },
          "Variable cost lines by name, each a share of this channel's revenue (commission, rebates, payment fees, a marketplace's commission).",
          "variable_costs = revenue × Σ rates",
        ),
        fixed_costs: mapOf(
          { ...doc("A fixed cost line: money per year (a money series), not negative."), ...ref("series_money") },
          "Fixed cost lines by name, money per year; they count every year, with or without customers in the channel.",
          "contribution = cm1 − fixed_costs + income",
        ),
        income: mapOf(
          { ...doc("An income line: money per year (a money series), not negative."), ...ref("series_money") },
          "Income lines by name, money per year paid to the vendor by partners (platform fees, a lead programme).",
          "contribution = cm1 − fixed_costs + income",
        ),
        by_segment: mapOf(
          { ...doc("Overrides of this channel's terms for one segment; a key left out keeps the channel's own value."), ...ref("overrides") },
          "Per-segment terms by segment id: price_discount, partner_margin, acquisition_cost, service_cost.",
        ),
        tiers: {
          ...doc(
            "The partner programme's tiers, lowest first (Registered, Silver, Gold); indirect channels only, and not together with partner_margin (the channel's or a by_segment one). Their shares of the channel's sell-out add up to exactly 100% every year.",
            "partner_margin = Σ_k share_k × tier_k.partner_margin",
          ),
          type: "array",
          minItems: 1,
          items: ref("tier"),
        },
      },
    },
    tier: {
      type: "object",
      additionalProperties: false,
      required: ["id", "partner_margin", "partners", "share"],
      properties: {
        id: { ...doc("The tier's id, unique within the channel."), ...ref("id") },
        name: { ...doc("Display name (default: the id)."), type: "string" },
        partner_margin: {
          ...doc("Share of the end-customer price a partner of this tier keeps, a percent series 0%..100%.", "tier partner_margin = tier sell-out × partner_margin"),
          ...ref("series_percent"),
        },
        rebate: {
          ...doc("Rebate paid to the tier's partners, a percent series of the vendor's sell-in revenue from the tier (default 0%); a vendor cost.", "rebate = tier revenue × rebate"),
          ...ref("series_percent"),
        },
        mdf: {
          ...doc("Market development funds for the tier's partners, a percent series of the vendor's sell-in revenue from the tier (default 0%); a vendor cost.", "mdf = tier revenue × mdf"),
          ...ref("series_percent"),
        },
        fee: {
          ...doc("What one partner of the tier pays the vendor per year (certification, platform, leads), a money series (default 0); channel income.", "fees = partners × fee"),
          ...ref("series_money"),
        },
        requires: { ...doc("What a partner needs over the trailing year to hold the tier."), ...ref("tier_requires") },
        grace: { ...doc("Reviews in a row a partner of this tier may miss its requirements before it drops one tier (default 0: at the first miss)."), type: "integer", minimum: 0, maximum: 12 },
        partners: { ...doc("Number of partners in the tier, a count series, not negative."), ...ref("series_count") },
        share: {
          ...doc("The tier's share of the channel's sell-out (market revenue), a percent series 0%..100%; the tiers' shares add up to exactly 100% every year.", "tier sell-out = market_revenue × share"),
          ...ref("series_percent"),
        },
      },
    },
    tier_requires: {
      type: "object",
      additionalProperties: false,
      required: ["revenue", "certified"],
      properties: {
        revenue: { ...doc("Sell-out a partner must reach in the trailing year, money, not negative."), ...ref("money") },
        certified: { ...doc("Certified people a partner must employ, a count, not negative."), ...ref("count") },
        specialisations: { ...doc("Specialisations a partner must hold (free-text names)."), type: "array", items: { type: "string", minLength: 1 } },
      },
    },
    conflict: {
      type: "object",
      additionalProperties: false,
      required: ["segment", "seller", "owner", "overlap", "compensation"],
      properties: {
        segment: { ...doc("The segment id the rule applies in."), ...ref("id") },
        seller: { ...doc("The channel id that sells into accounts another channel owns; it pays the compensation."), ...ref("id") },
        owner: { ...doc("The channel id that owns the accounts (usually the partners); a different channel from seller. It receives nothing in the model: the compensation goes to outside partners."), ...ref("id") },
        overlap: {
          ...doc("Share of the seller's revenue in this segment that touches the owner's accounts, a percent series 0%..100%.", "conflict_costs = revenue × overlap × compensation"),
          ...ref("series_percent"),
        },
        compensation: {
          ...doc("Paid to the partner, as a share of the overlapping revenue, a percent series 0%..100%; a cost of the seller's cell.", "conflict_costs = revenue × overlap × compensation"),
          ...ref("series_percent"),
        },
      },
    },
    shared_cost: {
      type: "object",
      additionalProperties: false,
      required: ["id", "amount", "allocate_by"],
      properties: {
        id: { ...doc("The shared cost's id, unique among shared costs."), ...ref("id") },
        amount: { ...doc("The cost per year, money (a money series), not negative; rounded to cents before it is split."), ...ref("series_money") },
        allocate_by: {
          ...doc(
            "How the cost is split over the channels each year: by a driver (revenue, gross_profit, contribution, customers, new_customers: the channel's footed figure that year, negative counts as 0), equal (all channels), or fixed shares {channel: share} adding up to 100%. Parts are whole cents by largest remainder.",
            "part(c) = amount × driver(c) / Σ driver",
          ),
          if: { type: "string" },
          then: { enum: ["revenue", "gross_profit", "contribution", "customers", "new_customers", "equal"] },
          else: { type: "object", minProperties: 1, propertyNames: ref("id"), additionalProperties: ref("percent") },
        },
      },
    },
    scenario: {
      type: "object",
      additionalProperties: false,
      required: ["id"],
      properties: {
        id: { ...doc("The scenario's id, unique among scenarios; not base (base is the model itself)."), ...ref("id") },
        name: { ...doc("Display name (default: the id)."), type: "string" },
        description: { ...doc("What the scenario tries, shown under its name."), type: "string" },
        extends: { ...doc("Another scenario's id (or base) to start from: its set is applied first. Cycles are an error."), ...ref("id") },
        set: {
          ...doc("Changes by dotted path → new value, each replacing the whole node at its path (no deep merge): list entries by id (channels.webshop.fixed_costs.platform), map entries by key (mix.smb.webshop). version, scenarios and checks cannot be set."),
          type: "object",
          propertyNames: { pattern: "^[a-z0-9_-]+(\\.[a-z0-9_-]+)*$" },
        },
      },
    },
    check: {
      type: "object",
      additionalProperties: false,
      required: ["metric"],
      properties: {
        name: { ...doc("Display name (default: the metric and its bounds)."), type: "string" },
        metric: {
          ...doc("The figure checked: an amount (revenue, market_revenue, gross_profit, cm1, contribution, net_profit, npv, cumulative_net_profit), a ratio (gross_margin, contribution_margin, net_margin) or customers. npv and cumulative_net_profit cover the whole horizon."),
          enum: [
            "revenue", "market_revenue", "gross_profit", "gross_margin", "cm1", "contribution",
            "contribution_margin", "net_profit", "net_margin", "customers", "npv", "cumulative_net_profit",
          ],
        },
        channel: { ...doc("Check this channel's figure instead of the total."), ...ref("id") },
        segment: { ...doc("Check this segment's figure over all its channels (revenue, market_revenue, gross_profit, gross_margin, cm1, customers only); not with channel."), ...ref("id") },
        years: {
          ...doc('Which years: all (default), last, a year (2029) or a range ("2029..2031"); every selected year must pass.'),
          if: { type: "integer" },
          then: { type: "integer" },
          else: { type: "string", pattern: "^(all|last|[0-9]{4}|[0-9]{4}\\.\\.[0-9]{4})$" },
        },
        scenarios: {
          ...doc("Which scenarios: [base] (default), a list of ids, or all."),
          if: { type: "string" },
          then: { const: "all" },
          else: { type: "array", items: ref("id"), minItems: 1 },
        },
        min: { ...doc('Lowest passing value (inclusive): an amount or count, or a percentage ("10%") for a ratio metric.'), ...ref("bound") },
        max: { ...doc('Highest passing value (inclusive): an amount or count, or a percentage ("10%") for a ratio metric.'), ...ref("bound") },
        kind: {
          ...doc("bound (default): the projected figure must lie within min and max. variance: the year-to-date actual of metric (revenue or contribution) per channel may fall at most max_below under plan; evaluated only by distplan check --actuals FILE."),
          enum: ["bound", "variance"],
        },
        max_below: { ...doc('For kind variance: how far the year-to-date actual may fall under plan before the check fails, an amount ("250k") or a percentage of the plan ("10%"); not negative.'), ...ref("bound") },
      },
    },
  },
} as const;

// The schema and the ModelFile type describe the same keys; these compile-time checks fail the
// build (tsc) when one gains or loses a key the other lacks.
type SameKeys<A, B> = [Exclude<A, B>, Exclude<B, A>] extends [never, never] ? true : { missing: Exclude<B, A>; extra: Exclude<A, B> };
type Keys<T> = keyof T & string;
type PropsOf<D> = D extends { properties: infer P } ? Keys<P> : never;
type Defs = (typeof modelSchema)["$defs"];
export const SCHEMA_MATCHES_TYPES: [
  SameKeys<PropsOf<typeof modelSchema>, Keys<ModelFile>>,
  SameKeys<PropsOf<Defs["segment"]>, Keys<SegmentFile>>,
  SameKeys<PropsOf<Defs["channel"]>, Keys<ChannelFile>>,
  SameKeys<PropsOf<Defs["overrides"]>, Keys<ChannelOverridesFile>>,
  SameKeys<PropsOf<Defs["conflict"]>, Keys<ConflictFile>>,
  SameKeys<PropsOf<Defs["shared_cost"]>, Keys<SharedCostFile>>,
  SameKeys<PropsOf<Defs["scenario"]>, Keys<ScenarioFile>>,
  SameKeys<PropsOf<Defs["check"]>, Keys<CheckFile>>,
  SameKeys<PropsOf<Defs["tier"]>, Keys<TierFile>>,
  SameKeys<PropsOf<Defs["tier_requires"]>, Keys<TierRequiresFile>>,
  SameKeys<PropsOf<Defs["range_money"]>, Keys<RangeFile>>,
  SameKeys<PropsOf<Defs["correlation"]>, Keys<CorrelationFile>>,
] = [true, true, true, true, true, true, true, true, true, true, true, true];
