// `distplan compare --shift`: where revenue, customers and contribution move between channels and
// segments, per scenario against the reference, over the horizon — "the webshop gains 9.6M, the
// installers lose 8.1M in MKB, net +1.5M" on one screen. Screen, page and records.
import type { Decimal } from "../money/decimal.js";
import type { ScenarioShift, ShiftFigures } from "../engine/shift.js";
import { Figure, code, msg, raw, val, type Block, type Data, type Dataset, type Piece, type ReportDocument, type Row, type Text, type Value } from "./document.js";

export interface ShiftContext {
  readonly model: string;
  readonly currency: string;
  readonly minorUnits: number;
  readonly from: number;
  readonly to: number;
}

const change = (amount: Decimal, of: "money" | "count" = "money"): Value => ({ kind: "delta", of, amount, ratio: null, better: amount.isZero() ? null : amount.isPositive(), full: false });

function cells(f: ShiftFigures): Text[] {
  return [[val(change(f.revenue))], [val(change(f.customers, "count"))], [val(change(f.contribution))]];
}

/** The largest gain and loss of revenue among the channel × segment cells, and the net. */
function summary(s: ScenarioShift): Text {
  const items = s.channels.flatMap((c) => c.segments.map((g) => ({ channel: c.channel, segment: g.segment, revenue: g.revenue })));
  const gain = items.reduce<(typeof items)[number] | null>((best, x) => (x.revenue.greaterThan(0) && (!best || x.revenue.greaterThan(best.revenue)) ? x : best), null);
  const loss = items.reduce<(typeof items)[number] | null>((worst, x) => (x.revenue.lessThan(0) && (!worst || x.revenue.lessThan(worst.revenue)) ? x : worst), null);
  const where = (x: (typeof items)[number]) => [code(x.channel), msg("list.dot"), code(x.segment)];
  const parts: Piece[] = [];
  if (gain) parts.push(msg("shift.gain", { where: where(gain), amount: [val(change(gain.revenue))] }), msg("list.semicolon"));
  if (loss) parts.push(msg("shift.loss", { where: where(loss), amount: [val(change(loss.revenue))] }), msg("list.semicolon"));
  parts.push(msg("shift.net", { amount: [val(change(s.total.revenue))] }));
  return parts;
}

export function shiftView(shifts: readonly ScenarioShift[], c: ShiftContext, density: "screen" | "page", charts = false): ReportDocument {
  const page = density === "page";
  const blocks: Block[] = [];
  for (const s of shifts) {
    const scale = s.channels.flatMap((ch) => [ch.revenue, ch.contribution, ...ch.segments.flatMap((g) => [g.revenue, g.contribution])]);
    const head: Row = { role: "head", cells: [[], [msg("shift.column.revenue")], [msg("shift.column.customers", { year: String(c.to) })], [msg("shift.column.contribution")]] };
    const rows: Row[] = [];
    for (const ch of s.channels) {
      rows.push({ role: "line", cells: [[page ? code(ch.channel) : raw(ch.channel, "strong")], ...cells(ch)] });
      for (const g of ch.segments) rows.push({ role: "line", indent: 1, cells: [[page ? code(g.segment) : raw(g.segment)], ...cells(g)] });
    }
    rows.push({ role: "total", cells: [[msg("total")], ...cells(s.total)] });
    blocks.push(
      { kind: "heading", text: [msg(page ? "shift.title.page" : "shift.title.screen", { model: c.model, scenario: [code(s.scenario)], reference: [code(s.reference)], from: String(c.from), to: String(c.to), currency: c.currency, unit: [{ unit: true }] })], tone: "strong" },
      ...(charts ? [shiftChart(s, c)] : []),
      { kind: "section", scale, blocks: [
        { kind: "table", table: { columns: [{ align: "left" }, { align: "right" }, { align: "right" }, { align: "right" }], rows: [head, ...rows], split: false, fixed: 1 } },
        { kind: "paragraph", text: summary(s) },
      ] },
    );
    if (!page) blocks.push({ kind: "gap" });
  }
  if (shifts.length > 0) blocks.push({ kind: "paragraph", text: [msg("shift.legend")], tone: "muted" });
  return { blocks, minorUnits: c.minorUnits };
}

/** A scenario's change per channel (revenue and contribution over the horizon) as a chart. */
function shiftChart(s: ScenarioShift, c: ShiftContext): Block {
  return {
    kind: "chart",
    chart: {
      type: "grouped",
      value: "money",
      title: [msg("shift.chart", { scenario: [code(s.scenario)], reference: [code(s.reference)], from: String(c.from), to: String(c.to) })],
      description: [msg("shift.chart.desc")],
      categories: s.channels.map((ch) => [code(ch.channel)]),
      series: [
        { label: [msg("shift.column.revenue")], values: s.channels.map((ch) => ch.revenue) },
        { label: [msg("shift.column.contribution")], values: s.channels.map((ch) => ch.contribution) },
      ],
    },
  };
}

/** `compare --shift --format html`: the page view with each scenario's chart under its heading. */
export const chartedShift = (shifts: readonly ScenarioShift[], c: ShiftContext): ReportDocument => shiftView(shifts, c, "page", true);

export function shiftData(shifts: readonly ScenarioShift[], c: ShiftContext): Data {
  const money = (x: Decimal) => new Figure("money", x, c.minorUnits);
  const figures = (f: ShiftFigures) => ({ revenue: money(f.revenue), customers: new Figure("count", f.customers), contribution: money(f.contribution) });
  return {
    format: "distplan.shift/v1",
    model: c.model,
    currency: c.currency,
    years: [c.from, c.to],
    shifts: shifts.map((s) => ({
      scenario: s.scenario,
      reference: s.reference,
      channels: s.channels.map((ch) => ({ channel: ch.channel, ...figures(ch), segments: ch.segments.map((g) => ({ segment: g.segment, revenue: money(g.revenue), customers: new Figure("count", g.customers), cm1: money(g.contribution) })) })),
      total: figures(s.total),
    })),
  } as unknown as Data;
}

export function shiftRecords(shifts: readonly ScenarioShift[], c: ShiftContext): Dataset {
  const rows: (Figure | string)[][] = [];
  const money = (x: Decimal) => new Figure("money", x, c.minorUnits);
  for (const s of shifts) {
    for (const ch of s.channels) {
      rows.push([s.scenario, s.reference, ch.channel, "", money(ch.revenue), new Figure("count", ch.customers), money(ch.contribution)]);
      for (const g of ch.segments) rows.push([s.scenario, s.reference, ch.channel, g.segment, money(g.revenue), new Figure("count", g.customers), money(g.contribution)]);
    }
    rows.push([s.scenario, s.reference, "total", "", money(s.total.revenue), new Figure("count", s.total.customers), money(s.total.contribution)]);
  }
  return { columns: ["scenario", "reference", "channel", "segment", "revenue", "customers", "contribution_or_cm1"], rows };
}
