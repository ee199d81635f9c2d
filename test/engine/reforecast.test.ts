// The re-forecast (#15 item 4): set entries that move each segment's customer base by what the
// actuals show, applied as a scenario.
import { describe, expect, it } from "vitest";
import { D } from "../../src/money/decimal.js";
import { parseActuals, type ActualRow } from "../../src/model/actuals.js";
import { reforecastSets } from "../../src/engine/reforecast.js";
import { projectModel } from "../../src/engine/projection.js";
import { channelHorizon } from "../../src/engine/horizon.js";
import { whatIfScenario } from "../../src/model/whatif.js";
import { loadExample, project } from "../helpers.js";

const loaded = loadExample("hybrid-b2b.yaml");
const model = loaded.scenarios[0]!.model;
const plan = project(loaded).scenarios[0]!;
const y = plan.years[0]!;
const rowsOf = (lines: string[]): readonly ActualRow[] => {
  const r = parseActuals(["period,channel,segment,metric,value", ...lines].join("\n"), { channels: plan.channelIds, segments: plan.segmentIds });
  if (!r.ok) throw new Error(JSON.stringify(r.errors));
  return r.rows;
};
/** Each cell's 2027 customers as the plan shows them, with `change` applied to one cell. */
const cells = (period: string, change: (c: string, s: string, v: ReturnType<typeof D>) => ReturnType<typeof D> = (_c, _s, v) => v) =>
  plan.channelIds.flatMap((c) => Object.entries(y.channels[c]!.segments).map(([s, cell]) => `${period},${c},${s},customers,${change(c, s, cell.customers).toFixed()}`));
const apply = (rows: readonly ActualRow[]) => {
  const rf = reforecastSets(model, plan, rows)!;
  const what = whatIfScenario(loaded, rf.sets.map((s) => ({ path: s.path, value: [...s.value], text: s.path })));
  if ("errors" in what) throw new Error(JSON.stringify(what.errors));
  return { rf, next: projectModel(what.scenario.model) };
};

describe("re-forecast", () => {
  it("actuals equal to the plan: no set entry, and the plan itself (NPV, cumulative net profit, every channel)", () => {
    const { rf, next } = apply(rowsOf(cells("2027-Q3")));
    expect(rf.sets).toEqual([]);
    expect(rf.bases.every((b) => b.plan.eq(b.actual))).toBe(true);
    expect([next.npv.toFixed(2), next.cumulativeNetProfit.toFixed(2)]).toEqual([plan.npv.toFixed(2), plan.cumulativeNetProfit.toFixed(2)]);
    for (const c of plan.channelIds) expect(channelHorizon(next, c, 2)).toEqual(channelHorizon(plan, c, 2));
  });

  it("more customers: new customers of the year make up the base; later years roll forward from it", () => {
    // Enterprise (85 at the start, 12 new a year, 5% churn, potential 260): plan 2027 base
    // 85 × 0.95 + 12 = 92.75, shown per cell. Actuals: direct's enterprise cell 10 above plan.
    const rows = rowsOf(cells("2027-Q3", (c, s, v) => (c === "direct" && s === "enterprise" ? v.plus(10) : v)));
    const { rf, next } = apply(rows);
    expect(rf.period.text).toBe("2027-Q3");
    expect(rf.sets.map((s) => s.path)).toEqual(["segments.enterprise.new_customers"]);
    // new(2027) = 102.75 − 85 × 0.95 = 22; the other years stay 12.
    expect(rf.sets[0]!.value).toEqual(["22", "12", "12", "12", "12"]);
    expect(next.years[0]!.segments.enterprise!.customers.toFixed(2)).toBe("102.75");
    // 2028: 102.75 × 0.95 + 12 = 109.6125 (the potential of 260 does not bind).
    expect(next.years[1]!.segments.enterprise!.customers.toFixed(2)).toBe("109.61");
    // Other segments are untouched.
    expect(next.years[4]!.segments.mkb!.revenue.eq(plan.years[4]!.segments.mkb!.revenue)).toBe(true);
  });

  it("fewer customers than the plan retains: no one new, and the churn that leaves the actual base", () => {
    // Enterprise at 40 in total: below 85 × 0.95 = 80.75 retained, so new(2027) = 0 and
    // churn(2027) = 1 − 40/85; 2028 = 40 × 0.95 + 12 = 50.
    const total = y.segments.enterprise!.customers;
    const rows = rowsOf(cells("2027-Q3", (_c, s, v) => (s === "enterprise" ? v.times(40).div(total) : v)).map((l) => l.replace(/,([0-9.]+)$/, (_m, x: string) => `,${D(x).toDecimalPlaces(6).toFixed()}`)));
    const { rf, next } = apply(rows);
    expect(rf.sets.map((s) => s.path)).toEqual(["segments.enterprise.new_customers", "segments.enterprise.churn"]);
    expect(next.years[0]!.segments.enterprise!.customers.minus(40).abs().lte("0.02")).toBe(true);
    expect(next.years[1]!.segments.enterprise!.customers.minus(50).abs().lte("0.02")).toBe(true);
  });

  it("needs customers per channel and segment", () => {
    expect(reforecastSets(model, plan, rowsOf(["2027-Q1,direct,enterprise,revenue,100"]))).toBeNull();
  });
});
