// Issue #13 item 2: compare --against ID measures every change from that scenario. Against base
// it is today's compare; against X, each delta of base is the negative of X's delta against base
// (to the cent: both are exact differences of the same figures), and a third scenario's delta is
// its own minus X's.
import { describe, expect, it } from "vitest";
import { distplan } from "../support/cli.js";

type Row = { year: number | null; values: Record<string, number>; deltas: Record<string, number | null> };
type Comparison = { base: string; metrics: { metric: string; rows: Row[] }[] };
const comparison = (args: string[]) => (JSON.parse(distplan(["compare", "examples/voorbeeld.yaml", "--format", "json", ...args]).stdout) as { comparison: Comparison }).comparison;
const cents = (x: number) => Math.round(x * 100) + 0; // + 0: no negative zero

describe("compare --against", () => {
  it("against base is the plain compare, in every format", () => {
    for (const format of ["table", "json", "csv", "md"]) {
      expect(distplan(["compare", "examples/voorbeeld.yaml", "--against", "base", "--format", format]).stdout).toBe(distplan(["compare", "examples/voorbeeld.yaml", "--format", format]).stdout);
    }
  });

  it("against webshop-push: base's change is minus webshop-push's, the others' are theirs minus it", () => {
    const plain = comparison([]);
    const against = comparison(["--against", "webshop-push"]);
    expect(against.base).toBe("webshop-push");
    for (const block of plain.metrics.filter((b) => !["gross_margin", "contribution_margin", "net_margin"].includes(b.metric))) {
      const other = against.metrics.find((b) => b.metric === block.metric)!;
      block.rows.forEach((row, i) => {
        expect(cents(other.rows[i]!.deltas.base!)).toBe(0 - cents(row.deltas["webshop-push"]!));
        expect(cents(other.rows[i]!.deltas["partner-margin-28"]!)).toBe(cents(row.deltas["partner-margin-28"]!) - cents(row.deltas["webshop-push"]!));
      });
    }
  });

  it("names the reference in the table, and refuses an unknown one with did-you-mean", () => {
    const table = distplan(["compare", "examples/voorbeeld.yaml", "--against", "webshop-push"]).stdout;
    expect(table).toContain("2 scenarios vs webshop-push");
    expect(table).toContain("Δ webshop-push");
    const bad = distplan(["compare", "examples/voorbeeld.yaml", "--against", "webshop-psh"]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain("did you mean 'webshop-push'?");
  });
});

// Issue #13 item 2, second half: the channel shift. Its figures are differences of footed
// figures, so they foot: channels to the total, and the total to compare's change over the horizon.
describe("compare --shift", () => {
  type F = { revenue: number; customers: number; contribution: number };
  type Shift = { scenario: string; reference: string; channels: (F & { channel: string; segments: { segment: string; revenue: number; customers: number; cm1: number }[] })[]; total: F };
  const cents = (x: number) => Math.round(x * 100) + 0;
  const sum = (xs: number[]) => xs.reduce((s, x) => s + cents(x), 0);

  it.each(["voorbeeld", "hybrid-b2b", "indirect-mkb", "ecommerce-brand"])("foots on %s, against base and against another scenario", (name) => {
    for (const extra of [[], ["--against", "base"]]) {
      const doc = JSON.parse(distplan(["compare", `examples/${name}.yaml`, "--shift", "--format", "json", ...extra]).stdout) as { shifts: Shift[] };
      const plain = JSON.parse(distplan(["compare", `examples/${name}.yaml`, "--format", "json", ...extra]).stdout) as { comparison: { metrics: { metric: string; rows: Row[] }[] } };
      const revenue = plain.comparison.metrics.find((m) => m.metric === "revenue")!.rows.at(-1)!;
      const contribution = plain.comparison.metrics.find((m) => m.metric === "contribution")!.rows.at(-1)!;
      for (const s of doc.shifts) {
        expect(sum(s.channels.map((c) => c.revenue))).toBe(cents(s.total.revenue));
        expect(sum(s.channels.map((c) => c.contribution))).toBe(cents(s.total.contribution));
        expect(cents(s.total.revenue)).toBe(cents(revenue.deltas[s.scenario]!));
        expect(cents(s.total.contribution)).toBe(cents(contribution.deltas[s.scenario]!));
        for (const c of s.channels) expect(sum(c.segments.map((g) => g.revenue))).toBe(cents(c.revenue));
      }
    }
  });

  it("names the largest gain and loss, and the net, on one screen", () => {
    const r = distplan(["compare", "examples/hybrid-b2b.yaml", "--shift", "--scenario", "webshop-push", "--unit", "M"]);
    expect(r.stdout).toContain("largest gain webshop · mkb +10.2; largest loss resellers · mkb -7.8; net +2.4");
  });
  it("names no gain when nothing gains (a cell that does not move is no gain)", () => {
    // partner-margin-28 only costs the partners margin: every cell's revenue falls or stays.
    const r = distplan(["compare", "examples/voorbeeld.yaml", "--shift", "--scenario", "partner-margin-28", "--unit", "1", "--width", "200"]);
    expect(r.stdout).toContain("largest loss partners · midmarket -2,441,842; net -4,721,374");
    expect(r.stdout).not.toContain("largest gain");
  });

});
