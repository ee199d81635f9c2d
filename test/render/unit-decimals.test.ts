// Issue #12 item 4: an asked-for unit keeps the information. --unit M used to round to whole
// millions (shared costs of 1.5M showed as "2"); now it shows the decimals needed for two
// significant digits of the smallest non-zero figure.
import { describe, expect, it } from "vitest";
import { D } from "../../src/money/decimal.js";
import { loadExample, project } from "../helpers.js";
import { reportView } from "../../src/views/report.js";
import { renderTerminal, DEFAULT_TERMINAL_OPTIONS } from "../../src/render/table.js";
import { unitPlaces } from "../../src/render/format.js";

describe("unitPlaces", () => {
  it("counts the decimals for two significant digits of the smallest non-zero figure", () => {
    expect(unitPlaces([D(1_500_000), D(75_000_000)], "M")).toBe(1); // 1.5
    expect(unitPlaces([D(40_000), D(0), D(9_000_000)], "M")).toBe(3); // 0.040
    expect(unitPlaces([D(-3_400), D(120_000)], "k")).toBe(1); // -3.4
    expect(unitPlaces([D(12_000), D(120_000)], "k")).toBe(0); // 12 has its two digits
    expect(unitPlaces([D(0)], "M")).toBe(0);
    expect(unitPlaces([D("0.01")], "M")).toBe(6); // capped at a millionth
    expect(unitPlaces([D(5)], "1")).toBe(0);
  });
});

describe("report --unit M on the bundled example", () => {
  const p = project(loadExample("voorbeeld.yaml"));
  const out = renderTerminal(reportView(p, { by: "channel", lines: "summary", density: "screen" }), { ...DEFAULT_TERMINAL_OPTIONS, unit: "M" });

  it("shows shared costs of 1,500,000 as 1.50, not 2", () => {
    // The smallest non-zero figure is partners' net profit of 2027, 0.67M: two decimals.
    expect(out).toMatch(/shared costs {3}1\.50 {3}1\.50/);
    expect(out).not.toMatch(/shared costs\s+2\s/);
  });

  it("shows every money figure of the section with the same decimals", () => {
    // direct revenue 2027: 32,137,… → 32.14; NPV 45,94x,xxx → 45.94.
    expect(out).toMatch(/direct {9}revenue {2}32\.14 {2}34\.81/);
    expect(out).toContain("NPV at 8%: 45.94");
  });
});
