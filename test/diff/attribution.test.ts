// Issue #13 item 6: the change in base split over the changed assumptions with Shapley values.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { Decimal } from "../../src/money/decimal.js";
import { ROOT, loadText } from "../helpers.js";
import { diffAssumptions } from "../../src/diff/assumptions.js";
import { attribute, toMinorUnits } from "../../src/diff/attribution.js";
import { projectScenarios } from "../../src/engine/projection.js";
import { distplan } from "../support/cli.js";

const worked = readFileSync(join(ROOT, "examples/worked-example.yaml"), "utf8");
const voorbeeld = readFileSync(join(ROOT, "examples/voorbeeld.yaml"), "utf8");

function attributionOf(beforeText: string, afterText: string) {
  const before = loadText(beforeText, "before.yaml");
  const after = loadText(afterText, "after.yaml");
  const a = attribute(before.file!, after.file!, diffAssumptions(before.file!, after.file!));
  const figures = (l: typeof before) => projectScenarios(l.scenarios.slice(0, 1)).scenarios[0]!;
  return { a, before: figures(before), after: figures(after) };
}

describe("attribution by hand", () => {
  it("two assumptions that interact share the interaction equally", () => {
    // The worked example's big segment: 10 → 20 customers and 10,000 → 20,000 revenue per customer.
    // Direct's 2027 contribution is 0.45 × c × r − 2,000 − 500 c − 20,000 (gross margin 50%,
    // commission 5%, 2 new customers at 1,000, service 500, fixed 20,000), with c the 2027
    // customers (10 × 90% + 2 = 11, or 20) and r the revenue per customer; nothing else moves, and
    // total net profit moves with it (shared costs are fixed). Alone, customers add 58,000 −
    // 22,000 = 36,000 and the price 71,500 − 22,000 = 49,500; together 148,000 − 22,000 = 126,000,
    // so 40,500 is their interaction, half to each: 56,250 and 69,750.
    const after = worked.replace("customers: 10\n", "customers: 20\n").replace("revenue_per_customer: { start: 10000, growth: 10% }", "revenue_per_customer: { start: 20000, growth: 10% }");
    const { a } = attributionOf(worked, after);
    expect(a.kind).toBe("parts");
    if (a.kind !== "parts") return;
    const byPath = Object.fromEntries(a.parts.map((p) => [p.label, p.netProfit[0]!.toFixed(2)]));
    expect(byPath).toEqual({ "segments.big.customers": "56250.00", "segments.big.revenue_per_customer": "69750.00" });
    expect(a.total.netProfit[0]!.toFixed(2)).toBe("126000.00");
  });

  it("one assumption takes the whole change", () => {
    const { a, before, after } = attributionOf(voorbeeld, voorbeeld.replace("partner_margin: 25%", "partner_margin: 27%"));
    expect(a.kind === "parts" && a.parts.map((p) => [p.label, p.npv.toFixed(2)])).toEqual([["channels.partners.partner_margin", after.npv.minus(before.npv).toFixed(2)]]);
  });
});

describe("the parts add up to the change, to the cent (property)", () => {
  // Random moves of up to six of the complete example's inputs, each on or off.
  const edits: [string, string][] = [
    ["partner_margin: 25%", "partner_margin: 27%"],
    ["churn: 18%", "churn: 15%"],
    ["discount_rate: 8%", "discount_rate: 9%"],
    ["revenue_per_customer: 3600", "revenue_per_customer: 3900"],
    ["service_cost: 300", "service_cost: 280"],
    ["acquisition_cost: 1200", "acquisition_cost: 1500"],
  ];
  it("NPV and every year's net profit", () => {
    for (const [from] of edits) expect(voorbeeld, from).toContain(from);
    fc.assert(fc.property(fc.array(fc.boolean(), { minLength: edits.length, maxLength: edits.length }), (on) => {
      let text = voorbeeld;
      edits.forEach(([from, to], i) => { if (on[i]) text = text.replace(from, to); });
      const { a, before, after } = attributionOf(voorbeeld, text);
      if (!on.some(Boolean)) return a.kind === "none";
      if (a.kind !== "parts") return false;
      const sum = (xs: Decimal[]) => xs.reduce((s, x) => s.plus(x), new Decimal(0));
      if (!sum(a.parts.map((p) => p.npv)).equals(after.npv.minus(before.npv))) return false;
      return after.years.every((y, t) => sum(a.parts.map((p) => p.netProfit[t]!)).equals(y.total.net_profit.minus(before.years[t]!.total.net_profit)));
    }), { numRuns: 12 });
  });
});

describe("rounding the parts", () => {
  it("whole cents that add up to the total, the leftover cents to the largest remainders", () => {
    const parts = toMinorUnits([new Decimal("1.005"), new Decimal("1.005"), new Decimal("-0.01")], new Decimal("2.00"));
    expect(parts.map((p) => p.toFixed(2))).toEqual(["1.01", "1.00", "-0.01"]);
    fc.assert(fc.property(fc.array(fc.integer({ min: -10_000_000, max: 10_000_000 }), { minLength: 1, maxLength: 8 }), fc.integer({ min: 1, max: 7 }), (millis, d) => {
      const exact = millis.map((m) => new Decimal(m).dividedBy(1000 * d));
      const total = exact.reduce((s, x) => s.plus(x), new Decimal(0)).toDecimalPlaces(2);
      const parts = toMinorUnits(exact, total);
      return parts.reduce((s, x) => s.plus(x), new Decimal(0)).equals(total) && parts.every((p, i) => p.minus(exact[i]!).abs().lessThanOrEqualTo("0.02"));
    }));
  });
});

describe("distplan diff shows it", () => {
  it("text and JSON: a row per assumption and the total", () => {
    const r = distplan(["diff", "-", "examples/voorbeeld.yaml"], { input: voorbeeld.replace("partner_margin: 25%", "partner_margin: 23%").replace("churn: 18%", "churn: 20%") });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("where base's change comes from");
    expect(r.stdout).toContain("channels.partners.partner_margin");
    const json = JSON.parse(distplan(["diff", "-", "examples/voorbeeld.yaml", "--format", "json"], { input: voorbeeld.replace("partner_margin: 25%", "partner_margin: 23%") }).stdout);
    expect(json.attribution.method).toBe("shapley");
    expect(json.attribution.parts[0].npv).toBe(json.attribution.total.npv);
  });
});
