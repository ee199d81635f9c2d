// Ranges (#17 item 1): a range stands where a number does, the plan uses its point value, and
// the ranges are recorded for simulate under names a person can write in `correlate:`.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { ROOT, errorCodes, loadExample, loadText, project } from "../helpers.js";
import { renderJson } from "../../src/render/json.js";
import { reportData } from "../../src/views/report.js";
import { floatPlan } from "../../src/engine/simulate.js";
import { parseMoney, parsePercent } from "../../src/model/values.js";
import { centsText, bpText } from "../support/arbitraries.js";

const worked = readFileSync(join(ROOT, "examples/worked-example.yaml"), "utf8");
const names = (text: string, scenario = 0) => floatPlan(loadText(text).scenarios[scenario]!.model).inputs.map((u) => u.name);

describe("a range's point value", () => {
  it("voorbeeld-ranges.yaml reports exactly what voorbeeld.yaml reports (its ranges sit at voorbeeld's values)", () => {
    const a = reportData(project(loadExample("voorbeeld.yaml")));
    const b = reportData(project(loadExample("voorbeeld-ranges.yaml")));
    expect(renderJson(b)).toBe(renderJson(a));
  });

  it("is the mode, or the exact midpoint of p10 and p90, in every value form", () => {
    fc.assert(fc.property(fc.integer({ min: 0, max: 10_000_000 }), fc.integer({ min: 0, max: 10_000_000 }), fc.integer({ min: 0, max: 10_000_000 }), (x, y, z) => {
      const [low, mode, high] = [x, y, z].sort((a, b) => a - b) as [number, number, number];
      const range = { low: centsText(low), mode: centsText(mode), high: centsText(high) };
      if (!parseMoney(range).equals(parseMoney(centsText(mode)))) return false;
      const pct = { low: bpText(low % 10_001), mode: bpText(low % 10_001), high: bpText(10_000) };
      if (!parsePercent(pct).equals(parsePercent(bpText(low % 10_001)))) return false;
      // the midpoint of cents is exact to half a cent: no rounding
      return parseMoney({ p10: centsText(low), p90: centsText(high) }).times(200).equals(low + high);
    }));
    expect(parseMoney({ p10: "1k", p90: "1.6k", dist: "lognormal" }).toFixed()).toBe("1300");
    expect(parsePercent({ p10: "7%", p90: "13%" }).toFixed()).toBe("0.1");
  });
});

describe("where ranges may stand", () => {
  const churn = (v: string) => worked.replace(/churn: [^\n]+/, `churn: ${v}`);

  it("names each range by its path: the whole series, a year of a list, a part of a series", () => {
    expect(names(churn("{ low: 5%, mode: 10%, high: 12% }"))).toEqual(["segments.big.churn"]);
    expect(names(churn("[10%, { low: 5%, mode: 10%, high: 12% }, { p10: 8%, p90: 12% }]"))).toEqual(["segments.big.churn.2028", "segments.big.churn.2029"]);
    expect(names(churn("{ start: { low: 5%, mode: 10%, high: 12% }, growth: { p10: -2%, p90: 2% } }"))).toEqual(["segments.big.churn.start", "segments.big.churn.growth"]);
    expect(names(churn("{ from: 10%, to: { low: 5%, mode: 10%, high: 12% } }"))).toEqual(["segments.big.churn.to"]);
  });

  it("a scenario may set a range, and base keeps its number", () => {
    const text = `${worked.replace(/\nscenarios:[\s\S]*$/, "\n").replace(/\nchecks:[\s\S]*$/, "\n")}scenarios:\n  - id: unsure\n    set:\n      discount_rate: { low: 6%, mode: 10%, high: 14% }\n`;
    expect(errorCodes(loadText(text))).toEqual([]);
    expect(names(text, 0)).toEqual([]);
    expect(names(text, 1)).toEqual(["discount_rate"]);
  });

  it("not in a mix share, a tier, seasonality or a check bound; every bad range at once", () => {
    const mixed = worked.replace(/mix:\n(\s+\w+: \{ )(\w+): [^,}]+/, (_m, pre: string, ch: string) => `mix:\n${pre}${ch}: { low: 40%, mode: 50%, high: 60% }`);
    expect(errorCodes(loadText(mixed))).toContain("RANGE_NOT_ALLOWED");
    expect(errorCodes(loadText(`${worked}seasonality: [{ low: 20%, mode: 25%, high: 30% }, 25%, 25%, 25%]\n`))).toContain("WRONG_TYPE");
    const bad = churn("{ low: 12%, mode: 10%, high: 14% }").replace(/gross_margin: [^\n]+/, "gross_margin: { p10: 50%, p90: 40% }");
    expect(errorCodes(loadText(bad)).filter((c) => c === "RANGE_ORDER")).toHaveLength(2);
  });

  it("a correlation names ranges of base; a scenario that sets one to a number just drops the pair", () => {
    const text = readFileSync(join(ROOT, "examples/voorbeeld-ranges.yaml"), "utf8").replace("scenarios:\n", "scenarios:\n  - id: sure\n    set:\n      segments.smb.churn: 18%\n");
    const loaded = loadText(text);
    expect(errorCodes(loaded)).toEqual([]);
    expect(floatPlan(loaded.scenarios.find((s) => s.id === "sure")!.model).inputs.map((u) => u.name)).not.toContain("segments.smb.churn");
    // a field with one range under it names that range
    const field = readFileSync(join(ROOT, "examples/voorbeeld-ranges.yaml"), "utf8").replace("between: [ segments.smb.churn,", "between: [ segments.midmarket.revenue_per_customer,");
    expect(errorCodes(loadText(field))).toEqual([]);
  });
});
