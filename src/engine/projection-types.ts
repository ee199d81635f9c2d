// The Projection: the data structure every renderer reads (hledger's "simple intermediate data
// structures"). All money is already footed: cents, and every total is the sum of the parts
// shown (docs/MODEL.md §8). Ratios are exact quotients of footed figures; renderers only round them.
import type { Decimal } from "../money/decimal.js";
import type { AllocationMethod } from "../model/types.js";

export const CELL_FIELDS = [
  "customers", "new_customers", "list_revenue", "market_revenue", "partner_margin", "revenue", "cogs",
  "gross_profit", "variable_costs", "rebates", "mdf", "acquisition_costs", "service_costs", "conflict_costs", "cm1",
] as const;
export type CellField = (typeof CELL_FIELDS)[number];

export const CHANNEL_MONEY_FIELDS = [...CELL_FIELDS, "fixed_costs", "income", "contribution", "shared_costs", "net_profit"] as const;
export type ChannelField = (typeof CHANNEL_MONEY_FIELDS)[number];

export const RATIO_FIELDS = ["gross_margin", "contribution_margin", "net_margin"] as const;
export type RatioField = (typeof RATIO_FIELDS)[number];

/** Figures counted in customers (2 decimals) rather than money (cents). */
export const COUNT_FIELDS: readonly string[] = ["customers", "new_customers"];

export type CellFigures = Readonly<Record<CellField, Decimal>>;
export type Ratios = Readonly<Record<RatioField, Decimal | null>>;

export interface ChannelYear extends Readonly<Record<ChannelField, Decimal>>, Ratios {
  /** A cell for every segment whose mix names this channel (even at a 0% share). */
  readonly segments: Readonly<Record<string, CellFigures>>;
  /** This channel's part of each shared cost, by shared-cost id. */
  readonly shared_cost_parts: Readonly<Record<string, Decimal>>;
}

export interface TotalYear extends Readonly<Record<ChannelField, Decimal>>, Ratios {
  readonly cumulative_net_profit: Decimal;
}

export interface SegmentYear extends CellFigures {
  readonly gross_margin: Decimal | null;
}

export interface YearProjection {
  readonly year: number;
  readonly channels: Readonly<Record<string, ChannelYear>>;
  /** Each segment over all channels that serve it. */
  readonly segments: Readonly<Record<string, SegmentYear>>;
  readonly total: TotalYear;
}

export type EngineWarning =
  | { readonly code: "NEGATIVE_DRIVER"; readonly scenario: string; readonly year: number; readonly sharedCost: string; readonly method: string; readonly channels: readonly string[] }
  | { readonly code: "ZERO_DRIVERS"; readonly scenario: string; readonly year: number; readonly sharedCost: string; readonly method: string };

/** One tier's part of its channel's P&L in a year (docs/MODEL.md §14a, "Per tier"). */
export interface TierLineYear {
  readonly year: number;
  readonly sellOut: Decimal;
  readonly partnerMargin: Decimal;
  readonly rebates: Decimal;
  readonly mdf: Decimal;
  /** partners × fee, the channel's income line fees.<tier>, rounded as that line is. */
  readonly fees: Decimal;
  readonly partners: Decimal;
  /** Exact; null when the tier has no partners that year. */
  readonly sellOutPerPartner: Decimal | null;
}

export interface TierRows {
  readonly id: string;
  readonly name: string;
  readonly years: readonly TierLineYear[];
}

export interface ScenarioProjection {
  readonly id: string;
  readonly name: string;
  readonly description: string;
  readonly channelIds: readonly string[];
  readonly segmentIds: readonly string[];
  readonly years: readonly YearProjection[];
  /** The scenario's own discount rate (a scenario may set it); its NPV is at this rate. */
  readonly discountRate: Decimal;
  readonly npv: Decimal;
  readonly cumulativeNetProfit: Decimal;
  readonly warnings: readonly EngineWarning[];
  /** Each tiered channel's figures split over its tiers, by channel id (made on first read). */
  readonly tiers: Readonly<Record<string, readonly TierRows[]>>;
}

export interface Projection {
  readonly name: string;
  readonly currency: string;
  /** Decimals of the currency's minor unit (EUR 2, JPY 0, KWD 3): every amount is a whole number of them. */
  readonly minorUnits: number;
  readonly years: readonly number[];
  /** Base's discount rate; a scenario's own is ScenarioProjection.discountRate. */
  readonly discountRate: Decimal;
  /** The one discount rate of every scenario shown, or null when they differ. */
  readonly commonDiscountRate: Decimal | null;
  readonly scenarios: readonly ScenarioProjection[];
  /** Whether a channel of the model has partner tiers: only then do views show the lines
   *  `rebates` and `mdf` (always zero otherwise), so a model without tiers reads as it always did. */
  readonly tierLines: boolean;
}

export type AllocationView = "as_modelled" | AllocationMethod;
export const ALLOCATION_VIEWS: readonly AllocationView[] = [
  "as_modelled", "revenue", "gross_profit", "contribution", "customers", "new_customers", "equal",
];

/** Each channel's shared costs and net profit when all shared costs go by one method. */
export interface AllocationComparison {
  readonly scenario: string;
  readonly years: readonly {
    readonly year: number;
    readonly channels: Readonly<Record<string, { readonly contribution: Decimal; readonly views: Readonly<Record<AllocationView, { readonly shared_costs: Decimal; readonly net_profit: Decimal }>> }>>;
  }[];
  readonly warnings: readonly EngineWarning[];
}
