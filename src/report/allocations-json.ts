// `report --allocations --format json`: every channel's net profit under every allocation method.
import type { AllocationComparison, Projection } from "../engine/projection-types.js";
import { jsonText, money } from "./json-text.js";
import { warningsJson } from "./json.js";

export function allocationsAsJson(projection: Projection, comparisons: readonly AllocationComparison[]): string {
  return jsonText({
    format: "distplan.allocations/v1",
    model: { name: projection.name, currency: projection.currency, years: [...projection.years] },
    scenarios: comparisons.map((c) => ({
      id: c.scenario,
      years: c.years.map((y) => ({
        year: y.year,
        channels: Object.fromEntries(Object.entries(y.channels).map(([id, ch]) => [id, {
          contribution: money(ch.contribution, projection.minorUnits),
          methods: Object.fromEntries(Object.entries(ch.views).map(([view, v]) => [view, { shared_costs: money(v.shared_costs, projection.minorUnits), net_profit: money(v.net_profit, projection.minorUnits) }])),
        }])),
      })),
    })),
    warnings: warningsJson(comparisons.flatMap((c) => c.warnings)),
  });
}
