// What `git diff` shows of a model through the textconv driver, after the model in canonical
// form: its key results as YAML comments, one figure group per line, so a changed assumption and
// the profit it moves sit in the same diff hunk. Every line starts with "#".
import type { Projection } from "../engine/projection-types.js";
import type { CheckOutcome } from "../engine/checks.js";
import { msg, val, type Block, type Piece, type ReportDocument, type Text } from "./document.js";
import { failureSummary, title } from "./check.js";
import type { Decimal } from "../money/decimal.js";

const cents = (amount: Decimal): Text => [val({ kind: "money", amount, exact: "cents" })];

export function textconvView(projection: Projection, outcomes: readonly CheckOutcome[]): ReportDocument {
  const lines: Piece[] = [msg("textconv.header")];
  for (const s of projection.scenarios) {
    const rate = [val({ kind: "rate", ratio: s.discountRate })]; // the scenario's own rate
    lines.push(msg("textconv.scenario", { scenario: s.id, rate, npv: cents(s.npv), cumulative: cents(s.cumulativeNetProfit) }));
    for (const y of s.years) {
      const figures = (f: { revenue: Decimal; contribution: Decimal; net_profit: Decimal }) => ({ revenue: cents(f.revenue), contribution: cents(f.contribution), net: cents(f.net_profit) });
      lines.push(msg("textconv.line", { scenario: s.id, year: String(y.year), scope: [msg("total")], ...figures(y.total) }));
      for (const [id, c] of Object.entries(y.channels)) lines.push(msg("textconv.line", { scenario: s.id, year: String(y.year), scope: id, ...figures(c) }));
    }
  }
  for (const o of outcomes) lines.push(o.passed ? msg("textconv.check.passes", { check: title(o) }) : msg("textconv.check.fails", { check: title(o), failures: failureSummary(o) }));
  const blocks: Block[] = [{ kind: "gap" }, ...lines.map((p): Block => ({ kind: "paragraph", text: [p] }))];
  return { blocks, minorUnits: projection.minorUnits };
}
