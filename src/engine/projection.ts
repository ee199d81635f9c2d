// Model → Projection (SPEC §3). Pure: no I/O, no clock, no environment. The exact figures of each
// cell are computed at full precision, then footed: the leaves are rounded to cents (customers to
// 2 decimals) and everything above them (cell subtotals, channels, totals) is added up from the
// rounded leaves, so every figure shown is the sum of the parts shown.
import { Decimal, ONE, ZERO, cents, roundTo, sum } from "./decimal.js";
import { projectCustomers, type CustomerFlow } from "./customers.js";
import { allocateSharedCost, type Drivers } from "./allocation.js";
import {
  CELL_FIELDS, CHANNEL_MONEY_FIELDS,
  type CellFigures, type CellField, type ChannelField, type ChannelYear, type EngineWarning, type Projection,
  type Ratios, type ScenarioProjection, type SegmentYear, type TotalYear, type YearProjection,
} from "./projection-types.js";
import type { Channel, Model } from "../model/types.js";
import type { ScenarioModel } from "../model/load.js";

export function projectScenarios(scenarios: readonly ScenarioModel[]): Projection {
  const base = scenarios[0]!.model;
  return {
    name: base.name,
    currency: base.currency,
    years: Array.from({ length: base.years }, (_, t) => base.startYear + t),
    discountRate: base.discountRate,
    scenarios: scenarios.map((s) => projectModel(s.model, s)),
  };
}

export function projectModel(model: Model, info: { id: string; name: string; description: string } = { id: "base", name: "base", description: "" }): ScenarioProjection {
  const flows = new Map<string, CustomerFlow>(model.segments.map((s) => [s.id, projectCustomers(s, model.years)]));
  const channelIds = model.channels.map((c) => c.id);
  const warnings: EngineWarning[] = [];
  const years: YearProjection[] = [];
  let cumulative = ZERO;
  let npv = ZERO;
  const discountFactor = ONE.plus(model.discountRate);

  for (let t = 0; t < model.years; t++) {
    const year = model.startYear + t;
    const partial = model.channels.map((channel) => channelBeforeAllocation(model, channel, t, flows));
    const drivers: Drivers[] = partial.map((p) => ({
      revenue: p.figures.revenue, gross_profit: p.figures.gross_profit, contribution: p.figures.contribution,
      customers: p.figures.customers, new_customers: p.figures.new_customers,
    }));
    const parts = partial.map(() => ({} as Record<string, Decimal>));
    for (const shared of model.sharedCosts) {
      const result = allocateSharedCost(shared.amount[t]!, shared.allocation, channelIds, drivers, { scenario: info.id, year, sharedCost: shared.id });
      if (result.warning) warnings.push(result.warning);
      result.parts.forEach((part, i) => { parts[i]![shared.id] = part; });
    }
    const channels: Record<string, ChannelYear> = {};
    partial.forEach((p, i) => {
      const shared_costs = sum(Object.values(parts[i]!));
      const net_profit = p.figures.contribution.minus(shared_costs);
      const figures = { ...p.figures, shared_costs, net_profit };
      channels[channelIds[i]!] = { ...figures, ...ratios(figures), segments: p.segments, shared_cost_parts: parts[i]! };
    });
    const totalFigures = sumFields(Object.values(channels), CHANNEL_MONEY_FIELDS);
    cumulative = cumulative.plus(totalFigures.net_profit);
    // NPV discounts the exact yearly net profit and is rounded once: it is not a sum of figures
    // shown, so there is nothing to foot, and rounding the years first would shift it by cents.
    const exactNetProfit = sum(partial.map((p) => p.exactContribution)).minus(sum(model.sharedCosts.map((s) => s.amount[t]!)));
    npv = npv.plus(exactNetProfit.dividedBy(discountFactor.pow(t + 1)));
    const total: TotalYear = { ...totalFigures, ...ratios(totalFigures), cumulative_net_profit: cumulative };
    years.push({ year, channels, segments: segmentTotals(model, channels), total });
  }
  return {
    id: info.id, name: info.name, description: info.description,
    channelIds, segmentIds: model.segments.map((s) => s.id),
    years, npv: cents(npv), cumulativeNetProfit: cumulative, warnings,
  };
}

interface PartialChannel {
  readonly figures: Readonly<Record<Exclude<ChannelField, "shared_costs" | "net_profit">, Decimal>>;
  readonly segments: Readonly<Record<string, CellFigures>>;
  /** Contribution before any rounding: only NPV uses it. */
  readonly exactContribution: Decimal;
}

function channelBeforeAllocation(model: Model, channel: Channel, t: number, flows: ReadonlyMap<string, CustomerFlow>): PartialChannel {
  const segments: Record<string, CellFigures> = {};
  let exactCm1 = ZERO;
  for (const segment of model.segments) {
    const share = model.mix[segment.id]?.[channel.id];
    if (share === undefined) continue;
    const cell = projectCell(model, channel, segment.id, t, share[t]!, flows.get(segment.id)!);
    segments[segment.id] = cell.figures;
    exactCm1 = exactCm1.plus(cell.exactCm1);
  }
  const cells = sumFields(Object.values(segments), CELL_FIELDS);
  const fixed_costs = sum(channel.fixedCosts.map((l) => cents(l.values[t]!)));
  const income = sum(channel.income.map((l) => cents(l.values[t]!)));
  const contribution = cells.cm1.minus(fixed_costs).plus(income);
  const exactContribution = exactCm1.minus(sum(channel.fixedCosts.map((l) => l.values[t]!))).plus(sum(channel.income.map((l) => l.values[t]!)));
  return { figures: { ...cells, fixed_costs, income, contribution }, segments, exactContribution };
}

function projectCell(model: Model, channel: Channel, segmentId: string, t: number, share: Decimal, flow: CustomerFlow): { figures: CellFigures; exactCm1: Decimal } {
  const segment = model.segments.find((s) => s.id === segmentId)!;
  const terms = channel.terms[segmentId]!;
  const customers = flow.active[t]!.times(share);
  const newCustomers = flow.added[t]!.times(share);
  const listRevenue = customers.times(segment.revenuePerCustomer[t]!);
  const marketRevenue = listRevenue.times(ONE.minus(terms.priceDiscount[t]!));
  const partnerMargin = channel.type === "indirect" ? marketRevenue.times(terms.partnerMargin[t]!) : ZERO;
  const revenue = marketRevenue.minus(partnerMargin);
  const cogs = listRevenue.times(ONE.minus(segment.grossMargin[t]!));
  const variableRate = sum(channel.variableCosts.map((l) => l.values[t]!));
  let conflictRate = ZERO;
  for (const rule of model.conflicts) {
    if (rule.seller === channel.id && rule.segment === segmentId) conflictRate = conflictRate.plus(rule.overlap[t]!.times(rule.compensation[t]!));
  }
  const variableCosts = revenue.times(variableRate);
  const acquisitionCosts = newCustomers.times(terms.acquisitionCost[t]!);
  const serviceCosts = customers.times(terms.serviceCost[t]!);
  const conflictCosts = revenue.times(conflictRate);
  const exactCm1 = revenue.minus(cogs).minus(variableCosts).minus(acquisitionCosts).minus(serviceCosts).minus(conflictCosts);
  // Footing: round the leaves; subtotals are sums of rounded leaves.
  const leaf = {
    list_revenue: cents(listRevenue),
    market_revenue: cents(marketRevenue),
    partner_margin: cents(partnerMargin),
    cogs: cents(cogs),
    variable_costs: cents(variableCosts),
    acquisition_costs: cents(acquisitionCosts),
    service_costs: cents(serviceCosts),
    conflict_costs: cents(conflictCosts),
  };
  const footedRevenue = leaf.market_revenue.minus(leaf.partner_margin);
  const grossProfit = footedRevenue.minus(leaf.cogs);
  const cm1 = grossProfit.minus(leaf.variable_costs).minus(leaf.acquisition_costs).minus(leaf.service_costs).minus(leaf.conflict_costs);
  const figures = {
    customers: roundTo(customers, 2),
    new_customers: roundTo(newCustomers, 2),
    ...leaf,
    revenue: footedRevenue,
    gross_profit: grossProfit,
    cm1,
  };
  return { figures, exactCm1 };
}

function sumFields<F extends string>(items: readonly Readonly<Record<F, Decimal>>[], fields: readonly F[]): Record<F, Decimal> {
  const out = {} as Record<F, Decimal>;
  for (const f of fields) out[f] = sum(items.map((x) => x[f]));
  return out;
}

const ratio = (numerator: Decimal, denominator: Decimal): Decimal | null =>
  denominator.isZero() ? null : numerator.dividedBy(denominator);

function ratios(f: Readonly<Record<"revenue" | "gross_profit" | "contribution" | "net_profit", Decimal>>): Ratios {
  return {
    gross_margin: ratio(f.gross_profit, f.revenue),
    contribution_margin: ratio(f.contribution, f.revenue),
    net_margin: ratio(f.net_profit, f.revenue),
  };
}

function segmentTotals(model: Model, channels: Readonly<Record<string, ChannelYear>>): Record<string, SegmentYear> {
  const out: Record<string, SegmentYear> = {};
  for (const segment of model.segments) {
    const cells = Object.values(channels).map((c) => c.segments[segment.id]).filter((c): c is CellFigures => c !== undefined);
    const figures = sumFields(cells, CELL_FIELDS as readonly CellField[]);
    out[segment.id] = { ...figures, gross_margin: ratio(figures.gross_profit, figures.revenue) };
  }
  return out;
}

