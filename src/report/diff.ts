// `distplan diff` for a finance review: the assumptions that moved, what they do to the results,
// and which checks change status. text for a terminal, md for a PR comment, json for tools.
import { stringify } from "yaml";
import type { Decimal } from "../engine/decimal.js";
import type { AssumptionChange } from "../diff/assumptions.js";
import type { Impact, ScenarioImpact } from "../diff/impact.js";
import { lintMessage } from "./check.js";
import { columnBlocks, grid, widest } from "./grid.js";
import { LINE_LABELS, groupDigits, shortPercent, signed, type Paint } from "./format.js";
import { jsonText, money, type JsonValue } from "./json-text.js";
import { mdTable } from "./markdown.js";

export interface ModelDiff {
  readonly before: string;
  readonly after: string;
  readonly currency: string;
  /** Decimals of the currency's minor unit (#22): money in json has that many. */
  readonly minorUnits: number;
  readonly discountRate: string;
  readonly assumptions: readonly AssumptionChange[];
  readonly impact: Impact;
}

export const isEmptyDiff = (d: ModelDiff) =>
  d.assumptions.length === 0 && d.impact.scenarios.length === 0 && d.impact.checks.length === 0 && d.impact.lints.length === 0 &&
  d.impact.addedScenarios.length === 0 && d.impact.removedScenarios.length === 0;

/** A value as YAML writes it, on one line: 25%, { from: 80%, to: 60% }, [1, 2, 3]. */
export function valueText(value: unknown): string {
  if (value === undefined) return "–";
  return stringify(value, { collectionStyle: "flow", lineWidth: 0, flowCollectionPadding: true }).trim();
}

function changeText(c: AssumptionChange): string {
  if (c.kind === "added") return `(added) ${valueText(c.after)}`;
  if (c.kind === "removed") return `(removed, was ${valueText(c.before)})`;
  return `${valueText(c.before)} → ${valueText(c.after)}`;
}

const lineLabel = (scope: string, metric: string) => `${scope === "total" ? "total" : scope} ${LINE_LABELS[metric] ?? metric}`;
const STATUS = { passed: "passes", failed: "fails", absent: "absent" } as const;

// ---- text ---------------------------------------------------------------------------------------
export function diffAsText(d: ModelDiff, paint: Paint, width: number): string {
  if (isEmptyDiff(d)) return `no changes between ${d.before} and ${d.after}\n`;
  const out: string[] = [];
  const structural = d.assumptions.filter((c) => c.structural);
  const parameters = d.assumptions.filter((c) => !c.structural);
  const section = (title: string, list: readonly AssumptionChange[]) => {
    if (list.length === 0) return;
    out.push(paint.bold(`${title} (${list.length} change${list.length === 1 ? "" : "s"})`));
    out.push(grid(list.map((c) => [`  ${c.path}`, changeText(c)]), ["left", "left"]));
  };
  section("Structure: channels and who serves which segment", structural);
  section("Assumptions", parameters);
  if (d.assumptions.length === 0) out.push(paint.bold("Assumptions: no change"));
  if (d.impact.addedScenarios.length) out.push(`Scenarios added: ${d.impact.addedScenarios.join(", ")}`);
  if (d.impact.removedScenarios.length) out.push(`Scenarios removed: ${d.impact.removedScenarios.join(", ")}`);

  for (const s of d.impact.scenarios) out.push("", impactTable(s, d, paint, width));
  if (d.impact.scenarios.length === 0) out.push("", "Impact: none on any scenario's results");

  out.push("", checksText(d, paint));
  return out.join("\n") + "\n";
}

function delta(value: Decimal, paint: Paint): string {
  const text = signed(groupDigits(value, 0));
  if (value.isZero() || /^[+-]?0$/.test(text)) return paint.dim("0");
  return value.isNegative() ? paint.red(text) : paint.green(text);
}

function impactTable(s: ScenarioImpact, d: ModelDiff, paint: Paint, width: number): string {
  const head = [paint.bold(`Impact on ${s.scenario} (${d.currency})`), ...s.years.map(String)];
  const rows = s.lines.filter((l) => l.metric !== "revenue" || l.scope === "total").map((l) => [`  ${lineLabel(l.scope, l.metric)}`, ...l.deltas.map((x) => delta(x, paint))]);
  const all = [head, ...rows];
  const widths = head.slice(1).map((_, c) => widest(all.map((r) => r[c + 1] ?? "")));
  const blocks = columnBlocks(widest(all.map((r) => r[0]!)), widths, width);
  const table = rows.length === 0 ? "" : blocks.map((cols) => grid(all.map((r) => [r[0]!, ...cols.map((c) => r[c + 1] ?? "")]), ["left", ...cols.map(() => "right" as const)])).join("\n\n") + "\n";
  const horizon = (label: string, x: { before: Decimal; after: Decimal; delta: Decimal }) =>
    `${label} ${groupDigits(x.before, 2)} → ${groupDigits(x.after, 2)} (${delta(x.delta, paint)})`;
  return `${table || `${head[0]}\n`}  ${horizon(`NPV at ${shortPercent(s.discountRate)}:`, s.npv)}\n  ${horizon("cumulative net profit:", s.cumulative)}`;
}

function checksText(d: ModelDiff, paint: Paint): string {
  const lines: string[] = [];
  for (const c of d.impact.checks) {
    const mark = c.after === "failed" ? paint.red("✗") : c.after === "passed" ? paint.green("✓") : "·";
    lines.push(`  ${mark} ${c.title}: ${STATUS[c.before]} before, ${STATUS[c.after]} after`);
  }
  for (const l of d.impact.lints) lines.push(`  ${l.change === "added" ? paint.yellow("+ lint") : "- lint"} ${l.code}: ${lintMessage(l.lint)}`);
  if (lines.length === 0) {
    const still = d.impact.unchangedFailing;
    return `Checks: no change${still.length ? ` (${still.join("; ")} fail${still.length === 1 ? "s" : ""} before and after)` : ""}`;
  }
  return [paint.bold("Checks"), ...lines].join("\n");
}

// ---- json ---------------------------------------------------------------------------------------
export function diffAsJson(d: ModelDiff): string {
  const doc = {
    format: "distplan.diff/v1",
    before: d.before,
    after: d.after,
    changed: !isEmptyDiff(d),
    assumptions: d.assumptions.map((c) => ({
      path: c.path, kind: c.kind, structural: c.structural,
      before: c.kind === "added" ? null : valueText(c.before), after: c.kind === "removed" ? null : valueText(c.after),
    })),
    scenarios_added: [...d.impact.addedScenarios],
    scenarios_removed: [...d.impact.removedScenarios],
    impact: d.impact.scenarios.map((s) => ({ s, m: (x: Decimal) => money(x, d.minorUnits) })).map(({ s, m }) => ({
      scenario: s.scenario,
      years: [...s.years],
      lines: s.lines.map((l) => ({ scope: l.scope, metric: l.metric, before: l.before.map((x) => m(x)), after: l.after.map((x) => m(x)), delta: l.deltas.map((x) => m(x)) })),
      npv: { before: m(s.npv.before), after: m(s.npv.after), delta: m(s.npv.delta) },
      cumulative_net_profit: { before: m(s.cumulative.before), after: m(s.cumulative.after), delta: m(s.cumulative.delta) },
    })),
    checks: d.impact.checks.map((c) => ({ check: c.title, before: c.before, after: c.after })),
    checks_failing_unchanged: [...d.impact.unchangedFailing],
    lints: d.impact.lints.map((l) => ({ code: l.code, change: l.change, message: lintMessage(l.lint) })),
  };
  return jsonText(doc as unknown as JsonValue);
}

// ---- markdown -----------------------------------------------------------------------------------
export function diffAsMarkdown(d: ModelDiff): string {
  if (isEmptyDiff(d)) return `No changes between \`${d.before}\` and \`${d.after}\`.\n`;
  const out = [`### distplan diff: \`${d.before}\` → \`${d.after}\``, ""];
  if (d.assumptions.length) {
    out.push(mdTable(["", "assumption", "before", "after"], d.assumptions.map((c) => [
      c.structural ? "🏗 structure" : "",
      `\`${c.path}\``,
      c.kind === "added" ? "–" : `\`${valueText(c.before)}\``,
      c.kind === "removed" ? "–" : `\`${valueText(c.after)}\``,
    ]), ["l", "l", "l", "l"]), "");
  }
  for (const s of d.impact.scenarios) {
    out.push(`**Impact on \`${s.scenario}\`** (${d.currency}; NPV at ${shortPercent(s.discountRate)}: ${signed(groupDigits(s.npv.delta, 2))})`, "");
    out.push(mdTable(["line", ...s.years.map(String)], s.lines.map((l) => [lineLabel(l.scope, l.metric), ...l.deltas.map((x) => signed(groupDigits(x, 2)))]), ["l", ...s.years.map(() => "r" as const)]), "");
  }
  if (d.impact.checks.length || d.impact.lints.length) {
    out.push("**Checks**", "");
    for (const c of d.impact.checks) out.push(`- ${c.after === "failed" ? "❌" : "✅"} ${c.title}: ${STATUS[c.before]} before, ${STATUS[c.after]} after`);
    for (const l of d.impact.lints) out.push(`- ${l.change === "added" ? "⚠️ new lint" : "lint resolved"} ${l.code}: ${lintMessage(l.lint)}`);
    out.push("");
  } else {
    out.push(`Checks: no change${d.impact.unchangedFailing.length ? ` (still failing: ${d.impact.unchangedFailing.join("; ")})` : ""}.`, "");
  }
  return out.join("\n");
}

