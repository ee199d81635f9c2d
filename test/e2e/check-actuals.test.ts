// Issue #15 item 5: `check --actuals FILE` evaluates the model's variance checks (kind: variance)
// against the bundled example actuals, in every check format; without --actuals they are noted
// on stderr as not evaluated and nothing on stdout changes.
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { roundTo } from "../../src/money/decimal.js";
import { loadExample, project, ROOT } from "../helpers.js";
import { distplan } from "../support/cli.js";

const ACTUALS = "examples/hybrid-b2b-actuals.csv";
const dir = mkdtempSync(join(tmpdir(), "distplan-check-actuals-"));
/** hybrid-b2b with two variance checks appended to its checks (the file's last key). */
function modelWith(revenueBelow: string, contributionBelow: string): string {
  const path = join(dir, `h-${revenueBelow}-${contributionBelow}.yaml`.replace(/%/g, "pct"));
  writeFileSync(path, `${readFileSync(join(ROOT, "examples/hybrid-b2b.yaml"), "utf8")}  - name: direct revenue on plan
    kind: variance
    metric: revenue
    channel: direct
    max_below: ${revenueBelow}
  - name: every channel's contribution on plan
    kind: variance
    metric: contribution
    max_below: ${contributionBelow}
`);
  return path;
}

describe("check --actuals: variance checks", () => {
  // By hand: the example actuals are the plan's quarters × 0.97 for direct (1.02 resellers, 1.08
  // webshop) for Q1–Q3 2027 and give revenue, cogs, acquisition costs and customers. Direct's
  // year-to-date revenue plan is 9/12 of its 2027 revenue; the actual is 3% less (within a cent
  // or two of rounding per segment and quarter). Its contribution falls by 3% of (revenue − cogs −
  // acquisition costs), every other line at plan.
  const y = project(loadExample("hybrid-b2b.yaml")).scenarios[0]!.years[0]!.channels.direct!;
  const shortfall = roundTo(y.revenue.times(9).div(12).times("0.03"), 2); // 653,524.20
  const ratio = y.revenue.minus(y.cogs).minus(y.acquisition_costs).times("0.03").div(y.contribution); // ≈ 4.5%

  it("the hand-worked figures sit between the chosen thresholds", () => {
    expect(shortfall.gt(650000) && shortfall.lt(660000)).toBe(true);
    expect(ratio.gt("0.04") && ratio.lt("0.05")).toBe(true);
  });

  it("fails below the threshold and passes above it, in every format", () => {
    const failing = modelWith("650k", "4%");
    const passing = modelWith("660k", "5%");
    const text = distplan(["check", failing, "--actuals", ACTUALS, "--width", "400"]); // no wrapping: content, not layout
    expect(text.code).toBe(1);
    expect(text.stdout).toMatch(/✗ direct revenue on plan: revenue_variance ≥ -650,000 · direct · base · 2027: -653,524\.2\d/);
    expect(text.stdout).toMatch(/✗ every channel's contribution on plan: contribution_variance ≥ -4% · direct · base · 2027: -4\.5%/);
    // One outcome per channel: resellers and webshop are ahead of plan and pass.
    expect(text.stdout).toMatch(/✓ every channel's contribution on plan: contribution_variance ≥ -4% · resellers/);
    expect(text.stdout).toMatch(/✓ every channel's contribution on plan: contribution_variance ≥ -4% · webshop/);
    const ok = distplan(["check", passing, "--actuals", ACTUALS, "--width", "400"]);
    expect([ok.code, ok.stdout]).toEqual([0, expect.stringMatching(/✓ direct revenue on plan: revenue_variance ≥ -660,000 · direct \(1 year, base\)/)]);

    const json = JSON.parse(distplan(["check", failing, "--actuals", ACTUALS, "--format", "json"]).stdout) as { files: { checks: { name: string; metric: string; status: string; results: { value: number }[] }[] }[] };
    const v = json.files[0]!.checks.filter((c) => c.metric.endsWith("_variance"));
    expect(v.map((c) => [c.metric, c.status])).toEqual([
      ["revenue_variance", "failed"], ["contribution_variance", "failed"], ["contribution_variance", "passed"], ["contribution_variance", "passed"],
    ]);
    const junit = distplan(["check", failing, "--actuals", ACTUALS, "--format", "junit"]);
    expect(junit.stdout).toMatch(/<testcase name="direct revenue on plan: revenue_variance[^"]*" classname="[^"]*" time="0">\s*<failure/);
    const github = distplan(["check", failing, "--actuals", ACTUALS, "--format", "github"]);
    expect(github.stdout).toMatch(/^::error file=[^,]+,line=\d+,title=direct revenue on plan%3A revenue_variance .*::base · 2027: -653,524\.2\d$/m);
    const md = distplan(["check", failing, "--actuals", ACTUALS, "--format", "md"]);
    expect(md.stdout).toMatch(/\| ❌ \| `[^`]+`:\d+ \| every channel's contribution on plan: contribution_variance ≥ -4% · direct \| base · 2027: -4\.5% \|/);
    for (const f of ["json", "junit", "github", "md"]) expect(distplan(["check", passing, "--actuals", ACTUALS, "--format", f]).code).toBe(0);
  });

  it("without --actuals: a note on stderr, and stdout as for the model without them", () => {
    // Wide, so that the two paths' different lengths do not wrap lines differently.
    const withChecks = distplan(["check", modelWith("650k", "4%"), "--width", "400"]);
    expect(withChecks.code).toBe(0);
    expect(withChecks.stderr).toMatch(/: 2 variance checks not evaluated: pass --actuals FILE/);
    const plain = distplan(["check", "examples/hybrid-b2b.yaml"]);
    const copy = join(dir, "plain.yaml");
    writeFileSync(copy, readFileSync(join(ROOT, "examples/hybrid-b2b.yaml")));
    const same = (s: string, file: string) => s.split(file).join("FILE");
    expect(same(withChecks.stdout, modelWith("650k", "4%"))).toBe(same(distplan(["check", copy, "--width", "400"]).stdout, copy));
    // A model without variance checks: --actuals changes nothing, and the file is not even read.
    expect(distplan(["check", "examples/hybrid-b2b.yaml", "--actuals", "no-such.csv"]).stdout).toBe(plain.stdout);
  });

  it("a variance check is validated: metric, fields, bound", () => {
    const bad = join(dir, "bad.yaml");
    writeFileSync(bad, `${readFileSync(join(ROOT, "examples/hybrid-b2b.yaml"), "utf8")}  - kind: variance
    metric: net_margin
    min: 0
    max_below: 10%
`);
    const r = distplan(["check", bad, "--format", "json"]);
    expect(r.code).toBe(2);
    expect(r.stdout.match(/CHECK_VARIANCE/g)?.length).toBe(2);
  });
});
