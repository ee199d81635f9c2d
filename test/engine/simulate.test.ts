// distplan simulate's engine (#17): the float evaluation of the plan against the exact engine,
// draws that honour their ranges, seeds and correlations.
import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { ROOT, loadExample, loadText, project } from "../helpers.js";
import { evaluateFloatPlan, floatPlan, simulateScenario, spreadOf, summarize } from "../../src/engine/simulate.js";
import { samplerOf, spearman, normalQuantile, normalCdf, quantileOfSorted, ranks } from "../../src/engine/random.js";
import type { UncertainInput } from "../../src/model/ranges.js";
import { Decimal } from "../../src/money/decimal.js";
import { normalizeModel } from "../../src/model/normalize.js";
import { projectModel } from "../../src/engine/projection.js";
import { modelArb } from "../support/arbitraries.js";

const EXAMPLES = readdirSync(join(ROOT, "examples")).filter((f) => f.endsWith(".yaml")).sort();
const cents = (x: number | Decimal) => Math.round(Number(x.toString()) * 100);

describe("the plan in floats against the exact engine", () => {
  // Within a cent per figure: the float evaluation rounds the same leaves to the cent, so it can
  // differ only where a leaf lies within float error of a half cent.
  it.each(EXAMPLES)("%s: every scenario's NPV, cumulative and yearly net profit, total and per channel", (file) => {
    const loaded = loadExample(file);
    const projection = project(loaded);
    loaded.scenarios.forEach((s, i) => {
      const exact = projection.scenarios[i]!;
      const out = evaluateFloatPlan(floatPlan(s.model));
      expect(Math.abs(cents(out.npv) - cents(exact.npv)), `${s.id} npv`).toBeLessThanOrEqual(1);
      expect(Math.abs(cents(out.cumulative) - cents(exact.cumulativeNetProfit)), `${s.id} cumulative`).toBeLessThanOrEqual(1);
      exact.years.forEach((y, t) => {
        expect(Math.abs(cents(out.total[t]!.net_profit) - cents(y.total.net_profit)), `${s.id} ${y.year}`).toBeLessThanOrEqual(1);
        exact.channelIds.forEach((id, c) => {
          const f = out.channels[t]![c]!;
          for (const key of ["revenue", "gross_profit", "cm1", "contribution", "net_profit"] as const) {
            expect(Math.abs(cents(f[key]) - cents(y.channels[id]![key])), `${s.id} ${y.year} ${id} ${key}`).toBeLessThanOrEqual(1);
          }
        });
      });
    });
  });
});

describe("the plan in floats against the exact engine, on any model", () => {
  it("NPV, cumulative and every channel's yearly net profit within a cent (money), in EUR, JPY and KWD", () => {
    fc.assert(fc.property(modelArb, fc.constantFrom("EUR", "JPY", "KWD"), (file, currency) => {
      const { model } = normalizeModel({ ...file, currency });
      if (!model) return;
      const exact = projectModel(model);
      const out = evaluateFloatPlan(floatPlan(model));
      const unit = 10 ** model.minorUnits;
      const off = (x: number, d: Decimal) => Math.abs(Math.round(x * unit) - Math.round(Number(d.toString()) * unit));
      // A leaf within float error of a half minor unit may round the other way: one unit per figure,
      // and the cumulative figure adds up to one per year.
      expect(off(out.npv, exact.npv)).toBeLessThanOrEqual(1);
      expect(off(out.cumulative, exact.cumulativeNetProfit)).toBeLessThanOrEqual(model.years);
      exact.years.forEach((y, t) => exact.channelIds.forEach((id, c) => expect(off(out.channels[t]![c]!.net_profit, y.channels[id]!.net_profit)).toBeLessThanOrEqual(1)));
    }), { numRuns: 80 });
  });
});

/** voorbeeld-ranges.yaml with every range collapsed to zero width at its point value. */
function zeroWidth(text: string): string {
  return text
    .replace(/\{ low: ([^,]+), mode: ([^,]+), high: ([^,}]+)(, dist: \w+)? \}/g, "{ low: $2, mode: $2, high: $2$4 }")
    .replace(/\{ p10: [^,]+, p90: [^,}]+(, dist: \w+)? \}/g, (m) => m); // p10 < p90 is required: handled below
}

describe("draws", () => {
  it("a range of zero width gives the point plan in every draw", () => {
    // The p10/p90 ranges cannot have zero width (p10 < p90): they are replaced by their midpoint.
    const text = zeroWidth(readFileSync(join(ROOT, "examples/voorbeeld-ranges.yaml"), "utf8"))
      .replace("{ p10: 7%, p90: 13% }", "{ low: 10%, mode: 10%, high: 10% }")
      .replace("{ p10: 1000, p90: 1600, dist: lognormal }", "{ low: 1300, mode: 1300, high: 1300, dist: pert }");
    const loaded = loadText(text);
    expect(loaded.issues.filter((i) => i.severity === "error")).toEqual([]);
    const exact = project(loaded).scenarios[0]!;
    const draws = simulateScenario(loaded.scenarios[0]!, loaded.file!.correlate ?? [], { draws: 50, seed: 7 });
    expect(draws.inputs.length).toBe(7);
    for (let d = 0; d < 50; d++) {
      expect(Math.abs(cents(draws.npv[d]!) - cents(exact.npv))).toBeLessThanOrEqual(1);
      exact.years.forEach((y, t) => expect(Math.abs(cents(draws.yearly[t]![d]!) - cents(y.total.net_profit))).toBeLessThanOrEqual(1));
    }
  });

  it("the same seed gives the same draws; another seed others", () => {
    const loaded = loadExample("voorbeeld-ranges.yaml");
    const run = (seed: number) => simulateScenario(loaded.scenarios[0]!, loaded.file!.correlate ?? [], { draws: 200, seed });
    expect(Array.from(run(42).npv)).toEqual(Array.from(run(42).npv));
    expect(Array.from(run(42).npv)).not.toEqual(Array.from(run(43).npv));
  });

  it("the P50 of a symmetric range converges to the point value", () => {
    // NPV is nearly linear in one symmetric input: its median lies at the point plan's NPV, and
    // the sampling error of a median of 20,000 draws is far below the 0.2% allowed.
    const base = readFileSync(join(ROOT, "examples/voorbeeld.yaml"), "utf8").replace("revenue_per_customer: 3600", "revenue_per_customer: { low: 3000, mode: 3600, high: 4200 }");
    const loaded = loadText(base);
    const point = Number(project(loaded).scenarios[0]!.npv.toString());
    const s = summarize(simulateScenario(loaded.scenarios[0]!, [], { draws: 20_000, seed: 1 }), 10);
    expect(Math.abs(s.npv.p50 - point) / Math.abs(point)).toBeLessThan(0.002);
    // and the spread is real: P10 below, P90 above
    expect(s.npv.p10).toBeLessThan(point);
    expect(s.npv.p90).toBeGreaterThan(point);
  });

  it("a check's chance of failing is the share of draws in which it fails", () => {
    // One symmetric range; NPV rises with it, so a check at the point plan's NPV fails in about
    // half the draws, one far below never, one far above always. The same for a channel's yearly
    // revenue, which is proportional to the segment's revenue per customer.
    const base = readFileSync(join(ROOT, "examples/voorbeeld.yaml"), "utf8").replace("revenue_per_customer: 3600", "revenue_per_customer: { low: 3000, mode: 3600, high: 4200 }");
    const point = project(loadText(base)).scenarios[0]!;
    const webshop2027 = point.years[0]!.channels.webshop!.revenue.toFixed(2);
    const checks = `checks:\n  - metric: npv\n    min: ${point.npv.toFixed(2)}\n  - metric: npv\n    min: 0\n  - metric: npv\n    min: 900M\n  - metric: revenue\n    channel: webshop\n    years: 2027\n    max: ${webshop2027}\n`;
    const loaded = loadText(base.replace(/\nchecks:[\s\S]*$/, "\n") + checks);
    const s = summarize(simulateScenario(loaded.scenarios[0]!, [], { draws: 4000, seed: 5 }), 10);
    const [atPoint, below, above, revenue] = s.checks.map((c) => c.failProbability);
    expect(Math.abs(atPoint! - 0.5)).toBeLessThan(0.04);
    expect(below).toBe(0);
    expect(above).toBe(1);
    expect(Math.abs(revenue! - 0.5)).toBeLessThan(0.04);
  });

  it("a requested rank correlation is honoured by the drawn inputs", () => {
    for (const rank of [-0.7, 0.3, 0.8]) {
      const text = readFileSync(join(ROOT, "examples/voorbeeld-ranges.yaml"), "utf8").replace("rank: 0.5", `rank: ${rank}`);
      const loaded = loadText(text);
      const draws = simulateScenario(loaded.scenarios[0]!, loaded.file!.correlate ?? [], { draws: 20_000, seed: 3 });
      const a = draws.inputs.findIndex((u) => u.name === "segments.smb.churn");
      const b = draws.inputs.findIndex((u) => u.name === "channels.webshop.acquisition_cost");
      expect(Math.abs(spearman(draws.inputDraws[a]!, draws.inputDraws[b]!) - rank)).toBeLessThan(0.03);
      // an input named in no pair stays independent
      const c = draws.inputs.findIndex((u) => u.name === "segments.enterprise.new_customers");
      expect(Math.abs(spearman(draws.inputDraws[a]!, draws.inputDraws[c]!))).toBeLessThan(0.03);
    }
  });
});

describe("distributions", () => {
  const input = (dist: UncertainInput["dist"], low: number, mode: number, high: number): UncertainInput => ({ name: "x", path: [], dist, kind: "money", low, mode, high, point: new Decimal(mode) });
  const quantiles = (sampler: (u: number) => number) => {
    const n = 20_001;
    const xs = Float64Array.from({ length: n }, (_, i) => sampler((i + 0.5) / n)).sort();
    return { p10: quantileOfSorted(xs, 0.1), p50: quantileOfSorted(xs, 0.5), p90: quantileOfSorted(xs, 0.9), min: xs[0]!, max: xs[n - 1]! };
  };

  it("normal and lognormal are fitted so that p10 and p90 are their quantiles", () => {
    const n = quantiles(samplerOf(input("normal", 80, 100, 120)));
    expect(n.p10).toBeCloseTo(80, 2);
    expect(n.p90).toBeCloseTo(120, 2);
    const l = quantiles(samplerOf(input("lognormal", 1000, 1300, 1600)));
    expect(l.p10).toBeCloseTo(1000, 1);
    expect(l.p90).toBeCloseTo(1600, 1);
    expect(l.p50).toBeCloseTo(Math.sqrt(1000 * 1600), 1); // the median of a lognormal: the geometric mean
  });

  it("triangular and PERT stay within low and high, with their known medians", () => {
    // Triangular (0, 2, 10): F(2) = 0.2 < 0.5, so the median is 10 − √(0.5 · 10 · 8) = 10 − √40.
    const t = quantiles(samplerOf(input("triangular", 0, 2, 10)));
    expect(t.min).toBeGreaterThanOrEqual(0);
    expect(t.max).toBeLessThanOrEqual(10);
    expect(t.p50).toBeCloseTo(10 - Math.sqrt(40), 3);
    // A symmetric PERT (mode in the middle) is Beta(3, 3): median at the mode.
    const p = quantiles(samplerOf(input("pert", 10, 20, 30)));
    expect(p.p50).toBeCloseTo(20, 2);
    // Beta(3,3) has P(X ≤ 0.25) = 0.103515625 (I_0.25(3,3) = Σ_{j=3..5} C(5,j) 0.25^j 0.75^(5−j)).
    expect(samplerOf(input("pert", 10, 20, 30))(0.103515625)).toBeCloseTo(15, 2);
  });

  it("Φ and Φ⁻¹ are inverses, and Φ⁻¹(0.9) is z90", () => {
    fc.assert(fc.property(fc.double({ min: 0.0001, max: 0.9999, noNaN: true }), (p) => Math.abs(normalCdf(normalQuantile(p)) - p) < 1e-6));
    expect(normalQuantile(0.9)).toBeCloseTo(1.2815515655446004, 8);
  });

  it("ranks share ties; Spearman is 1 for any increasing relation", () => {
    expect(Array.from(ranks(Float64Array.from([10, 20, 20, 5])))).toEqual([2, 3.5, 3.5, 1]);
    fc.assert(fc.property(fc.array(fc.integer({ min: -1000, max: 1000 }), { minLength: 3, maxLength: 50 }), (xs) => {
      const x = Float64Array.from(xs);
      if (new Set(xs).size < 2) return true;
      return Math.abs(spearman(x, x.map((v) => v ** 3 + 1)) - 1) < 1e-9 && Math.abs(spearman(x, x.map((v) => -v)) + 1) < 1e-9;
    }));
  });

  it("P10 ≤ P50 ≤ P90 for any draws", () => {
    fc.assert(fc.property(fc.array(fc.double({ min: -1e9, max: 1e9, noNaN: true }), { minLength: 1, maxLength: 100 }), (xs) => {
      const s = spreadOf(Float64Array.from(xs));
      return s.p10 <= s.p50 && s.p50 <= s.p90;
    }));
  });
});
