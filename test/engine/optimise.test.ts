// distplan optimise (src/engine/optimise.ts, docs/MODEL.md §14f): the LP against a brute-force
// grid search over the shares, the LP's linear model against the engine (to the cent for NPV,
// within the stated bound for cumulative net profit), the 15-point rule binding where a hand
// reading says it must, and a minimal conflicting set named when no mix meets the constraints.
import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
import { Decimal, ONE, toMinorUnit } from "../../src/money/decimal.js";
import { normalizeModel } from "../../src/model/normalize.js";
import { checkStructure } from "../../src/model/structure.js";
import type { ScenarioModel } from "../../src/model/load.js";
import type { Check, Model } from "../../src/model/types.js";
import { projectModel, projectScenarios } from "../../src/engine/projection.js";
import { evaluateChecks } from "../../src/engine/checks.js";
import { DEFAULT_CONSTRAINTS, linearCheck, linearMetric, optimiseMix, type LpSolver, type Mix, type OptimiseConstraints, type OptimiseOptimal, type ShareLimit } from "../../src/engine/optimise.js";
import { highsSolver } from "../../src/cli/lp.js";
import { loadExample, loadText } from "../helpers.js";
import { modelArb } from "../support/arbitraries.js";

let solver: LpSolver;
beforeAll(async () => { solver = await highsSolver(); });

const worked = loadExample("worked-example.yaml").scenarios[0]!;
const d = (s: string) => new Decimal(s);
const ZERO_ = new Decimal(0);
const pct = (n: number) => new Decimal(n).dividedBy(100);

function optimal(scenario: ScenarioModel, constraints: OptimiseConstraints = DEFAULT_CONSTRAINTS, metric: "npv" | "cumulative_net_profit" = "npv"): OptimiseOptimal {
  const o = optimiseMix(scenario, { metric, constraints, id: "optimal", name: "optimal" }, solver);
  if (o.kind !== "optimal") throw new Error(`infeasible: ${JSON.stringify(o.conflict)}`);
  return o;
}

/** The worked example with small's partner shares p (in points, per year); web takes the rest. */
function smallMix(p: readonly number[]): Mix {
  return { big: { direct: [ONE, ONE, ONE] }, small: { partners: p.map(pct), web: p.map((x) => pct(100 - x)) } };
}
const withMix = (m: Model, mix: Mix): Model => ({ ...m, mix });

/**
 * Every mix of the worked example on a 5-point grid that meets the default constraints, judged by
 * the engine's own figures: each share within 15 points of the year before (in 2027 of the plan's
 * 50%), and every channel's footed contribution ≥ 0 in every year (unless `floor` is off).
 */
function gridSearch(floor: boolean): { best: Decimal; at: number[] } {
  let best: { best: Decimal; at: number[] } | null = null;
  const steps = (from: number) => Array.from({ length: 21 }, (_, i) => i * 5).filter((x) => Math.abs(x - from) <= 15);
  for (const a of steps(50)) for (const b of steps(a)) for (const c of steps(b)) {
    const p = projectModel(withMix(worked.model, smallMix([a, b, c])));
    if (floor && p.years.some((y) => Object.values(y.channels).some((ch) => ch.contribution.isNegative()))) continue;
    if (!best || p.npv.greaterThan(best.best)) best = { best: p.npv, at: [a, b, c] };
  }
  return best!;
}

describe("the optimum against a brute-force grid search (worked example)", () => {
  it("without the contribution floor the optimum lies on the grid: the same mix and the same NPV", () => {
    const o = optimal(worked, { ...DEFAULT_CONSTRAINTS, contributionFloor: false });
    const grid = gridSearch(false);
    // By hand: web earns more per customer than partners in every year (cm1 at share 1 in 2027:
    // web 21,842.50 / 0.5 = 43,685 against partners 15,115 / 0.5 = 30,230), so web rises as fast
    // as the 15-point rule lets it: 65%, 80%, 95%, partners 35%, 20%, 5%.
    expect(grid.at).toEqual([35, 20, 5]);
    expect(o.shares.small!.partners!.map((s) => s.toFixed(4))).toEqual(["0.3500", "0.2000", "0.0500"]);
    expect(o.engine.toFixed(2)).toBe(grid.best.toFixed(2));
  });

  it("with the contribution floor the optimum is at least the best grid mix, and partners stop at their break-even share", () => {
    const o = optimal(worked);
    const grid = gridSearch(true);
    // On the grid partners cannot go below 15% in 2029; by hand their 2029 contribution is
    // 29,830 × share − 5,000 + 1,000 (cm1 8,949 at 30%), zero at 4,000 / 29,830 = 13.409…%. The
    // row asks 3.02 more (3.5 cents + 0.0001 × 29,830, so that rounding cannot break it):
    // 4,003.02 / 29,830 = 13.4194…%, rounded up to the grid: 13.42%.
    expect(grid.at).toEqual([35, 20, 15]);
    expect(o.engine.greaterThanOrEqualTo(grid.best)).toBe(true);
    expect(o.shares.small!.partners!.map((s) => s.toFixed(4))).toEqual(["0.3500", "0.2000", "0.1342"]);
    const partners2029 = o.projection.scenarios[1]!.years[2]!.channels["partners"]!.contribution;
    expect(partners2029.isNegative()).toBe(false);
    expect(partners2029.lessThan(10)).toBe(true); // held at (just above) zero
    expect(o.binding.some((b) => b.ref.kind === "contribution" && b.channel === "partners" && b.years.includes(2029))).toBe(true);
    // The gain over the best grid mix: partners 1.58 points lower in 2029 and web 1.58 higher;
    // per unit of share in 2029 web's cm1 is 30,523.50 / 0.7 = 43,605 and partners' 29,830, so
    // the gain is 0.0158 × 13,775 / 1.1³ = 217.645 / 1.331 = 163.52.
    expect(o.engine.minus(grid.best).toFixed(2)).toBe("163.52");
  });

  it("cumulative net profit: its optimum is at least every feasible grid mix's", () => {
    const o = optimal(worked, DEFAULT_CONSTRAINTS, "cumulative_net_profit");
    const steps = (from: number) => Array.from({ length: 21 }, (_, i) => i * 5).filter((x) => Math.abs(x - from) <= 15);
    for (const a of steps(50)) for (const b of steps(a)) for (const c of steps(b)) {
      const p = projectModel(withMix(worked.model, smallMix([a, b, c])));
      if (p.years.some((y) => Object.values(y.channels).some((ch) => ch.contribution.isNegative()))) continue;
      expect(o.engine.greaterThanOrEqualTo(p.cumulativeNetProfit)).toBe(true);
    }
  });
});

describe("the LP's linear model and the engine", () => {
  it("the optimum by the engine equals the linear model to the cent (NPV)", () => {
    for (const file of ["worked-example.yaml", "voorbeeld.yaml", "hybrid-b2b.yaml", "ecommerce-brand.yaml", "indirect-mkb.yaml", "installer-tiers.yaml"]) {
      const scenario = loadExample(file).scenarios[0]!;
      // Without the plans' own checks: voorbeeld fails one of its checks in every mix the 15-point rule allows (below).
      const o = optimal(scenario, { ...DEFAULT_CONSTRAINTS, contributionFloor: false, checks: false });
      expect(o.engine.toFixed(2), file).toBe(o.linear.toFixed(2));
      // and the engine's NPV of the optimum is the scenario's own NPV, projected on its own
      expect(projectModel(withMix(scenario.model, o.shares)).npv.toFixed(2), file).toBe(o.engine.toFixed(2));
    }
  });

  it("NPV at any mix on the 0.01-point grid is the linear model rounded once (random models and mixes)", () => {
    const mixArb = (model: Model) => fc.array(fc.integer({ min: 0, max: 10_000 }), { minLength: 64, maxLength: 64 }).map((bp) => {
      let k = 0;
      const mix: Record<string, Record<string, Decimal[]>> = {};
      for (const [segment, row] of Object.entries(model.mix)) {
        const channels = Object.keys(row);
        mix[segment] = Object.fromEntries(channels.map((c) => [c, [] as Decimal[]]));
        for (let t = 0; t < model.years; t++) {
          // shares in basis points summing to 10,000: cut points of [0, 10,000]
          const cuts = channels.slice(1).map(() => bp[k++ % bp.length]!).sort((a, b) => a - b);
          const edges = [0, ...cuts, 10_000];
          channels.forEach((c, i) => mix[segment]![c]!.push(new Decimal(edges[i + 1]! - edges[i]!).dividedBy(10_000)));
        }
      }
      return mix as Mix;
    });
    fc.assert(fc.property(modelArb.chain((file) => {
      expect(checkStructure(file)).toEqual([]);
      const { model } = normalizeModel(file);
      return mixArb(model!).map((mix) => ({ model: model!, mix }));
    }), ({ model, mix }) => {
      const scenario: ScenarioModel = { id: "base", name: "base", description: "", model };
      const engine = projectModel(withMix(model, mix));
      expect(engine.npv.toFixed(model.minorUnits)).toBe(toMinorUnit(linearMetric(scenario, "npv", mix), model.minorUnits).toFixed(model.minorUnits));
      // cumulative net profit: within 3.5 minor units per cell with a share (7 leaves rounded)
      const cells = Object.values(mix).flatMap((row) => Object.values(row).flat()).filter((s) => !s.isZero()).length;
      const gap = engine.cumulativeNetProfit.minus(linearMetric(scenario, "cumulative_net_profit", mix)).abs();
      expect(gap.lessThanOrEqualTo(new Decimal(10).pow(-model.minorUnits).times(3.5).times(cells))).toBe(true);
    }), { numRuns: 60 });
  });

  it("the cumulative optimum's gap to the linear model is within the bound it states", () => {
    const o = optimal(loadExample("voorbeeld.yaml").scenarios[0]!, { ...DEFAULT_CONSTRAINTS, checks: false }, "cumulative_net_profit");
    expect(o.gapBound.greaterThan(0)).toBe(true);
    const exact = linearMetric(loadExample("voorbeeld.yaml").scenarios[0]!, "cumulative_net_profit", o.shares);
    expect(o.engine.minus(exact).abs().lessThanOrEqualTo(o.gapBound)).toBe(true);
  });
});

describe("constraints", () => {
  it("the 15-point rule binds where the hand reading says: web rises 15 points in each of 2027, 2028 and 2029", () => {
    const o = optimal(worked, { ...DEFAULT_CONSTRAINTS, contributionFloor: false });
    // In a segment of two channels, web capped from above and partners held from below are one
    // fact; the solver names one of the two rows per year.
    const years = o.binding.filter((b) => b.ref.kind === "shift" && b.segment === "small").flatMap((b) => b.years).sort();
    expect(years).toEqual([2027, 2028, 2029]);
    expect(o.binding.every((b) => b.ref.kind === "shift")).toBe(true);
  });

  it("a looser rule moves further: 25 points a year takes web to 75%, 100%, 100%", () => {
    const o = optimal(worked, { ...DEFAULT_CONSTRAINTS, maxShift: d("0.25"), contributionFloor: false });
    expect(o.shares.small!.web!.map((s) => s.toFixed(2))).toEqual(["0.75", "1.00", "1.00"]);
  });

  it("a maximum share holds and is named when it binds", () => {
    const limit: ShareLimit = { channel: "web", segment: null, min: null, max: d("0.7"), from: { kind: "option", text: "--max web=70%" } };
    const o = optimal(worked, { ...DEFAULT_CONSTRAINTS, limits: [limit] });
    expect(o.shares.small!.web!.map((s) => s.toFixed(2))).toEqual(["0.65", "0.70", "0.70"]);
    const named = o.binding.filter((b) => b.ref.kind === "limit");
    expect(named.map((b) => [b.side, b.years])).toEqual([["max", [2028, 2029]]]);
  });

  it("an exclusion keeps a channel out (within the 15-point rule from the plan)", () => {
    const o = optimal(worked, { ...DEFAULT_CONSTRAINTS, maxShift: ONE, contributionFloor: false, exclusions: [{ segment: "small", channel: "web", from: { kind: "option", text: "--exclude small.web" } }] });
    expect(o.shares.small!.web!.every((s) => s.isZero())).toBe(true);
  });
});

describe("the model's checks as constraints", () => {
  const voorbeeld = loadExample("voorbeeld.yaml").scenarios[0]!;
  const checkNames = (refs: readonly { kind: string; check?: { name: string } }[]) => refs.map((r) => (r.kind === "check" ? r.check!.name : r.kind));

  it("which checks are linear: amounts, customers, the total's net profit and horizon figures, margins multiplied out; not a channel's net profit", () => {
    const check = (metric: string, channel: string | null = null, segment: string | null = null) => ({ index: 0, name: "c", metric, channel, segment, years: { kind: "all" }, scenarios: ["base"], min: ZERO_, max: null, variance: null }) as unknown as Check;
    for (const [c, linear] of [
      [check("revenue", "partners"), true], [check("cm1", null, "smb"), true], [check("customers", "direct"), true], [check("contribution", "partners"), true],
      [check("net_profit"), true], [check("npv"), true], [check("cumulative_net_profit"), true], [check("contribution_margin", "partners"), true], [check("gross_margin", null, "smb"), true],
      [check("net_profit", "partners"), false], [check("npv", "partners"), false], [check("net_margin", "partners"), false], [check("shared_costs"), false],
    ] as const) expect(linearCheck(c) !== null, `${c.metric} ${c.channel ?? ""}${c.segment ?? ""}`).toBe(linear);
  });

  it("a plan that fails its own check within the 15-point rule: no mix, the rule and the check named", () => {
    // voorbeeld's partners have a contribution margin of 5.3% in 2027 (distplan check fails it);
    // a 15-point move in smb is not enough to lift it to 10%.
    const o = optimiseMix(voorbeeld, { metric: "npv", constraints: DEFAULT_CONSTRAINTS, id: "x", name: "x" }, solver);
    expect(o.kind).toBe("infeasible");
    if (o.kind !== "infeasible") return;
    expect(checkNames(o.conflict)).toEqual(["shift", "contribution_margin ≥ 10%"]);
  });

  it("free to move, the optimum passes every check of the plan, and the margin check binds", () => {
    const o = optimal(voorbeeld, { ...DEFAULT_CONSTRAINTS, maxShift: ONE });
    expect(o.roundingBreaks).toEqual([]);
    expect(o.checksNotApplied).toEqual([]);
    const m = { ...voorbeeld.model, mix: o.shares };
    const outcomes = evaluateChecks(m, projectScenarios([{ ...voorbeeld, model: m }]));
    expect(outcomes.map((x) => [x.name, x.passed])).toEqual([["plan profitable every year", true], ["contribution_margin ≥ 10%", true]]);
    const partners = o.projection.scenarios[1]!.years.map((y) => y.channels["partners"]!.contribution_margin!);
    // held at (just above) 10% in every year: the check is what holds the partners' share up
    for (const r of partners) expect(r.minus("0.1").abs().lessThan("0.0001")).toBe(true);
    expect(o.binding.filter((b) => b.ref.kind === "check").flatMap((b) => b.years)).toEqual([2027, 2028, 2029, 2030, 2031]);
  });

  it("--no-checks (checks: false) drops them", () => {
    expect(optimiseMix(voorbeeld, { metric: "npv", constraints: { ...DEFAULT_CONSTRAINTS, checks: false }, id: "x", name: "x" }, solver).kind).toBe("optimal");
  });
});

describe("rounding to 0.01 point", () => {
  const text = `version: 1
name: t
start_year: 2027
years: 2
segments: [{ id: s, customers: 100, revenue_per_customer: 1000, gross_margin: 50% }]
channels: [{ id: a, type: direct }, { id: b, type: direct, service_cost: 400 }, { id: c, type: direct, service_cost: 200 }]
mix: { s: { a: "33.333%", b: "33.333%", c: "33.334%" } }
`;
  it("a plan share off the grid: each share is rounded into the range its constraints allow", () => {
    // a earns most, b least per customer. The plan starts at 33.333% / 33.333% / 33.334%, off the
    // grid; the LP takes a to 48.333% and b to 18.333% (both 15 points away), c the rest, 33.334%.
    // Plain largest remainder would give 48.33 / 18.33 / 33.34: b 0.003 point below its bound.
    // Rounded into their ranges (a ≤ 48.33, b ≥ 18.34 in basis points): 48.33 / 18.34 / 33.33.
    // In 2028, 15 points from the rounded 2027: a 63.33%, b 3.34%, c 33.33%.
    const o = optimal(loadText(text).scenarios[0]!, { ...DEFAULT_CONSTRAINTS, contributionFloor: false });
    expect(Object.values(o.shares.s!).map((v) => v.map((x) => x.toFixed(4)))).toEqual([["0.4833", "0.6333"], ["0.1834", "0.0334"], ["0.3333", "0.3333"]]);
    expect(o.roundingBreaks).toEqual([]);
  });

  it("a bound the grid cannot meet is named as broken by the rounding", () => {
    // b between 20.004% and 20.006%: no basis point in that range, so b is rounded plainly.
    const limit: ShareLimit = { channel: "b", segment: "s", min: d("0.20004"), max: d("0.20006"), from: { kind: "option", text: "--min s.b=20.004%" } };
    const o = optimal(loadText(text).scenarios[0]!, { ...DEFAULT_CONSTRAINTS, contributionFloor: false, limits: [limit] });
    expect(o.roundingBreaks.map((r) => r.kind)).toEqual(["limit"]);
  });
});

describe("infeasible constraints", () => {
  it("names a minimal conflicting set, and nothing else", () => {
    const limits: ShareLimit[] = [
      { channel: "partners", segment: "small", min: d("0.6"), max: null, from: { kind: "option", text: "--min small.partners=60%" } },
      { channel: "web", segment: "small", min: d("0.6"), max: null, from: { kind: "option", text: "--min small.web=60%" } },
      { channel: "direct", segment: null, min: null, max: ONE, from: { kind: "option", text: "--max direct=100%" } },
    ];
    const o = optimiseMix(worked, { metric: "npv", constraints: { ...DEFAULT_CONSTRAINTS, maxShift: ONE, limits }, id: "x", name: "x" }, solver);
    expect(o.kind).toBe("infeasible");
    if (o.kind !== "infeasible") return;
    // 60% + 60% > 100%: the two minimums and small's shares adding up to 100%.
    expect(o.conflict.map((r) => (r.kind === "limit" ? r.limit.from.kind === "option" && r.limit.from.text : r.kind))).toEqual(["sum", "--min small.partners=60%", "--min small.web=60%"]);
  });

  it("the 15-point rule against a minimum: partners cannot fall from 50% to 20% in one year", () => {
    const limits: ShareLimit[] = [{ channel: "web", segment: "small", min: d("0.8"), max: null, from: { kind: "model", index: 0 } }];
    const o = optimiseMix(worked, { metric: "npv", constraints: { ...DEFAULT_CONSTRAINTS, contributionFloor: false, limits }, id: "x", name: "x" }, solver);
    expect(o.kind).toBe("infeasible");
    if (o.kind !== "infeasible") return;
    // web from the plan's 50% in 2027 may reach 65% at most: the minimum 80% and web's 15-point rule.
    expect(o.conflict.map((r) => `${r.kind}${r.kind === "shift" ? `:${r.channel}` : ""}`)).toEqual(["shift:web", "limit"]);
  });
});

describe("the model's optimise block", () => {
  const base = `version: 1
name: t
start_year: 2027
years: 3
segments: [{ id: s, customers: 10, revenue_per_customer: 1000, gross_margin: 50% }]
channels: [{ id: a, type: direct }, { id: b, type: ecommerce }]
mix: { s: { a: 50%, b: 50% } }
`;
  it("is optional, and read when given", () => {
    expect(loadText(base).scenarios[0]!.model.optimise).toBeUndefined();
    const m = loadText(`${base}optimise:\n  max_shift: 10%\n  contribution_floor: false\n  limits: [{ channel: b, max: 60% }]\n  exclude: [{ segment: s, channel: a }]\n`).scenarios[0]!.model;
    expect(m.optimise!.maxShift!.toFixed()).toBe("0.1");
    expect(m.optimise!.contributionFloor).toBe(false);
    expect(m.optimise!.limits).toEqual([{ channel: "b", segment: null, min: null, max: d("0.6") }]);
    expect(m.optimise!.exclusions).toEqual([{ segment: "s", channel: "a" }]);
  });

  it("refers to segments and channels that exist", () => {
    const loaded = loadText(`${base}optimise:\n  limits: [{ channel: c, segment: t, max: 60% }]\n`);
    expect(loaded.issues.filter((i) => i.severity === "error").map((i) => [i.code, i.path.join(".")])).toEqual([
      ["UNKNOWN_SEGMENT", "optimise.limits.0.segment"],
      ["UNKNOWN_CHANNEL", "optimise.limits.0.channel"],
    ]);
  });

  it("a limit needs a min or a max, and a scenario may not set the block", () => {
    expect(loadText(`${base}optimise:\n  limits: [{ channel: a }]\n`).issues.some((i) => i.severity === "error")).toBe(true);
    const set = loadText(`${base}scenarios: [{ id: x, set: { optimise.max_shift: 20% } }]\n`);
    expect(set.issues.filter((i) => i.severity === "error").map((i) => i.code)).toEqual(["SCENARIO_SET_FORBIDDEN"]);
  });
});
