// Which top-level keys of the model a scenario's `set` may change (issue #22, item 1). Every key
// of the schema's top level is decided: the plan's assumptions and the discount rate may change;
// the horizon, the currency and the file's own bookkeeping may not (scenarios would stop being
// comparable, or the file would describe itself differently per scenario).
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { loadText, errorCodes, project, ROOT } from "../helpers.js";
import { modelSchema } from "../../src/model/schema.js";
import { SCENARIO_SETTABLE_ROOTS } from "../../src/model/scenarios.js";
import { checkLoadedModel } from "../../src/engine/check-model.js";
import { issuePosition } from "../../src/views/issues.js";
import { distplan } from "../support/cli.js";

// The worked example (figures derived by hand in worked-example.test.ts; discount rate 10%):
// net profit 39,957.50 / 50,050.00 / 61,323.45, NPV 123,761.85; web net profit 15,825.46 /
// 19,991.31 / 24,245.34.
const worked = readFileSync(join(ROOT, "examples/worked-example.yaml"), "utf8").replace(/\nchecks:[\s\S]*$/, "\n").replace(/\nscenarios:[\s\S]*$/, "\n");
const withScenario = (set: string, checks = "") => `${worked}scenarios:\n  - id: alt\n    set:\n${set}${checks}`;

/** A valid replacement value for each top-level key, as YAML (flow style, one line). */
const VALUES: Record<string, string> = {
  version: "1",
  name: "Other name",
  currency: "USD",
  start_year: "2030",
  years: "2",
  discount_rate: "0%",
  segments: "[{ id: big, customers: 10, revenue_per_customer: 1000, gross_margin: 50% }, { id: small, customers: 10, revenue_per_customer: 100, gross_margin: 50% }]",
  channels: "[{ id: direct, type: direct }, { id: partners, type: indirect }, { id: web, type: ecommerce }]",
  mix: "{ big: { direct: 100% }, small: { partners: 50%, web: 50% } }",
  conflicts: "[]",
  shared_costs: "[]",
  scenarios: "[]",
  checks: "[]",
  seasonality: "[10%, 20%, 30%, 40%]",
  optimise: "{ max_shift: 20% }",
  correlate: "[]",
};
// correlate (#17): the pairs of ranges drawn together belong to the whole file, as the checks do.
const FORBIDDEN = ["version", "name", "currency", "start_year", "years", "scenarios", "checks", "optimise", "correlate"];

describe("a scenario's set, per top-level key", () => {
  const keys = Object.keys(modelSchema.properties);

  it("every top-level key of the schema is decided here", () => {
    expect([...keys].sort()).toEqual(Object.keys(VALUES).sort());
    expect(keys.filter((k) => !SCENARIO_SETTABLE_ROOTS.has(k)).sort()).toEqual([...FORBIDDEN].sort());
  });

  for (const key of Object.keys(VALUES)) {
    const forbidden = FORBIDDEN.includes(key);
    it(`${key}: ${forbidden ? "refused at the set entry" : "allowed"}`, () => {
      const text = withScenario(`      ${key}: ${VALUES[key]}\n`);
      const loaded = loadText(text);
      if (!forbidden) {
        expect(errorCodes(loaded)).toEqual([]);
        expect(loaded.scenarios.map((s) => s.id)).toEqual(["base", "alt"]);
        return;
      }
      expect(errorCodes(loaded)).toEqual(["SCENARIO_SET_FORBIDDEN"]);
      const issue = loaded.issues[0]!;
      expect(issue.path).toEqual(["scenarios", 0, "set", key]);
      // At the key of the set entry: the line after "    set:" in the text.
      const line = text.split("\n").findIndex((l) => l.startsWith(`      ${key}:`)) + 1;
      expect(issuePosition(loaded, issue)).toEqual({ line, col: 7 });
    });
  }

  it("a dotted path into a refused key is refused too, and a parent's refusal is reported once", () => {
    const text = `${worked}scenarios:\n  - id: a\n    set:\n      checks.0.min: 5\n  - id: b\n    extends: a\n`;
    const loaded = loadText(text);
    expect(errorCodes(loaded)).toEqual(["SCENARIO_SET_FORBIDDEN"]);
  });

  it("the issue's example: a scenario with years: 3 on a 5-year model is an error (it used to be valid and crash compare)", () => {
    const voorbeeld = readFileSync(join(ROOT, "examples/voorbeeld.yaml"), "utf8");
    const text = voorbeeld.replace(/\nscenarios:\n/, "\nscenarios:\n  - id: short\n    set:\n      years: 3\n");
    expect(text).not.toBe(voorbeeld);
    expect(errorCodes(loadText(text))).toEqual(["SCENARIO_SET_FORBIDDEN"]);
  });
});

describe("a scenario's own discount rate", () => {
  const zero = withScenario("      discount_rate: 0%\n", "checks:\n  - { metric: npv, channel: web, min: 0, scenarios: all }\n");

  it("its NPV is at its own rate; base keeps the model's", () => {
    const projection = project(loadText(zero));
    const [base, alt] = projection.scenarios;
    expect(base!.discountRate.toFixed()).toBe("0.1");
    expect(base!.npv.toFixed(2)).toBe("123761.85");
    expect(alt!.discountRate.toFixed()).toBe("0");
    // At 0% the NPV is the exact net profit summed: 39,957.50 + 50,050 + 61,323.45 (exact to the cent).
    expect(alt!.npv.toFixed(2)).toBe("151330.95");
    expect(projection.commonDiscountRate).toBeNull();
  });

  it("a per-channel NPV check discounts at the scenario's rate", () => {
    const outcome = checkLoadedModel(loadText(zero)).outcomes[0]!;
    // base at 10%: 15,825.46/1.1 + 19,991.31/1.21 + 24,245.34/1.331 = 49,124.41;
    // alt at 0%: 15,825.46 + 19,991.31 + 24,245.34 = 60,062.11.
    expect(outcome.points.map((p) => `${p.scenario}:${p.value?.toFixed(2)}`)).toEqual(["base:49124.41", "alt:60062.11"]);
  });

  it("every view labels NPV with the rate it was computed at", () => {
    const dir = mkdtempSync(join(tmpdir(), "distplan-rate-"));
    const file = join(dir, "plan.yaml");
    writeFileSync(file, zero);
    const compare = distplan(["compare", file]);
    expect(compare.code).toBe(0);
    expect(compare.stdout).toContain("NPV (each at own rate)");
    expect(compare.stdout).not.toContain("NPV at 10%");
    const report = distplan(["report", file, "--scenario", "all"]);
    expect(report.stdout).toContain("NPV at 10%: ");
    expect(report.stdout).toContain("NPV at 0%: ");
    const md = distplan(["report", file, "--scenario", "all", "--format", "md"]);
    expect(md.stdout).toMatch(/NPV at 0(\.0)?%: \*\*151,330\.95\*\*/);
    // With one rate for all, compare keeps the short header.
    writeFileSync(file, withScenario("      discount_rate: 10%\n"));
    expect(distplan(["compare", file]).stdout).toContain("NPV at 10%");
  });
});
