// Invariants of docs/MODEL.md §4–§8 over random valid models (fast-check).
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { normalizeModel } from "../../src/model/normalize.js";
import { projectModel } from "../../src/engine/projection.js";
import { CELL_FIELDS, CHANNEL_MONEY_FIELDS, type ScenarioProjection } from "../../src/engine/projection-types.js";
import { Decimal, sum, splitByLargestRemainder, cents } from "../../src/money/decimal.js";
import type { ModelFile } from "../../src/model/types.js";
import { modelArb } from "../support/arbitraries.js";
import { checkStructure } from "../../src/model/structure.js";
import { reportData } from "../../src/views/report.js";
import { renderJson } from "../../src/render/json.js";
import type { Projection } from "../../src/engine/projection-types.js";

const projectionJson = (projection: Projection) => renderJson(reportData(projection));

function run(file: ModelFile): ScenarioProjection {
  expect(checkStructure(file)).toEqual([]);
  const { model, issues } = normalizeModel(file);
  expect(issues.filter((i) => i.severity === "error")).toEqual([]);
  return projectModel(model!);
}

const isCents = (d: Decimal) => d.decimalPlaces() <= 2;
const RUNS = { numRuns: 120 };

describe("footing (docs/MODEL.md §8)", () => {
  it("cells → channel, channels → total, components → contribution and net profit, parts → shared cost", () => {
    fc.assert(fc.property(modelArb, (file) => {
      const p = run(file);
      for (const y of p.years) {
        for (const c of Object.values(y.channels)) {
          for (const f of CELL_FIELDS) expect(c[f].equals(sum(Object.values(c.segments).map((s) => s[f])))).toBe(true);
          for (const s of Object.values(c.segments)) {
            expect(s.revenue.equals(s.market_revenue.minus(s.partner_margin))).toBe(true);
            expect(s.gross_profit.equals(s.revenue.minus(s.cogs))).toBe(true);
            expect(s.cm1.equals(s.gross_profit.minus(s.variable_costs).minus(s.acquisition_costs).minus(s.service_costs).minus(s.conflict_costs))).toBe(true);
          }
          expect(c.contribution.equals(c.cm1.minus(c.fixed_costs).plus(c.income))).toBe(true);
          expect(c.net_profit.equals(c.contribution.minus(c.shared_costs))).toBe(true);
          expect(c.shared_costs.equals(sum(Object.values(c.shared_cost_parts)))).toBe(true);
          for (const f of CHANNEL_MONEY_FIELDS) expect(isCents(c[f])).toBe(true);
        }
        for (const f of CHANNEL_MONEY_FIELDS) expect(y.total[f].equals(sum(Object.values(y.channels).map((c) => c[f])))).toBe(true);
        (file.shared_costs ?? []).forEach((sc) => {
          const parts = sum(Object.values(y.channels).map((c) => c.shared_cost_parts[sc.id]!));
          expect(parts.equals(cents(new Decimal(String(sc.amount))))).toBe(true);
        });
      }
      expect(p.cumulativeNetProfit.equals(sum(p.years.map((y) => y.total.net_profit)))).toBe(true);
    }), RUNS);
  });

  it("total net profit does not depend on the allocation method", () => {
    const methods = ["revenue", "gross_profit", "contribution", "customers", "new_customers", "equal"] as const;
    fc.assert(fc.property(modelArb, fc.constantFrom(...methods), (file, method) => {
      const a = run(file);
      const b = run({ ...file, shared_costs: (file.shared_costs ?? []).map((s) => ({ ...s, allocate_by: method })) });
      expect(b.years.map((y) => y.total.net_profit.toFixed(2))).toEqual(a.years.map((y) => y.total.net_profit.toFixed(2)));
    }), RUNS);
  });

  it("a model scaled ×k gives every money figure ×k, up to cent rounding of the leaves", () => {
    fc.assert(fc.property(modelArb, fc.integer({ min: 2, max: 9 }), (file, k) => {
      const times = (v: unknown) => new Decimal(String(v)).times(k).toFixed();
      const scaledFile: ModelFile = {
        ...file,
        segments: file.segments.map((s) => ({
          ...s,
          revenue_per_customer: typeof s.revenue_per_customer === "object" && !Array.isArray(s.revenue_per_customer) && "start" in s.revenue_per_customer
            ? { ...s.revenue_per_customer, start: times(s.revenue_per_customer.start) } : times(s.revenue_per_customer),
        })),
        channels: file.channels.map((c) => ({
          ...c,
          acquisition_cost: times(c.acquisition_cost), service_cost: times(c.service_cost),
          fixed_costs: { f: times(c.fixed_costs!.f) }, income: { i: times(c.income!.i) },
          ...(c.tiers ? { tiers: c.tiers.map((k) => ({ ...k, fee: times(k.fee) })) } : {}),
        })),
        shared_costs: (file.shared_costs ?? []).map((s) => ({ ...s, amount: times(s.amount) })),
      };
      const a = run(file);
      const b = run(scaledFile);
      a.years.forEach((y, t) => {
        const cells = Object.values(y.channels).reduce((n, c) => n + Object.keys(c.segments).length, 0);
        // Each rounded leaf can differ by ½ cent before and k·½ cent after scaling.
        const tierFees = file.channels.reduce((n, c) => n + (c.tiers?.length ?? 0), 0); // #14: an income line each
        const leaves = cells * 8 + file.channels.length * 2 + tierFees + (file.shared_costs?.length ?? 0) * file.channels.length;
        const tolerance = new Decimal(leaves).times(k + 1).times("0.005");
        const diff = b.years[t]!.total.net_profit.minus(y.total.net_profit.times(k)).abs();
        expect(diff.lessThanOrEqualTo(tolerance)).toBe(true);
        expect(b.years[t]!.total.revenue.minus(y.total.revenue.times(k)).abs().lessThanOrEqualTo(tolerance)).toBe(true);
      });
    }), RUNS);
  });

  it("a channel at 0% everywhere carries only its fixed costs and income", () => {
    fc.assert(fc.property(modelArb, (file) => {
      const idle = { id: "idle", type: "direct" as const, acquisition_cost: 100, service_cost: 100, fixed_costs: { f: "1234.56" }, income: { i: "100.01" }, variable_costs: { v: "5%" } };
      const withIdle: ModelFile = {
        ...file,
        channels: [...file.channels, idle],
        mix: Object.fromEntries(Object.entries(file.mix).map(([s, row]) => [s, { ...row, idle: "0%" }])),
      };
      const p = run(withIdle);
      for (const y of p.years) {
        const c = y.channels.idle!;
        for (const f of CELL_FIELDS) expect(c[f].isZero()).toBe(true);
        expect(c.contribution.toFixed(2)).toBe("-1134.55");
      }
    }), RUNS);
  });

  it("a scenario that changes nothing equals base exactly", async () => {
    const { loadModelText } = await import("../../src/model/load.js");
    const { stringify } = await import("yaml");
    fc.assert(fc.property(modelArb, (file) => {
      const segment = file.segments[0]!;
      const text = stringify({ ...file, scenarios: [{ id: "same", set: { [`segments.${segment.id}.customers`]: segment.customers } }, { id: "empty" }] });
      const loaded = loadModelText(text, "gen.yaml");
      expect(loaded.issues.filter((i) => i.severity === "error")).toEqual([]);
      const [base, same, empty] = loaded.scenarios.map((s) => projectModel(s.model, { id: "x", name: "x", description: "" }));
      const json = (s: ScenarioProjection) => projectionJson({ name: "n", currency: "EUR", years: [], minorUnits: 2, discountRate: new Decimal(0), commonDiscountRate: new Decimal(0), tierLines: true, scenarios: [s] });
      expect(json(same!)).toBe(json(base!));
      expect(json(empty!)).toBe(json(base!));
    }), { numRuns: 60 });
  });
});

describe("largest-remainder split", () => {
  it("parts are whole cents, add up exactly, and each is within a cent of its exact share", () => {
    fc.assert(fc.property(
      fc.integer({ min: 0, max: 10_000_000_00 }),
      fc.array(fc.integer({ min: 0, max: 1_000_000 }), { minLength: 1, maxLength: 12 }).filter((w) => w.some((x) => x > 0)),
      (totalCents, weights) => {
        const total = new Decimal(totalCents).dividedBy(100);
        const ws = weights.map((w) => new Decimal(w));
        const parts = splitByLargestRemainder(total, ws);
        expect(sum(parts).equals(total)).toBe(true);
        const wsum = sum(ws);
        parts.forEach((p, i) => {
          expect(p.decimalPlaces()).toBeLessThanOrEqual(2);
          expect(p.minus(total.times(ws[i]!).dividedBy(wsum)).abs().lessThan("0.01")).toBe(true);
        });
      },
    ), { numRuns: 300 });
  });
});

describe("shared work between scenarios", () => {
  it("a scenario projected beside base equals the same scenario projected alone", async () => {
    const { loadModelText } = await import("../../src/model/load.js");
    const { projectScenarios } = await import("../../src/engine/projection.js");
    const { stringify } = await import("yaml");
    const change = fc.oneof(
      fc.record({ kind: fc.constant("churn" as const), bp: fc.integer({ min: 0, max: 9000 }) }),
      fc.record({ kind: fc.constant("acquisition" as const), cents: fc.integer({ min: 0, max: 5_000_000 }) }),
      fc.record({ kind: fc.constant("fixed" as const), cents: fc.integer({ min: 0, max: 500_000_000 }) }),
    );
    fc.assert(fc.property(modelArb, change, (file, c) => {
      const set: Record<string, unknown> =
        c.kind === "churn" ? { [`segments.${file.segments[0]!.id}.churn`]: `${c.bp / 100}%` }
        : c.kind === "acquisition" ? { [`channels.${file.channels[0]!.id}.acquisition_cost`]: `${Math.floor(c.cents / 100)}.${String(c.cents % 100).padStart(2, "0")}` }
        : { [`channels.${file.channels[0]!.id}.fixed_costs.f`]: `${Math.floor(c.cents / 100)}.${String(c.cents % 100).padStart(2, "0")}` };
      const loaded = loadModelText(stringify({ ...file, scenarios: [{ id: "s", set }] }), "g.yaml");
      expect(loaded.issues.filter((i) => i.severity === "error")).toEqual([]);
      const together = projectScenarios(loaded.scenarios).scenarios[1]!;
      const alone = projectModel(loaded.scenarios[1]!.model, { id: "s", name: "s", description: "" });
      const json = (s: ScenarioProjection) => projectionJson({ name: "n", currency: "EUR", years: [], minorUnits: 2, discountRate: new Decimal(0), commonDiscountRate: new Decimal(0), tierLines: true, scenarios: [s] });
      expect(json(together)).toBe(json(alone));
    }), { numRuns: 100 });
  });
});
