// Which change did it: the change in base's NPV and in each year's net profit between two versions
// of a model, split over the changed assumptions with Shapley values — each assumption's average
// marginal effect over every order of applying them (docs/MODEL.md "Attribution"). The parts add
// up to the whole change exactly to the cent. Pure.
import { Decimal, ZERO } from "../money/decimal.js";
import { normalizeModel } from "../model/normalize.js";
import type { ModelFile } from "../model/types.js";
import { projectScenarios } from "../engine/projection.js";
import type { AssumptionChange } from "./assumptions.js";

/** Roots of the file whose changes can move base's figures. */
const MOVING = new Set(["discount_rate", "segments", "channels", "mix", "conflicts", "shared_costs"]);
/** Exact Shapley values up to this many players (2^n evaluations); beyond, changes are grouped. */
export const MAX_PLAYERS = 10;

export interface AttributionPart {
  /** A model path, or a group of them ("mix.smb", "channels.partners", "structure"). */
  readonly label: string;
  readonly paths: readonly string[];
  readonly npv: Decimal;
  readonly netProfit: readonly Decimal[];
}

export type Attribution =
  | { readonly kind: "parts"; readonly years: readonly number[]; readonly parts: readonly AttributionPart[]; readonly total: Omit<AttributionPart, "label" | "paths">; readonly grouped: boolean }
  | { readonly kind: "none"; readonly reason: "no-change" | "horizon" | "coupled" };

interface Player {
  readonly label: string;
  readonly changes: readonly AssumptionChange[];
}

/** The figures of base for one version of the file, or null when that combination is not a valid model. */
interface Value {
  readonly npv: Decimal;
  readonly netProfit: readonly Decimal[];
}

/** `places`: decimals of the currency's minor unit (2 for EUR): the parts are whole minor units. */
export function attribute(before: ModelFile, after: ModelFile, changes: readonly AssumptionChange[], places = 2): Attribution {
  if (before.start_year !== after.start_year || (before.years ?? 5) !== (after.years ?? 5) || (before.currency ?? "EUR") !== (after.currency ?? "EUR")) return { kind: "none", reason: "horizon" };
  const moving = changes.filter((c) => MOVING.has(c.path.split(".")[0]!));
  if (moving.length === 0) return { kind: "none", reason: "no-change" };
  // Groupings from finest to coarsest: each change on its own (a segment's mix together, since
  // its shares must keep summing to 100%, and the channel structure together); then by the first
  // two parts of the path; then by the first part; the first whose every subset is a valid model
  // and that has at most MAX_PLAYERS players is used.
  const groupings: ((c: AssumptionChange) => string)[] = [
    (c) => (c.structural ? "structure" : c.path.startsWith("mix.") ? c.path.split(".").slice(0, 2).join(".") : c.path),
    (c) => (c.structural || c.path.startsWith("mix.") ? "structure" : c.path.split(".").slice(0, 2).join(".")),
    (c) => (c.structural || c.path.startsWith("mix.") ? "structure" : c.path.split(".")[0]!),
  ];
  const years = Array.from({ length: after.years ?? 5 }, (_, t) => after.start_year + t);
  for (const [g, key] of groupings.entries()) {
    const players = playersBy(moving, key);
    if (players.length > MAX_PLAYERS) continue;
    const values = evaluateAll(before, players);
    if (values === null) continue;
    return { kind: "parts", years, grouped: g > 0 || players.some((p) => p.changes.length > 1), ...shapley(players, values, years.length, places) };
  }
  return { kind: "none", reason: "coupled" };
}

function playersBy(changes: readonly AssumptionChange[], key: (c: AssumptionChange) => string): Player[] {
  const groups = new Map<string, AssumptionChange[]>();
  for (const c of changes) groups.set(key(c), [...(groups.get(key(c)) ?? []), c]);
  return [...groups].map(([label, cs]) => ({ label, changes: cs }));
}

/** v(S) for every subset S (by bitmask) of the players, or null when one subset is not a valid model. */
function evaluateAll(before: ModelFile, players: readonly Player[]): Value[] | null {
  const values: Value[] = [];
  for (let mask = 0; mask < 1 << players.length; mask++) {
    const file = structuredClone(before) as unknown as Record<string, unknown>;
    players.forEach((p, i) => {
      if (mask & (1 << i)) for (const c of p.changes) apply(file, c);
    });
    const v = valueOf(file as unknown as ModelFile);
    if (v === null) return null;
    values.push(v);
  }
  return values;
}

function valueOf(file: ModelFile): Value | null {
  let normalized;
  try {
    normalized = normalizeModel(file);
  } catch {
    return null; // a combination the schema would refuse (a list where a mapping belongs)
  }
  if (!normalized.model || normalized.issues.some((i) => i.severity === "error")) return null;
  const s = projectScenarios([{ id: "base", name: "base", description: "", model: normalized.model }]).scenarios[0]!;
  return { npv: s.npv, netProfit: s.years.map((y) => y.total.net_profit) };
}

const isRecord = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === "object" && !Array.isArray(v);
const idList = (v: unknown): v is Record<string, unknown>[] => Array.isArray(v) && v.every((e) => isRecord(e) && typeof e.id === "string");

/** One change applied to a (cloned) file: the value set, an entry added or removed. */
function apply(root: Record<string, unknown>, change: AssumptionChange): void {
  const parts = change.path.split(".");
  let node: unknown = root;
  for (const part of parts.slice(0, -1)) {
    if (idList(node)) node = node.find((e) => e.id === part);
    else if (isRecord(node)) {
      if (!isRecord(node[part]) && !Array.isArray(node[part])) node[part] = {};
      node = node[part];
    }
    if (node === undefined) return;
  }
  const last = parts.at(-1)!;
  const value = structuredClone(change.after);
  if (idList(node)) {
    const i = node.findIndex((e) => e.id === last);
    if (change.kind === "removed") { if (i >= 0) node.splice(i, 1); }
    else if (i >= 0) node[i] = value as Record<string, unknown>;
    else node.push(value as Record<string, unknown>);
  } else if (isRecord(node)) {
    if (change.kind === "removed") delete node[last];
    else node[last] = value;
  }
}

function shapley(players: readonly Player[], values: readonly Value[], years: number, places: number): { parts: AttributionPart[]; total: { npv: Decimal; netProfit: Decimal[] } } {
  const n = players.length;
  const full = (1 << n) - 1;
  // The weight of a coalition of s others: s! (n − s − 1)! / n!  =  1 / (n · C(n − 1, s)).
  const choose = (k: number, s: number) => { let c = 1; for (let j = 1; j <= s; j++) c = (c * (k - s + j)) / j; return Math.round(c); };
  const weight = Array.from({ length: n }, (_, s) => new Decimal(1).dividedBy(n * choose(n - 1, s)));
  const count = (m: number) => { let c = 0; for (let x = m; x; x &= x - 1) c++; return c; };
  const metric = (pick: (v: Value) => Decimal): Decimal[] => {
    const exact = players.map((_, i) => {
      let phi = ZERO;
      for (let mask = 0; mask <= full; mask++) {
        if (mask & (1 << i)) continue;
        phi = phi.plus(weight[count(mask)]!.times(pick(values[mask | (1 << i)]!).minus(pick(values[mask]!))));
      }
      return phi;
    });
    return toMinorUnits(exact, pick(values[full]!).minus(pick(values[0]!)), places);
  };
  const npv = metric((v) => v.npv);
  const netProfit = Array.from({ length: years }, (_, t) => metric((v) => v.netProfit[t]!));
  return {
    parts: players.map((p, i) => ({ label: p.label, paths: p.changes.map((c) => c.path), npv: npv[i]!, netProfit: netProfit.map((y) => y[i]!) })),
    total: { npv: values[full]!.npv.minus(values[0]!.npv), netProfit: netProfit.map((_, t) => values[full]!.netProfit[t]!.minus(values[0]!.netProfit[t]!)) },
  };
}

/**
 * Exact parts rounded to the minor unit so that they add up to `total` (a whole number of them):
 * each rounded down, and the cents left over given one by one to the largest remainders, ties to
 * the first. (Shapley parts add up to the total exactly; here, to 40 digits.)
 */
export function toMinorUnits(exact: readonly Decimal[], total: Decimal, places = 2): Decimal[] {
  const unit = new Decimal(10).pow(-places);
  const floors = exact.map((x) => x.toDecimalPlaces(places, Decimal.ROUND_FLOOR));
  let left = total.minus(floors.reduce((s, x) => s.plus(x), ZERO)).dividedBy(unit).round().toNumber();
  const order = exact.map((x, i) => ({ i, rest: x.minus(floors[i]!) })).sort((a, b) => b.rest.comparedTo(a.rest) || a.i - b.i);
  const out = [...floors];
  for (let k = 0; left > 0 && order.length > 0; k = (k + 1) % order.length, left--) out[order[k]!.i] = out[order[k]!.i]!.plus(unit);
  for (let k = order.length - 1; left < 0 && order.length > 0; k = (k - 1 + order.length) % order.length, left++) out[order[k]!.i] = out[order[k]!.i]!.minus(unit);
  return out;
}
