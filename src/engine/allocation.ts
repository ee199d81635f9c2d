// Shared-cost allocation (docs/MODEL.md §6). Each shared cost, rounded to the currency's minor unit (cents
// for EUR), is split over channels in proportion to a driver taken from the same year's footed
// figures; parts are whole minor units that
// add up to the cost exactly (largest remainder). Negative drivers count as zero, and when every
// driver is zero the cost is split equally; both say so in a warning.
import { ZERO, ONE, splitByLargestRemainder, toMinorUnit, type Decimal } from "../money/decimal.js";
import type { Allocation, AllocationMethod, Model } from "../model/types.js";
import { ALLOCATION_VIEWS, type AllocationComparison, type AllocationView, type EngineWarning, type ScenarioProjection } from "./projection-types.js";
import { recordOf } from "../model/records.js";

export type Drivers = Readonly<Record<"revenue" | "gross_profit" | "contribution" | "customers" | "new_customers", Decimal>>;

export interface AllocationResult {
  /** Part per channel, in the order of `channelIds`. */
  readonly parts: readonly Decimal[];
  readonly warning: EngineWarning | null;
}

export function allocateSharedCost(
  amount: Decimal,
  allocation: Allocation,
  channelIds: readonly string[],
  drivers: readonly Drivers[],
  where: { scenario: string; year: number; sharedCost: string },
  places = 2,
): AllocationResult {
  const total = toMinorUnit(amount, places);
  if (channelIds.length === 0) return { parts: [], warning: null };
  if (allocation.kind === "shares") {
    const weights = channelIds.map((id) => allocation.shares[id] ?? ZERO);
    return { parts: splitByLargestRemainder(total, weights, places), warning: null };
  }
  return allocateByMethod(total, allocation.method, channelIds, drivers, where, places);
}

export function allocateByMethod(
  total: Decimal,
  method: AllocationMethod,
  channelIds: readonly string[],
  drivers: readonly Drivers[],
  where: { scenario: string; year: number; sharedCost: string },
  places = 2,
): AllocationResult {
  const equal = channelIds.map(() => ONE);
  if (method === "equal") return { parts: splitByLargestRemainder(total, equal, places), warning: null };
  const raw = drivers.map((d) => d[method]);
  const negative = channelIds.filter((_, i) => raw[i]!.isNegative());
  const weights = raw.map((v) => (v.isNegative() ? ZERO : v));
  if (weights.every((w) => w.isZero())) {
    return { parts: splitByLargestRemainder(total, equal, places), warning: { code: "ZERO_DRIVERS", ...where, method } };
  }
  const warning: EngineWarning | null = negative.length > 0 ? { code: "NEGATIVE_DRIVER", ...where, method, channels: negative } : null;
  return { parts: splitByLargestRemainder(total, weights, places), warning };
}

/**
 * Every channel's shared costs and net profit under each allocation method side by side (the
 * `--allocations` view): contribution decides, allocation only informs. Each method allocates
 * all shared costs of the year; "as_modelled" is what the model says, cost by cost.
 */
export function compareAllocations(model: Model, scenario: ScenarioProjection): AllocationComparison {
  const warnings: EngineWarning[] = [];
  const channelIds = scenario.channelIds;
  const years = scenario.years.map((y, t) => {
    const drivers: Drivers[] = channelIds.map((id) => y.channels[id]!);
    const views = {} as Record<AllocationView, Decimal[]>;
    for (const view of ALLOCATION_VIEWS) {
      if (view === "as_modelled") { views[view] = channelIds.map((id) => y.channels[id]!.shared_costs); continue; }
      const totals = channelIds.map(() => ZERO);
      for (const shared of model.sharedCosts) {
        const result = allocateByMethod(toMinorUnit(shared.amount[t]!, model.minorUnits), view, channelIds, drivers, { scenario: scenario.id, year: y.year, sharedCost: shared.id }, model.minorUnits);
        if (result.warning) warnings.push(result.warning);
        result.parts.forEach((p, i) => { totals[i] = totals[i]!.plus(p); });
      }
      views[view] = totals;
    }
    const channels = recordOf(channelIds.map((id, i) => {
      const contribution = y.channels[id]!.contribution;
      const perView = Object.fromEntries(ALLOCATION_VIEWS.map((v) => [v, { shared_costs: views[v][i]!, net_profit: contribution.minus(views[v][i]!) }]));
      return [id, { contribution, views: perView as AllocationComparison["years"][number]["channels"][string]["views"] }] as const;
    }));
    return { year: y.year, channels };
  });
  return { scenario: scenario.id, years, warnings };
}
