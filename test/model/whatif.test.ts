// Issue #13 item 1: what-if from the command line. `--set PATH=VALUE` is a scenario's `set` given
// on the command line: same paths, same refusals, same validation, same figures.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { stringify } from "yaml";
import { loadModelText } from "../../src/model/load.js";
import { whatIfScenario } from "../../src/model/whatif.js";
import { projectModel } from "../../src/engine/projection.js";
import { reportData } from "../../src/views/report.js";
import { renderJson } from "../../src/render/json.js";
import type { ScenarioProjection } from "../../src/engine/projection-types.js";
import { Decimal } from "../../src/money/decimal.js";
import { richModelArb } from "../support/arbitraries.js";
import { distplan } from "../support/cli.js";

const json = (s: ScenarioProjection) => renderJson(reportData({ name: "n", currency: "EUR", minorUnits: 2, years: [], discountRate: new Decimal(0), commonDiscountRate: null, tierLines: false, scenarios: [{ ...s, id: "x", name: "x", description: "" }] }));

describe("--set: a what-if", () => {
  it("equal to a scenario's set gives that scenario's figures exactly (property)", () => {
    let compared = 0;
    fc.assert(fc.property(richModelArb, (file) => {
      const loaded = loadModelText(stringify(file), "gen.yaml");
      expect(loaded.issues.filter((i) => i.severity === "error")).toEqual([]);
      for (const written of file.scenarios ?? []) {
        if (written.extends && written.extends !== "base") continue; // a chain is base + several sets
        const sets = Object.entries(written.set ?? {}).map(([path, value]) => ({ path, value, text: path }));
        const result = whatIfScenario(loaded, sets);
        if (!("scenario" in result)) throw new Error(`what-if refused: ${JSON.stringify(result.errors)}`);
        const scenario = loaded.scenarios.find((s) => s.id === written.id)!;
        expect(json(projectModel(result.scenario.model))).toBe(json(projectModel(scenario.model)));
        compared++;
      }
    }), { numRuns: 60 });
    expect(compared).toBeGreaterThan(20); // the generator does give scenarios without extends
  });

  it("on the command line: report shows the what-if, compare adds it beside the scenarios", () => {
    // docs/MODEL.md §13: a 28% partner margin (the partner-margin-28 scenario) gives NPV 42,310,013.37.
    const report = distplan(["report", "examples/voorbeeld.yaml", "--set", "channels.partners.partner_margin=28%", "--format", "json"]);
    expect(report.code).toBe(0);
    const doc = JSON.parse(report.stdout) as { scenarios: { id: string; name: string; npv: number }[] };
    expect(doc.scenarios.map((s) => [s.id, s.name])).toEqual([["what-if", "what-if: channels.partners.partner_margin=28%"]]);
    expect(report.stdout).toContain('"npv": 42310013.37');
    const compare = distplan(["compare", "examples/voorbeeld.yaml", "--set", "channels.partners.partner_margin=28%", "--set", "discount_rate=8%", "--format", "csv"]);
    expect(compare.code).toBe(0);
    expect(compare.stdout).toContain("what-if,npv,2027..2031,42310013.37,");
    expect(compare.stdout).toContain("partner-margin-28,npv,2027..2031,42310013.37,");
  });

  it("a bad path, value or combination is a usage error naming the argument, with a hint", () => {
    const typo = distplan(["report", "examples/voorbeeld.yaml", "--set", "channels.partnrs.partner_margin=28%"]);
    expect([typo.code, typo.stdout]).toEqual([2, ""]);
    expect(typo.stderr).toContain("--set channels.partnrs.partner_margin=28%:");
    expect(typo.stderr).toContain("did you mean 'channels.partners.partner_margin'?");
    const mix = distplan(["report", "examples/voorbeeld.yaml", "--set", "mix.smb={partners: 60%, webshop: 30%}"]);
    expect([mix.code, mix.stdout]).toEqual([2, ""]);
    expect(mix.stderr).toContain("the mix for 'smb' sums to 90% in 2027");
    const horizon = distplan(["compare", "examples/voorbeeld.yaml", "--set", "years=3"]);
    expect([horizon.code, horizon.stdout]).toEqual([2, ""]);
    expect(horizon.stderr).toContain("a scenario cannot set 'years'");
    const shape = distplan(["report", "examples/voorbeeld.yaml", "--set", "partner_margin"]);
    expect([shape.code, shape.stderr]).toEqual([2, expect.stringContaining("is not PATH=VALUE")]);
    expect(shape.stderr).not.toMatch(/\n\s+at /); // no stack trace
  });
});
