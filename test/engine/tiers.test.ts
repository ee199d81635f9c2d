// Partner tiers on an indirect channel (issue #14, docs/MODEL.md §14a): the cell's partner margin is
// the share-weighted tier margin, and a tier's fees (partners × fee) are income of the channel.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import fc from "fast-check";
import type { Decimal } from "../../src/money/decimal.js";
import { describe, expect, it } from "vitest";
import { ROOT, errorCodes, loadText, project } from "../helpers.js";

const worked = readFileSync(join(ROOT, "examples/worked-example.yaml"), "utf8");
const withTiers = (tiers: string) => worked.replace("    partner_margin: 20%\n", `    tiers:\n${tiers}`);
// Every figure of every scenario (the projection's own `tierLines` differs by design: it says
// whether the views show the rebate and MDF lines).
const figures = (text: string) => JSON.stringify(project(loadText(text)).scenarios);

describe("tiers", () => {
  it("the worked example's partner channel is where the replacement lands", () => {
    expect(withTiers("      - { id: only, partner_margin: 20%, partners: 1, share: 100% }\n")).not.toBe(worked);
  });

  it("one tier at 100% gives exactly the figures of the same channel with partner_margin", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10_000 }), (hundredths) => {
        const margin = `${(hundredths / 100).toFixed(2)}%`;
        const plain = worked.replace("    partner_margin: 20%\n", `    partner_margin: ${margin}\n`);
        const tiered = withTiers(`      - { id: only, partner_margin: ${margin}, partners: 7, share: 100% }\n`);
        expect(figures(tiered)).toBe(figures(plain));
      }),
      { numRuns: 25 },
    );
  });

  it("shares move the margin between tiers without changing sell-out", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 100 }), (silver) => {
        const text = withTiers([
          `      - { id: silver, partner_margin: 10%, partners: 5, share: ${silver}% }`,
          `      - { id: gold, partner_margin: 30%, partners: 2, share: ${100 - silver}% }`,
        ].join("\n") + "\n");
        const base = project(loadText(worked)).scenarios[0]!;
        const p = project(loadText(text)).scenarios[0]!;
        p.years.forEach((y, t) => {
          const cell = y.channels.partners!.segments.small!;
          const before = base.years[t]!.channels.partners!.segments.small!;
          expect(cell.market_revenue.toString()).toBe(before.market_revenue.toString());
          // margin = market × (silver × 10% + (1 − silver) × 30%), to the cent.
          const rate = (silver * 10 + (100 - silver) * 30) / 10_000;
          expect(cell.partner_margin.toFixed(2)).toBe(cell.market_revenue.times(rate).toDecimalPlaces(2).toFixed(2));
          expect(cell.revenue.toString()).toBe(cell.market_revenue.minus(cell.partner_margin).toString());
        });
      }),
      { numRuns: 20 },
    );
  });

  it("fees appear in income and nowhere else", () => {
    const free = project(loadText(withTiers("      - { id: gold, partner_margin: 20%, partners: 4, share: 100% }\n"))).scenarios[0]!;
    const paid = project(loadText(withTiers("      - { id: gold, partner_margin: 20%, partners: 4, fee: 1234.56, share: 100% }\n"))).scenarios[0]!;
    paid.years.forEach((y, t) => {
      const a = free.years[t]!.channels.partners!;
      const b = y.channels.partners!;
      // 4 partners × 1,234.56 = 4,938.24 a year, on top of the written income line (1,000).
      expect(b.income.minus(a.income).toFixed(2)).toBe("4938.24");
      expect(b.contribution.minus(a.contribution).toFixed(2)).toBe("4938.24");
      expect(JSON.stringify(b.segments)).toBe(JSON.stringify(a.segments));
      for (const f of ["revenue", "cm1", "fixed_costs", "variable_costs", "partner_margin"] as const) expect(b[f].toString()).toBe(a[f].toString());
      // The other channels do not see it (shared costs here go by revenue and equally).
      expect(JSON.stringify(y.channels.web)).toBe(JSON.stringify(free.years[t]!.channels.web));
    });
  });

  it("a hand-worked tier example", () => {
    // One year, 100 customers (no churn, none new) at 1,000 list: sell-out (market revenue) 100,000.
    // Tiers: registered 10% on 20% of sell-out, silver 15% on 30%, gold 25% on 50%.
    //   partner margin = 100,000 × (0.2×0.10 + 0.3×0.15 + 0.5×0.25) = 100,000 × 0.19 = 19,000
    //   revenue = 81,000; COGS = 60% of list = 60,000; gross profit = cm1 = 21,000
    //   fees = 40×100 + 10×500 + 2×2,000 = 4,000 + 5,000 + 4,000 = 13,000 (income)
    //   contribution = 21,000 − 0 fixed + 13,000 = 34,000.
    const text = `version: 1
name: Tiers by hand
start_year: 2027
years: 1
segments:
  - { id: smb, customers: 100, new_customers: 0, churn: 0%, revenue_per_customer: 1000, gross_margin: 40% }
channels:
  - id: partners
    type: indirect
    tiers:
      - { id: registered, partner_margin: 10%, fee: 100, partners: 40, share: 20%, requires: { revenue: 0, certified: 0 } }
      - { id: silver, partner_margin: 15%, fee: 500, partners: 10, share: 30%, requires: { revenue: 50k, certified: 1 } }
      - { id: gold, partner_margin: 25%, fee: 2000, partners: 2, share: 50%, requires: { revenue: 200k, certified: 3, specialisations: [heat pumps] } }
mix:
  smb: { partners: 100% }
`;
    const c = project(loadText(text)).scenarios[0]!.years[0]!.channels.partners!;
    expect([c.market_revenue, c.partner_margin, c.revenue, c.cogs, c.gross_profit, c.cm1, c.income, c.contribution].map((d) => d.toFixed(2)))
      .toEqual(["100000.00", "19000.00", "81000.00", "60000.00", "21000.00", "21000.00", "13000.00", "34000.00"]);
  });

  it("a scenario can change one tier's margin by its id", () => {
    const text = withTiers([
      "      - { id: silver, partner_margin: 10%, partners: 5, share: 50% }",
      "      - { id: gold, partner_margin: 30%, partners: 2, share: 50% }",
    ].join("\n") + "\n").replace("checks:", "scenarios:\n  - id: gold-up\n    set: { channels.partners.tiers.gold.partner_margin: 40% }\n\nchecks:");
    const [base, up] = project(loadText(text)).scenarios;
    const cell = (s: typeof base, t: number) => s!.years[t]!.channels.partners!.segments.small!;
    // 2027: market 47,500; margin 20% → 9,500 in base, 25% (0.5×10% + 0.5×40%) → 11,875 with gold at 40%.
    expect(cell(base, 0).partner_margin.toFixed(2)).toBe("9500.00");
    expect(cell(up, 0).partner_margin.toFixed(2)).toBe("11875.00");
  });

  it("refuses tiers with a partner_margin, shares that do not add up, and a duplicate tier id", () => {
    expect(errorCodes(loadText(withTiers("      - { id: a, partner_margin: 20%, partners: 1, share: 100% }\n").replace("    acquisition_cost: 100\n", "    acquisition_cost: 100\n    partner_margin: 5%\n"))))
      .toContain("TIERS_WITH_PARTNER_MARGIN");
    expect(errorCodes(loadText(withTiers("      - { id: a, partner_margin: 20%, partners: 1, share: 60% }\n      - { id: b, partner_margin: 20%, partners: 1, share: 30% }\n"))))
      .toEqual(["TIER_SHARES_NOT_100"]);
    expect(errorCodes(loadText(withTiers("      - { id: a, partner_margin: 20%, partners: 1, share: 50% }\n      - { id: a, partner_margin: 20%, partners: 1, share: 50% }\n"))))
      .toEqual(["DUPLICATE_ID"]);
  });
});

describe("fmt on tiers", () => {
  it("orders a tier's keys as the schema does and writes its shares as percentages", async () => {
    const { formatModelText } = await import("../../src/model/fmt.js");
    const text = withTiers("      - share: 1\n        partners: 3\n        partner_margin: 0.2\n        id: only\n");
    const out = formatModelText(text);
    // A share of 1 is 100%, a margin of 0.2 is 20%; partners stay a count; id comes first.
    expect(out).toContain("    tiers:\n      - id: only\n        partner_margin: 20%\n        partners: 3\n        share: 100%\n");
    expect(figures(out)).toBe(figures(text));
  });
});

describe("the partner's side and its lints", () => {
  // Sell-out 1,000 customers × 1,000 = 1,000,000 a year. Per average partner:
  //   registered: 20% / 40 partners = 5,000; × 10% = 500, fee 100 → earns 400 net; requires 0
  //   silver:     30% / 10 partners = 30,000; × 15% = 4,500, fee 500 → 4,000; requires 25,000
  //   gold:       50% / 2 partners = 250,000; × 25% = 62,500, fee 2,000 → 60,500; requires 250,000 (exactly met)
  const clean = `version: 1
name: Tier lints
start_year: 2027
years: 3
segments:
  - { id: smb, customers: 1000, new_customers: 0, churn: 0%, revenue_per_customer: 1000, gross_margin: 40% }
channels:
  - id: partners
    type: indirect
    tiers:
      - { id: registered, partner_margin: 10%, fee: 100, partners: 40, share: 20%, requires: { revenue: 0, certified: 0 } }
      - { id: silver, partner_margin: 15%, fee: 500, partners: 10, share: 30%, requires: { revenue: 25k, certified: 1 } }
      - { id: gold, partner_margin: 25%, fee: 2000, partners: 2, share: 50%, requires: { revenue: 250000, certified: 3 } }
mix:
  smb: { partners: 100% }
`;
  const lints = async (text: string) => {
    const { checkLoadedModel } = await import("../../src/engine/check-model.js");
    return checkLoadedModel(loadText(text)).lints.filter((l) => /TIER|PARTNER/.test(l.code)).map((l) => `${l.code} ${String(l.args.tier)}`);
  };

  it("a sound ladder has none", async () => expect(await lints(clean)).toEqual([]));

  it("TIER_UNREACHABLE: exactly at the requirement passes, one cent above it does not", async () => {
    expect(await lints(clean.replace("revenue: 250000,", "revenue: 250000.01,"))).toEqual(["TIER_UNREACHABLE gold"]);
  });

  it("PARTNER_LOSES: a fee equal to the earnings passes, one cent more does not", async () => {
    expect(await lints(clean.replace("fee: 100,", "fee: 500,"))).toEqual([]);
    expect(await lints(clean.replace("fee: 100,", "fee: 500.01,"))).toEqual(["PARTNER_LOSES registered"]);
  });

  it("TIER_LADDER: a higher tier that earns less per euro, or requires less", async () => {
    expect(await lints(clean.replace("partner_margin: 25%", "partner_margin: 14%"))).toEqual(["TIER_LADDER gold"]);
    expect(await lints(clean.replace("revenue: 25k, certified: 1", "revenue: 25k, certified: 4"))).toEqual(["TIER_LADDER gold"]);
  });

  it("the average partner's figures per tier and year", async () => {
    const { tierYears } = await import("../../src/engine/partners.js");
    const loaded = loadText(clean);
    const channel = loaded.scenarios[0]!.model.channels[0]!;
    const base = project(loaded).scenarios[0]!;
    const rows = channel.tiers.map((k) => tierYears(channel, k, base)[0]!).map((y) => [y.sellOut.toFixed(2), y.sellOutPerPartner!.toFixed(2), y.earningsPerPartner!.toFixed(2), y.meetsRevenue]);
    expect(rows).toEqual([
      ["200000.00", "5000.00", "400.00", true],
      ["300000.00", "30000.00", "4000.00", true],
      ["500000.00", "250000.00", "60500.00", true],
    ]);
  });
});

describe("examples/installer-tiers.yaml by hand (2027)", () => {
  // Homes: 2,000 × (1 − 10%) + 500 = 2,300 customers × 8,000 = sell-out 18,400,000.
  // Margin rate 20%×12% + 35%×16% + 45%×20% = 2.4% + 5.6% + 9% = 17% → 3,128,000; revenue 15,272,000.
  // COGS 65% of list = 11,960,000; gross profit = 3,312,000.
  // Gold's sell-in: 45% × 18,400,000 = 8,280,000 sell-out less 20% margin = 6,624,000;
  //   rebate 2% = 132,480, MDF 1% = 66,240 → cm1 = 3,312,000 − 132,480 − 66,240 = 3,113,280.
  // Income: leads 180,000 + fees 300×250 + 80×1,500 + 25×4,000 = 75,000 + 120,000 + 100,000 → 475,000.
  // Contribution = 3,113,280 − fixed (900,000 + 120,000) + 475,000 = 2,568,280.
  // gold-margin-up: 45% × 3 points × 18,400,000 = 248,400 more margin → revenue 15,023,600;
  //   Gold's sell-in 8,280,000 × 77% = 6,375,600 → rebate 127,512, MDF 63,756.
  const loaded = loadText(readFileSync(join(ROOT, "examples/installer-tiers.yaml"), "utf8"));
  const [base, up, tighter] = project(loaded).scenarios;
  const c = (s: typeof base) => s!.years[0]!.channels.installers!;

  it("base, and the gold-margin-up scenario", () => {
    expect([c(base).market_revenue, c(base).partner_margin, c(base).revenue, c(base).gross_profit, c(base).rebates, c(base).mdf, c(base).cm1, c(base).income, c(base).contribution].map((d) => d.toFixed(2)))
      .toEqual(["18400000.00", "3128000.00", "15272000.00", "3312000.00", "132480.00", "66240.00", "3113280.00", "475000.00", "2568280.00"]);
    expect([c(up).revenue, c(up).rebates, c(up).mdf].map((d) => d.toFixed(2))).toEqual(["15023600.00", "127512.00", "63756.00"]);
    // Tightening Silver's requirement changes no figure; only the partner side sees it.
    expect(JSON.stringify(tighter!.years)).toBe(JSON.stringify(base!.years));
  });

  it("silver-tighter leaves the average Silver installer short of the requirement", async () => {
    // Silver: 35% × 18,400,000 / 80 = 80,500 per installer, below 90,000 (and above base's 60,000).
    const { tierYears } = await import("../../src/engine/partners.js");
    const model = loaded.scenarios[2]!.model;
    const silver = tierYears(model.channels[0]!, model.channels[0]!.tiers[1]!, tighter!)[0]!;
    expect([silver.sellOutPerPartner!.toFixed(2), silver.meetsRevenue]).toEqual(["80500.00", false]);
    const before = loaded.scenarios[0]!.model.channels[0]!;
    expect(tierYears(before, before.tiers[1]!, base!)[0]!.meetsRevenue).toBe(true);
  });
});

describe("rebates and MDF as lines of the P&L", () => {
  // Two tiers on the worked example's partner channel, with random margins, rebates, MDF and shares.
  const tiered = (silver: number, m1: number, m2: number, r1: number, r2: number, f1: number, f2: number) => withTiers([
    `      - { id: silver, partner_margin: ${m1}%, rebate: ${r1}%, mdf: ${f1}%, partners: 5, share: ${silver}% }`,
    `      - { id: gold, partner_margin: ${m2}%, rebate: ${r2}%, mdf: ${f2}%, partners: 2, share: ${100 - silver}% }`,
  ].join("\n") + "\n");
  const margin = fc.integer({ min: 0, max: 40 });
  const rate = fc.integer({ min: 0, max: 10 });
  const arb = fc.tuple(fc.integer({ min: 0, max: 100 }), margin, margin, rate, rate, rate, rate);

  it("each cell's rebates and MDF are its sell-out × Σ share × (1 − margin) × rate, rounded, and cm1 subtracts them", () => {
    fc.assert(fc.property(arb, ([silver, m1, m2, r1, r2, f1, f2]) => {
      const p = project(loadText(tiered(silver, m1, m2, r1, r2, f1, f2))).scenarios[0]!;
      const rate = (a: number, b: number) => (silver * (100 - m1) * a + (100 - silver) * (100 - m2) * b) / 1_000_000;
      // The engine multiplies the exact sell-out and rounds once; the shown sell-out is itself
      // rounded (by at most half a cent), so the two agree within a cent.
      const near = (line: Decimal, expected: Decimal) => expect(line.minus(expected).abs().lessThanOrEqualTo(0.01)).toBe(true);
      for (const y of p.years) {
        const c = y.channels.partners!;
        for (const cell of Object.values(c.segments)) {
          near(cell.rebates, cell.market_revenue.times(rate(r1, r2)));
          near(cell.mdf, cell.market_revenue.times(rate(f1, f2)));
          expect(cell.rebates.decimalPlaces()).toBeLessThanOrEqual(2);
          expect(cell.cm1.toString()).toBe(cell.gross_profit.minus(cell.variable_costs).minus(cell.rebates).minus(cell.mdf)
            .minus(cell.acquisition_costs).minus(cell.service_costs).minus(cell.conflict_costs).toString());
        }
        // Footing: the channel's lines are the sums of its cells', the total's the sum of the channels'.
        for (const f of ["rebates", "mdf", "cm1"] as const) {
          expect(c[f].toString()).toBe(Object.values(c.segments).reduce((a, x) => a.plus(x[f]), c[f].minus(c[f])).toString());
          expect(y.total[f].toString()).toBe(Object.values(y.channels).reduce((a, x) => a.plus(x[f]), y.total[f].minus(y.total[f])).toString());
        }
      }
    }), { numRuns: 25 });
  });

  it("the scaled-integer engine and the Decimal definition agree on a tiered channel, every figure", async () => {
    const { newProjectionMemo, projectModel } = await import("../../src/engine/projection.js");
    const { reportData } = await import("../../src/views/report.js");
    const { renderJson } = await import("../../src/render/json.js");
    fc.assert(fc.property(arb, ([silver, m1, m2, r1, r2, f1, f2]) => {
      const model = loadText(tiered(silver, m1, m2, r1, r2, f1, f2)).scenarios[0]!.model;
      const text = (decimalCells: boolean) => {
        const scenario = projectModel(model, undefined, newProjectionMemo({ decimalCells }));
        return renderJson(reportData({ name: "n", currency: "EUR", minorUnits: 2, years: [], discountRate: model.discountRate, commonDiscountRate: null, tierLines: true, scenarios: [scenario] }));
      };
      expect(text(false)).toContain("\"rebates\"");
      expect(text(false)).toBe(text(true));
    }), { numRuns: 20 });
  });

  it("the tier split foots to the channel's sell-out, partner margin, rebates and MDF, and fees are the fee income lines", () => {
    fc.assert(fc.property(arb, ([silver, m1, m2, r1, r2, f1, f2]) => {
      const p = project(loadText(tiered(silver, m1, m2, r1, r2, f1, f2))).scenarios[0]!;
      const tiers = p.tiers.partners!;
      expect(tiers.map((k) => k.id)).toEqual(["silver", "gold"]);
      p.years.forEach((y, t) => {
        const c = y.channels.partners!;
        const add = (pick: (k: (typeof tiers)[number]["years"][number]) => typeof c.revenue) => tiers.map((k) => pick(k.years[t]!)).reduce((a, b) => a.plus(b)).toFixed(2);
        expect(add((k) => k.sellOut)).toBe(c.market_revenue.toFixed(2));
        expect(add((k) => k.partnerMargin)).toBe(c.partner_margin.toFixed(2));
        expect(add((k) => k.rebates)).toBe(c.rebates.toFixed(2));
        expect(add((k) => k.mdf)).toBe(c.mdf.toFixed(2));
        // Each part within a cent of its exact share (largest remainder moves at most one cent).
        const exactSilver = c.market_revenue.times(silver).dividedBy(100);
        expect(tiers[0]!.years[t]!.sellOut.minus(exactSilver).abs().lessThan(0.01)).toBe(true);
        // No fees written here: the tier fee lines are 0 and so is their split.
        expect(add((k) => k.fees)).toBe("0.00");
      });
    }), { numRuns: 25 });
  });

  it("a model without tiers shows neither line; the tier example shows both, and its tiers, in JSON", async () => {
    const { distplan } = await import("../support/cli.js");
    const plain = distplan(["report", "examples/voorbeeld.yaml", "--format", "json"]).stdout;
    expect(plain).not.toContain("\"rebates\"");
    expect(plain).not.toContain("\"tiers\"");
    const json = JSON.parse(distplan(["report", "examples/installer-tiers.yaml", "--format", "json"]).stdout);
    const y = json.scenarios[0].years[0];
    expect([y.channels.installers.rebates, y.channels.installers.mdf, y.total.rebates]).toEqual([132480, 66240, 132480]);
    const gold = json.scenarios[0].tiers.installers[2];
    // Gold 2027: sell-out 8,280,000, margin 1,656,000, rebate 132,480, MDF 66,240, fees 25 × 4,000; 331,200 per partner.
    expect([gold.id, gold.years[0].sell_out, gold.years[0].partner_margin, gold.years[0].rebates, gold.years[0].mdf, gold.years[0].fees, gold.years[0].sell_out_per_partner])
      .toEqual(["gold", 8280000, 1656000, 132480, 66240, 100000, 331200]);
  });

  it("--by tier: a row group per tier, csv records per tier, and a usage error on a model without tiers", async () => {
    const { distplan } = await import("../support/cli.js");
    const table = distplan(["report", "examples/installer-tiers.yaml", "--by", "tier", "--unit", "1", "--width", "200"]);
    expect(table.code).toBe(0);
    expect(table.stdout).toMatch(/Gold\s+sell-out\s+8,280,000/);
    expect(table.stdout).toMatch(/rebates\s+132,480/);
    const csv = distplan(["report", "examples/installer-tiers.yaml", "--by", "tier", "--format", "csv"]).stdout.split("\n");
    expect(csv[0]).toBe("scenario,year,channel,tier,metric,value");
    expect(csv).toContain("base,2027,installers,gold,mdf,66240.00");
    const none = distplan(["report", "examples/voorbeeld.yaml", "--by", "tier"]);
    expect([none.code, none.stdout]).toEqual([2, ""]);
    expect(none.stderr).toContain("--by tier: no channel of examples/voorbeeld.yaml has tiers");
  });
});
