// distplan report [model]: the per-channel P&L of one or more scenarios, in any format.
import { compareAllocations } from "../../engine/allocation.js";
import { reportData, reportRecords, reportView, tierRecords, type ByOption, type LinesOption } from "../../views/report.js";
import { allocationsData, allocationsRecords, allocationsView } from "../../views/allocations.js";
import { renderTerminal } from "../../render/table.js";
import { renderMarkdown } from "../../render/markdown.js";
import { renderCsv } from "../../render/csv.js";
import { csvOptions } from "../csv-options.js";
import { emit } from "../emit.js";
import { chartedReport } from "../../views/charts.js";
import { renderJson } from "../../render/json.js";
import type { Unit } from "../../render/format.js";
import { issuesAsText } from "../issues.js";
import { evaluateChecks } from "../../engine/checks.js";
import { failedCheckNotes } from "../../views/check.js";
import { EXIT, UsageError } from "../errors.js";
import { say } from "../words.js";
import { loadValidModel, resolveModelPath, selectScenarios, withWhatIf } from "../models.js";
import { localeStyle, stderrPaint, stdoutPaint, terminalWidth, wantsAscii, writeErr, type GlobalOptions } from "../output.js";
import { activeLanguage } from "../language.js";
import { requireWorkbookFile, writeWorkbook } from "../xlsx-output.js";

export type ReportFormat = "table" | "json" | "csv" | "md" | "html" | "xlsx";

export interface ReportOptions extends GlobalOptions {
  readonly scenario?: string[];
  readonly set?: string[];
  readonly by: ByOption;
  readonly lines: LinesOption;
  readonly allocations?: boolean;
  readonly format: ReportFormat;
  readonly unit: Unit | "auto";
  readonly locale?: string;
  readonly width?: string;
  readonly csvDelimiter?: string;
  readonly bom?: boolean;
  readonly output?: string;
  readonly ascii?: boolean;
}

export async function runReport(modelArg: string | undefined, options: ReportOptions): Promise<number> {
  await writeReport(modelArg, options);
  return EXIT.ok; // every failure is thrown and mapped to its exit code in main.ts
}

async function writeReport(modelArg: string | undefined, options: ReportOptions): Promise<void> {
  if (options.format === "xlsx") {
    if (options.allocations) throw new UsageError(
      say({ en: "--allocations has no xlsx format: the workbook's P&L sheets allocate as modelled", nl: "--allocations heeft geen xlsx-formaat: de resultatenbladen van de werkmap verdelen zoals gemodelleerd" }),
      say({ en: "leave out --allocations, or use --format html, md or csv", nl: "laat --allocations weg, of gebruik --format html, md of csv" }),
    );
    requireWorkbookFile(options.output, "report");
  }
  const read = await loadValidModel(resolveModelPath(modelArg));
  writeErr(issuesAsText(read, stderrPaint(options), ["warning"]));
  // A what-if is shown instead of base, or beside the scenarios asked for.
  const { loaded, id: whatIf } = withWhatIf(read, options.set);
  const projection = selectScenarios(loaded, whatIf === null ? options.scenario : [...(options.scenario ?? []), whatIf]);
  const style = localeStyle(options.locale);
  const out = (text: string) => emit(text, options.output);
  const terminal = () => ({ width: terminalWidth(options.width ?? (options.output ? "80" : undefined)), paint: stdoutPaint(options.output ? { ...options, color: options.color === true } : options), style, unit: options.unit, ascii: wantsAscii(options.ascii) });

  if (options.allocations) {
    const comparisons = projection.scenarios.map((s) => compareAllocations(loaded.scenarios.find((m) => m.id === s.id)!.model, s));
    switch (options.format) {
      case "table": return out(renderTerminal(allocationsView(projection, comparisons, "screen"), terminal()));
      case "json": return out(renderJson(allocationsData(projection, comparisons)));
      case "csv": return out(renderCsv(allocationsRecords(comparisons, projection.minorUnits), csvOptions(options)));
      case "md": return out(renderMarkdown(allocationsView(projection, comparisons, "page"), { style }));
      case "html": {
        const { renderHtml } = await import("../../render/html.js");
        return out(renderHtml(chartedReport(projection, allocationsView(projection, comparisons, "page")), { style, lang: activeLanguage() }));
      }
      case "xlsx": return; // refused above
    }
  }
  if (options.by === "tier" && !projection.tierLines) {
    throw new UsageError(say({
      en: `--by tier: no channel of ${read.source} has tiers`,
      nl: `--by tier: geen kanaal van ${read.source} heeft niveaus (tiers)`,
    }), say({ en: "give an indirect channel a tiers: list (docs/MODEL.md §14a), or use --by channel", nl: "geef een indirect kanaal een lijst tiers: (docs/MODEL.md §14a), of gebruik --by channel" }));
  }
  const view = { by: options.by, lines: options.lines };
  switch (options.format) {
    case "table": return out(renderTerminal(reportView(projection, { ...view, density: "screen", notes: failedCheckNotes(evaluateChecks(loaded.scenarios[0]!.model, projection), projection) }), terminal()));
    case "json": return out(renderJson(reportData(projection)));
    case "csv": return out(renderCsv(options.by === "tier" ? tierRecords(projection) : reportRecords(projection), csvOptions(options)));
    case "md": return out(renderMarkdown(reportView(projection, { ...view, density: "page", notes: failedCheckNotes(evaluateChecks(loaded.scenarios[0]!.model, projection), projection) }), { style }));
    case "html": {
      const { renderHtml } = await import("../../render/html.js");
      return out(renderHtml(chartedReport(projection, reportView(projection, { ...view, density: "page" })), { style, lang: activeLanguage() }));
    }
    case "xlsx": return writeWorkbook(loaded, projection, options.output!);
  }
}
