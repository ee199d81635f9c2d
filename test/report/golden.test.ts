// Golden files: every example × command × format, rendered with fixed options (80 columns, no
// colour). They are reviewed like code and updated with `vitest -u`. The figures of
// voorbeeld.yaml were checked by hand against docs/MODEL.md §13, and those of worked-example.yaml are
// derived line by line in test/engine/worked-example.test.ts; the other examples' goldens pin
// their output so that any change shows up in review.
import { readdirSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { loadExample, ROOT } from "../helpers.js";
import { projectScenarios } from "../../src/engine/projection.js";
import { compareAllocations } from "../../src/engine/allocation.js";
import { compareScenarios, DEFAULT_COMPARE_METRICS } from "../../src/engine/compare.js";
import { projectionAsTable, allocationsAsTable, DEFAULT_TABLE_OPTIONS } from "../../src/report/table.js";
import { projectionAsJson } from "../../src/report/json.js";
import { projectionAsCsv } from "../../src/report/csv.js";
import { projectionAsMarkdown } from "../../src/report/markdown.js";
import { comparisonAsCsv, comparisonAsJson, comparisonAsMarkdown, comparisonAsTable } from "../../src/report/compare.js";
import { plainPaint, PLAIN_STYLE } from "../../src/report/format.js";

const examples = readdirSync(join(ROOT, "examples")).filter((f) => f.endsWith(".yaml")).sort();

describe.each(examples)("%s", (file) => {
  const name = file.replace(/\.yaml$/, "");
  const loaded = loadExample(file);
  const all = projectScenarios(loaded.scenarios);
  const base = projectScenarios(loaded.scenarios.slice(0, 1));
  const golden = (f: string) => join(ROOT, "test/golden", name, f);

  it("report in every format", async () => {
    await expect(projectionAsTable(all, DEFAULT_TABLE_OPTIONS)).toMatchFileSnapshot(golden("report.txt"));
    await expect(projectionAsTable(base, { ...DEFAULT_TABLE_OPTIONS, by: "both", lines: "full", width: 120 })).toMatchFileSnapshot(golden("report-full.txt"));
    await expect(projectionAsJson(all)).toMatchFileSnapshot(golden("report.json"));
    await expect(projectionAsCsv(base)).toMatchFileSnapshot(golden("report.csv"));
    await expect(projectionAsMarkdown(base, { by: "channel", lines: "summary", style: PLAIN_STYLE })).toMatchFileSnapshot(golden("report.md"));
  });

  it("report --allocations", async () => {
    const comparisons = base.scenarios.map((s) => compareAllocations(loaded.scenarios[0]!.model, s));
    await expect(allocationsAsTable(base, comparisons, DEFAULT_TABLE_OPTIONS)).toMatchFileSnapshot(golden("allocations.txt"));
  });

  it("compare in every format", async () => {
    const comparison = compareScenarios(all, DEFAULT_COMPARE_METRICS);
    await expect(comparisonAsTable(all, comparison, { unit: "auto", width: 80, paint: plainPaint, style: PLAIN_STYLE, ascii: false })).toMatchFileSnapshot(golden("compare.txt"));
    await expect(comparisonAsJson(all, comparison)).toMatchFileSnapshot(golden("compare.json"));
    await expect(comparisonAsCsv(comparison)).toMatchFileSnapshot(golden("compare.csv"));
    await expect(comparisonAsMarkdown(all, comparison, PLAIN_STYLE)).toMatchFileSnapshot(golden("compare.md"));
  });

  it("rendering twice gives byte-identical output", () => {
    expect(projectionAsJson(projectScenarios(loadExample(file).scenarios))).toBe(projectionAsJson(all));
  });
});
