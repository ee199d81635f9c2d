// Issue #13 item 3: each channel over the horizon. Figures of examples/worked-example.yaml, by hand
// from its yearly net profit per channel (test/engine/worked-example.test.ts derives those).
import { describe, expect, it } from "vitest";
import { breakEvenYear, channelHorizon, totalHorizon } from "../../src/engine/horizon.js";
import { readdirSync } from "node:fs";
import { join } from "node:path";
import { Decimal, sum } from "../../src/money/decimal.js";
import { loadExample, project, ROOT } from "../helpers.js";
import { distplan } from "../support/cli.js";

const d = (x: string) => new Decimal(x);

describe("horizon figures", () => {
  it("per channel: cumulative net profit, NPV at the scenario's rate, break-even year (worked example)", () => {
    const s = project(loadExample("worked-example.yaml")).scenarios[0]!;
    const direct = channelHorizon(s, "direct", 2);
    // 15,809.96 + 24,413.61 + 33,996.98
    expect(direct.cumulativeNetProfit.toFixed(2)).toBe("74220.55");
    // 15,809.96 / 1.1 + 24,413.61 / 1.1² + 33,996.98 / 1.1³ = 14,372.69 + 20,176.54 + 25,542.43
    expect(direct.npv.toFixed(2)).toBe("60091.66");
    expect(direct.breakEven).toBe(2027);
    // The total's are the scenario's own (NPV from exact figures: 123,761.85).
    expect(totalHorizon(s)).toEqual({ cumulativeNetProfit: s.cumulativeNetProfit, npv: s.npv, breakEven: 2027 });
  });

  it("on every example and scenario, the channels' cumulative net profits add up to the total's (the golden files' horizon blocks)", () => {
    for (const file of readdirSync(join(ROOT, "examples")).filter((f) => f.endsWith(".yaml"))) {
      for (const s of project(loadExample(file)).scenarios) {
        const channels = s.channelIds.map((id) => channelHorizon(s, id, 2));
        expect(sum(channels.map((c) => c.cumulativeNetProfit)).equals(totalHorizon(s).cumulativeNetProfit)).toBe(true);
        // A channel's break-even year is the first year its running net profit is ≥ 0, checked from the years.
        s.channelIds.forEach((id, k) => {
          let running = new Decimal(0);
          const first = s.years.find((y) => !(running = running.plus(y.channels[id]!.net_profit)).isNegative());
          expect(channels[k]!.breakEven).toBe(first?.year ?? null);
        });
      }
    }
  });

  it("break-even is the first year the running total is at least zero, or none", () => {
    const years = [2027, 2028, 2029];
    expect(breakEvenYear(years, [d("-10"), d("5"), d("5")])).toBe(2029);
    expect(breakEvenYear(years, [d("-10"), d("5"), d("4.99")])).toBeNull();
    expect(breakEvenYear(years, [d("0"), d("-1"), d("-1")])).toBe(2027);
  });

  it("the report shows them under each scenario, in the table's unit, and says when a channel does not pay back", () => {
    const loaded = loadExample("ecommerce-brand.yaml");
    const s = project(loaded).scenarios[0]!;
    const retail = channelHorizon(s, "retail", 2);
    // retail's contribution is negative in every year of base (the CONTRIBUTION_NEGATIVE lint).
    expect(retail.cumulativeNetProfit.isNegative()).toBe(true);
    expect(retail.breakEven).toBeNull();
    const screen = distplan(["report", "examples/ecommerce-brand.yaml", "--width", "200"]).stdout;
    expect(screen).toMatch(/\nretail +-[\d,]+ +-[\d,]+ +not by the end\n/);
  });
});
