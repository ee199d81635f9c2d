// Scenarios (docs/MODEL.md §9): a scenario is the base file with `set` overlays applied, each a dotted
// path to a node that is replaced whole. Overlays apply to a deep copy of the file as written
// (YAML aliases are shared objects, so the copy is what keeps base untouched); `extends` applies
// the parent's overlays first. The result is validated in full like any model.
import { error, suggest, type Issue, type Path, type PathSegment } from "./issues.js";
import type { ModelFile, ScenarioFile } from "./types.js";

// `__proto__` can never be an id or a key of the format; other names that objects inherit
// (`constructor`, `toString`) are ordinary ids, safe because every mapping of the copy has no
// prototype.
const FORBIDDEN_SEGMENTS = new Set(["__proto__"]);
/**
 * What a scenario's `set` may change, by top-level key of the model. A scenario may change what
 * the plan assumes (segments, channels, mix, conflicts, shared costs) and the discount rate (a
 * different required return is a legitimate scenario: every NPV then uses the scenario's own
 * rate). It may not change what makes scenarios comparable with each other (the horizon and
 * the currency), nor the file's own bookkeeping (format version, the plan's name, scenarios,
 * checks): those are refused with SCENARIO_SET_FORBIDDEN at the `set` entry.
 */
export const SCENARIO_SETTABLE_ROOTS: ReadonlySet<string> = new Set(["discount_rate", "segments", "channels", "mix", "conflicts", "shared_costs", "seasonality"]);
const FORBIDDEN_ROOTS: Readonly<Record<string, string>> = {
  years: "horizon", start_year: "horizon", currency: "currency",
  version: "file", name: "name", scenarios: "file", checks: "file", optimise: "file", correlate: "file",
};

export interface Overlay {
  readonly scenarioIndex: number;
  readonly key: string;
  readonly value: unknown;
}

/** The position of each scenario id (the first, when an id is used twice). */
export function scenarioIndex(scenarios: readonly ScenarioFile[]): ReadonlyMap<string, number> {
  const index = new Map<string, number>();
  scenarios.forEach((s, i) => { if (!index.has(s.id)) index.set(s.id, i); });
  return index;
}

/** The overlays of scenario i, root ancestor first; or a cycle issue. */
export function overlayChain(scenarios: readonly ScenarioFile[], i: number, index: ReadonlyMap<string, number> = scenarioIndex(scenarios)): { overlays: Overlay[]; issue?: Issue } {
  const chain: number[] = [];
  const onChain = new Set<number>();
  let current: number | undefined = i;
  while (current !== undefined) {
    if (onChain.has(current)) {
      const cycle = [...chain.slice(chain.indexOf(current)), current].map((k) => scenarios[k]!.id).join(" → ");
      return { overlays: [], issue: error("SCENARIO_CYCLE", ["scenarios", i, "extends"], { cycle }) };
    }
    chain.push(current);
    onChain.add(current);
    const parent: string | undefined = scenarios[current]!.extends;
    current = parent === undefined || parent === "base" ? undefined : index.get(parent);
  }
  const overlays = chain.reverse().flatMap((k) => ownOverlays(scenarios, k));
  return { overlays };
}

const ownOverlays = (scenarios: readonly ScenarioFile[], k: number): Overlay[] =>
  Object.entries(scenarios[k]!.set ?? {}).map(([key, value]) => ({ scenarioIndex: k, key, value }));

/** How many overlays were applied, in all: a test counts the work of an `extends` chain. */
export const overlayWork = { applied: 0 };

export interface AppliedScenario {
  readonly file: ModelFile;
  /** Path issues of the scenario's overlays and its ancestors'. */
  readonly issues: readonly Issue[];
}

/**
 * Each scenario's file, built from its parent's (copy on write, so the parent's stays as it
 * is): an `extends` chain of n scenarios applies n scenarios' overlays, not n²/2. Returns a
 * cycle issue for a scenario whose chain loops.
 */
export function scenarioApplier(file: ModelFile, index: ReadonlyMap<string, number>): (i: number) => AppliedScenario | { readonly cycle: Issue } {
  const scenarios = file.scenarios ?? [];
  const memo = new Map<number, AppliedScenario>();
  return (i) => {
    const chain: number[] = [];
    const onChain = new Set<number>();
    let current: number | undefined = i;
    while (current !== undefined && !memo.has(current)) {
      if (onChain.has(current)) return { cycle: overlayChain(scenarios, i, index).issue! };
      chain.push(current);
      onChain.add(current);
      const parent: string | undefined = scenarios[current]!.extends;
      current = parent === undefined || parent === "base" ? undefined : index.get(parent);
    }
    let applied: AppliedScenario = current === undefined ? { file, issues: [] } : memo.get(current)!;
    for (const k of chain.reverse()) {
      const next = applyOverlays(applied.file, ownOverlays(scenarios, k));
      applied = { file: next.file, issues: next.issues.length > 0 ? [...applied.issues, ...next.issues] : applied.issues };
      memo.set(k, applied);
    }
    return applied;
  };
}

/**
 * `file` with the overlays applied, and the path issues found on the way. `file` itself is never
 * changed: each overlay copies the mappings and lists on its path (once per scenario) and writes
 * into the copies, so everything it does not touch stays shared with base. That keeps a
 * scenario's cost to what it changes (the file holds every scenario: copying it whole for each
 * would make loading quadratic), lets normalize.ts recognize unchanged parts by identity, and
 * keeps YAML aliases apart: a `set` through one alias copies the aliased node first.
 */
export function applyOverlays(file: ModelFile, overlays: readonly Overlay[]): { file: ModelFile; issues: Issue[] } {
  overlayWork.applied += overlays.length;
  const owned = new WeakSet<object>();
  const root = shallowCopy(file, owned) as Record<string, unknown>;
  const issues: Issue[] = [];
  for (const overlay of overlays) {
    const top = overlay.key.split(".")[0]!;
    if (Object.hasOwn(FORBIDDEN_ROOTS, top)) {
      issues.push(error("SCENARIO_SET_FORBIDDEN", ["scenarios", overlay.scenarioIndex, "set", overlay.key], { key: top, reason: FORBIDDEN_ROOTS[top]! }, { atKey: true }));
      continue;
    }
    const detail = applyOne(root, overlay.key.split("."), overlay.value, owned);
    if (detail) {
      issues.push(error("SCENARIO_PATH_NOT_FOUND", ["scenarios", overlay.scenarioIndex, "set", overlay.key], { path: overlay.key, ...detail }, { atKey: true }));
    }
  }
  return { file: root as unknown as ModelFile, issues };
}

/** A copy of one mapping or list (its children stay shared), without a prototype. */
function shallowCopy(value: object, owned: WeakSet<object>): object {
  const copy = Array.isArray(value) ? value.slice() : Object.assign(Object.create(null) as object, value);
  owned.add(copy);
  return copy;
}

/** The child at `key`, copied first unless this scenario made it. */
function ownChild(parent: Record<string | number, unknown>, key: string | number, owned: WeakSet<object>): unknown {
  const child = parent[key];
  if (child === null || typeof child !== "object" || owned.has(child)) return child;
  const copy = shallowCopy(child, owned);
  parent[key] = copy;
  return copy;
}

function applyOne(root: Record<string, unknown>, segments: string[], value: unknown, owned: WeakSet<object>): { detail: string; suggestion: string; known?: string } | null {
  if (segments.some((s) => FORBIDDEN_SEGMENTS.has(s))) return { detail: "this key cannot be set", suggestion: "" };
  let node: unknown = root;
  for (let i = 0; i < segments.length; i++) {
    const segment = segments[i]!;
    const last = i === segments.length - 1;
    if (Array.isArray(node)) {
      const index = node.findIndex((entry) => entry && typeof entry === "object" && (entry as { id?: unknown }).id === segment);
      if (last) {
        const replacement = value && typeof value === "object" && !Array.isArray(value) ? Object.assign(Object.create(null), { id: segment }, value) : value;
        if (index >= 0) node[index] = replacement;
        else node.push(replacement);
        return null;
      }
      if (index < 0) {
        const ids = node.map((e) => (e as { id?: unknown })?.id).filter((x): x is string => typeof x === "string");
        return { detail: `no entry with id '${segment}' in ${segments.slice(0, i).join(".")}`, suggestion: suggestPath(segments, i, suggest(segment, ids)), known: ids.join(", ") };
      }
      node = ownChild(node as unknown as Record<number, unknown>, index, owned);
    } else if (node !== null && typeof node === "object") {
      const map = node as Record<string, unknown>;
      if (last) {
        Object.defineProperty(map, segment, { value, enumerable: true, writable: true, configurable: true });
        return null;
      }
      if (!Object.hasOwn(map, segment) || map[segment] === undefined || map[segment] === null) {
        if (i === 0) return { detail: `'${segment}' is not a part of the model`, suggestion: suggestPath(segments, i, suggest(segment, Object.keys(map))) };
        Object.defineProperty(map, segment, { value: shallowCopy({}, owned), enumerable: true, writable: true, configurable: true });
      }
      node = ownChild(map, segment, owned);
    } else {
      return { detail: `'${segments.slice(0, i).join(".")}' is a value, not a list or mapping`, suggestion: "" };
    }
  }
  return null;
}

function suggestPath(segments: readonly string[], i: number, replacement: string | undefined): string {
  if (!replacement) return "";
  return [...segments.slice(0, i), replacement, ...segments.slice(i + 1)].join(".");
}

/**
 * Where an issue found in a scenario's model belongs in the file: inside the overlay that wrote
 * that node, at the overlay that changed something below it, or else at the base node.
 */
export function relocateScenarioIssue(issue: Issue, scenarioFile: ModelFile, overlays: readonly Overlay[], scenarioId: string, baseFile?: ModelFile): Issue {
  const idPath = toIdPath(issue.path, scenarioFile, baseFile ? entryIds(baseFile, overlays) : undefined);
  for (let k = overlays.length - 1; k >= 0; k--) {
    const overlay = overlays[k]!;
    const setPath = overlay.key.split(".");
    const base: Path = ["scenarios", overlay.scenarioIndex, "set", overlay.key];
    if (startsWith(idPath, setPath)) {
      const rest = issue.path.slice(issue.path.length - (idPath.length - setPath.length));
      return { ...issue, path: [...base, ...rest], scenario: scenarioId };
    }
    if (startsWith(setPath, idPath)) return { ...issue, path: base, atKey: true, scenario: scenarioId };
  }
  return { ...issue, scenario: scenarioId };
}

/**
 * The id of every entry of the top-level lists after the overlays, by position: base's entries
 * keep their place when replaced, and new ids are appended in the order the overlays name them.
 * It names an entry that a `set` replaced by something without an id (`channels.web: null`).
 */
function entryIds(baseFile: ModelFile, overlays: readonly Overlay[]): Map<string, string[]> {
  const ids = new Map<string, string[]>();
  for (const [key, list] of Object.entries(baseFile)) {
    if (Array.isArray(list)) ids.set(key, list.map((e) => (e && typeof e === "object" && typeof (e as { id?: unknown }).id === "string" ? (e as { id: string }).id : "")));
  }
  for (const overlay of overlays) {
    const [root, id, ...rest] = overlay.key.split(".");
    const list = ids.get(root!);
    if (list && id !== undefined && rest.length === 0 && !list.includes(id)) list.push(id);
  }
  return ids;
}

/** ["channels", 2, "fixed_costs"] → ["channels", "webshop", "fixed_costs"], as set paths write it. */
function toIdPath(path: Path, file: ModelFile, ids?: ReadonlyMap<string, readonly string[]>): string[] {
  const out: string[] = [];
  let node: unknown = file;
  for (const [k, segment] of path.entries()) {
    const next: unknown = (node as Record<PathSegment, unknown> | undefined)?.[segment];
    const known = k === 1 && typeof segment === "number" ? ids?.get(String(path[0]))?.[segment] : undefined;
    if (typeof segment === "number" && next && typeof next === "object" && typeof (next as { id?: unknown }).id === "string") {
      out.push((next as { id: string }).id);
    } else if (known) out.push(known);
    else out.push(String(segment));
    node = next;
  }
  return out;
}

const startsWith = (path: readonly PathSegment[], prefix: readonly PathSegment[]) =>
  prefix.length <= path.length && prefix.every((p, i) => String(p) === String(path[i]));
