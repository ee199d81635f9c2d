import { mkdtempSync, readFileSync, writeFileSync, readdirSync, copyFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import fc from "fast-check";
import { stringify } from "yaml";
import { describe, expect, it } from "vitest";
import { formatModelText } from "../../src/model/fmt.js";
import { loadModelText } from "../../src/model/load.js";
import { projectScenarios } from "../../src/engine/projection.js";
import { reportData } from "../../src/views/report.js";
import { renderJson } from "../../src/render/json.js";
import type { Projection } from "../../src/engine/projection-types.js";

const projectionJson = (projection: Projection) => renderJson(reportData(projection));
import { modelArb } from "../support/arbitraries.js";
import { ROOT } from "../helpers.js";
import { distplan } from "../support/cli.js";

const evaluate = (text: string) => projectionJson(projectScenarios(loadModelText(text, "m.yaml").scenarios));

describe("fmt", () => {
  it("orders keys as the schema does, writes percentages as strings, keeps comments", () => {
    const text = [
      "# yaml-language-server: $schema=./distplan.schema.json",
      "name: Mixed up   # the plan's name",
      "version: 1",
      "start_year: 2027",
      "years: 3",
      "segments:",
      "  # the only segment",
      "  - gross_margin: 0.4",
      "    id: smb",
      "    customers: 100",
      "    churn: { from: 0.1, to: 0.125 }",
      "    revenue_per_customer: \"1.2k\"",
      "channels:",
      "  - type: ecommerce",
      "    id: web",
      "    variable_costs: { payment: 0.018 }",
      "mix:",
      "  smb: { web: 1 }",
      "scenarios:",
      "  - id: s",
      "    set:",
      "      segments.smb.churn: 0.2",
      "      mix.smb: { web: 1.0 }",
      "",
    ].join("\n");
    const out = formatModelText(text);
    expect(out).toBe([
      "# yaml-language-server: $schema=./distplan.schema.json",
      "version: 1",
      "name: Mixed up # the plan's name",
      "start_year: 2027",
      "years: 3",
      "segments:",
      "  # the only segment",
      "  - id: smb",
      "    customers: 100",
      "    churn: { from: 10%, to: 12.5% }",
      "    revenue_per_customer: 1.2k",
      "    gross_margin: 40%",
      "channels:",
      "  - id: web",
      "    type: ecommerce",
      "    variable_costs: { payment: 1.8% }",
      "mix:",
      "  smb: { web: 100% }",
      "scenarios:",
      "  - id: s",
      "    set:",
      "      segments.smb.churn: 20%",
      "      mix.smb: { web: 100% }",
      "",
    ].join("\n"));
    expect(evaluate(out)).toBe(evaluate(text));
  });

  it("every example and plan is formatted, and formatting them changes nothing", () => {
    for (const file of [...readdirSync(join(ROOT, "examples")).filter((f) => f.endsWith(".yaml")).map((f) => `examples/${f}`), "models/plan.yaml"]) {
      const text = readFileSync(join(ROOT, file), "utf8");
      expect(formatModelText(text), file).toBe(text);
    }
  });

  it("is idempotent and preserves the evaluated projection exactly (property)", () => {
    fc.assert(fc.property(modelArb, (file) => {
      const text = stringify(file);
      const once = formatModelText(text);
      expect(formatModelText(once)).toBe(once);
      expect(evaluate(once)).toBe(evaluate(text));
    }), { numRuns: 60 });
  });
});

describe("distplan fmt (binary)", () => {
  it("--check lists unformatted files and exits 1, writing nothing; fmt then writes them", () => {
    const dir = mkdtempSync(join(tmpdir(), "distplan-fmt-"));
    const file = join(dir, "plan.yaml");
    const messy = readFileSync(join(ROOT, "examples/worked-example.yaml"), "utf8").replace("churn: 10%", "churn: 0.1");
    writeFileSync(file, messy);
    const check = distplan(["fmt", "--check", file]);
    expect(check.code).toBe(1);
    expect(check.stdout).toContain(`would reformat ${file}`);
    expect(readFileSync(file, "utf8")).toBe(messy);
    const write = distplan(["fmt", file]);
    expect(write.code).toBe(0);
    expect(readFileSync(file, "utf8")).toBe(readFileSync(join(ROOT, "examples/worked-example.yaml"), "utf8"));
    expect(readdirSync(dir)).toEqual(["plan.yaml"]); // no temp file left behind
    expect(distplan(["fmt", "--check", file]).code).toBe(0);
  });

  it("an invalid file is reported and left untouched: exit 2", () => {
    const dir = mkdtempSync(join(tmpdir(), "distplan-fmt-"));
    const file = join(dir, "bad.yaml");
    copyFileSync(join(ROOT, "test/fixtures/invalid/MIX_NOT_100.yaml"), file);
    const before = readFileSync(file, "utf8");
    const r = distplan(["fmt", file]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("MIX_NOT_100");
    expect(readFileSync(file, "utf8")).toBe(before);
  });
});
