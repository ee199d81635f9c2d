import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync, mkdirSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import fc from "fast-check";
import { stringify } from "yaml";
import { describe, expect, it } from "vitest";
import { diffAssumptions } from "../../src/diff/assumptions.js";
import { modelDiff } from "../../src/cli/commands/diff.js";
import { isEmptyDiff } from "../../src/views/diff.js";
import { textconvText } from "../../src/cli/commands/textconv.js";
import { loadModelText } from "../../src/model/load.js";
import type { ModelFile } from "../../src/model/types.js";
import { modelArb } from "../support/arbitraries.js";
import { distplan } from "../support/cli.js";
import { ROOT } from "../helpers.js";

const voorbeeld = readFileSync(join(ROOT, "examples/voorbeeld.yaml"), "utf8");
const load = (text: string, source = "m.yaml") => loadModelText(text, source);
const file = (text: string) => load(text).file!;

describe("assumption changes", () => {
  it("a parameter, by id-addressed model path, compared by meaning", () => {
    const changed = voorbeeld.replace("partner_margin: 25%", "partner_margin: 28%").replace("churn: 6%", "churn: 0.06");
    expect(diffAssumptions(file(voorbeeld), file(changed))).toEqual([
      { path: "channels.partners.partner_margin", kind: "changed", before: "25%", after: "28%", structural: false },
    ]);
  });

  it("structure apart from parameters: channels added, who serves a segment", () => {
    const text = voorbeeld
      .replace("  - id: webshop\n", "  - id: marketplace\n    type: ecommerce\n    variable_costs: { commission: 15% }\n  - id: webshop\n")
      .replace("midmarket: { direct: 40%, partners: 60% }", "midmarket: { direct: 40%, partners: 50%, marketplace: 10% }")
      .replace("amount: 900000", "amount: 950000");
    const changes = diffAssumptions(file(voorbeeld), file(text));
    expect(changes.map((c) => [c.path, c.kind, c.structural])).toEqual([
      ["channels.marketplace", "added", true],
      ["mix.midmarket.partners", "changed", false],
      ["mix.midmarket.marketplace", "added", true],
      ["shared_costs.marketing.amount", "changed", false],
    ]);
  });

  it("scenarios and checks added and removed", () => {
    const text = voorbeeld.replace(/  - id: partner-margin-28\n    name: .*\n    set:\n      .*\n/, "").replace("  - name: plan profitable every year\n", "  - name: profitable\n");
    const changes = diffAssumptions(file(voorbeeld), file(text)).map((c) => `${c.kind} ${c.path}`);
    expect(changes).toEqual(["removed scenarios.partner-margin-28", "removed checks.plan profitable every year", "added checks.profitable"]);
  });

  it("a model against itself has no changes (property)", () => {
    fc.assert(fc.property(modelArb, (m: ModelFile) => {
      const loaded = load(stringify(m));
      expect(isEmptyDiff(modelDiff(loaded, load(stringify(m))))).toBe(true);
    }), { numRuns: 40 });
  });
});

describe("impact", () => {
  it("partner margin 25% → 28% costs what the partner-margin-28 scenario says (docs/MODEL.md §13)", () => {
    const d = modelDiff(load(voorbeeld), load(voorbeeld.replace("partner_margin: 25%", "partner_margin: 28%")));
    const base = d.impact.scenarios.find((s) => s.scenario === "base")!;
    // NPV 45,937,223.42 → 42,310,013.37, the partner-margin-28 scenario's NPV in docs/MODEL.md §13.
    expect(base.npv.after.toFixed(2)).toBe("42310013.37");
    expect(base.npv.delta.toFixed(2)).toBe("-3627210.05");
    const contribution = base.lines.find((l) => l.scope === "partners" && l.metric === "contribution")!;
    expect(contribution.deltas[0]!.toFixed(2)).toBe("-868277.66");
    // The scenario that already sets 28% does not move.
    expect(d.impact.scenarios.map((s) => s.scenario)).not.toContain("partner-margin-28");
    // The failing contribution-margin check fails before and after.
    expect(d.impact.unchangedFailing).toEqual(["contribution_margin ≥ 10% · partners"]);
  });

  it("a check that changes status is reported", () => {
    const d = modelDiff(load(voorbeeld), load(voorbeeld.replace("partner_margin: 25%", "partner_margin: 15%")));
    expect(d.impact.checks).toEqual([{ title: "contribution_margin ≥ 10% · partners", before: "failed", after: "passed" }]);
  });
});

describe("textconv", () => {
  it("renders the canonical model and its results; the result lines move with an assumption", () => {
    const a = textconvText(new TextEncoder().encode(voorbeeld), "v.yaml");
    const b = textconvText(new TextEncoder().encode(voorbeeld.replace("partner_margin: 25%", "partner_margin: 28%")), "v.yaml");
    // The complete example's figures (docs/MODEL.md §13): base NPV and cumulative net profit,
    // partners' 2027 revenue, contribution and net profit.
    expect(a).toContain("# base · NPV at 8%: 45,937,223.42\n# base · cumulative net profit: 58,696,551.79\n");
    expect(a).toContain("# base · partners · revenue 2027–31: 22,494,240.00 | ");
    expect(a).toContain("# base · partners · contribution 2027–31: 1,199,605.60 | ");
    expect(a).toContain("# base · partners · net profit 2027–31: 673,161.45 | ");
    expect(a).toContain("# check FAILS: contribution_margin ≥ 10% · partners");
    const changed = b.split("\n").filter((line, i) => line !== a.split("\n")[i]);
    expect(changed.some((l) => l.includes("partner_margin: 28%"))).toBe(true);
    // With 28% base is the partner-margin-28 scenario: NPV 42,310,013.37 (docs/MODEL.md §13).
    expect(changed).toContain("# base · NPV at 8%: 42,310,013.37");
  });

  it("is made for review: one changed margin changes only the lines of the figures it moves (#12)", () => {
    const a = textconvText(new TextEncoder().encode(voorbeeld), "v.yaml").split("\n");
    const b = textconvText(new TextEncoder().encode(voorbeeld.replace("partner_margin: 25%", "partner_margin: 26%")), "v.yaml").split("\n");
    expect(b.length).toBe(a.length);
    const changed = b.filter((line, i) => line !== a[i]);
    // The assumption; per scenario that does not set its own margin (base, webshop-push): NPV,
    // cumulative net profit, the total's net profit, revenue and contribution, partners' three
    // lines, and direct's and webshop's net profit (their share of the shared costs moves with
    // partners' revenue), but not their revenue or contribution; and the failing check's line.
    expect(changed.length).toBe(1 + 2 * 10 + 1);
    expect(changed.filter((l) => l.startsWith("# partner-margin-28 ·"))).toEqual([]);
    expect(changed.some((l) => /^# base · (direct|webshop) · (revenue|contribution) /.test(l))).toBe(false);
    // The layout this replaced changed 43 result lines here, three figures on each.
  });

  it("never fails: an invalid model comes out as it is, with one line saying why it has no results", () => {
    const bad = readFileSync(join(ROOT, "test/fixtures/invalid/MIX_NOT_100.yaml"));
    expect(textconvText(bad, "bad.yaml")).toBe(`${bad.toString("utf8")}# ─── distplan results: none, the model is not valid (1 error; the first: 20:8 MIX_NOT_100); run 'distplan validate' on it ───\n`);
    // Other YAML that the *.yaml pattern reaches (a CI workflow) comes out exactly as it is.
    const workflow = "name: ci\non: [push]\njobs:\n  test:\n    runs-on: ubuntu-latest\n";
    expect(textconvText(new TextEncoder().encode(workflow), "ci.yaml")).toBe(workflow);
    const r = distplan(["textconv", join(ROOT, "test/fixtures/invalid/YAML_SYNTAX.yaml")]);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(`${readFileSync(join(ROOT, "test/fixtures/invalid/YAML_SYNTAX.yaml"), "utf8")}# ─── distplan results: none, the model is not valid (1 error; the first: 3:7 YAML_SYNTAX); run 'distplan validate' on it ───\n`);
    expect(distplan(["textconv", "/nonexistent/file.yaml"]).code).toBe(0);
  });
});

describe("with real git", () => {
  const gitIn = (dir: string, ...args: string[]) => execFileSync("git", args, { cwd: dir, encoding: "utf8", env: { ...process.env, GIT_CONFIG_GLOBAL: "/dev/null", GIT_CONFIG_NOSYSTEM: "1" } });

  function repo(): string {
    const dir = mkdtempSync(join(tmpdir(), "distplan-git-"));
    gitIn(dir, "init", "-q", "-b", "main");
    gitIn(dir, "config", "user.email", "test@example.com");
    gitIn(dir, "config", "user.name", "Test");
    mkdirSync(join(dir, "models"));
    writeFileSync(join(dir, "models/plan.yaml"), voorbeeld);
    gitIn(dir, "add", ".");
    gitIn(dir, "commit", "-q", "-m", "plan");
    writeFileSync(join(dir, "models/plan.yaml"), voorbeeld.replace("partner_margin: 25%", "partner_margin: 28%"));
    return dir;
  }

  it("distplan diff HEAD:path path", () => {
    const dir = repo();
    const r = distplan(["diff", "HEAD:models/plan.yaml", "models/plan.yaml"], { cwd: dir });
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/channels\.partners\.partner_margin\s+25% → 28%/);
    expect(r.stdout).toContain("NPV at 8%: 45,937,223.42 → 42,310,013.37 (-3,627,210)");
    expect(distplan(["diff", "HEAD:models/plan.yaml", "models/plan.yaml", "--exit-code"], { cwd: dir }).code).toBe(1);
    const md = distplan(["diff", "HEAD:models/plan.yaml", "models/plan.yaml", "--format", "md"], { cwd: dir });
    expect(md.stdout).toContain("|  | `channels.partners.partner_margin` | `25%` | `28%` |");
    const json = JSON.parse(distplan(["diff", "HEAD:models/plan.yaml", "models/plan.yaml", "--format", "json"], { cwd: dir }).stdout);
    expect(json.assumptions).toEqual([{ path: "channels.partners.partner_margin", kind: "changed", structural: false, before: "25%", after: "28%" }]);
    expect(distplan(["diff", "nope:models/plan.yaml", "models/plan.yaml"], { cwd: dir }).code).toBe(2);
  });

  it("git diff through the textconv driver after git-setup (idempotent); an invalid file does not abort it", () => {
    const dir = repo();
    const first = distplan(["git-setup"], { cwd: dir });
    expect(first.code).toBe(0);
    expect(distplan(["git-setup"], { cwd: dir }).stdout).toContain(".gitattributes already set up");
    expect(readFileSync(join(dir, ".gitattributes"), "utf8")).toBe("*.yaml diff=distplan\n*.yml diff=distplan\n");
    const diff = gitIn(dir, "diff", "--", "models/plan.yaml");
    expect(diff).toContain("-    partner_margin: 25%");
    expect(diff).toContain("+    partner_margin: 28%");
    expect(diff).toContain("+# base · NPV at 8%: 42,310,013.37\n+# base · cumulative net profit: 54,140,425.80\n");
    expect(gitIn(dir, "log", "-p", "-1", "--", "models/plan.yaml")).toContain("# base · NPV at 8%: 45,937,223.42");
    writeFileSync(join(dir, "models/plan.yaml"), "version: 1\nname: [unclosed\n");
    const broken = gitIn(dir, "diff", "--", "models/plan.yaml");
    expect(broken).toContain("+name: [unclosed");
  });

  it("git-setup --print writes nothing", () => {
    const dir = repo();
    const r = distplan(["git-setup", "--print", "--command", "distplan textconv"], { cwd: dir });
    expect(r.stdout).toBe("# .gitattributes\n*.yaml diff=distplan\n*.yml diff=distplan\n\n# git config\ngit config diff.distplan.textconv 'distplan textconv'\n");
    expect(() => readFileSync(join(dir, ".gitattributes"))).toThrow();
  });
});
