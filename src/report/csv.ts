// `--format csv`: tidy (long) rows, one per scenario × year × channel × segment × metric, ready for
// a spreadsheet pivot. Money to the cent, customers to 2 decimals, ratios as 4-decimal fractions
// (empty when the denominator is zero). Horizon figures have an empty year.
import { fixed, type Decimal } from "../engine/decimal.js";
import { CELL_FIELDS, CHANNEL_MONEY_FIELDS, COUNT_FIELDS, RATIO_FIELDS, type AllocationComparison, type Projection } from "../engine/projection-types.js";
import { csvField } from "./format.js";

export const CSV_HEADER = "scenario,year,channel,segment,metric,value";

export function csvValue(field: string, value: Decimal | null, places = 2): string {
  if (value === null) return "";
  if ((RATIO_FIELDS as readonly string[]).includes(field)) return fixed(value, 4);
  return fixed(value, (COUNT_FIELDS as readonly string[]).includes(field) ? 2 : places);
}

export function csvRow(...fields: string[]): string {
  return fields.map(csvField).join(",");
}

export function projectionAsCsv(projection: Projection): string {
  const lines = [CSV_HEADER];
  const places = projection.minorUnits; // #22: money in the currency's decimals
  for (const s of projection.scenarios) {
    for (const y of s.years) {
      const year = String(y.year);
      for (const [id, c] of Object.entries(y.channels)) {
        for (const f of [...CHANNEL_MONEY_FIELDS, ...RATIO_FIELDS]) lines.push(csvRow(s.id, year, id, "", f, csvValue(f, c[f], places)));
        for (const [seg, cell] of Object.entries(c.segments)) {
          for (const f of CELL_FIELDS) lines.push(csvRow(s.id, year, id, seg, f, csvValue(f, cell[f], places)));
        }
      }
      for (const f of [...CHANNEL_MONEY_FIELDS, ...RATIO_FIELDS]) lines.push(csvRow(s.id, year, "total", "", f, csvValue(f, y.total[f], places)));
      lines.push(csvRow(s.id, year, "total", "", "cumulative_net_profit", csvValue("money", y.total.cumulative_net_profit, places)));
    }
    lines.push(csvRow(s.id, "", "total", "", "npv", fixed(s.npv, places)));
    lines.push(csvRow(s.id, "", "total", "", "cumulative_net_profit", fixed(s.cumulativeNetProfit, places)));
  }
  return lines.join("\n") + "\n";
}

export function allocationsAsCsv(comparisons: readonly AllocationComparison[], places = 2): string {
  const lines = ["scenario,year,channel,method,contribution,shared_costs,net_profit"];
  for (const c of comparisons) {
    for (const y of c.years) {
      for (const [id, ch] of Object.entries(y.channels)) {
        for (const [view, v] of Object.entries(ch.views)) {
          lines.push(csvRow(c.scenario, String(y.year), id, view, fixed(ch.contribution, places), fixed(v.shared_costs, places), fixed(v.net_profit, places)));
        }
      }
    }
  }
  return lines.join("\n") + "\n";
}
