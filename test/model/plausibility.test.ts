// Plausibility warnings: values a plan can hold but rarely means. Warnings only: the model stays
// valid and every scenario is projected.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { issuePosition } from "../../src/views/issues.js";
import { loadExample, loadText, ROOT } from "../helpers.js";

const FIXTURE = readFileSync(join(ROOT, "test/fixtures/invalid/MIX_NOT_100.yaml"), "utf8")
  .replace(/^# expect.*\n/, "")
  .replace("webshop: 30% }", "webshop: 40% }");

function warnings(text: string) {
  const loaded = loadText(text);
  expect(loaded.issues.filter((i) => i.severity === "error")).toEqual([]);
  expect(loaded.scenarios.length).toBeGreaterThan(0);
  return loaded.issues.map((i) => {
    const p = issuePosition(loaded, i)!;
    return `${i.severity} ${i.code} ${i.path.join(".")} ${p.line}:${p.col}`;
  });
}

describe("PLAUSIBILITY", () => {
  it("the examples are plausible", () => {
    for (const name of ["voorbeeld.yaml", "hybrid-b2b.yaml", "indirect-mkb.yaml", "ecommerce-brand.yaml", "worked-example.yaml"]) {
      expect(loadExample(name).issues.filter((i) => i.code === "PLAUSIBILITY")).toEqual([]);
    }
  });
  it("yearly growth above 100%", () => {
    expect(warnings(FIXTURE.replace("revenue_per_customer: 1000", "revenue_per_customer: { start: 1000, growth: 900% }")))
      .toEqual(["warning PLAUSIBILITY segments.0.revenue_per_customer.growth 10:50"]);
    expect(warnings(FIXTURE.replace("revenue_per_customer: 1000", "revenue_per_customer: { start: 1000, growth: 100% }"))).toEqual([]);
  });
  it("more than 10 million customers in a segment (1e300 is past the amount limit: an error, #19)", () => {
    expect(warnings(FIXTURE.replace("customers: 100\n", "customers: 2e9\n"))).toEqual(["warning PLAUSIBILITY segments.0.customers 7:16"]);
    expect(loadText(FIXTURE.replace("customers: 100\n", "customers: 1e300\n")).issues.map((i) => i.code)).toContain("AMOUNT_TOO_LARGE");
    expect(warnings(FIXTURE.replace("customers: 100\n", "customers: 10000000\n"))).toEqual([]);
    expect(warnings(FIXTURE.replace("new_customers: 20", "new_customers: [20, 20, 20M]"))).toEqual(["warning PLAUSIBILITY segments.0.new_customers.2 8:29"]);
  });
  it("a price discount or partner margin above 60%, churn above 60%", () => {
    expect(warnings(FIXTURE.replace("partner_margin: 20%", "partner_margin: 61%"))).toEqual(["warning PLAUSIBILITY channels.0.partner_margin 15:21"]);
    expect(warnings(FIXTURE.replace("type: ecommerce", "type: ecommerce\n    by_segment: { smb: { price_discount: 70% } }")))
      .toEqual(["warning PLAUSIBILITY channels.1.by_segment.smb.price_discount 18:42"]);
    expect(warnings(FIXTURE.replace("churn: 10%", "churn: [10%, 65%, 10%]"))).toEqual(["warning PLAUSIBILITY segments.0.churn.1 9:18"]);
    expect(warnings(FIXTURE.replace("churn: 10%", "churn: 60%"))).toEqual([]);
  });
  it("a value 1000 times off its neighbours in a series: the odd one, not its neighbours", () => {
    expect(warnings(FIXTURE.replace("revenue_per_customer: 1000", "revenue_per_customer: [1000, 1000000, 1000]")))
      .toEqual(["warning PLAUSIBILITY segments.0.revenue_per_customer.1 10:34"]);
    expect(warnings(FIXTURE.replace("revenue_per_customer: 1000", "revenue_per_customer: [1000, 1000, 1M]")))
      .toEqual(["warning PLAUSIBILITY segments.0.revenue_per_customer.2 10:40"]);
    expect(warnings(FIXTURE.replace("revenue_per_customer: 1000", "revenue_per_customer: { from: 1000, to: 1000k }")))
      .toEqual(["warning PLAUSIBILITY segments.0.revenue_per_customer.to 10:45"]);
    expect(warnings(FIXTURE.replace("revenue_per_customer: 1000", "revenue_per_customer: [1000, 999000, 2000]"))).toEqual([]);
    expect(warnings(FIXTURE.replace("revenue_per_customer: 1000", "revenue_per_customer: [0, 5000, 5000]"))).toEqual([]);
  });
  it("in a scenario, at the set entry that causes it, once", () => {
    const text = FIXTURE + "scenarios:\n  - id: boom\n    set:\n      segments.smb.churn: 80%\n  - id: more\n    extends: boom\n    set:\n      segments.smb.customers: 200\n";
    const loaded = loadText(text);
    expect(loaded.issues.map((i) => [i.code, i.severity, i.scenario, i.path.join(".")]))
      .toEqual([["PLAUSIBILITY", "warning", "boom", "scenarios.0.set.segments.smb.churn"]]);
    expect(loaded.scenarios.map((s) => s.id)).toEqual(["base", "boom", "more"]);
  });
});
