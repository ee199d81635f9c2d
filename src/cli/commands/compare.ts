// distplan compare [model]: scenarios side by side against base.
import { compareScenarios, isCompareMetric, COMPARE_METRICS, DEFAULT_COMPARE_METRICS, type CompareMetric } from "../../engine/compare.js";
import { compareData, compareRecords, compareView } from "../../views/compare.js";
import { renderTerminal } from "../../render/table.js";
import { renderMarkdown } from "../../render/markdown.js";
import { renderCsv } from "../../render/csv.js";
import { csvOptions } from "../csv-options.js";
import { emit } from "../emit.js";
import { chartedComparison } from "../../views/charts.js";
import { reportView } from "../../views/report.js";
import { renderJson } from "../../render/json.js";
import type { Unit } from "../../render/format.js";
import type { Projection } from "../../engine/projection-types.js";
import { channelShift } from "../../engine/shift.js";
import { chartedShift, shiftData, shiftRecords, shiftView } from "../../views/shift.js";
import { evaluateChecks } from "../../engine/checks.js";
import { failingCheckNotes } from "../../views/check.js";
import { issuesAsText } from "../issues.js";
import { suggest } from "../../model/issues.js";
import { EXIT, UsageError } from "../errors.js";
import { say } from "../words.js";
import { loadValidModel, resolveModelPath, selectScenarios, withWhatIf } from "../models.js";
import { localeStyle, stderrPaint, stdoutPaint, terminalWidth, wantsAscii, writeErr, type GlobalOptions } from "../output.js";
import { activeLanguage } from "../language.js";
import { requireWorkbookFile, writeWorkbook } from "../xlsx-output.js";

export interface CompareOptions extends GlobalOptions {
  readonly scenario?: string[];
  readonly set?: string[];
  readonly metric?: string[];
  readonly format: "table" | "json" | "csv" | "md" | "html" | "xlsx";
  readonly unit: Unit | "auto";
  readonly locale?: string;
  readonly width?: string;
  readonly csvDelimiter?: string;
  readonly bom?: boolean;
  readonly output?: string;
  readonly ascii?: boolean;
  readonly against?: string;
  readonly shift?: boolean;
}

export function parseMetrics(requested: readonly string[] | undefined): CompareMetric[] {
  if (!requested || requested.length === 0) return [...DEFAULT_COMPARE_METRICS];
  const metrics = requested.flatMap((m) => m.split(",")).map((m) => m.trim()).filter(Boolean);
  for (const m of metrics) {
    if (!isCompareMetric(m)) {
      const close = suggest(m, COMPARE_METRICS);
      throw new UsageError(say({ en: `unknown metric '${m}'`, nl: `onbekende maatstaf '${m}'` }), close ? say({ en: `did you mean '${close}'?`, nl: `bedoel je '${close}'?` }) : say({ en: `metrics are: ${COMPARE_METRICS.join(", ")}`, nl: `de maatstaven zijn: ${COMPARE_METRICS.join(", ")}` }));
    }
  }
  return [...new Set(metrics as CompareMetric[])];
}

/**
 * --against ID: the comparison's reference (its first scenario, which every change is measured
 * from) is that scenario instead of base; base becomes an ordinary column. Without it, base.
 */
function against(projection: Projection, id: string | undefined, source: string): Projection {
  if (id === undefined || id === "base") return projection;
  const ids = projection.scenarios.map((s) => s.id);
  const reference = projection.scenarios.find((s) => s.id === id);
  if (!reference) {
    const close = suggest(id, ids);
    throw new UsageError(say({ en: `--against ${id}: no such scenario among those compared in ${source}`, nl: `--against ${id}: geen scenario dat in ${source} vergeleken wordt` }), close ? say({ en: `did you mean '${close}'?`, nl: `bedoel je '${close}'?` }) : say({ en: `the scenarios compared are: ${ids.join(", ")}`, nl: `de vergeleken scenario's zijn: ${ids.join(", ")}` }));
  }
  return { ...projection, scenarios: [reference, ...projection.scenarios.filter((s) => s !== reference)] };
}

/** --shift: the channel-shift view instead of the comparison of metrics. */
function writeShift(projection: Projection, options: CompareOptions, out: (text: string) => Promise<void> | void, style: ReturnType<typeof localeStyle>) {
  const shifts = channelShift(projection);
  const c = { model: projection.name, currency: projection.currency, minorUnits: projection.minorUnits, from: projection.years[0]!, to: projection.years.at(-1)! };
  switch (options.format) {
    case "table": return out(renderTerminal(shiftView(shifts, c, "screen"), { unit: options.unit, width: terminalWidth(options.width ?? (options.output ? "80" : undefined)), paint: stdoutPaint(options.output ? { ...options, color: options.color === true } : options), style, ascii: wantsAscii(options.ascii) }));
    case "json": return out(renderJson(shiftData(shifts, c)));
    case "csv": return out(renderCsv(shiftRecords(shifts, c), csvOptions(options)));
    case "md": return out(renderMarkdown(shiftView(shifts, c, "page"), { style }));
    case "html": return import("../../render/html.js").then(({ renderHtml }) => out(renderHtml(chartedShift(shifts, c), { style, lang: activeLanguage() })));
    case "xlsx": throw new UsageError(say({ en: "--shift has no xlsx format", nl: "--shift heeft geen xlsx-formaat" }), say({ en: "use --format csv or md, or the table", nl: "gebruik --format csv of md, of de tabel" }));
  }
}

export async function runCompare(modelArg: string | undefined, options: CompareOptions): Promise<number> {
  await writeComparison(modelArg, options);
  return EXIT.ok; // every failure is thrown and mapped to its exit code in main.ts
}

async function writeComparison(modelArg: string | undefined, options: CompareOptions): Promise<void> {
  if (options.format === "xlsx") {
    if (options.shift) throw new UsageError(say({ en: "--shift has no xlsx format", nl: "--shift heeft geen xlsx-formaat" }), say({ en: "use --format csv or md, or the table", nl: "gebruik --format csv of md, of de tabel" }));
    requireWorkbookFile(options.output, "compare");
  }
  const metrics = parseMetrics(options.metric);
  const read = await loadValidModel(resolveModelPath(modelArg));
  writeErr(issuesAsText(read, stderrPaint(options), ["warning"]));
  // A what-if is one more scenario against base.
  const { loaded, id: whatIf } = withWhatIf(read, options.set);
  const asked = !options.scenario ? undefined : options.scenario.includes("all") ? options.scenario : ["base", ...options.scenario.filter((s) => s !== "base")];
  const requested = asked && whatIf !== null ? [...asked, whatIf] : asked;
  const others = loaded.scenarios.slice(1).map((s) => s.id);
  if (requested?.length === 1 && others.length > 0 && options.scenario!.every((id) => id === "base") && whatIf === null) {
    // Only base chosen from a model that has scenarios: the renderer would say "no scenarios".
    throw new UsageError(say({ en: "--scenario base leaves nothing to compare: compare shows scenarios against base", nl: "--scenario base laat niets te vergelijken over: compare zet scenario's af tegen base" }), say({ en: `the scenarios of ${loaded.source} are: ${others.join(", ")}; name one, or leave --scenario out to compare them all`, nl: `de scenario's van ${loaded.source} zijn: ${others.join(", ")}; noem er een, of laat --scenario weg om ze allemaal te vergelijken` }));
  }
  const projection = against(selectScenarios(loaded, requested, "all"), options.against, loaded.source);
  const style = localeStyle(options.locale);
  const out = (text: string) => emit(text, options.output);
  if (options.shift) return writeShift(projection, options, out, style);
  const comparison = compareScenarios(projection, metrics);
  switch (options.format) {
    case "table": {
      const notes = failingCheckNotes(evaluateChecks(loaded.scenarios[0]!.model, projection));
      const terminal = { unit: options.unit, width: terminalWidth(options.width ?? (options.output ? "80" : undefined)), paint: stdoutPaint(options.output ? { ...options, color: options.color === true } : options), style, ascii: wantsAscii(options.ascii) };
      return out(renderTerminal(compareView(projection, comparison, { density: "screen", notes }), terminal));
    }
    case "json": return out(renderJson(compareData(projection, comparison)));
    case "csv": return out(renderCsv(compareRecords(comparison), csvOptions(options)));
    case "md": return out(renderMarkdown(compareView(projection, comparison, { density: "page" }), { style }));
    case "html": {
      const { renderHtml } = await import("../../render/html.js");
      const page = compareView(projection, comparison, { density: "page" });
      const report = reportView(projection, { by: "channel", lines: "summary", density: "page" });
      return out(renderHtml(chartedComparison(projection, page, compareScenarios(projection, ["npv"]), report), { style, lang: activeLanguage() }));
    }
    case "xlsx": return writeWorkbook(loaded, projection, options.output!);
  }
}
