// examples/worked-example.yaml computed by hand from docs/MODEL.md §3–§7 (worked through in §12); every expected figure below is
// derived in the comments, independently of the engine.
import { describe, expect, it } from "vitest";
import { loadExample, project } from "../helpers.js";

const p = project(loadExample("worked-example.yaml")).scenarios[0]!;
const m = (d: { toFixed: (n: number) => string }) => d.toFixed(2);
const cell = (t: number, channel: string, segment: string) => {
  const c = p.years[t]!.channels[channel]!.segments[segment]!;
  return [c.customers, c.new_customers, c.list_revenue, c.market_revenue, c.partner_margin, c.revenue, c.cogs, c.gross_profit, c.variable_costs, c.acquisition_costs, c.service_costs, c.conflict_costs, c.cm1].map(m);
};
const channel = (t: number, id: string) => {
  const c = p.years[t]!.channels[id]!;
  return [c.cm1, c.fixed_costs, c.income, c.contribution, c.shared_costs, c.net_profit].map(m);
};

describe("worked example", () => {
  // Customers. big: 10 at start, churn 10%, +2 a year, no cap:
  //   2027 10×0.9+2 = 11; 2028 11×0.9+2 = 11.9; 2029 11.9×0.9+2 = 12.71.
  // small: 100 at start, churn 20%, 20 new a year capped at potential 95:
  //   2027 retained 80, room 15 → new 15, active 95; 2028 retained 76, room 19 → 19, 95; 2029 the same.
  // Prices: big 10,000 growing 10% → 10,000 / 11,000 / 12,100; small 1,000 flat.
  // Mix small: partners 50% → 40% → 30%, web 50% → 60% → 70% (a straight line).

  it("2027 cells", () => {
    // direct×big: 11 customers, 2 new; list = market = revenue 110,000; COGS 50% = 55,000; GP 55,000;
    // commission 5% = 5,500; acquisition 2×1,000 = 2,000; service 11×500 = 5,500; cm1 42,000.
    expect(cell(0, "direct", "big")).toEqual(["11.00", "2.00", "110000.00", "110000.00", "0.00", "110000.00", "55000.00", "55000.00", "5500.00", "2000.00", "5500.00", "0.00", "42000.00"]);
    // partners×small: 47.5 customers, 7.5 new; list = market 47,500; partner margin 20% = 9,500;
    // revenue 38,000; COGS 40% of list = 19,000; GP 19,000; rebates 2% of revenue = 760;
    // acquisition 7.5×100 = 750; service 47.5×50 = 2,375; cm1 = 19,000−760−750−2,375 = 15,115.
    expect(cell(0, "partners", "small")).toEqual(["47.50", "7.50", "47500.00", "47500.00", "9500.00", "38000.00", "19000.00", "19000.00", "760.00", "750.00", "2375.00", "0.00", "15115.00"]);
    // web×small: list 47,500; 10% below list → market = revenue 42,750; COGS 19,000 (on list);
    // GP 23,750; payment 2% = 855; acquisition 7.5×20 = 150; service 47.5×10 = 475;
    // conflict 42,750 × 10% overlap × 10% compensation = 427.50; cm1 = 21,842.50.
    expect(cell(0, "web", "small")).toEqual(["47.50", "7.50", "47500.00", "42750.00", "0.00", "42750.00", "19000.00", "23750.00", "855.00", "150.00", "475.00", "427.50", "21842.50"]);
  });

  it("2027 channels and allocation", () => {
    // Revenue 110,000 + 38,000 + 42,750 = 190,750. Marketing 9,000 by revenue:
    //   direct 5,190.0393…, partners 1,792.9227…, web 2,017.0380…; floors add to 8,999.98, the two
    //   cents go to the largest remainders (direct .93, web .80): 5,190.04 / 1,792.92 / 2,017.04.
    // IT 3,000 equally: 1,000 each.
    // direct: contribution 42,000 − 20,000 = 22,000; shared 6,190.04; net 15,809.96.
    // partners: 15,115 − 5,000 + 1,000 income = 11,115; shared 2,792.92; net 8,322.08.
    // web: 21,842.50 − 3,000 = 18,842.50; shared 3,017.04; net 15,825.46.
    expect(channel(0, "direct")).toEqual(["42000.00", "20000.00", "0.00", "22000.00", "6190.04", "15809.96"]);
    expect(channel(0, "partners")).toEqual(["15115.00", "5000.00", "1000.00", "11115.00", "2792.92", "8322.08"]);
    expect(channel(0, "web")).toEqual(["21842.50", "3000.00", "0.00", "18842.50", "3017.04", "15825.46"]);
    expect(p.years[0]!.channels.direct!.shared_cost_parts).toEqual({ marketing: expect.anything(), it: expect.anything() });
    expect(m(p.years[0]!.channels.web!.shared_cost_parts.marketing!)).toBe("2017.04");
  });

  it("2028", () => {
    // direct×big: 11.9 × 11,000 = 130,900; COGS 65,450; commission 6,545; acquisition 2,000;
    //   service 5,950; cm1 50,955; contribution 30,955.
    // partners×small: 38 customers, 7.6 new; list 38,000; margin 7,600; revenue 30,400; COGS 15,200;
    //   rebates 608; acquisition 760; service 1,900; cm1 11,932; contribution 7,932.
    // web×small: 57 customers, 11.4 new; list 57,000; revenue 51,300; COGS 22,800; GP 28,500;
    //   payment 1,026; acquisition 228; service 570; conflict 513; cm1 26,163; contribution 23,163.
    expect(cell(1, "web", "small")).toEqual(["57.00", "11.40", "57000.00", "51300.00", "0.00", "51300.00", "22800.00", "28500.00", "1026.00", "228.00", "570.00", "513.00", "26163.00"]);
    // Revenue 212,600. Marketing: 5,541.3923… / 1,286.9238… / 2,171.6839…; floors 8,999.99; the cent
    // goes to web (.39 beats .38 and .23): 5,541.39 / 1,286.92 / 2,171.69. Plus 1,000 IT each.
    expect(channel(1, "direct")).toEqual(["50955.00", "20000.00", "0.00", "30955.00", "6541.39", "24413.61"]);
    expect(channel(1, "partners")).toEqual(["11932.00", "5000.00", "1000.00", "7932.00", "2286.92", "5645.08"]);
    expect(channel(1, "web")).toEqual(["26163.00", "3000.00", "0.00", "23163.00", "3171.69", "19991.31"]);
  });

  it("2029", () => {
    // direct×big: 12.71 × 12,100 = 153,791; COGS 76,895.50; commission 7,689.55; acquisition 2,000;
    //   service 6,355; cm1 60,850.95; contribution 40,850.95.
    // partners×small: 28.5 customers; revenue 22,800; cm1 = 11,400 − 456 − 570 − 1,425 = 8,949.
    // web×small: 66.5 customers; revenue 59,850; cm1 = 33,250 − 1,197 − 266 − 665 − 598.50 = 30,523.50.
    expect(cell(2, "direct", "big")).toEqual(["12.71", "2.00", "153791.00", "153791.00", "0.00", "153791.00", "76895.50", "76895.50", "7689.55", "2000.00", "6355.00", "0.00", "60850.95"]);
    // Revenue 236,441. Marketing: 5,853.9720… / 867.8698… / 2,278.1582…; floors 8,999.98; cents to
    // partners (.98) and web (.82): 5,853.97 / 867.87 / 2,278.16.
    expect(channel(2, "direct")).toEqual(["60850.95", "20000.00", "0.00", "40850.95", "6853.97", "33996.98"]);
    expect(channel(2, "partners")).toEqual(["8949.00", "5000.00", "1000.00", "4949.00", "1867.87", "3081.13"]);
    expect(channel(2, "web")).toEqual(["30523.50", "3000.00", "0.00", "27523.50", "3278.16", "24245.34"]);
  });

  it("totals, cumulative and NPV", () => {
    // Net profit = contribution − 12,000 shared: 39,957.50 / 50,050.00 / 61,323.45.
    expect(p.years.map((y) => m(y.total.net_profit))).toEqual(["39957.50", "50050.00", "61323.45"]);
    expect(p.years.map((y) => m(y.total.revenue))).toEqual(["190750.00", "212600.00", "236441.00"]);
    // Cumulative 151,330.95; NPV at 10% = 39,957.50/1.1 + 50,050/1.21 + 61,323.45/1.331
    //   = 36,325.00 + 41,363.6364 + 46,073.2156 = 123,761.85.
    expect(p.years.map((y) => m(y.total.cumulative_net_profit))).toEqual(["39957.50", "90007.50", "151330.95"]);
    expect(m(p.npv)).toBe("123761.85");
    // Ratios: 2027 contribution margin = 51,957.50 / 190,750 = 0.27238…
    expect(p.years[0]!.total.contribution_margin!.toFixed(4)).toBe("0.2724");
  });
});
