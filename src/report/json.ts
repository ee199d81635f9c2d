// `--format json`: distplan.report/v1 as docs/MODEL.md §8.1 describes it (other tools and CI read it).
import { CELL_FIELDS, CHANNEL_MONEY_FIELDS, COUNT_FIELDS, RATIO_FIELDS, type CellFigures, type ChannelYear, type EngineWarning, type Projection, type ScenarioProjection, type TotalYear } from "../engine/projection-types.js";
import { count, jsonText, money, ratio, type JsonValue } from "./json-text.js";
import { warningText } from "./format.js";
import type { Decimal } from "../engine/decimal.js";

export const REPORT_FORMAT_ID = "distplan.report/v1";

const figure = (field: string, value: Decimal): JsonValue => (COUNT_FIELDS.includes(field) ? count(value) : money(value));

export function cellJson(cell: CellFigures): JsonValue {
  const out: Record<string, JsonValue> = {};
  for (const f of CELL_FIELDS) out[f] = figure(f, cell[f]);
  return out;
}

function channelJson(c: ChannelYear): JsonValue {
  const out: Record<string, JsonValue> = {};
  for (const f of CHANNEL_MONEY_FIELDS) out[f] = figure(f, c[f]);
  for (const f of RATIO_FIELDS) out[f] = ratio(c[f]);
  out.segments = Object.fromEntries(Object.entries(c.segments).map(([id, cell]) => [id, cellJson(cell)]));
  return out;
}

function totalJson(t: TotalYear): JsonValue {
  const out: Record<string, JsonValue> = {};
  for (const f of CHANNEL_MONEY_FIELDS) out[f] = figure(f, t[f]);
  for (const f of RATIO_FIELDS) out[f] = ratio(t[f]);
  out.cumulative_net_profit = money(t.cumulative_net_profit);
  return out;
}

export function scenarioJson(s: ScenarioProjection): Record<string, JsonValue> {
  return {
    id: s.id,
    name: s.name,
    years: s.years.map((y) => ({
      year: y.year,
      channels: Object.fromEntries(Object.entries(y.channels).map(([id, c]) => [id, channelJson(c)])),
      total: totalJson(y.total),
    })),
    npv: money(s.npv),
    cumulative_net_profit: money(s.cumulativeNetProfit),
  };
}

export function reportDocument(projection: Projection, extra: Record<string, JsonValue> = {}): Record<string, JsonValue> {
  return {
    format: REPORT_FORMAT_ID,
    model: { name: projection.name, currency: projection.currency, years: [...projection.years] },
    scenarios: projection.scenarios.map(scenarioJson),
    ...extra,
    warnings: warningsJson(projection.scenarios.flatMap((s) => s.warnings)),
  };
}

export function warningsJson(warnings: readonly EngineWarning[]): JsonValue {
  return warnings.map((w) => ({ code: w.code, scenario: w.scenario, year: w.year, shared_cost: w.sharedCost, message: warningText(w) }));
}

export function projectionAsJson(projection: Projection): string {
  return jsonText(reportDocument(projection));
}
