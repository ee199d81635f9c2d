import { describe, expect, it } from "vitest";
import { D, type Decimal } from "../../src/money/decimal.js";
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

import { pvmOfPeriod, shareOfYear } from "../../src/engine/variance.js";
import { loadModelText } from "../../src/model/load.js";

describe("plan versus actuals per segment and per channel × segment", () => {
  const p = project(loadExample("hybrid-b2b.yaml")).scenarios[0]!;
  const y = p.years[0]!;
  const metrics = ["customers", "new_customers", "revenue", "market_revenue", "partner_margin", "cogs", "variable_costs", "acquisition_costs", "service_costs"] as const;
  // The plan's own cells for the whole year 2027: a year's plan is the year's figure, unrounded.
  const lines = ["period,channel,segment,metric,value"];
  for (const c of p.channelIds) {
    for (const [s, cell] of Object.entries(y.channels[c]!.segments)) {
      for (const m of metrics) lines.push(`${y.year},${c},${s},${m},${cell[m].toFixed()}`);
    }
    lines.push(`${y.year},${c},,fixed_costs,${y.channels[c]!.fixed_costs.toFixed()}`);
    lines.push(`${y.year},${c},,income,${y.channels[c]!.income.toFixed()}`);
  }
  const rows = rowsOf(lines.join("\n"), p);
  const all = [...metrics, "fixed_costs", "income"] as const;

  it("actuals equal to the plan give zero variance by channel, by segment and by both", () => {
    for (const by of ["channel", "segment", "both"] as const) {
      const out = variance(p, rows, parsePeriod(String(y.year))!, all, { by });
      expect(out.length).toBeGreaterThan(p.channelIds.length);
      for (const l of out) {
        expect([by, l.channel, l.segment, l.metric, l.period.variance.toFixed(), l.yearToDate.variance.toFixed()]).toEqual([by, l.channel, l.segment, l.metric, "0", "0"]);
      }
      // Scope: a segment row has no channel, a channel row no segment; a segment has no fixed costs.
      if (by === "segment") expect(out.every((l) => l.channel === null && l.segment !== null && l.metric !== "fixed_costs")).toBe(true);
      if (by === "channel") expect(out.some((l) => l.metric === "fixed_costs")).toBe(true);
    }
  });

  it("a segment's actual is the sum over its channels, its plan the segment's figure", () => {
    const out = variance(p, rows, parsePeriod(String(y.year))!, ["revenue"], { by: "segment" });
    for (const l of out) expect(l.period.plan.eq(y.segments[l.segment!]!.revenue)).toBe(true);
    expect(out.map((l) => l.segment)).toEqual(p.segmentIds.filter((s) => p.channelIds.some((c) => y.channels[c]!.segments[s])));
  });

  it("price/volume/mix of actuals equal to the plan is zero in every part, revenue and contribution", () => {
    for (const t of pvmOfPeriod(p, rows, parsePeriod(String(y.year))!)) {
      for (const r of [...t.rows, t.total]) {
        expect([t.amount, r.channel, ...[r.part.variance, r.part.volume, r.part.mix, r.part.price].map((d) => d.toFixed())]).toEqual([t.amount, r.channel, "0", "0", "0", "0"]);
      }
      // The plan side is the projection's own figure for the year.
      for (const r of t.rows) expect(r.amount.plan.eq(y.channels[r.channel]![t.amount])).toBe(true);
    }
  });
});

describe("price / volume / mix of a hand-worked quarter", () => {
  // Plan 2027, two channels: direct 100 customers, revenue 400,000, cogs 160,000, fixed 40,000;
  // webshop 300 customers, revenue 240,000, cogs 120,000, fixed 20,000. Q2 is a quarter of each
  // flow: direct revenue 100,000, contribution 100,000 − 40,000 − 10,000 = 50,000; webshop 60,000
  // and 60,000 − 30,000 − 5,000 = 25,000. The customer base (a stock) is the year's: 100 and 300.
  const ch = (customers: number, revenue: number, cogs: number, fixed: number) =>
    ({ customers: D(customers), revenue: D(revenue), cogs: D(cogs), fixed_costs: D(fixed), segments: {} });
  const fake = {
    channelIds: ["direct", "webshop"], segmentIds: ["smb"],
    years: [{ year: 2027, channels: { direct: ch(100, 400000, 160000, 40000), webshop: ch(300, 240000, 120000, 20000) }, segments: {} }],
  } as unknown as ScenarioProjection;
  // Actual Q2: direct 90 customers at the end of June, revenue 99,000, cogs 38,000; webshop 350,
  // 63,000, 31,500. No fixed costs in the file: they are taken at plan (10,000 and 5,000).
  const text = [
    "period,channel,segment,metric,value",
    "2027-06,direct,smb,customers,90", "2027-Q2,direct,smb,revenue,99000", "2027-Q2,direct,smb,cogs,38000",
    "2027-06,webshop,smb,customers,350", "2027-Q2,webshop,smb,revenue,63000", "2027-Q2,webshop,smb,cogs,31500",
  ].join("\n");
  const [revenue, contribution] = pvmOfPeriod(fake, rowsOf(text, fake), parsePeriod("2027-Q2")!);
  const parts = (r: { part: { variance: Decimal; volume: Decimal; mix: Decimal; price: Decimal } }) =>
    [r.part.variance, r.part.volume, r.part.mix, r.part.price].map((d) => d.toFixed(2));

  it("revenue: V 400 → 440, plan mix 25/75, plan revenue per customer 1,000 and 200", () => {
    // direct:  volume 40 × 0.25 × 1,000 = 10,000; mix (90/440 − 0.25) × 440 × 1,000 = (90 − 110) × 1,000
    //          = −20,000; price (99,000/90 − 1,000) × 90 = 9,000; −1,000 = 99,000 − 100,000.
    // webshop: volume 40 × 0.75 × 200 = 6,000; mix (350 − 330) × 200 = 4,000; price 63,000 − 350 × 200
    //          = −7,000; +3,000 = 63,000 − 60,000.
    expect(parts(revenue!.rows[0]!)).toEqual(["-1000.00", "10000.00", "-20000.00", "9000.00"]);
    expect(parts(revenue!.rows[1]!)).toEqual(["3000.00", "6000.00", "4000.00", "-7000.00"]);
    expect(parts(revenue!.total)).toEqual(["2000.00", "16000.00", "-16000.00", "2000.00"]);
    expect([revenue!.total.volume.plan.toFixed(), revenue!.total.volume.actual.toFixed()]).toEqual(["400", "440"]);
  });

  it("contribution: plan per customer 500 and 83.33…, fixed costs at plan", () => {
    // direct:  actual 99,000 − 38,000 − 10,000 = 51,000, variance +1,000; volume 40 × 0.25 × 500 = 5,000;
    //          mix −20 × 500 = −10,000; price 51,000 − 90 × 500 = 6,000.
    // webshop: actual 63,000 − 31,500 − 5,000 = 26,500, variance +1,500; per customer 25,000/300;
    //          volume 40 × 0.75 × 83.33… = 2,500; mix 20 × 83.33… = 1,666.666… → 1,666.67;
    //          price the remainder 1,500 − 2,500 − 1,666.67 = −2,666.67 (exactly: 26,500 − 350 × 83.33…
    //          = −2,666.666…, so the remainder is the exact price rounded).
    expect([contribution!.rows[0]!.amount.plan.toFixed(), contribution!.rows[0]!.amount.actual.toFixed()]).toEqual(["50000", "51000"]);
    expect(parts(contribution!.rows[0]!)).toEqual(["1000.00", "5000.00", "-10000.00", "6000.00"]);
    expect(parts(contribution!.rows[1]!)).toEqual(["1500.00", "2500.00", "1666.67", "-2666.67"]);
    expect(parts(contribution!.total)).toEqual(["2500.00", "7500.00", "-8333.33", "3333.33"]);
  });
});

describe("seasonality", () => {
  const q = { kind: "quarters", weights: ["0.1", "0.2", "0.3", "0.4"].map(D) } as const;
  const m = { kind: "months", weights: ["0.05", "0.05", "0.1", "0.1", "0.1", "0.1", "0.05", "0.05", "0.1", "0.1", "0.1", "0.1"].map(D) } as const;

  it("the share of a period: even without, the weights with, a month a third of its quarter", () => {
    expect(shareOfYear(4, 6, null).toFixed()).toBe("0.25");
    expect(shareOfYear(4, 6, q).toFixed()).toBe("0.2");
    expect(shareOfYear(1, 9, q).toFixed()).toBe("0.6");
    expect(shareOfYear(5, 5, q).times(3).toFixed(10)).toBe("0.2000000000");
    expect(shareOfYear(1, 12, q).toFixed()).toBe("1");
    expect(shareOfYear(1, 3, m).toFixed()).toBe("0.2");
    expect(shareOfYear(7, 7, m).toFixed()).toBe("0.05");
  });

  it("shapes revenue and its costs, not fixed costs; the base is the year's", () => {
    // Revenue 1,200,000 with 10/20/30/40: Q2 plan 240,000, year to date 360,000. Fixed 120,000 stays
    // 30,000 a quarter. Customers 100 for any period.
    const fake = { channelIds: ["direct"], segmentIds: ["smb"], years: [{ year: 2027, channels: { direct: { revenue: D(1200000), fixed_costs: D(120000), customers: D(100) } } }] } as unknown as ScenarioProjection;
    const text = "period,channel,segment,metric,value\n2027-Q2,direct,,revenue,240000\n2027-Q2,direct,,fixed_costs,30000\n2027-Q2,direct,,customers,100\n";
    const out = variance(fake, rowsOf(text, fake), parsePeriod("2027-Q2")!, ["revenue", "fixed_costs", "customers"], { seasonality: q });
    expect(out.map((l) => [l.metric, l.period.plan.toFixed(), l.yearToDate.plan.toFixed(), l.period.variance.toFixed()])).toEqual([
      ["revenue", "240000", "360000", "0"], ["fixed_costs", "30000", "60000", "0"], ["customers", "100", "100", "0"],
    ]);
  });

  it("is read from the model: 4 or 12 percents adding up to 100%", () => {
    const text = (s: string) => `version: 1\nname: S\nstart_year: 2027\nyears: 1\nsegments:\n  - { id: smb, customers: 10, revenue_per_customer: 100, gross_margin: 50% }\nchannels:\n  - { id: web, type: ecommerce }\nmix:\n  smb: { web: 100% }\n${s}`;
    const model = (s: string) => loadModelText(text(s), "s.yaml");
    expect(model("").scenarios[0]!.model.seasonality).toBeNull();
    const sq = model("seasonality: [10%, 20%, 30%, 40%]\n").scenarios[0]!.model.seasonality!;
    expect([sq.kind, sq.weights.map((w) => w.toFixed())]).toEqual(["quarters", ["0.1", "0.2", "0.3", "0.4"]]);
    expect(model("seasonality: [5%, 5%, 10%, 10%, 10%, 10%, 5%, 5%, 10%, 10%, 10%, 10%]\n").scenarios[0]!.model.seasonality!.kind).toBe("months");
    const codes = (s: string) => model(s).issues.map((i) => i.code);
    expect(codes("seasonality: [10%, 20%, 30%, 30%]\n")).toContain("SEASONALITY_NOT_100");
    expect(codes("seasonality: [25%, 25%, 25%, 25%, 0%]\n")).toContain("SEASONALITY_LENGTH");
    expect(codes("seasonality: [-10%, 30%, 40%, 40%]\n")).toContain("NEGATIVE_VALUE");
  });
});

describe("price / volume / mix of a period (property, through actuals rows)", () => {
  const p = project(loadExample("hybrid-b2b.yaml")).scenarios[0]!;
  it("for any actuals of a quarter, volume + mix + price = actual − plan per channel and in total, revenue and contribution", () => {
    const money = fc.bigInt({ min: 0n, max: 10n ** 10n }).map((c) => D(c.toString()).div(100).toFixed(2));
    const count = fc.integer({ min: 0, max: 20000 });
    const channel = fc.record({ customers: fc.option(count), revenue: fc.option(money), cogs: fc.option(money), fixed: fc.option(money) });
    fc.assert(fc.property(fc.tuple(channel, channel, channel), fc.integer({ min: 1, max: 4 }), (cs, q) => {
      const lines = ["period,channel,segment,metric,value"];
      cs.forEach((c, i) => {
        const id = p.channelIds[i]!;
        if (c.customers !== null) lines.push(`2027-Q${q},${id},,customers,${c.customers}`);
        if (c.revenue !== null) lines.push(`2027-Q${q},${id},,revenue,${c.revenue}`);
        if (c.cogs !== null) lines.push(`2027-Q${q},${id},,cogs,${c.cogs}`);
        if (c.fixed !== null) lines.push(`2027-Q${q},${id},,fixed_costs,${c.fixed}`);
      });
      for (const t of pvmOfPeriod(p, rowsOf(lines.join("\n"), p), parsePeriod(`2027-Q${q}`)!)) {
        for (const r of [...t.rows, t.total]) {
          expect(r.part.volume.plus(r.part.mix).plus(r.part.price).eq(r.part.variance)).toBe(true);
          expect(r.part.variance.eq(r.amount.actual.minus(r.amount.plan))).toBe(true);
        }
        expect(t.rows.reduce((s, r) => s.plus(r.part.variance), D(0)).eq(t.total.part.variance)).toBe(true);
      }
    }), { numRuns: 60 });
  });
});
