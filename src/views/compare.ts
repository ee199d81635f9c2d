// `distplan compare`: scenarios side by side against base. On a screen: the horizon figures
// (NPV, cumulative net profit) with their change, each metric per year with a delta row under
// every scenario, the best scenario starred, a net-profit sparkline per scenario, the revenue
// mix in the first and last year, and who wins what. On a page: one table of every metric ×
// year to the cent. Also the records (csv) and distplan.report/v1 with a `comparison` (json).
import type { Decimal } from "../money/decimal.js";
import type { Comparison, CompareMetricBlock, CompareRow } from "../engine/compare.js";
import type { Projection } from "../engine/projection-types.js";
import { Figure, code, money, msg, none, raw, val, type Block, type Data, type Dataset, type Piece, type ReportDocument, type Row, type Text, type Value } from "./document.js";
import type { LineField, MessageKey } from "./messages.js";
import { reportData, type Density } from "./report.js";

export interface CompareViewOptions {
  readonly density: Density;
  /** The model's checks that fail in the compared scenarios (screen only). */
  readonly notes?: readonly Text[];
}

const label = (metric: string): Piece => msg(`line.${metric as LineField}`);

function figure(block: CompareMetricBlock, v: Decimal | null | undefined): Value {
  if (v === null || v === undefined) return none;
  if (block.ratio) return { kind: "percent", ratio: v };
  return block.metric === "customers" ? { kind: "count", amount: v } : money(v);
}

function delta(block: CompareMetricBlock, row: CompareRow, i: number, full: boolean): Value | null {
  const d = row.deltas[i];
  if (d === null || d === undefined) return null;
  const of = block.ratio ? "points" : block.metric === "customers" ? "count" : "money";
  const better = d.isZero() ? null : block.lowerIsBetter ? d.isNegative() : d.isPositive();
  return { kind: "delta", of, amount: d, ratio: row.deltaRatios[i] ?? null, better, full };
}

/** Pieces joined by a separator message: a, b, c. */
function joined(items: readonly Text[], sep: MessageKey): Text {
  return items.flatMap((item, i) => (i === 0 ? item : [msg(sep), ...item]));
}

/** "2 scenarios vs base", or vs the scenario given with --against (the first of the comparison). */
function what(n: number, ref = "base"): Piece {
  if (ref !== "base") return n === 2 ? msg("compare.what.one.ref", { ref: [raw(ref)] }) : msg("compare.what.many.ref", { count: String(n - 1), ref: [raw(ref)] });
  if (n === 2) return msg("compare.what.one");
  return msg("compare.what.many", { count: String(n - 1) });
}

/** A label about the reference: base's own words, or the same naming the --against scenario. */
function against(key: "compare.vsBase" | "compare.deltaBase" | "compare.deltaBase.points", ref: string): Piece {
  return ref === "base" ? msg(key, undefined, "muted") : msg(`${key}.ref`, { ref: [raw(ref)] }, "muted");
}

export function compareView(projection: Projection, comparison: Comparison, options: CompareViewOptions): ReportDocument {
  return options.density === "page" ? comparePage(projection, comparison) : compareScreen(projection, comparison, options.notes ?? []);
}

function compareScreen(projection: Projection, comparison: Comparison, notes: readonly Text[]): ReportDocument {
  const ids = comparison.scenarioIds;
  const n = ids.length;
  const first = comparison.years[0]!;
  const last = comparison.years.at(-1)!;
  const scale = comparison.metrics.filter((b) => !b.ratio && b.metric !== "customers").flatMap((b) => b.rows.flatMap((r) => r.values.filter((v): v is Decimal => v !== null)));
  // Non-best values get the same width of blank, so a right-aligned column stays aligned.
  const best = (row: CompareRow, i: number) => (n > 1 ? { best: row.best === i } : {});
  const blocks: Block[] = [
    { kind: "heading", text: [msg("compare.title.screen", { model: projection.name, what: [n === 1 ? msg("compare.what.none") : what(n, ids[0])], currency: projection.currency, unit: [{ unit: true }] })], tone: "strong" },
    { kind: "gap" },
  ];

  // Horizon metrics (NPV, cumulative net profit): scenarios as rows, one column pair per metric.
  const horizon = comparison.metrics.filter((b) => b.rows.length === 1 && b.rows[0]!.year === null);
  const tables: Block[] = [];
  if (horizon.length > 0) {
    // Scenarios may set their own discount rate: one rate in the header only when they agree.
    const npv = projection.commonDiscountRate ? msg("compare.npvAt", { rate: [val({ kind: "rate", ratio: projection.commonDiscountRate })] }, "strong") : msg("compare.npvOwnRate", undefined, "strong");
    const head: Row = {
      role: "head",
      cells: [[], ...horizon.flatMap((b) => [[b.metric === "npv" ? npv : { ...label(b.metric), tone: "strong" as const }], n > 1 ? [against("compare.vsBase", ids[0]!)] : []])],
    };
    const rows: Row[] = ids.map((id, i) => ({
      role: "line",
      cells: [[raw(id)], ...horizon.flatMap((b) => {
        const row = b.rows[0]!;
        const d = delta(b, row, i, true);
        return [[{ value: figure(b, row.values[i]), ...best(row, i) }], d ? [val(d)] : []];
      })],
    }));
    tables.push({ kind: "table", table: { columns: [{ align: "left" }, ...horizon.flatMap(() => [{ align: "right" as const }, { align: "right" as const }])], rows: [head, ...rows], split: false, fixed: 1, group: 2 } });
  }

  // Per-year metrics: years as columns, a row per scenario and its delta to base below it.
  for (const block of comparison.metrics.filter((b) => !horizon.includes(b))) {
    const yearRows = block.rows.filter((r) => r.year !== null);
    const total = block.rows.find((r) => r.year === null);
    const head: Row = {
      role: "head",
      cells: [[{ ...label(block.metric), tone: "strong" }], ...yearRows.map((r) => [val({ kind: "year", year: r.year! })]), ...(total ? [[val({ kind: "period", from: first, to: last })]] : [])],
    };
    const rows: Row[] = [];
    ids.forEach((id, i) => {
      rows.push({
        role: "line",
        indent: 1,
        cells: [[raw(id)], ...yearRows.map((r) => [val(figure(block, r.values[i]))]), ...(total ? [[{ value: figure(block, total.values[i]), ...best(total, i) }]] : [])],
      });
      if (i > 0) {
        const cell = (r: CompareRow, full: boolean): Text => {
          const d = delta(block, r, i, full);
          return d ? [val(d)] : [];
        };
        rows.push({ role: "delta", indent: 2, cells: [[against(block.ratio ? "compare.deltaBase.points" : "compare.deltaBase", ids[0]!)], ...yearRows.map((r) => cell(r, false)), ...(total ? [cell(total, true)] : [])] });
      }
    });
    const columns = head.cells.map((_, c) => ({ align: c === 0 ? ("left" as const) : ("right" as const) }));
    tables.push({ kind: "table", table: { columns, rows: [head, ...rows], split: true, fixed: 1 } });
  }
  tables.forEach((t, i) => blocks.push(...(i > 0 ? [{ kind: "gap" } as const] : []), t));

  // The chart: net profit per year on one scale for all scenarios.
  blocks.push(
    { kind: "gap" },
    { kind: "heading", text: [msg("compare.chart", { from: String(first), to: String(last) }, "strong"), msg("compare.chart.note", undefined, "muted")] },
    {
      kind: "table",
      table: {
        columns: [{ align: "left" }, { align: "left" }, { align: "right" }],
        rows: ids.map((id, i) => {
          const values = comparison.netProfitByYear[i]!;
          return { role: "line", indent: 1, cells: [[raw(id)], [val({ kind: "spark", levels: comparison.netProfitLevels[i]! })], [msg("range", { from: [val(money(values[0]!))], to: [val(money(values.at(-1)!))] })]] };
        }),
        split: false,
        fixed: 1,
      },
    },
  );

  // The revenue mix, first and last year.
  const mixYears = comparison.revenueMix[0]!.map((m) => m.year);
  blocks.push(
    { kind: "gap" },
    { kind: "heading", text: [msg("compare.mix", undefined, "strong"), msg("compare.mix.legend", { legend: [val({ kind: "mixLegend", ids: comparison.channelIds })] }, "muted")] },
    {
      kind: "table",
      table: {
        columns: [{ align: "left" }, ...mixYears.map(() => ({ align: "left" as const }))],
        rows: [
          { role: "head", cells: [[], ...mixYears.map((year) => [val({ kind: "year", year })])] },
          ...ids.map((id, i): Row => ({ role: "line", indent: 1, cells: [[raw(id)], ...comparison.revenueMix[i]!.map((m) => [val(mix(comparison, m.shares))])] })),
        ],
        split: false,
        fixed: 1,
      },
    },
  );

  if (n > 1) blocks.push({ kind: "gap" }, { kind: "paragraph", text: bestText(comparison), wrap: true, indent: "      " });
  if (notes.length) blocks.push({ kind: "gap" }, { kind: "notes", items: notes, tone: "warning", wrap: true });
  return { blocks: [{ kind: "section", scale, blocks }], minorUnits: projection.minorUnits };
}

const mix = (comparison: Comparison, shares: Readonly<Record<string, Decimal | null>>): Value => ({
  kind: "mix",
  parts: comparison.channelIds.map((id) => ({ id, share: shares[id] ?? null })),
});

/** Grouped by winner: "best: webshop-push (revenue, net profit, NPV) · base (contribution margin)". */
function bestText(comparison: Comparison): Text {
  const winners = new Map<string, Text[]>();
  for (const block of comparison.metrics) {
    const horizon = block.rows.at(-1)!;
    const winner = horizon.best === null ? "" : comparison.scenarioIds[horizon.best]!;
    winners.set(winner, [...(winners.get(winner) ?? []), [label(block.metric)]]);
  }
  const groups = [...winners].map(([id, labels]): Text => [msg("compare.best.group", { winner: [id ? raw(id) : msg("compare.allEqual")], metrics: joined(labels, "list.comma") })]);
  return [msg("compare.best", { groups: joined(groups, "list.dot") })];
}

function comparePage(projection: Projection, comparison: Comparison): ReportDocument {
  const ids = comparison.scenarioIds;
  const blocks: Block[] = [{ kind: "heading", text: [msg("compare.title.page", { model: projection.name, what: [what(ids.length, ids[0])], currency: projection.currency })] }];
  const named = ids.slice(1).flatMap((id, k) => {
    const name = comparison.scenarioNames[k + 1];
    return name && name !== id ? [[msg("compare.scenarioNamed", { id: [code(id)], name })]] : [];
  });
  if (named.length) blocks.push({ kind: "list", items: named });
  const head: Row = {
    role: "head",
    cells: [[msg("compare.column.metric")], [msg("compare.column.year")], ...ids.map((id) => [raw(id)]), ...ids.slice(1).map((id) => [msg("compare.column.delta", { id })])],
  };
  const rows: Row[] = [];
  for (const block of comparison.metrics) {
    for (const row of block.rows) {
      const year: Text = row.year !== null ? [val({ kind: "year", year: row.year })] : block.rows.length === 1 ? [msg("compare.horizon")] : [val({ kind: "period", from: comparison.years[0]!, to: comparison.years.at(-1)! })];
      rows.push({
        role: "line",
        cells: [[label(block.metric)], year, ...ids.map((_, i) => [{ value: figure(block, row.values[i]), best: row.best === i }]), ...ids.slice(1).map((_, k) => [val(delta(block, row, k + 1, true) ?? none)])],
      });
    }
  }
  blocks.push({ kind: "table", table: { columns: head.cells.map((_, c) => ({ align: c < 2 ? ("left" as const) : ("right" as const) })), rows: [head, ...rows], split: false, fixed: 2 } });
  const mixHead: Row = { role: "head", cells: [[msg("compare.column.scenario")], ...comparison.revenueMix[0]!.map((m) => [msg("compare.column.mix", { year: String(m.year) })])] };
  const mixRows: Row[] = ids.map((id, i) => ({ role: "line", cells: [[raw(id)], ...comparison.revenueMix[i]!.map((m) => [val(mix(comparison, m.shares))])] }));
  blocks.push({ kind: "table", table: { columns: mixHead.cells.map(() => ({ align: "left" as const })), rows: [mixHead, ...mixRows], split: false, fixed: 1 } });
  return { blocks, minorUnits: projection.minorUnits };
}

// ---- records ----------------------------------------------------------------------------------
const horizonKey = (comparison: Comparison) => `${comparison.years[0]}..${comparison.years.at(-1)}`;

export function compareRecords(comparison: Comparison): Dataset {
  const rows: (Figure | string)[][] = [];
  const ids = comparison.scenarioIds;
  for (const block of comparison.metrics) {
    const kind = block.ratio ? "ratio" : "money";
    const places = block.metric === "customers" ? 2 : comparison.minorUnits;
    for (const row of block.rows) {
      const year = row.year === null ? horizonKey(comparison) : String(row.year);
      ids.forEach((id, i) => {
        rows.push([id, block.metric, year, new Figure(kind, row.values[i] ?? null, places), new Figure(kind, row.deltas[i] ?? null, places), new Figure("ratio", row.deltaRatios[i] ?? null), row.best === i ? "yes" : ""]);
      });
    }
  }
  return { columns: ["scenario", "metric", "year", "value", "delta", "delta_ratio", "best"], rows };
}

function comparisonData(comparison: Comparison): Data {
  const ids = comparison.scenarioIds;
  // Money in the currency's minor unit; customers (a count kept as money-like figures) to 2 decimals.
  const amount = (block: CompareMetricBlock, v: Decimal | null | undefined): Data =>
    block.ratio ? new Figure("ratio", v ?? null) : v ? new Figure("money", v, block.metric === "customers" ? 2 : comparison.minorUnits) : null;
  return {
    base: ids[0]!,
    metrics: comparison.metrics.map((block) => ({
      metric: block.metric,
      rows: block.rows.map((row) => ({
        year: row.year === null ? horizonKey(comparison) : row.year,
        values: Object.fromEntries(ids.map((id, i) => [id, amount(block, row.values[i])])),
        deltas: Object.fromEntries(ids.slice(1).map((id, k) => [id, amount(block, row.deltas[k + 1])])),
        delta_ratios: Object.fromEntries(ids.slice(1).map((id, k) => [id, new Figure("ratio", row.deltaRatios[k + 1] ?? null)])),
        best: row.best === null ? null : ids[row.best]!,
      })),
    })),
    revenue_mix: Object.fromEntries(ids.map((id, i) => [id, Object.fromEntries(comparison.revenueMix[i]!.map((m) => [String(m.year), Object.fromEntries(Object.entries(m.shares).map(([c, v]) => [c, new Figure("ratio", v)]))]))])),
  };
}

/** distplan.report/v1 with the comparison beside the scenarios. */
export function compareData(projection: Projection, comparison: Comparison): Data {
  return reportData(projection, { comparison: comparisonData(comparison) });
}
