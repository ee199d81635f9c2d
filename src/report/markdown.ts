// `--format md`: GitHub-flavoured Markdown for a PR comment or a board memo. Machine-readable, so
// money is shown to the cent (SPEC §3 footing).
import type { Decimal } from "../engine/decimal.js";
import type { AllocationComparison, AllocationView, Projection, ScenarioProjection } from "../engine/projection-types.js";
import { LINE_LABELS, groupDigits, mdEscape, percent, warningLines, PLAIN_STYLE, type NumberStyle } from "./format.js";
import type { ByOption, LinesOption } from "./table.js";

export interface MarkdownOptions {
  readonly by: ByOption;
  readonly lines: LinesOption;
  readonly style: NumberStyle;
}

export function mdTable(head: readonly string[], rows: readonly (readonly string[])[], aligns: readonly ("l" | "r")[]): string {
  const line = (cells: readonly string[]) => `| ${cells.map(mdEscape).join(" | ")} |`;
  return [line(head), `|${aligns.map((a) => (a === "r" ? " ---: " : " --- ")).join("|")}|`, ...rows.map(line)].join("\n");
}

export function mdFigure(field: string, value: Decimal | null, style: NumberStyle = PLAIN_STYLE): string {
  if (value === null) return "–";
  if (field.endsWith("_margin") && field !== "partner_margin") return percent(value, 2, style);
  return groupDigits(value, 2, style);
}

const CHANNEL_LINES = ["revenue", "gross_profit", "cm1", "contribution", "shared_costs", "net_profit", "contribution_margin"];
const FULL_LINES = [
  "customers", "new_customers", "list_revenue", "market_revenue", "partner_margin", "revenue", "cogs", "gross_profit", "variable_costs",
  "acquisition_costs", "service_costs", "conflict_costs", "cm1", "fixed_costs", "income", "contribution", "shared_costs", "net_profit",
  "gross_margin", "contribution_margin", "net_margin",
];
const SEGMENT_LINES = ["customers", "revenue", "gross_profit", "cm1"];

function scenarioMarkdown(projection: Projection, s: ScenarioProjection, options: MarkdownOptions): string {
  const head = ["", "line", ...projection.years.map(String)];
  const rows: string[][] = [];
  const lines = options.lines === "full" ? FULL_LINES : CHANNEL_LINES;
  const add = (group: string, fields: readonly string[], pick: (t: number) => object | undefined) => {
    fields.forEach((f, i) => rows.push([i === 0 ? group : "", LINE_LABELS[f] ?? f, ...s.years.map((_, t) => mdFigure(f, ((pick(t) as Record<string, Decimal | null> | undefined)?.[f]) ?? null, options.style))]));
  };
  if (options.by === "segment") {
    for (const id of s.segmentIds) add(`**${id}**`, SEGMENT_LINES, (t) => s.years[t]!.segments[id]);
  } else {
    for (const id of s.channelIds) {
      add(`**${id}**`, lines, (t) => s.years[t]!.channels[id]);
      if (options.by === "both") {
        for (const seg of Object.keys(s.years[0]!.channels[id]!.segments)) add(`${id} · ${seg}`, SEGMENT_LINES, (t) => s.years[t]!.channels[id]!.segments[seg]);
      }
    }
  }
  add("**total**", [...lines, "cumulative_net_profit"], (t) => s.years[t]!.total);
  const title = `### ${projection.name} — scenario \`${s.id}\`${s.name !== s.id ? ` (${s.name})` : ""} · ${projection.currency}`;
  const summary = `NPV at ${percent(s.discountRate, 1, options.style)}: **${groupDigits(s.npv, 2, options.style)}** · cumulative net profit: **${groupDigits(s.cumulativeNetProfit, 2, options.style)}**`;
  const warnings = warningLines(s.warnings).map((w) => `> ⚠ ${w}`);
  return [title, "", mdTable(head, rows, ["l", "l", ...projection.years.map(() => "r" as const)]), "", summary, ...(warnings.length ? ["", ...warnings] : [])].join("\n");
}

export function projectionAsMarkdown(projection: Projection, options: MarkdownOptions): string {
  return projection.scenarios.map((s) => scenarioMarkdown(projection, s, options)).join("\n\n") + "\n";
}

const VIEW_HEAD: Record<AllocationView, string> = {
  as_modelled: "as modelled", revenue: "revenue", gross_profit: "gross profit", contribution: "contribution",
  customers: "customers", new_customers: "new customers", equal: "equal",
};

export function allocationsAsMarkdown(projection: Projection, comparisons: readonly AllocationComparison[], style: NumberStyle): string {
  const out: string[] = [];
  for (const c of comparisons) {
    for (const y of c.years) {
      out.push(`### Net profit by allocation method — \`${c.scenario}\` ${y.year} · ${projection.currency}`, "", "_Contribution decides; allocation informs._", "");
      const views = Object.keys(VIEW_HEAD) as AllocationView[];
      const rows = Object.entries(y.channels).map(([id, ch]) => [id, groupDigits(ch.contribution, 2, style), ...views.map((v) => groupDigits(ch.views[v].net_profit, 2, style))]);
      out.push(mdTable(["channel", "contribution", ...views.map((v) => VIEW_HEAD[v])], rows, ["l", "r", ...views.map(() => "r" as const)]), "");
    }
  }
  return out.join("\n");
}
