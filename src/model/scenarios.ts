// Scenarios (docs/MODEL.md §9): a scenario is the base file with `set` overlays applied, each a dotted
// path to a node that is replaced whole. Overlays apply to a deep copy of the file as written
// (YAML aliases are shared objects, so the copy is what keeps base untouched); `extends` applies
// the parent's overlays first. The result is validated in full like any model.
import { error, suggest, type Issue, type Path, type PathSegment } from "./issues.js";
import type { ModelFile, ScenarioFile } from "./types.js";

const FORBIDDEN_SEGMENTS = new Set(["__proto__", "constructor", "prototype"]);
/**
 * What a scenario's `set` may change, by top-level key of the model. A scenario may change what
 * the plan assumes (segments, channels, mix, conflicts, shared costs) and the discount rate (a
 * different required return is a legitimate scenario: every NPV then uses the scenario's own
 * rate). It may not change what makes scenarios comparable with each other (the horizon and
 * the currency), nor the file's own bookkeeping (format version, the plan's name, scenarios,
 * checks): those are refused with SCENARIO_SET_FORBIDDEN at the `set` entry.
 */
export const SCENARIO_SETTABLE_ROOTS: ReadonlySet<string> = new Set(["discount_rate", "segments", "channels", "mix", "conflicts", "shared_costs"]);
const FORBIDDEN_ROOTS: Readonly<Record<string, string>> = {
  years: "horizon", start_year: "horizon", currency: "currency",
  version: "file", name: "name", scenarios: "file", checks: "file",
};

export interface Overlay {
  readonly scenarioIndex: number;
  readonly key: string;
  readonly value: unknown;
}

/** The overlays of scenario i, root ancestor first; or a cycle issue. */
export function overlayChain(scenarios: readonly ScenarioFile[], i: number): { overlays: Overlay[]; issue?: Issue } {
  const chain: number[] = [];
  let current: number | undefined = i;
  while (current !== undefined) {
    if (chain.includes(current)) {
      const cycle = [...chain.slice(chain.indexOf(current)), current].map((k) => scenarios[k]!.id).join(" → ");
      return { overlays: [], issue: error("SCENARIO_CYCLE", ["scenarios", i, "extends"], { cycle }) };
    }
    chain.push(current);
    const parent: string | undefined = scenarios[current]!.extends;
    current = parent === undefined || parent === "base" ? undefined : scenarios.findIndex((s) => s.id === parent);
    if (current === -1) current = undefined;
  }
  const overlays = chain.reverse().flatMap((k) => Object.entries(scenarios[k]!.set ?? {}).map(([key, value]) => ({ scenarioIndex: k, key, value })));
  return { overlays };
}

/** A deep copy of `file` with the overlays applied, and the path issues found on the way. */
export function applyOverlays(file: ModelFile, overlays: readonly Overlay[]): { file: ModelFile; issues: Issue[] } {
  const copy = treeCopy(file) as Record<string, unknown>;
  const issues: Issue[] = [];
  for (const overlay of overlays) {
    const root = overlay.key.split(".")[0]!;
    if (Object.hasOwn(FORBIDDEN_ROOTS, root)) {
      issues.push(error("SCENARIO_SET_FORBIDDEN", ["scenarios", overlay.scenarioIndex, "set", overlay.key], { key: root, reason: FORBIDDEN_ROOTS[root]! }, { atKey: true }));
      continue;
    }
    const detail = applyOne(copy, overlay.key.split("."), treeCopy(overlay.value));
    if (detail) {
      issues.push(error("SCENARIO_PATH_NOT_FOUND", ["scenarios", overlay.scenarioIndex, "set", overlay.key], { path: overlay.key, ...detail }, { atKey: true }));
    }
  }
  return { file: copy as unknown as ModelFile, issues };
}

/**
 * A deep copy in which no two places share an object. YAML aliases arrive as shared objects, and
 * structuredClone keeps that sharing, so a `set` on one alias would silently change the others.
 */
function treeCopy(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(treeCopy);
  if (value !== null && typeof value === "object") {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) Object.defineProperty(out, k, { value: treeCopy(v), enumerable: true, writable: true, configurable: true });
    return out;
  }
  return value;
}

function applyOne(root: Record<string, unknown>, segments: string[], value: unknown): { detail: string; suggestion: string; known?: string } | null {
  if (segments.some((s) => FORBIDDEN_SEGMENTS.has(s))) return { detail: "this key cannot be set", suggestion: "" };
  let node: unknown = root;
  for (let i = 0; i < segments.length; i++) {
    const segment = segments[i]!;
    const last = i === segments.length - 1;
    if (Array.isArray(node)) {
      const index = node.findIndex((entry) => entry && typeof entry === "object" && (entry as { id?: unknown }).id === segment);
      if (last) {
        const replacement = value && typeof value === "object" && !Array.isArray(value) ? { id: segment, ...(value as object) } : value;
        if (index >= 0) node[index] = replacement;
        else node.push(replacement);
        return null;
      }
      if (index < 0) {
        const ids = node.map((e) => (e as { id?: unknown })?.id).filter((x): x is string => typeof x === "string");
        return { detail: `no entry with id '${segment}' in ${segments.slice(0, i).join(".")}`, suggestion: suggestPath(segments, i, suggest(segment, ids)), known: ids.join(", ") };
      }
      node = node[index];
    } else if (node !== null && typeof node === "object") {
      const map = node as Record<string, unknown>;
      if (last) {
        Object.defineProperty(map, segment, { value, enumerable: true, writable: true, configurable: true });
        return null;
      }
      if (!Object.hasOwn(map, segment) || map[segment] === undefined || map[segment] === null) {
        if (i === 0) return { detail: `'${segment}' is not a part of the model`, suggestion: suggestPath(segments, i, suggest(segment, Object.keys(map))) };
        Object.defineProperty(map, segment, { value: {}, enumerable: true, writable: true, configurable: true });
      }
      node = map[segment];
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
