// `distplan report`: each scenario's P&L per channel (or segment), years as columns, then NPV and
// cumulative net profit. Two densities of the same view: a screen (the lines a commercial director
// reads, in a unit that fits) and a page (every line to the cent, for a PR comment or a memo).
// Also the figures themselves: tidy records (csv) and distplan.report/v1 (json, docs/MODEL.md §8.1).
import type { Decimal } from "../money/decimal.js";
import {
  CELL_FIELDS, CHANNEL_MONEY_FIELDS, COUNT_FIELDS, RATIO_FIELDS,
  type CellFigures, type ChannelYear, type EngineWarning, type Projection, type ScenarioProjection, type TierLineYear, type TotalYear,
} from "../engine/projection-types.js";
import { horizonBlock } from "./horizon.js";
import {
  Figure, Words, code, money, msg, none, raw, val,
  type Block, type Data, type Dataset, type Piece, type ReportDocument, type Row, type Text, type Value,
} from "./document.js";
import type { AllocationMethod, LineField } from "./messages.js";

export type ByOption = "channel" | "segment" | "both" | "tier";
export type LinesOption = "summary" | "full";
/** screen: what fits a terminal; page: every line to the cent (Markdown). */
export type Density = "screen" | "page";

export interface ReportViewOptions {
  readonly by: ByOption;
  readonly lines: LinesOption;
  readonly density: Density;
  /** Under each scenario: the model's checks that fail in it, already as text (screen and page). */
  readonly notes?: Readonly<Record<string, readonly Text[]>>;
}

const LINES = {
  screen: {
    channel: ["revenue", "contribution", "net_profit"],
    total: ["revenue", "contribution", "shared_costs", "net_profit"],
    full: [
      "customers", "list_revenue", "market_revenue", "partner_margin", "revenue", "cogs", "gross_profit", "variable_costs",
      "rebates", "mdf", "acquisition_costs", "service_costs", "conflict_costs", "cm1", "fixed_costs", "income", "contribution",
      "shared_costs", "net_profit", "contribution_margin",
    ],
    segment: ["customers", "revenue", "gross_profit", "cm1"],
    segmentFull: [
      "customers", "new_customers", "list_revenue", "market_revenue", "partner_margin", "revenue", "cogs", "gross_profit",
      "variable_costs", "rebates", "mdf", "acquisition_costs", "service_costs", "conflict_costs", "cm1",
    ],
    cell: ["revenue", "cm1"],
  },
  page: {
    channel: ["revenue", "gross_profit", "cm1", "contribution", "shared_costs", "net_profit", "contribution_margin"],
    full: [
      "customers", "new_customers", "list_revenue", "market_revenue", "partner_margin", "revenue", "cogs", "gross_profit",
      "variable_costs", "rebates", "mdf", "acquisition_costs", "service_costs", "conflict_costs", "cm1", "fixed_costs", "income",
      "contribution", "shared_costs", "net_profit", "gross_margin", "contribution_margin", "net_margin",
    ],
    segment: ["customers", "revenue", "gross_profit", "cm1"],
  },
} as const satisfies Record<Density, Record<string, readonly LineField[]>>;

/** The lines a tiered channel adds (docs/MODEL.md §14a): shown only when the model has tiers. */
const TIER_FIELDS: ReadonlySet<string> = new Set(["rebates", "mdf"]);
/** The fields of a list that a projection shows: without tiers, the list as it always was. */
export function shownFields<F extends string>(fields: readonly F[], tierLines: boolean): F[] {
  return tierLines ? [...fields] : fields.filter((f) => !TIER_FIELDS.has(f));
}

const isRatio = (field: string) => field.endsWith("_margin") && field !== "partner_margin";
const isCount = (field: string) => field === "customers" || field === "new_customers";

/** A figure as a typed value: a margin is a percentage, customers a count, the rest money. */
export function figure(field: string, value: Decimal | null | undefined): Value {
  if (value === undefined) return none;
  if (isRatio(field)) return { kind: "percent", ratio: value };
  if (value === null) return none;
  return isCount(field) ? { kind: "count", amount: value } : money(value);
}

type Pick = (t: number) => object | undefined;

interface LineGroup {
  readonly group: Text;
  readonly role: Row["role"];
  readonly indent: number;
  readonly fields: readonly LineField[];
  readonly pick: Pick;
}

function groups(s: ScenarioProjection, options: ReportViewOptions, tierLines: boolean): LineGroup[] {
  const out: LineGroup[] = [];
  const full = options.lines === "full";
  const page = options.density === "page";
  const add = (group: Text, role: Row["role"], indent: number, fields: readonly LineField[], pick: Pick) => out.push({ group, role, indent, fields: shownFields(fields, tierLines), pick });
  const channelLines = page ? (full ? LINES.page.full : LINES.page.channel) : full ? LINES.screen.full : LINES.screen.channel;
  const segmentLines = page ? LINES.page.segment : full ? LINES.screen.segmentFull : LINES.screen.segment;
  const cellLines = page ? LINES.page.segment : full ? LINES.screen.segmentFull : LINES.screen.cell;
  const strong = (id: string) => [raw(id, page ? "strong" : undefined)];
  if (options.by === "segment") {
    for (const id of s.segmentIds) add(strong(id), "line", 0, segmentLines, (t) => s.years[t]!.segments[id]);
  } else {
    for (const id of s.channelIds) {
      add(strong(id), "subtotal", 0, channelLines, (t) => s.years[t]!.channels[id]);
      if (options.by === "both") {
        for (const seg of Object.keys(s.years[0]!.channels[id]!.segments)) {
          add(page ? [msg("report.cell", { channel: id, segment: seg })] : [raw(seg)], "line", 1, cellLines, (t) => s.years[t]!.channels[id]!.segments[seg]);
        }
      }
    }
  }
  const totalLines = page ? [...channelLines, "cumulative_net_profit" as const] : full ? LINES.screen.full : LINES.screen.total;
  add([msg("total", undefined, page ? "strong" : undefined)], "total", 0, totalLines, (t) => s.years[t]!.total);
  return out;
}

/** The figures of a tier row, in the order shown (docs/MODEL.md §14a, "Per tier"). */
export const TIER_LINE_FIELDS = ["sell_out", "partner_margin", "rebates", "mdf", "fees", "partners", "sell_out_per_partner"] as const;
export type TierLineField = (typeof TIER_LINE_FIELDS)[number];

const tierFigure = (y: TierLineYear, field: TierLineField): Value => {
  switch (field) {
    case "sell_out": return money(y.sellOut);
    case "partner_margin": return money(y.partnerMargin);
    case "rebates": return money(y.rebates);
    case "mdf": return money(y.mdf);
    case "fees": return money(y.fees);
    case "partners": return { kind: "count", amount: y.partners };
    case "sell_out_per_partner": return y.sellOutPerPartner === null ? none : money(y.sellOutPerPartner);
  }
};

/** `--by tier`: each tiered channel's tiers, a group of lines per tier. */
function tierRows(s: ScenarioProjection, page: boolean, scale: Decimal[]): Row[] {
  const rows: Row[] = [];
  for (const [channel, tiers] of Object.entries(s.tiers)) {
    rows.push({ role: "subtotal", cells: [[raw(channel, page ? "strong" : undefined)], [], ...s.years.map(() => [])] });
    for (const k of tiers) {
      TIER_LINE_FIELDS.forEach((field, i) => {
        const values = k.years.map((y) => tierFigure(y, field));
        for (const v of values) if (v.kind === "money") scale.push(v.amount);
        rows.push({ role: "line", indent: i === 0 ? 1 : 0, cells: [i === 0 ? [raw(k.name !== k.id ? k.name : k.id)] : [], [msg(`tier.line.${field}`)], ...values.map((v) => [val(v)])] });
      });
    }
  }
  return rows;
}

function scenarioBlocks(projection: Projection, s: ScenarioProjection, options: ReportViewOptions): Block {
  const page = options.density === "page";
  const rows: Row[] = [];
  const scale: Decimal[] = [];
  if (options.by === "tier") rows.push(...tierRows(s, page, scale));
  else for (const g of groups(s, options, projection.tierLines)) {
    g.fields.forEach((field, i) => {
      const values = s.years.map((_, t) => (g.pick(t) as Record<string, Decimal | null> | undefined)?.[field]);
      if (!isRatio(field) && !isCount(field)) for (const v of values) if (v !== null && v !== undefined) scale.push(v);
      rows.push({
        role: g.role,
        indent: i === 0 ? g.indent : 0,
        cells: [i === 0 ? g.group : [], [msg(`line.${field}`)], ...values.map((v) => [val(figure(field, v), "signed")])],
      });
    });
  }
  const years = projection.years.map((year) => [val({ kind: "year", year }, page ? undefined : "strong")]);
  const head: Row = { role: "head", cells: [[], page ? [msg("report.column.line")] : [], ...years] };
  const table: Block = {
    kind: "table",
    table: {
      columns: [{ align: "left" }, { align: page ? "left" : "right" }, ...projection.years.map(() => ({ align: "right" as const }))],
      rows: [head, ...rows],
      split: !page,
      fixed: 2,
    },
  };
  const rate = val({ kind: "rate", ratio: s.discountRate }); // the scenario's own rate
  const blocks: Block[] = [];
  if (page) {
    const args = { model: projection.name, scenario: [code(s.id)], currency: projection.currency, name: s.name };
    blocks.push({ kind: "heading", text: [msg(s.name !== s.id ? "report.title.page.named" : "report.title.page", args)] }, table);
    blocks.push({
      kind: "paragraph",
      text: [msg("report.footer.page", { rate: [val({ kind: "percent", ratio: s.discountRate, places: 1 })], npv: [val(money(s.npv), "strong")], cumulative: [val(money(s.cumulativeNetProfit), "strong")] })],
    });
  } else {
    blocks.push({ kind: "heading", text: [msg("report.title.screen", { model: projection.name, scenario: s.id, currency: projection.currency, unit: [{ unit: true }] })], tone: "strong" });
    if (s.id !== "base" && (s.name !== s.id || s.description)) {
      const about: Piece = s.name !== s.id && s.description ? msg("report.about", { name: s.name, description: s.description }) : raw(s.name !== s.id ? s.name : s.description);
      blocks.push({ kind: "paragraph", text: [about], tone: "muted", wrap: true, indent: "" });
    }
    blocks.push(table, { kind: "paragraph", text: [msg("report.footer.screen", { rate: [rate], npv: [val(money(s.npv))], cumulative: [val(money(s.cumulativeNetProfit))] })] });
  }
  // #13: each channel over the horizon (cumulative net profit, NPV, break-even year).
  blocks.push(...(page ? [] : [{ kind: "gap" } as Block]), horizonBlock(s, projection.minorUnits, page));
  const warnings = warningTexts(s.warnings);
  if (warnings.length) blocks.push({ kind: "notes", items: warnings, tone: "warning", wrap: true });
  const notes = options.notes?.[s.id] ?? [];
  if (notes.length) blocks.push({ kind: "notes", items: notes, tone: "warning", wrap: true });
  return { kind: "section", scale, blocks };
}

export function reportView(projection: Projection, options: ReportViewOptions): ReportDocument {
  const blocks: Block[] = [];
  projection.scenarios.forEach((s, i) => {
    if (i > 0) blocks.push({ kind: "gap" });
    blocks.push(scenarioBlocks(projection, s, options));
  });
  return { blocks, minorUnits: projection.minorUnits };
}

/** Warnings for people: one per kind, with the shared costs and years it concerns gathered. */
/** An allocation method in words (the engine names it by its key, e.g. new_customers). */
const methodName = (method: string): Text => [msg(`method.${method as AllocationMethod}`)];

export function warningTexts(warnings: readonly EngineWarning[]): Text[] {
  const groups = new Map<string, { first: EngineWarning; costs: Set<string>; years: Set<number> }>();
  for (const w of warnings) {
    const key = `${w.scenario}|${w.code}|${w.method}|${w.code === "NEGATIVE_DRIVER" ? w.channels.join(",") : ""}`;
    const g = groups.get(key) ?? { first: w, costs: new Set<string>(), years: new Set<number>() };
    g.costs.add(w.sharedCost);
    g.years.add(w.year);
    groups.set(key, g);
  }
  return [...groups.values()].map(({ first, costs, years }) => {
    const args = { scenario: first.scenario, method: methodName(first.method), costs: [...costs].join(", "), years: [val({ kind: "years", years: [...years] })] };
    return first.code === "ZERO_DRIVERS"
      ? [msg("warning.zeroDrivers", args)]
      : [msg("warning.negativeDriver", { ...args, channels: first.channels.join(", ") })];
  });
}

// ---- records ----------------------------------------------------------------------------------
const recordFigure = (field: string, value: Decimal | null, places: number): Figure =>
  new Figure((RATIO_FIELDS as readonly string[]).includes(field) ? "ratio" : COUNT_FIELDS.includes(field) ? "count" : "money", value, places);

/** Tidy rows, one per scenario × year × channel × segment × metric; horizon figures have no year. */
export function reportRecords(projection: Projection): Dataset {
  const rows: (Figure | string)[][] = [];
  const places = projection.minorUnits;
  const channelFields = shownFields([...CHANNEL_MONEY_FIELDS, ...RATIO_FIELDS], projection.tierLines);
  const cellFields = shownFields(CELL_FIELDS, projection.tierLines);
  for (const s of projection.scenarios) {
    for (const y of s.years) {
      const year = String(y.year);
      for (const [id, c] of Object.entries(y.channels)) {
        for (const f of channelFields) rows.push([s.id, year, id, "", f, recordFigure(f, c[f], places)]);
        for (const [seg, cell] of Object.entries(c.segments)) {
          for (const f of cellFields) rows.push([s.id, year, id, seg, f, recordFigure(f, cell[f], places)]);
        }
      }
      for (const f of channelFields) rows.push([s.id, year, "total", "", f, recordFigure(f, y.total[f], places)]);
      rows.push([s.id, year, "total", "", "cumulative_net_profit", new Figure("money", y.total.cumulative_net_profit, places)]);
    }
    rows.push([s.id, "", "total", "", "npv", new Figure("money", s.npv, places)]);
    rows.push([s.id, "", "total", "", "cumulative_net_profit", new Figure("money", s.cumulativeNetProfit, places)]);
  }
  return { columns: ["scenario", "year", "channel", "segment", "metric", "value"], rows };
}

export const REPORT_FORMAT_ID = "distplan.report/v1";

const jsonFigure = (field: string, value: Decimal, places: number): Figure => new Figure(COUNT_FIELDS.includes(field) ? "count" : "money", value, places);

/** A cell's figures; `places`: the currency's minor unit (Projection.minorUnits). */
function cellData(cell: CellFigures, places: number, tierLines: boolean): Data {
  const out: Record<string, Data> = {};
  for (const f of shownFields(CELL_FIELDS, tierLines)) out[f] = jsonFigure(f, cell[f], places);
  return out;
}

function channelData(c: ChannelYear, places: number, tierLines: boolean): Data {
  const out: Record<string, Data> = {};
  for (const f of shownFields(CHANNEL_MONEY_FIELDS, tierLines)) out[f] = jsonFigure(f, c[f], places);
  for (const f of RATIO_FIELDS) out[f] = new Figure("ratio", c[f]);
  out.segments = Object.fromEntries(Object.entries(c.segments).map(([id, cell]) => [id, cellData(cell, places, tierLines)]));
  return out;
}

function totalData(t: TotalYear, places: number, tierLines: boolean): Data {
  const out: Record<string, Data> = {};
  for (const f of shownFields(CHANNEL_MONEY_FIELDS, tierLines)) out[f] = jsonFigure(f, t[f], places);
  for (const f of RATIO_FIELDS) out[f] = new Figure("ratio", t[f]);
  out.cumulative_net_profit = new Figure("money", t.cumulative_net_profit, places);
  return out;
}

function scenarioData(s: ScenarioProjection, places: number, tierLines: boolean): Data {
  return {
    id: s.id,
    name: s.name,
    years: s.years.map((y) => ({
      year: y.year,
      channels: Object.fromEntries(Object.entries(y.channels).map(([id, c]) => [id, channelData(c, places, tierLines)])),
      total: totalData(y.total, places, tierLines),
    })),
    npv: new Figure("money", s.npv, places),
    cumulative_net_profit: new Figure("money", s.cumulativeNetProfit, places),
    ...(tierLines ? { tiers: tiersData(s, places) } : {}),
  };
}

/** Each tiered channel's tiers and their yearly figures (docs/MODEL.md §8.1, §14a). */
function tiersData(s: ScenarioProjection, places: number): Data {
  return Object.fromEntries(Object.entries(s.tiers).map(([channel, tiers]) => [channel, tiers.map((k) => ({
    id: k.id,
    name: k.name,
    years: k.years.map((y) => ({
      year: y.year,
      sell_out: new Figure("money", y.sellOut, places),
      partner_margin: new Figure("money", y.partnerMargin, places),
      rebates: new Figure("money", y.rebates, places),
      mdf: new Figure("money", y.mdf, places),
      fees: new Figure("money", y.fees, places),
      partners: new Figure("count", y.partners, 2),
      sell_out_per_partner: y.sellOutPerPartner === null ? null : new Figure("money", y.sellOutPerPartner, places),
    })),
  }))]));
}

/** `report --by tier --format csv`: one row per scenario × year × channel × tier × figure. */
export function tierRecords(projection: Projection): Dataset {
  const rows: (Figure | string)[][] = [];
  const places = projection.minorUnits;
  for (const s of projection.scenarios) {
    for (const [channel, tiers] of Object.entries(s.tiers)) {
      for (const k of tiers) {
        for (const y of k.years) {
          const figures: [TierLineField, Figure][] = [
            ["sell_out", new Figure("money", y.sellOut, places)], ["partner_margin", new Figure("money", y.partnerMargin, places)],
            ["rebates", new Figure("money", y.rebates, places)], ["mdf", new Figure("money", y.mdf, places)], ["fees", new Figure("money", y.fees, places)],
            ["partners", new Figure("count", y.partners, 2)], ["sell_out_per_partner", new Figure("money", y.sellOutPerPartner, places)],
          ];
          for (const [f, v] of figures) rows.push([s.id, String(y.year), channel, k.id, f, v]);
        }
      }
    }
  }
  return { columns: ["scenario", "year", "channel", "tier", "metric", "value"], rows };
}

/** A warning in one sentence, for the machine formats (they keep one entry per warning). */
export function warningSentence(w: EngineWarning): Text {
  return w.code === "ZERO_DRIVERS"
    ? [msg("warning.zeroDrivers.one", { scenario: w.scenario, year: String(w.year), cost: w.sharedCost, method: methodName(w.method) })]
    : [msg("warning.negativeDriver.one", { scenario: w.scenario, year: String(w.year), cost: w.sharedCost, method: methodName(w.method), channels: w.channels.join(", ") })];
}

/** distplan.report/v1 (docs/MODEL.md §8.1), with a view's own part (`extra`) before the warnings. */
export function reportData(projection: Projection, extra: Record<string, Data> = {}): Data {
  return {
    format: REPORT_FORMAT_ID,
    model: { name: projection.name, currency: projection.currency, years: [...projection.years] },
    scenarios: projection.scenarios.map((s) => scenarioData(s, projection.minorUnits, projection.tierLines)),
    ...extra,
    warnings: warningsData(projection.scenarios.flatMap((s) => s.warnings)),
  };
}

export function warningsData(warnings: readonly EngineWarning[]): Data {
  return warnings.map((w) => ({ code: w.code, scenario: w.scenario, year: w.year, shared_cost: w.sharedCost, message: new Words(warningSentence(w)) }));
}
