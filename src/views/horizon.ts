// Under a scenario's P&L: each channel's figures over the whole horizon, beside the total's —
// cumulative net profit, NPV at the scenario's rate and the break-even year (docs/MODEL.md §7).
// A director sees which channel pays back, and when, without adding the years up.
import type { ScenarioProjection } from "../engine/projection-types.js";
import { channelHorizon, totalHorizon, type HorizonFigures } from "../engine/horizon.js";
import { msg, raw, val, money, type Block, type Row, type Text } from "./document.js";

export function horizonBlock(s: ScenarioProjection, places: number, page: boolean): Block {
  const from = s.years[0]!.year;
  const to = s.years.at(-1)!.year;
  const cells = (name: Text, f: HorizonFigures): Text[] => [
    name,
    [val(money(f.cumulativeNetProfit), "signed")],
    [val(money(f.npv), "signed")],
    f.breakEven === null ? [msg("horizon.notWithin", undefined, "bad")] : [val({ kind: "year", year: f.breakEven })],
  ];
  const head: Row = {
    role: "head",
    cells: [[msg("horizon.title", { period: [val({ kind: "period", from, to })] })], [msg("line.cumulative_net_profit")], [msg("compare.npvAt", { rate: [val({ kind: "rate", ratio: s.discountRate })] })], [msg("horizon.breakEven")]],
  };
  const rows: Row[] = [
    ...s.channelIds.map((id): Row => ({ role: "line", cells: cells([raw(id)], channelHorizon(s, id, places)) })),
    { role: "total", cells: cells([msg("total")], totalHorizon(s)) },
  ];
  return { kind: "table", table: { columns: [{ align: "left" }, { align: "right" }, { align: "right" }, { align: page ? "left" : "right" }], rows: [head, ...rows], split: false, fixed: 1 } };
}
