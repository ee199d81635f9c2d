// exactNetProfit and exactCellCm1 (engine/projection.ts) give a reader the unrounded figures NPV
// discounts (docs/MODEL.md §7); the Excel workbook caches them. They are the definition's
// arithmetic beside the engine's fast path, so this test holds the two together: on every
// example and scenario, NPV = Σ_t exactNetProfit(t) / (1 + r)^(t+1), rounded once, to the cent.
import { readdirSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { ROOT, loadExample } from "../helpers.js";
import { exactNetProfit, projectModel } from "../../src/engine/projection.js";
import { ONE, sum, toMinorUnit } from "../../src/money/decimal.js";

const examples = readdirSync(join(ROOT, "examples")).filter((f) => f.endsWith(".yaml")).sort();

describe.each(examples)("exact figures of %s", (file) => {
  it("NPV is the discounted sum of the exact yearly net profit, in every scenario", () => {
    for (const s of loadExample(file).scenarios) {
      const m = s.model;
      const discounted = sum(Array.from({ length: m.years }, (_, t) => exactNetProfit(m, t).dividedBy(ONE.plus(m.discountRate).pow(t + 1))));
      expect(toMinorUnit(discounted, m.minorUnits).toString(), s.id).toBe(projectModel(m, s).npv.toString());
    }
  });
});
