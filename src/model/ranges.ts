// Ranges (docs/MODEL.md "Ranges and simulation"): where a number stands, a range may stand
// instead. values.ts parses a range into its point value, which is all the plan and every command
// but `simulate` see; normalize.ts checks each range here and records, beside the normalized
// series it produced, how that series is made from its ranges (a recipe), so that `simulate`
// can make the series again from drawn values. The recipes are side data keyed by the identity
// of the normalized series (or scalar), like the engine's ProjectionMemo: nothing global is
// mutated per call, and a scenario that reuses base's series reuses its recipe too.
import { Decimal } from "../money/decimal.js";
import { error, suggest, type Issue, type Path } from "./issues.js";
import { isRange, percentText, seriesForm } from "./values.js";
import type { CorrelationFile, Distribution, ModelFile, RangeFile, ScalarInput } from "./types.js";

export type RangeKind = "money" | "count" | "percent";

/** One range as written: a random input of the simulation. Ends and point as binary floats. */
export interface UncertainInput {
  /** The dotted path of the range, as `correlate` and the output name it: segments.smb.churn. */
  readonly name: string;
  /** Where it is written (for messages). */
  readonly path: Path;
  readonly dist: Distribution;
  readonly kind: RangeKind;
  /** triangular and pert: low, mode, high. normal and lognormal: p10, midpoint, p90. */
  readonly low: number;
  readonly mode: number;
  readonly high: number;
  /** The exact value the plan uses (mode or midpoint). */
  readonly point: Decimal;
}

/** A parameter of a series: a fixed value (already a float) or a range. */
export type Param = number | UncertainInput;

export type Recipe = {
  /** The field's bounds: a series made from draws is kept within them (a share within 0..100%). */
  readonly min: number | null;
  readonly max: number | null;
} & (
  | { readonly form: "scalar"; readonly value: Param }
  | { readonly form: "list"; readonly values: readonly Param[] }
  | { readonly form: "growth"; readonly start: Param; readonly growth: Param }
  | { readonly form: "line"; readonly from: Param; readonly to: Param }
);

/** The recipe of a normalized series (or scalar Decimal) that holds at least one range. */
export type RecipeBook = WeakMap<object, Recipe>;
export const RECIPES: RecipeBook = new WeakMap();
export const recipeOf = (target: object): Recipe | undefined => RECIPES.get(target);

export const paramsOf = (recipe: Recipe): UncertainInput[] => {
  const all: Param[] = recipe.form === "scalar" ? [recipe.value] : recipe.form === "list" ? [...recipe.values] : recipe.form === "growth" ? [recipe.start, recipe.growth] : [recipe.from, recipe.to];
  return all.filter((p): p is UncertainInput => typeof p !== "number");
};

/**
 * The series a recipe makes from drawn values (`value` gives each range's draw), written into
 * `out`: expandSeries's formulas in binary floating point, clamped to the field's bounds.
 */
export function evaluateRecipe(recipe: Recipe, value: (u: UncertainInput) => number, out: Float64Array): void {
  const v = (p: Param) => (typeof p === "number" ? p : value(p));
  const n = out.length;
  switch (recipe.form) {
    case "scalar": out.fill(v(recipe.value)); break;
    case "list": for (let t = 0; t < n; t++) out[t] = v(recipe.values[t]!); break;
    case "growth": {
      const start = v(recipe.start);
      const factor = 1 + v(recipe.growth);
      for (let t = 0; t < n; t++) out[t] = start * factor ** t;
      break;
    }
    case "line": {
      const a = v(recipe.from);
      const b = v(recipe.to);
      if (n === 1) out[0] = a;
      else for (let t = 0; t < n; t++) out[t] = (a * (n - 1 - t) + b * t) / (n - 1);
      break;
    }
  }
  if (recipe.min !== null || recipe.max !== null) {
    for (let t = 0; t < n; t++) {
      if (recipe.min !== null && out[t]! < recipe.min) out[t] = recipe.min;
      if (recipe.max !== null && out[t]! > recipe.max) out[t] = recipe.max;
    }
  }
}

const asFloat = (d: Decimal): number => Number(d.toString());

/** The dotted name of a path into the file: ids for list entries, the year for a list of values. */
export function rangeName(path: Path, file: ModelFile): string {
  const names: string[] = [];
  let node: unknown = file;
  path.forEach((segment, i) => {
    const parent = node;
    node = (node as Record<string | number, unknown> | null)?.[segment];
    if (typeof segment !== "number" || !Array.isArray(parent)) { names.push(String(segment)); return; }
    const entry = node as Record<string, unknown> | null;
    if (entry !== null && typeof entry === "object" && typeof entry.id === "string") names.push(entry.id);
    else if (i === 1 && path[0] === "conflicts" && entry !== null && typeof entry === "object") names.push(`${String(entry.segment)}.${String(entry.seller)}.${String(entry.owner)}`);
    else names.push(String(file.start_year + segment));
  });
  return names.join(".");
}

interface Bounds {
  readonly min?: Decimal;
  readonly max?: Decimal;
}

/**
 * Checks one range and returns it as an uncertain input (null when it has an error). `growth`:
 * the range is a growth rate, which must stay above −100%.
 */
export function checkRange(range: RangeFile, path: Path, name: string, kind: RangeKind, parse: (v: ScalarInput) => Decimal, bounds: Bounds, field: string, growth: boolean, issues: Issue[]): UncertainInput | null {
  const before = issues.length;
  const has = (k: keyof RangeFile) => range[k] !== undefined;
  const triangle = has("low") || has("mode") || has("high");
  const quantiles = has("p10") || has("p90");
  if (triangle && quantiles) {
    issues.push(error("RANGE_FORM", [...path, has("p10") ? "p10" : "p90"], { field }, { atKey: true }));
    return null;
  }
  const dist: Distribution = range.dist ?? (triangle ? "triangular" : "normal");
  if (triangle !== (dist === "triangular" || dist === "pert")) {
    issues.push(error("RANGE_DIST", [...path, "dist"], { dist, form: triangle ? "low, mode, high" : "p10, p90", fits: triangle ? "triangular or pert" : "normal or lognormal" }));
  }
  const shown = (v: Decimal) => (kind === "percent" ? percentText(v) : v.toFixed());
  const keys: (keyof RangeFile)[] = triangle ? ["low", "mode", "high"] : ["p10", "p90"];
  const values = keys.map((k) => parse(range[k] as ScalarInput));
  if (triangle) {
    const [low, mode, high] = values as [Decimal, Decimal, Decimal];
    if (mode.lessThan(low)) issues.push(error("RANGE_ORDER", [...path, "mode"], { field, rule: `low ≤ mode ≤ high`, found: `low ${shown(low)} > mode ${shown(mode)}` }));
    else if (high.lessThan(mode)) issues.push(error("RANGE_ORDER", [...path, "high"], { field, rule: `low ≤ mode ≤ high`, found: `mode ${shown(mode)} > high ${shown(high)}` }));
  } else {
    const [p10, p90] = values as [Decimal, Decimal];
    if (!p10.lessThan(p90)) issues.push(error("RANGE_ORDER", [...path, "p90"], { field, rule: "p10 < p90", found: `p10 ${shown(p10)}, p90 ${shown(p90)}` }));
    if (dist === "lognormal" && p10.lessThanOrEqualTo(0)) issues.push(error("RANGE_LOGNORMAL", [...path, "p10"], { field, value: shown(p10) }));
  }
  keys.forEach((k, i) => {
    const v = values[i]!;
    const at = [...path, k];
    if (growth) {
      if (v.lessThanOrEqualTo(-1)) issues.push(error("GROWTH_TOO_LOW", at, { value: percentText(v) }));
    } else if (bounds.min !== undefined && v.lessThan(bounds.min)) issues.push(error("NEGATIVE_VALUE", at, { field: `${field} (${k})`, value: shown(v), year: "" }));
    else if (bounds.max !== undefined && v.greaterThan(bounds.max)) issues.push(error("PERCENT_OVER_100", at, { field: `${field} (${k})`, value: shown(v), year: "" }));
  });
  if (issues.length > before) return null;
  const point = triangle ? values[1]! : values[0]!.plus(values[1]!).dividedBy(2);
  const [low, high] = [values[0]!, values.at(-1)!];
  return { name, path, dist, kind, low: asFloat(low), mode: asFloat(point), high: asFloat(high), point };
}

/** Every range in a series as written, with its path and whether it is a growth rate. */
export function rangesInSeries(input: unknown, path: Path): { range: RangeFile; path: Path; growth: boolean }[] {
  if (input === undefined) return [];
  if (isRange(input)) return [{ range: input, path, growth: false }];
  const form = seriesForm(input);
  if (form === "list") return (input as unknown[]).flatMap((v, t) => (isRange(v) ? [{ range: v, path: [...path, t], growth: false }] : []));
  if (form === "scalar") return [];
  const entries = input as Record<string, unknown>;
  return Object.entries(entries).flatMap(([k, v]) => (isRange(v) ? [{ range: v, path: [...path, k], growth: k === "growth" }] : []));
}

// ---- correlation -----------------------------------------------------------------------------

/** A pair of inputs (indexes into the list given) and the rank correlation asked for. */
export interface Correlation {
  readonly a: number;
  readonly b: number;
  readonly rank: number;
}

/**
 * The Pearson correlation of two normals whose ranks correlate by `rank`: a Gaussian copula with
 * correlation ρ has Spearman's ρ_s = (6/π)·asin(ρ/2), so ρ = 2·sin(π·ρ_s/6).
 */
export const normalCorrelation = (rank: number): number => 2 * Math.sin((Math.PI * rank) / 6);

/**
 * The lower Cholesky factor of a symmetric matrix (row-major, n × n), or null when the matrix is
 * not positive definite (the correlations asked for cannot hold together).
 */
export function cholesky(matrix: readonly number[], n: number): Float64Array | null {
  const l = new Float64Array(n * n);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j <= i; j++) {
      let s = matrix[i * n + j]!;
      for (let k = 0; k < j; k++) s -= l[i * n + k]! * l[j * n + k]!;
      if (i === j) {
        if (s <= 1e-12) return null;
        l[i * n + i] = Math.sqrt(s);
      } else l[i * n + j] = s / l[j * n + j]!;
    }
  }
  return l;
}

/** The normals' correlation matrix for the inputs (identity where no pair is named). */
export function correlationMatrix(n: number, pairs: readonly Correlation[]): number[] {
  const m: number[] = Array.from({ length: n * n }, (_, k) => (k % (n + 1) === 0 ? 1 : 0));
  for (const { a, b, rank } of pairs) m[a * n + b] = m[b * n + a] = normalCorrelation(rank);
  return m;
}

/**
 * The `correlate:` pairs resolved against the inputs. A name is an input's own, or a field that
 * holds exactly one range (segments.smb.revenue_per_customer for its one ranged start). With
 * `report`, a name that matches nothing is an issue (base); without, the pair is left out (a
 * scenario that set the ranged value to a number).
 */
export function resolveCorrelations(inputs: readonly UncertainInput[], pairs: readonly CorrelationFile[], issues: Issue[] | null): Correlation[] {
  const names = inputs.map((u) => u.name);
  const find = (name: string, at: Path): number | null => {
    const exact = names.indexOf(name);
    if (exact >= 0) return exact;
    const under = names.flatMap((n, i) => (n.startsWith(`${name}.`) ? [i] : []));
    if (under.length === 1) return under[0]!;
    issues?.push(error("CORRELATE_UNKNOWN", at, {
      name,
      known: (under.length > 1 ? under.map((i) => names[i]!) : names).join(", "),
      many: under.length > 1 ? "yes" : "",
      suggestion: under.length > 1 ? "" : (suggest(name, names) ?? ""),
    }));
    return null;
  };
  const out: Correlation[] = [];
  const seen = new Map<string, number>();
  pairs.forEach((p, i) => {
    const a = find(p.between[0], ["correlate", i, "between", 0]);
    const b = find(p.between[1], ["correlate", i, "between", 1]);
    if (a === null || b === null) return;
    if (a === b) { issues?.push(error("CORRELATE_SELF", ["correlate", i, "between"], { name: names[a]! })); return; }
    const key = a < b ? `${a},${b}` : `${b},${a}`;
    if (seen.has(key)) { issues?.push(error("CORRELATE_TWICE", ["correlate", i], { a: names[a]!, b: names[b]!, first: seen.get(key)! + 1 })); return; }
    seen.set(key, i);
    out.push({ a, b, rank: p.rank });
  });
  if (issues && out.length > 0 && cholesky(correlationMatrix(inputs.length, out), inputs.length) === null) {
    issues.push(error("CORRELATE_IMPOSSIBLE", ["correlate"], { count: out.length }, { atKey: true }));
  }
  return out;
}
