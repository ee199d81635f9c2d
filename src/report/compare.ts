// `distplan compare` in every format. The table is for a terminal: base, then each scenario with
// its delta (▲ better, ▼ worse, coloured when colour is on), the best scenario per row starred,
// a net-profit sparkline per scenario and the revenue mix in the first and last year.
import type { Decimal } from "../engine/decimal.js";
import { fixed } from "../engine/decimal.js";
import type { Comparison, CompareMetricBlock, CompareRow } from "../engine/compare.js";
import type { Projection } from "../engine/projection-types.js";
import { columnBlocks, grid, widest, type Align } from "./grid.js";
import {
  LINE_LABELS, UNIT_WORD, wrap, shortPercent, autoUnit, csvField, groupDigits, percent, scaled, signed, signedPercent,
  type NumberStyle, type Paint, type Unit,
} from "./format.js";
import { jsonText, money, ratio, type JsonValue } from "./json-text.js";
import { reportDocument } from "./json.js";
import { mdTable } from "./markdown.js";

export interface CompareTableOptions {
  readonly unit: Unit | "auto";
  readonly width: number;
  readonly paint: Paint;
  readonly style: NumberStyle;
  readonly ascii: boolean;
  /** Lines printed at the end (the model's checks that fail in the compared scenarios), worded. */
  readonly notes?: readonly string[];
}

const SPARK = ["▁", "▂", "▃", "▄", "▅", "▆", "▇", "█"];
const SPARK_ASCII = ["_", ".", "-", "~", "=", "+", "*", "#"];

function valueText(block: CompareMetricBlock, v: Decimal | null, unit: Unit, style: NumberStyle): string {
  if (v === null) return "–";
  if (block.ratio) return percent(v, 1, style);
  if (block.metric === "customers") return groupDigits(v, 0, style);
  return scaled(v, unit, style);
}

function deltaText(block: CompareMetricBlock, row: CompareRow, i: number, unit: Unit, options: CompareTableOptions, withArrow: boolean): string {
  const d = row.deltas[i];
  if (d === null || d === undefined) return "";
  const main = block.ratio ? `${signed(groupDigits(d.times(100), 1, options.style))}pt` : signed(block.metric === "customers" ? groupDigits(d, 0, options.style) : scaled(d, unit, options.style));
  if (d.isZero() || /^[+-]?0([.,]0)?(pt)?$/.test(main)) return options.paint.dim(main.replace(/^[+-]/, ""));
  const better = block.lowerIsBetter ? d.isNegative() : d.isPositive();
  const paint = better ? options.paint.green : options.paint.red;
  if (!withArrow) return paint(main);
  const arrow = options.ascii ? (better ? "^" : "v") : better ? "▲" : "▼";
  const pct = row.deltaRatios[i] ? ` ${signedPercent(row.deltaRatios[i]!, 1, options.style)}` : "";
  return paint(`${main} ${arrow}${pct}`);
}

export function comparisonAsTable(projection: Projection, comparison: Comparison, options: CompareTableOptions): string {
  const moneyValues = comparison.metrics.filter((b) => !b.ratio && b.metric !== "customers").flatMap((b) => b.rows.flatMap((r) => r.values.filter((v): v is Decimal => v !== null)));
  const unit = options.unit === "auto" ? autoUnit(moneyValues) : options.unit;
  // #22: scenarios may set their own discount rate; one rate in the header only when they agree.
  const npvLabel = projection.commonDiscountRate ? `NPV at ${shortPercent(projection.commonDiscountRate, options.style)}` : "NPV (each at own rate)";
  const star = options.ascii ? "*" : "★";
  const ids = comparison.scenarioIds;
  const n = ids.length;
  const first = comparison.years[0]!;
  const last = comparison.years.at(-1)!;
  const horizonLabel = first === last ? String(first) : `${first}–${String(last).slice(-2)}`;
  // Non-best values get the same width of blank, so a right-aligned column stays aligned.
  const mark = (row: CompareRow, i: number) => (n > 1 ? (row.best === i ? ` ${star}` : "  ") : "");
  const sections: string[] = [];

  // Horizon metrics (NPV, cumulative net profit): scenarios as rows, one column pair per metric.
  const horizon = comparison.metrics.filter((b) => b.rows.length === 1 && b.rows[0]!.year === null);
  if (horizon.length > 0) {
    const head = ["", ...horizon.flatMap((b) => [options.paint.bold(b.metric === "npv" ? npvLabel : LINE_LABELS[b.metric] ?? b.metric), n > 1 ? options.paint.dim("vs base") : ""])];
    const rows = ids.map((id, i) => [id, ...horizon.flatMap((b) => [valueText(b, b.rows[0]!.values[i] ?? null, unit, options.style) + mark(b.rows[0]!, i), deltaText(b, b.rows[0]!, i, unit, options, true)])]);
    sections.push(grid([head, ...rows], ["left", ...horizon.flatMap(() => ["right", "left"] as const)]));
  }

  // Per-year metrics: years as columns, a row per scenario and its delta to base below it.
  for (const block of comparison.metrics.filter((b) => !horizon.includes(b))) {
    const yearRows = block.rows.filter((r) => r.year !== null);
    const total = block.rows.find((r) => r.year === null);
    const head = [options.paint.bold(LINE_LABELS[block.metric] ?? block.metric), ...yearRows.map((r) => String(r.year)), ...(total ? [horizonLabel] : [])];
    const body: string[][] = [];
    ids.forEach((id, i) => {
      body.push([`  ${id}`, ...yearRows.map((r) => valueText(block, r.values[i] ?? null, unit, options.style)), ...(total ? [valueText(block, total.values[i] ?? null, unit, options.style) + mark(total, i)] : [])]);
      if (i > 0) body.push([options.paint.dim("    Δ base"), ...yearRows.map((r) => deltaText(block, r, i, unit, options, false)), ...(total ? [deltaText(block, total, i, unit, options, true)] : [])]);
    });
    const rows = [head, ...body];
    const columns = head.length - 1;
    const widths = Array.from({ length: columns }, (_, c) => widest(rows.map((r) => r[c + 1] ?? "")));
    const blocks = columnBlocks(widest(rows.map((r) => r[0]!)), widths, options.width);
    sections.push(blocks.map((cols) => {
      const picked = [0, ...cols.map((c) => c + 1)];
      const aligns: Align[] = picked.map((c, k) => (c === 0 ? "left" : total && c === columns && k > 0 ? "left" : "right"));
      return grid(rows.map((r) => picked.map((c) => r[c] ?? "")), aligns.map((a, k) => (k === 0 ? a : "right")));
    }).join("\n\n"));
  }

  const unitWord = UNIT_WORD[unit];
  const what = n === 1 ? "base only: the model has no scenarios to compare" : `${n - 1} scenario${n === 2 ? "" : "s"} vs base`;
  const title = options.paint.bold(`${projection.name} · ${what} · ${projection.currency}${unitWord ? ` ${unitWord}` : ""}`);
  const closing = [...(n === 1 ? [] : ["", bestLine(comparison, options.width)]), ...(options.notes?.length ? ["", ...options.notes] : [])];
  return [title, "", sections.join("\n\n"), "", chart(comparison, unit, options), "", mixSummary(comparison, options), ...closing].join("\n") + "\n";
}

function chart(comparison: Comparison, unit: Unit, options: CompareTableOptions): string {
  const glyphs = options.ascii ? SPARK_ASCII : SPARK;
  const spark = (levels: readonly number[]) => levels.map((level) => glyphs[level]!).join("");
  const first = comparison.years[0]!;
  const last = comparison.years.at(-1)!;
  const rows = comparison.scenarioIds.map((id, i) => {
    const values = comparison.netProfitByYear[i]!;
    return [`  ${id}`, spark(comparison.netProfitLevels[i]!), `${scaled(values[0]!, unit, options.style)} → ${scaled(values.at(-1)!, unit, options.style)}`];
  });
  return [options.paint.bold(`net profit per year, ${first}–${last}`) + options.paint.dim(" (one scale for all scenarios)"), grid(rows, ["left", "left", "right"])].join("\n");
}

function abbreviations(ids: readonly string[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const id of ids) {
    let len = 1;
    while (ids.some((o) => o !== id && o.slice(0, len) === id.slice(0, len)) && len < id.length) len++;
    out[id] = id.slice(0, len).charAt(0).toUpperCase() + id.slice(1, len);
  }
  return out;
}

function mixSummary(comparison: Comparison, options: CompareTableOptions): string {
  const abbr = abbreviations(comparison.channelIds);
  const mixText = (shares: Readonly<Record<string, Decimal | null>>) =>
    comparison.channelIds.map((id) => `${abbr[id]}${shares[id] ? fixed(shares[id]!.times(100), 0) : "0"}`).join(" ");
  const years = comparison.revenueMix[0]!.map((m) => String(m.year));
  const rows = comparison.scenarioIds.map((id, i) => [`  ${id}`, ...comparison.revenueMix[i]!.map((m) => mixText(m.shares))]);
  const legend = comparison.channelIds.map((id) => `${abbr[id]} ${id}`).join(" · ");
  return [
    options.paint.bold("revenue mix, % per channel") + options.paint.dim(` (${legend})`),
    grid([["", ...years], ...rows], ["left", ...years.map(() => "left" as const)]),
  ].join("\n");
}

function bestLine(comparison: Comparison, width: number): string {
  // Grouped by winner: "best: webshop-push (revenue, net profit, NPV) · base (contrib. margin)".
  const winners = new Map<string, string[]>();
  for (const block of comparison.metrics) {
    const horizon = block.rows.at(-1)!;
    const winner = horizon.best === null ? "all equal" : comparison.scenarioIds[horizon.best]!;
    const label = block.metric === "npv" ? "NPV" : block.metric === "cumulative_net_profit" ? "cum. net profit" : (LINE_LABELS[block.metric] ?? block.metric);
    winners.set(winner, [...(winners.get(winner) ?? []), label]);
  }
  return wrap(`best: ${[...winners].map(([id, labels]) => `${id} (${labels.join(", ")})`).join(" · ")}`, width, "      ");
}

// ---- machine-readable ---------------------------------------------------------------------------
function comparisonJson(comparison: Comparison): JsonValue {
  const ids = comparison.scenarioIds;
  return {
    base: ids[0]!,
    metrics: comparison.metrics.map((block) => ({ block, places: block.metric === "customers" ? 2 : comparison.minorUnits })).map(({ block, places }) => ({
      metric: block.metric,
      rows: block.rows.map((row) => ({
        year: row.year === null ? `${comparison.years[0]}..${comparison.years.at(-1)}` : row.year,
        values: Object.fromEntries(ids.map((id, i) => [id, block.ratio ? ratio(row.values[i] ?? null) : row.values[i] ? money(row.values[i]!, places) : null])),
        deltas: Object.fromEntries(ids.slice(1).map((id, k) => [id, block.ratio ? ratio(row.deltas[k + 1] ?? null) : row.deltas[k + 1] ? money(row.deltas[k + 1]!, places) : null])),
        delta_ratios: Object.fromEntries(ids.slice(1).map((id, k) => [id, ratio(row.deltaRatios[k + 1] ?? null)])),
        best: row.best === null ? null : ids[row.best]!,
      })),
    })),
    revenue_mix: Object.fromEntries(ids.map((id, i) => [id, Object.fromEntries(comparison.revenueMix[i]!.map((m) => [String(m.year), Object.fromEntries(Object.entries(m.shares).map(([c, v]) => [c, ratio(v)]))]))])),
  };
}

export function comparisonAsJson(projection: Projection, comparison: Comparison): string {
  return jsonText(reportDocument(projection, { comparison: comparisonJson(comparison) }));
}

export function comparisonAsCsv(comparison: Comparison): string {
  const lines = ["scenario,metric,year,value,delta,delta_ratio,best"];
  const ids = comparison.scenarioIds;
  for (const block of comparison.metrics) {
    for (const row of block.rows) {
      const year = row.year === null ? `${comparison.years[0]}..${comparison.years.at(-1)}` : String(row.year);
      const places = block.ratio ? 4 : block.metric === "customers" ? 2 : comparison.minorUnits;
      ids.forEach((id, i) => {
        const v = row.values[i];
        const d = row.deltas[i];
        const dr = row.deltaRatios[i];
        lines.push([id, block.metric, year, v ? fixed(v, places) : "", d ? fixed(d, places) : "", dr ? fixed(dr, 4) : "", row.best === i ? "yes" : ""].map(csvField).join(","));
      });
    }
  }
  return lines.join("\n") + "\n";
}

export function comparisonAsMarkdown(projection: Projection, comparison: Comparison, style: NumberStyle): string {
  const ids = comparison.scenarioIds;
  const out: string[] = [`### ${projection.name} — ${ids.length - 1} scenario${ids.length === 2 ? "" : "s"} vs base (${projection.currency})`, ""];
  for (const id of ids.slice(1)) {
    const name = comparison.scenarioNames[ids.indexOf(id)];
    if (name && name !== id) out.push(`- \`${id}\`: ${name}`);
  }
  if (ids.length > 1) out.push("");
  const head = ["metric", "year", ...ids.map((id, i) => (i === 0 ? id : `${id}`)), ...ids.slice(1).map((id) => `Δ ${id}`)];
  const rows: string[][] = [];
  for (const block of comparison.metrics) {
    for (const row of block.rows) {
      const year = row.year === null ? (block.rows.length === 1 ? "horizon" : `${comparison.years[0]}–${comparison.years.at(-1)}`) : String(row.year);
      const fmt = (v: Decimal | null) => (v === null ? "–" : block.ratio ? percent(v, 2, style) : groupDigits(v, 2, style));
      const values = ids.map((_, i) => `${fmt(row.values[i] ?? null)}${row.best === i ? " **★**" : ""}`);
      const deltas = ids.slice(1).map((_, k) => {
        const d = row.deltas[k + 1] ?? null;
        if (d === null) return "–";
        const main = block.ratio ? `${signed(groupDigits(d.times(100), 2, style))} pt` : signed(groupDigits(d, 2, style));
        const dr = row.deltaRatios[k + 1];
        return dr ? `${main} (${signedPercent(dr, 1, style)})` : main;
      });
      rows.push([LINE_LABELS[block.metric] ?? block.metric, year, ...values, ...deltas]);
    }
  }
  out.push(mdTable(head, rows, ["l", "l", ...ids.map(() => "r" as const), ...ids.slice(1).map(() => "r" as const)]), "");
  const mixHead = ["scenario", ...comparison.revenueMix[0]!.map((m) => `revenue mix ${m.year}`)];
  const mixRows = ids.map((id, i) => [id, ...comparison.revenueMix[i]!.map((m) => comparison.channelIds.map((c) => `${c} ${m.shares[c] ? percent(m.shares[c]!, 1, style) : "0%"}`).join(", "))]);
  out.push(mdTable(mixHead, mixRows, ["l", ...mixHead.slice(1).map(() => "l" as const)]), "");
  return out.join("\n");
}
