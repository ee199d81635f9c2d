// Checks (docs/MODEL.md §10) and lints (§11) on the worked example, whose figures are derived by hand
// in worked-example.test.ts: net profit 39,957.50 / 50,050.00 / 61,323.45; revenue 190,750 /
// 212,600 / 236,441; partners contribution 11,115 / 7,932 / 4,949 on revenue 38,000 / 30,400 /
// 22,800; web contribution 18,842.50 / 23,163 / 27,523.50; NPV 123,761.85; small customers 95.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { loadText, ROOT } from "../helpers.js";
import { checkLoadedModel } from "../../src/engine/check-model.js";

const worked = readFileSync(join(ROOT, "examples/worked-example.yaml"), "utf8").replace(/\nchecks:[\s\S]*$/, "\n");

function run(checks: string, extra = "") {
  const loaded = loadText(`${worked}${extra}checks:\n${checks}`);
  expect(loaded.issues.filter((i) => i.severity === "error")).toEqual([]);
  return checkLoadedModel(loaded);
}
const points = (checks: string, extra = "") =>
  run(checks, extra).outcomes.map((o) => o.points.map((p) => `${p.scenario}/${p.year ?? "h"}:${p.value?.toFixed(2) ?? "null"}:${p.passed ? "ok" : "FAIL"}`));

describe("checks: metrics and scopes", () => {
  it("total metrics, every year", () => {
    expect(points("  - { metric: net_profit, min: 40000 }")).toEqual([["base/2027:39957.50:FAIL", "base/2028:50050.00:ok", "base/2029:61323.45:ok"]]);
    expect(points("  - { metric: revenue, max: 212600 }")).toEqual([["base/2027:190750.00:ok", "base/2028:212600.00:ok", "base/2029:236441.00:FAIL"]]);
    expect(points("  - { metric: npv, min: 123761.85 }")).toEqual([["base/h:123761.85:ok"]]);
    expect(points("  - { metric: cumulative_net_profit, min: 151330.96 }")).toEqual([["base/h:151330.95:FAIL"]]);
  });

  it("ratios compare exactly against percent bounds", () => {
    // partners contribution margin: 11,115/38,000 = 29.25%, 7,932/30,400 = 26.09%, 4,949/22,800 = 21.71%.
    expect(points("  - { metric: contribution_margin, channel: partners, min: 26.1% }").flat().map((p) => p.endsWith("ok"))).toEqual([true, false, false]);
    expect(points("  - { metric: contribution_margin, channel: partners, min: 0.2170 }").flat().every((p) => p.endsWith("ok"))).toBe(true);
  });

  it("channel scope: every money metric and the horizon ones", () => {
    expect(points("  - { metric: contribution, channel: web, years: 2028, min: 23163 }")).toEqual([["base/2028:23163.00:ok"]]);
    // web net profit 15,825.46 + 19,991.31 + 24,245.34 = 60,062.11
    expect(points("  - { metric: cumulative_net_profit, channel: web, min: 0 }")).toEqual([["base/h:60062.11:ok"]]);
    // NPV of web: 15,825.46/1.1 + 19,991.31/1.21 + 24,245.34/1.331
    //   = 14,386.7818 + 16,521.7438 + 18,215.8828 = 49,124.4084 → 49,124.41
    expect(points("  - { metric: npv, channel: web, max: 1 }")).toEqual([["base/h:49124.41:FAIL"]]);
  });

  it("segment scope takes the cell metrics, summed over channels", () => {
    // small, 2027: customers 47.5 + 47.5 = 95; revenue 38,000 + 42,750 = 80,750
    expect(points("  - { metric: customers, segment: small, years: 2027, min: 95 }")).toEqual([["base/2027:95.00:ok"]]);
    expect(points("  - { metric: revenue, segment: small, years: 2027, min: 80750.01 }")).toEqual([["base/2027:80750.00:FAIL"]]);
    // gross margin of small in 2027: (19,000 + 23,750) / 80,750 = 52.94%
    expect(points("  - { metric: gross_margin, segment: small, years: 2027, min: 53% }")).toEqual([["base/2027:0.53:FAIL"]]);
  });

  it("year selectors: a year, a range, last", () => {
    expect(points("  - { metric: net_profit, years: \"2028..2029\", min: 0 }")[0]).toHaveLength(2);
    expect(points("  - { metric: net_profit, years: last, min: 61323.45 }")).toEqual([["base/2029:61323.45:ok"]]);
  });

  it("scenario selectors: a list and all", () => {
    const scenarios = "scenarios:\n  - id: dear\n    set: { channels.web.fixed_costs.platform: 13000 }\n";
    // The platform costs 10,000 more: web contribution 8,842.50 / 13,163 / 17,523.50 in 'dear'.
    expect(points("  - { metric: contribution, channel: web, years: 2027, min: 10000, scenarios: all }", scenarios)).toEqual([["base/2027:18842.50:ok", "dear/2027:8842.50:FAIL"]]);
    expect(points("  - { metric: contribution, channel: web, years: 2027, min: 0, scenarios: [dear] }", scenarios)).toEqual([["dear/2027:8842.50:ok"]]);
  });

  it("min and max together", () => {
    expect(points("  - { metric: revenue, min: 200000, max: 220000 }").flat().map((p) => p.endsWith("ok"))).toEqual([false, true, false]);
  });

  it("a ratio with no revenue fails rather than passes", () => {
    const idle = worked.replace("mix:\n", "  - { id: idle, type: direct, fixed_costs: { f: 1 } }\nmix:\n").replace("big: { direct: 100% }", "big: { direct: 100%, idle: 0% }");
    const loaded = loadText(`${idle}checks:\n  - { metric: contribution_margin, channel: idle, years: 2027, min: -100% }\n`);
    const outcome = checkLoadedModel(loaded).outcomes[0]!;
    expect(outcome.passed).toBe(false);
    expect(outcome.points[0]).toMatchObject({ value: null, missing: "no_revenue" });
  });

  it("with no checks, the default applies: net profit ≥ 0 in every year of base", () => {
    const result = checkLoadedModel(loadText(worked));
    expect(result.outcomes).toHaveLength(1);
    expect(result.outcomes[0]).toMatchObject({ index: null, metric: "net_profit", passed: true });
    expect(result.outcomes[0]!.points).toHaveLength(3);
  });
});

describe("lints (docs/MODEL.md §11)", () => {
  const codes = (text: string) => checkLoadedModel(loadText(text)).lints.map((l) => l.code);

  it("the worked example: only the webshop's 10% discount undercuts the partners", () => {
    expect(codes(worked)).toEqual(["PRICE_UNDERCUT"]);
    expect(codes(worked.replace("price_discount: 10%", "price_discount: 0%"))).toEqual([]);
  });

  it("1: a segment served indirect and direct/e-commerce without a conflict rule", () => {
    const noRule = worked.replace(/conflicts:\n(  .*\n|    .*\n)*/, "");
    expect(codes(noRule)).toContain("CONFLICT_RULE_MISSING");
  });

  it("2: a share moving more than 15 points in a year", () => {
    expect(codes(worked)).not.toContain("MIX_SHIFT"); // 10 points a year
    expect(codes(worked.replace("{ from: 50%, to: 30% }", "{ from: 50%, to: 10% }").replace("{ from: 50%, to: 70% }", "{ from: 50%, to: 90% }"))).toContain("MIX_SHIFT");
  });

  it("3: a horizon under three years", () => {
    const two = worked.replace("years: 3", "years: 2");
    expect(codes(two)).toContain("SHORT_HORIZON");
  });

  it("5: a channel negative in every year; 6: positive contribution, negative net profit", () => {
    expect(codes(worked.replace("platform: 3000", "platform: 40000"))).toContain("CONTRIBUTION_NEGATIVE");
    // IT at 15,000 split equally is 5,000 each: partners' 2029 shared costs become 867.87 + 5,000
    // = 5,867.87 against a contribution of 4,949.
    const heavy = worked.replace("amount: 3000", "amount: 15000");
    expect(codes(heavy)).toContain("ALLOCATION_LOSS");
    expect(codes(worked)).not.toContain("ALLOCATION_LOSS");
  });
});
