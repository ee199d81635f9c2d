// `distplan simulate`'s documents (#17): per scenario the spread of NPV, cumulative and yearly
// net profit (total and per channel) beside the exact point plan, the chance of a loss, each
// check's chance of failing, a histogram of NPV and the inputs that drive its spread. Screen,
// page and records. The engine's floats become Decimals here, rounded to the minor unit, so
// every format writes the same figures.
import { Decimal } from "../money/decimal.js";
import type { ScenarioSummary, Spread } from "../engine/simulate.js";
import type { ScenarioProjection } from "../engine/projection-types.js";
import { channelNpv } from "../engine/horizon.js";
import type { UncertainInput } from "../model/ranges.js";
import { Figure, code, money, msg, raw, val, type Block, type Data, type Dataset, type ReportDocument, type Row, type Text, type Value } from "./document.js";
import type { MessageKey } from "./messages.js";

export interface SimulationContext {
  readonly model: string;
  readonly currency: string;
  readonly minorUnits: number;
  readonly draws: number;
  readonly seed: number;
  /** How many drivers to show (all in the records). */
  readonly top: number;
}

export interface SimulatedScenario {
  readonly summary: ScenarioSummary;
  /** The exact point plan of the same scenario. */
  readonly point: ScenarioProjection;
}

/** Eighths of a character in the longest bar. */
const BAR_EIGHTHS = 20 * 8;

const amount = (x: number, places: number): Decimal => new Decimal(x.toFixed(places));
const ratio = (x: number, places = 4): Decimal => new Decimal(x.toFixed(places));

const spreadCells = (s: Spread, point: Decimal, places: number): Text[] =>
  [s.p10, s.p50, s.p90, s.mean].map((x) => [val(money(amount(x, places)), "signed")] as Text).concat([[val(money(point), "signed")]]);

const DIST_KEY: Record<UncertainInput["dist"], MessageKey> = {
  triangular: "simulate.dist.triangular", pert: "simulate.dist.pert", normal: "simulate.dist.normal", lognormal: "simulate.dist.lognormal",
};

const percentOf = (p: number): Value => ({ kind: "percent", ratio: ratio(p), places: 1 });

export function simulateView(runs: readonly SimulatedScenario[], c: SimulationContext, density: "screen" | "page"): ReportDocument {
  const page = density === "page";
  const blocks: Block[] = [];
  runs.forEach(({ summary: s, point }, i) => {
    if (i > 0) blocks.push({ kind: "gap" });
    // The heading, the sentences and the spread share one section, so the title names its unit.
    const top: Block[] = [];
    top.push({ kind: "heading", text: [msg(page ? "simulate.title.page" : "simulate.title.screen", { model: c.model, scenario: [code(s.id)], currency: c.currency, unit: [{ unit: true }] })], tone: "strong" });
    top.push({
      kind: "paragraph", tone: "muted", wrap: true,
      text: [msg(s.inputs.length === 0 ? "simulate.about.none" : "simulate.about", {
        // Whole numbers as plain digits: a page writes a count with two decimals.
        draws: String(s.draws), seed: String(c.seed), inputs: String(s.inputs.length),
      })],
    });
    top.push({
      kind: "paragraph", wrap: true,
      text: [msg("simulate.loss", { loss: [val(percentOf(s.lossProbability), "strong")], npvBelow: [val(percentOf(s.npvBelowZero), "strong")] })],
    });
    // The spread: total first, then each channel.
    const head: Row = { role: "head", cells: [[], [msg("simulate.column.p10")], [msg("simulate.column.p50")], [msg("simulate.column.p90")], [msg("simulate.column.mean")], [msg("simulate.column.point")]] };
    const rows: Row[] = [];
    const scale: Decimal[] = [];
    const block = (title: Text, npv: Spread, cumulative: Spread, yearly: readonly Spread[], points: { npv: Decimal; cumulative: Decimal; yearly: readonly Decimal[] }) => {
      rows.push({ role: "subtotal", cells: [title, [], [], [], [], []] });
      const line = (label: Text, sp: Spread, p: Decimal) => {
        const cells = spreadCells(sp, p, c.minorUnits);
        scale.push(amount(sp.p10, c.minorUnits), amount(sp.p90, c.minorUnits), p);
        rows.push({ role: "line", indent: 1, cells: [label, ...cells] });
      };
      line([msg("line.npv")], npv, points.npv);
      line([msg("line.cumulative_net_profit")], cumulative, points.cumulative);
      yearly.forEach((sp, t) => line([msg("line.net_profit"), raw(" "), val({ kind: "year", year: point.years[t]!.year })], sp, points.yearly[t]!));
    };
    block([msg("total")], s.npv, s.cumulative, s.yearly, { npv: point.npv, cumulative: point.cumulativeNetProfit, yearly: point.years.map((y) => y.total.net_profit) });
    for (const ch of s.channels) {
      const profits = point.years.map((y) => y.channels[ch.id]!.net_profit);
      block([code(ch.id)], ch.npv, ch.cumulative, ch.yearly, { npv: channelNpv(point, ch.id, c.minorUnits), cumulative: profits.reduce((a, b) => a.plus(b), new Decimal(0)), yearly: profits });
    }
    blocks.push({ kind: "section", scale, blocks: [...top, { kind: "table", table: { columns: [{ align: "left" }, ...Array.from({ length: 5 }, () => ({ align: "right" as const }))], rows: [head, ...rows], split: false, fixed: 1 } }] });

    // Checks.
    if (s.checks.length > 0) {
      blocks.push({ kind: "heading", text: [msg("simulate.checks")] });
      blocks.push({
        kind: "table",
        table: {
          columns: [{ align: "left" }, { align: "right" }],
          rows: [
            { role: "head", cells: [[msg("simulate.column.check")], [msg("simulate.column.fails")]] },
            ...s.checks.map((k): Row => ({ role: "line", cells: [[raw(k.name)], [val(percentOf(k.failProbability), k.failProbability > 0 ? "bad" : undefined)]] })),
          ],
          split: false, fixed: 1,
        },
      });
    }

    // Histogram of NPV.
    const most = Math.max(...s.histogram.map((b) => b.count));
    const histogramScale = s.histogram.flatMap((b) => [amount(b.from, c.minorUnits), amount(b.to, c.minorUnits)]);
    blocks.push({
      kind: "section", scale: histogramScale,
      blocks: [{ kind: "heading", text: [msg("simulate.histogram", { currency: c.currency, unit: [{ unit: true }] })] }, {
        kind: "table",
        table: {
          // A page has no bars: the share says it.
          columns: [{ align: "right" }, { align: "right" }, ...(page ? [] : [{ align: "left" as const }]), { align: "right" }],
          rows: [
            { role: "head", cells: [[msg("simulate.column.from")], [msg("simulate.column.to")], ...(page ? [] : [[]]), [msg("simulate.column.share")]] },
            ...s.histogram.map((b): Row => ({
              role: "line",
              cells: [
                [val(money(amount(b.from, c.minorUnits)), "signed")], [val(money(amount(b.to, c.minorUnits)), "signed")],
                ...(page ? [] : [[val({ kind: "bar", eighths: most === 0 ? 0 : Math.round((b.count * BAR_EIGHTHS) / most) })]]),
                [val(percentOf(s.draws === 0 ? 0 : b.count / s.draws))],
              ],
            })),
          ],
          split: false, fixed: 2,
        },
      }],
    });

    // Drivers.
    if (s.drivers.length > 0) {
      const shown = s.drivers.slice(0, c.top);
      blocks.push({ kind: "heading", text: [msg("simulate.drivers", { top: String(shown.length), count: String(s.drivers.length) })] });
      const strongest = Math.max(...shown.map((d) => Math.abs(d.rank)));
      blocks.push({
        kind: "table",
        table: {
          // On a screen the bar takes the distribution's place (it is in the page and the records).
          columns: [{ align: "right" }, { align: "left" }, { align: "right" }, { align: "left" }],
          rows: [
            { role: "head", cells: [[], [msg("simulate.column.input")], [msg("simulate.column.rank")], page ? [msg("simulate.column.dist")] : []] },
            ...shown.map((d, k): Row => ({
              role: "line",
              cells: [
                [raw(String(k + 1))], [code(d.input.name)],
                [val({ kind: "count", amount: ratio(d.rank, 2), places: 2 }, "signed")],
                page ? [msg(DIST_KEY[d.input.dist])] : [val({ kind: "bar", eighths: strongest === 0 ? 0 : Math.round((Math.abs(d.rank) * BAR_EIGHTHS) / strongest / 2) })],
              ],
            })),
          ],
          split: false, fixed: 2,
        },
      });
    }
  });
  blocks.push({ kind: "paragraph", text: [msg("simulate.legend")], tone: "muted", wrap: true });
  return { blocks, minorUnits: c.minorUnits };
}

const spreadData = (s: Spread, places: number): Data => ({
  p10: new Figure("money", amount(s.p10, places), places), p50: new Figure("money", amount(s.p50, places), places),
  p90: new Figure("money", amount(s.p90, places), places), mean: new Figure("money", amount(s.mean, places), places),
});

const endFigure = (u: UncertainInput, x: number, places: number): Figure =>
  u.kind === "percent" ? new Figure("ratio", ratio(x, 6)) : u.kind === "count" ? new Figure("count", ratio(x, 2)) : new Figure("money", amount(x, places), places);

export function simulateData(runs: readonly SimulatedScenario[], c: SimulationContext): Data {
  const p = c.minorUnits;
  return {
    format: "distplan.simulate/v1",
    model: c.model,
    currency: c.currency,
    draws: c.draws,
    seed: c.seed,
    scenarios: runs.map(({ summary: s, point }) => ({
      id: s.id,
      name: s.name,
      inputs: s.inputs.map((u) => ({
        name: u.name, dist: u.dist,
        ...(u.dist === "triangular" || u.dist === "pert" ? { low: endFigure(u, u.low, p), mode: endFigure(u, u.mode, p), high: endFigure(u, u.high, p) } : { p10: endFigure(u, u.low, p), p90: endFigure(u, u.high, p) }),
      })),
      point: { npv: new Figure("money", point.npv, p), cumulative_net_profit: new Figure("money", point.cumulativeNetProfit, p) },
      npv: spreadData(s.npv, p),
      cumulative_net_profit: spreadData(s.cumulative, p),
      net_profit: s.yearly.map((sp, t) => ({ year: point.years[t]!.year, ...(spreadData(sp, p) as Record<string, Data>) })),
      probability_of_loss: new Figure("ratio", ratio(s.lossProbability)),
      probability_npv_below_zero: new Figure("ratio", ratio(s.npvBelowZero)),
      channels: s.channels.map((ch) => ({
        id: ch.id,
        npv: spreadData(ch.npv, p),
        cumulative_net_profit: spreadData(ch.cumulative, p),
        net_profit: ch.yearly.map((sp, t) => ({ year: point.years[t]!.year, ...(spreadData(sp, p) as Record<string, Data>) })),
      })),
      checks: s.checks.map((k) => ({ index: k.index, name: k.name, probability_of_failure: new Figure("ratio", ratio(k.failProbability)) })),
      drivers: s.drivers.map((d) => ({ input: d.input.name, dist: d.input.dist, rank_correlation: new Figure("ratio", ratio(d.rank)) })),
      histogram: s.histogram.map((b) => ({ from: new Figure("money", amount(b.from, p), p), to: new Figure("money", amount(b.to, p), p), count: b.count })),
    })),
  };
}

/**
 * One row per figure: scenario, scope (total, a channel id, a check's name or an input's name),
 * metric, year, P10, P50, P90, mean, point. A probability is the mean of a yes/no per draw
 * (loss, npv_below_zero, check_fails); a driver's rank correlation stands in the mean column.
 */
export function simulateRecords(runs: readonly SimulatedScenario[], c: SimulationContext): Dataset {
  const p = c.minorUnits;
  const rows: (readonly (Figure | string)[])[] = [];
  const m = (x: number) => new Figure("money", amount(x, p), p);
  const spreadRow = (scenario: string, scope: string, metric: string, year: string, s: Spread, point: Decimal) =>
    rows.push([scenario, scope, metric, year, m(s.p10), m(s.p50), m(s.p90), m(s.mean), new Figure("money", point, p)]);
  for (const { summary: s, point } of runs) {
    spreadRow(s.id, "total", "npv", "", s.npv, point.npv);
    spreadRow(s.id, "total", "cumulative_net_profit", "", s.cumulative, point.cumulativeNetProfit);
    s.yearly.forEach((sp, t) => spreadRow(s.id, "total", "net_profit", String(point.years[t]!.year), sp, point.years[t]!.total.net_profit));
    for (const ch of s.channels) {
      const profits = point.years.map((y) => y.channels[ch.id]!.net_profit);
      spreadRow(s.id, ch.id, "npv", "", ch.npv, channelNpv(point, ch.id, p));
      spreadRow(s.id, ch.id, "cumulative_net_profit", "", ch.cumulative, profits.reduce((a, b) => a.plus(b), new Decimal(0)));
      ch.yearly.forEach((sp, t) => spreadRow(s.id, ch.id, "net_profit", String(point.years[t]!.year), sp, profits[t]!));
    }
    const probability = (scope: string, metric: string, x: number) => rows.push([s.id, scope, metric, "", "", "", "", new Figure("ratio", ratio(x)), ""]);
    probability("total", "loss", s.lossProbability);
    probability("total", "npv_below_zero", s.npvBelowZero);
    for (const k of s.checks) probability(k.name, "check_fails", k.failProbability);
    for (const d of s.drivers) probability(d.input.name, "rank_correlation_with_npv", d.rank);
  }
  return { columns: ["scenario", "scope", "metric", "year", "p10", "p50", "p90", "mean", "point"], rows };
}
