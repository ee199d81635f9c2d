// Two shapes of one plan. `ModelFile` is the YAML as written (after the JSON Schema accepted it);
// `Model` is normalized once by `normalize.ts`: Decimal values, every series expanded to one value
// per year, defaults applied. Nothing downstream of normalize ever sees a raw number or a gap.
import type { Decimal } from "../money/decimal.js";

// ---- as written ------------------------------------------------------------------------------
/** A number as written, one value: 250000, "250k", "18%". */
export type ScalarInput = number | string;
export const DISTRIBUTIONS = ["triangular", "pert", "normal", "lognormal"] as const;
export type Distribution = (typeof DISTRIBUTIONS)[number];
/**
 * A range where a value may stand (docs/MODEL.md "Ranges"): { low, mode, high } (triangular, or
 * PERT) or { p10, p90 } (normal, or lognormal). The plan's point figures use the mode, or the
 * midpoint of p10 and p90; `distplan simulate` draws from the distribution.
 */
export interface RangeFile {
  low?: ScalarInput;
  mode?: ScalarInput;
  high?: ScalarInput;
  p10?: ScalarInput;
  p90?: ScalarInput;
  dist?: Distribution;
}
export type MoneyInput = ScalarInput | RangeFile;
export type PercentInput = ScalarInput | RangeFile;
export type SeriesInput<T> = T | T[] | { start: T; growth: PercentInput } | { from: T; to: T };

export interface SegmentFile {
  id: string;
  name?: string;
  customers: MoneyInput;
  new_customers?: SeriesInput<MoneyInput>;
  churn?: SeriesInput<PercentInput>;
  market_potential?: SeriesInput<MoneyInput>;
  revenue_per_customer: SeriesInput<MoneyInput>;
  gross_margin: SeriesInput<PercentInput>;
}

export const CHANNEL_TYPES = ["direct", "indirect", "ecommerce"] as const;
export type ChannelType = (typeof CHANNEL_TYPES)[number];

export interface ChannelOverridesFile {
  price_discount?: SeriesInput<PercentInput>;
  partner_margin?: SeriesInput<PercentInput>;
  acquisition_cost?: SeriesInput<MoneyInput>;
  service_cost?: SeriesInput<MoneyInput>;
}

export interface ChannelFile extends ChannelOverridesFile {
  id: string;
  name?: string;
  type: ChannelType;
  variable_costs?: Record<string, SeriesInput<PercentInput>>;
  fixed_costs?: Record<string, SeriesInput<MoneyInput>>;
  income?: Record<string, SeriesInput<MoneyInput>>;
  by_segment?: Record<string, ChannelOverridesFile>;
  tiers?: TierFile[];
}

export interface TierRequiresFile {
  revenue: MoneyInput;
  certified: MoneyInput;
  specialisations?: string[];
}

export interface TierFile {
  id: string;
  name?: string;
  partner_margin: SeriesInput<PercentInput>;
  rebate?: SeriesInput<PercentInput>;
  mdf?: SeriesInput<PercentInput>;
  fee?: SeriesInput<MoneyInput>;
  requires?: TierRequiresFile;
  grace?: number;
  partners: SeriesInput<MoneyInput>;
  share: SeriesInput<PercentInput>;
}

export interface ConflictFile {
  segment: string;
  seller: string;
  owner: string;
  overlap: SeriesInput<PercentInput>;
  compensation: SeriesInput<PercentInput>;
}

export const ALLOCATION_DRIVERS = ["revenue", "gross_profit", "contribution", "customers", "new_customers"] as const;
export type AllocationDriver = (typeof ALLOCATION_DRIVERS)[number];
export type AllocationMethod = AllocationDriver | "equal";

export interface SharedCostFile {
  id: string;
  amount: SeriesInput<MoneyInput>;
  allocate_by: AllocationMethod | Record<string, PercentInput>;
}

export interface ScenarioFile {
  id: string;
  name?: string;
  description?: string;
  extends?: string;
  set?: Record<string, unknown>;
}

export const CHECK_METRICS = [
  "revenue", "market_revenue", "gross_profit", "gross_margin", "cm1", "contribution",
  "contribution_margin", "net_profit", "net_margin", "customers", "npv", "cumulative_net_profit",
] as const;
export type CheckMetric = (typeof CHECK_METRICS)[number];
/** The metrics a cell (segment × channel) has; a segment-scoped check may use only these. */
export const SEGMENT_METRICS: readonly CheckMetric[] = [
  "revenue", "market_revenue", "gross_profit", "gross_margin", "cm1", "customers",
];
export const RATIO_METRICS: readonly CheckMetric[] = ["gross_margin", "contribution_margin", "net_margin"];
export const HORIZON_METRICS: readonly CheckMetric[] = ["npv", "cumulative_net_profit"];

export interface CheckFile {
  name?: string;
  kind?: "bound" | "variance";
  max_below?: MoneyInput;
  metric: CheckMetric;
  channel?: string;
  segment?: string;
  years?: number | string;
  scenarios?: string[] | "all";
  min?: MoneyInput;
  max?: MoneyInput;
}

export interface ModelFile {
  version: 1;
  name: string;
  currency?: string;
  start_year: number;
  years?: number;
  discount_rate?: PercentInput;
  segments: SegmentFile[];
  channels: ChannelFile[];
  mix: Record<string, Record<string, SeriesInput<PercentInput>>>;
  conflicts?: ConflictFile[];
  shared_costs?: SharedCostFile[];
  scenarios?: ScenarioFile[];
  checks?: CheckFile[];
  seasonality?: PercentInput[];
  optimise?: OptimiseFile;
  correlate?: CorrelationFile[];
}

/** `optimise:` — the constraints `distplan optimise` applies (docs/MODEL.md §14f). */
export interface OptimiseFile {
  max_shift?: PercentInput;
  contribution_floor?: boolean;
  checks?: boolean;
  limits?: { channel: string; segment?: string; min?: PercentInput; max?: PercentInput }[];
  exclude?: { segment: string; channel: string }[];
}

/** Two uncertain inputs (ranges) whose draws move together: a rank correlation from −1 to 1. */
export interface CorrelationFile {
  between: [string, string];
  rank: number;
}

// ---- normalized ------------------------------------------------------------------------------
/** One value per year of the horizon, index t = 0..years-1. */
export type Series = readonly Decimal[];

export interface Segment {
  readonly id: string;
  readonly name: string;
  readonly customers: Decimal;
  readonly newCustomers: Series;
  readonly churn: Series;
  readonly marketPotential: Series | null;
  readonly revenuePerCustomer: Series;
  readonly grossMargin: Series;
}

export interface ChannelTerms {
  readonly priceDiscount: Series;
  readonly partnerMargin: Series;
  readonly acquisitionCost: Series;
  readonly serviceCost: Series;
  /** A tiered channel's rebates as a rate of the cell's market revenue (sell-out):
   *  Σ_k share_k × (1 − margin_k) × rebate_k, the rebate on the vendor's sell-in of each tier.
   *  Empty for a channel without tiers (no rebate line). */
  readonly rebateRate: Series;
  /** The same for market development funds: Σ_k share_k × (1 − margin_k) × mdf_k; empty without tiers. */
  readonly mdfRate: Series;
}

export interface Line {
  readonly name: string;
  readonly values: Series;
}

export interface Channel {
  readonly id: string;
  readonly name: string;
  readonly type: ChannelType;
  /** Terms for a segment: the channel's own, with the by_segment override applied. */
  readonly terms: Readonly<Record<string, ChannelTerms>>;
  readonly defaultTerms: ChannelTerms;
  readonly variableCosts: readonly Line[];
  readonly fixedCosts: readonly Line[];
  readonly income: readonly Line[];
  /** The partner programme's tiers, lowest first; empty when the channel has none. */
  readonly tiers: readonly Tier[];
}

export interface Tier {
  readonly id: string;
  readonly name: string;
  readonly partnerMargin: Series;
  readonly rebate: Series;
  readonly mdf: Series;
  /** Money per partner per year, paid by the partner. */
  readonly fee: Series;
  readonly requires: { readonly revenue: Decimal; readonly certified: Decimal; readonly specialisations: readonly string[] } | null;
  /** Reviews in a row a partner may miss the requirements before it drops one tier. */
  readonly grace: number;
  readonly partners: Series;
  /** Share of the channel's sell-out; the tiers' shares add up to 1 every year. */
  readonly share: Series;
}

export interface Conflict {
  readonly segment: string;
  readonly seller: string;
  readonly owner: string;
  readonly overlap: Series;
  readonly compensation: Series;
}

export type Allocation =
  | { readonly kind: "method"; readonly method: AllocationMethod }
  | { readonly kind: "shares"; readonly shares: Readonly<Record<string, Decimal>> };

export interface SharedCost {
  readonly id: string;
  readonly amount: Series;
  readonly allocation: Allocation;
}

export type YearSelector =
  | { readonly kind: "all" }
  | { readonly kind: "last" }
  | { readonly kind: "range"; readonly from: number; readonly to: number };

export interface Check {
  readonly index: number;
  readonly name: string;
  readonly metric: CheckMetric;
  readonly channel: string | null;
  readonly segment: string | null;
  readonly years: YearSelector;
  readonly scenarios: readonly string[] | "all";
  readonly min: Decimal | null;
  readonly max: Decimal | null;
  /**
   * A variance check (kind: variance): the year-to-date actual of `metric` (revenue or
   * contribution) may fall at most `below` under plan, an amount or (ratio) a fraction of the plan.
   * Evaluated only against actuals (check --actuals); null for a bound check.
   */
  readonly variance?: { readonly below: Decimal; readonly ratio: boolean } | null;
}

/** How a year's flows spread over its quarters or months: weights as fractions adding up to 1. */
export interface Seasonality {
  readonly kind: "quarters" | "months";
  /** 4 or 12 weights, in calendar order. */
  readonly weights: readonly Decimal[];
}

export interface ScenarioInfo {
  readonly id: string;
  readonly name: string;
  readonly description: string;
}

export interface Model {
  readonly name: string;
  readonly currency: string;
  /** Decimals of the currency's minor unit (ISO 4217: EUR 2, JPY 0, KWD 3): money rounds to it. */
  readonly minorUnits: number;
  readonly startYear: number;
  readonly years: number;
  readonly discountRate: Decimal;
  readonly segments: readonly Segment[];
  readonly channels: readonly Channel[];
  /** mix[segment][channel]: the share per year, in the order written. */
  readonly mix: Readonly<Record<string, Readonly<Record<string, Series>>>>;
  readonly conflicts: readonly Conflict[];
  readonly sharedCosts: readonly SharedCost[];
  readonly checks: readonly Check[];
  /** How each year spreads over its quarters or months when actuals are compared; null: evenly. */
  readonly seasonality: Seasonality | null;
  /** The optimiser's constraints declared in the model (`optimise:`); absent or null: none declared. */
  readonly optimise?: OptimiseSettings | null;
}

export interface OptimiseSettings {
  /** null: the default (the MIX_SHIFT lint's 15 points). */
  readonly maxShift: Decimal | null;
  /** null: the default (on). */
  readonly contributionFloor: boolean | null;
  /** null: the default (on). */
  readonly checks: boolean | null;
  readonly limits: readonly { readonly channel: string; readonly segment: string | null; readonly min: Decimal | null; readonly max: Decimal | null }[];
  readonly exclusions: readonly { readonly segment: string; readonly channel: string }[];
}
