// Issue #12 items 1 and 4: the failed-check notes under a report table are wrapped to the width
// and show an amount in the table's unit and --locale (before: one 89-column line at 80 columns,
// and `8,685,319.64` under an nl-NL table in thousands).
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { ROOT } from "../helpers.js";
import { distplan } from "../support/cli.js";

const width = (line: string) => [...line].length;

describe("failed-check notes under the report", () => {
  it("fit 80 columns", () => {
    const r = distplan(["report", "examples/voorbeeld.yaml", "--width", "80"]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("⚠ check failed: contribution_margin ≥ 10% · partners · base · 2027: 5.3%  (also\n  2028–2031)");
    for (const line of r.stdout.split("\n")) expect(width(line), line).toBeLessThanOrEqual(80);
  });

  it("show an amount in the table's unit and locale", () => {
    // Base net profit of 2027 is 8,685,319.64 (docs/MODEL.md §13): 8.685 thousands in nl-NL,
    // 8.69 millions under --unit M (two decimals: the smallest figure, partners' 0.67M, needs them).
    const text = `${readFileSync(join(ROOT, "examples/voorbeeld.yaml"), "utf8")}  - metric: net_profit\n    min: 9000000\n`;
    const nl = distplan(["report", "-", "--locale", "nl-NL"], { input: text });
    expect(nl.code).toBe(0);
    expect(nl.stdout).toContain("EUR thousands");
    expect(nl.stdout).toContain("⚠ check failed: net_profit ≥ 9.000.000 · base · 2027: 8.685\n");
    const m = distplan(["report", "-", "--unit", "M"], { input: text });
    expect(m.stdout).toContain("⚠ check failed: net_profit ≥ 9,000,000 · base · 2027: 8.69\n");
    // The Markdown page shows every figure to the cent, its note too.
    const md = distplan(["report", "-", "--format", "md"], { input: text });
    expect(md.stdout).toContain("> ⚠ check failed: net_profit ≥ 9,000,000 · base · 2027: 8,685,319.64\n");
  });
});
