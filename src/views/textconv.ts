// What `git diff` shows of a model through the textconv driver, after the model in canonical
// form: its key results as YAML comments, made for review. One line per scenario × scope ×
// figure, with the years of the plan in order, and every line names its scenario, scope and
// figure: a changed assumption changes only the lines of the figures it moves, and each changed
// line reads on its own in the diff, year by year under its old version. Key figures first (NPV,
// cumulative net profit, net profit per year), then the total's revenue and contribution, then
// each channel's. Every line starts with "#".
import type { Projection } from "../engine/projection-types.js";
import type { CheckOutcome } from "../engine/checks.js";
import { msg, val, type Block, type Piece, type ReportDocument, type Text } from "./document.js";
import { failureSummary, title } from "./check.js";
import type { Decimal } from "../money/decimal.js";

const cents = (amount: Decimal): Text => [val({ kind: "money", amount, exact: "cents" })];

/** The figures of a year, per scope, in the order a reviewer reads them. */
const YEAR_FIGURES = ["net_profit", "revenue", "contribution"] as const;

export function textconvView(projection: Projection, outcomes: readonly CheckOutcome[]): ReportDocument {
  const lines: Piece[] = [msg("textconv.header")];
  for (const s of projection.scenarios) {
    const rate = [val({ kind: "rate", ratio: s.discountRate })]; // the scenario's own rate
    lines.push(msg("textconv.npv", { scenario: s.id, rate, npv: cents(s.npv) }));
    lines.push(msg("textconv.cumulative", { scenario: s.id, cumulative: cents(s.cumulativeNetProfit) }));
    const scopes: { scope: Text; figures: (t: number) => Readonly<Record<(typeof YEAR_FIGURES)[number], Decimal>> }[] = [
      { scope: [msg("total")], figures: (t) => s.years[t]!.total },
      ...s.channelIds.map((id) => ({ scope: [{ raw: id }] as Text, figures: (t: number) => s.years[t]!.channels[id]! })),
    ];
    for (const { scope, figures } of scopes) {
      for (const field of YEAR_FIGURES) {
        const values: Text = s.years.flatMap((_, t) => [...(t > 0 ? [msg("textconv.separator")] : []), ...cents(figures(t)[field])]);
        lines.push(msg("textconv.figure", { scenario: s.id, scope, line: [msg(`line.${field}`)], years: [val({ kind: "period", from: s.years[0]!.year, to: s.years.at(-1)!.year })], values }));
      }
    }
  }
  for (const o of outcomes) lines.push(o.passed ? msg("textconv.check.passes", { check: title(o) }) : msg("textconv.check.fails", { check: title(o), failures: failureSummary(o) }));
  const blocks: Block[] = [{ kind: "gap" }, ...lines.map((p): Block => ({ kind: "paragraph", text: [p] }))];
  return { blocks, minorUnits: projection.minorUnits };
}

/** The one comment line under a model file that has no results, saying why. */
export function textconvNoResultsView(errors: string, first: Text): ReportDocument {
  return { blocks: [{ kind: "paragraph", text: [msg("textconv.invalid", { errors, first })] }] };
}
