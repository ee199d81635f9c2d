import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { formatActualsError, parseActuals, parseAmount, parsePeriod } from "../../src/model/actuals.js";

const IDS = { channels: ["direct", "resellers", "webshop"], segments: ["enterprise", "midmarket", "mkb"] };

describe("actuals CSV", () => {
  it("reads a tidy English CSV into Decimal rows", () => {
    const text = "period,channel,segment,metric,value\n2027-Q1,direct,enterprise,revenue,5100000.25\n2027,,,shared_costs,\"1,234.56\"\n2027-03,webshop,mkb,customers,120\n";
    const r = parseActuals(text, IDS);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.dutch).toBe(false);
    expect(r.rows.map((x) => [x.line, x.period.text, x.channel, x.segment, x.metric, x.value.toString()])).toEqual([
      [2, "2027-Q1", "direct", "enterprise", "revenue", "5100000.25"],
      [3, "2027", undefined, undefined, "shared_costs", "1234.56"],
      [4, "2027-03", "webshop", "mkb", "customers", "120"],
    ]);
  });

  it("recognises a Dutch export: ';', decimal comma, '€ 1.234,56'", () => {
    const text = "\uFEFFperiod;channel;segment;metric;value\r\n2027-Q2;resellers;midmarket;revenue;€ 1.234.567,89\r\n2027-Q2;resellers;midmarket;partner_margin;-1.234,5\r\n2027-Q2;resellers;midmarket;cogs;12,01\r\n";
    const r = parseActuals(text, IDS);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.dutch).toBe(true);
    expect(r.rows.map((x) => x.value.toString())).toEqual(["1234567.89", "-1234.5", "12.01"]);
  });

  it("collects every bad row with line, column, code and a did-you-mean, and returns no rows", () => {
    const text = [
      "period,channel,segment,metric,value",
      "2027-Q5,direct,enterprise,revenue,1", // line 2: bad period at col 1
      "2027-Q1,drect,enterprise,revenue,1", // line 3: channel at col 9, did you mean direct
      "2027-Q1,direct,entreprise,revnue,1", // line 4: segment col 16, metric col 27
      "2027-Q1,direct,enterprise,revenue,12a", // line 5: value at col 35
      "2027-Q1,direct,enterprise,customers,-3", // line 6: negative count
      "2027-Q1,direct,enterprise,revenue,7", // line 7: fine
      "2027-Q1,direct,enterprise,revenue,8", // line 8: duplicate of line 7
      "2027-Q1,direct", // line 9: too few fields
    ].join("\n");
    const r = parseActuals(text, IDS);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.errors.map((e) => [e.line, e.col, e.code])).toEqual([
      [2, 1, "BAD_PERIOD"], [3, 9, "UNKNOWN_CHANNEL"], [4, 16, "UNKNOWN_SEGMENT"], [4, 27, "UNKNOWN_METRIC"],
      [5, 35, "BAD_VALUE"], [6, 37, "NEGATIVE_COUNT"], [8, 1, "DUPLICATE_ROW"], [9, 1, "CSV_COLUMNS"],
    ]);
    expect(r.errors[1]!.hint).toContain("'direct'");
    expect(r.errors[2]!.hint).toContain("'enterprise'");
    expect(r.errors[3]!.hint).toContain("'revenue'");
    expect(formatActualsError("a.csv", r.errors[0]!)).toMatch(/^a\.csv:2:1: error BAD_PERIOD: .+\n {2}hint: .+/);
  });

  it("reports a missing or misspelt header column and an unclosed quote", () => {
    const h = parseActuals("period,chanel,segment,metric,value\n", IDS);
    expect(h.ok ? [] : h.errors.map((e) => [e.code, e.hint])).toEqual([
      ["CSV_HEADER", "did you mean 'channel'?"], ["CSV_HEADER", expect.stringContaining("period,channel")],
    ]);
    const q = parseActuals('period,channel,segment,metric,value\n2027,direct,mkb,revenue,"12\n', IDS);
    expect(q.ok ? "" : q.errors[0]!.code).toBe("CSV_SYNTAX");
    const e = parseActuals("  \n", IDS);
    expect(e.ok ? "" : e.errors[0]!.code).toBe("CSV_EMPTY");
  });

  it("parses periods", () => {
    expect(parsePeriod("2027")).toEqual({ text: "2027", year: 2027 });
    expect(parsePeriod("2027-Q3")).toEqual({ text: "2027-Q3", year: 2027, quarter: 3 });
    expect(parsePeriod("2027-12")).toEqual({ text: "2027-12", year: 2027, month: 12 });
    for (const bad of ["2027-13", "2027-Q0", "27", "2027-1", "2027Q1"]) expect(parsePeriod(bad)).toBeUndefined();
  });

  it("refuses ambiguous amounts in either convention", () => {
    expect(parseAmount("1.234,56", false)).toBeUndefined();
    expect(parseAmount("1,234.56", true)).toBeUndefined();
    expect(parseAmount("1.23.4", true)).toBeUndefined();
    expect(parseAmount("€ -5", false)?.toString()).toBe("-5");
  });

  it("reads any cent amount exactly from its text in both conventions (property)", () => {
    fc.assert(fc.property(fc.bigInt({ min: -(10n ** 15n), max: 10n ** 15n }), (cents) => {
      const neg = cents < 0n;
      const abs = neg ? -cents : cents;
      const whole = (abs / 100n).toString();
      const frac = (abs % 100n).toString().padStart(2, "0");
      const expected = `${neg ? "-" : ""}${whole}.${frac}`;
      const grouped = (sep: string) => whole.replace(/\B(?=(\d{3})+(?!\d))/g, sep);
      expect(parseAmount(`${neg ? "-" : ""}${whole}.${frac}`, false)!.eq(expected)).toBe(true);
      expect(parseAmount(`${neg ? "-" : ""}€ ${grouped(".")},${frac}`, true)!.eq(expected)).toBe(true);
      expect(parseAmount(`${neg ? "-" : ""}${grouped(",")}.${frac}`, false)!.eq(expected)).toBe(true);
    }));
  });
});
