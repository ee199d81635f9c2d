// The complete example, checked against its figures in docs/MODEL.md §13 (computed by hand from
// §3–§7, independently of this code).
import { describe, expect, it } from "vitest";
import { loadExample, project } from "../helpers.js";
import { fixed } from "../../src/money/decimal.js";

const projection = project(loadExample("voorbeeld.yaml"));
const base = projection.scenarios[0]!;
const y2027 = base.years[0]!;
const money = (d: { toFixed: (n: number) => string }) => d.toFixed(2);

describe("voorbeeld.yaml, base scenario", () => {
  it("2027 per channel, to the cent", () => {
    const rows = Object.fromEntries(
      Object.entries(y2027.channels).map(([id, c]) => [id, [c.revenue, c.gross_profit, c.cm1, c.contribution, c.shared_costs, c.net_profit].map(money)]),
    );
    expect(rows).toEqual({
      direct: ["32136000.00", "13310880.00", "9300680.00", "7900680.00", "794941.34", "7105738.66"],
      partners: ["22494240.00", "5300064.00", "1639605.60", "1199605.60", "526444.15", "673161.45"],
      webshop: ["3805776.00", "1602432.00", "1385034.04", "1085034.04", "178614.51", "906419.53"],
    });
    const t = y2027.total;
    expect([t.revenue, t.gross_profit, t.cm1, t.contribution, t.shared_costs, t.net_profit].map(money)).toEqual([
      "58436016.00", "20213376.00", "12325319.64", "10185319.64", "1500000.00", "8685319.64",
    ]);
  });

  it("partners 2027 lines and conflict compensation", () => {
    const p = y2027.channels.partners!;
    expect([p.partner_margin, p.variable_costs, p.acquisition_costs, p.service_costs, p.fixed_costs, p.income].map(money)).toEqual([
      "7498080.00", "787298.40", "1363200.00", "1509960.00", "570000.00", "130000.00",
    ]);
    expect(money(y2027.channels.direct!.conflict_costs)).toBe("46560.00");
    expect(money(y2027.channels.webshop!.conflict_costs)).toBe("17125.99");
  });

  it("net profit per year, NPV and cumulative", () => {
    expect(base.years.map((y) => fixed(y.total.net_profit, 0))).toEqual(["8685320", "10217954", "11744781", "13266020", "14782477"]);
    expect(money(base.npv)).toBe("45937223.42");
    // Adding the exact yearly profits, then rounding, gives 58,696,551.80. We foot instead
    // (docs/MODEL.md §8, §14: a total is the sum of the parts shown), so the cumulative is the sum of
    // the five yearly totals as shown to the cent: 8,685,319.64 + 10,217,954.26 + 11,744,780.98
    // + 13,266,019.96 + 14,782,476.95 = 58,696,551.79. docs/MODEL.md §14 documents the choice.
    expect(base.years.map((y) => money(y.total.net_profit))).toEqual(["8685319.64", "10217954.26", "11744780.98", "13266019.96", "14782476.95"]);
    expect(money(base.cumulativeNetProfit)).toBe("58696551.79");
  });

  it("scenario NPVs", () => {
    const npv = Object.fromEntries(projection.scenarios.map((s) => [s.id, money(s.npv)]));
    expect(npv).toEqual({ base: "45937223.42", "webshop-push": "48174039.02", "partner-margin-28": "42310013.37" });
  });
});
