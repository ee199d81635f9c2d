// Issue #12 item 1 (width detection): --width, else the terminal's, else COLUMNS — also when the
// output is piped — else 80. Before, COLUMNS was ignored in a pipe and only --width worked.
import { describe, expect, it } from "vitest";
import { distplan } from "../support/cli.js";

const widest = (text: string) => Math.max(...text.split("\n").map((l) => [...l].length));

describe("the width of piped output", () => {
  const args = ["report", "examples/voorbeeld.yaml", "--allocations"];

  it("follows COLUMNS when stdout is a pipe", () => {
    const wide = distplan(args, { env: { COLUMNS: "200" } });
    expect(wide.code).toBe(0);
    // At 200 columns the allocation table is one block: its lines are wider than 80.
    expect(widest(wide.stdout)).toBeGreaterThan(80);
    expect(wide.stdout).toBe(distplan([...args, "--width", "200"]).stdout);
  });

  it("is 80 without COLUMNS, and with a COLUMNS that is not a number", () => {
    const plain = distplan(args);
    expect(widest(plain.stdout)).toBeLessThanOrEqual(80);
    expect(plain.stdout).toContain("by new customers"); // in a second block, not dropped
    expect(distplan(args, { env: { COLUMNS: "wide" } }).stdout).toBe(plain.stdout);
    expect(distplan(args, { env: { COLUMNS: "80" } }).stdout).toBe(plain.stdout);
  });

  it("lets --width win over COLUMNS", () => {
    const r = distplan([...args, "--width", "80"], { env: { COLUMNS: "200" } });
    expect(r.stdout).toBe(distplan(args).stdout);
    expect(widest(r.stdout)).toBeLessThan(widest(distplan(args, { env: { COLUMNS: "200" } }).stdout));
  });
});

// Issue #12 item 1: one layout rule for every table. Every command on every example, at 60, 80,
// 120 and 200 columns (and in ASCII): no line wider than the width, and nothing dropped — the
// figures of the widest rendering are all in the narrowest (columns split into blocks that
// repeat the row labels; long text wraps). Adding a command is one line in RUNS.
import { readdirSync } from "node:fs";
import { join } from "node:path";
import { ROOT } from "../helpers.js";

const EXAMPLES = readdirSync(join(ROOT, "examples")).filter((f) => f.endsWith(".yaml")).sort();
const WIDTHS = [60, 80, 120, 200];
type Run = { name: string; args: (example: string) => string[] | null };
const RUNS: Run[] = [
  { name: "report --scenario all", args: (e) => ["report", e, "--scenario", "all"] },
  { name: "report --allocations", args: (e) => ["report", e, "--allocations"] },
  { name: "report --by both --lines full", args: (e) => ["report", e, "--by", "both", "--lines", "full"] },
  { name: "report --by tier", args: (e) => (e.endsWith("installer-tiers.yaml") ? ["report", e, "--by", "tier", "--scenario", "all", "--unit", "1"] : null) },
  { name: "report --unit 1", args: (e) => ["report", e, "--unit", "1", "--scenario", "all"] },
  { name: "compare", args: (e) => ["compare", e] },
  { name: "compare --unit 1", args: (e) => ["compare", e, "--unit", "1"] },
  { name: "compare --shift", args: (e) => ["compare", e, "--shift", "--unit", "1"] },
  { name: "check --strict", args: (e) => ["check", e, "--strict"] },
  { name: "diff against voorbeeld", args: (e) => (e.endsWith("voorbeeld.yaml") ? null : ["diff", "examples/voorbeeld.yaml", e]) },
  { name: "sensitivity", args: (e) => ["sensitivity", e, "--inputs", "segments.**", "discount_rate"] },
  { name: "simulate --scenario all", args: (e) => ["simulate", e, "--scenario", "all", "--draws", "200"] },
  { name: "solve", args: (e) => ["solve", e, "--vary", "discount_rate", "--target", "0"] },
  { name: "optimise", args: (e) => ["optimise", e] },
  { name: "actuals --pvm --reforecast --by both", args: (e) => (e.endsWith("hybrid-b2b.yaml") ? ["actuals", e, "examples/hybrid-b2b-actuals.csv", "--pvm", "--reforecast", "--by", "both"] : null) },
];

const lineWidth = (l: string) => [...l].length;
// Figures as they stand in a table (not digits inside ids such as partner-margin-28).
const figures = (text: string) => (text.match(/(?<![\w.-])[-+]?\d[\d,]*(\.\d+)?%?(?![\w-])/g) ?? []).sort();

describe.each(EXAMPLES)("every line fits: %s", (file) => {
  const e = `examples/${file}`;
  it.each(RUNS.filter((r) => r.args(e) !== null).map((r) => [r.name, r] as const))("%s", (_name, run) => {
    const args = run.args(e)!;
    const outputs = WIDTHS.map((w) => distplan([...args, "--width", String(w)]));
    outputs.forEach((r, i) => {
      expect([0, 1]).toContain(r.code);
      const over = r.stdout.split("\n").filter((l) => lineWidth(l) > WIDTHS[i]!);
      expect(over, `${args.join(" ")} --width ${WIDTHS[i]}`).toEqual([]);
    });
    // Nothing dropped: the narrowest shows every figure the widest shows (labels such as the
    // years repeat in each block, so as sets).
    const narrow = new Set(figures(outputs[0]!.stdout));
    expect(figures(outputs.at(-1)!.stdout).filter((f) => !narrow.has(f))).toEqual([]);
    const ascii = distplan([...args, "--width", "60", "--ascii"]);
    expect(ascii.stdout.split("\n").filter((l) => lineWidth(l) > 60)).toEqual([]);
  });
});
