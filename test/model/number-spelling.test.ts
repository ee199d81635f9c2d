// Dutch (and English) number spellings in a model: `18.000`, `1.250.000`, `1,6M`, `26,5%`.
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { isMap, isScalar, isSeq, parseDocument } from "yaml";
import { fieldKind } from "../../src/model/number-spelling.js";
import { parseMoney } from "../../src/model/values.js";
import { issuePosition } from "../../src/views/issues.js";
import type { PathSegment } from "../../src/model/issues.js";
import { loadText, ROOT } from "../helpers.js";

const FIXTURE = readFileSync(join(ROOT, "test/fixtures/invalid/MIX_NOT_100.yaml"), "utf8")
  .replace(/^# expect.*\n/, "")
  .replace("webshop: 30% }", "webshop: 40% }");
const issues = (text: string) => loadText(text).issues.map((i) => ({ code: i.code, severity: i.severity, args: i.args }));
const codes = (text: string) => loadText(text).issues.map((i) => i.code);

describe("which fields hold amounts, counts and percentages", () => {
  const cases: [PathSegment[], string | null][] = [
    [["segments", 0, "customers"], "count"],
    [["segments", 0, "new_customers", 2], "count"],
    [["segments", 0, "revenue_per_customer", "start"], "money"],
    [["segments", 0, "revenue_per_customer", "growth"], "percent"],
    [["segments", 0, "revenue_per_customer", "to"], "money"],
    [["segments", 0, "churn"], "percent"],
    [["channels", 1, "fixed_costs", "platform"], "money"],
    [["channels", 0, "by_segment", "smb", "acquisition_cost"], "money"],
    [["channels", 0, "variable_costs", "rebates"], "percent"],
    [["mix", "smb", "webshop", "from"], "percent"],
    [["shared_costs", 0, "amount"], "money"],
    [["shared_costs", 0, "allocate_by", "direct"], "percent"],
    [["checks", 0, "min"], "bound"],
    [["checks", 0, "years"], null],
    [["start_year"], null],
    [["segments", 0, "name"], null],
    [["discount_rate"], "percent"],
    [["scenarios", 0, "set", "channels.webshop.fixed_costs.platform"], "money"],
    [["scenarios", 0, "set", "mix.smb.webshop", "to"], "percent"],
  ];
  for (const [path, kind] of cases) it(path.join("."), () => expect(fieldKind(path)).toBe(kind));
});

describe("AMBIGUOUS_THOUSANDS", () => {
  it("18.000 (a YAML float 18) is refused, with both readings and the plain spellings", () => {
    const found = issues(FIXTURE.replace("revenue_per_customer: 1000", "revenue_per_customer: 18.000"));
    expect(found).toEqual([{ code: "AMBIGUOUS_THOUSANDS", severity: "error", args: { value: "18.000", thousands: "18000", underscored: "18_000", short: "18k", decimal: "18" } }]);
  });
  it("1.250.000 (a YAML string) is refused once, not also as a bad amount", () => {
    expect(codes(FIXTURE.replace("revenue_per_customer: 1000", "revenue_per_customer: 1.250.000"))).toEqual(["AMBIGUOUS_THOUSANDS"]);
  });
  it("quoted, in a count, in a series, in a scenario's set value and in a check bound", () => {
    const text = FIXTURE
      .replace("customers: 100", 'customers: "1.200"')
      .replace("new_customers: 20", "new_customers: [20, 2.000, 30]")
      .replace("revenue_per_customer: 1000", "revenue_per_customer: { start: 1.500, growth: 3% }")
      + "scenarios:\n  - id: s\n    set:\n      channels.webshop.fixed_costs.platform: 420.000\nchecks:\n  - metric: revenue\n    min: 100.000\n";
    expect(codes(text)).toEqual(Array(5).fill("AMBIGUOUS_THOUSANDS"));
  });
  it("the suggested spellings are accepted and mean the thousands", () => {
    for (const spelling of ["18000", "18_000", "18k", '"18_000"']) {
      const loaded = loadText(FIXTURE.replace("revenue_per_customer: 1000", `revenue_per_customer: ${spelling}`));
      expect(loaded.issues.filter((i) => i.severity === "error")).toEqual([]);
      expect(loaded.scenarios[0]!.model.segments[0]!.revenuePerCustomer[0]!.toFixed()).toBe("18000");
    }
    expect(parseMoney("1_250_000").toFixed()).toBe("1250000");
  });
  it("the decimal reading, as suggested, is accepted", () => {
    const loaded = loadText(FIXTURE.replace("revenue_per_customer: 1000", 'revenue_per_customer: "18.0"'));
    expect(loaded.scenarios[0]!.model.segments[0]!.revenuePerCustomer[0]!.toFixed()).toBe("18");
  });
  it("percent fields keep fractions with three decimals; amounts keep 0.125 and 12.5", () => {
    expect(codes(FIXTURE.replace("churn: 10%", "churn: 0.125"))).toEqual([]);
    expect(codes(FIXTURE.replace("revenue_per_customer: 1000", "revenue_per_customer: 0.125"))).toEqual([]);
    expect(codes(FIXTURE.replace("revenue_per_customer: 1000", "revenue_per_customer: 12.5"))).toEqual([]);
  });

  // Every amount and count of every example, rewritten the Dutch way (1.250.000): one
  // AMBIGUOUS_THOUSANDS at each, and nothing else.
  const examples = readdirSync(join(ROOT, "examples")).filter((f) => f.endsWith(".yaml"));
  for (const example of examples) {
    it(`every amount of ${example} in Dutch notation`, () => {
      const text = readFileSync(join(ROOT, "examples", example), "utf8");
      const doc = parseDocument(text);
      const edits: { start: number; end: number; dutch: string }[] = [];
      const visit = (node: unknown, path: PathSegment[]) => {
        if (isMap(node)) for (const pair of node.items) visit(pair.value, [...path, String((pair.key as { value: unknown }).value)]);
        else if (isSeq(node)) node.items.forEach((item, i) => visit(item, [...path, i]));
        else if (isScalar(node) && node.range) {
          const kind = fieldKind(path);
          if (kind !== "money" && kind !== "count" && kind !== "bound") return;
          if (typeof node.value === "string" && node.value.endsWith("%")) return;
          const amount = parseMoney(node.value as string | number);
          if (!amount.isInteger() || amount.abs().lessThan(1000)) return; // no thousands to separate
          const dutch = amount.toFixed().replace(/\B(?=(\d{3})+$)/g, ".");
          edits.push({ start: node.range[0], end: node.range[1], dutch });
        }
      };
      visit(doc.contents, []);
      expect(edits.length).toBeGreaterThan(5);
      let dutch = text;
      for (const e of [...edits].sort((a, b) => b.start - a.start)) dutch = dutch.slice(0, e.start) + e.dutch + dutch.slice(e.end);
      const loaded = loadText(dutch, example);
      const found = loaded.issues.map((i) => `${i.code} ${issuePosition(loaded, i)!.line}`);
      const lineOf = (offset: number) => text.slice(0, offset).split("\n").length;
      expect(found).toEqual(edits.map((e) => `AMBIGUOUS_THOUSANDS ${lineOf(e.start)}`));
    });
  }
});

describe("DECIMAL_COMMA", () => {
  const corrected = (text: string) => loadText(text).issues.map((i) => [i.code, i.args.corrected]);
  it("a comma in a block value: 26,5% and 1,6M, with the corrected value", () => {
    expect(corrected(FIXTURE.replace("churn: 10%", "churn: 26,5%"))).toEqual([["DECIMAL_COMMA", "26.5%"]]);
    expect(corrected(FIXTURE.replace("revenue_per_customer: 1000", "revenue_per_customer: 1,6M"))).toEqual([["DECIMAL_COMMA", "1.6M"]]);
    expect(corrected(FIXTURE.replace("revenue_per_customer: 1000", "revenue_per_customer: 1.250,50"))).toEqual([["DECIMAL_COMMA", "1250.50"]]);
    expect(corrected(FIXTURE.replace("revenue_per_customer: 1000", "revenue_per_customer: 1,250,000"))).toEqual([["DECIMAL_COMMA", "1250000"]]);
  });
  it("inside a flow mapping, where YAML splits 1,6M into two entries: one error, no BAD_ID or duplicate key", () => {
    expect(corrected(FIXTURE.replace("revenue_per_customer: 1000", "revenue_per_customer: { start: 1,6M, growth: 3% }"))).toEqual([["DECIMAL_COMMA", "1.6M"]]);
    expect(corrected(FIXTURE.replace("smb: { partners: 60%, webshop: 40% }", "smb: { partners: 59,5%, webshop: 40,5% }")))
      .toEqual([["DECIMAL_COMMA", "59.5%"], ["DECIMAL_COMMA", "40.5%"]]);
  });
  it("a list written without spaces stays a list; one that mixes ', ' and ',' has decimal commas", () => {
    expect(codes(FIXTURE.replace("new_customers: 20", "new_customers: [10,20,30]"))).toEqual([]);
    expect(corrected(FIXTURE.replace("new_customers: 20", "new_customers: [1,5, 2, 3]"))).toEqual([["DECIMAL_COMMA", "1.5"]]);
  });
  it("text fields may hold commas", () => {
    expect(codes(FIXTURE.replace("name: Fixture plan", "name: Plan 1,5 2027"))).toEqual([]);
  });
});
