// `report --format table`: what a commercial director reads. Years as columns, channels (or
// segments) as row groups, P&L lines from revenue down to net profit, totals, NPV. Figures are
// the footed projection, shown in whole units, thousands or millions (said in the header).
import type { Decimal } from "../engine/decimal.js";
import type { AllocationComparison, AllocationView, Projection, ScenarioProjection } from "../engine/projection-types.js";
import { grid, columnBlocks, widest, type Align } from "./grid.js";
import {
  LINE_LABELS, UNIT_WORD, autoUnit, wrap, shortPercent, groupDigits, percent, plainPaint, scaled, warningLines, PLAIN_STYLE,
  type NumberStyle, type Paint, type Unit,
} from "./format.js";

export type ByOption = "channel" | "segment" | "both";
export type LinesOption = "summary" | "full";

export interface TableOptions {
  readonly by: ByOption;
  readonly lines: LinesOption;
  readonly unit: Unit | "auto";
  readonly width: number;
  readonly paint: Paint;
  readonly style: NumberStyle;
  /** Lines printed under a scenario's table (failed checks, lints), already worded. */
  readonly notes?: Readonly<Record<string, readonly string[]>>;
}

export const DEFAULT_TABLE_OPTIONS: TableOptions = { by: "channel", lines: "summary", unit: "auto", width: 80, paint: plainPaint, style: PLAIN_STYLE };

const CHANNEL_SUMMARY = ["revenue", "contribution", "net_profit"] as const;
const TOTAL_SUMMARY = ["revenue", "contribution", "shared_costs", "net_profit"] as const;
const FULL = [
  "customers", "list_revenue", "market_revenue", "partner_margin", "revenue", "cogs", "gross_profit", "variable_costs", "acquisition_costs",
  "service_costs", "conflict_costs", "cm1", "fixed_costs", "income", "contribution", "shared_costs", "net_profit",
  "contribution_margin",
] as const;
const SEGMENT_SUMMARY = ["customers", "revenue", "gross_profit", "cm1"] as const;
const SEGMENT_FULL = [
  "customers", "new_customers", "list_revenue", "market_revenue", "partner_margin", "revenue", "cogs", "gross_profit",
  "variable_costs", "acquisition_costs", "service_costs", "conflict_costs", "cm1",
] as const;
const CELL_SUMMARY = ["revenue", "cm1"] as const;

type Figures = object;
interface Row {
  readonly group: string;
  readonly label: string;
  readonly field: string;
  readonly values: readonly (Decimal | null)[];
}

export function projectionAsTable(projection: Projection, options: TableOptions = DEFAULT_TABLE_OPTIONS): string {
  return projection.scenarios.map((s) => scenarioTable(projection, s, options)).join("\n\n") + "\n";
}

function rowsFor(s: ScenarioProjection, options: TableOptions): Row[] {
  const rows: Row[] = [];
  const add = (group: string, label: string, fields: readonly string[], pick: (t: number) => Figures | undefined) => {
    fields.forEach((field, i) => {
      rows.push({ group: i === 0 ? group : "", label: `${label}${LINE_LABELS[field] ?? field}`, field, values: s.years.map((_, t) => ((pick(t) as Record<string, Decimal | null> | undefined)?.[field]) ?? null) });
    });
  };
  const full = options.lines === "full";
  if (options.by === "segment") {
    for (const id of s.segmentIds) add(id, "", full ? SEGMENT_FULL : SEGMENT_SUMMARY, (t) => s.years[t]!.segments[id]);
  } else {
    for (const id of s.channelIds) {
      add(id, "", full ? FULL : CHANNEL_SUMMARY, (t) => s.years[t]!.channels[id]);
      if (options.by === "both") {
        for (const seg of Object.keys(s.years[0]!.channels[id]!.segments)) {
          add(`  ${seg}`, "", full ? SEGMENT_FULL : CELL_SUMMARY, (t) => s.years[t]!.channels[id]!.segments[seg]);
        }
      }
    }
  }
  add("total", "", full ? FULL : TOTAL_SUMMARY, (t) => s.years[t]!.total);
  return rows;
}

function cellText(field: string, value: Decimal | null, unit: Unit, options: TableOptions): string {
  if (value === null) return "–";
  let text: string;
  if (field.endsWith("_margin") && field !== "partner_margin") text = percent(value, 1, options.style);
  else if (field === "customers" || field === "new_customers") text = groupDigits(value, 0, options.style);
  else text = scaled(value, unit, options.style);
  return value.isNegative() && /[1-9]/.test(text) ? options.paint.red(text) : text;
}

function scenarioTable(projection: Projection, s: ScenarioProjection, options: TableOptions): string {
  const rows = rowsFor(s, options);
  const moneyValues = rows.filter((r) => !r.field.endsWith("customers") && !r.field.endsWith("_margin")).flatMap((r) => r.values.filter((v): v is Decimal => v !== null));
  const unit = options.unit === "auto" ? autoUnit(moneyValues) : options.unit;
  const unitWord = UNIT_WORD[unit];
  const header = `${projection.name} · scenario ${s.id} · ${projection.currency}${unitWord ? ` ${unitWord}` : ""}`;

  const body = rows.map((r) => [r.group, r.label, ...r.values.map((v) => cellText(r.field, v, unit, options))]);
  const years = projection.years.map(String);
  const yearWidths = years.map((y, i) => Math.max(y.length, widest(body.map((row) => row[i + 2]!))));
  const fixedWidth = widest(body.map((r) => r[0]!)) + 2 + widest(body.map((r) => r[1]!));
  const blocks = columnBlocks(fixedWidth, yearWidths, options.width);
  const tables = blocks.map((cols) => {
    const aligns: Align[] = ["left", "right", ...cols.map(() => "right" as const)];
    const head = ["", "", ...cols.map((i) => options.paint.bold(years[i]!))];
    return grid([head, ...body.map((row) => [row[0]!, row[1]!, ...cols.map((i) => row[i + 2]!)])], aligns);
  });

  const rate = shortPercent(s.discountRate, options.style); // #22: the scenario's own rate
  const footer = `NPV at ${rate}: ${scaled(s.npv, unit, options.style)} · cumulative net profit: ${scaled(s.cumulativeNetProfit, unit, options.style)}`;
  const warnings = warningLines(s.warnings).map((w) => options.paint.yellow(wrap(`⚠ ${w}`, options.width)));
  const notes = options.notes?.[s.id] ?? [];
  const about = s.id !== "base" && (s.name !== s.id || s.description) ? [options.paint.dim(wrap([s.name !== s.id ? s.name : "", s.description].filter(Boolean).join(" — "), options.width, ""))] : [];
  return [options.paint.bold(header), ...about, tables.join("\n\n"), footer, ...warnings, ...notes].join("\n");
}

// ---- --allocations ------------------------------------------------------------------------------
const VIEW_LABELS: Record<AllocationView, string> = {
  as_modelled: "as modelled", revenue: "revenue", gross_profit: "gross profit", contribution: "contribution",
  customers: "customers", new_customers: "new cust.", equal: "equal",
};

export function allocationsAsTable(projection: Projection, comparisons: readonly AllocationComparison[], options: TableOptions): string {
  const out: string[] = [options.paint.dim("Contribution decides; allocation informs. Each column allocates all shared costs by one method."), ""];
  for (const comparison of comparisons) {
    const values = comparison.years.flatMap((y) => Object.values(y.channels).flatMap((c) => [c.contribution, ...Object.values(c.views).map((v) => v.net_profit)]));
    const unit = options.unit === "auto" ? autoUnit(values) : options.unit;
    const views = (Object.keys(VIEW_LABELS) as AllocationView[]).filter((v) => v !== "new_customers" || options.width >= 100);
    for (const y of comparison.years) {
      const unitWord = UNIT_WORD[unit];
      out.push(options.paint.bold(`Net profit by allocation method · ${comparison.scenario} · ${y.year} · ${projection.currency}${unitWord ? ` ${unitWord}` : ""}`));
      const head = ["", "contribution", ...views.map((v) => VIEW_LABELS[v])];
      const rows = Object.entries(y.channels).map(([id, c]) => [id, cellText("contribution", c.contribution, unit, options), ...views.map((v) => cellText("net_profit", c.views[v].net_profit, unit, options))]);
      out.push(grid([head, ...rows], ["left", ...head.slice(1).map(() => "right" as const)]), "");
    }
  }
  const warnings = warningLines(comparisons.flatMap((c) => c.warnings));
  return [...out, ...warnings.map((w) => options.paint.yellow(wrap(`⚠ ${w}`, options.width)))].join("\n").replace(/\n+$/, "") + "\n";
}
