// Which assumptions changed between two model files, by model path (the dotted, id-addressed
// paths that scenarios' `set` uses: channels.partners.partner_margin). Values are compared by
// meaning ("25%" equals 0.25, "1.4M" equals 1400000), and shown as written. Changes to the
// channel structure (channels or segments added or removed, a channel's type, which channels
// serve a segment) are marked apart from parameter changes: the round table's "keep the model
// for 3-5 years" is about those. Pure.
import { Decimal } from "../money/decimal.js";
import { parseMoney, parsePercent } from "../model/values.js";
import type { ModelFile } from "../model/types.js";

export type ChangeKind = "changed" | "added" | "removed";

export interface AssumptionChange {
  readonly path: string;
  readonly kind: ChangeKind;
  readonly before?: unknown;
  readonly after?: unknown;
  readonly structural: boolean;
}

const PERCENT = /^-?[0-9]+(\.[0-9]+)?%$/;
const MONEY = /^-?[0-9][0-9_]*(\.[0-9]+)?[kM]?$/;
const SERIES_KEYS = new Set(["start", "growth", "from", "to"]);

/** A canonical text of a value's meaning, so that equal values written differently compare equal. */
export function meaning(value: unknown): string {
  if (typeof value === "number") return new Decimal(String(value)).toFixed();
  if (typeof value === "string") {
    if (PERCENT.test(value)) return parsePercent(value).toFixed();
    if (MONEY.test(value)) return parseMoney(value).toFixed();
    return JSON.stringify(value);
  }
  if (Array.isArray(value)) return `[${value.map(meaning).join(",")}]`;
  if (value !== null && typeof value === "object") {
    return `{${Object.entries(value).sort(([a], [b]) => a.localeCompare(b)).map(([k, v]) => `${k}:${meaning(v)}`).join(",")}}`;
  }
  return String(value);
}

const isRecord = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === "object" && !Array.isArray(v);
const isLeaf = (v: unknown) => !isRecord(v) || (Object.keys(v).length > 0 && Object.keys(v).every((k) => SERIES_KEYS.has(k)));
const hasIds = (v: unknown): v is Record<string, unknown>[] => Array.isArray(v) && v.length > 0 && v.every((e) => isRecord(e) && typeof e.id === "string");

function isStructural(path: readonly string[], kind: ChangeKind): boolean {
  const [root, , field] = path;
  if ((root === "channels" || root === "segments") && path.length === 2) return true; // a channel or segment added/removed
  if (root === "channels" && field === "type") return true;
  if (root === "mix" && (path.length === 2 || (path.length === 3 && kind !== "changed"))) return true; // who serves a segment
  return false;
}

export function diffAssumptions(before: ModelFile, after: ModelFile): AssumptionChange[] {
  const changes: AssumptionChange[] = [];
  const add = (path: string[], kind: ChangeKind, b: unknown, a: unknown): void => {
    changes.push({ path: path.join("."), kind, ...(kind !== "added" ? { before: b } : {}), ...(kind !== "removed" ? { after: a } : {}), structural: isStructural(path, kind) });
  };

  const walk = (b: unknown, a: unknown, path: string[]): void => {
    if (b === undefined && a === undefined) return;
    if (b === undefined) return add(path, "added", b, a);
    if (a === undefined) return add(path, "removed", b, a);
    if (path.length === 1 && path[0] === "checks") return walkChecks(b, a);
    if ((hasIds(b) || hasIds(a)) && Array.isArray(b) && Array.isArray(a)) {
      const ids = [...new Set([...b, ...a].map((e) => (e as { id: string }).id))];
      for (const id of ids) {
        const eb = (b as { id: string }[]).find((e) => e.id === id);
        const ea = (a as { id: string }[]).find((e) => e.id === id);
        walk(eb, ea, [...path, id]);
      }
      return;
    }
    if (isRecord(b) && isRecord(a) && !isLeaf(b) && !isLeaf(a)) {
      for (const key of [...new Set([...Object.keys(b), ...Object.keys(a)])]) {
        if (key === "id") continue;
        walk(b[key], a[key], [...path, key]);
      }
      return;
    }
    if (meaning(b) !== meaning(a)) add(path, "changed", b, a);
  };

  // Checks have no ids: a named check is matched by name, others by position.
  const walkChecks = (b: unknown, a: unknown) => {
    const key = (c: unknown, i: number) => (isRecord(c) && typeof c.name === "string" ? c.name : `#${i + 1}`);
    const before = new Map((Array.isArray(b) ? b : []).map((c, i) => [key(c, i), c]));
    const after = new Map((Array.isArray(a) ? a : []).map((c, i) => [key(c, i), c]));
    for (const name of [...new Set([...before.keys(), ...after.keys()])]) {
      const cb = before.get(name);
      const ca = after.get(name);
      if (cb === undefined || ca === undefined) add(["checks", name], cb === undefined ? "added" : "removed", cb, ca);
      else if (meaning(cb) !== meaning(ca)) add(["checks", name], "changed", cb, ca);
    }
  };

  const top = [...new Set([...Object.keys(before), ...Object.keys(after)])];
  for (const key of top) walk((before as unknown as Record<string, unknown>)[key], (after as unknown as Record<string, unknown>)[key], [key]);
  return changes;
}
