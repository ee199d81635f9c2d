// The bundled example actuals (examples/hybrid-b2b-actuals.csv): the plan of the first year's
// first three quarters per channel and segment, moved by a fixed factor per channel so the variance
// has something to show (direct a little behind, resellers ahead, the webshop well ahead).
// Deterministic: flows are a quarter of the year's plan × the factor, to the cent; customers the
// year's base × the factor, whole.
import type { ScenarioProjection } from "../src/engine/projection-types.js";
import { D } from "../src/money/decimal.js";

const FACTORS: Readonly<Record<string, string>> = { direct: "0.97", resellers: "1.02", webshop: "1.08" };
const METRICS = ["customers", "revenue", "cogs", "acquisition_costs"] as const;

export function exampleActuals(p: ScenarioProjection): string {
  const y = p.years[0]!;
  const lines = ["period,channel,segment,metric,value"];
  for (let q = 1; q <= 3; q++) {
    for (const c of p.channelIds) {
      const factor = D(FACTORS[c] ?? "1");
      for (const [s, cell] of Object.entries(y.channels[c]!.segments)) {
        if (cell.customers.isZero() && cell.revenue.isZero()) continue;
        for (const m of METRICS) {
          const v = m === "customers" ? cell.customers.times(factor).toDecimalPlaces(0, 4) : cell[m].div(4).times(factor).toDecimalPlaces(2, 4);
          lines.push(`${y.year}-Q${q},${c},${s},${m},${m === "customers" ? v.toFixed(0) : v.toFixed(2)}`);
        }
      }
    }
  }
  return `${lines.join("\n")}\n`;
}
