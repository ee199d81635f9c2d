// Model → Projection (docs/MODEL.md §3–§8). Pure: no I/O, no clock, no environment. The exact
// figures of each cell are computed at full precision, then footed: the leaves are rounded to the
// currency's minor unit (cents for EUR, whole yen, fils for KWD; customers to 2 decimals) and
// everything above them (cell subtotals, channels, totals) is added up from the rounded leaves,
// so every figure shown is the sum of the parts shown.
import { Decimal, ONE, ZERO, quotient, roundTo, sum, toMinorUnit } from "../money/decimal.js";
import { SCALED_ZERO, fromDecimal, minus, plus, times, toDecimal, toUnits, unitsToDecimal, type Scaled } from "../money/scaled.js";
import { projectCustomers, type CustomerFlow } from "./customers.js";
import { allocateSharedCost, type Drivers } from "./allocation.js";
import {
  CELL_FIELDS, CHANNEL_MONEY_FIELDS,
  type CellFigures, type CellField, type ChannelField, type ChannelYear, type EngineWarning, type Projection,
  type Ratios, type ScenarioProjection, type SegmentYear, type TierRows, type TotalYear, type YearProjection,
} from "./projection-types.js";
import { tierLines } from "./partners.js";
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
  /** Input series as scaled integers (null when a value is negative: the Decimal path takes it). */
  readonly scaled: WeakMap<readonly Decimal[], readonly Scaled[] | null>;
  /** 1 − x for each x of a series (price discount, gross margin), as scaled integers. */
  readonly complements: WeakMap<readonly Decimal[], readonly Scaled[] | null>;
  /** A series' values as text, for keys that compare rates by value. */
  readonly texts: WeakMap<readonly Decimal[], string>;
  /** Compute every cell with Decimal (the definition), not scaled integers: for tests. */
  readonly decimalCells: boolean;
}

export const newProjectionMemo = (options: { decimalCells?: boolean } = {}): ProjectionMemo => ({
  flows: new WeakMap(), cells: new WeakMap(), variableRates: new WeakMap(), conflictRates: new WeakMap(), channelYears: new Map(), reference: new Map(), ids: new WeakMap(), counter: { next: 1 },
  scaled: new WeakMap(), complements: new WeakMap(), texts: new WeakMap(), decimalCells: options.decimalCells ?? false,
});

const seriesText = (memo: ProjectionMemo, series: readonly Decimal[]): string => entry(memo.texts, series, () => series.join(","));

const scaledSeries = (memo: ProjectionMemo, series: readonly Decimal[]): readonly Scaled[] | null =>
  entry(memo.scaled, series, () => (series.some((x) => x.isNegative()) ? null : series.map(fromDecimal)));

const complementSeries = (memo: ProjectionMemo, series: readonly Decimal[]): readonly Scaled[] | null =>
  entry(memo.complements, series, () => {
    const complement = series.map((x) => ONE.minus(x));
    return complement.some((x) => x.isNegative()) ? null : complement.map(fromDecimal);
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
    tierLines: scenarios.some((s) => s.model.channels.some((c) => c.tiers.length > 0)),
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
      // The cells' own figures are made on first use: a report by channel never reads them.
      // Key order as ever: figures, ratios, segments, shared_cost_parts.
      channels[channelIds[i]!] = Object.defineProperties(withRatios({ ...figures }), {
        segments: { enumerable: true, configurable: true, get: () => p.segments },
        shared_cost_parts: { enumerable: true, configurable: true, writable: true, value: parts[i]! },
      }) as ChannelYear;
    });
    const totalFigures = sumFields(Object.values(channels), CHANNEL_MONEY_FIELDS);
    cumulative = cumulative.plus(totalFigures.net_profit);
    // NPV discounts the exact yearly net profit and is rounded once: it is not a sum of figures
    // shown, so there is nothing to foot, and rounding the years first would shift it by cents.
    const exactNetProfit = sum(partial.map((p) => p.exactContribution)).minus(sum(model.sharedCosts.map((s) => s.amount[t]!)));
    npv = npv.plus(exactNetProfit.dividedBy(discountFactor.pow(t + 1)));
    const total: TotalYear = Object.assign(withRatios({ ...totalFigures }), { cumulative_net_profit: cumulative });
    years.push(yearProjection(year, channels, total, model));
  }
  let tiers: Record<string, TierRows[]> | undefined;
  const scenario = {
    id: info.id, name: info.name, description: info.description,
    channelIds, segmentIds: model.segments.map((s) => s.id),
    years, discountRate: model.discountRate, npv: toMinorUnit(npv, model.minorUnits), cumulativeNetProfit: cumulative, warnings,
  };
  // Not enumerable: the per-tier split is a view of the figures above, made on first read only.
  return Object.defineProperty(scenario, "tiers", {
    enumerable: false,
    get: () => {
      if (!tiers) {
        tiers = emptyRecord<TierRows[]>();
        for (const c of model.channels) if (c.tiers.length > 0) tiers[c.id] = tierLines(c, years, model.minorUnits);
      }
      return tiers;
    },
  }) as typeof scenario & Pick<ScenarioProjection, "tiers">;
}

interface PartialChannel {
  readonly figures: Readonly<Record<Exclude<ChannelField, "shared_costs" | "net_profit">, Decimal>>;
  readonly segments: Readonly<Record<string, CellFigures>>;
  /** Contribution before any rounding: only NPV uses it. */
  readonly exactContribution: Decimal;
}

interface CellResult {
  readonly figures: CellFigures;
  /** The figures in CELL_FIELDS order as whole units of their precision (unitPlaces: money in
   *  the currency's minor unit, customers in hundredths). */
  readonly units: readonly bigint[];
  /** cm1 before any rounding (at decimal.js's 40 digits): only NPV uses it. */
  readonly exactCm1: Scaled;
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
    const key = `${channel.type}|${model.minorUnits}|${seriesText(memo, variable)}|${seriesText(memo, conflictRate)}`;
    const byTerms = entry(memo.cells, segment, () => new WeakMap());
    const byShare = entry(byTerms, terms, () => new WeakMap());
    const byKey = entry(byShare, share, () => new Map<string, CellResult[]>());
    let cells = byKey.get(key);
    if (!cells) {
      let flow = memo.flows.get(segment);
      if (!flow) {
        flow = projectCustomers(segment, model.years);
        memo.flows.set(segment, flow);
      }
      const f = flow;
      const inputs = memo.decimalCells ? null : scaledInputs(memo, channel.type, terms, segment, share, f, variable, conflictRate);
      cells = Array.from({ length: model.years }, (_, t) =>
        inputs ? projectCellScaled(channel.type, inputs, t, model.minorUnits) : projectCellDecimal(channel.type, terms, segment, t, share[t]!, f, variable![t]!, conflictRate[t]!, model.minorUnits));
      byKey.set(key, cells);
    }
    return cells;
  };
}

/** The map's value for key, created and stored on first use only (a WeakMap set is not free). */
function entry<K extends object, V>(map: WeakMap<K, V>, key: K, create: () => V): V {
  let value = map.get(key);
  if (value === undefined) {
    value = create();
    map.set(key, value);
  }
  return value;
}

interface CellSums {
  /** Sums of the cells' units, in CELL_FIELDS order (exact: BigInt). */
  readonly units: readonly bigint[];
  readonly segments: () => Readonly<Record<string, CellFigures>>;
  readonly exactCm1: Scaled;
}

/**
 * A channel's cell totals per year. With a reference for the same channel (base, usually) over
 * the same segments, only the cells that differ are subtracted and added: exact, since every
 * figure is a whole number of minor units, and far less work for a scenario that changes one segment.
 */
function cellSums(rows: ReadonlyMap<string, readonly CellResult[]>, years: number, reference?: { rows: ReadonlyMap<string, readonly CellResult[]>; sums: readonly CellSums[] }): CellSums[] {
  const sameSegments = reference !== undefined && reference.rows.size === rows.size && [...rows.keys()].every((id) => reference.rows.has(id));
  const changed = sameSegments ? [...rows].filter(([id, cells]) => reference!.rows.get(id) !== cells) : [];
  const incremental = sameSegments && changed.length * 2 < rows.size;
  return Array.from({ length: years }, (_, t) => {
    const segments = lazySegments(rows, t);
    if (incremental) {
      const before = reference!.sums[t]!;
      const units = before.units.slice();
      let exactCm1 = before.exactCm1;
      for (const [id, cells] of changed) {
        const old = reference!.rows.get(id)![t]!;
        const now = cells[t]!;
        for (let f = 0; f < units.length; f++) units[f] = units[f]! - old.units[f]! + now.units[f]!;
        exactCm1 = plus(minus(exactCm1, old.exactCm1), now.exactCm1);
      }
      return { units, segments, exactCm1 };
    }
    const units: bigint[] = CELL_FIELDS.map(() => 0n);
    let exactCm1 = SCALED_ZERO;
    for (const cells of rows.values()) {
      const cell = cells[t]!;
      for (let f = 0; f < units.length; f++) units[f] = units[f]! + cell.units[f]!;
      exactCm1 = plus(exactCm1, cell.exactCm1);
    }
    return { units, segments, exactCm1 };
  });
}

function withChannelLines(sums: CellSums, channel: Channel, t: number, places: number): PartialChannel {
  const cells = { figures: figuresOf(sums.units, places), exactCm1: toDecimal(sums.exactCm1), segments: sums.segments };
  const fixed_costs = sum(channel.fixedCosts.map((l) => toMinorUnit(l.values[t]!, places)));
  const income = sum(channel.income.map((l) => toMinorUnit(l.values[t]!, places)));
  const contribution = cells.figures.cm1.minus(fixed_costs).plus(income);
  const exactContribution = cells.exactCm1.minus(sum(channel.fixedCosts.map((l) => l.values[t]!))).plus(sum(channel.income.map((l) => l.values[t]!)));
  return { figures: { ...cells.figures, fixed_costs, income, contribution }, get segments() { return sums.segments(); }, exactContribution };
}

/** Year t's cells by segment id, made once on first call. */
function lazySegments(rows: ReadonlyMap<string, readonly CellResult[]>, t: number): () => Readonly<Record<string, CellFigures>> {
  let segments: Record<string, CellFigures> | undefined;
  return () => {
    if (!segments) {
      segments = emptyRecord<CellFigures>();
      for (const [segmentId, cells] of rows) segments[segmentId] = cells[t]!.figures;
    }
    return segments;
  };
}

/** Decimals of each figure in CELL_FIELDS order: customers to 2, money to the minor unit. */
const COUNT_FIELD_INDEX: ReadonlySet<number> = new Set(CELL_FIELDS.flatMap((f, i) => (f === "customers" || f === "new_customers" ? [i] : [])));
const unitPlaces = (i: number, places: number): number => (COUNT_FIELD_INDEX.has(i) ? 2 : places);

const figuresOf = (units: readonly bigint[], places: number): CellFigures => {
  const out = {} as Record<CellField, Decimal>;
  CELL_FIELDS.forEach((f, i) => { out[f] = unitsToDecimal(units[i]!, unitPlaces(i, places)); });
  return out;
};

/** A cell's inputs for every year as scaled integers, or null when one is negative. */
interface ScaledInputs {
  readonly active: readonly Scaled[];
  readonly added: readonly Scaled[];
  readonly share: readonly Scaled[];
  readonly revenuePerCustomer: readonly Scaled[];
  readonly netOfDiscount: readonly Scaled[];
  readonly partnerMargin: readonly Scaled[];
  readonly costOfGoods: readonly Scaled[];
  readonly variableRate: readonly Scaled[];
  readonly acquisitionCost: readonly Scaled[];
  readonly serviceCost: readonly Scaled[];
  readonly conflictRate: readonly Scaled[];
  /** Empty when the channel has no tiers. */
  readonly rebateRate: readonly Scaled[];
  readonly mdfRate: readonly Scaled[];
}

function scaledInputs(memo: ProjectionMemo, type: Channel["type"], terms: ChannelTerms, segment: Segment, share: Series, flow: CustomerFlow, variableRate: Series, conflictRate: Series): ScaledInputs | null {
  const inputs = {
    active: scaledSeries(memo, flow.active),
    added: scaledSeries(memo, flow.added),
    share: scaledSeries(memo, share),
    revenuePerCustomer: scaledSeries(memo, segment.revenuePerCustomer),
    netOfDiscount: complementSeries(memo, terms.priceDiscount),
    partnerMargin: type === "indirect" ? scaledSeries(memo, terms.partnerMargin) : [],
    costOfGoods: complementSeries(memo, segment.grossMargin),
    variableRate: scaledSeries(memo, variableRate),
    acquisitionCost: scaledSeries(memo, terms.acquisitionCost),
    serviceCost: scaledSeries(memo, terms.serviceCost),
    conflictRate: scaledSeries(memo, conflictRate),
    rebateRate: scaledSeries(memo, terms.rebateRate),
    mdfRate: scaledSeries(memo, terms.mdfRate),
  };
  return Object.values(inputs).every((x) => x !== null) ? (inputs as ScaledInputs) : null;
}

/**
 * projectCellDecimal's arithmetic on scaled integers (scaled.ts: the same 40-digit rounding as
 * decimal.js), so every figure is the same to the last digit; Decimals are made only for the
 * rounded figures.
 */
function projectCellScaled(type: Channel["type"], x: ScaledInputs, t: number, places: number): CellResult {
  const customers = times(x.active[t]!, x.share[t]!);
  const newCustomers = times(x.added[t]!, x.share[t]!);
  const listRevenue = times(customers, x.revenuePerCustomer[t]!);
  const marketRevenue = times(listRevenue, x.netOfDiscount[t]!);
  const partnerMargin = type === "indirect" ? times(marketRevenue, x.partnerMargin[t]!) : SCALED_ZERO;
  const revenue = minus(marketRevenue, partnerMargin);
  const cogs = times(listRevenue, x.costOfGoods[t]!);
  const variableCosts = times(revenue, x.variableRate[t]!);
  const rebates = x.rebateRate.length ? times(marketRevenue, x.rebateRate[t]!) : SCALED_ZERO;
  const mdf = x.mdfRate.length ? times(marketRevenue, x.mdfRate[t]!) : SCALED_ZERO;
  const acquisitionCosts = times(newCustomers, x.acquisitionCost[t]!);
  const serviceCosts = times(customers, x.serviceCost[t]!);
  const conflictCosts = times(revenue, x.conflictRate[t]!);
  let exactCm1 = minus(minus(minus(minus(minus(revenue, cogs), variableCosts), acquisitionCosts), serviceCosts), conflictCosts);
  if (x.rebateRate.length) exactCm1 = minus(minus(exactCm1, rebates), mdf);
  const market = toUnits(marketRevenue, places);
  const partner = toUnits(partnerMargin, places);
  const cogsUnits = toUnits(cogs, places);
  const variable = toUnits(variableCosts, places);
  const rebateUnits = toUnits(rebates, places);
  const mdfUnits = toUnits(mdf, places);
  const acquisition = toUnits(acquisitionCosts, places);
  const service = toUnits(serviceCosts, places);
  const conflict = toUnits(conflictCosts, places);
  const footedRevenue = market - partner;
  const grossProfit = footedRevenue - cogsUnits;
  const cm1 = grossProfit - variable - rebateUnits - mdfUnits - acquisition - service - conflict;
  // CELL_FIELDS order.
  const units = [toUnits(customers, 2), toUnits(newCustomers, 2), toUnits(listRevenue, places), market, partner, footedRevenue, cogsUnits, grossProfit, variable, rebateUnits, mdfUnits, acquisition, service, conflict, cm1];
  return lazyCell(units, exactCm1, places);
}

/** A cell whose Decimal figures are made from its units on first use. */
function lazyCell(units: readonly bigint[], exactCm1: Scaled, places: number): CellResult {
  let figures: CellFigures | undefined;
  return {
    get figures() {
      figures ??= figuresOf(units, places);
      return figures;
    },
    units,
    exactCm1,
  };
}

/**
 * A cell's cm1 before any rounding (§4), at decimal.js's precision: what NPV discounts (§7).
 * The definition's arithmetic (projectCellDecimal), for a reader that shows the exact figure
 * beside the rounded ones (the Excel workbook's cached values).
 */
export function exactCellCm1(model: Model, channel: Channel, segment: Segment, t: number): Decimal {
  const variable = sum(channel.variableCosts.map((l) => l.values[t]!));
  const conflict = sum(model.conflicts.filter((r) => r.seller === channel.id && r.segment === segment.id).map((r) => r.overlap[t]!.times(r.compensation[t]!)));
  const share = model.mix[segment.id]![channel.id]![t]!;
  const cell = projectCellDecimal(channel.type, channel.terms[segment.id]!, segment, t, share, projectCustomers(segment, model.years), variable, conflict, model.minorUnits);
  return toDecimal(cell.exactCm1);
}

/** The year's total net profit before rounding (§7): every cell's exact cm1, less fixed costs and shared costs, plus income. */
export function exactNetProfit(model: Model, t: number): Decimal {
  const parts: Decimal[] = [];
  for (const channel of model.channels) {
    for (const segment of model.segments) if (model.mix[segment.id]?.[channel.id] !== undefined) parts.push(exactCellCm1(model, channel, segment, t));
    for (const l of channel.fixedCosts) parts.push(l.values[t]!.negated());
    for (const l of channel.income) parts.push(l.values[t]!);
  }
  for (const shared of model.sharedCosts) parts.push(shared.amount[t]!.negated());
  return sum(parts);
}

/** A cell in Decimal arithmetic: the definition, used when an input is negative. */
function projectCellDecimal(type: Channel["type"], terms: ChannelTerms, segment: Segment, t: number, share: Decimal, flow: CustomerFlow, variableRate: Decimal, conflictRate: Decimal, places: number): CellResult {
  const customers = flow.active[t]!.times(share);
  const newCustomers = flow.added[t]!.times(share);
  const listRevenue = customers.times(segment.revenuePerCustomer[t]!);
  const marketRevenue = listRevenue.times(ONE.minus(terms.priceDiscount[t]!));
  const partnerMargin = type === "indirect" ? marketRevenue.times(terms.partnerMargin[t]!) : ZERO;
  const revenue = marketRevenue.minus(partnerMargin);
  const cogs = listRevenue.times(ONE.minus(segment.grossMargin[t]!));
  const variableCosts = revenue.times(variableRate);
  const rebates = terms.rebateRate.length ? marketRevenue.times(terms.rebateRate[t]!) : ZERO;
  const mdf = terms.mdfRate.length ? marketRevenue.times(terms.mdfRate[t]!) : ZERO;
  const acquisitionCosts = newCustomers.times(terms.acquisitionCost[t]!);
  const serviceCosts = customers.times(terms.serviceCost[t]!);
  const conflictCosts = revenue.times(conflictRate);
  const exactCm1 = revenue.minus(cogs).minus(variableCosts).minus(rebates).minus(mdf).minus(acquisitionCosts).minus(serviceCosts).minus(conflictCosts);
  // Footing: round the leaves to the currency's minor unit; subtotals are sums of rounded leaves.
  const cents = (x: Decimal) => toMinorUnit(x, places);
  const leaf = {
    list_revenue: cents(listRevenue),
    market_revenue: cents(marketRevenue),
    partner_margin: cents(partnerMargin),
    cogs: cents(cogs),
    variable_costs: cents(variableCosts),
    rebates: cents(rebates),
    mdf: cents(mdf),
    acquisition_costs: cents(acquisitionCosts),
    service_costs: cents(serviceCosts),
    conflict_costs: cents(conflictCosts),
  };
  const footedRevenue = leaf.market_revenue.minus(leaf.partner_margin);
  const grossProfit = footedRevenue.minus(leaf.cogs);
  const cm1 = grossProfit.minus(leaf.variable_costs).minus(leaf.rebates).minus(leaf.mdf).minus(leaf.acquisition_costs).minus(leaf.service_costs).minus(leaf.conflict_costs);
  const figures = {
    customers: roundTo(customers, 2),
    new_customers: roundTo(newCustomers, 2),
    ...leaf,
    revenue: footedRevenue,
    gross_profit: grossProfit,
    cm1,
  };
  return { figures, units: CELL_FIELDS.map((f, i) => toUnits(fromDecimal(figures[f]), unitPlaces(i, places))), exactCm1: fromDecimal(exactCm1) };
}

function sumFields<F extends string>(items: readonly Readonly<Record<F, Decimal>>[], fields: readonly F[]): Record<F, Decimal> {
  const out = {} as Record<F, Decimal>;
  for (const f of fields) out[f] = sum(items.map((x) => x[f]));
  return out;
}


type RatioInputs = Readonly<Record<"revenue" | "gross_profit" | "contribution" | "net_profit", Decimal>>;

/**
 * The figures with their three ratios as enumerable properties that divide on first read: a
 * division at 40 digits is the dearest operation here, and most commands read few ratios.
 */
function withRatios<F extends RatioInputs>(f: F): F & Ratios {
  const lazy = (numerator: keyof RatioInputs): PropertyDescriptor => {
    let value: Decimal | null | undefined;
    return { enumerable: true, configurable: true, get: () => (value === undefined ? (value = quotient(f[numerator], f.revenue)) : value) };
  };
  return Object.defineProperties(f, { gross_margin: lazy("gross_profit"), contribution_margin: lazy("contribution"), net_margin: lazy("net_profit") }) as F & Ratios;
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
