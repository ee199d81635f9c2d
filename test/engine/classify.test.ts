// Issue #14 item 3: the tier review. examples/installer-tiers.yaml's tiers: registered (1
// certified), silver (60k revenue, 2 certified, grace 1), gold (250k, 4 certified, heat pumps and
// hybrid systems, grace 1).
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { Decimal } from "../../src/money/decimal.js";
import { loadExample } from "../helpers.js";
import { parsePartners } from "../../src/model/partners-csv.js";
import { reviewPartners } from "../../src/engine/classify.js";
import { distplan } from "../support/cli.js";

const tiers = loadExample("installer-tiers.yaml").scenarios[0]!.model.channels.find((c) => c.id === "installers")!.tiers;
const ids = tiers.map((k) => k.id);
const review = (csv: string, warn = "0.15") => {
  const parsed = parsePartners(csv, ids);
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
  return reviewPartners(tiers, parsed.rows, new Decimal(warn)).partners;
};
const HEADER = "id,name,revenue,certified,specialisations,tier,missed\n";

describe("the tier review", () => {
  it("exactly at the threshold holds the tier; one cent below does not", () => {
    const r = review(`${HEADER}a,,60000.00,2,,,0\nb,,59999.99,2,,,0\nc,,250000,4,heat pumps|hybrid systems,,0\nd,,250000,4,heat pumps,,0\n`);
    expect(r.map((x) => x.after)).toEqual(["silver", "registered", "gold", "silver"]);
    expect(r.map((x) => x.outcome)).toEqual(["new", "new", "new", "new"]);
  });

  it("promotes straight to the highest tier met, and with grace keeps a tier once before dropping one tier", () => {
    const r = review(`${HEADER}up,,300000,5,heat pumps|hybrid systems,registered,0\nfirst-miss,,10000,1,,gold,0\nsecond-miss,,10000,1,,gold,1\nno-grace,,10000,0,,registered,0\n`);
    expect(r.map((x) => [x.outcome, x.after])).toEqual([["promoted", "gold"], ["grace", "gold"], ["demoted", "silver"], ["demoted", null]]);
    expect(r[1]!.graceLeft).toBe(0);
  });

  it("warns a partner within 15% of a requirement, with the gap", () => {
    // 68,000 of the 60,000 silver requires: 8,000 above, within 15% (69,000); 70,000 is not.
    const r = review(`${HEADER}close,,68000,3,,silver,0\nsafe,,70000,3,,silver,0\n`);
    expect(r[0]!.warning).toEqual({ on: "revenue", cushion: new Decimal(8000), required: new Decimal(60000) });
    expect(r[1]!.warning).toBeNull();
  });

  it("near both requirements, warns on the tighter one relative to its requirement (revenue when even)", () => {
    // Silver: 60,000 and 2 certified; near below 69,000 and 2.3 people.
    //   a: 65,000 / 60,000 = 1.083 against 2 / 2 = 1.000 → certified, cushion 0 people
    //   b: 60,000 / 60,000 = 1.000 against 2 / 2 = 1.000 → revenue (even), cushion 0 euros
    //   c: 61,000 / 60,000 = 1.017 against 2 / 2 → certified
    const r = review(`${HEADER}a,,65000,2,,silver,0\nb,,60000,2,,silver,0\nc,,61000,2,,silver,0\n`);
    expect(r.map((x) => [x.warning?.on, x.warning?.cushion.toString()])).toEqual([["certified", "0"], ["revenue", "0"], ["certified", "0"]]);
  });

  it("reads a Dutch export", () => {
    const parsed = parsePartners("id;name;revenue;certified;specialisations;tier;missed\nnl-1;Warmte BV;€ 61.234,50;2;;registered;0\n", ids);
    expect(parsed.ok && parsed.dutch && parsed.rows[0]!.revenue.toFixed(2)).toBe("61234.50");
  });

  it("reports every bad row with its line and column, and reads nothing", () => {
    const parsed = parsePartners(`${HEADER}a,,lots,2,,,0\nb,,1000,2,,silvr,0\na,,1000,2,,,0\n`, ids);
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    // "a,,lots,…": lots starts at column 4; "b,,1000,2,,silvr,0": silvr at column 12. Row 4 repeats
    // the id of row 2, whose errors already keep it out, so it is not a duplicate of a read row.
    expect(parsed.errors.map((e) => [e.code, e.line, e.col])).toEqual([["BAD_VALUE", 2, 4], ["UNKNOWN_TIER", 3, 12]]);
    expect(parsed.errors[1]!.hint).toBe("did you mean 'silver'?");
  });
});

describe("distplan partners classify", () => {
  it("on the bundled example: counts that add up, and a YAML snippet to paste", () => {
    const json = JSON.parse(distplan(["partners", "classify", "examples/installer-partners.csv", "--model", "examples/installer-tiers.yaml", "--format", "json"]).stdout);
    expect(json.tiers.reduce((s: number, t: { after: number }) => s + t.after, 0) + json.below).toBe(360);
    expect(json.tiers.reduce((s: number, t: { before: number }) => s + t.before, 0)).toBe(360);
    const yaml = distplan(["partners", "classify", "examples/installer-partners.csv", "--model", "examples/installer-tiers.yaml", "--format", "yaml"]).stdout;
    expect(yaml).toMatch(/^ {2}- id: silver\n {4}partners: \d+\n {4}share: [\d.]+%$/m);
  });

  it("a bad file is exit 2 with file:line:col", () => {
    const r = distplan(["partners", "classify", "-", "--model", "examples/installer-tiers.yaml"], { input: `${HEADER}a,,lots,2,,,0\n` });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("<stdin>:2:4: error BAD_VALUE: 'lots' is not a revenue");
  });
});

describe("the partner file's two reading paths", () => {
  // A file without quotes and empty lines is read without csv-parse's position tracking (record i
  // is on line i + 1). Quoting one field sends the same data through the tracking path: rows,
  // lines and errors must be the same.
  const quoteFirstName = (text: string) => text.replace(/^(p0,)([^,]*)/m, '$1"$2"');
  const rowArb = fc.array(fc.record({
    revenue: fc.integer({ min: 0, max: 900_000 }), certified: fc.integer({ min: 0, max: 9 }),
    tier: fc.constantFrom("", "registered", "silver", "gold"), missed: fc.integer({ min: 0, max: 3 }), bad: fc.boolean(),
  }), { minLength: 1, maxLength: 30 });
  const fileOf = (rows: { revenue: number; certified: number; tier: string; missed: number; bad: boolean }[], withBad: boolean) =>
    `${HEADER}${rows.map((r, i) => `p${i},Partner ${i},${withBad && r.bad && i > 0 ? "lots" : r.revenue},${r.certified},heat pumps,${r.tier},${r.missed}`).join("\n")}\n`;

  it("gives the same rows and the same errors, at the same lines and columns", () => {
    fc.assert(fc.property(rowArb, fc.boolean(), (rows, withBad) => {
      const plain = fileOf(rows, withBad);
      const quoted = quoteFirstName(plain);
      expect(quoted).not.toBe(plain);
      const a = parsePartners(plain, ids);
      const b = parsePartners(quoted, ids);
      expect(JSON.stringify(a)).toBe(JSON.stringify(b));
    }), { numRuns: 40 });
  });

  it("counts lines right when an empty line sends a file down the tracking path", () => {
    const r = parsePartners(`${HEADER}p0,A,100,1,,,0\n\np1,B,lots,1,,,0\n`, ids);
    expect(r.ok).toBe(false);
    // Line 4 (header, p0, the empty line, p1); "p1,B,lots": lots starts in column 6.
    if (!r.ok) expect(r.errors.map((e) => [e.line, e.col])).toEqual([[4, 6]]);
  });
});
