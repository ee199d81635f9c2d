// Issue #12 item 3: `report --format md` carries the failing checks that the table shows; before,
// the Markdown page left them out, so a board memo read as if every check passed.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { ROOT } from "../helpers.js";
import { distplan } from "../support/cli.js";

describe("report --format md and the model's checks", () => {
  it("quotes the failing check of the bundled example, as the table does", () => {
    const md = distplan(["report", "examples/voorbeeld.yaml", "--format", "md"]);
    const table = distplan(["report", "examples/voorbeeld.yaml", "--width", "200"]);
    expect(md.code).toBe(0);
    // partners' contribution margin is 5.3% in 2027 (docs/MODEL.md §13), below the check's 10%.
    const note = "check failed: contribution_margin ≥ 10% · partners · base · 2027: 5.3%  (also 2028–2031)";
    expect(table.stdout).toContain(`⚠ ${note}`);
    expect(md.stdout).toContain(`> ⚠ ${note}`);
  });

  it("names the failure under every scenario it fails in", () => {
    // hybrid-b2b's "plan profitable every year" (scenarios: all) raised to 30M: every scenario fails.
    const text = readFileSync(join(ROOT, "examples/hybrid-b2b.yaml"), "utf8").replace(/(name: plan profitable every year\n(?:.*\n){2}\s+min: )0\n/, "$130000000\n");
    expect(text).toContain("min: 30000000");
    const md = distplan(["report", "-", "--scenario", "all", "--format", "md"], { input: text });
    expect(md.code).toBe(0);
    for (const scenario of ["base", "webshop-push", "reseller-margin-33", "push-and-protect"]) {
      expect(md.stdout).toMatch(new RegExp(`> ⚠ check failed: plan profitable every year: net_profit ≥ 30,000,000 · ${scenario} · 2027: `));
    }
  });

  it("says nothing of checks that pass", () => {
    const md = distplan(["report", "examples/hybrid-b2b.yaml", "--format", "md"]);
    expect(md.code).toBe(0);
    expect(md.stdout).not.toContain("check failed");
  });
});
