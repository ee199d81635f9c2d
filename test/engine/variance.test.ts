import { describe, expect, it } from "vitest";
import { D } from "../../src/money/decimal.js";
import { parseActuals, parsePeriod, type ActualRow } from "../../src/model/actuals.js";
import type { ScenarioProjection } from "../../src/engine/projection-types.js";
import { variance } from "../../src/engine/variance.js";
import { loadExample, project } from "../helpers.js";

const rowsOf = (text: string, p: ScenarioProjection): readonly ActualRow[] => {
  const r = parseActuals(text, { channels: p.channelIds, segments: p.segmentIds });
  if (!r.ok) throw new Error(JSON.stringify(r.errors));
  return r.rows;
};

describe("plan versus actuals", () => {
  const p = project(loadExample("hybrid-b2b.yaml")).scenarios[0]!;
  const metrics = ["revenue", "cogs", "acquisition_costs", "customers"] as const;

  it("actuals equal to the plan (each quarter a quarter of the year) give zero variance everywhere", () => {
    const y = p.years[0]!;
    const lines = ["period,channel,segment,metric,value"];
    for (const c of p.channelIds) {
      for (let q = 1; q <= 4; q++) {
        for (const m of metrics) {
          // customers is a stock: the plan for any period is the year's figure.
          const v = m === "customers" ? y.channels[c]![m] : y.channels[c]![m].div(4);
          lines.push(`${y.year}-Q${q},${c},,${m},${v.toFixed()}`);
        }
      }
    }
    const rows = rowsOf(lines.join("\n"), p);
    for (const q of [1, 2, 3, 4]) {
      const out = variance(p, rows, parsePeriod(`${y.year}-Q${q}`)!, metrics);
      expect(out).toHaveLength(p.channelIds.length * metrics.length);
      for (const l of out) {
        expect(l.period.variance.isZero()).toBe(true);
        expect(l.yearToDate.variance.isZero()).toBe(true);
        expect(l.period.favourable).toBeNull();
      }
    }
  });

  it("a hand-worked quarter: plan, actual, variance, percent and the sign that matters", () => {
    // A one-channel plan for 2027: revenue 1,200,000.00, cogs 400,000.00, 100 customers.
    const year = { revenue: D("1200000"), cogs: D("400000"), customers: D("100") };
    const fake = { channelIds: ["direct"], segmentIds: ["smb"], years: [{ year: 2027, channels: { direct: year } }] } as unknown as ScenarioProjection;
    const text = [
      "period,channel,segment,metric,value",
      "2027-Q1,direct,smb,revenue,290000.00",
      "2027-04,direct,smb,revenue,100000.00",
      "2027-05,direct,smb,revenue,100000.00",
      "2027-06,direct,smb,revenue,120000.50",
      "2027-Q1,direct,smb,cogs,95000",
      "2027-Q2,direct,smb,cogs,104000",
      "2027-Q1,direct,smb,customers,98",
      "2027-06,direct,smb,customers,103",
    ].join("\n");
    const out = variance(fake, rowsOf(text, fake), parsePeriod("2027-Q2")!, ["revenue", "cogs", "customers"]);
    const show = (f: { plan: { toFixed: () => string }; actual: { toFixed: () => string }; variance: { toFixed: () => string }; ratio: { toFixed: (n: number) => string } | null; favourable: boolean | null }) =>
      [f.plan.toFixed(), f.actual.toFixed(), f.variance.toFixed(), f.ratio?.toFixed(4), f.favourable];
    // Revenue Q2: plan 1,200,000 × 3/12 = 300,000; actual 100,000 + 100,000 + 120,000.50 = 320,000.50;
    // variance +20,000.50 = +6.6668% of plan: more revenue is favourable.
    // Year to date (Q1+Q2): plan 600,000; actual 290,000 + 320,000.50 = 610,000.50; +10,000.50 (+1.6668%).
    expect(show(out[0]!.period)).toEqual(["300000", "320000.5", "20000.5", "0.0667", true]);
    expect(show(out[0]!.yearToDate)).toEqual(["600000", "610000.5", "10000.5", "0.0167", true]);
    // Cogs Q2: plan 100,000, actual 104,000: +4,000 (+4%), unfavourable (a cost). YTD: plan 200,000,
    // actual 199,000: −1,000 (−0.5%), favourable.
    expect(show(out[1]!.period)).toEqual(["100000", "104000", "4000", "0.0400", false]);
    expect(show(out[1]!.yearToDate)).toEqual(["200000", "199000", "-1000", "-0.0050", true]);
    // Customers: a stock, plan = the year's 100 for any period; actual = the latest period's base,
    // 103 at the end of June (the 98 of Q1 is an earlier snapshot): +3, favourable.
    expect(show(out[2]!.period)).toEqual(["100", "103", "3", "0.0300", true]);
    expect(show(out[2]!.yearToDate)).toEqual(["100", "103", "3", "0.0300", true]);
  });
});
