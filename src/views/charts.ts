// Charts for the HTML report (#16): the figures each picture shows, as chart blocks with their
// titles and descriptions. Only the HTML renderer draws them (as SVG, with the data as a table);
// the figures are the engine's, footed, so a chart agrees with the P&L tables to the cent.
import { quotient, type Decimal } from "../money/decimal.js";
import type { Comparison } from "../engine/compare.js";
import type { Projection, ScenarioProjection } from "../engine/projection-types.js";
import { code, money, msg, raw, val, type Block, type Chart, type ReportDocument, type Row, type Text } from "./document.js";
import { isRatioMetric, type SensitivityResult } from "../engine/sensitivity.js";
import { scopeText } from "./decisions.js";

const yearCats = (projection: Projection): Text[] => projection.years.map((year) => [val({ kind: "year", year })]);

/** The plan's key figures, one row per scenario: NPV, cumulative net profit, and the last year's revenue and net profit. */
export function keyFigures(projection: Projection): Block[] {
  const last = projection.years.at(-1)!;
  const lastYear = (line: "revenue" | "net_profit"): Text => [msg("chart.column.lastYear", { line: [msg(`line.${line}`)], year: String(last) })];
  const head: Row = { role: "head", cells: [[msg("chart.column.scenario")], [msg("line.npv")], [msg("line.cumulative_net_profit")], lastYear("revenue"), lastYear("net_profit")] };
  const rows: Row[] = projection.scenarios.map((s) => {
    const total = s.years.at(-1)!.total;
    return { role: "line", cells: [[code(s.id)], [val(money(s.npv), "signed")], [val(money(s.cumulativeNetProfit), "signed")], [val(money(total.revenue), "signed")], [val(money(total.net_profit), "signed")]] };
  });
  return [
    { kind: "heading", text: [msg("chart.keyFigures", { model: projection.name, currency: projection.currency })] },
    { kind: "table", table: { columns: [{ align: "left" }, { align: "right" }, { align: "right" }, { align: "right" }, { align: "right" }], rows: [head, ...rows], split: false, fixed: 1 } },
  ];
}

function chart(c: Chart): Block {
  return { kind: "chart", chart: c };
}

/** A scenario's charts: revenue per channel (stacked), net profit per channel, the channel mix
 *  per segment and contribution against allocated net profit (both in the last year). */
export function scenarioCharts(projection: Projection, s: ScenarioProjection): Block[] {
  const scenario = [code(s.id)];
  const from = String(projection.years[0]);
  const to = String(projection.years.at(-1));
  const lastYear = s.years.at(-1)!;
  const channelSeries = (field: "revenue" | "net_profit") => s.channelIds.map((id) => ({ label: [raw(id)], values: s.years.map((y) => y.channels[id]![field]) }));
  // The mix: each segment's revenue per channel as a share of the segment's revenue that year.
  const share = (id: string, seg: string): Decimal | null => {
    const whole = lastYear.segments[seg]?.revenue;
    const part = lastYear.channels[id]!.segments[seg]?.revenue;
    return whole === undefined || part === undefined ? null : quotient(part, whole);
  };
  return [
    chart({
      type: "stacked", value: "money", title: [msg("chart.revenue", { scenario })], description: [msg("chart.revenue.desc", { from, to })],
      categories: yearCats(projection), series: channelSeries("revenue"),
    }),
    chart({
      type: "grouped", value: "money", title: [msg("chart.netProfit", { scenario })], description: [msg("chart.netProfit.desc")],
      categories: yearCats(projection), series: channelSeries("net_profit"),
    }),
    chart({
      type: "stacked", value: "percent", title: [msg("chart.mix", { scenario, year: String(lastYear.year) })], description: [msg("chart.mix.desc")],
      categories: s.segmentIds.map((seg) => [raw(seg)]), series: s.channelIds.map((id) => ({ label: [raw(id)], values: s.segmentIds.map((seg) => share(id, seg)) })),
    }),
    chart({
      type: "grouped", value: "money", title: [msg("chart.allocation", { scenario, year: String(lastYear.year) })], description: [msg("chart.allocation.desc")],
      categories: s.channelIds.map((id) => [raw(id)]),
      series: (["contribution", "net_profit"] as const).map((f) => ({ label: [msg(`line.${f}`)], values: s.channelIds.map((id) => lastYear.channels[id]![f]) })),
    }),
  ];
}

/** Every scenario's NPV with its change against base (`npv`: a comparison holding the npv metric),
 *  and total net profit per scenario per year. */
export function comparisonCharts(projection: Projection, npv: Comparison): Block[] {
  const row = npv.metrics.find((b) => b.metric === "npv")!.rows[0]!;
  const ids = npv.scenarioIds;
  return [
    chart({
      type: "grouped", value: "money", title: [msg("chart.npv")], description: [msg("chart.npv.desc")],
      categories: ids.map((id) => [code(id)]), series: [{ label: [msg("line.npv")], values: row.values }],
      notes: ids.map((_, i) => {
        const d = row.deltas[i];
        if (d === null || d === undefined) return [];
        const delta = [val({ kind: "delta", of: "money", amount: d, ratio: row.deltaRatios[i] ?? null, better: d.isZero() ? null : d.isPositive(), full: true })];
        return [ids[0] === "base" ? msg("chart.vsBase", { delta }) : msg("chart.vsRef", { delta, ref: [code(ids[0]!)] })];
      }),
    }),
    chart({
      type: "grouped", value: "money", title: [msg("chart.scenarioNetProfit")], description: [msg("chart.scenarioNetProfit.desc")],
      categories: yearCats(projection), series: ids.map((id, i) => ({ label: [code(id)], values: npv.netProfitByYear[i]! })),
    }),
  ];
}

/** The report with pictures (`report --format html`): key figures first, each scenario's charts,
 *  then every P&L line to the cent (the page density of the report view). */
export function chartedReport(projection: Projection, report: ReportDocument): ReportDocument {
  const blocks: Block[] = [...keyFigures(projection)];
  for (const s of projection.scenarios) blocks.push(...scenarioCharts(projection, s));
  blocks.push({ kind: "heading", text: [msg("chart.details")] }, ...report.blocks);
  return { blocks, minorUnits: projection.minorUnits };
}

/** The comparison with pictures (`compare --format html`): key figures, NPV per scenario with its
 *  change, net profit per scenario, the comparison table, then each scenario's charts and P&L. */
export function chartedComparison(projection: Projection, comparison: ReportDocument, npv: Comparison, report: ReportDocument): ReportDocument {
  const blocks: Block[] = [...keyFigures(projection), ...comparisonCharts(projection, npv), ...comparison.blocks];
  for (const s of projection.scenarios) blocks.push(...scenarioCharts(projection, s));
  blocks.push({ kind: "heading", text: [msg("chart.details")] }, ...report.blocks);
  return { blocks, minorUnits: projection.minorUnits };
}

/** The sensitivity tornado (`sensitivity --format html`): one row per input, ranked as in the
 *  table, a bar from the planned metric to its value with the input moved down, and one to its
 *  value moved up; then the page's table and notes. No chart when the metric has no planned value. */
export function chartedSensitivity(r: SensitivityResult, page: ReportDocument, scenario: string): ReportDocument {
  if (r.base === null || r.rows.length === 0) return page;
  const step: Text = [val({ kind: "percent", ratio: r.step, places: 0 })];
  const ratio = isRatioMetric(r.scope.metric);
  const tornado = chart({
    type: "tornado", value: ratio ? "percent" : "money", base: r.base,
    title: [msg("chart.tornado", { metric: scopeText(r.scope), scenario: [code(scenario)] })],
    description: [msg("chart.tornado.desc", { step, base: [val(ratio ? { kind: "percent", ratio: r.base } : money(r.base))] })],
    categories: r.rows.map((x) => [code(x.lever.path)]),
    series: [
      { label: [msg("decide.column.low", { step })], values: r.rows.map((x) => x.low) },
      { label: [msg("decide.column.high", { step })], values: r.rows.map((x) => x.high) },
    ],
  });
  const [heading, ...rest] = page.blocks;
  return { blocks: [heading!, tornado, ...rest], minorUnits: page.minorUnits };
}
