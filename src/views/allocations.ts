// `distplan report --allocations`: each channel's net profit under every allocation method, per
// scenario and year, beside its contribution (which no allocation changes). Contribution decides;
// allocation informs.
import type { Decimal } from "../money/decimal.js";
import { ALLOCATION_VIEWS, type AllocationComparison, type Projection } from "../engine/projection-types.js";
import { Figure, code, money, msg, raw, val, type Block, type Data, type Dataset, type ReportDocument, type Row, type Text } from "./document.js";
import { warningTexts, warningsData, type Density } from "./report.js";

/** "as modelled", "equal shares", else "by revenue", "by new customers", …. */
function methodHeader(method: (typeof ALLOCATION_VIEWS)[number]): Text {
  if (method === "as_modelled") return [msg("method.as_modelled")];
  if (method === "equal") return [msg("allocations.column.equal")];
  return [msg("allocations.column.by", { method: [msg(`method.${method}`)] })];
}

export function allocationsView(projection: Projection, comparisons: readonly AllocationComparison[], density: Density): ReportDocument {
  const page = density === "page";
  const blocks: Block[] = page ? [] : [{ kind: "paragraph", text: [msg("allocations.intro.screen")], tone: "muted" }, { kind: "gap" }];
  for (const comparison of comparisons) {
    const scale: Decimal[] = comparison.years.flatMap((y) => Object.values(y.channels).flatMap((c) => [c.contribution, ...Object.values(c.views).map((v) => v.net_profit)]));
    const inner: Block[] = [];
    for (const y of comparison.years) {
      const args = { scenario: page ? [code(comparison.scenario)] : [raw(comparison.scenario)], year: String(y.year), currency: projection.currency, unit: [{ unit: true as const }] };
      inner.push({ kind: "heading", text: [msg(page ? "allocations.title.page" : "allocations.title.screen", args)], tone: "strong" });
      if (page) inner.push({ kind: "paragraph", text: [msg("allocations.intro.page")], tone: "muted" });
      const head: Row = {
        role: "head",
        // The contribution first, then net profit by each method: "by contribution" is a method.
        cells: [page ? [msg("allocations.column.channel")] : [], [msg("line.contribution")], ...ALLOCATION_VIEWS.map((v) => methodHeader(v))],
      };
      const rows: Row[] = Object.entries(y.channels).map(([id, c]) => ({
        role: "line",
        cells: [[raw(id)], [val(money(c.contribution), "signed")], ...ALLOCATION_VIEWS.map((v) => [val(money(c.views[v].net_profit), "signed")])],
      }));
      inner.push({
        kind: "table",
        table: {
          columns: [{ align: "left" }, { align: "right" }, ...ALLOCATION_VIEWS.map(() => ({ align: "right" as const }))],
          rows: [head, ...rows],
          split: false,
          fixed: 1,
        },
      });
      if (!page) inner.push({ kind: "gap" });
    }
    blocks.push({ kind: "section", scale, blocks: inner });
  }
  // The page has carried no warnings so far (issue #12 asks for every failure on every screen).
  const warnings = page ? [] : warningTexts(comparisons.flatMap((c) => c.warnings));
  if (warnings.length) blocks.push({ kind: "notes", items: warnings, tone: "warning", wrap: true });
  return { blocks, minorUnits: projection.minorUnits };
}

/** `places`: the currency's minor unit (Projection.minorUnits). */
export function allocationsRecords(comparisons: readonly AllocationComparison[], places = 2): Dataset {
  const rows: (Figure | string)[][] = [];
  for (const c of comparisons) {
    for (const y of c.years) {
      for (const [id, ch] of Object.entries(y.channels)) {
        for (const [view, v] of Object.entries(ch.views)) {
          rows.push([c.scenario, String(y.year), id, view, new Figure("money", ch.contribution, places), new Figure("money", v.shared_costs, places), new Figure("money", v.net_profit, places)]);
        }
      }
    }
  }
  return { columns: ["scenario", "year", "channel", "method", "contribution", "shared_costs", "net_profit"], rows };
}

/** distplan.allocations/v1. */
export function allocationsData(projection: Projection, comparisons: readonly AllocationComparison[]): Data {
  return {
    format: "distplan.allocations/v1",
    model: { name: projection.name, currency: projection.currency, years: [...projection.years] },
    scenarios: comparisons.map((c) => ({
      id: c.scenario,
      years: c.years.map((y) => ({
        year: y.year,
        channels: Object.fromEntries(Object.entries(y.channels).map(([id, ch]) => [id, {
          contribution: new Figure("money", ch.contribution, projection.minorUnits),
          methods: Object.fromEntries(Object.entries(ch.views).map(([view, v]) => [view, { shared_costs: new Figure("money", v.shared_costs, projection.minorUnits), net_profit: new Figure("money", v.net_profit, projection.minorUnits) }])),
        }])),
      })),
    })),
    warnings: warningsData(comparisons.flatMap((c) => c.warnings)),
  };
}
