// distplan actuals <model> <actuals.csv>: plan against actual for a period and its year to date,
// per channel and line (docs/MODEL.md §14b). The CSV is read by cli/actuals-file.ts (its parser is
// loaded only here); the variance is the engine's; the view renders it in every format.
import { readActualsFile } from "../actuals-file.js";
import { parsePeriod, type ActualMetric, ACTUAL_METRICS } from "../../model/actuals.js";
import { pvmOfPeriod, variance, type VarianceBy } from "../../engine/variance.js";
import { actualsData, actualsView } from "../../views/actuals.js";
import { renderTerminal } from "../../render/table.js";
import { renderMarkdown } from "../../render/markdown.js";
import { renderJson } from "../../render/json.js";
import { issuesAsText } from "../issues.js";
import { EXIT, UsageError } from "../errors.js";
import { loadValidModel, selectScenarios } from "../models.js";
import { localeStyle, stderrPaint, stdoutPaint, terminalWidth, wantsAscii, writeErr, writeOut, type GlobalOptions } from "../output.js";

export interface ActualsOptions extends GlobalOptions {
  readonly scenario?: string[];
  readonly period?: string;
  readonly by?: VarianceBy;
  readonly pvm?: boolean;
  readonly format: "table" | "json" | "md";
  readonly locale?: string;
  readonly width?: string;
  readonly ascii?: boolean;
}

export async function runActuals(modelArg: string, actualsArg: string, options: ActualsOptions): Promise<number> {
  const loaded = await loadValidModel(modelArg);
  writeErr(issuesAsText(loaded, stderrPaint(options), ["warning"]));
  if ((options.scenario?.length ?? 0) > 1 || options.scenario?.includes("all")) throw new UsageError("actuals compares one scenario with what happened", "pass one --scenario id (default: base)");
  const projection = selectScenarios(loaded, options.scenario);
  const scenario = projection.scenarios[0]!;
  const model = loaded.scenarios[0]!.model;
  const file = await readActualsFile(actualsArg, { channels: model.channels.map((c) => c.id), segments: model.segments.map((s) => s.id) });
  if (!file.ok) {
    writeErr(file.text);
    return EXIT.usage;
  }
  // The period: as asked, else the latest period in the file.
  const latest = [...file.rows].sort((a, b) => a.period.year - b.period.year || end(a.period) - end(b.period)).at(-1);
  const period = options.period === undefined ? latest?.period : parsePeriod(options.period);
  if (period === undefined) {
    throw new UsageError(options.period === undefined ? "the actuals file has no rows" : `--period '${options.period}' is not a period`, "write a year (2027), a quarter (2027-Q3) or a month (2027-09)");
  }
  if (!projection.years.includes(period.year)) {
    throw new UsageError(`${period.text} is outside the plan (${projection.years[0]}–${projection.years.at(-1)})`, "pick a period within the plan's horizon");
  }
  const metrics = ACTUAL_METRICS.filter((m: ActualMetric) => file.rows.some((r) => r.metric === m));
  const planModel = loaded.scenarios.find((x) => x.id === scenario.id)?.model ?? model;
  const opts = { minorUnits: projection.minorUnits, by: options.by ?? "channel", seasonality: planModel.seasonality } as const;
  const report = {
    model: projection.name, scenario: scenario.id, currency: projection.currency, minorUnits: projection.minorUnits, period: period.text, by: opts.by, seasonal: opts.seasonality !== null,
    lines: variance(scenario, file.rows, period, metrics, opts),
    ...(options.pvm ? { pvm: pvmOfPeriod(scenario, file.rows, period, opts) } : {}),
  };
  const style = localeStyle(options.locale);
  switch (options.format) {
    case "table": writeOut(renderTerminal(actualsView(report), { width: terminalWidth(options.width), paint: stdoutPaint(options), style, unit: "1", ascii: wantsAscii(options.ascii) })); break;
    case "json": writeOut(renderJson(actualsData(report))); break;
    case "md": writeOut(renderMarkdown(actualsView(report), { style })); break;
  }
  return EXIT.ok;
}

const end = (p: { quarter?: number; month?: number }) => (p.month ?? (p.quarter !== undefined ? p.quarter * 3 : 12));
