// Did you mean …? Every key the model format knows, misspelled at every level where the examples
// use it, gets one UNKNOWN_KEY naming the key meant, and no MISSING_KEY for the same mistake.
import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parse, stringify } from "yaml";
import { suggest } from "../../src/model/issues.js";
import { loadText, ROOT } from "../helpers.js";

/** Maps whose keys are names the user chooses (ids, cost lines, scenario paths), not keywords. */
const NAMED_ENTRIES = new Set(["mix", "variable_costs", "fixed_costs", "income", "by_segment", "allocate_by", "set"]);

/** `churn` → `cuhrn`: two neighbouring letters swapped, the commonest typo. */
const swapped = (key: string) => (key.length < 3 ? key[1]! + key[0]! + key.slice(2) : key[0]! + key[2]! + key[1]! + key.slice(3));

function keywordPaths(value: unknown, path: (string | number)[] = [], inNamed = false): (string | number)[][] {
  if (Array.isArray(value)) return value.flatMap((v, i) => keywordPaths(v, [...path, i]));
  if (value === null || typeof value !== "object") return [];
  return Object.entries(value).flatMap(([k, v]) => [
    ...(inNamed ? [] : [[...path, k]]),
    ...keywordPaths(v, [...path, k], NAMED_ENTRIES.has(k) || (inNamed && path.at(-1) === "mix")),
  ]);
}

function renameKey(root: unknown, path: readonly (string | number)[], to: string): unknown {
  const copy = structuredClone(root) as Record<string, unknown>;
  let node: Record<string | number, unknown> = copy;
  for (const p of path.slice(0, -1)) node = node[p] as Record<string | number, unknown>;
  const from = path.at(-1) as string;
  const entries = Object.entries(node).map(([k, v]) => [k === from ? to : k, v]);
  for (const k of Object.keys(node)) delete node[k];
  Object.assign(node, Object.fromEntries(entries));
  return copy;
}

describe("did you mean, for every key", () => {
  it("a swap of two letters is one edit (chrun → churn)", () => {
    expect(suggest("chrun", ["churn", "customers"])).toBe("churn");
    expect(suggest("strat", ["start", "growth", "from", "to"])).toBe("start");
  });

  for (const example of readdirSync(join(ROOT, "examples")).filter((f) => f.endsWith(".yaml"))) {
    it(`every key of ${example}, misspelled`, () => {
      const model = parse(readFileSync(join(ROOT, "examples", example), "utf8"));
      // Under a scenario's `set`, only a series' own keys are keywords (the rest are ids).
      const inSet = (p: (string | number)[]) => p.includes("set") && !["start", "growth", "from", "to"].includes(String(p.at(-1)));
      const paths = keywordPaths(model).filter((p) => swapped(String(p.at(-1))) !== p.at(-1) && (!inSet(p) || p.at(-1) === "set"));
      expect(paths.length).toBeGreaterThan(40);
      const seenKeys = new Set<string>();
      for (const path of paths) {
        const key = String(path.at(-1));
        seenKeys.add(key);
        const loaded = loadText(stringify(renameKey(model, path, swapped(key))), example);
        const found = loaded.issues.filter((i) => i.severity === "error").map((i) => [i.code, i.args.suggestion ?? i.args.key]);
        expect(JSON.stringify([path.join("."), found])).toBe(JSON.stringify([path.join("."), [["UNKNOWN_KEY", key]]]));
      }
      expect(seenKeys.size).toBeGreaterThan(15);
    });
  }
});
