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

import fc from "fast-check";
import { priceVolumeMix } from "../../src/engine/variance.js";

describe("price / volume / mix", () => {
  it("a hand-worked two-channel example", () => {
    // Plan: direct 100 customers × 1,000 = 100,000; webshop 100 × 200 = 20,000 (mix 50/50).
    // Actual: direct 90 × 1,100 = 99,000; webshop 150 × 200 = 30,000 (240 customers: 37.5/62.5).
    // direct:  volume (240−200)×0.5×1,000 = 20,000; mix (0.375−0.5)×240×1,000 = −30,000;
    //          price (1,100−1,000)×90 = 9,000; sum −1,000 = 99,000 − 100,000.
    // webshop: volume 40×0.5×200 = 4,000; mix 0.125×240×200 = 6,000; price 0; sum 10,000.
    const r = priceVolumeMix([
      { channel: "direct", planVolume: D(100), planAmount: D(100000), actualVolume: D(90), actualAmount: D(99000) },
      { channel: "webshop", planVolume: D(100), planAmount: D(20000), actualVolume: D(150), actualAmount: D(30000) },
    ], 2);
    const show = (p: { variance: { toFixed: () => string }; volume: { toFixed: () => string }; mix: { toFixed: () => string }; price: { toFixed: () => string } }) =>
      [p.variance, p.volume, p.mix, p.price].map((d) => d.toFixed());
    expect(show(r.channels[0]!)).toEqual(["-1000", "20000", "-30000", "9000"]);
    expect(show(r.channels[1]!)).toEqual(["10000", "4000", "6000", "0"]);
    expect(show(r.total)).toEqual(["9000", "24000", "-24000", "9000"]);
  });

  it("volume + mix + price = the variance, to the cent, per channel and in total (property)", () => {
    const cents = fc.bigInt({ min: -(10n ** 11n), max: 10n ** 11n }).map((c) => D(c.toString()).div(100));
    const count = fc.integer({ min: 0, max: 100000 }).map((n) => D(n));
    const channel = fc.record({ planVolume: count, planAmount: cents, actualVolume: count, actualAmount: cents });
    fc.assert(fc.property(fc.array(channel, { minLength: 1, maxLength: 5 }), fc.constantFrom(0, 2, 3), (cs, places) => {
      const inputs = cs.map((c, i) => ({ channel: `c${i}`, ...c }));
      const r = priceVolumeMix(inputs, places);
      const round = (d: ReturnType<typeof D>) => d.toDecimalPlaces(places, 4); // 4 = ROUND_HALF_UP: half away from zero
      for (const [i, p] of r.channels.entries()) {
        expect(p.volume.plus(p.mix).plus(p.price).eq(p.variance)).toBe(true);
        expect(p.variance.eq(round(inputs[i]!.actualAmount).minus(round(inputs[i]!.planAmount)))).toBe(true);
        for (const part of [p.volume, p.mix, p.price]) expect(part.decimalPlaces()).toBeLessThanOrEqual(places);
      }
      const t = r.total;
      expect(t.volume.plus(t.mix).plus(t.price).eq(t.variance)).toBe(true);
    }));
  });
});

import { readFileSync } from "node:fs";
import { join } from "node:path";
import { exampleActuals } from "../../scripts/example-actuals.js";
import { ROOT } from "../helpers.js";

describe("the bundled example actuals", () => {
  const p = project(loadExample("hybrid-b2b.yaml")).scenarios[0]!;
  const text = readFileSync(join(ROOT, "examples/hybrid-b2b-actuals.csv"), "utf8");

  it("is what scripts/example-actuals.mjs writes (regenerate it after changing the example)", () => {
    expect(text).toBe(exampleActuals(p));
  });

  it("reads without errors and shows the webshop's revenue 8% ahead of plan in Q2", () => {
    const rows = rowsOf(text, p);
    const web = variance(p, rows, parsePeriod("2027-Q2")!, ["revenue"]).find((l) => l.channel === "webshop")!;
    // Each segment's quarter is a quarter of its year × 1.08, rounded to the cent: +8% within a cent or so.
    expect(web.period.ratio!.minus("0.08").abs().lt("0.0001")).toBe(true);
    expect(web.period.favourable).toBe(true);
  });
});
