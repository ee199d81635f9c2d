// The YAML node tree → a plain JS value, in one walk that also finds what yaml's own checks would
// find more slowly: duplicate keys (yaml compares each key with every earlier one of its mapping,
// quadratic in a mapping's size), nesting deeper than MAX_DEPTH, numbers a double cannot hold,
// and alias bombs (yaml's `toJS` looks an alias's anchor up among every anchor and alias before
// it, quadratic in their number). Everything here is linear in the size of the tree.
//
// Mappings become null-prototype objects: a key or id such as `constructor` or `__proto__` is an
// own property like any other, and reading a key that is absent never finds Object.prototype.
import { isAlias, isMap, isScalar, isSeq, type Alias, type Document, type Node } from "yaml";
import { Decimal } from "../money/decimal.js";
import { error, type Issue } from "./issues.js";

export const MAX_DEPTH = 64;
/** yaml's `maxAliasCount` as parse.ts used it: an anchor's uses × its own nested expansions. */
export const MAX_ALIAS_COUNT = 100;

export interface TreeValue {
  /** Null when the tree could not become a value (see `issues`). */
  readonly value: unknown;
  /** DUPLICATE_KEY, always; then at most one of TOO_DEEP, NUMBER_NOT_EXACT…, ALIAS_LIMIT/YAML_SYNTAX, in that order of precedence. */
  readonly duplicates: readonly Issue[];
  readonly issues: readonly Issue[];
}

interface Anchor {
  readonly node: Node;
  value: unknown;
  /** 1 for the anchor itself, plus one per alias resolved to it (as yaml counts). */
  count: number;
  /** The largest expansion of an alias inside the anchored node, computed on first use (0: not yet). */
  aliasCount: number;
  open: boolean;
}

const PLAIN_DECIMAL = /^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/;

export function treeValue(doc: Document): TreeValue {
  const duplicates: Issue[] = [];
  const numbers: Issue[] = [];
  let tooDeep: Issue | null = null;
  let aliasIssue: Issue | null = null;
  const anchors = new Map<string, Anchor>();
  const resolved = new Map<Alias, Anchor>();
  const rootOffset = (doc.contents as Node | null)?.range?.[0] ?? 0;

  const aliasCountOf = (node: unknown): number => {
    if (isAlias(node)) {
      const anchor = resolved.get(node);
      return anchor ? anchor.count * anchor.aliasCount : 0;
    }
    if (isMap(node)) {
      let count = 0;
      for (const pair of node.items) count = Math.max(count, aliasCountOf(pair.key), aliasCountOf(pair.value));
      return count;
    }
    if (isSeq(node)) {
      let count = 0;
      for (const item of node.items) count = Math.max(count, aliasCountOf(item));
      return count;
    }
    return 1;
  };

  const walk = (node: unknown, depth: number): unknown => {
    if (depth > MAX_DEPTH) {
      tooDeep ??= error("TOO_DEEP", [], { limit: MAX_DEPTH }, { offset: (node as Node | null)?.range?.[0] ?? 0 });
      return null;
    }
    if (isAlias(node)) return resolveAlias(node);
    const anchor = (node as Node | null)?.anchor ? openAnchor(node as Node) : undefined;
    let value: unknown;
    if (isMap(node)) {
      const out: Record<string, unknown> = Object.create(null);
      const seen = new Map<unknown, true>();
      for (const pair of node.items) {
        const key = walk(pair.key, depth + 1);
        if (isScalar(pair.key)) {
          if (seen.has(pair.key.value)) {
            const offset = pair.key.range?.[0] ?? 0;
            duplicates.push(error("DUPLICATE_KEY", [], { detail: "Map keys must be unique", key: String(pair.key.value), tag: "" }, { offset }));
          }
          seen.set(pair.key.value, true);
        }
        out[keyText(key)] = walk(pair.value, depth + 1);
      }
      value = out;
    } else if (isSeq(node)) {
      const out: unknown[] = [];
      for (const item of node.items) out.push(walk(item, depth + 1));
      value = out;
    } else if (isScalar(node)) {
      value = node.value;
      if (typeof node.value === "number" && typeof node.source === "string") checkNumber(node.value, node.source, node.range?.[0] ?? 0);
    } else {
      value = null;
    }
    if (anchor) {
      anchor.value = value;
      anchor.open = false;
    }
    return value;
  };

  const openAnchor = (node: Node): Anchor => {
    const anchor: Anchor = { node, value: undefined, count: 1, aliasCount: 0, open: true };
    anchors.set(node.anchor!, anchor); // a later anchor of the same name hides the earlier one
    return anchor;
  };

  const resolveAlias = (alias: Alias): unknown => {
    if (tooDeep) return null; // the anchored node may be deeper than is safe to measure
    const anchor = anchors.get(alias.source);
    const offset = alias.range?.[0] ?? 0;
    if (!anchor) {
      aliasIssue ??= error("YAML_SYNTAX", [], { detail: `the alias *${alias.source} has no anchor &${alias.source} before it`, key: "", tag: "" }, { offset });
      return null;
    }
    if (anchor.open) {
      // An alias inside its own anchor: a value that contains itself, an endless expansion.
      aliasIssue ??= error("ALIAS_LIMIT", [], {}, { offset });
      return null;
    }
    resolved.set(alias, anchor);
    anchor.count += 1;
    if (anchor.aliasCount === 0) anchor.aliasCount = aliasCountOf(anchor.node);
    if (anchor.count * anchor.aliasCount > MAX_ALIAS_COUNT) {
      aliasIssue ??= error("ALIAS_LIMIT", [], {}, { offset: rootOffset });
      return null;
    }
    return anchor.value;
  };

  const checkNumber = (value: number, written: string, offset: number) => {
    const source = written.replace(/_/g, "");
    if (PLAIN_DECIMAL.test(source) && Number.isFinite(value) && !new Decimal(String(value)).equals(new Decimal(source))) {
      numbers.push(error("NUMBER_NOT_EXACT", [], { source: written }, { offset }));
    }
  };

  const value = walk(doc.contents, 0);
  const problem = tooDeep ? [tooDeep] : numbers.length > 0 ? numbers : aliasIssue ? [aliasIssue] : [];
  return { value: problem.length > 0 ? null : value, duplicates, issues: problem };
}

/** A mapping key as yaml's `toJS` writes it into a plain object. */
function keyText(key: unknown): string {
  if (key === null || key === undefined) return "";
  if (typeof key !== "object") return String(key);
  return JSON.stringify(key);
}
