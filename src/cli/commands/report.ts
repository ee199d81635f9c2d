// distplan report [model]: the per-channel P&L of one or more scenarios, in any format.
import { compareAllocations } from "../../engine/allocation.js";
import { projectionAsTable, allocationsAsTable, type ByOption, type LinesOption } from "../../report/table.js";
import { projectionAsJson } from "../../report/json.js";
import { projectionAsCsv, allocationsAsCsv } from "../../report/csv.js";
import { projectionAsMarkdown, allocationsAsMarkdown } from "../../report/markdown.js";
import { allocationsAsJson } from "../../report/allocations-json.js";
import type { Unit } from "../../report/format.js";
import { issuesAsText } from "../../report/issues.js";
import { evaluateChecks } from "../../engine/checks.js";
import { failureSummary, title } from "../../report/check.js";
import type { Paint } from "../../report/format.js";
import type { LoadedModel } from "../../model/load.js";
import type { Projection } from "../../engine/projection-types.js";
import { loadValidModel, resolveModelPath, selectScenarios } from "../models.js";
import { localeStyle, stderrPaint, stdoutPaint, terminalWidth, writeErr, writeOut, type GlobalOptions } from "../output.js";
import { emptyRecord } from "../../model/records.js";

export type ReportFormat = "table" | "json" | "csv" | "md";

export interface ReportOptions extends GlobalOptions {
  readonly scenario?: string[];
  readonly by: ByOption;
  readonly lines: LinesOption;
  readonly allocations?: boolean;
  readonly format: ReportFormat;
  readonly unit: Unit | "auto";
  readonly locale?: string;
  readonly width?: string;
}

/** Under each scenario's table: the model's checks that fail in it (SCREENS.md). */
function failedCheckNotes(loaded: LoadedModel, projection: Projection, paint: Paint): Record<string, string[]> {
  const outcomes = evaluateChecks(loaded.scenarios[0]!.model, projection);
  const notes = emptyRecord<string[]>();
  // Each outcome's points by scenario, grouped once: linear in the number of scenarios.
  const pointsOf = outcomes.map((o) => {
    const byScenario = new Map<string, (typeof o.points)[number][]>();
    for (const p of o.points) {
      const list = byScenario.get(p.scenario);
      if (list) list.push(p);
      else byScenario.set(p.scenario, [p]);
    }
    return byScenario;
  });
  for (const s of projection.scenarios) {
    notes[s.id] = outcomes.flatMap((o, k) => {
      const failing = { ...o, points: pointsOf[k]!.get(s.id) ?? [] };
      if (failing.points.every((p) => p.passed)) return [];
      return [paint.yellow(`⚠ check failed: ${title(o)} · ${failureSummary(failing)}`)];
    });
  }
  return notes;
}

export async function runReport(modelArg: string | undefined, options: ReportOptions): Promise<void> {
  const loaded = await loadValidModel(resolveModelPath(modelArg));
  writeErr(issuesAsText(loaded, stderrPaint(options), ["warning"]));
  const projection = selectScenarios(loaded, options.scenario);
  const style = localeStyle(options.locale);
  const paint = stdoutPaint(options);
  const notes = options.format === "table" && !options.allocations ? failedCheckNotes(loaded, projection, paint) : {};
  const tableOptions = { by: options.by, lines: options.lines, unit: options.unit, width: terminalWidth(options.width), paint, style, notes };

  if (options.allocations) {
    const comparisons = projection.scenarios.map((s) => compareAllocations(loaded.scenarios.find((m) => m.id === s.id)!.model, s));
    switch (options.format) {
      case "table": return writeOut(allocationsAsTable(projection, comparisons, tableOptions));
      case "json": return writeOut(allocationsAsJson(projection, comparisons));
      case "csv": return writeOut(allocationsAsCsv(comparisons));
      case "md": return writeOut(allocationsAsMarkdown(projection, comparisons, style));
    }
  }
  switch (options.format) {
    case "table": return writeOut(projectionAsTable(projection, tableOptions));
    case "json": return writeOut(projectionAsJson(projection));
    case "csv": return writeOut(projectionAsCsv(projection));
    case "md": return writeOut(projectionAsMarkdown(projection, { by: options.by, lines: options.lines, style }));
  }
}
