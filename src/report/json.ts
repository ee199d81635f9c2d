// `--format json`: distplan.report/v1 exactly as SPEC §4 (other tools and CI read it).
import { CELL_FIELDS, CHANNEL_MONEY_FIELDS, COUNT_FIELDS, RATIO_FIELDS, type CellFigures, type ChannelYear, type EngineWarning, type Projection, type ScenarioProjection, type TotalYear } from "../engine/projection-types.js";
import { count, jsonText, money, ratio, type JsonValue } from "./json-text.js";
import { warningText } from "./format.js";
import type { Decimal } from "../engine/decimal.js";

export const REPORT_FORMAT_ID = "distplan.report/v1";

const figure = (field: string, value: Decimal, places: number): JsonValue => (COUNT_FIELDS.includes(field) ? count(value) : money(value, places));

export function cellJson(cell: CellFigures, places = 2): JsonValue {
  const out: Record<string, JsonValue> = {};
  for (const f of CELL_FIELDS) out[f] = figure(f, cell[f], places);
  return out;
}

function channelJson(c: ChannelYear, places: number): JsonValue {
  const out: Record<string, JsonValue> = {};
  for (const f of CHANNEL_MONEY_FIELDS) out[f] = figure(f, c[f], places);
  for (const f of RATIO_FIELDS) out[f] = ratio(c[f]);
  out.segments = Object.fromEntries(Object.entries(c.segments).map(([id, cell]) => [id, cellJson(cell, places)]));
  return out;
}

function totalJson(t: TotalYear, places: number): JsonValue {
  const out: Record<string, JsonValue> = {};
  for (const f of CHANNEL_MONEY_FIELDS) out[f] = figure(f, t[f], places);
  for (const f of RATIO_FIELDS) out[f] = ratio(t[f]);
  out.cumulative_net_profit = money(t.cumulative_net_profit, places);
  return out;
}

export function scenarioJson(s: ScenarioProjection, places = 2): Record<string, JsonValue> {
  return {
    id: s.id,
    name: s.name,
    years: s.years.map((y) => ({
      year: y.year,
      channels: Object.fromEntries(Object.entries(y.channels).map(([id, c]) => [id, channelJson(c, places)])),
      total: totalJson(y.total, places),
    })),
    npv: money(s.npv, places),
    cumulative_net_profit: money(s.cumulativeNetProfit, places),
  };
}

export function reportDocument(projection: Projection, extra: Record<string, JsonValue> = {}): Record<string, JsonValue> {
  return {
    format: REPORT_FORMAT_ID,
    model: { name: projection.name, currency: projection.currency, years: [...projection.years] },
    scenarios: projection.scenarios.map((s) => scenarioJson(s, projection.minorUnits)), // #22: the currency's decimals
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
