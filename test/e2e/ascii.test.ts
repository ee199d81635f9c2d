// Issue #12 item 2: `--ascii` is ASCII. Before, compare --ascii still printed Δ · – → ≥ ⚠, and
// report had no --ascii. Every byte of every example's output must be below 128.
import { readdirSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { ROOT } from "../helpers.js";
import { distplan } from "../support/cli.js";

const examples = readdirSync(join(ROOT, "examples")).filter((f) => f.endsWith(".yaml")).sort();
const runs = [
  ["report", "--scenario", "all"],
  ["report", "--allocations"],
  ["report", "--by", "both", "--lines", "full", "--width", "60"],
  ["compare"],
  ["compare", "--width", "60", "--unit", "1"],
];

const nonAscii = (text: string) => [...Buffer.from(text, "utf8")].filter((b) => b >= 128).length;

describe.each(examples)("--ascii on %s", (file) => {
  it.each(runs.map((r) => [r.join(" "), r] as const))("%s", (_name, args) => {
    const [command, ...rest] = args;
    const r = distplan([command!, `examples/${file}`, ...rest, "--ascii"]);
    expect(r.code).toBe(0);
    expect(r.stdout.length).toBeGreaterThan(0);
    expect(nonAscii(r.stdout), r.stdout).toBe(0);
  });
});

describe("--ascii in check and diff text", () => {
  it.each(examples)("check %s", (file) => {
    const r = distplan(["check", `examples/${file}`, "--strict", "--ascii"]);
    expect([0, 1]).toContain(r.code); // some examples fail a check or a lint on purpose
    expect(r.stdout.length).toBeGreaterThan(0);
    expect(nonAscii(r.stdout), r.stdout).toBe(0);
  });
  it("diff of two different plans (every kind of change, check marks and arrows)", () => {
    const r = distplan(["diff", "examples/voorbeeld.yaml", "examples/hybrid-b2b.yaml", "--ascii"]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("->");
    expect(nonAscii(r.stdout), r.stdout).toBe(0);
  });
});

describe("--ascii spelling", () => {
  it("keeps the words and the alignment of compare", () => {
    const r = distplan(["compare", "examples/voorbeeld.yaml", "--ascii"]);
    expect(r.stdout).toContain("Voorbeeld BV distribution model 2027-2031 - 2 scenarios vs base - EUR thousands");
    // "Δ base" reads "vs base"; the deltas stay under their years.
    expect(r.stdout).toContain("    vs base               0    +211    +440    +681    +932  +2,264 ^ +0.7%");
    expect(r.stdout).toContain("! check fails in base: contribution_margin >= 10% - partners");
  });
});
