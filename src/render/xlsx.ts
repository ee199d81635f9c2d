// The Excel workbook of `report --format xlsx` and `compare --format xlsx` (issue #16 item 3): a
// workbook a controller can audit. An Inputs sheet holds every input of the model by path and
// year; a P&L sheet per scenario computes every derived figure with an Excel formula from those
// inputs, following docs/MODEL.md §3–§7 (ROUND where the engine rounds: leaves to the minor unit,
// customers to 2 decimals, NPV once), with the engine's figure cached in each formula cell; a
// Checks sheet evaluates the model's checks on the P&L cells. docs/MODEL.md §14h describes the layout.
//
// This module and exceljs are a bundle of their own (dist/xlsx.cjs, scripts/build.mjs), required
// only when xlsx is asked for. So it keeps no state and takes its catalogue as an argument (the
// CLI's catalogue lives in the main bundle), and it reads Decimals only through their methods.
// Pure apart from exceljs: the bytes are returned, the CLI writes them.
import ExcelJS from "exceljs";
import type { Decimal } from "../money/decimal.js";
import type { Catalogue } from "./messages/en.js";
import type { MessageKey } from "../views/messages.js";
import { shownFields } from "../views/report.js";
import type { Channel, Model, Series } from "../model/types.js";
import type { CellField, Projection, ScenarioProjection } from "../engine/projection-types.js";
import type { CheckOutcome } from "../engine/checks.js";
import { projectCustomers } from "../engine/customers.js";
import { exactCellCm1, exactNetProfit } from "../engine/projection.js";

export interface WorkbookInput {
  readonly projection: Projection;
  /** The normalized model of each scenario of the projection, in the same order. */
  readonly models: readonly Model[];
  /** The bound checks evaluated on the projection (engine/checks.ts evaluateChecks). */
  readonly checks: readonly CheckOutcome[];
  readonly messages: Catalogue;
}

/** Every date the workbook carries (docProps/core.xml and the zip's entries): constant, so the same input gives the same bytes. */
export const WORKBOOK_DATE = new Date(Date.UTC(2000, 0, 1));

type Kind = "money" | "percent" | "count" | "number";
type Value = number | string | boolean | null;

const INPUTS_FIRST_YEAR_COLUMN = 4; // A scenario, B input, C unit, D… years
const PL_FIRST_YEAR_COLUMN = 3; // A key, B line, C… years

/** Column letters of a 1-based column number: 1 → A, 27 → AA. */
export function columnName(n: number): string {
  let s = "";
  for (let x = n; x > 0; x = Math.floor((x - 1) / 26)) s = String.fromCharCode(65 + ((x - 1) % 26)) + s;
  return s;
}

const num = (d: Decimal): number => Number(d.toString());
const sheetRef = (sheet: string) => `'${sheet.replace(/'/g, "''")}'!`;
const label = (messages: Catalogue, key: MessageKey, args: Record<string, string> = {}) =>
  messages[key].replace(/\{(\w+)\}/g, (whole, name: string) => args[name] ?? whole);

function formats(model: Model): Record<Kind, string> & { exact: string } {
  const places = model.minorUnits;
  const digits = places > 0 ? `.${"0".repeat(places)}` : "";
  return {
    money: `#,##0${digits} "${model.currency}";-#,##0${digits} "${model.currency}"`,
    percent: "0.00%",
    count: "#,##0.00",
    number: "#,##0.0000",
    exact: "#,##0.0000",
  };
}

// ---- the inputs -----------------------------------------------------------------------------------

interface InputSpec {
  readonly path: string;
  readonly kind: Kind;
  /** One value for the whole plan (customers at the start, a share of an allocation): column D. */
  readonly single: boolean;
  readonly values: readonly Decimal[];
  /** A figure the model derives from other inputs (a tiered channel's margin, rebate and MDF rates, a
   *  tier's fees): a sum of products of their paths; a path written "1-path" stands for 1 − that input. */
  readonly derived?: { readonly terms: readonly (readonly string[])[] };
}

const TERM_FIELDS = [
  ["priceDiscount", "price_discount", "percent"],
  ["partnerMargin", "partner_margin", "percent"],
  ["acquisitionCost", "acquisition_cost", "money"],
  ["serviceCost", "service_cost", "money"],
] as const;

const sameSeries = (a: Series, b: Series) => a.length === b.length && a.every((x, i) => x.equals(b[i]!));

/** The path of the input a cell of channel c and segment s reads for a term: its by_segment override, or the channel's own. */
function termPath(channel: Channel, segment: string, field: (typeof TERM_FIELDS)[number]): string {
  const [key, name] = field;
  const own = channel.terms[segment]?.[key];
  const tiered = key === "partnerMargin" && channel.tiers.length > 0;
  if (own && !tiered && !sameSeries(own, channel.defaultTerms[key])) return `channels.${channel.id}.by_segment.${segment}.${name}`;
  return `channels.${channel.id}.${name}`;
}

const conflictPath = (c: { segment: string; seller: string; owner: string }, i: number, all: readonly { segment: string; seller: string; owner: string }[]) => {
  const base = `conflicts.${c.segment}.${c.seller}.${c.owner}`;
  const earlier = all.slice(0, i).filter((o) => o.segment === c.segment && o.seller === c.seller && o.owner === c.owner).length;
  return earlier === 0 ? base : `${base}.${earlier + 1}`;
};

function inputSpecs(model: Model): InputSpec[] {
  const out: InputSpec[] = [];
  const series = (path: string, kind: Kind, values: Series) => out.push({ path, kind, single: false, values });
  out.push({ path: "discount_rate", kind: "percent", single: true, values: [model.discountRate] });
  for (const s of model.segments) {
    const p = `segments.${s.id}`;
    out.push({ path: `${p}.customers`, kind: "count", single: true, values: [s.customers] });
    series(`${p}.new_customers`, "count", s.newCustomers);
    series(`${p}.churn`, "percent", s.churn);
    if (s.marketPotential) series(`${p}.market_potential`, "count", s.marketPotential);
    series(`${p}.revenue_per_customer`, "money", s.revenuePerCustomer);
    series(`${p}.gross_margin`, "percent", s.grossMargin);
  }
  for (const c of model.channels) {
    const p = `channels.${c.id}`;
    for (const k of c.tiers) {
      series(`${p}.tiers.${k.id}.partner_margin`, "percent", k.partnerMargin);
      series(`${p}.tiers.${k.id}.share`, "percent", k.share);
      series(`${p}.tiers.${k.id}.partners`, "count", k.partners);
      series(`${p}.tiers.${k.id}.fee`, "money", k.fee);
      series(`${p}.tiers.${k.id}.rebate`, "percent", k.rebate);
      series(`${p}.tiers.${k.id}.mdf`, "percent", k.mdf);
    }
    // Rebates and MDF per euro of sell-out: Σ_k share_k × (1 − margin_k) × rate_k (docs/MODEL.md §14a).
    if (c.tiers.length > 0) {
      for (const [key, rate] of [["rebateRate", "rebate"], ["mdfRate", "mdf"]] as const) {
        out.push({
          path: `${p}.${rate}_rate`, kind: "percent", single: false, values: c.defaultTerms[key],
          derived: { terms: c.tiers.map((k) => [`${p}.tiers.${k.id}.share`, `1-${p}.tiers.${k.id}.partner_margin`, `${p}.tiers.${k.id}.${rate}`]) },
        });
      }
    }
    for (const field of TERM_FIELDS) {
      const [key, name, kind] = field;
      if (key === "partnerMargin" && c.type !== "indirect") continue;
      if (key === "partnerMargin" && c.tiers.length > 0) {
        out.push({ path: `${p}.${name}`, kind, single: false, values: c.defaultTerms.partnerMargin, derived: { terms: c.tiers.map((k) => [`${p}.tiers.${k.id}.partner_margin`, `${p}.tiers.${k.id}.share`] as const) } });
        continue;
      }
      series(`${p}.${name}`, kind, c.defaultTerms[key]);
      for (const s of model.segments) {
        const path = termPath(c, s.id, field);
        if (path !== `${p}.${name}`) series(path, kind, c.terms[s.id]![key]);
      }
    }
    for (const l of c.variableCosts) series(`${p}.variable_costs.${l.name}`, "percent", l.values);
    for (const l of c.fixedCosts) series(`${p}.fixed_costs.${l.name}`, "money", l.values);
    for (const l of c.income) {
      const tier = l.name.startsWith("fees.") ? c.tiers.find((k) => `fees.${k.id}` === l.name) : undefined;
      if (tier) out.push({ path: `${p}.income.${l.name}`, kind: "money", single: false, values: l.values, derived: { terms: [[`${p}.tiers.${tier.id}.partners`, `${p}.tiers.${tier.id}.fee`]] } });
      else series(`${p}.income.${l.name}`, "money", l.values);
    }
  }
  for (const [segment, row] of Object.entries(model.mix)) for (const [channel, share] of Object.entries(row)) series(`mix.${segment}.${channel}`, "percent", share);
  model.conflicts.forEach((c, i) => {
    const p = conflictPath(c, i, model.conflicts);
    series(`${p}.overlap`, "percent", c.overlap);
    series(`${p}.compensation`, "percent", c.compensation);
  });
  for (const sc of model.sharedCosts) {
    series(`shared_costs.${sc.id}.amount`, "money", sc.amount);
    if (sc.allocation.kind === "shares") {
      for (const [channel, share] of Object.entries(sc.allocation.shares)) out.push({ path: `shared_costs.${sc.id}.allocate_by.${channel}`, kind: "percent", single: true, values: [share] });
    }
  }
  return out;
}

/** Where each scenario's inputs are on the Inputs sheet. */
interface InputsIndex {
  ref(scenario: number, path: string, t: number): string;
  has(scenario: number, path: string): boolean;
}

function writeInputs(ws: ExcelJS.Worksheet, sheetName: string, input: WorkbookInput, fmt: ReturnType<typeof formats>): InputsIndex {
  const { projection, models, messages } = input;
  const years = projection.years;
  const rows: Map<string, number>[] = [];
  const singles = new Set<string>();
  const header = ws.getRow(1);
  header.values = [label(messages, "xlsx.column.scenario"), label(messages, "xlsx.column.input"), label(messages, "xlsx.column.unit"), ...years];
  header.font = { bold: true };
  const local = (row: number, t: number, single: boolean) => `$${columnName(INPUTS_FIRST_YEAR_COLUMN + (single ? 0 : t))}$${row}`;
  const prefix = sheetRef(sheetName);
  let r = 2;
  const baseIndex = projection.scenarios[0]?.id === "base" ? 0 : -1;
  const baseSpecs = new Map<string, InputSpec>();
  models.forEach((model, i) => {
    const map = new Map<string, number>();
    rows.push(map);
    const specs = inputSpecs(model);
    if (i === baseIndex) for (const s of specs) baseSpecs.set(s.path, s);
    for (const spec of specs) {
      map.set(spec.path, r);
      if (spec.single) singles.add(spec.path);
      const row = ws.getRow(r);
      row.getCell(1).value = projection.scenarios[i]!.id;
      row.getCell(2).value = spec.path;
      row.getCell(3).value = label(messages, `xlsx.unit.${spec.kind}` as MessageKey);
      // A scenario's input equal to base's refers to base's cell: change base, and every
      // scenario that leaves that input as it is follows (as the model's scenarios do).
      const inBase = i !== baseIndex && baseIndex >= 0 ? baseSpecs.get(spec.path) : undefined;
      const followsBase = inBase !== undefined && inBase.single === spec.single && sameSeries(inBase.values, spec.values);
      const count = spec.single ? 1 : years.length;
      for (let t = 0; t < count; t++) {
        const cell = row.getCell(INPUTS_FIRST_YEAR_COLUMN + t);
        const value = num(spec.values[t]!);
        if (followsBase) cell.value = { formula: local(rows[baseIndex]!.get(spec.path)!, t, spec.single), result: value };
        else if (spec.derived) {
          const factor = (path: string) => (path.startsWith("1-") ? `(1-${local(map.get(path.slice(2))!, t, false)})` : local(map.get(path)!, t, false));
          cell.value = { formula: spec.derived.terms.map((product) => product.map(factor).join("*")).join("+"), result: value };
        }
        else cell.value = value;
        cell.numFmt = spec.kind === "percent" ? "0.00##%" : fmt[spec.kind];
      }
      r++;
    }
  });
  ws.views = [{ state: "frozen", xSplit: 3, ySplit: 1 }];
  ws.getColumn(1).width = 16;
  ws.getColumn(2).width = Math.min(60, Math.max(24, ...[...rows.flatMap((m) => [...m.keys()])].map((p) => p.length + 2)));
  ws.getColumn(3).width = 12;
  years.forEach((_, t) => { ws.getColumn(INPUTS_FIRST_YEAR_COLUMN + t).width = 18; });
  return {
    ref: (scenario, path, t) => {
      const row = rows[scenario]?.get(path);
      if (row === undefined) throw new Error(`xlsx: no input ${path} for scenario ${scenario}`);
      return prefix + local(row, t, singles.has(path));
    },
    has: (scenario, path) => rows[scenario]?.has(path) === true,
  };
}

// ---- a P&L sheet ----------------------------------------------------------------------------------

/** A row of a P&L sheet: its key (column A), its label, a formula and a cached value per year. */
interface Line {
  readonly key: string;
  readonly label: string;
  readonly kind: Kind | "exact" | "heading";
  readonly cells: readonly ({ readonly formula: string; readonly value: Value } | null)[];
  readonly bold?: boolean;
}

const LINE_KINDS: Readonly<Record<CellField, Kind>> = {
  customers: "count", new_customers: "count", list_revenue: "money", market_revenue: "money", partner_margin: "money", revenue: "money",
  cogs: "money", gross_profit: "money", variable_costs: "money", rebates: "money", mdf: "money", acquisition_costs: "money", service_costs: "money", conflict_costs: "money", cm1: "money",
};

export interface SheetLayout {
  readonly name: string;
  /** Row of each key on the sheet. */
  readonly rows: ReadonlyMap<string, number>;
}

function plSheet(wb: ExcelJS.Workbook, name: string, scenarioIndex: number, input: WorkbookInput, inputs: InputsIndex, fmt: ReturnType<typeof formats>): SheetLayout {
  const { projection, messages } = input;
  const model = input.models[scenarioIndex]!;
  const s = projection.scenarios[scenarioIndex]!;
  const years = projection.years;
  const places = model.minorUnits;
  const T = years.length;
  // Rebate and MDF rows exist only for a model with tiers, as in every other format.
  const lineFields = shownFields(Object.keys(LINE_KINDS) as CellField[], projection.tierLines);
  const lines: Line[] = [];
  const rowOf = new Map<string, number>();
  const FIRST_ROW = 3;
  // Rows are numbered as they are added, so a formula can name any row added before it.
  const add = (line: Line) => {
    rowOf.set(line.key, FIRST_ROW + lines.length);
    lines.push(line);
  };
  const at = (key: string, t: number) => {
    const row = rowOf.get(key);
    if (row === undefined) throw new Error(`xlsx: no row ${key}`);
    return `${columnName(PL_FIRST_YEAR_COLUMN + t)}${row}`;
  };
  const inp = (path: string, t: number) => inputs.ref(scenarioIndex, path, t);
  const heading = (key: string, text: string) => add({ key, label: text, kind: "heading", cells: [], bold: true });
  const perYear = (f: (t: number) => { formula: string; value: Value }) => Array.from({ length: T }, (_, t) => f(t));
  // The row is known before its formulas are made, so a year may refer to the year before it.
  const line = (key: string, text: string, kind: Line["kind"], f: (t: number) => { formula: string; value: Value }, bold = false) => {
    rowOf.set(key, FIRST_ROW + lines.length);
    add({ key, label: text, kind, cells: perYear(f), bold });
  };
  const sumOf = (keys: readonly string[], t: number) => (keys.length === 0 ? "0" : keys.map((k) => at(k, t)).join("+"));
  const round = (expr: string, p: number) => `ROUND(${expr},${p})`;
  const L = (key: MessageKey) => label(messages, key);

  // Customer flow (§3), exact.
  heading("flow", L("xlsx.section.flow"));
  for (const seg of model.segments) {
    heading(`flow.${seg.id}`, seg.name);
    // The engine's customer flow (§3), exact: the cached value of each formula below.
    const flow = projectCustomers(seg, T);
    const k = `flow.${seg.id}`;
    // Retained of year t reads active of year t − 1, two rows below it.
    rowOf.set(`${k}.active`, FIRST_ROW + lines.length + 2);
    line(`${k}.retained`, L("xlsx.flow.retained"), "exact", (t) => ({
      formula: `${t === 0 ? inp(`segments.${seg.id}.customers`, 0) : at(`${k}.active`, t - 1)}*(1-${inp(`segments.${seg.id}.churn`, t)})`,
      value: num(flow.retained[t]!),
    }));
    line(`${k}.new`, L("xlsx.flow.new"), "exact", (t) => ({
      formula: seg.marketPotential
        ? `MIN(${inp(`segments.${seg.id}.new_customers`, t)},MAX(0,${inp(`segments.${seg.id}.market_potential`, t)}-${at(`${k}.retained`, t)}))`
        : inp(`segments.${seg.id}.new_customers`, t),
      value: num(flow.added[t]!),
    }));
    line(`${k}.active`, L("xlsx.flow.active"), "exact", (t) => ({ formula: `${at(`${k}.retained`, t)}+${at(`${k}.new`, t)}`, value: num(flow.active[t]!) }), true);
  }

  // Channels: each cell (§4), then the channel's lines (§5).
  const exactCm1Keys: string[] = [];
  for (const channel of model.channels) {
    const c = channel.id;
    heading(c, channel.name === c ? c : `${channel.name} (${c})`);
    const cellSegments = model.segments.filter((seg) => model.mix[seg.id]?.[c] !== undefined);
    for (const seg of cellSegments) {
      const k = `${c}.${seg.id}`;
      heading(k, `${channel.name} × ${seg.name}`);
      const pathOf = (field: (typeof TERM_FIELDS)[number]) => termPath(channel, seg.id, field);
      const [discountField, marginField, acquisitionField, serviceField] = TERM_FIELDS;
      const variablePaths = channel.variableCosts.map((l) => `channels.${c}.variable_costs.${l.name}`);
      const conflicts = model.conflicts.map((rule, i) => ({ rule, path: conflictPath(rule, i, model.conflicts) })).filter(({ rule }) => rule.seller === c && rule.segment === seg.id);
      const share = (t: number) => inp(`mix.${seg.id}.${c}`, t);
      // The exact figures, as expressions of inputs (nothing rounded): §4's first table.
      const ex = (t: number) => {
        const C = `${at(`flow.${seg.id}.active`, t)}*${share(t)}`;
        const N = `${at(`flow.${seg.id}.new`, t)}*${share(t)}`;
        const Lr = `${C}*${inp(`segments.${seg.id}.revenue_per_customer`, t)}`;
        const M = `${Lr}*(1-${inp(pathOf(discountField), t)})`;
        const P = channel.type === "indirect" ? `${M}*${inp(pathOf(marginField), t)}` : "0";
        const R = channel.type === "indirect" ? `(${M}-${P})` : `(${M})`;
        const G = `${Lr}*(1-${inp(`segments.${seg.id}.gross_margin`, t)})`;
        const V = variablePaths.length === 0 ? "0" : `${R}*(${variablePaths.map((p) => inp(p, t)).join("+")})`;
        const A = `${N}*${inp(pathOf(acquisitionField), t)}`;
        const S = `${C}*${inp(pathOf(serviceField), t)}`;
        const K = conflicts.length === 0 ? "0" : `${R}*(${conflicts.map(({ path }) => `${inp(`${path}.overlap`, t)}*${inp(`${path}.compensation`, t)}`).join("+")})`;
        const tiered = channel.tiers.length > 0;
        const B = tiered ? `${M}*${inp(`channels.${c}.rebate_rate`, t)}` : "0";
        const F = tiered ? `${M}*${inp(`channels.${c}.mdf_rate`, t)}` : "0";
        return { C, N, Lr, M, P, R, G, V, A, S, K, B, F };
      };
      const figures = (t: number) => s.years[t]!.channels[c]!.segments[seg.id]!;
      const v = (field: CellField, t: number) => num(figures(t)[field]);
      const f = (field: CellField, text: string, formula: (t: number) => string, bold = false) =>
        line(`${k}.${field}`, text, LINE_KINDS[field], (t) => ({ formula: formula(t), value: v(field, t) }), bold);
      f("customers", L("line.customers"), (t) => round(ex(t).C, 2));
      f("new_customers", L("line.new_customers"), (t) => round(ex(t).N, 2));
      f("list_revenue", L("line.list_revenue"), (t) => round(ex(t).Lr, places));
      f("market_revenue", L("line.market_revenue"), (t) => round(ex(t).M, places));
      f("partner_margin", L("line.partner_margin"), (t) => (channel.type === "indirect" ? round(ex(t).P, places) : "0"));
      f("revenue", L("line.revenue"), (t) => `${at(`${k}.market_revenue`, t)}-${at(`${k}.partner_margin`, t)}`, true);
      f("cogs", L("line.cogs"), (t) => round(ex(t).G, places));
      f("gross_profit", L("line.gross_profit"), (t) => `${at(`${k}.revenue`, t)}-${at(`${k}.cogs`, t)}`);
      f("variable_costs", L("line.variable_costs"), (t) => (variablePaths.length === 0 ? "0" : round(ex(t).V, places)));
      if (projection.tierLines) {
        f("rebates", L("line.rebates"), (t) => (channel.tiers.length === 0 ? "0" : round(ex(t).B, places)));
        f("mdf", L("line.mdf"), (t) => (channel.tiers.length === 0 ? "0" : round(ex(t).F, places)));
      }
      const programme = (t: number) => (projection.tierLines ? `-${at(`${k}.rebates`, t)}-${at(`${k}.mdf`, t)}` : "");
      f("acquisition_costs", L("line.acquisition_costs"), (t) => round(ex(t).A, places));
      f("service_costs", L("line.service_costs"), (t) => round(ex(t).S, places));
      f("conflict_costs", L("line.conflict_costs"), (t) => (conflicts.length === 0 ? "0" : round(ex(t).K, places)));
      f("cm1", L("line.cm1"), (t) => `${at(`${k}.gross_profit`, t)}-${at(`${k}.variable_costs`, t)}${programme(t)}-${at(`${k}.acquisition_costs`, t)}-${at(`${k}.service_costs`, t)}-${at(`${k}.conflict_costs`, t)}`, true);
      // cm1 before any rounding: only NPV reads it (§7).
      line(`${k}.cm1_exact`, L("xlsx.cm1Exact"), "exact", (t) => {
        const e = ex(t);
        return { formula: `${e.R}-${e.G}-${e.V}-${e.B}-${e.F}-${e.A}-${e.S}-${e.K}`, value: num(exactCellCm1(model, channel, seg, t)) };
      });
      exactCm1Keys.push(`${k}.cm1_exact`);
    }
    const cy = (t: number) => s.years[t]!.channels[c]!;
    heading(`${c}.pl`, label(messages, "xlsx.channelTotal", { channel: channel.name }));
    for (const field of lineFields) {
      line(`${c}.${field}`, L(`line.${field}`), LINE_KINDS[field], (t) => ({ formula: sumOf(cellSegments.map((seg) => `${c}.${seg.id}.${field}`), t), value: num(cy(t)[field]) }), field === "revenue" || field === "cm1");
    }
    for (const l of channel.fixedCosts) line(`${c}.fixed_costs.${l.name}`, `${L("line.fixed_costs")}: ${l.name}`, "money", (t) => ({ formula: round(inp(`channels.${c}.fixed_costs.${l.name}`, t), places), value: num(l.values[t]!.toDecimalPlaces(places, 4)) }));
    line(`${c}.fixed_costs`, L("line.fixed_costs"), "money", (t) => ({ formula: sumOf(channel.fixedCosts.map((l) => `${c}.fixed_costs.${l.name}`), t), value: num(cy(t).fixed_costs) }));
    for (const l of channel.income) line(`${c}.income.${l.name}`, `${L("line.income")}: ${l.name}`, "money", (t) => ({ formula: round(inp(`channels.${c}.income.${l.name}`, t), places), value: num(l.values[t]!.toDecimalPlaces(places, 4)) }));
    line(`${c}.income`, L("line.income"), "money", (t) => ({ formula: sumOf(channel.income.map((l) => `${c}.income.${l.name}`), t), value: num(cy(t).income) }));
    line(`${c}.contribution`, L("line.contribution"), "money", (t) => ({ formula: `${at(`${c}.cm1`, t)}-${at(`${c}.fixed_costs`, t)}+${at(`${c}.income`, t)}`, value: num(cy(t).contribution) }), true);
    // The parts of the shared costs come from the allocation below: their rows are known once it is laid out.
    for (const sc of model.sharedCosts) {
      lines.push({ key: `${c}.shared_costs.${sc.id}`, label: `${L("line.shared_costs")}: ${sc.id}`, kind: "money", cells: [] });
      rowOf.set(`${c}.shared_costs.${sc.id}`, FIRST_ROW + lines.length - 1);
    }
    line(`${c}.shared_costs`, L("line.shared_costs"), "money", (t) => ({ formula: sumOf(model.sharedCosts.map((sc) => `${c}.shared_costs.${sc.id}`), t), value: num(cy(t).shared_costs) }));
    line(`${c}.net_profit`, L("line.net_profit"), "money", (t) => ({ formula: `${at(`${c}.contribution`, t)}-${at(`${c}.shared_costs`, t)}`, value: num(cy(t).net_profit) }), true);
    ratios(c, (t) => cy(t));
  }

  function ratios(prefix: string, figures: (t: number) => { gross_margin: Decimal | null; contribution_margin: Decimal | null; net_margin: Decimal | null }) {
    for (const [ratio, numerator] of [["gross_margin", "gross_profit"], ["contribution_margin", "contribution"], ["net_margin", "net_profit"]] as const) {
      line(`${prefix}.${ratio}`, L(`line.${ratio}`), "percent", (t) => {
        const value = figures(t)[ratio];
        return { formula: `IF(${at(`${prefix}.revenue`, t)}=0,"",${at(`${prefix}.${numerator}`, t)}/${at(`${prefix}.revenue`, t)})`, value: value === null ? "" : num(value) };
      });
    }
  }

  // Allocation of each shared cost (§6): largest remainder, as formulas.
  const channels = model.channels;
  heading("allocation", L("xlsx.section.allocation"));
  const unit = 10 ** places;
  for (const sc of model.sharedCosts) {
    const k = `allocation.${sc.id}`;
    const method = sc.allocation.kind === "shares" ? null : sc.allocation.method;
    heading(k, `${sc.id} (${sc.allocation.kind === "shares" ? L("xlsx.allocation.shares") : L(`method.${sc.allocation.method}`)})`);
    const amount = (t: number) => sc.amount[t]!.toDecimalPlaces(places, 4);
    line(`${k}.amount`, L("xlsx.allocation.amount"), "money", (t) => ({ formula: round(inp(`shared_costs.${sc.id}.amount`, t), places), value: num(amount(t)) }), true);
    line(`${k}.units`, L("xlsx.allocation.units"), "number", (t) => ({ formula: `${at(`${k}.amount`, t)}*${unit}`, value: num(amount(t).times(unit)) }));
    // Weights as the engine takes them: a driver's footed figure (a negative one counts as 0, all
    // zero: equal), 1 each for equal, or the written share.
    const rawWeights = (t: number): Decimal[] => channels.map((ch) => {
      if (sc.allocation.kind === "shares") return sc.allocation.shares[ch.id] ?? model.discountRate.times(0);
      if (method === "equal") return model.discountRate.times(0).plus(1);
      return s.years[t]!.channels[ch.id]![method!];
    });
    if (method !== null && method !== "equal") {
      for (const ch of channels) line(`${k}.driver.${ch.id}`, `${L(`method.${method}`)}: ${ch.id}`, method === "customers" || method === "new_customers" ? "count" : "money", (t) => ({ formula: at(`${ch.id}.${method}`, t), value: num(s.years[t]!.channels[ch.id]![method]) }));
    }
    const weights = (t: number): Decimal[] => {
      const raw = rawWeights(t).map((w) => (w.isNegative() ? w.times(0) : w));
      return raw.every((w) => w.isZero()) ? raw.map((w) => w.times(0).plus(1)) : raw;
    };
    const firstDriver = method !== null && method !== "equal" ? rowOf.get(`${k}.driver.${channels[0]!.id}`)! : 0;
    const driverRange = (t: number) => `${columnName(PL_FIRST_YEAR_COLUMN + t)}${firstDriver}:${columnName(PL_FIRST_YEAR_COLUMN + t)}${firstDriver + channels.length - 1}`;
    channels.forEach((ch, i) => line(`${k}.weight.${ch.id}`, `${L("xlsx.allocation.weight")}: ${ch.id}`, "number", (t) => {
      const value = num(weights(t)[i]!);
      if (sc.allocation.kind === "shares") return { formula: inputs.has(scenarioIndex, `shared_costs.${sc.id}.allocate_by.${ch.id}`) ? inp(`shared_costs.${sc.id}.allocate_by.${ch.id}`, t) : "0", value };
      if (method === "equal") return { formula: "1", value };
      return { formula: `IF(SUMIF(${driverRange(t)},">0")=0,1,MAX(0,${at(`${k}.driver.${ch.id}`, t)}))`, value };
    }));
    const range = (kind: string, t: number) => `${at(`${k}.${kind}.${channels[0]!.id}`, t)}:${at(`${k}.${kind}.${channels.at(-1)!.id}`, t)}`;
    const exactParts = (t: number) => {
      const w = weights(t);
      const total = w.reduce((a, b) => a.plus(b));
      return w.map((x) => amount(t).times(unit).times(x).dividedBy(total));
    };
    channels.forEach((ch, i) => line(`${k}.exact.${ch.id}`, `${L("xlsx.allocation.exact")}: ${ch.id}`, "exact", (t) => ({ formula: `${at(`${k}.units`, t)}*${at(`${k}.weight.${ch.id}`, t)}/SUM(${range("weight", t)})`, value: num(exactParts(t)[i]!) })));
    channels.forEach((ch, i) => line(`${k}.whole.${ch.id}`, `${L("xlsx.allocation.whole")}: ${ch.id}`, "number", (t) => ({ formula: `INT(${at(`${k}.exact.${ch.id}`, t)})`, value: num(exactParts(t)[i]!.floor()) })));
    channels.forEach((ch, i) => line(`${k}.remainder.${ch.id}`, `${L("xlsx.allocation.remainder")}: ${ch.id}`, "exact", (t) => ({ formula: `${at(`${k}.exact.${ch.id}`, t)}-${at(`${k}.whole.${ch.id}`, t)}`, value: num(exactParts(t)[i]!.minus(exactParts(t)[i]!.floor())) })));
    line(`${k}.left`, L("xlsx.allocation.left"), "number", (t) => ({ formula: `${at(`${k}.units`, t)}-SUM(${range("whole", t)})`, value: num(exactParts(t).reduce((a, x) => a.minus(x.floor()), amount(t).times(unit))) }));
    channels.forEach((ch, i) => {
      line(`${k}.part.${ch.id}`, `${L("xlsx.allocation.part")}: ${ch.id}`, "money", (t) => {
        // Rank of this remainder: the larger ones, then the equal ones of earlier channels.
        const r = at(`${k}.remainder.${ch.id}`, t);
        const earlier = i === 0 ? "0" : `SUMPRODUCT((${at(`${k}.remainder.${channels[0]!.id}`, t)}:${at(`${k}.remainder.${channels[i - 1]!.id}`, t)}=${r})*1)`;
        return { formula: `(${at(`${k}.whole.${ch.id}`, t)}+IF(SUMPRODUCT((${range("remainder", t)}>${r})*1)+${earlier}<${at(`${k}.left`, t)},1,0))/${unit}`, value: num(s.years[t]!.channels[ch.id]!.shared_cost_parts[sc.id]!) };
      }, true);
    });
    // The channel's part row, above, now that the allocation's rows are known.
    for (const ch of channels) {
      const partKey = `${ch.id}.shared_costs.${sc.id}`;
      const index = rowOf.get(partKey)! - FIRST_ROW;
      lines[index] = { ...lines[index]!, cells: perYear((t) => ({ formula: at(`${k}.part.${ch.id}`, t), value: num(s.years[t]!.channels[ch.id]!.shared_cost_parts[sc.id]!) })) };
    }
  }

  // The total (§5) and the horizon (§7).
  heading("total", L("xlsx.section.total"));
  const ty = (t: number) => s.years[t]!.total;
  for (const field of [...lineFields, "fixed_costs", "income", "contribution"] as const) {
    line(`total.${field}`, L(`line.${field}`), field in LINE_KINDS ? LINE_KINDS[field as CellField] : "money", (t) => ({ formula: sumOf(channels.map((ch) => `${ch.id}.${field}`), t), value: num(ty(t)[field]) }), field === "revenue" || field === "contribution");
  }
  line("total.shared_costs", L("line.shared_costs"), "money", (t) => ({ formula: sumOf(model.sharedCosts.map((sc) => `allocation.${sc.id}.amount`), t), value: num(ty(t).shared_costs) }));
  line("total.net_profit", L("line.net_profit"), "money", (t) => ({ formula: `${at("total.contribution", t)}-${at("total.shared_costs", t)}`, value: num(ty(t).net_profit) }), true);
  ratios("total", ty);
  line("total.cumulative_net_profit", L("line.cumulative_net_profit"), "money", (t) => ({ formula: t === 0 ? at("total.net_profit", 0) : `${at("total.cumulative_net_profit", t - 1)}+${at("total.net_profit", t)}`, value: num(ty(t).cumulative_net_profit) }));
  line("total.net_profit_exact", L("xlsx.netProfitExact"), "exact", (t) => {
    const fixed = channels.flatMap((ch) => ch.fixedCosts.map((l) => inp(`channels.${ch.id}.fixed_costs.${l.name}`, t)));
    const income = channels.flatMap((ch) => ch.income.map((l) => inp(`channels.${ch.id}.income.${l.name}`, t)));
    const shared = model.sharedCosts.map((sc) => inp(`shared_costs.${sc.id}.amount`, t));
    const formula = [sumOf(exactCm1Keys, t), ...fixed.map((x) => `-${x}`), ...income.map((x) => `+${x}`), ...shared.map((x) => `-${x}`)].join("");
    return { formula, value: num(exactNetProfit(model, t)) };
  });
  const rate = inp("discount_rate", 0);
  add({
    key: "total.npv", label: L("line.npv"), kind: "money", bold: true,
    cells: [{ formula: round(years.map((_, t) => `${at("total.net_profit_exact", t)}/(1+${rate})^${t + 1}`).join("+"), places), value: num(s.npv) }],
  });

  // Write the rows.
  const ws = wb.addWorksheet(name);
  const title = ws.getRow(1);
  title.getCell(1).value = `${projection.name} · ${s.name}`;
  title.font = { bold: true, size: 13 };
  const header = ws.getRow(2);
  header.values = [label(messages, "xlsx.column.key"), label(messages, "xlsx.column.line"), ...years];
  header.font = { bold: true };
  lines.forEach((l, i) => {
    const row = ws.getRow(FIRST_ROW + i);
    row.getCell(1).value = l.key;
    row.getCell(2).value = l.kind === "heading" ? l.label : `  ${l.label}`;
    if (l.bold) row.font = { bold: true };
    l.cells.forEach((cell, t) => {
      if (cell === null) return;
      const target = row.getCell(PL_FIRST_YEAR_COLUMN + t);
      target.value = /^-?\d+(\.\d+)?$/.test(cell.formula) ? Number(cell.formula) : { formula: cell.formula, result: cell.value as never };
      target.numFmt = l.kind === "heading" ? "General" : l.kind === "exact" ? fmt.exact : fmt[l.kind];
    });
  });
  ws.views = [{ state: "frozen", xSplit: 2, ySplit: 2 }];
  ws.getColumn(1).width = Math.min(48, Math.max(14, ...lines.map((l) => l.key.length + 2)));
  ws.getColumn(2).width = Math.min(48, Math.max(20, ...lines.map((l) => l.label.length + 4)));
  years.forEach((_, t) => { ws.getColumn(PL_FIRST_YEAR_COLUMN + t).width = 20; });
  return { name, rows: rowOf };
}

// ---- the checks -----------------------------------------------------------------------------------

function writeChecks(ws: ExcelJS.Worksheet, input: WorkbookInput, inputs: InputsIndex, sheets: readonly SheetLayout[], fmt: ReturnType<typeof formats>): void {
  const { projection, messages, models } = input;
  const places = projection.minorUnits;
  const header = ws.getRow(1);
  header.values = ["check", "scenario", "year", "metric", "scope", "min", "max", "value", "passed"].map((c) => label(messages, `xlsx.checks.${c}` as MessageKey));
  header.font = { bold: true };
  let r = 2;
  for (const outcome of input.checks) {
    for (const point of outcome.points) {
      const i = projection.scenarios.findIndex((s) => s.id === point.scenario);
      const sheet = sheets[i]!;
      const model = models[i]!;
      const s: ScenarioProjection = projection.scenarios[i]!;
      const cellOf = (key: string, t: number) => `${sheetRef(sheet.name)}${columnName(PL_FIRST_YEAR_COLUMN + t)}${sheet.rows.get(key)}`;
      const t = point.year === null ? -1 : projection.years.indexOf(point.year);
      let formula: string | null = null;
      if (point.missing !== "no_channel" && point.missing !== "no_segment") {
        if (point.year === null) {
          const prefix = outcome.channel ?? "total";
          if (outcome.channel === null) formula = outcome.metric === "npv" ? cellOf("total.npv", 0) : cellOf("total.cumulative_net_profit", projection.years.length - 1);
          else if (outcome.metric === "cumulative_net_profit") formula = `SUM(${cellOf(`${prefix}.net_profit`, 0)}:${columnName(PL_FIRST_YEAR_COLUMN + projection.years.length - 1)}${sheet.rows.get(`${prefix}.net_profit`)})`;
          else formula = `ROUND(${projection.years.map((_, k) => `${cellOf(`${prefix}.net_profit`, k)}/(1+${inputs.ref(i, "discount_rate", 0)})^${k + 1}`).join("+")},${places})`;
        } else if (outcome.segment !== null) {
          const cells = (field: string) => model.channels.filter((c) => model.mix[outcome.segment!]?.[c.id] !== undefined).map((c) => cellOf(`${c.id}.${outcome.segment}.${field}`, t));
          const total = (field: string) => `SUM(${cells(field).join(",")})`;
          formula = outcome.metric === "gross_margin" ? `IF(${total("revenue")}=0,"",${total("gross_profit")}/${total("revenue")})` : total(outcome.metric);
        } else {
          formula = cellOf(`${outcome.channel ?? "total"}.${outcome.metric}`, t);
        }
      }
      const row = ws.getRow(r);
      row.getCell(1).value = outcome.index === null ? label(messages, "check.defaultName") : outcome.name;
      row.getCell(2).value = s.id;
      row.getCell(3).value = point.year ?? label(messages, "xlsx.checks.horizon");
      row.getCell(4).value = outcome.metric;
      row.getCell(5).value = outcome.channel ?? outcome.segment ?? label(messages, "total");
      const bound = outcome.ratio ? "0.00%" : outcome.metric === "customers" ? fmt.count : fmt.money;
      if (outcome.min !== null) row.getCell(6).value = num(outcome.min);
      if (outcome.max !== null) row.getCell(7).value = num(outcome.max);
      const value = row.getCell(8);
      if (formula !== null) value.value = { formula, result: (point.value === null ? "" : num(point.value)) as never };
      for (const c of [6, 7, 8]) row.getCell(c).numFmt = bound;
      const conditions = [
        ...(outcome.min !== null ? [`ROUND(H${r},9)>=F${r}`] : []),
        ...(outcome.max !== null ? [`ROUND(H${r},9)<=G${r}`] : []),
      ];
      row.getCell(9).value = formula === null ? false : { formula: `IF(ISNUMBER(H${r}),AND(${conditions.join(",")}),FALSE)`, result: point.passed as never };
      r++;
    }
  }
  ws.views = [{ state: "frozen", xSplit: 1, ySplit: 1 }];
  ws.getColumn(1).width = Math.min(60, Math.max(20, ...input.checks.map((o) => o.name.length + 2)));
  [14, 8, 20, 14, 18, 18, 20, 8].forEach((w, i) => { ws.getColumn(i + 2).width = w; });
}

// ---- the workbook -----------------------------------------------------------------------------------

/** Sheet names: at most 31 characters, none of []:*?/\, unique. */
function sheetNames(prefix: string, ids: readonly string[]): string[] {
  const used = new Set<string>(["inputs", "checks"]);
  return ids.map((id) => {
    const clean = `${prefix} ${id}`.replace(/[[\]:*?/\\]/g, "_");
    let name = clean.slice(0, 31);
    for (let n = 2; used.has(name.toLowerCase()); n++) name = `${clean.slice(0, 31 - `~${n}`.length)}~${n}`;
    used.add(name.toLowerCase());
    return name;
  });
}

export async function renderXlsx(input: WorkbookInput): Promise<Uint8Array> {
  const { projection, messages } = input;
  const model = input.models[0]!;
  const fmt = formats(model);
  const wb = new ExcelJS.Workbook();
  wb.creator = "distplan";
  wb.lastModifiedBy = "distplan";
  wb.created = WORKBOOK_DATE;
  wb.modified = WORKBOOK_DATE;
  wb.title = projection.name;
  wb.calcProperties = { fullCalcOnLoad: false };
  const inputsName = label(messages, "xlsx.sheet.inputs");
  const inputs = writeInputs(wb.addWorksheet(inputsName), inputsName, input, fmt);
  const names = sheetNames(label(messages, "xlsx.sheet.pl"), projection.scenarios.map((s) => s.id));
  const sheets = projection.scenarios.map((_, i) => plSheet(wb, names[i]!, i, input, inputs, fmt));
  writeChecks(wb.addWorksheet(label(messages, "xlsx.sheet.checks")), input, inputs, sheets, fmt);
  const bytes = new Uint8Array(await wb.xlsx.writeBuffer());
  return withZipDates(bytes, WORKBOOK_DATE);
}

/**
 * Every entry of a zip with the same modification time (its local header and its central
 * directory record), so the archive's bytes do not depend on the clock. The compressed data and
 * CRCs are untouched.
 */
export function withZipDates(zip: Uint8Array, date: Date): Uint8Array {
  const out = new Uint8Array(zip);
  const view = new DataView(out.buffer, out.byteOffset, out.byteLength);
  const dosTime = (date.getUTCHours() << 11) | (date.getUTCMinutes() << 5) | Math.floor(date.getUTCSeconds() / 2);
  const dosDate = ((date.getUTCFullYear() - 1980) << 9) | ((date.getUTCMonth() + 1) << 5) | date.getUTCDate();
  // The end of central directory record: its signature, searched from the end (a comment may follow it).
  let end = -1;
  for (let i = out.length - 22; i >= 0; i--) if (view.getUint32(i, true) === 0x06054b50) { end = i; break; }
  if (end < 0) throw new Error("xlsx: no zip directory");
  const entries = view.getUint16(end + 10, true);
  let at = view.getUint32(end + 16, true);
  for (let n = 0; n < entries; n++) {
    if (view.getUint32(at, true) !== 0x02014b50) throw new Error("xlsx: bad zip directory");
    view.setUint16(at + 12, dosTime, true);
    view.setUint16(at + 14, dosDate, true);
    const local = view.getUint32(at + 42, true);
    if (view.getUint32(local, true) !== 0x04034b50) throw new Error("xlsx: bad zip entry");
    view.setUint16(local + 10, dosTime, true);
    view.setUint16(local + 12, dosDate, true);
    at += 46 + view.getUint16(at + 28, true) + view.getUint16(at + 30, true) + view.getUint16(at + 32, true);
  }
  return out;
}
