// `distplan simulate` (docs/MODEL.md "Ranges and simulation"): N draws of the whole plan, each
// range drawn from its distribution (correlated through a Gaussian copula where `correlate:`
// asks), and the plan evaluated per draw in binary floating point. The point plan stays exact
// (projection.ts); the draws use floats because 10,000 evaluations in 40-digit decimals take
// far longer than the few seconds a person waits, and a spread of outcomes does not need
// cents that foot: every leaf is still rounded to the minor unit as the exact engine does, and
// a test holds this evaluation to the exact engine's figures within a cent on zero-width ranges.
// Pure and deterministic: the random numbers come from a seeded generator made here.
import { uniformFloat64 } from "pure-rand/distribution/uniformFloat64";
import { xoroshiro128plus } from "pure-rand/generator/xoroshiro128plus";
import { cholesky, correlationMatrix, evaluateRecipe, paramsOf, recipeOf, resolveCorrelations, type Correlation, type Recipe, type UncertainInput } from "../model/ranges.js";
import type { Check, CheckMetric, CorrelationFile, Model, Series } from "../model/types.js";
import { HORIZON_METRICS } from "../model/types.js";
import { DEFAULT_CHECK } from "./checks.js";
import { normalCdf, normalQuantile, quantileOfSorted, samplerOf, spearman, type Sampler } from "./random.js";

// ---- the plan in floats ---------------------------------------------------------------------

interface FloatSegment {
  customers: number;
  readonly newCustomers: Float64Array;
  readonly churn: Float64Array;
  readonly marketPotential: Float64Array | null;
  readonly revenuePerCustomer: Float64Array;
  readonly grossMargin: Float64Array;
}

interface FloatCell {
  readonly segment: number;
  readonly share: Float64Array;
  readonly priceDiscount: Float64Array;
  readonly partnerMargin: Float64Array;
  readonly acquisitionCost: Float64Array;
  readonly serviceCost: Float64Array;
  readonly variable: readonly Float64Array[];
  /** A tiered channel's rebate and MDF rates on sell-out (docs/MODEL.md §14a); null without tiers. */
  readonly rebateRate: Float64Array | null;
  readonly mdfRate: Float64Array | null;
  /** Σ overlap × compensation of the conflict rules on this cell, per year (made per draw). */
  readonly conflicts: readonly { readonly overlap: Float64Array; readonly compensation: Float64Array }[];
}

interface FloatChannel {
  readonly indirect: boolean;
  readonly cells: readonly FloatCell[];
  readonly fixed: readonly Float64Array[];
  readonly income: readonly Float64Array[];
}

type FloatAllocation = { readonly kind: "method"; readonly method: string } | { readonly kind: "shares"; readonly shares: readonly number[] };

export interface FloatPlan {
  readonly years: number;
  readonly startYear: number;
  readonly places: number;
  discountRate: number;
  readonly segments: readonly FloatSegment[];
  readonly channels: readonly FloatChannel[];
  readonly shared: readonly { readonly amount: Float64Array; readonly allocation: FloatAllocation }[];
  /** The ranges, in the order first met, and how each uncertain value is made from them. */
  readonly inputs: readonly UncertainInput[];
  readonly updates: readonly { readonly recipe: Recipe; readonly apply: (value: (u: UncertainInput) => number) => void }[];
}

const toFloat = (d: { toString(): string }): number => Number(d.toString());

/** The model in floats; series that come from ranges are remade per draw (`updates`). */
export function floatPlan(model: Model): FloatPlan {
  const arrays = new Map<Series, Float64Array>();
  const inputs: UncertainInput[] = [];
  const known = new Set<UncertainInput>();
  const updates: { recipe: Recipe; apply: (value: (u: UncertainInput) => number) => void }[] = [];
  const note = (recipe: Recipe, apply: (value: (u: UncertainInput) => number) => void) => {
    updates.push({ recipe, apply });
    for (const p of paramsOf(recipe)) {
      if (!known.has(p)) { known.add(p); inputs.push(p); }
    }
  };
  const series = (s: Series): Float64Array => {
    let out = arrays.get(s);
    if (!out) {
      const made = Float64Array.from(s, toFloat);
      arrays.set(s, made);
      const recipe = recipeOf(s);
      if (recipe) note(recipe, (value) => evaluateRecipe(recipe, value, made));
      out = made;
    }
    return out;
  };
  const segments = model.segments.map((s) => {
    const seg: FloatSegment = {
      customers: toFloat(s.customers),
      newCustomers: series(s.newCustomers), churn: series(s.churn), marketPotential: s.marketPotential ? series(s.marketPotential) : null,
      revenuePerCustomer: series(s.revenuePerCustomer), grossMargin: series(s.grossMargin),
    };
    const recipe = recipeOf(s.customers);
    if (recipe) {
      const one = new Float64Array(1);
      note(recipe, (value) => { evaluateRecipe(recipe, value, one); seg.customers = one[0]!; });
    }
    return seg;
  });
  const channelIds = model.channels.map((c) => c.id);
  const channels = model.channels.map((c): FloatChannel => {
    const variable = c.variableCosts.map((l) => series(l.values));
    const cells: FloatCell[] = [];
    model.segments.forEach((s, i) => {
      const share = model.mix[s.id]?.[c.id];
      if (share === undefined) return;
      const terms = c.terms[s.id]!;
      cells.push({
        segment: i, share: series(share),
        priceDiscount: series(terms.priceDiscount), partnerMargin: series(terms.partnerMargin),
        acquisitionCost: series(terms.acquisitionCost), serviceCost: series(terms.serviceCost),
        variable,
        rebateRate: terms.rebateRate.length ? series(terms.rebateRate) : null,
        mdfRate: terms.mdfRate.length ? series(terms.mdfRate) : null,
        conflicts: model.conflicts.filter((r) => r.seller === c.id && r.segment === s.id).map((r) => ({ overlap: series(r.overlap), compensation: series(r.compensation) })),
      });
    });
    return { indirect: c.type === "indirect", cells, fixed: c.fixedCosts.map((l) => series(l.values)), income: c.income.map((l) => series(l.values)) };
  });
  const shared = model.sharedCosts.map((sc) => ({
    amount: series(sc.amount),
    allocation: sc.allocation.kind === "method" ? { kind: "method" as const, method: sc.allocation.method } : { kind: "shares" as const, shares: channelIds.map((id) => toFloat(sc.allocation.kind === "shares" ? (sc.allocation.shares[id] ?? 0) : 0)) },
  }));
  const plan: FloatPlan = { years: model.years, startYear: model.startYear, places: model.minorUnits, discountRate: toFloat(model.discountRate), segments, channels, shared, inputs, updates };
  const rate = recipeOf(model.discountRate);
  if (rate) {
    const one = new Float64Array(1);
    note(rate, (value) => { evaluateRecipe(rate, value, one); plan.discountRate = one[0]!; });
  }
  return plan;
}

/** The figures of one channel, segment or the total in one year. */
export interface FloatFigures {
  revenue: number;
  market_revenue: number;
  gross_profit: number;
  cm1: number;
  customers: number;
  new_customers: number;
  contribution: number;
  net_profit: number;
}

export interface FloatOutcome {
  /** [year][channel] and [year] for the total; segments [year][segment] (cell figures only). */
  readonly channels: FloatFigures[][];
  readonly segments: FloatFigures[][];
  readonly total: FloatFigures[];
  readonly npv: number;
  readonly cumulative: number;
  readonly channelNpv: number[];
  readonly channelCumulative: number[];
}

const blank = (): FloatFigures => ({ revenue: 0, market_revenue: 0, gross_profit: 0, cm1: 0, customers: 0, new_customers: 0, contribution: 0, net_profit: 0 });

/** The plan's figures in floats, each leaf rounded to the minor unit as projection.ts does. */
export function evaluateFloatPlan(plan: FloatPlan): FloatOutcome {
  const unit = 10 ** plan.places;
  const round = (x: number) => roundHalfUp(x, unit);
  const round2 = (x: number) => roundHalfUp(x, 100);
  const n = plan.years;
  // Customer flows (customers.ts).
  const active = plan.segments.map(() => new Float64Array(n));
  const added = plan.segments.map(() => new Float64Array(n));
  plan.segments.forEach((s, i) => {
    let previous = s.customers;
    for (let t = 0; t < n; t++) {
      const retained = previous * (1 - s.churn[t]!);
      let fresh = s.newCustomers[t]!;
      if (s.marketPotential) fresh = Math.min(fresh, Math.max(0, s.marketPotential[t]! - retained));
      previous = retained + fresh;
      active[i]![t] = previous;
      added[i]![t] = fresh;
    }
  });
  const channels: FloatFigures[][] = [];
  const segments: FloatFigures[][] = [];
  const total: FloatFigures[] = [];
  const factor = 1 + plan.discountRate;
  let npv = 0;
  let cumulative = 0;
  const channelDiscounted = plan.channels.map(() => 0);
  const channelCumulative = plan.channels.map(() => 0);
  for (let t = 0; t < n; t++) {
    const yearChannels: FloatFigures[] = [];
    const yearSegments = plan.segments.map(blank);
    let exactNet = 0;
    for (const c of plan.channels) {
      const f = blank();
      let exactCm1 = 0;
      for (const cell of c.cells) {
        const seg = plan.segments[cell.segment]!;
        const share = cell.share[t]!;
        const customers = active[cell.segment]![t]! * share;
        const newCustomers = added[cell.segment]![t]! * share;
        const listRevenue = customers * seg.revenuePerCustomer[t]!;
        const marketRevenue = listRevenue * (1 - cell.priceDiscount[t]!);
        const partnerMargin = c.indirect ? marketRevenue * cell.partnerMargin[t]! : 0;
        const revenue = marketRevenue - partnerMargin;
        const cogs = listRevenue * (1 - seg.grossMargin[t]!);
        let variableRate = 0;
        for (const v of cell.variable) variableRate += v[t]!;
        let conflictRate = 0;
        for (const k of cell.conflicts) conflictRate += k.overlap[t]! * k.compensation[t]!;
        const variableCosts = revenue * variableRate;
        const acquisitionCosts = newCustomers * cell.acquisitionCost[t]!;
        const serviceCosts = customers * cell.serviceCost[t]!;
        const conflictCosts = revenue * conflictRate;
        const rebates = cell.rebateRate ? marketRevenue * cell.rebateRate[t]! : 0;
        const mdf = cell.mdfRate ? marketRevenue * cell.mdfRate[t]! : 0;
        exactCm1 += revenue - cogs - variableCosts - rebates - mdf - acquisitionCosts - serviceCosts - conflictCosts;
        const market = round(marketRevenue);
        const footedRevenue = market - round(partnerMargin);
        const grossProfit = footedRevenue - round(cogs);
        const cm1 = grossProfit - round(variableCosts) - round(rebates) - round(mdf) - round(acquisitionCosts) - round(serviceCosts) - round(conflictCosts);
        const cellFigures = { revenue: footedRevenue, market_revenue: market, gross_profit: grossProfit, cm1, customers: round2(customers), new_customers: round2(newCustomers) };
        for (const target of [f, yearSegments[cell.segment]!]) {
          target.revenue += cellFigures.revenue;
          target.market_revenue += cellFigures.market_revenue;
          target.gross_profit += cellFigures.gross_profit;
          target.cm1 += cellFigures.cm1;
          target.customers += cellFigures.customers;
          target.new_customers += cellFigures.new_customers;
        }
      }
      let fixed = 0, income = 0, exactFixed = 0, exactIncome = 0;
      for (const l of c.fixed) { fixed += round(l[t]!); exactFixed += l[t]!; }
      for (const l of c.income) { income += round(l[t]!); exactIncome += l[t]!; }
      f.contribution = f.cm1 - fixed + income;
      exactNet += exactCm1 - exactFixed + exactIncome;
      yearChannels.push(f);
    }
    // Shared costs (allocation.ts): whole minor units by largest remainder.
    const parts = plan.channels.map(() => 0);
    for (const sc of plan.shared) {
      const amount = round(sc.amount[t]!);
      exactNet -= sc.amount[t]!;
      let weights: number[];
      if (sc.allocation.kind === "shares") weights = [...sc.allocation.shares];
      else if (sc.allocation.method === "equal") weights = yearChannels.map(() => 1);
      else {
        const method = sc.allocation.method as keyof FloatFigures;
        weights = yearChannels.map((f) => Math.max(0, f[method]));
        if (weights.every((w) => w === 0)) weights = yearChannels.map(() => 1);
      }
      splitByLargestRemainder(amount, weights, unit).forEach((p, i) => { parts[i] = parts[i]! + p; });
    }
    const yearTotal = blank();
    yearChannels.forEach((f, i) => {
      f.net_profit = f.contribution - parts[i]!;
      for (const k of Object.keys(yearTotal) as (keyof FloatFigures)[]) yearTotal[k] += f[k];
      channelDiscounted[i] = channelDiscounted[i]! + f.net_profit / factor ** (t + 1);
      channelCumulative[i] = channelCumulative[i]! + f.net_profit;
    });
    cumulative += yearTotal.net_profit;
    npv += exactNet / factor ** (t + 1);
    channels.push(yearChannels);
    segments.push(yearSegments);
    total.push(yearTotal);
  }
  return { channels, segments, total, npv: round(npv), cumulative, channelNpv: channelDiscounted.map(round), channelCumulative };
}

/**
 * x rounded to 1/unit, half away from zero (money/decimal.ts roundTo). Decimal inputs such as
 * 1.8% of a whole amount land exactly on a half cent, which a float product misses by an ulp
 * or two either way: a value within a relative 4e-15 (some twenty ulps) of the half counts as the half.
 */
function roundHalfUp(x: number, unit: number): number {
  const scaled = Math.abs(x) * unit;
  const r = Math.floor(scaled + 0.5 + scaled * 4e-15);
  return (x < 0 ? -r : r) / unit;
}

/** money/decimal.ts splitByLargestRemainder on whole minor units (`unit` of them per currency unit). */
function splitByLargestRemainder(total: number, weights: readonly number[], unit: number): number[] {
  const weightSum = weights.reduce((a, b) => a + b, 0);
  const units = Math.round(Math.abs(total) * unit);
  if (weights.length === 0 || weightSum <= 0) return weights.map(() => 0);
  const exact = weights.map((w) => (units * w) / weightSum);
  const floors = exact.map(Math.floor);
  let leftover = units - floors.reduce((a, b) => a + b, 0);
  const order = exact.map((x, i) => ({ i, rem: x - floors[i]! })).sort((a, b) => b.rem - a.rem || a.i - b.i);
  const parts = floors.slice();
  for (const { i } of order) {
    if (leftover <= 0) break;
    parts[i] = parts[i]! + 1;
    leftover -= 1;
  }
  const sign = total < 0 ? -1 : 1;
  return parts.map((p) => (sign * p) / unit);
}

// ---- checks on a draw -----------------------------------------------------------------------

/** Whether a bound check passes on one draw (checks.ts, in floats); a ratio on no revenue fails. */
function checkPasses(check: Check, plan: FloatPlan, out: FloatOutcome, channelIds: readonly string[], segmentIds: readonly string[]): boolean {
  const min = check.min === null ? null : toFloat(check.min);
  const max = check.max === null ? null : toFloat(check.max);
  const within = (v: number | null) => v !== null && (min === null || v >= min) && (max === null || v <= max);
  const ci = check.channel === null ? -1 : channelIds.indexOf(check.channel);
  const si = check.segment === null ? -1 : segmentIds.indexOf(check.segment);
  if (check.channel !== null && ci < 0) return false;
  if (check.segment !== null && si < 0) return false;
  if (HORIZON_METRICS.includes(check.metric)) {
    const value = check.metric === "npv" ? (ci >= 0 ? out.channelNpv[ci]! : out.npv) : ci >= 0 ? out.channelCumulative[ci]! : out.cumulative;
    return within(value);
  }
  for (let t = 0; t < plan.years; t++) {
    const year = plan.startYear + t;
    if (check.years.kind === "last" && t !== plan.years - 1) continue;
    if (check.years.kind === "range" && (year < check.years.from || year > check.years.to)) continue;
    const f = ci >= 0 ? out.channels[t]![ci]! : si >= 0 ? out.segments[t]![si]! : out.total[t]!;
    if (!within(metricOf(f, check.metric))) return false;
  }
  return true;
}

function metricOf(f: FloatFigures, metric: CheckMetric): number | null {
  switch (metric) {
    case "gross_margin": return f.revenue === 0 ? null : f.gross_profit / f.revenue;
    case "contribution_margin": return f.revenue === 0 ? null : f.contribution / f.revenue;
    case "net_margin": return f.revenue === 0 ? null : f.net_profit / f.revenue;
    case "npv": case "cumulative_net_profit": return null;
    default: return f[metric];
  }
}

// ---- the simulation -------------------------------------------------------------------------

export interface SimulationOptions {
  readonly draws: number;
  readonly seed: number;
  /** Called now and then with the number of draws done (a progress bar). */
  readonly progress?: (done: number) => void;
}

export interface ChannelDraws {
  readonly id: string;
  readonly npv: Float64Array;
  readonly cumulative: Float64Array;
  /** Net profit per year: [year][draw]. */
  readonly yearly: readonly Float64Array[];
}

export interface ScenarioDraws {
  readonly id: string;
  readonly name: string;
  readonly inputs: readonly UncertainInput[];
  /** Each input's drawn values: [input][draw]. */
  readonly inputDraws: readonly Float64Array[];
  readonly correlations: readonly Correlation[];
  readonly npv: Float64Array;
  readonly cumulative: Float64Array;
  readonly yearly: readonly Float64Array[];
  readonly channels: readonly ChannelDraws[];
  /** The checks that select this scenario, each with the number of draws in which it fails. */
  readonly checks: readonly { readonly index: number | null; readonly name: string; readonly failures: number }[];
}

/**
 * N draws of one scenario. Each draw takes one uniform number per input from a xoroshiro128+
 * generator seeded with `seed` (so every scenario of a run sees the same random numbers: common
 * random numbers, which make scenarios comparable); with correlations, the uniforms become
 * normals, are mixed by the Cholesky factor of the copula's matrix and turned back into
 * uniforms. Each uniform goes through its range's inverse CDF.
 */
export function simulateScenario(scenario: { id: string; name: string; model: Model }, correlate: readonly CorrelationFile[], options: SimulationOptions): ScenarioDraws {
  const { model } = scenario;
  const plan = floatPlan(model);
  const { inputs } = plan;
  const k = inputs.length;
  const n = options.draws;
  const correlations = resolveCorrelations(inputs, correlate, null);
  const factor = correlations.length > 0 ? cholesky(correlationMatrix(k, correlations), k) : null;
  const samplers: Sampler[] = inputs.map(samplerOf);
  const rng = xoroshiro128plus(options.seed);
  const channelIds = model.channels.map((c) => c.id);
  const segmentIds = model.segments.map((s) => s.id);
  const checks = (model.checks.length > 0 ? model.checks : [DEFAULT_CHECK]).filter((c) => !c.variance && (c.scenarios === "all" || c.scenarios.includes(scenario.id)));
  const failures = checks.map(() => 0);

  const inputDraws = inputs.map(() => new Float64Array(n));
  const npv = new Float64Array(n);
  const cumulative = new Float64Array(n);
  const yearly = Array.from({ length: model.years }, () => new Float64Array(n));
  const channels = channelIds.map((id) => ({ id, npv: new Float64Array(n), cumulative: new Float64Array(n), yearly: Array.from({ length: model.years }, () => new Float64Array(n)) }));
  const index = new Map(inputs.map((u, j) => [u, j]));
  const u = new Float64Array(k);
  const z = new Float64Array(k);
  const drawn = new Float64Array(k);
  const value = (input: UncertainInput) => drawn[index.get(input)!]!;
  const every = Math.max(1, Math.floor(n / 100));

  for (let d = 0; d < n; d++) {
    // 2^-54 keeps every uniform strictly inside (0, 1), where the inverse CDFs are finite.
    for (let j = 0; j < k; j++) u[j] = uniformFloat64(rng) + 2 ** -54;
    if (factor) {
      for (let j = 0; j < k; j++) z[j] = normalQuantile(u[j]!);
      for (let i = 0; i < k; i++) {
        let s = 0;
        for (let j = 0; j <= i; j++) s += factor[i * k + j]! * z[j]!;
        u[i] = Math.min(1 - 2 ** -53, Math.max(2 ** -54, normalCdf(s)));
      }
    }
    for (let j = 0; j < k; j++) {
      drawn[j] = samplers[j]!(u[j]!);
      inputDraws[j]![d] = drawn[j]!;
    }
    for (const update of plan.updates) update.apply(value);
    const out = evaluateFloatPlan(plan);
    npv[d] = out.npv;
    cumulative[d] = out.cumulative;
    out.total.forEach((f, t) => { yearly[t]![d] = f.net_profit; });
    channels.forEach((c, i) => {
      c.npv[d] = out.channelNpv[i]!;
      c.cumulative[d] = out.channelCumulative[i]!;
      out.channels.forEach((year, t) => { c.yearly[t]![d] = year[i]!.net_profit; });
    });
    checks.forEach((check, i) => { if (!checkPasses(check, plan, out, channelIds, segmentIds)) failures[i] = failures[i]! + 1; });
    if (options.progress && (d + 1) % every === 0) options.progress(d + 1);
  }
  return {
    id: scenario.id, name: scenario.name, inputs, inputDraws, correlations, npv, cumulative, yearly, channels,
    checks: checks.map((c, i) => ({ index: c.index >= 0 ? c.index : null, name: c.name, failures: failures[i]! })),
  };
}

// ---- what the draws say ---------------------------------------------------------------------

export interface Spread {
  readonly p10: number;
  readonly p50: number;
  readonly p90: number;
  readonly mean: number;
}

export interface HistogramBin {
  readonly from: number;
  readonly to: number;
  readonly count: number;
}

export interface Driver {
  readonly input: UncertainInput;
  /** Spearman's rank correlation of the input's draws with the scenario's NPV. */
  readonly rank: number;
}

export interface ScenarioSummary {
  readonly id: string;
  readonly name: string;
  readonly draws: number;
  readonly npv: Spread;
  readonly cumulative: Spread;
  readonly yearly: readonly Spread[];
  /** Shares of the draws (0..1) with a negative NPV, and with a negative cumulative net profit. */
  readonly npvBelowZero: number;
  readonly lossProbability: number;
  readonly channels: readonly { readonly id: string; readonly npv: Spread; readonly cumulative: Spread; readonly yearly: readonly Spread[] }[];
  readonly checks: readonly { readonly index: number | null; readonly name: string; readonly failProbability: number }[];
  /** Every input ranked by |rank correlation| with NPV, strongest first (ties by name). */
  readonly drivers: readonly Driver[];
  readonly histogram: readonly HistogramBin[];
  readonly inputs: readonly UncertainInput[];
}

export function spreadOf(values: Float64Array): Spread {
  const sorted = Float64Array.from(values).sort();
  let total = 0;
  for (const v of values) total += v;
  return { p10: quantileOfSorted(sorted, 0.1), p50: quantileOfSorted(sorted, 0.5), p90: quantileOfSorted(sorted, 0.9), mean: total / values.length };
}

/**
 * `bins` equal bins from the smallest to the largest value (one bin when all are equal); a value
 * on a boundary counts in the bin above it, the largest in the last.
 */
export function histogramOf(values: Float64Array, bins: number): HistogramBin[] {
  let lo = Infinity, hi = -Infinity;
  for (const v of values) { if (v < lo) lo = v; if (v > hi) hi = v; }
  if (!(hi > lo)) return [{ from: lo, to: hi, count: values.length }];
  const width = (hi - lo) / bins;
  const counts = new Array<number>(bins).fill(0);
  for (const v of values) counts[Math.min(bins - 1, Math.floor((v - lo) / width))]! += 1;
  return counts.map((count, i) => ({ from: lo + i * width, to: i === bins - 1 ? hi : lo + (i + 1) * width, count }));
}

const share = (values: Float64Array, test: (v: number) => boolean): number => {
  let k = 0;
  for (const v of values) if (test(v)) k++;
  return values.length === 0 ? 0 : k / values.length;
};

export function summarize(s: ScenarioDraws, bins: number): ScenarioSummary {
  const n = s.npv.length;
  const drivers = s.inputs
    .map((input, j) => ({ input, rank: spearman(s.inputDraws[j]!, s.npv) }))
    .sort((a, b) => Math.abs(b.rank) - Math.abs(a.rank) || (a.input.name < b.input.name ? -1 : a.input.name > b.input.name ? 1 : 0));
  return {
    id: s.id, name: s.name, draws: n,
    npv: spreadOf(s.npv), cumulative: spreadOf(s.cumulative), yearly: s.yearly.map(spreadOf),
    npvBelowZero: share(s.npv, (v) => v < 0),
    lossProbability: share(s.cumulative, (v) => v < 0),
    channels: s.channels.map((c) => ({ id: c.id, npv: spreadOf(c.npv), cumulative: spreadOf(c.cumulative), yearly: c.yearly.map(spreadOf) })),
    checks: s.checks.map((c) => ({ index: c.index, name: c.name, failProbability: n === 0 ? 0 : c.failures / n })),
    drivers,
    histogram: histogramOf(s.npv, bins),
    inputs: s.inputs,
  };
}
