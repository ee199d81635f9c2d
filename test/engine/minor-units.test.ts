// Money in the currency's minor unit (issue #22 item 7; ISO 4217 exponent): leaves round to it,
// shared costs split in it, NPV rounds to it, and the machine formats print its decimals. EUR
// keeps cents (every golden file is unchanged); JPY has whole yen, KWD three decimals (fils).
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { stringify } from "yaml";
import { CELL_FIELDS, CHANNEL_MONEY_FIELDS, COUNT_FIELDS } from "../../src/engine/projection-types.js";
import { Decimal, splitByLargestRemainder, sum } from "../../src/money/decimal.js";
import { minorUnits } from "../../src/model/currencies.js";
import type { Projection } from "../../src/engine/projection-types.js";
import { reportData, reportRecords } from "../../src/views/report.js";
import { checkData, type CheckedFile } from "../../src/views/check.js";
import { renderJson } from "../../src/render/json.js";
import { renderCsv } from "../../src/render/csv.js";
import { renderMarkdown } from "../../src/render/markdown.js";
import { renderTerminal } from "../../src/render/table.js";
import { reportView } from "../../src/views/report.js";
import { textconvView } from "../../src/views/textconv.js";
import { modelArb } from "../support/arbitraries.js";
import { checkLoadedModel } from "../../src/engine/check-model.js";
import { loadText, project } from "../helpers.js";

const projectionAsJson = (p: Projection) => renderJson(reportData(p));
const projectionAsCsv = (p: Projection) => renderCsv(reportRecords(p));
const checksAsJson = (files: readonly CheckedFile[], o: { strict: boolean }) => renderJson(checkData(files, o.strict));

const CURRENCIES = [["JPY", 0], ["KWD", 3], ["EUR", 2], ["CLP", 0], ["BHD", 3]] as const;
const inUnits = (d: Decimal, places: number) => d.decimalPlaces() <= places;

/** One segment of 3 customers at `price`, served directly, for one year. */
const model = (currency: string, price: string) => [
  "version: 1", "name: m", `currency: ${currency}`, "start_year: 2027", "years: 1",
  "segments:", `  - { id: s, customers: 3, revenue_per_customer: ${price}, gross_margin: 100% }`,
  "channels:", "  - { id: d, type: direct }", "mix:", "  s: { d: 100% }", "",
].join("\n");

describe("the currency's minor unit", () => {
  it("ISO 4217 exponents: EUR 2, JPY 0, KWD 3; unknown codes 2", () => {
    expect([minorUnits("EUR"), minorUnits("USD"), minorUnits("JPY"), minorUnits("KRW"), minorUnits("KWD"), minorUnits("TND"), minorUnits("XYZ")]).toEqual([2, 2, 0, 0, 3, 3, 2]);
  });

  it("a split by largest remainder in whole yen and in fils foots exactly", () => {
    const thirds = [new Decimal(1), new Decimal(1), new Decimal(1)];
    expect(splitByLargestRemainder(new Decimal(100), thirds, 0).map(String)).toEqual(["34", "33", "33"]);
    expect(splitByLargestRemainder(new Decimal("1.000"), thirds, 3).map(String)).toEqual(["0.334", "0.333", "0.333"]);
    expect(splitByLargestRemainder(new Decimal("1.00"), thirds).map(String)).toEqual(["0.34", "0.33", "0.33"]);
  });

  it("by hand: 3 customers at 1,000.5 are 3,002 yen but 3,001.50 euro; 3 at 0.4115 are 1.235 dinar", () => {
    const revenue = (currency: string, price: string) => project(loadText(model(currency, price))).scenarios[0]!.years[0]!.total.revenue.toFixed();
    expect(revenue("JPY", "1000.5")).toBe("3002"); // 3,001.5 rounded half away from zero
    expect(revenue("EUR", "1000.5")).toBe("3001.5");
    expect(revenue("KWD", "0.4115")).toBe("1.235"); // 1.2345 → 1.235
    const jpy = loadText(model("JPY", "1000.5"));
    expect(projectionAsJson(project(jpy))).toContain('"revenue": 3002,');
    expect(projectionAsCsv(project(jpy))).toContain("base,2027,total,,revenue,3002\n");
    expect(projectionAsCsv(project(jpy))).toContain("base,2027,total,,customers,3.00\n"); // counts keep 2 decimals
    expect(projectionAsJson(project(loadText(model("KWD", "0.4115"))))).toContain('"revenue": 1.235,');
    const checked = loadText(`${model("JPY", "1000.5")}checks:\n  - { metric: revenue, min: 0 }\n`);
    expect(checksAsJson([{ loaded: checked, ...checkLoadedModel(checked) }], { strict: false })).toMatch(/"value": 3002,/);
  });

  it("the human formats show money in the minor unit too: no .00 yen, three decimals of dinar", () => {
    const page = (currency: string, price: string) => renderMarkdown(reportView(project(loadText(model(currency, price))), { by: "channel", lines: "summary", density: "page" }));
    // Revenue 3,002 yen (3 × 1,000.5, rounded half away from zero); 1.235 dinar (3 × 0.4115).
    expect(page("JPY", "1000.5")).toContain("| **total** | revenue | 3,002 |");
    expect(page("JPY", "1000.5")).not.toMatch(/3,002\.00/);
    expect(page("KWD", "0.4115")).toContain("| **total** | revenue | 1.235 |");
    expect(page("EUR", "1000.5")).toContain("| **total** | revenue | 3,001.50 |");
    const comments = (currency: string) => renderTerminal(textconvView(project(loadText(model(currency, "1000.5"))), []));
    expect(comments("JPY")).toContain("# base · total · revenue 2027: 3,002\n");
    expect(comments("EUR")).toContain("# base · total · revenue 2027: 3,001.50\n");
  });

  it("random models foot exactly in the minor unit of JPY, KWD, EUR, CLP and BHD", () => {
    fc.assert(fc.property(modelArb, fc.constantFrom(...CURRENCIES), (file, [currency, places]) => {
      const loaded = loadText(stringify({ ...file, currency }));
      const p = project(loaded);
      expect(p.minorUnits).toBe(places);
      const s = p.scenarios[0]!;
      for (const y of s.years) {
        for (const c of Object.values(y.channels)) {
          for (const f of CHANNEL_MONEY_FIELDS) if (!COUNT_FIELDS.includes(f)) expect(inUnits(c[f], places)).toBe(true);
          for (const cell of Object.values(c.segments)) for (const f of CELL_FIELDS) if (!COUNT_FIELDS.includes(f)) expect(inUnits(cell[f], places)).toBe(true);
          for (const f of CELL_FIELDS) expect(c[f].equals(sum(Object.values(c.segments).map((x) => x[f])))).toBe(true);
          expect(c.shared_costs.equals(sum(Object.values(c.shared_cost_parts)))).toBe(true);
        }
        for (const f of CHANNEL_MONEY_FIELDS) expect(y.total[f].equals(sum(Object.values(y.channels).map((c) => c[f])))).toBe(true);
        (file.shared_costs ?? []).forEach((sc) => {
          const parts = sum(Object.values(y.channels).map((c) => c.shared_cost_parts[sc.id]!));
          expect(parts.equals(new Decimal(String(sc.amount)).toDecimalPlaces(places, Decimal.ROUND_HALF_UP))).toBe(true);
        });
      }
      expect(inUnits(s.npv, places)).toBe(true);
      expect(s.cumulativeNetProfit.equals(sum(s.years.map((y) => y.total.net_profit)))).toBe(true);
      // Machine formats print exactly the currency's decimals for money.
      const npvText = /"npv": (-?[0-9.]+)/.exec(projectionAsJson(p))![1]!;
      expect(npvText.includes(".") ? npvText.split(".")[1]!.length : 0).toBe(places);
    }), { numRuns: 100 });
  });
});

describe("diff --format json in the currency's decimals", () => {
  it("every money figure of the impact has exactly the currency's decimals, in every position", async () => {
    const { readFileSync } = await import("node:fs");
    const { join } = await import("node:path");
    const { ROOT } = await import("../helpers.js");
    const { modelDiff } = await import("../../src/cli/commands/diff.js");
    const { diffData } = await import("../../src/views/diff.js");
    const voorbeeld = readFileSync(join(ROOT, "examples/voorbeeld.yaml"), "utf8");
    for (const [currency, places] of [["EUR", 2], ["JPY", 0], ["KWD", 3]] as const) {
      const text = voorbeeld.replace(/^currency: .*$/m, `currency: ${currency}`);
      expect(text).toContain(`currency: ${currency}`);
      const json = renderJson(diffData(modelDiff(loadText(text), loadText(text.replace("partner_margin: 25%", "partner_margin: 28%")))));
      // The number literals of the impact, as written (years taken out): every one is money.
      const impact = json.slice(json.indexOf('"impact"'), json.indexOf('"checks"')).replace(/"years": \[[^\]]*\]/g, "");
      const figures = [...impact.matchAll(/-?\d+(\.\d+)?(?=[,\]\n ])/g)].map((m) => m[0]);
      expect(figures.length).toBeGreaterThan(10);
      for (const f of figures) expect(f.includes(".") ? f.split(".")[1]!.length : 0).toBe(places);
    }
  });
});
