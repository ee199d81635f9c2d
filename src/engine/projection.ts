// Model → Projection (docs/MODEL.md §3–§8). Pure: no I/O, no clock, no environment. The exact figures of each
// cell are computed at full precision, then footed: the leaves are rounded to the currency's minor
// unit (cents for EUR, whole yen, fils for KWD; customers to 2 decimals) and everything above them (cell subtotals, channels, totals) is added up from the
// rounded leaves, so every figure shown is the sum of the parts shown.
import { Decimal, ONE, ZERO, quotient, roundTo, sum, toMinorUnit } from "../money/decimal.js";
import { projectCustomers, type CustomerFlow } from "./customers.js";
import { allocateSharedCost, type Drivers } from "./allocation.js";
import {
  CELL_FIELDS, CHANNEL_MONEY_FIELDS,
  type CellFigures, type CellField, type ChannelField, type ChannelYear, type EngineWarning, type Projection,
  type Ratios, type ScenarioProjection, type SegmentYear, type TotalYear, type YearProjection,
} from "./projection-types.js";
import type { Channel, ChannelTerms, Conflict, Line, Model, Segment, Series } from "../model/types.js";
import type { ScenarioModel } from "../model/load.js";
import { emptyRecord } from "../model/records.js";

/**
 * Work shared between the scenarios of one projection. Normalization reuses base's objects for
 * every part a scenario leaves unchanged, so a cell whose inputs are the same objects is the same
 * cell: it is computed once. Keys are object identities (WeakMaps), so nothing is global.
 */
export interface ProjectionMemo {
  readonly flows: WeakMap<Segment, CustomerFlow>;
  readonly cells: WeakMap<Segment, WeakMap<ChannelTerms, WeakMap<Series, Map<string, CellResult[]>>>>;
  readonly variableRates: WeakMap<readonly Line[], Decimal[]>;
  readonly conflictRates: WeakMap<readonly Conflict[], Map<string, Series>>;
  /** A channel's figures before allocation, per year, by the identities of everything they sum. */
  readonly channelYears: Map<string, PartialChannel[]>;
  /** The first sums computed per channel id: later scenarios adjust them by the cells that differ. */
  readonly reference: Map<string, { readonly rows: ReadonlyMap<string, readonly CellResult[]>; readonly sums: readonly CellSums[] }>;
  readonly ids: WeakMap<object, number>;
  readonly counter: { next: number };
}

export const newProjectionMemo = (): ProjectionMemo => ({
  flows: new WeakMap(), cells: new WeakMap(), variableRates: new WeakMap(), conflictRates: new WeakMap(), channelYears: new Map(), reference: new Map(), ids: new WeakMap(), counter: { next: 1 },
});

function idOf(memo: ProjectionMemo, object: object): number {
  let id = memo.ids.get(object);
  if (id === undefined) {
    id = memo.counter.next++;
    memo.ids.set(object, id);
  }
  return id;
}

export function projectScenarios(scenarios: readonly ScenarioModel[]): Projection {
  const base = scenarios[0]!.model;
  const memo = newProjectionMemo();
  return {
    name: base.name,
    currency: base.currency,
    minorUnits: base.minorUnits,
    years: Array.from({ length: base.years }, (_, t) => base.startYear + t),
    discountRate: base.discountRate,
    commonDiscountRate: scenarios.every((s) => s.model.discountRate.equals(base.discountRate)) ? base.discountRate : null,
    scenarios: scenarios.map((s) => projectModel(s.model, s, memo)),
  };
}

export function projectModel(model: Model, info: { id: string; name: string; description: string } = { id: "base", name: "base", description: "" }, memo: ProjectionMemo = newProjectionMemo()): ScenarioProjection {
  const cellsOf = cellSeries(model, memo);
  // Each channel's cells for every year, segment by segment (only segments whose mix names it).
  const cellRows = model.channels.map((channel) => {
    const rows = new Map<string, readonly CellResult[]>();
    for (const segment of model.segments) {
      const share = model.mix[segment.id]?.[channel.id];
      if (share !== undefined) rows.set(segment.id, cellsOf(channel, segment, share));
    }
    return rows;
  });
  const channelYears = model.channels.map((channel, i) => {
    const rows = cellRows[i]!;
    const key = [idOf(memo, channel.fixedCosts), idOf(memo, channel.income), ...[...rows].map(([id, cells]) => `${id}:${idOf(memo, cells)}`)].join(",");
    let years = memo.channelYears.get(key);
    if (!years) {
      const sums = cellSums(rows, model.years, memo.reference.get(channel.id));
      if (!memo.reference.has(channel.id)) memo.reference.set(channel.id, { rows, sums });
      years = sums.map((cells, t) => withChannelLines(cells, channel, t, model.minorUnits));
      memo.channelYears.set(key, years);
    }
    return years;
  });
  const channelIds = model.channels.map((c) => c.id);
  const warnings: EngineWarning[] = [];
  const years: YearProjection[] = [];
  let cumulative = ZERO;
  let npv = ZERO;
  const discountFactor = ONE.plus(model.discountRate);

  for (let t = 0; t < model.years; t++) {
    const year = model.startYear + t;
    const partial = channelYears.map((years) => years[t]!);
    const drivers: Drivers[] = partial.map((p) => ({
      revenue: p.figures.revenue, gross_profit: p.figures.gross_profit, contribution: p.figures.contribution,
      customers: p.figures.customers, new_customers: p.figures.new_customers,
    }));
    const parts = partial.map(() => emptyRecord<Decimal>());
    for (const shared of model.sharedCosts) {
      const result = allocateSharedCost(shared.amount[t]!, shared.allocation, channelIds, drivers, { scenario: info.id, year, sharedCost: shared.id }, model.minorUnits);
      if (result.warning) warnings.push(result.warning);
      result.parts.forEach((part, i) => { parts[i]![shared.id] = part; });
    }
    const channels = emptyRecord<ChannelYear>();
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
    years.push(yearProjection(year, channels, total, model));
  }
  return {
    id: info.id, name: info.name, description: info.description,
    channelIds, segmentIds: model.segments.map((s) => s.id),
    years, discountRate: model.discountRate, npv: toMinorUnit(npv, model.minorUnits), cumulativeNetProfit: cumulative, warnings,
  };
}

interface PartialChannel {
  readonly figures: Readonly<Record<Exclude<ChannelField, "shared_costs" | "net_profit">, Decimal>>;
  readonly segments: Readonly<Record<string, CellFigures>>;
  /** Contribution before any rounding: only NPV uses it. */
  readonly exactContribution: Decimal;
}

interface CellResult {
  readonly figures: CellFigures;
  readonly exactCm1: Decimal;
}

type CellsOf = (channel: Channel, segment: Segment, share: Series) => readonly CellResult[];

/** The cells of a (channel, segment) pair for every year, computed once per distinct input. */
function cellSeries(model: Model, memo: ProjectionMemo): CellsOf {
  let conflicts = memo.conflictRates.get(model.conflicts);
  if (!conflicts) {
    conflicts = new Map();
    for (const rule of model.conflicts) {
      const key = `${rule.seller}\u0000${rule.segment}`;
      const previous = conflicts.get(key);
      conflicts.set(key, rule.overlap.map((o, t) => o.times(rule.compensation[t]!).plus(previous?.[t] ?? ZERO)));
    }
    memo.conflictRates.set(model.conflicts, conflicts);
  }
  const noConflict: Series = Array.from({ length: model.years }, () => ZERO);
  return (channel, segment, share) => {
    const terms = channel.terms[segment.id]!;
    const conflictRate = conflicts.get(`${channel.id}\u0000${segment.id}`) ?? noConflict;
    let variable = memo.variableRates.get(channel.variableCosts);
    if (!variable) {
      variable = Array.from({ length: model.years }, (_, t) => sum(channel.variableCosts.map((l) => l.values[t]!)));
      memo.variableRates.set(channel.variableCosts, variable);
    }
    // The key's last part holds what is not an object of the model: the channel type and the
    // rates, by value, so identical inputs hit the same entry.
    const key = `${channel.type}|${model.minorUnits}|${variable.join(",")}|${conflictRate.join(",")}`;
    const byTerms = memo.cells.get(segment) ?? new WeakMap();
    memo.cells.set(segment, byTerms);
    const byShare = byTerms.get(terms) ?? new WeakMap();
    byTerms.set(terms, byShare);
    const byKey = byShare.get(share) ?? new Map<string, CellResult[]>();
    byShare.set(share, byKey);
    let cells = byKey.get(key);
    if (!cells) {
      let flow = memo.flows.get(segment);
      if (!flow) {
        flow = projectCustomers(segment, model.years);
        memo.flows.set(segment, flow);
      }
      const f = flow;
      cells = Array.from({ length: model.years }, (_, t) => projectCell(channel.type, terms, segment, t, share[t]!, f, variable![t]!, conflictRate[t]!, model.minorUnits));
      byKey.set(key, cells);
    }
    return cells;
  };
}

interface CellSums {
  readonly figures: Readonly<Record<(typeof CELL_FIELDS)[number], Decimal>>;
  readonly segments: Readonly<Record<string, CellFigures>>;
  readonly exactCm1: Decimal;
}

/**
 * A channel's cell totals per year. With a reference for the same channel (base, usually) over
 * the same segments, only the cells that differ are subtracted and added: exact, since every
 * figure is a whole number of cents, and far less work for a scenario that changes one segment.
 */
function cellSums(rows: ReadonlyMap<string, readonly CellResult[]>, years: number, reference?: { rows: ReadonlyMap<string, readonly CellResult[]>; sums: readonly CellSums[] }): CellSums[] {
  const sameSegments = reference !== undefined && reference.rows.size === rows.size && [...rows.keys()].every((id) => reference.rows.has(id));
  const changed = sameSegments ? [...rows].filter(([id, cells]) => reference!.rows.get(id) !== cells) : [];
  const incremental = sameSegments && changed.length * 2 < rows.size;
  return Array.from({ length: years }, (_, t) => {
    const segments = emptyRecord<CellFigures>();
    for (const [segmentId, cells] of rows) segments[segmentId] = cells[t]!.figures;
    if (incremental) {
      const before = reference!.sums[t]!;
      const figures = { ...before.figures };
      let exactCm1 = before.exactCm1;
      for (const [id, cells] of changed) {
        const old = reference!.rows.get(id)![t]!;
        const now = cells[t]!;
        for (const f of CELL_FIELDS) figures[f] = figures[f].minus(old.figures[f]).plus(now.figures[f]);
        exactCm1 = exactCm1.minus(old.exactCm1).plus(now.exactCm1);
      }
      return { figures, segments, exactCm1 };
    }
    return { figures: sumFields(Object.values(segments), CELL_FIELDS), segments, exactCm1: sum([...rows.values()].map((cells) => cells[t]!.exactCm1)) };
  });
}

function withChannelLines(cells: CellSums, channel: Channel, t: number, places: number): PartialChannel {
  const fixed_costs = sum(channel.fixedCosts.map((l) => toMinorUnit(l.values[t]!, places)));
  const income = sum(channel.income.map((l) => toMinorUnit(l.values[t]!, places)));
  const contribution = cells.figures.cm1.minus(fixed_costs).plus(income);
  const exactContribution = cells.exactCm1.minus(sum(channel.fixedCosts.map((l) => l.values[t]!))).plus(sum(channel.income.map((l) => l.values[t]!)));
  return { figures: { ...cells.figures, fixed_costs, income, contribution }, segments: cells.segments, exactContribution };
}

function projectCell(type: Channel["type"], terms: ChannelTerms, segment: Segment, t: number, share: Decimal, flow: CustomerFlow, variableRate: Decimal, conflictRate: Decimal, places: number): CellResult {
  const customers = flow.active[t]!.times(share);
  const newCustomers = flow.added[t]!.times(share);
  const listRevenue = customers.times(segment.revenuePerCustomer[t]!);
  const marketRevenue = listRevenue.times(ONE.minus(terms.priceDiscount[t]!));
  const partnerMargin = type === "indirect" ? marketRevenue.times(terms.partnerMargin[t]!) : ZERO;
  const revenue = marketRevenue.minus(partnerMargin);
  const cogs = listRevenue.times(ONE.minus(segment.grossMargin[t]!));
  const variableCosts = revenue.times(variableRate);
  const acquisitionCosts = newCustomers.times(terms.acquisitionCost[t]!);
  const serviceCosts = customers.times(terms.serviceCost[t]!);
  const conflictCosts = revenue.times(conflictRate);
  const exactCm1 = revenue.minus(cogs).minus(variableCosts).minus(acquisitionCosts).minus(serviceCosts).minus(conflictCosts);
  // Footing: round the leaves to the currency's minor unit; subtotals are sums of rounded leaves.
  const cents = (x: Decimal) => toMinorUnit(x, places);
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


function ratios(f: Readonly<Record<"revenue" | "gross_profit" | "contribution" | "net_profit", Decimal>>): Ratios {
  return {
    gross_margin: quotient(f.gross_profit, f.revenue),
    contribution_margin: quotient(f.contribution, f.revenue),
    net_margin: quotient(f.net_profit, f.revenue),
  };
}

/** A year of the projection; its per-segment totals are summed on first use (most commands never ask). */
function yearProjection(year: number, channels: Readonly<Record<string, ChannelYear>>, total: TotalYear, model: Model): YearProjection {
  let segments: Record<string, SegmentYear> | undefined;
  return {
    year,
    channels,
    total,
    get segments() {
      segments ??= segmentTotals(model, channels);
      return segments;
    },
  };
}

function segmentTotals(model: Model, channels: Readonly<Record<string, ChannelYear>>): Record<string, SegmentYear> {
  const out = emptyRecord<SegmentYear>();
  for (const segment of model.segments) {
    const cells = Object.values(channels).map((c) => c.segments[segment.id]).filter((c): c is CellFigures => c !== undefined);
    const figures = sumFields(cells, CELL_FIELDS as readonly CellField[]);
    out[segment.id] = { ...figures, gross_margin: quotient(figures.gross_profit, figures.revenue) };
  }
  return out;
}
