// Invariants over the rest of the format (issue #22 item 8): mix series as lists and {from, to}
// lines, by_segment overrides, conflict rules, scenarios that extend each other and set plan
// values and the discount rate, and scenarios that try to set what they may not.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { stringify } from "yaml";
import { loadModelText, type LoadedModel } from "../../src/model/load.js";
import { projectModel, projectScenarios } from "../../src/engine/projection.js";
import { CELL_FIELDS, CHANNEL_MONEY_FIELDS, type Projection, type ScenarioProjection } from "../../src/engine/projection-types.js";
import { Decimal, sum } from "../../src/money/decimal.js";
import { parsePercent } from "../../src/model/values.js";
import { formatModelText } from "../../src/model/fmt.js";
import { reportData } from "../../src/views/report.js";
import { renderJson } from "../../src/render/json.js";
import type { ModelFile } from "../../src/model/types.js";
import { forbiddenSetArb, richModelArb } from "../support/arbitraries.js";

const RUNS = { numRuns: 50 };

function load(file: ModelFile): LoadedModel {
  const loaded = loadModelText(stringify(file), "rich.yaml");
  expect(loaded.issues.filter((i) => i.severity === "error")).toEqual([]);
  return loaded;
}

function expectFooting(loaded: LoadedModel, p: Projection): void {
  p.scenarios.forEach((s, k) => {
    const model = loaded.scenarios[k]!.model;
    s.years.forEach((y, t) => {
      for (const c of Object.values(y.channels)) {
        for (const f of CELL_FIELDS) expect(c[f].equals(sum(Object.values(c.segments).map((x) => x[f])))).toBe(true);
        for (const f of CHANNEL_MONEY_FIELDS) expect(c[f].decimalPlaces()).toBeLessThanOrEqual(2);
        expect(c.net_profit.equals(c.contribution.minus(c.shared_costs))).toBe(true);
      }
      for (const f of CHANNEL_MONEY_FIELDS) expect(y.total[f].equals(sum(Object.values(y.channels).map((c) => c[f])))).toBe(true);
      for (const sc of model.sharedCosts) {
        const parts = sum(Object.values(y.channels).map((c) => c.shared_cost_parts[sc.id]!));
        expect(parts.equals(sc.amount[t]!.toDecimalPlaces(2, Decimal.ROUND_HALF_UP))).toBe(true);
      }
    });
    expect(s.cumulativeNetProfit.equals(sum(s.years.map((y) => y.total.net_profit)))).toBe(true);
  });
}

const projectionAsJson = (p: Projection) => renderJson(reportData(p));
const json = (s: ScenarioProjection) => projectionAsJson({ name: "n", currency: "EUR", minorUnits: 2, years: [], discountRate: new Decimal(0), commonDiscountRate: null, tierLines: true, scenarios: [s] });

describe("the rest of the format", () => {
  it("generated models are valid and reach every part of the format", () => {
    const seen = new Set<string>();
    fc.assert(fc.property(richModelArb, (file) => {
      load(file);
      if (file.conflicts?.length) seen.add("conflicts");
      if (file.channels.some((c) => c.by_segment)) seen.add("by_segment");
      const mixValues = Object.values(file.mix).flatMap((row) => Object.values(row ?? {}));
      if (mixValues.some(Array.isArray)) seen.add("list");
      if (mixValues.some((v) => v !== null && typeof v === "object" && !Array.isArray(v))) seen.add("from-to");
      if (file.scenarios?.some((s) => s.extends)) seen.add("extends");
      if (file.scenarios?.some((s) => s.set && "discount_rate" in s.set)) seen.add("discount_rate");
    }), { numRuns: 100 });
    expect([...seen].sort()).toEqual(["by_segment", "conflicts", "discount_rate", "extends", "from-to", "list"]);
  });

  it("every scenario foots (cells → channels → total, shared parts → cost) to the cent", () => {
    fc.assert(fc.property(richModelArb, (file) => {
      const loaded = load(file);
      expectFooting(loaded, projectScenarios(loaded.scenarios));
    }), RUNS);
  });

  it("each scenario projected beside the others equals the same scenario projected alone", () => {
    fc.assert(fc.property(richModelArb, (file) => {
      const loaded = load(file);
      const together = projectScenarios(loaded.scenarios).scenarios;
      loaded.scenarios.forEach((s, k) => expect(json(together[k]!)).toBe(json(projectModel(s.model, s))));
    }), RUNS);
  });

  it("each scenario's NPV is at its own discount rate: set, inherited through extends, or base's", () => {
    fc.assert(fc.property(richModelArb, (file) => {
      const loaded = load(file);
      const p = projectScenarios(loaded.scenarios);
      const rateOf = (id: string): string => {
        if (id === "base") return String(file.discount_rate);
        const s = file.scenarios!.find((x) => x.id === id)!;
        return s.set && "discount_rate" in s.set ? String(s.set.discount_rate) : rateOf(s.extends ?? "base");
      };
      for (const s of p.scenarios) {
        expect(s.discountRate.equals(parsePercent(rateOf(s.id)))).toBe(true);
      }
      // A scenario that sets only the discount rate has base's figures; its NPV moves with the rate alone.
      const base = p.scenarios[0]!;
      const positive = base.years.every((y) => y.total.net_profit.isPositive());
      for (const s of p.scenarios.slice(1)) {
        const written = file.scenarios!.find((x) => x.id === s.id)!;
        if (written.extends || Object.keys(written.set ?? {}).join() !== "discount_rate") continue;
        expect(JSON.stringify(s.years)).toBe(JSON.stringify(base.years));
        if (s.discountRate.equals(base.discountRate)) expect(s.npv.equals(base.npv)).toBe(true);
        // With every year's profit positive, a higher rate never gives a higher NPV (equal only by rounding).
        else if (positive) expect(s.discountRate.greaterThan(base.discountRate) ? s.npv.lessThanOrEqualTo(base.npv) : s.npv.greaterThanOrEqualTo(base.npv)).toBe(true);
      }
      expect(p.commonDiscountRate === null).toBe(p.scenarios.some((s) => !s.discountRate.equals(p.discountRate)));
    }), RUNS);
  });

  it("a scenario that sets the horizon, the currency or the file's own keys is refused at that entry", () => {
    fc.assert(fc.property(richModelArb, forbiddenSetArb, fc.nat(), (file, [key, value], pick) => {
      const scenarios = file.scenarios?.length ? file.scenarios : [{ id: "g0", set: {} }];
      const i = pick % scenarios.length;
      const withForbidden = { ...file, scenarios: scenarios.map((s, k) => (k === i ? { ...s, set: { ...s.set, [key]: value } } : s)) };
      const loaded = loadModelText(stringify(withForbidden), "rich.yaml");
      const errors = loaded.issues.filter((x) => x.severity === "error");
      expect(errors.map((x) => [x.code, ...x.path])).toEqual([["SCENARIO_SET_FORBIDDEN", "scenarios", i, "set", key]]);
      expect(loaded.scenarios).toEqual([]);
    }), RUNS);
  });

  it("fmt keeps the meaning of every generated model", () => {
    fc.assert(fc.property(richModelArb, (file) => {
      const text = stringify(file);
      const before = projectionAsJson(projectScenarios(load(file).scenarios));
      const after = loadModelText(formatModelText(text), "rich.yaml");
      expect(after.issues.filter((i) => i.severity === "error")).toEqual([]);
      expect(projectionAsJson(projectScenarios(after.scenarios))).toBe(before);
    }), { numRuns: 40 });
  });
});
