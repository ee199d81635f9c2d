// The JSON Schema (draft 2020-12) of model format v1: the single source of truth for structure.
// `distplan schema` prints it, `models/distplan.schema.json` is generated from it (a test fails
// when the committed copy is stale), and the build precompiles it into a standalone validator.
// Values (money "1.4M", percent "42%") are checked for form here and parsed in normalize.ts.
//
// Series use if/then/else instead of oneOf on purpose: a validator then reports the errors of the
// one branch the value's shape selects, so a user reads one precise error, not every alternative.

import type { ChannelFile, ChannelOverridesFile, CheckFile, ConflictFile, ModelFile, ScenarioFile, SegmentFile, SharedCostFile } from "./types.js";

const ID = "^[a-z][a-z0-9_-]*$";
const MONEY = "^-?[0-9][0-9_]*(\\.[0-9]+)?[kM]?$";
const PERCENT = "^-?[0-9]+(\\.[0-9]+)?%$";

const ref = (name: string) => ({ $ref: `#/$defs/${name}` });

function series(item: string, description: string) {
  return {
    description,
    if: { type: "array" },
    then: { type: "array", items: ref(item), minItems: 1 },
    else: {
      if: { type: "object" },
      then: {
        if: { type: "object", anyOf: [{ required: ["start"] }, { required: ["growth"] }] },
        then: {
          type: "object",
          properties: { start: ref(item), growth: ref("percent") },
          required: ["start", "growth"],
          additionalProperties: false,
        },
        else: {
          type: "object",
          properties: { from: ref(item), to: ref(item) },
          required: ["from", "to"],
          additionalProperties: false,
        },
      },
      else: ref(item),
    },
  };
}

const mapOf = (value: object, description: string) => ({
  description,
  type: "object",
  propertyNames: ref("id"),
  additionalProperties: value,
});

const overrides = {
  price_discount: ref("series_percent"),
  partner_margin: ref("series_percent"),
  acquisition_cost: ref("series_money"),
  service_cost: ref("series_money"),
};

export const modelSchema = {
  $schema: "https://json-schema.org/draft/2020-12/schema",
  $id: "https://distplan.dev/schema/v1/distplan.schema.json",
  title: "distplan model (format version 1)",
  description: "One distribution plan: segments, channels, the channel mix, costs, scenarios and CI checks.",
  type: "object",
  additionalProperties: false,
  required: ["version", "name", "start_year", "segments", "channels", "mix"],
  properties: {
    version: { description: "Format version; must be 1.", const: 1 },
    name: { description: "The plan's name.", type: "string", minLength: 1 },
    currency: { description: "ISO 4217 code (default EUR).", type: "string", pattern: "^[A-Z]{3}$" },
    start_year: { description: "First calendar year of the plan.", type: "integer", minimum: 1900, maximum: 2200 },
    years: { description: "Horizon in years, 1..10 (default 5).", type: "integer", minimum: 1, maximum: 10 },
    discount_rate: { description: "Discount rate for NPV (default 0%).", ...ref("percent") },
    segments: { type: "array", minItems: 1, items: ref("segment") },
    channels: { type: "array", minItems: 1, items: ref("channel") },
    mix: mapOf(
      mapOf(ref("series_percent"), "Share of the segment's customers per channel; 100% per year."),
      "Channel mix per segment.",
    ),
    conflicts: { type: "array", items: ref("conflict") },
    shared_costs: { type: "array", items: ref("shared_cost") },
    scenarios: { type: "array", items: ref("scenario") },
    checks: { type: "array", items: ref("check") },
  },
  $defs: {
    id: { type: "string", pattern: ID, description: "Lowercase id: a letter, then letters, digits, _ or -." },
    money: {
      description: 'An amount: a number, or a string with "_" separators and an optional k/M suffix ("1.4M").',
      type: ["number", "string"],
      pattern: MONEY,
    },
    count: {
      description: "A non-negative number of customers (fractions are expectations).",
      type: ["number", "string"],
      pattern: "^[0-9][0-9_]*(\\.[0-9]+)?[kM]?$",
      minimum: 0,
    },
    percent: {
      description: 'A percentage: "42%" or the fraction 0.42.',
      type: ["number", "string"],
      pattern: PERCENT,
      minimum: -1,
      maximum: 1,
    },
    bound: {
      description: 'A check bound: an amount, a count or a percentage ("10%").',
      type: ["number", "string"],
      pattern: "^-?[0-9][0-9_]*(\\.[0-9]+)?([kM]|%)?$",
    },
    series_money: series("money", "An amount per year: scalar, one per year, {start, growth} or {from, to}."),
    series_count: series("count", "A count per year: scalar, one per year, {start, growth} or {from, to}."),
    series_percent: series("percent", "A percentage per year: scalar, one per year, {start, growth} or {from, to}."),
    segment: {
      type: "object",
      additionalProperties: false,
      required: ["id", "customers", "revenue_per_customer", "gross_margin"],
      properties: {
        id: ref("id"),
        name: { type: "string" },
        customers: { description: "Active customers at plan start.", ...ref("count") },
        new_customers: { description: "Customers acquired per year (default 0).", ...ref("series_count") },
        churn: { description: "Share of last year's customers lost each year (default 0%).", ...ref("series_percent") },
        market_potential: { description: "Optional cap on active customers.", ...ref("series_count") },
        revenue_per_customer: { description: "Annual revenue per customer at list price.", ...ref("series_money") },
        gross_margin: { description: "Gross margin at list price, at most 100%.", ...ref("series_percent") },
      },
    },
    overrides: { type: "object", additionalProperties: false, properties: overrides },
    channel: {
      type: "object",
      additionalProperties: false,
      required: ["id", "type"],
      properties: {
        id: ref("id"),
        name: { type: "string" },
        type: { enum: ["direct", "indirect", "ecommerce"] },
        ...overrides,
        variable_costs: mapOf(ref("series_percent"), "Cost lines as a share of this channel's revenue."),
        fixed_costs: mapOf(ref("series_money"), "Cost lines per year."),
        income: mapOf(ref("series_money"), "Income per year paid by partners (platform fees, lead programme)."),
        by_segment: mapOf(ref("overrides"), "Per-segment overrides of price_discount, partner_margin, acquisition_cost, service_cost."),
      },
    },
    conflict: {
      type: "object",
      additionalProperties: false,
      required: ["segment", "seller", "owner", "overlap", "compensation"],
      properties: {
        segment: ref("id"),
        seller: ref("id"),
        owner: ref("id"),
        overlap: ref("series_percent"),
        compensation: ref("series_percent"),
      },
    },
    shared_cost: {
      type: "object",
      additionalProperties: false,
      required: ["id", "amount", "allocate_by"],
      properties: {
        id: ref("id"),
        amount: ref("series_money"),
        allocate_by: {
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
        id: ref("id"),
        name: { type: "string" },
        description: { type: "string" },
        extends: ref("id"),
        set: {
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
        name: { type: "string" },
        metric: {
          enum: [
            "revenue", "market_revenue", "gross_profit", "gross_margin", "cm1", "contribution",
            "contribution_margin", "net_profit", "net_margin", "customers", "npv", "cumulative_net_profit",
          ],
        },
        channel: ref("id"),
        segment: ref("id"),
        years: {
          if: { type: "integer" },
          then: { type: "integer" },
          else: { type: "string", pattern: "^(all|last|[0-9]{4}|[0-9]{4}\\.\\.[0-9]{4})$" },
        },
        scenarios: {
          if: { type: "string" },
          then: { const: "all" },
          else: { type: "array", items: ref("id"), minItems: 1 },
        },
        min: ref("bound"),
        max: ref("bound"),
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
] = [true, true, true, true, true, true, true, true];
