// `distplan actuals`: plan against actual per channel, segment or both and line, for a period and
// its year to date, with the variance in money and percent, marked favourable or unfavourable by
// the sign that matters for the line; with --pvm the revenue and contribution variance of each
// channel and the total split into volume, mix and price (docs/MODEL.md "Actuals").
// Screen, page and distplan.actuals/v1.
import type { PvmRow, PvmTable, VarianceBy, VarianceFigure, VarianceLine } from "../engine/variance.js";
import type { ReforecastBase } from "../engine/reforecast.js";
import type { Decimal } from "../money/decimal.js";
import { Figure, msg, raw, val, money, type Block, type Data, type Dataset, type ReportDocument, type Row, type Text } from "./document.js";

export interface ActualsReport {
  readonly model: string;
  readonly scenario: string;
  readonly currency: string;
  readonly minorUnits: number;
  readonly period: string;
  readonly by: VarianceBy;
  /** Whether the model's seasonality shaped the plan of partial periods. */
  readonly seasonal?: boolean;
  readonly lines: readonly VarianceLine[];
  /** Present with --pvm: revenue, then contribution. */
  readonly pvm?: readonly PvmTable[];
  /** Present with --reforecast. */
  readonly reforecast?: ReforecastReport;
}

export interface HorizonLine {
  /** null for the total. */
  readonly channel: string | null;
  readonly figure: "npv" | "cumulative_net_profit";
  readonly plan: Decimal;
  readonly reforecast: Decimal;
}

export interface ReforecastReport {
  /** The anchor period: the latest with customers per channel and segment. */
  readonly period: string;
  /** The scenario id it is written as. */
  readonly id: string;
  readonly bases: readonly ReforecastBase[];
  readonly horizon: readonly HorizonLine[];
  /** The file written with --write, if any. */
  readonly written: string | null;
}

const isCount = (line: VarianceLine) => line.metric === "customers" || line.metric === "new_customers";

const amount = (line: VarianceLine, x: VarianceFigure["plan"]): Text =>
  [val(isCount(line) ? { kind: "count", amount: x } : money(x))];

const change = (line: VarianceLine, f: VarianceFigure): Text => [val({
  kind: "delta", of: isCount(line) ? "count" : "money",
  amount: f.variance, ratio: f.ratio, better: f.favourable, full: true,
}, "signed")];

/** What a row is about: the channel, the segment, or `channel · segment`. */
export const scopeLabel = (line: { channel: string | null; segment: string | null }): string =>
  [line.channel, line.segment].filter((x): x is string => x !== null).join(" · ");

function pvmBlocks(r: ActualsReport, table: PvmTable): Block[] {
  const head: Row = {
    role: "head",
    cells: [[], [msg("actuals.pvm.customers_plan")], [msg("actuals.pvm.customers_actual")], [msg("actuals.pvm.plan")], [msg("actuals.column.actual")], [msg("actuals.column.variance")], [msg("actuals.pvm.volume")], [msg("actuals.pvm.mix")], [msg("actuals.pvm.price")]],
  };
  const line = (x: PvmRow, role: Row["role"]): Row => ({
    role,
    cells: [
      x.channel === "total" ? [msg("actuals.pvm.total")] : [raw(x.channel)],
      [val({ kind: "count", amount: x.volume.plan })], [val({ kind: "count", amount: x.volume.actual })],
      [val(money(x.amount.plan))], [val(money(x.amount.actual))],
      [val(money(x.part.variance), "signed")], [val(money(x.part.volume), "signed")], [val(money(x.part.mix), "signed")], [val(money(x.part.price), "signed")],
    ],
  });
  return [
    { kind: "heading", text: [msg(`actuals.pvm.title.${table.amount}`, { period: r.period })] },
    { kind: "table", table: { columns: [{ align: "left" }, ...Array.from({ length: 8 }, () => ({ align: "right" as const }))], rows: [head, ...table.rows.map((x) => line(x, "line")), line(table.total, "total")], split: false, fixed: 1 } },
  ];
}

export function actualsView(r: ActualsReport): ReportDocument {
  const head: Row = {
    role: "head",
    cells: [[], [], [msg("actuals.column.plan", { period: r.period })], [msg("actuals.column.actual")], [msg("actuals.column.variance")], [msg("actuals.column.ytd")]],
  };
  const rows: Row[] = [];
  let previous = "";
  for (const line of r.lines) {
    const label = scopeLabel(line);
    rows.push({
      role: "line",
      cells: [label === previous ? [] : [raw(label)], [msg(`actuals.metric.${line.metric}`)], amount(line, line.period.plan), amount(line, line.period.actual), change(line, line.period), change(line, line.yearToDate)],
    });
    previous = label;
  }
  const blocks: Block[] = [
    { kind: "heading", text: [msg("actuals.title", { model: r.model, scenario: r.scenario, period: r.period, currency: r.currency })], tone: "strong" },
    rows.length === 0
      ? { kind: "paragraph", text: [msg("actuals.none")] }
      : { kind: "table", table: { columns: [{ align: "left" }, { align: "left" }, { align: "right" }, { align: "right" }, { align: "right" }, { align: "right" }], rows: [head, ...rows], split: false, fixed: 2 } },
    { kind: "paragraph", text: [msg(r.seasonal ? "actuals.legend.seasonal" : "actuals.legend")], tone: "muted", wrap: true },
  ];
  if (r.pvm) {
    for (const t of r.pvm) blocks.push(...pvmBlocks(r, t));
    blocks.push({ kind: "paragraph", text: [msg("actuals.pvm.legend")], tone: "muted", wrap: true });
  }
  if (r.reforecast) blocks.push(...reforecastBlocks(r.reforecast));
  return { blocks, minorUnits: r.minorUnits };
}

function reforecastBlocks(f: ReforecastReport): Block[] {
  const delta = (plan: Decimal, now: Decimal, of: "money" | "count"): Text =>
    [val({ kind: "delta", of, amount: now.minus(plan), ratio: plan.isZero() ? null : now.minus(plan).div(plan.abs()), better: now.eq(plan) ? null : now.gt(plan), full: true }, "signed")];
  const head = (first: Text): Row => ({ role: "head", cells: [first, [msg("actuals.reforecast.plan")], [msg("actuals.reforecast.new")], [msg("actuals.column.variance")]] });
  const right = [{ align: "left" as const }, { align: "right" as const }, { align: "right" as const }, { align: "right" as const }];
  const bases: Row[] = f.bases.map((b) => ({ role: "line", cells: [[raw(b.segment)], [val({ kind: "count", amount: b.plan })], [val({ kind: "count", amount: b.actual })], delta(b.plan, b.actual, "count")] }));
  const horizon: Row[] = f.horizon.map((h) => ({
    role: h.channel === null ? "total" : "line",
    cells: [[msg(`actuals.reforecast.${h.figure}`, { scope: h.channel === null ? [msg("total")] : h.channel })], [val(money(h.plan))], [val(money(h.reforecast))], delta(h.plan, h.reforecast, "money")],
  }));
  return [
    { kind: "heading", text: [msg("actuals.reforecast.title", { period: f.period, id: f.id })] },
    { kind: "table", table: { columns: right, rows: [head([msg("actuals.reforecast.base")]), ...bases], split: false, fixed: 1 } },
    { kind: "table", table: { columns: right, rows: [head([]), ...horizon], split: false, fixed: 1 } },
    { kind: "paragraph", text: [msg(f.written === null ? "actuals.reforecast.legend" : "actuals.reforecast.written", { file: f.written ?? "", id: f.id })], tone: "muted", wrap: true },
  ];
}

/** distplan.actuals/v1: every figure exact, variance ratios as fractions. */
export function actualsData(r: ActualsReport): Data {
  const figure = (line: VarianceLine, f: VarianceFigure): Data => {
    const kind = isCount(line) ? "count" : "money";
    return {
      plan: new Figure(kind, f.plan, r.minorUnits), actual: new Figure(kind, f.actual, r.minorUnits), variance: new Figure(kind, f.variance, r.minorUnits),
      variance_ratio: new Figure("ratio", f.ratio), favourable: f.favourable,
    };
  };
  const m = (x: PvmRow["part"]["volume"]) => new Figure("money", x, r.minorUnits);
  const c = (x: PvmRow["part"]["volume"]) => new Figure("count", x, r.minorUnits);
  const pvmRow = (x: PvmRow): Data => ({
    channel: x.channel,
    customers: { plan: c(x.volume.plan), actual: c(x.volume.actual) },
    plan: m(x.amount.plan), actual: m(x.amount.actual),
    variance: m(x.part.variance), volume: m(x.part.volume), mix: m(x.part.mix), price: m(x.part.price),
  });
  const scope = (l: VarianceLine): Record<string, string> =>
    r.by === "channel" ? { channel: l.channel! } : r.by === "segment" ? { segment: l.segment! } : { channel: l.channel!, segment: l.segment! };
  return {
    format: "distplan.actuals/v1",
    model: r.model, scenario: r.scenario, currency: r.currency, period: r.period,
    ...(r.by === "channel" ? {} : { by: r.by }),
    lines: r.lines.map((l) => ({ ...scope(l), metric: l.metric, period: figure(l, l.period), year_to_date: figure(l, l.yearToDate) })),
    ...(r.reforecast ? {
      reforecast: {
        period: r.reforecast.period, scenario: r.reforecast.id, written: r.reforecast.written,
        customer_base: r.reforecast.bases.map((b) => ({ segment: b.segment, plan: new Figure("count", b.plan, 2), actual: new Figure("count", b.actual, 2) })),
        horizon: r.reforecast.horizon.map((h) => ({ channel: h.channel, figure: h.figure, plan: m(h.plan), reforecast: m(h.reforecast) })),
      },
    } : {}),
    ...(r.pvm ? { price_volume_mix: Object.fromEntries(r.pvm.map((t) => [t.amount, { channels: t.rows.map(pvmRow), total: pvmRow(t.total) }])) } : {}),
  };
}

/**
 * Tidy CSV records: one figure a row. `section` is variance, pvm (with metric revenue or
 * contribution) or reforecast; `span` period or year_to_date; `figure` what the value is.
 */
export function actualsRecords(r: ActualsReport): Dataset {
  const rows: (Figure | string)[][] = [];
  const places = r.minorUnits;
  const m = (d: Decimal) => new Figure("money", d, places);
  const c = (d: Decimal) => new Figure("count", d, 2);
  for (const l of r.lines) {
    const kind = isCount(l) ? "count" : "money";
    for (const [span, f] of [["period", l.period], ["year_to_date", l.yearToDate]] as const) {
      const row = (figure: string, v: Figure) => rows.push(["variance", r.period, span, l.channel ?? "", l.segment ?? "", l.metric, figure, v]);
      row("plan", new Figure(kind, f.plan, places));
      row("actual", new Figure(kind, f.actual, places));
      row("variance", new Figure(kind, f.variance, places));
      row("variance_ratio", new Figure("ratio", f.ratio));
    }
  }
  for (const t of r.pvm ?? []) {
    for (const x of [...t.rows, t.total]) {
      const row = (figure: string, v: Figure) => rows.push(["pvm", r.period, "period", x.channel, "", t.amount, figure, v]);
      row("customers_plan", c(x.volume.plan)); row("customers_actual", c(x.volume.actual));
      row("plan", m(x.amount.plan)); row("actual", m(x.amount.actual));
      row("variance", m(x.part.variance)); row("volume", m(x.part.volume)); row("mix", m(x.part.mix)); row("price", m(x.part.price));
    }
  }
  if (r.reforecast) {
    for (const b of r.reforecast.bases) {
      rows.push(["reforecast", r.reforecast.period, "", "", b.segment, "customers", "plan", c(b.plan)]);
      rows.push(["reforecast", r.reforecast.period, "", "", b.segment, "customers", "reforecast", c(b.actual)]);
    }
    for (const h of r.reforecast.horizon) {
      rows.push(["reforecast", r.reforecast.period, "", h.channel ?? "total", "", h.figure, "plan", m(h.plan)]);
      rows.push(["reforecast", r.reforecast.period, "", h.channel ?? "total", "", h.figure, "reforecast", m(h.reforecast)]);
    }
  }
  return { columns: ["section", "period", "span", "channel", "segment", "metric", "figure", "value"], rows };
}
