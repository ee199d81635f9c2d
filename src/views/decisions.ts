// The decision tools' documents: `distplan sensitivity` (a ranked tornado of the levers) and
// `distplan solve` (the value of a lever that reaches a target). Screen, page and records.
import type { Decimal } from "../money/decimal.js";
import type { MetricScope, SensitivityResult } from "../engine/sensitivity.js";
import { isRatioMetric } from "../engine/sensitivity.js";
import type { SolveOutcome } from "../engine/solve.js";
import type { LeverKind } from "../engine/levers.js";
import { Figure, code, money, msg, none, raw, val, type Block, type Data, type Dataset, type Piece, type ReportDocument, type Row, type Text, type Value } from "./document.js";
import type { LineField } from "./messages.js";

export interface DecisionContext {
  readonly model: string;
  readonly scenario: string;
  readonly currency: string;
  readonly minorUnits: number;
}

/** Eighths of a character in the longest tornado bar. */
const BAR_EIGHTHS = 16 * 8;

const metricValue = (scope: MetricScope, v: Decimal | null): Value =>
  v === null ? none : isRatioMetric(scope.metric) ? { kind: "percent", ratio: v } : scope.metric === "customers" ? { kind: "count", amount: v } : money(v);

/** "contribution margin · partners · 2027" or "NPV" (the metric in its scope, in words). */
export function scopeText(scope: MetricScope): Text {
  const parts: Piece[] = [msg(`line.${scope.metric as LineField}`)];
  if (scope.channel) parts.push(msg("list.dot"), code(scope.channel));
  if (scope.segment) parts.push(msg("list.dot"), code(scope.segment));
  parts.push(msg("list.dot"), scope.year === null ? msg("decide.horizon") : raw(String(scope.year)));
  return parts;
}

const leverValue = (kind: LeverKind, v: Decimal): Value => (kind === "money" ? money(v) : kind === "count" ? { kind: "count", amount: v } : { kind: "percent", ratio: v, places: 2 });

export function sensitivityView(r: SensitivityResult, c: DecisionContext, density: "screen" | "page"): ReportDocument {
  const page = density === "page";
  const longest = r.rows.reduce((m, x) => (x.swing.abs().greaterThan(m) ? x.swing.abs() : m), r.rows[0]?.swing.abs() ?? r.step);
  const stepText: Text = [val({ kind: "percent", ratio: r.step, places: 0 })];
  const blocks: Block[] = [
    { kind: "heading", text: [msg(page ? "decide.sensitivity.title.page" : "decide.sensitivity.title.screen", { model: c.model, scenario: [code(c.scenario)], metric: scopeText(r.scope), currency: c.currency, unit: [{ unit: true }] })], tone: "strong" },
    { kind: "paragraph", text: [msg("decide.sensitivity.about", { step: stepText, base: [val(metricValue(r.scope, r.base))] })], tone: "muted" },
  ];
  const head: Row = {
    role: "head",
    cells: [[], [msg("decide.column.input")], [msg(isRatioMetric(r.scope.metric) ? "decide.column.swing.points" : "decide.column.swing")], page ? [] : [msg("decide.column.tornado")], [msg("decide.column.low", { step: stepText })], [msg("decide.column.high", { step: stepText })], [msg("decide.column.elasticity")]],
  };
  const rows: Row[] = r.rows.map((x, i) => ({
    role: "line",
    cells: [
      [raw(String(i + 1))],
      [code(x.lever.path), ...(x.capped ? [msg("decide.capped", undefined, "muted")] : [])],
      [val(isRatioMetric(r.scope.metric) ? { kind: "delta", of: "points", amount: x.swing, ratio: null, better: null, full: false } : metricValue(r.scope, x.swing), "signed")],
      page ? [] : [val({ kind: "bar", eighths: longest.isZero() ? 0 : x.swing.abs().times(BAR_EIGHTHS).dividedBy(longest).round().toNumber() })],
      [val(metricValue(r.scope, x.low))],
      [val(metricValue(r.scope, x.high))],
      [val(x.elasticity === null ? none : { kind: "count", amount: x.elasticity, places: 2 })],
    ],
  }));
  const scale: Decimal[] = r.rows.flatMap((x) => [x.low, x.high, x.swing].filter((v): v is Decimal => v !== null && !isRatioMetric(r.scope.metric)));
  blocks.push({ kind: "section", scale, blocks: [{ kind: "table", table: { columns: [{ align: "right" }, { align: "left" }, { align: "right" }, { align: "left" }, { align: "right" }, { align: "right" }, { align: "right" }], rows: [head, ...rows], split: false, fixed: 2 } }] });
  const breaking = r.rows.filter((x) => x.breaks.length > 0);
  if (breaking.length > 0) blocks.push({ kind: "notes", tone: "warning", wrap: true, items: breaking.map((x) => [msg("decide.breaks", { input: [code(x.lever.path)], checks: x.breaks.join("; "), step: stepText })]) });
  if (r.rows.some((x) => x.capped)) blocks.push({ kind: "paragraph", text: [msg("decide.capped.legend")], tone: "muted" });
  return { blocks, minorUnits: c.minorUnits };
}

const figureOf = (scope: MetricScope, v: Decimal | null, places: number) =>
  new Figure(isRatioMetric(scope.metric) ? "ratio" : scope.metric === "customers" ? "count" : "money", v, places);

export function sensitivityData(r: SensitivityResult, c: DecisionContext): Data {
  return {
    format: "distplan.sensitivity/v1",
    model: c.model,
    scenario: c.scenario,
    currency: c.currency,
    metric: r.scope.metric,
    channel: r.scope.channel,
    segment: r.scope.segment ?? null,
    year: r.scope.year,
    step: new Figure("ratio", r.step),
    base: figureOf(r.scope, r.base, c.minorUnits),
    inputs: r.rows.map((x) => ({
      path: x.lever.path,
      kind: x.lever.kind,
      low: figureOf(r.scope, x.low, c.minorUnits),
      high: figureOf(r.scope, x.high, c.minorUnits),
      swing: figureOf(r.scope, x.swing, c.minorUnits),
      elasticity: x.elasticity === null ? null : new Figure("ratio", x.elasticity),
      capped: x.capped,
      breaks: [...x.breaks],
    })),
  };
}

export function sensitivityRecords(r: SensitivityResult, c: DecisionContext): Dataset {
  return {
    columns: ["rank", "input", "kind", "low", "high", "swing", "elasticity", "capped", "breaks"],
    rows: r.rows.map((x, i) => [String(i + 1), x.lever.path, x.lever.kind, figureOf(r.scope, x.low, c.minorUnits), figureOf(r.scope, x.high, c.minorUnits), figureOf(r.scope, x.swing, c.minorUnits), new Figure("ratio", x.elasticity), x.capped ? "yes" : "", x.breaks.join("; ")]),
  };
}

// ---- solve ---------------------------------------------------------------------------------------

export function solveView(o: SolveOutcome, scope: MetricScope, target: Decimal, c: DecisionContext): ReportDocument {
  const kind = o.lever.kind;
  const blocks: Block[] = [
    { kind: "heading", text: [msg("decide.solve.title", { model: c.model, scenario: [code(c.scenario)], input: [code(o.lever.path)], metric: scopeText(scope), target: [val(metricValue(scope, target))] })], tone: "strong" },
  ];
  if (o.kind === "solved") {
    blocks.push({
      kind: "table",
      table: {
        columns: [{ align: "left" }, { align: "right" }],
        rows: [
          { role: "line", cells: [[msg("decide.solve.planned", { input: [code(o.lever.path)] })], [val(o.lever.values.length === 1 || o.lever.values.every((v) => v.equals(o.lever.values[0]!)) ? leverValue(kind, o.lever.values[0]!) : { kind: "none" })]] },
          { role: "total", cells: [[msg("decide.solve.answer", { input: [code(o.lever.path)] })], [val(leverValue(kind, o.value))]] },
          { role: "line", cells: [[msg("decide.solve.metricPlanned")], [val(metricValue(scope, o.planned))]] },
          { role: "total", cells: [[msg("decide.solve.achieved")], [val(metricValue(scope, o.achieved))]] },
        ],
        split: false,
        fixed: 1,
      },
    });
    blocks.push({ kind: "paragraph", text: [msg("decide.solve.check", { set: [code(`--set ${o.lever.path}=${setText(kind, o.value)}`)] })], tone: "muted" });
  } else {
    blocks.push({ kind: "paragraph", text: [msg("decide.solve.unreachable", { low: [val(leverValue(kind, o.low))], high: [val(leverValue(kind, o.high))], atLow: [val(metricValue(scope, o.atLow))], atHigh: [val(metricValue(scope, o.atHigh))] })] });
  }
  if (!o.monotone) blocks.push({ kind: "notes", tone: "warning", wrap: true, items: [[msg("decide.solve.notMonotone")]] });
  return { blocks, minorUnits: c.minorUnits };
}

/** The value as a `--set` would write it: a percentage with its sign, an amount plainly. */
export function setText(kind: LeverKind, v: Decimal): string {
  return kind === "rate" || kind === "share" ? `${v.times(100).toFixed()}%` : v.toFixed();
}

/** One row: the question and its answer (status solved or unreachable). */
export function solveRecords(o: SolveOutcome, scope: MetricScope, target: Decimal, c: DecisionContext): Dataset {
  const lever = (v: Decimal | null) => new Figure(o.lever.kind === "money" ? "money" : o.lever.kind === "count" ? "count" : "ratio", v, c.minorUnits);
  const solved = o.kind === "solved";
  return {
    columns: ["scenario", "input", "metric", "channel", "segment", "year", "target", "status", "value", "achieved", "planned", "monotone"],
    rows: [[c.scenario, o.lever.path, scope.metric, scope.channel ?? "", scope.segment ?? "", scope.year === null ? "" : String(scope.year), figureOf(scope, target, c.minorUnits), o.kind, lever(solved ? o.value : null), figureOf(scope, solved ? o.achieved : null, c.minorUnits), figureOf(scope, o.planned, c.minorUnits), o.monotone ? "yes" : "no"]],
  };
}

export function solveData(o: SolveOutcome, scope: MetricScope, target: Decimal, c: DecisionContext): Data {
  const lever = (v: Decimal | null) => (v === null ? null : new Figure(o.lever.kind === "money" ? "money" : o.lever.kind === "count" ? "count" : "ratio", v, c.minorUnits));
  const common = {
    format: "distplan.solve/v1",
    model: c.model,
    scenario: c.scenario,
    input: o.lever.path,
    metric: scope.metric,
    channel: scope.channel,
    segment: scope.segment ?? null,
    year: scope.year,
    target: figureOf(scope, target, c.minorUnits),
    monotone: o.monotone,
  };
  if (o.kind === "solved") return { ...common, status: "solved", value: lever(o.value), achieved: figureOf(scope, o.achieved, c.minorUnits), planned: figureOf(scope, o.planned, c.minorUnits) };
  return { ...common, status: "unreachable", range: [lever(o.low), lever(o.high)], at_low: figureOf(scope, o.atLow, c.minorUnits), at_high: figureOf(scope, o.atHigh, c.minorUnits), planned: figureOf(scope, o.planned, c.minorUnits) };
}
