// distplan optimise end to end: formats, determinism, --write (a scenario that reproduces the
// optimum, comments kept, written only when valid), exit codes (1 when no mix meets the
// constraints, 2 for bad usage), constraints from the model's optimise block, and the solver
// kept out of the main bundle.
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { distplan } from "../support/cli.js";
import { ROOT } from "../helpers.js";

const W = "examples/worked-example.yaml";

describe("distplan optimise", () => {
  it("table, md, csv and json; the same input gives byte-identical output", () => {
    for (const format of ["table", "md", "csv", "json"]) {
      const a = distplan(["optimise", W, "--format", format]);
      expect(a.code, a.stderr).toBe(0);
      expect(distplan(["optimise", W, "--format", format]).stdout).toBe(a.stdout);
    }
    const json = JSON.parse(distplan(["optimise", W, "--format", "json"]).stdout);
    expect(json.format).toBe("distplan.optimise/v1");
    expect(json.status).toBe("optimal");
    // The optimum of test/engine/optimise.test.ts, by hand: partners 35%, 20%, 13.42% of small.
    expect(json.optimal_mix.small.partners).toEqual([0.35, 0.2, 0.1342]);
    expect(json.objective.engine).toBe(json.objective.linear);
    expect(json.comparison.scenarios.map((s: { id: string }) => s.id)).toEqual(["base", "optimal-npv"]);
    const table = distplan(["optimise", W]).stdout;
    expect(table).toContain("web share of small capped by the 15-point rule in 2028");
    expect(table).toContain("partners contribution held at zero in 2029");
    const csv = distplan(["optimise", W, "--format", "csv"]).stdout.trim().split("\n");
    expect(csv[0]).toBe("segment,channel,year,planned_share,optimal_share,change");
    expect(csv).toContain("small,partners,2029,0.3000,0.1342,-0.1658");
  });

  it("--write adds the optimum as a scenario that gives the same figures, keeping the file's comments", () => {
    const dir = mkdtempSync(join(tmpdir(), "distplan-optimise-"));
    const out = join(dir, "plan.yaml");
    const r = distplan(["optimise", W, "--write", out, "--format", "json"]);
    expect(r.code, r.stderr).toBe(0);
    const json = JSON.parse(r.stdout);
    expect(json.written).toBe(out);
    const text = readFileSync(out, "utf8");
    // The model's own text comes first, comments and all (its second line is a comment).
    expect(text.startsWith(readFileSync(join(ROOT, W), "utf8").split("\n").slice(0, 3).join("\n"))).toBe(true);
    expect(text.split("\n")[1]).toMatch(/^# A model small enough/);
    expect(text).toContain("id: optimal-npv");
    expect(text).toContain("mix.small.partners: [ 35%, 20%, 13.42% ]");
    const report = JSON.parse(distplan(["report", out, "--scenario", "optimal-npv", "--format", "json"]).stdout);
    expect(report.scenarios[0].npv).toBe(json.objective.engine);
    // Again onto the written file: the scenario is replaced, not added twice.
    expect(distplan(["optimise", out, "--write", out]).code).toBe(0);
    expect(readFileSync(out, "utf8").match(/id: optimal-npv/g)).toHaveLength(1);
  });

  it("--scenario: the optimum of that scenario, written as one that extends it", () => {
    const dir = mkdtempSync(join(tmpdir(), "distplan-optimise-"));
    const out = join(dir, "plan.yaml");
    const r = distplan(["optimise", "examples/voorbeeld.yaml", "--scenario", "webshop-push", "--no-checks", "--write", out, "--format", "json"]);
    expect(r.code, r.stderr).toBe(0);
    const json = JSON.parse(r.stdout);
    expect(json.scenario).toBe("webshop-push");
    expect(json.comparison.scenarios.map((s: { id: string }) => s.id)).toEqual(["webshop-push", "webshop-push-optimal-npv"]);
    expect(readFileSync(out, "utf8")).toMatch(/id: webshop-push-optimal-npv\n.*\n.*\n {4}extends: webshop-push\n/);
    const report = JSON.parse(distplan(["report", out, "--scenario", "webshop-push-optimal-npv", "--format", "json"]).stdout);
    expect(report.scenarios[0].npv).toBe(json.objective.engine);
  });

  it("no mix meets the constraints: exit 1, the conflicting ones named, nothing written", () => {
    const dir = mkdtempSync(join(tmpdir(), "distplan-optimise-"));
    const out = join(dir, "plan.yaml");
    const r = distplan(["optimise", W, "--min", "small.partners=60%", "--min", "small.web=60%", "--max", "direct=100%", "--write", out]);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain("No mix meets these constraints together");
    expect(r.stdout).toContain("partners share of small: at least 60.00% (--min small.partners=60%)");
    expect(r.stdout).toContain("web share of small: at least 60.00% (--min small.web=60%)");
    expect(r.stdout).toContain("the shares of small add up to 100% every year");
    expect(r.stdout).not.toContain("direct=100%");
    expect(() => readFileSync(out)).toThrow();
  });

  it("bad usage: exit 2 with a hint", () => {
    const metric = distplan(["optimise", W, "--metric", "npvv"]);
    expect(metric.code).toBe(2);
    expect(metric.stderr).toContain("did you mean 'npv'?");
    const channel = distplan(["optimise", W, "--max", "webb=60%"]);
    expect(channel.code).toBe(2);
    expect(channel.stderr).toContain("did you mean 'web'?");
    const share = distplan(["optimise", W, "--max", "web=160%"]);
    expect(share.code).toBe(2);
    const unnamed = distplan(["optimise", W, "--exclude", "big.web"]);
    expect(unnamed.code).toBe(2);
    expect(unnamed.stderr).toContain("the mix of 'big' does not name 'web'");
  });

  it("reads its constraints from the model's optimise block; the command line adds to them", () => {
    const dir = mkdtempSync(join(tmpdir(), "distplan-optimise-"));
    const file = join(dir, "plan.yaml");
    const text = readFileSync(join(ROOT, W), "utf8");
    writeFileSync(file, `${text}\noptimise:\n  max_shift: 10%\n  contribution_floor: false\n  limits:\n    - { channel: web, segment: small, max: 75% }\n`);
    const json = JSON.parse(distplan(["optimise", file, "--format", "json"]).stdout);
    // web from the plan's 50%: +10 points a year, capped at 75%: 60%, 70%, 75%.
    expect(json.optimal_mix.small.web).toEqual([0.6, 0.7, 0.75]);
    expect(json.binding.find((b: { constraint: string }) => b.constraint === "limit")).toMatchObject({ from: "optimise.limits[0]", side: "max", years: [2029] });
    const more = JSON.parse(distplan(["optimise", file, "--format", "json", "--max-shift", "5%"]).stdout);
    expect(more.optimal_mix.small.web).toEqual([0.55, 0.6, 0.65]);
  });

  it("the model's checks: a binding one is named; a plan that fails its own check has no mix; --no-checks drops them", () => {
    expect(distplan(["optimise", "examples/hybrid-b2b.yaml"]).stdout).toContain("the check 'resellers earn their keep' at its minimum in 2031");
    const v = distplan(["optimise", "examples/voorbeeld.yaml"]);
    expect(v.code).toBe(1);
    expect(v.stdout).toContain("the check 'contribution_margin ≥ 10%'");
    expect(distplan(["optimise", "examples/voorbeeld.yaml", "--no-checks"]).code).toBe(0);
  });

  it("HiGHS is not in the main bundle: it is required from node_modules only when optimise runs", () => {
    const bundle = readFileSync(join(ROOT, "dist/distplan.cjs"), "utf8");
    expect(bundle).not.toContain("highs.wasm");
    expect(bundle).toContain('("highs")');
  });
});
