// What `git diff` shows of a model through the textconv driver: the model in canonical form (so
// formatting noise never shows as a change) followed by its key results as comments, one figure
// per line, so a changed assumption and the profit it moves sit in the same diff hunk.
import type { Projection } from "../engine/projection-types.js";
import type { CheckOutcome } from "../engine/checks.js";
import { groupDigits, shortPercent } from "./format.js";
import { failureSummary, title } from "./check.js";

export function resultsAsComments(projection: Projection, outcomes: readonly CheckOutcome[]): string {
  const lines: string[] = ["", "# ─── distplan results (computed, not part of the file) ───"];
  for (const s of projection.scenarios) {
    lines.push(`# ${s.id}: NPV at ${shortPercent(s.discountRate)} ${groupDigits(s.npv, 2)} · cumulative net profit ${groupDigits(s.cumulativeNetProfit, 2)}`);
    for (const y of s.years) {
      lines.push(`#   ${s.id} ${y.year} total: revenue ${groupDigits(y.total.revenue, 2)} · contribution ${groupDigits(y.total.contribution, 2)} · net profit ${groupDigits(y.total.net_profit, 2)}`);
      for (const [id, c] of Object.entries(y.channels)) {
        lines.push(`#   ${s.id} ${y.year} ${id}: revenue ${groupDigits(c.revenue, 2)} · contribution ${groupDigits(c.contribution, 2)} · net profit ${groupDigits(c.net_profit, 2)}`);
      }
    }
  }
  for (const o of outcomes) lines.push(`# check ${o.passed ? "passes" : "FAILS"}: ${title(o)}${o.passed ? "" : ` · ${failureSummary(o)}`}`);
  return lines.join("\n") + "\n";
}
