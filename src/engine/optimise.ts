// `distplan optimise`: the channel mix per segment and year that maximises NPV (or cumulative net
// profit) under the round table's constraints, as a linear programme (docs/MODEL.md §14f).
//
// Why linear: a cell's customers are the segment's customers × its share, and every line of the
// cell is a product of that with terms that do not depend on the mix (§4), so a cell's exact cm1
// is share × (its cm1 at share 1). Fixed costs, income and shared costs do not depend on the mix.
// So exact NPV = c₀ + Σ b·x, and a channel's contribution in a year = Σ_s k·x + (income − fixed).
// The coefficients are read from the engine itself (the cells of one projection with every share
// at a large power of ten, see `cellCoefficients`), never re-derived here.
//
// Pure: the LP solver is passed in (the CLI loads HiGHS); nothing here loads or prints anything.
import { Decimal, ONE, ZERO, sum, toMinorUnit } from "../money/decimal.js";
import type { Check, Model, Series } from "../model/types.js";
import type { ScenarioModel } from "../model/load.js";
import { projectModel, projectScenarios } from "./projection.js";
import type { Projection, ScenarioProjection } from "./projection-types.js";
import { MAX_SHIFT } from "./lints.js";
import { DEFAULT_CHECK, evaluateChecks } from "./checks.js";

export const OPTIMISE_METRICS = ["npv", "cumulative_net_profit"] as const;
export type OptimiseMetric = (typeof OPTIMISE_METRICS)[number];
export const isOptimiseMetric = (m: string): m is OptimiseMetric => (OPTIMISE_METRICS as readonly string[]).includes(m);
export { MAX_SHIFT };

/** Shares are given to 0.01 point: a whole number of basis points. */
export const SHARE_PLACES = 4;
const GRID = 10 ** SHARE_PLACES;

/** A minimum and/or maximum share of a channel: in one segment, or (segment null) in every segment it serves. */
export interface ShareLimit {
  readonly channel: string;
  readonly segment: string | null;
  readonly min: Decimal | null;
  readonly max: Decimal | null;
  /** Where it was declared: the model's `optimise.limits` (its index) or the command line. */
  readonly from: { readonly kind: "model"; readonly index: number } | { readonly kind: "option"; readonly text: string };
}

export interface Exclusion {
  readonly segment: string;
  readonly channel: string;
  readonly from: { readonly kind: "model"; readonly index: number } | { readonly kind: "option"; readonly text: string };
}

export interface OptimiseConstraints {
  /** The most a share may move from one year to the next, and in the first year from the plan's share. */
  readonly maxShift: Decimal;
  /** Every channel's contribution ≥ 0 in every year. */
  readonly contributionFloor: boolean;
  readonly limits: readonly ShareLimit[];
  readonly exclusions: readonly Exclusion[];
  /** The model's checks on the scenario optimised hold at the optimum, where they are linear in the shares. */
  readonly checks: boolean;
}

export const DEFAULT_CONSTRAINTS: OptimiseConstraints = { maxShift: MAX_SHIFT, contributionFloor: true, limits: [], exclusions: [], checks: true };

/** A constraint as the person declared it: what an infeasible set and a binding list name. */
export type ConstraintRef =
  | { readonly kind: "sum"; readonly segment: string }
  | { readonly kind: "shift"; readonly segment: string; readonly channel: string; readonly maxShift: Decimal }
  | { readonly kind: "limit"; readonly limit: ShareLimit }
  | { readonly kind: "exclude"; readonly exclusion: Exclusion }
  | { readonly kind: "contribution"; readonly channel: string }
  | { readonly kind: "check"; readonly check: Check };

// ---- the linear programme, as plain data for any solver ------------------------------------------

export interface LpRow {
  /** (variable index, coefficient) pairs. */
  readonly terms: readonly (readonly [number, number])[];
  readonly sense: "<=" | ">=" | "=";
  readonly rhs: number;
  /** Index into LinearProgram.groups: the declared constraint this row belongs to. */
  readonly group: number;
  /** What the row says when it binds: the segment × channel and year it is about, and its side. */
  readonly segment: string | null;
  readonly channel: string | null;
  readonly year: number;
  readonly side: "min" | "max";
}

export interface LinearProgram {
  /** Maximise Σ objective[i] × x[i]; every x in [0, 1]. */
  readonly objective: readonly number[];
  readonly rows: readonly LpRow[];
  readonly groups: readonly ConstraintRef[];
}

export type LpSolution =
  | { readonly status: "optimal"; readonly x: readonly number[]; readonly objective: number; readonly duals: readonly number[] }
  | { readonly status: "infeasible" }
  | { readonly status: "failed"; readonly detail: string };

/** A solver: the CLI passes HiGHS (cli/lp.ts); tests may pass the same. */
export type LpSolver = (lp: LinearProgram) => LpSolution;

// ---- the result -------------------------------------------------------------------------------------

export interface Binding {
  readonly ref: ConstraintRef;
  readonly side: "min" | "max";
  readonly segment: string | null;
  readonly channel: string | null;
  readonly years: readonly number[];
}

export type Mix = Readonly<Record<string, Readonly<Record<string, Series>>>>;

export interface OptimiseOptimal {
  readonly kind: "optimal";
  readonly metric: OptimiseMetric;
  readonly constraints: OptimiseConstraints;
  readonly planned: Mix;
  /** The optimal shares, to 0.01 point, each segment's year summing to exactly 100%. */
  readonly shares: Mix;
  /** The scenario optimised and the optimum, projected by the engine (the optimum second). */
  readonly projection: Projection;
  /** The metric as planned (engine). */
  readonly plannedValue: Decimal;
  /** The LP's own optimum, on its unrounded shares (binary floating point, to the cent). */
  readonly lpObjective: Decimal;
  /** c₀ + Σ b·x on the rounded shares, exact, rounded to the cent. */
  readonly linear: Decimal;
  /** The engine's figure on the rounded shares: the truth. */
  readonly engine: Decimal;
  /** The most |engine − linear| can be: 0 for NPV; for cumulative net profit the cells' rounding. */
  readonly gapBound: Decimal;
  readonly binding: readonly Binding[];
  /** Constraints the rounding to 0.01 point left broken (by that much at most); normally none. */
  readonly roundingBreaks: readonly ConstraintRef[];
  /** The model's checks on this scenario that are not linear in the shares, so not constraints. */
  readonly checksNotApplied: readonly Check[];
}

export interface OptimiseInfeasible {
  readonly kind: "infeasible";
  readonly metric: OptimiseMetric;
  readonly constraints: OptimiseConstraints;
  /** A minimal set of declared constraints that cannot hold together (dropping any one makes the rest feasible). */
  readonly conflict: readonly ConstraintRef[];
  readonly checksNotApplied: readonly Check[];
}

export type OptimiseOutcome = OptimiseOptimal | OptimiseInfeasible;

// ---- the coefficients, from the engine ------------------------------------------------------------

/** One decision variable: the share of `channel` in `segment` in year index t. */
export interface Variable {
  readonly segment: string;
  readonly channel: string;
  readonly t: number;
}

interface Coefficients {
  readonly variables: readonly Variable[];
  /** A cell figure per unit of share, for variable i (exact to within half a minor unit / S). */
  readonly cell: (field: CellMetric, i: number) => Decimal;
  /** The engine at every share 0 (fixed costs, income and shared costs only). */
  readonly atZero: ScenarioProjection;
  /** Exact cm1 of the variable's cell per unit of share. */
  readonly cm1: readonly Decimal[];
  /** Per channel per year: footed contribution at every share 0 (income − fixed, each line rounded). */
  readonly contributionAtZero: Readonly<Record<string, readonly Decimal[]>>;
  /** Per year: exact (Σ income − Σ fixed − Σ shared costs), unrounded. */
  readonly exactConstant: readonly Decimal[];
  /** Footed cumulative net profit at every share 0. */
  readonly cumulativeAtZero: Decimal;
}

const withMix = (model: Model, mix: Mix): Model => ({ ...model, mix });

/** The cell figures a linear check reads, and how many rounded leaves each adds up (§4, §8). */
type CellMetric = "revenue" | "market_revenue" | "gross_profit" | "cm1" | "customers";
const LEAVES: Readonly<Record<CellMetric, number>> = { revenue: 2, market_revenue: 1, gross_profit: 3, cm1: 7, customers: 1 };

/**
 * Whether a check is linear in the shares, and how: a yearly figure of cells (revenue, market
 * revenue, gross profit, cm1, customers) of a channel, a segment or the total; a channel's or the
 * total's contribution (cm1 plus a constant); the total's net profit (shared costs are a constant
 * in total); NPV and cumulative net profit of the total; a margin's bound multiplied out
 * (contribution ≥ 10% × revenue). Not linear: a channel's net profit, net margin, NPV or
 * cumulative net profit (its part of the shared costs follows its figures through the allocation).
 */
export function linearCheck(check: Check): { field: CellMetric; horizon: "npv" | "cumulative" | null; ratio?: boolean } | null {
  if (check.variance) return null;
  const m = check.metric;
  // A margin's bound is linear once multiplied out: gross profit ≥ b × revenue.
  if (m === "gross_margin") return { field: "gross_profit", horizon: null, ratio: true };
  if (m === "contribution_margin" && check.segment === null) return { field: "cm1", horizon: null, ratio: true };
  if (m === "net_margin" && check.channel === null && check.segment === null) return { field: "cm1", horizon: null, ratio: true };
  if (m === "revenue" || m === "market_revenue" || m === "gross_profit" || m === "cm1" || m === "customers") return { field: m, horizon: null };
  if (m === "contribution" && check.segment === null) return { field: "cm1", horizon: null };
  if (check.channel !== null || check.segment !== null) return null;
  if (m === "net_profit") return { field: "cm1", horizon: null };
  if (m === "npv") return { field: "cm1", horizon: "npv" };
  if (m === "cumulative_net_profit") return { field: "cm1", horizon: "cumulative" };
  return null;
}

/** The model's bound checks (or the default one) that concern the scenario optimised. */
export function checksOf(model: Model, scenarioId: string): Check[] {
  const checks = model.checks.length > 0 ? model.checks : [DEFAULT_CHECK];
  return checks.filter((c) => !c.variance && (c.scenarios === "all" || c.scenarios.includes(scenarioId)));
}

/** The model's mix with every named cell at `share` in every year. */
function uniformMix(model: Model, share: Decimal): Mix {
  return Object.fromEntries(Object.entries(model.mix).map(([s, row]) => [s, Object.fromEntries(Object.keys(row).map((c) => [c, Array.from({ length: model.years }, () => share)]))]));
}

/**
 * The engine's cells with every share at S = 10^k: a cell's footed cm1 is its exact cm1 at S,
 * rounded to the minor unit, so cm1 / S is the exact cm1 per unit of share to within half a minor
 * unit / S (k is chosen so the largest figure keeps 30 of decimal.js's 40 digits: S ≥ 10^10 on a
 * plan of a billion a cell). Linear because nothing in a cell but customers depends on the share.
 */
function cellCoefficients(model: Model): Coefficients {
  const variables: Variable[] = [];
  for (const segment of model.segments) for (const channel of Object.keys(model.mix[segment.id] ?? {})) for (let t = 0; t < model.years; t++) variables.push({ segment: segment.id, channel, t });
  const atOne = projectModel(withMix(model, uniformMix(model, ONE)));
  let largest = ONE;
  for (const y of atOne.years) for (const ch of Object.values(y.channels)) for (const cell of Object.values(ch.segments)) for (const v of Object.values(cell)) if (v.abs().greaterThan(largest)) largest = v.abs();
  const digits = largest.abs().floor().toFixed().length;
  const scale = new Decimal(10).pow(Math.max(0, 30 - digits));
  const atScale = projectModel(withMix(model, uniformMix(model, scale)));
  const cm1 = variables.map((v) => atScale.years[v.t]!.channels[v.channel]!.segments[v.segment]!.cm1.dividedBy(scale));
  const atZero = projectModel(withMix(model, uniformMix(model, ZERO)));
  const contributionAtZero = Object.fromEntries(model.channels.map((c) => [c.id, atZero.years.map((y) => y.channels[c.id]!.contribution)]));
  const exactConstant = Array.from({ length: model.years }, (_, t) =>
    sum(model.channels.flatMap((c) => [...c.income.map((l) => l.values[t]!), ...c.fixedCosts.map((l) => l.values[t]!.negated())])).minus(sum(model.sharedCosts.map((s) => s.amount[t]!))));
  // The engine at every share 0 must be these lines, each rounded: else the engine has a line
  // this reading does not know (and the NPV below would be wrong), which is a bug to report.
  const places = model.minorUnits;
  const lines = model.channels.reduce((n, c) => n + c.income.length + c.fixedCosts.length, model.sharedCosts.length);
  atZero.years.forEach((y, t) => {
    const slack = new Decimal(10).pow(-places).times(lines).dividedBy(2);
    if (y.total.net_profit.minus(exactConstant[t]!).abs().greaterThan(slack)) throw new Error(`optimise: the plan at zero shares has a net profit of ${y.total.net_profit.toFixed()} in ${y.year}, not the fixed costs, income and shared costs (${exactConstant[t]!.toFixed()})`);
  });
  const cell = (field: CellMetric, i: number) => {
    const v = variables[i]!;
    return atScale.years[v.t]!.channels[v.channel]!.segments[v.segment]![field].dividedBy(scale);
  };
  return { variables, cell, atZero, cm1, contributionAtZero, exactConstant, cumulativeAtZero: atZero.cumulativeNetProfit };
}

/** The metric's coefficient per variable and its constant, exact. */
function objectiveOf(model: Model, metric: OptimiseMetric, k: Coefficients): { b: Decimal[]; c0: Decimal } {
  if (metric === "cumulative_net_profit") return { b: [...k.cm1], c0: k.cumulativeAtZero };
  const factor = ONE.plus(model.discountRate);
  const discount = Array.from({ length: model.years }, (_, t) => factor.pow(t + 1));
  return { b: k.cm1.map((x, i) => x.dividedBy(discount[k.variables[i]!.t]!)), c0: sum(k.exactConstant.map((c, t) => c.dividedBy(discount[t]!))) };
}

// ---- building the programme -----------------------------------------------------------------------

function buildProgram(model: Model, k: Coefficients, b: readonly Decimal[], c: OptimiseConstraints, checks: readonly Check[], enabled: (group: number) => boolean): LinearProgram {
  const groups: ConstraintRef[] = [];
  const rows: LpRow[] = [];
  const index = new Map(k.variables.map((v, i) => [`${v.segment}\u0000${v.channel}\u0000${v.t}`, i]));
  const at = (segment: string, channel: string, t: number) => index.get(`${segment}\u0000${channel}\u0000${t}`);
  const year = (t: number) => model.startYear + t;
  const group = (ref: ConstraintRef) => groups.push(ref) - 1;
  const add = (g: number, row: Omit<LpRow, "group">) => { if (enabled(g)) rows.push({ ...row, group: g }); };
  const places = model.minorUnits;
  const unit = new Decimal(10).pow(-places);

  for (const segment of model.segments) {
    const channels = Object.keys(model.mix[segment.id] ?? {});
    const g = group({ kind: "sum", segment: segment.id });
    for (let t = 0; t < model.years; t++) add(g, { terms: channels.map((ch) => [at(segment.id, ch, t)!, 1] as const), sense: "=", rhs: 1, segment: segment.id, channel: null, year: year(t), side: "max" });
  }
  const shift = c.maxShift.toNumber();
  for (const segment of model.segments) {
    for (const [channel, planned] of Object.entries(model.mix[segment.id] ?? {})) {
      const g = group({ kind: "shift", segment: segment.id, channel, maxShift: c.maxShift });
      const first = at(segment.id, channel, 0)!;
      const p0 = planned[0]!.toNumber();
      add(g, { terms: [[first, 1]], sense: "<=", rhs: p0 + shift, segment: segment.id, channel, year: year(0), side: "max" });
      add(g, { terms: [[first, 1]], sense: ">=", rhs: p0 - shift, segment: segment.id, channel, year: year(0), side: "min" });
      for (let t = 1; t < model.years; t++) {
        const terms = [[at(segment.id, channel, t)!, 1], [at(segment.id, channel, t - 1)!, -1]] as const;
        add(g, { terms, sense: "<=", rhs: shift, segment: segment.id, channel, year: year(t), side: "max" });
        add(g, { terms, sense: ">=", rhs: -shift, segment: segment.id, channel, year: year(t), side: "min" });
      }
    }
  }
  for (const limit of c.limits) {
    const g = group({ kind: "limit", limit });
    const segments = limit.segment === null ? model.segments.map((s) => s.id).filter((s) => model.mix[s]?.[limit.channel] !== undefined) : [limit.segment];
    for (const segment of segments) {
      for (let t = 0; t < model.years; t++) {
        const i = at(segment, limit.channel, t);
        // A channel the segment's mix does not name has no share: a minimum above 0 cannot hold.
        const terms = i === undefined ? [] : [[i, 1] as const];
        if (limit.min !== null) add(g, { terms, sense: ">=", rhs: limit.min.toNumber(), segment, channel: limit.channel, year: year(t), side: "min" });
        if (limit.max !== null) add(g, { terms, sense: "<=", rhs: limit.max.toNumber(), segment, channel: limit.channel, year: year(t), side: "max" });
      }
    }
  }
  for (const exclusion of c.exclusions) {
    const g = group({ kind: "exclude", exclusion });
    for (let t = 0; t < model.years; t++) {
      const i = at(exclusion.segment, exclusion.channel, t);
      if (i !== undefined) add(g, { terms: [[i, 1]], sense: "<=", rhs: 0, segment: exclusion.segment, channel: exclusion.channel, year: year(t), side: "max" });
    }
  }
  if (c.contributionFloor) {
    for (const ch of model.channels) {
      const g = group({ kind: "contribution", channel: ch.id });
      for (let t = 0; t < model.years; t++) {
        const mine = k.variables.map((v, i) => ({ v, i })).filter(({ v }) => v.channel === ch.id && v.t === t);
        // The floor is on the footed contribution: each cell's cm1 may fall 3.5 minor units below
        // its exact value (7 rounded leaves), and rounding the shares to 0.01 point moves a cell by
        // at most 0.0001 × its coefficient. The row asks for that much above 0, so the rounded
        // answer keeps every contribution ≥ 0 as the engine foots it.
        const margin = unit.times(3.5).times(mine.length).plus(sum(mine.map(({ i }) => k.cm1[i]!.abs())).dividedBy(GRID));
        add(g, { terms: mine.map(({ i }) => [i, k.cm1[i]!.toNumber()] as const), sense: ">=", rhs: margin.minus(k.contributionAtZero[ch.id]![t]!).toNumber(), segment: null, channel: ch.id, year: year(t), side: "min" });
      }
    }
  }
  for (const check of checks) {
    const how = linearCheck(check)!;
    const g = group({ kind: "check", check });
    const inScope = (v: Variable) => (check.channel === null || v.channel === check.channel) && (check.segment === null || v.segment === check.segment);
    const bound = (terms: { i: number; coef: Decimal }[], constant: Decimal, margin: Decimal, year: number) => {
      const lp = terms.map(({ i, coef }) => [i, coef.toNumber()] as const);
      if (check.min !== null) add(g, { terms: lp, sense: ">=", rhs: check.min.plus(margin).minus(constant).toNumber(), segment: check.segment, channel: check.channel, year, side: "min" });
      if (check.max !== null) add(g, { terms: lp, sense: "<=", rhs: check.max.minus(margin).minus(constant).toNumber(), segment: check.segment, channel: check.channel, year, side: "max" });
    };
    const shareRounding = (terms: { coef: Decimal }[]) => sum(terms.map((x) => x.coef.abs())).dividedBy(GRID);
    if (how.horizon === "npv") {
      const terms = b.map((coef, i) => ({ i, coef }));
      const c0 = objectiveOf(model, "npv", k).c0;
      // NPV is rounded once: half a minor unit, plus rounding the shares.
      bound(terms, c0, unit.dividedBy(2).plus(shareRounding(terms)), year(model.years - 1));
      continue;
    }
    if (how.horizon === "cumulative") {
      const terms = k.cm1.map((coef, i) => ({ i, coef }));
      bound(terms, k.cumulativeAtZero, unit.times(3.5).times(terms.length).plus(shareRounding(terms)), year(model.years - 1));
      continue;
    }
    const selected = Array.from({ length: model.years }, (_, t) => t).filter((t) => {
      const y = year(t);
      if (check.years.kind === "last") return t === model.years - 1;
      if (check.years.kind === "range") return y >= check.years.from && y <= check.years.to;
      return true;
    });
    for (const t of selected) {
      const terms = k.variables.flatMap((v, i) => (v.t === t && inScope(v) ? [{ i, coef: k.cell(how.field, i) }] : []));
      const at = k.atZero.years[t]!;
      const scope = check.channel !== null ? at.channels[check.channel]! : check.segment !== null ? at.segments[check.segment]! : at.total;
      const numerator = check.metric === "contribution_margin" ? "contribution" : check.metric === "net_margin" ? "net_profit" : check.metric;
      const constant = numerator === "contribution" || numerator === "net_profit" ? (scope as typeof at.total)[numerator] : ZERO;
      // Footed figures: each cell's figure may be off its exact value by half a unit per rounded
      // leaf (customers: half a hundredth); rounding the shares moves it by 0.0001 × the coefficients.
      const per = how.field === "customers" ? new Decimal("0.005") : unit.dividedBy(2).times(LEAVES[how.field]);
      if (!how.ratio) {
        bound(terms, constant, per.times(terms.length).plus(shareRounding(terms)), year(t));
        continue;
      }
      // numerator − b × revenue ≥ 0 (min) or ≤ 0 (max); revenue is footed from 2 leaves a cell.
      for (const [r, sense, side] of [[check.min, ">=", "min"], [check.max, "<=", "max"]] as const) {
        if (r === null) continue;
        const moved = terms.map(({ i, coef }) => ({ i, coef: coef.minus(r.times(k.cell("revenue", i))) }));
        const margin = per.plus(unit.times(r.abs())).times(terms.length).plus(shareRounding(moved));
        const rhs = sense === ">=" ? margin.minus(constant) : margin.negated().minus(constant);
        add(g, { terms: moved.map(({ i, coef }) => [i, coef.toNumber()] as const), sense, rhs: rhs.toNumber(), segment: check.segment, channel: check.channel, year: year(t), side });
      }
    }
  }
  return { objective: b.map((x) => x.toNumber()), rows, groups };
}

// ---- rounding the answer to the grid -------------------------------------------------------------

/**
 * Each segment's shares of a year to whole basis points, summing to exactly 10,000, year after
 * year. Each share first gets the range of basis points its own constraints allow — within the
 * shift rule of last year's *rounded* share (in the first year, of the plan's), within its limits,
 * 0 when excluded — rounded inward; then it is floored and moved into that range, and the basis
 * points still missing (or too many) go to (come from) the shares with the largest (smallest)
 * remainders that have room, ties to the channel written first. A share so moves less than one
 * basis point. A range the grid cannot meet (a bound off the grid by less than a basis point on
 * both sides) is dropped, and the check after rounding names what broke.
 */
function roundedShares(model: Model, variables: readonly Variable[], x: readonly number[], c: OptimiseConstraints): Mix {
  const out: Record<string, Record<string, Decimal[]>> = {};
  const grid = new Decimal(GRID);
  const shift = c.maxShift.times(grid);
  for (const segment of model.segments) {
    const channels = Object.keys(model.mix[segment.id] ?? {});
    out[segment.id] = Object.fromEntries(channels.map((ch) => [ch, [] as Decimal[]]));
    for (let t = 0; t < model.years; t++) {
      const raw = channels.map((ch) => {
        const v = Math.min(1, Math.max(0, x[variables.findIndex((w) => w.segment === segment.id && w.channel === ch && w.t === t)]!)) * GRID;
        // A value within the solver's tolerance of a basis point is that basis point.
        return Math.abs(v - Math.round(v)) < 1e-6 ? Math.round(v) : v;
      });
      const ranges = channels.map((ch) => {
        const before = t === 0 ? model.mix[segment.id]![ch]![0]!.times(grid) : out[segment.id]![ch]![t - 1]!.times(grid);
        let lo = Decimal.max(0, before.minus(shift).ceil()).toNumber();
        let hi = Decimal.min(GRID, before.plus(shift).floor()).toNumber();
        for (const l of c.limits) {
          if (l.channel !== ch || (l.segment !== null && l.segment !== segment.id)) continue;
          if (l.min !== null) lo = Math.max(lo, l.min.times(grid).ceil().toNumber());
          if (l.max !== null) hi = Math.min(hi, l.max.times(grid).floor().toNumber());
        }
        if (c.exclusions.some((e) => e.segment === segment.id && e.channel === ch)) hi = 0;
        return lo <= hi ? { lo, hi } : { lo: 0, hi: GRID };
      });
      const r = raw.map((v, i) => Math.min(ranges[i]!.hi, Math.max(ranges[i]!.lo, Math.floor(v))));
      let left = GRID - r.reduce((a, b) => a + b, 0);
      const byRemainder = () => raw.map((v, i) => ({ i, rem: v - r[i]! })).sort((a, b) => b.rem - a.rem || a.i - b.i);
      for (const strict of [true, false]) {
        for (const { i } of byRemainder()) {
          if (left <= 0) break;
          if (strict && r[i]! >= ranges[i]!.hi) continue;
          r[i]!++;
          left--;
        }
        for (const { i } of byRemainder().reverse()) {
          if (left >= 0) break;
          if (strict ? r[i]! <= ranges[i]!.lo : r[i]! <= 0) continue;
          r[i]!--;
          left++;
        }
      }
      channels.forEach((ch, i) => out[segment.id]![ch]!.push(new Decimal(r[i]!).dividedBy(GRID)));
    }
  }
  return out;
}

/** The declared constraints the rounded shares break (exactly; contribution on the engine's footed figures). */
function brokenByRounding(model: Model, shares: Mix, c: OptimiseConstraints, p: ScenarioProjection): ConstraintRef[] {
  const broken: ConstraintRef[] = [];
  for (const segment of model.segments) {
    for (const [channel, planned] of Object.entries(model.mix[segment.id] ?? {})) {
      const s = shares[segment.id]![channel]!;
      if (s.some((v, t) => v.minus(t === 0 ? planned[0]! : s[t - 1]!).abs().greaterThan(c.maxShift))) broken.push({ kind: "shift", segment: segment.id, channel, maxShift: c.maxShift });
    }
  }
  for (const limit of c.limits) {
    const segments = limit.segment === null ? Object.keys(shares).filter((s) => shares[s]![limit.channel]) : [limit.segment];
    const bad = segments.some((s) => (shares[s]?.[limit.channel] ?? [ZERO]).some((v) => (limit.min !== null && v.lessThan(limit.min)) || (limit.max !== null && v.greaterThan(limit.max))));
    if (bad) broken.push({ kind: "limit", limit });
  }
  for (const e of c.exclusions) if ((shares[e.segment]?.[e.channel] ?? []).some((v) => !v.isZero())) broken.push({ kind: "exclude", exclusion: e });
  if (c.contributionFloor) for (const ch of model.channels) if (p.years.some((y) => y.channels[ch.id]!.contribution.isNegative())) broken.push({ kind: "contribution", channel: ch.id });
  return broken;
}

/** The applied checks that fail on the rounded optimum, evaluated as `check` does. */
function checksBroken(scenario: ScenarioModel, shares: Mix, checks: readonly Check[]): ConstraintRef[] {
  if (checks.length === 0) return [];
  const model = withMix(scenario.model, shares);
  const outcomes = evaluateChecks({ ...model, checks: [...checks] }, projectScenarios([{ ...scenario, model }]));
  return checks.filter((_, i) => !outcomes[i]!.passed).map((check) => ({ kind: "check", check }));
}

// ---- the optimiser ------------------------------------------------------------------------------------

export function metricOfProjection(p: ScenarioProjection, metric: OptimiseMetric): Decimal {
  return metric === "npv" ? p.npv : p.cumulativeNetProfit;
}

export interface OptimiseRequest {
  readonly metric: OptimiseMetric;
  readonly constraints: OptimiseConstraints;
  /** The optimum's scenario id and name (in the projection and a written file). */
  readonly id: string;
  readonly name: string;
}

export function optimiseMix(scenario: ScenarioModel, request: OptimiseRequest, solver: LpSolver): OptimiseOutcome {
  const model = scenario.model;
  const { metric, constraints } = request;
  const k = cellCoefficients(model);
  const { b, c0 } = objectiveOf(model, metric, k);
  const considered = constraints.checks ? checksOf(model, scenario.id) : [];
  const checks = considered.filter((c) => linearCheck(c) !== null);
  const checksNotApplied = considered.filter((c) => linearCheck(c) === null);
  const all = () => true;
  const lp = buildProgram(model, k, b, constraints, checks, all);
  const solution = solver(lp);
  if (solution.status === "failed") throw new Error(`optimise: the LP solver failed: ${solution.detail}`);
  if (solution.status === "infeasible") return { kind: "infeasible", metric, constraints, conflict: minimalConflict(model, k, b, constraints, checks, lp.groups.length, solver).map((g) => lp.groups[g]!), checksNotApplied };

  const shares = roundedShares(model, k.variables, solution.x, constraints);
  const optimum = { id: request.id, name: request.name, description: "", model: withMix(model, shares) };
  const projection = projectScenarios([scenario, optimum]);
  const [planned, best] = projection.scenarios as [ScenarioProjection, ScenarioProjection];
  const x = k.variables.map((v) => shares[v.segment]![v.channel]![v.t]!);
  const exactLinear = c0.plus(sum(b.map((bi, i) => bi.times(x[i]!))));
  const places = model.minorUnits;
  const cells = x.filter((v) => !v.isZero()).length;
  // The LP's own figure: its floating-point objective on the unrounded shares, plus c₀.
  const lpObjective = toMinorUnit(c0.plus(new Decimal(String(solution.objective))), places);
  return {
    kind: "optimal",
    metric,
    constraints,
    planned: model.mix,
    shares,
    projection,
    plannedValue: metricOfProjection(planned, metric),
    lpObjective,
    linear: toMinorUnit(exactLinear, places),
    engine: metricOfProjection(best, metric),
    gapBound: metric === "npv" ? ZERO : new Decimal(10).pow(-places).times(3.5).times(cells).toDecimalPlaces(places, Decimal.ROUND_FLOOR),
    binding: bindingOf(lp, solution),
    roundingBreaks: [...brokenByRounding(model, shares, constraints, best), ...checksBroken(scenario, shares, checks)],
    checksNotApplied,
  };
}

/** The rows at their bound with a dual price: what holds the optimum back, grouped by constraint, side and cell. */
function bindingOf(lp: LinearProgram, s: Extract<LpSolution, { status: "optimal" }>): Binding[] {
  const out: Binding[] = [];
  lp.rows.forEach((row, r) => {
    const ref = lp.groups[row.group]!;
    if (ref.kind === "sum") return; // every segment's shares add up to 100%: always binding, never news
    const activity = row.terms.reduce((a, [i, c]) => a + c * s.x[i]!, 0);
    const scale = Math.max(1, Math.abs(row.rhs), ...row.terms.map(([, c]) => Math.abs(c)));
    if (Math.abs(activity - row.rhs) > 1e-7 * scale || Math.abs(s.duals[r] ?? 0) < 1e-9) return;
    const same = out.find((bd) => bd.ref === ref && bd.side === row.side && bd.segment === row.segment && bd.channel === row.channel);
    if (same) (same.years as number[]).push(row.year);
    else out.push({ ref, side: row.side, segment: row.segment, channel: row.channel, years: [row.year] });
  });
  return out;
}

/**
 * A minimal infeasible set of declared constraints, by deletion: drop each constraint in turn and
 * keep it dropped when the rest is still infeasible. What remains is infeasible, and dropping any
 * one of it makes the rest feasible (each was needed when it was tried, and dropping others later
 * only makes the rest feasible more easily). One LP per declared constraint.
 */
function minimalConflict(model: Model, k: Coefficients, b: readonly Decimal[], c: OptimiseConstraints, checks: readonly Check[], groups: number, solver: LpSolver): number[] {
  const kept = new Set(Array.from({ length: groups }, (_, g) => g));
  for (let g = 0; g < groups; g++) {
    kept.delete(g);
    const lp = buildProgram(model, k, b, c, checks, (x) => kept.has(x));
    if (solver(lp).status !== "infeasible") kept.add(g);
  }
  return [...kept].sort((a, z) => a - z);
}

/** The objective at some shares by the linear model (exact), for tests: c₀ + Σ b·x. */
export function linearMetric(scenario: ScenarioModel, metric: OptimiseMetric, shares: Mix): Decimal {
  const model = scenario.model;
  const k = cellCoefficients(model);
  const { b, c0 } = objectiveOf(model, metric, k);
  return c0.plus(sum(k.variables.map((v, i) => b[i]!.times(shares[v.segment]![v.channel]![v.t]!))));
}
