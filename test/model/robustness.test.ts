// Bad input gets a clear error, never a crash: the loader either returns a model or issues, for
// any text, any JSON-like value written as YAML, and any mutation of a valid model.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import fc from "fast-check";
import { stringify } from "yaml";
import { describe, expect, it } from "vitest";
import { loadModelText } from "../../src/model/load.js";
import { TEMPLATES } from "../../src/model/issues.js";
import { issuePosition } from "../../src/views/issues.js";
import { projectScenarios } from "../../src/engine/projection.js";
import { ROOT } from "../helpers.js";

const codes = new Set(Object.keys(TEMPLATES));

function survives(text: string): void {
  const loaded = loadModelText(text, "fuzz.yaml");
  if (loaded.scenarios.length > 0) {
    projectScenarios(loaded.scenarios); // a valid model must also project
    return;
  }
  expect(loaded.issues.length).toBeGreaterThan(0);
  for (const issue of loaded.issues) {
    expect(codes.has(issue.code)).toBe(true);
    issuePosition(loaded, issue); // every issue can be located
  }
}

describe("robustness", () => {
  it("any text", () => {
    fc.assert(fc.property(fc.string({ maxLength: 300 }), survives), { numRuns: 300 });
  });

  it("any JSON value written as YAML", () => {
    fc.assert(fc.property(fc.jsonValue({ maxDepth: 5 }), (v) => survives(stringify(v))), { numRuns: 300 });
  });

  it("a valid model with one value replaced by anything", () => {
    const base = readFileSync(join(ROOT, "examples/voorbeeld.yaml"), "utf8").split("\n");
    const valueLines = base.map((l, i) => ({ l, i })).filter(({ l }) => /^\s+[a-z_]+: \S/.test(l));
    fc.assert(fc.property(fc.constantFrom(...valueLines), fc.oneof(fc.jsonValue({ maxDepth: 2 }), fc.constantFrom("-1", "1e400", ".nan", "~", "[]", "{}", "150%", "-5%", "0x10", "!!binary aGk=", "*nope", "&a 1")), ({ l, i }, replacement) => {
      const lines = base.slice();
      const key = l.slice(0, l.indexOf(":") + 1);
      lines[i] = `${key} ${typeof replacement === "string" ? replacement : JSON.stringify(replacement)}`;
      survives(lines.join("\n"));
    }), { numRuns: 400 });
  });
});
