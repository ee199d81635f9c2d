// `distplan diff` for a finance review: the assumptions that moved, what they do to the results,
// and which checks change status. Screen (a terminal), page (a PR comment) and distplan.diff/v1.
import { stringify } from "yaml";
import type { Decimal } from "../money/decimal.js";
import type { AssumptionChange } from "../diff/assumptions.js";
import type { Impact, ScenarioImpact } from "../diff/impact.js";
import type { Attribution } from "../diff/attribution.js";
import { lintText } from "./check.js";
import { Figure, Words, code, msg, raw, val, type Block, type Data, type Piece, type ReportDocument, type Row, type Text, type Value } from "./document.js";
import type { LineField } from "./messages.js";

export interface ModelDiff {
  readonly before: string;
  readonly after: string;
  readonly currency: string;
  /** Decimals of the currency's minor unit: money in distplan.diff/v1 has that many. */
  readonly minorUnits: number;
  readonly assumptions: readonly AssumptionChange[];
  readonly impact: Impact;
  /** base's change split over the changed assumptions (Shapley); absent when base did not move. */
  readonly attribution?: Attribution;
}

export const isEmptyDiff = (d: ModelDiff) =>
  d.assumptions.length === 0 && d.impact.scenarios.length === 0 && d.impact.checks.length === 0 && d.impact.lints.length === 0 &&
  d.impact.addedScenarios.length === 0 && d.impact.removedScenarios.length === 0;

/** A value as YAML writes it, on one line: 25%, { from: 80%, to: 60% }, [1, 2, 3]. */
export function valueText(value: unknown): string {
  if (value === undefined) return "–";
  return stringify(value, { collectionStyle: "flow", lineWidth: 0, flowCollectionPadding: true }).trim();
}

function changeText(c: AssumptionChange): Piece {
  if (c.kind === "added") return msg("diff.added", { value: valueText(c.after) });
  if (c.kind === "removed") return msg("diff.removed", { value: valueText(c.before) });
  return msg("diff.changed", { before: valueText(c.before), after: valueText(c.after) });
}

const lineLabel = (scope: string, metric: string): Piece => msg("diff.line", { scope: [scope === "total" ? msg("total") : raw(scope)], metric: [msg(`line.${metric as LineField}`)] });
const STATUS = { passed: "diff.status.passed", failed: "diff.status.failed", absent: "diff.status.absent" } as const;
const change = (amount: Decimal): Value => ({ kind: "delta", of: "money", amount, ratio: null, better: amount.isZero() ? null : !amount.isNegative(), full: false });
const cents = (amount: Decimal): Text => [val({ kind: "money", amount, exact: "cents" })];

export function diffView(d: ModelDiff, density: "screen" | "page"): ReportDocument {
  if (isEmptyDiff(d)) return { blocks: [{ kind: "paragraph", text: [msg(density === "page" ? "diff.none.page" : "diff.none", { before: density === "page" ? [code(d.before)] : d.before, after: density === "page" ? [code(d.after)] : d.after })] }] };
  return density === "page" ? diffPage(d) : diffScreen(d);
}

function diffScreen(d: ModelDiff): ReportDocument {
  const blocks: Block[] = [];
  const section = (key: "diff.structure" | "diff.assumptions", list: readonly AssumptionChange[]) => {
    if (list.length === 0) return;
    blocks.push({ kind: "heading", text: [msg(key, { n: String(list.length), changes: [msg(list.length === 1 ? "diff.change.one" : "diff.change.many")] })], tone: "strong" });
    blocks.push({ kind: "table", table: { columns: [{ align: "left" }, { align: "left" }], rows: list.map((c): Row => ({ role: "line", indent: 1, cells: [[raw(c.path)], [changeText(c)]] })), split: false, fixed: 1 } });
  };
  section("diff.structure", d.assumptions.filter((c) => c.structural));
  section("diff.assumptions", d.assumptions.filter((c) => !c.structural));
  if (d.assumptions.length === 0) blocks.push({ kind: "heading", text: [msg("diff.assumptions.none")], tone: "strong" });
  if (d.impact.addedScenarios.length) blocks.push({ kind: "paragraph", text: [msg("diff.scenarios.added", { ids: d.impact.addedScenarios.join(", ") })] });
  if (d.impact.removedScenarios.length) blocks.push({ kind: "paragraph", text: [msg("diff.scenarios.removed", { ids: d.impact.removedScenarios.join(", ") })] });
  for (const s of d.impact.scenarios) blocks.push({ kind: "gap" }, ...impactBlocks(s, d), ...(s.scenario === "base" ? attributionBlocks(d, "screen") : []));
  if (d.impact.scenarios.length === 0) blocks.push({ kind: "gap" }, { kind: "paragraph", text: [msg("diff.impact.none")] });
  blocks.push({ kind: "gap" }, ...checkBlocks(d));
  return { blocks, minorUnits: d.minorUnits };
}

function impactBlocks(s: ScenarioImpact, d: ModelDiff): Block[] {
  const headText: Text = [msg("diff.impact", { scenario: s.scenario, currency: d.currency }, "strong")];
  const rows: Row[] = s.lines.filter((l) => l.metric !== "revenue" || l.scope === "total").map((l) => ({ role: "delta", indent: 1, cells: [[lineLabel(l.scope, l.metric)], ...l.deltas.map((x) => [val(change(x))])] }));
  const horizon = (label: Piece, x: { before: Decimal; after: Decimal; delta: Decimal }): Block => ({
    kind: "paragraph",
    text: [msg("diff.horizon", { label: [label], before: cents(x.before), after: cents(x.after), delta: [val(change(x.delta))] })],
  });
  const table: Block = rows.length === 0
    ? { kind: "heading", text: headText }
    : { kind: "table", table: { columns: [{ align: "left" }, ...s.years.map(() => ({ align: "right" as const }))], rows: [{ role: "head", cells: [headText, ...s.years.map((year) => [val({ kind: "year", year })])] }, ...rows], split: true, fixed: 1 } };
  return [table, horizon(msg("diff.npvAt", { rate: [val({ kind: "rate", ratio: s.discountRate })] }), s.npv), horizon(msg("diff.cumulative"), s.cumulative)];
}

/** Where base's change comes from: each assumption's part of the change in NPV and net profit. */
function attributionBlocks(d: ModelDiff, density: "screen" | "page"): Block[] {
  const a = d.attribution;
  if (!a) return [];
  if (a.kind === "none") return a.reason === "coupled" ? [{ kind: "paragraph", text: [msg("diff.attribution.coupled")], tone: "muted" }] : [];
  const money = (x: Decimal): Text => [val(density === "page" ? { kind: "money", amount: x, exact: "cents" } : change(x))];
  const head: Row = { role: "head", cells: [[msg("diff.attribution", undefined, "strong")], [msg("line.npv")], ...a.years.map((year) => [msg("diff.attribution.year", { year: String(year) })])] };
  const rows: Row[] = a.parts.map((p) => ({ role: "line", indent: density === "screen" ? 1 : 0, cells: [[p.label === "structure" ? msg("diff.attribution.structure") : code(p.label)], money(p.npv), ...p.netProfit.map(money)] }));
  rows.push({ role: "total", cells: [[msg("total")], money(a.total.npv), ...a.total.netProfit.map(money)] });
  return [
    { kind: "gap" },
    { kind: "table", table: { columns: [{ align: "left" }, ...Array.from({ length: a.years.length + 1 }, () => ({ align: "right" as const }))], rows: [head, ...rows], split: true, fixed: 1 } },
    { kind: "paragraph", text: [msg(a.grouped ? "diff.attribution.legend.grouped" : "diff.attribution.legend")], tone: "muted" },
  ];
}

function checkBlocks(d: ModelDiff): Block[] {
  const lines: Text[] = [];
  for (const c of d.impact.checks) {
    const mark = c.after === "failed" ? msg("check.cross", undefined, "bad") : c.after === "passed" ? msg("check.tick", undefined, "good") : msg("diff.mark.absent");
    lines.push([msg("diff.check", { mark: [mark], check: c.title, before: [msg(STATUS[c.before])], after: [msg(STATUS[c.after])] })]);
  }
  for (const l of d.impact.lints) lines.push([msg("diff.lint", { mark: [l.change === "added" ? msg("diff.lint.added", undefined, "warning") : msg("diff.lint.removed")], code: l.code, message: lintText(l.lint) })]);
  if (lines.length === 0) {
    const still = d.impact.unchangedFailing;
    const key = still.length === 0 ? "diff.checks.none" : still.length === 1 ? "diff.checks.still.one" : "diff.checks.still.many";
    return [{ kind: "paragraph", text: [msg(key, { checks: still.join("; ") })] }];
  }
  return [{ kind: "heading", text: [msg("diff.checks")], tone: "strong" }, ...lines.map((text): Block => ({ kind: "paragraph", text }))];
}

function diffPage(d: ModelDiff): ReportDocument {
  const blocks: Block[] = [{ kind: "heading", text: [msg("diff.title.page", { before: [code(d.before)], after: [code(d.after)] })] }];
  if (d.assumptions.length) {
    const head: Row = { role: "head", cells: [[], [msg("diff.column.assumption")], [msg("diff.column.before")], [msg("diff.column.after")]] };
    const rows: Row[] = d.assumptions.map((c) => ({
      role: "line",
      cells: [c.structural ? [msg("diff.structural")] : [], [code(c.path)], c.kind === "added" ? [val({ kind: "none" })] : [code(valueText(c.before))], c.kind === "removed" ? [val({ kind: "none" })] : [code(valueText(c.after))]],
    }));
    blocks.push({ kind: "table", table: { columns: head.cells.map(() => ({ align: "left" as const })), rows: [head, ...rows], split: false, fixed: 1 } });
  }
  for (const s of d.impact.scenarios) {
    blocks.push({ kind: "paragraph", text: [msg("diff.impact.page", { scenario: [code(s.scenario)], currency: d.currency, rate: [val({ kind: "rate", ratio: s.discountRate })], delta: [val(change(s.npv.delta))] })] });
    const head: Row = { role: "head", cells: [[msg("diff.column.line")], ...s.years.map((year) => [val({ kind: "year", year })])] };
    const rows: Row[] = s.lines.map((l) => ({ role: "delta", cells: [[lineLabel(l.scope, l.metric)], ...l.deltas.map((x) => [val(change(x))])] }));
    blocks.push({ kind: "table", table: { columns: [{ align: "left" }, ...s.years.map(() => ({ align: "right" as const }))], rows: [head, ...rows], split: false, fixed: 1 } });
    if (s.scenario === "base") blocks.push(...attributionBlocks(d, "page").filter((b) => b.kind !== "gap"));
  }
  if (d.impact.checks.length || d.impact.lints.length) {
    const items: Text[] = [
      ...d.impact.checks.map((c): Text => [msg("diff.check.page", { mark: [msg(c.after === "failed" ? "check.mark.failed" : "check.mark.passed")], check: c.title, before: [msg(STATUS[c.before])], after: [msg(STATUS[c.after])] })]),
      ...d.impact.lints.map((l): Text => [msg(l.change === "added" ? "diff.lint.added.page" : "diff.lint.removed.page", { code: l.code, message: lintText(l.lint) })]),
    ];
    blocks.push({ kind: "paragraph", text: [msg("diff.checks", undefined, "strong")] }, { kind: "list", items });
  } else {
    const still = d.impact.unchangedFailing;
    blocks.push({ kind: "paragraph", text: [msg(still.length ? "diff.checks.still.page" : "diff.checks.none.page", { checks: still.join("; ") })] });
  }
  return { blocks, minorUnits: d.minorUnits };
}

/** distplan.diff/v1. */
export function diffData(d: ModelDiff): Data {
  const money = (x: Decimal) => new Figure("money", x, d.minorUnits);
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
    impact: d.impact.scenarios.map((s) => ({
      scenario: s.scenario,
      years: [...s.years],
      lines: s.lines.map((l) => ({ scope: l.scope, metric: l.metric, before: l.before.map(money), after: l.after.map(money), delta: l.deltas.map(money) })),
      npv: { before: money(s.npv.before), after: money(s.npv.after), delta: money(s.npv.delta) },
      cumulative_net_profit: { before: money(s.cumulative.before), after: money(s.cumulative.after), delta: money(s.cumulative.delta) },
    })),
    checks: d.impact.checks.map((c) => ({ check: c.title, before: c.before, after: c.after })),
    checks_failing_unchanged: [...d.impact.unchangedFailing],
    lints: d.impact.lints.map((l) => ({ code: l.code, change: l.change, message: new Words(lintText(l.lint)) })),
    ...(d.attribution?.kind === "parts" ? {
      attribution: {
        method: "shapley",
        scenario: "base",
        years: [...d.attribution.years],
        parts: d.attribution.parts.map((p) => ({ label: p.label, paths: [...p.paths], npv: money(p.npv), net_profit: p.netProfit.map(money) })),
        total: { npv: money(d.attribution.total.npv), net_profit: d.attribution.total.netProfit.map(money) },
      },
    } : {}),
  };
  return doc as unknown as Data;
}
