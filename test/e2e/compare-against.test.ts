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
