// Usage and input errors that lead straight to the fix: option values checked with "did you mean",
// and one YAML mistake reported once, with the count of what it explains at the end.
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { ROOT } from "../helpers.js";
import { distplan } from "../support/cli.js";

describe("option values", () => {
  it.each([
    [["report", "--width", "abc"], "whole number of columns, at least 40"],
    [["report", "--width", "0"], "at least 40"],
    [["report", "--width=-5"], "at least 40"],
    [["report", "--width", "39"], "at least 40"],
    [["compare", "--width", "12.5"], "whole number"],
    [["report", "--unit", "K"], "Did you mean 'k'?"],
    [["report", "--format", "jsn"], "Did you mean 'json'?"],
    [["compare", "--format", "mdd"], "Did you mean 'md'?"],
    [["check", "--format", "junti"], "Did you mean 'junit'?"],
    [["report", "--by", "segmnet"], "Did you mean 'segment'?"],
    [["compare", "--metric", "net_proft"], "did you mean 'net_profit'?"],
  ])("%j is a usage error (exit 2) that says what to write", (args, expected) => {
    const r = distplan([...args, "examples/voorbeeld.yaml"]);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe("");
    expect(r.stderr).toContain(expected);
  });

  it("--width 40 is accepted", () => {
    expect(distplan(["report", "examples/voorbeeld.yaml", "--width", "40"]).code).toBe(0);
  });
});

describe("a YAML mistake", () => {
  it("every nested line indented twice as far: one error, and the count of the rest at the end", () => {
    const dir = mkdtempSync(join(tmpdir(), "distplan-yaml-"));
    const text = readFileSync(join(ROOT, "examples/voorbeeld.yaml"), "utf8");
    writeFileSync(join(dir, "m.yaml"), text.split("\n").map((l) => " ".repeat(/^ */.exec(l)![0].length) + l).join("\n"));
    const r = distplan(["validate", join(dir, "m.yaml")]);
    expect(r.code).toBe(2);
    expect(r.stderr.match(/error YAML_SYNTAX/g)).toHaveLength(1);
    expect(r.stderr).toContain("m.yaml:11:5: error YAML_SYNTAX");
    expect(r.stderr.trimEnd().split("\n").at(-1)).toMatch(/^1 error \(\d+ more YAML errors suppressed/);
  });
});

describe("plausibility warnings", () => {
  it("check shows them on stderr and passes, also under --strict; validate shows them too", () => {
    const dir = mkdtempSync(join(tmpdir(), "distplan-plausible-"));
    const text = readFileSync(join(ROOT, "examples/worked-example.yaml"), "utf8");
    expect(text).toContain("    churn: 10%");
    writeFileSync(join(dir, "m.yaml"), text.replace("    churn: 10%", "    churn: 75%"));
    for (const args of [["check"], ["check", "--strict"]]) {
      const r = distplan([...args, join(dir, "m.yaml")]);
      expect(r.stderr).toContain("warning PLAUSIBILITY");
      expect(r.code).toBe(distplan([...args, "examples/worked-example.yaml"]).code);
    }
    const v = distplan(["validate", join(dir, "m.yaml")]);
    expect(v.code).toBe(0);
    expect(v.stderr).toContain("warning PLAUSIBILITY");
  });
});
