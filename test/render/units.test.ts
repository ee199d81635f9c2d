// Issue #11 item 5: a table stays within the width whatever the size of the numbers.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { loadText, ROOT } from "../helpers.js";
import { projectScenarios } from "../../src/engine/projection.js";
import { compareScenarios } from "../../src/engine/compare.js";
import { reportView } from "../../src/views/report.js";
import { compareView } from "../../src/views/compare.js";
import { renderTerminal, DEFAULT_TERMINAL_OPTIONS } from "../../src/render/table.js";

const worked = readFileSync(join(ROOT, "examples/worked-example.yaml"), "utf8");

describe("units grow with the numbers", () => {
  // Revenue per customer of 10^13: revenue of 10^14 a year, too wide for millions in 80 columns.
  const text = worked
    .replace("years: 3", "years: 5")
    .replace("revenue_per_customer: { start: 10000, growth: 10% }", "revenue_per_customer: { start: 10000000000000, growth: 10% }")
    .concat("scenarios:\n  - id: dear\n    set: { channels.direct.acquisition_cost: 2000 }\n");
  const huge = loadText(text, "huge.yaml");
  const p = projectScenarios(huge.scenarios);

  it("report and compare stay within 80 columns, in billions", () => {
    const report = renderTerminal(reportView(p, { by: "channel", lines: "summary", density: "screen" }), DEFAULT_TERMINAL_OPTIONS);
    const compare = renderTerminal(compareView(p, compareScenarios(p), { density: "screen" }), DEFAULT_TERMINAL_OPTIONS);
    for (const out of [report, compare]) for (const line of out.split("\n")) expect(line.length, line).toBeLessThanOrEqual(80);
    expect(report.split("\n")[0]).toBe("Worked example · scenario base · EUR billions");
    // 11 customers × 10^13 = 1.1 × 10^14 in 2027 (110,000 billion); 11.9 × 1.1 × 10^13 in 2028.
    expect(report).toContain("direct         revenue  110,000  130,900  153,791  178,873  206,366");
  });
});
