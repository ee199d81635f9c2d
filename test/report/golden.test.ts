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
import { allocationsView } from "../../src/views/allocations.js";
import { reportData, reportRecords, reportView } from "../../src/views/report.js";
import { renderTerminal, DEFAULT_TERMINAL_OPTIONS } from "../../src/render/table.js";
import { renderMarkdown } from "../../src/render/markdown.js";
import { renderCsv } from "../../src/render/csv.js";
import { renderJson } from "../../src/render/json.js";
import { compareData, compareRecords, compareView } from "../../src/views/compare.js";
import { PLAIN_STYLE } from "../../src/render/format.js";

const examples = readdirSync(join(ROOT, "examples")).filter((f) => f.endsWith(".yaml")).sort();

describe.each(examples)("%s", (file) => {
  const name = file.replace(/\.yaml$/, "");
  const loaded = loadExample(file);
  const all = projectScenarios(loaded.scenarios);
  const base = projectScenarios(loaded.scenarios.slice(0, 1));
  const golden = (f: string) => join(ROOT, "test/golden", name, f);

  it("report in every format", async () => {
    const screen = { by: "channel", lines: "summary", density: "screen" } as const;
    await expect(renderTerminal(reportView(all, screen))).toMatchFileSnapshot(golden("report.txt"));
    await expect(renderTerminal(reportView(base, { ...screen, by: "both", lines: "full" }), { ...DEFAULT_TERMINAL_OPTIONS, width: 120 })).toMatchFileSnapshot(golden("report-full.txt"));
    await expect(renderJson(reportData(all))).toMatchFileSnapshot(golden("report.json"));
    await expect(renderCsv(reportRecords(base))).toMatchFileSnapshot(golden("report.csv"));
    await expect(renderMarkdown(reportView(base, { ...screen, density: "page" }), { style: PLAIN_STYLE })).toMatchFileSnapshot(golden("report.md"));
    // A model with tiers: each tier's share of its channel (docs/MODEL.md §14a "Per tier").
    if (all.tierLines) await expect(renderTerminal(reportView(all, { ...screen, by: "tier" }), { ...DEFAULT_TERMINAL_OPTIONS, width: 120 })).toMatchFileSnapshot(golden("report-tiers.txt"));
  });

  it("report --allocations", async () => {
    const comparisons = base.scenarios.map((s) => compareAllocations(loaded.scenarios[0]!.model, s));
    await expect(renderTerminal(allocationsView(base, comparisons, "screen"))).toMatchFileSnapshot(golden("allocations.txt"));
  });

  it("compare in every format", async () => {
    const comparison = compareScenarios(all, DEFAULT_COMPARE_METRICS);
    await expect(renderTerminal(compareView(all, comparison, { density: "screen" }))).toMatchFileSnapshot(golden("compare.txt"));
    await expect(renderJson(compareData(all, comparison))).toMatchFileSnapshot(golden("compare.json"));
    await expect(renderCsv(compareRecords(comparison))).toMatchFileSnapshot(golden("compare.csv"));
    await expect(renderMarkdown(compareView(all, comparison, { density: "page" }), { style: PLAIN_STYLE })).toMatchFileSnapshot(golden("compare.md"));
  });

  it("rendering twice gives byte-identical output", () => {
    expect(renderJson(reportData(projectScenarios(loadExample(file).scenarios)))).toBe(renderJson(reportData(all)));
  });
});
