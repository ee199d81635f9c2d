// Issue #12 item 3: check text, md and github name every failing scenario and year range of a
// `scenarios: all` check, not only the first (JUnit names each point already).
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { ROOT } from "../helpers.js";
import { distplan } from "../support/cli.js";

// hybrid-b2b's "plan profitable every year" (scenarios: all) raised to 30M: net profit stays
// below it in 2027–2030 of every scenario.
const text = readFileSync(join(ROOT, "examples/hybrid-b2b.yaml"), "utf8").replace(/(name: plan profitable every year\n(?:.*\n){2}\s+min: )0\n/, "$130000000\n");

describe("check lists every failing scenario", () => {
  for (const format of ["text", "md", "github"]) {
    it(`--format ${format}`, () => {
      // Wide enough that no line wraps: this test is about content (test/e2e/width.test.ts about layout).
      const r = distplan(["check", "-", "--format", format, ...(format === "text" ? ["--width", "400"] : [])], { input: text });
      expect(r.code).toBe(1);
      // base's first failure with its value, then the other years and scenarios (net profit of
      // base is 32.1M in 2031, above the bound, so 2031 is not among base's failures).
      expect(r.stdout).toContain("base · 2027: 19,169,833.26  (also 2028–2030; webshop-push 2027–2030; reseller-margin-33 2027–2030; push-and-protect 2027–2030)");
    });
  }
});
