// `distplan actuals`: plan against actual per channel and line, for a period and its year to
// date, with the variance in money and percent, marked favourable or unfavourable by the sign
// that matters for the line (docs/MODEL.md §14b). Screen, page and distplan.actuals/v1.
import type { VarianceFigure, VarianceLine } from "../engine/variance.js";
import { Figure, msg, raw, val, money, type Block, type Data, type ReportDocument, type Row, type Text } from "./document.js";

export interface ActualsReport {
  readonly model: string;
  readonly scenario: string;
  readonly currency: string;
  readonly minorUnits: number;
  readonly period: string;
  readonly lines: readonly VarianceLine[];
}

const amount = (line: VarianceLine, x: VarianceFigure["plan"]): Text =>
  [val(line.metric === "customers" || line.metric === "new_customers" ? { kind: "count", amount: x } : money(x))];

const change = (line: VarianceLine, f: VarianceFigure): Text => [val({
  kind: "delta", of: line.metric === "customers" || line.metric === "new_customers" ? "count" : "money",
  amount: f.variance, ratio: f.ratio, better: f.favourable, full: true,
}, "signed")];

export function actualsView(r: ActualsReport): ReportDocument {
  const head: Row = {
    role: "head",
    cells: [[], [], [msg("actuals.column.plan", { period: r.period })], [msg("actuals.column.actual")], [msg("actuals.column.variance")], [msg("actuals.column.ytd")]],
  };
  const rows: Row[] = [];
  let previous = "";
  for (const line of r.lines) {
    rows.push({
      role: "line",
      cells: [line.channel === previous ? [] : [raw(line.channel)], [msg(`actuals.metric.${line.metric}`)], amount(line, line.period.plan), amount(line, line.period.actual), change(line, line.period), change(line, line.yearToDate)],
    });
    previous = line.channel;
  }
  const blocks: Block[] = [
    { kind: "heading", text: [msg("actuals.title", { model: r.model, scenario: r.scenario, period: r.period, currency: r.currency })], tone: "strong" },
    rows.length === 0
      ? { kind: "paragraph", text: [msg("actuals.none")] }
      : { kind: "table", table: { columns: [{ align: "left" }, { align: "left" }, { align: "right" }, { align: "right" }, { align: "right" }, { align: "right" }], rows: [head, ...rows], split: false, fixed: 2 } },
    { kind: "paragraph", text: [msg("actuals.legend")], tone: "muted", wrap: true },
  ];
  return { blocks, minorUnits: r.minorUnits };
}

/** distplan.actuals/v1: every figure exact, variance ratios as fractions. */
export function actualsData(r: ActualsReport): Data {
  const figure = (line: VarianceLine, f: VarianceFigure): Data => {
    const kind = line.metric === "customers" || line.metric === "new_customers" ? "count" : "money";
    return {
      plan: new Figure(kind, f.plan, r.minorUnits), actual: new Figure(kind, f.actual, r.minorUnits), variance: new Figure(kind, f.variance, r.minorUnits),
      variance_ratio: new Figure("ratio", f.ratio), favourable: f.favourable,
    };
  };
  return {
    format: "distplan.actuals/v1",
    model: r.model, scenario: r.scenario, currency: r.currency, period: r.period,
    lines: r.lines.map((l) => ({ channel: l.channel, metric: l.metric, period: figure(l, l.period), year_to_date: figure(l, l.yearToDate) })),
  };
}
