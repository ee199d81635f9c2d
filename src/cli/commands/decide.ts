// distplan sensitivity and distplan solve: the decision tools over the exact engine
// (src/engine/sensitivity.ts, solve.ts, levers.ts). Parse, call, render.
import { Decimal } from "../../money/decimal.js";
import { suggest } from "../../model/issues.js";
import { COMPARE_METRICS, isCompareMetric, type CompareMetric } from "../../engine/compare.js";
import { isRatioMetric, sensitivity, type MetricScope } from "../../engine/sensitivity.js";
import { leversOf, matchingLevers } from "../../engine/levers.js";
import { solve } from "../../engine/solve.js";
import { sensitivityData, sensitivityRecords, sensitivityView, solveData, solveRecords, solveView, type DecisionContext } from "../../views/decisions.js";
import { renderTerminal, DEFAULT_TERMINAL_OPTIONS } from "../../render/table.js";
import { renderMarkdown } from "../../render/markdown.js";
import { renderJson } from "../../render/json.js";
import { renderCsv } from "../../render/csv.js";
import { csvOptions } from "../csv-options.js";
import { issuesAsText } from "../issues.js";
import { EXIT, UsageError } from "../errors.js";
import { say } from "../words.js";
import { loadValidModel, resolveModelPath } from "../models.js";
import { localeStyle, stderrPaint, stdoutPaint, terminalWidth, wantsAscii, writeErr, writeOut, type TableOutputOptions } from "../output.js";
import type { LoadedModel, ScenarioModel } from "../../model/load.js";
import { chartedSensitivity } from "../../views/charts.js";
import { emit } from "../emit.js";
import { activeLanguage } from "../language.js";

interface ScopeOptions {
  readonly scenario?: string[];
  readonly metric?: string;
  readonly channel?: string;
  readonly segment?: string;
  readonly year?: string;
  readonly horizon?: boolean;
}

type OutputOptions = TableOutputOptions;

export interface SensitivityOptions extends ScopeOptions, OutputOptions {
  readonly step?: string;
  readonly inputs?: string[];
  readonly format: "table" | "json" | "csv" | "md" | "html";
  readonly output?: string;
}

export interface SolveOptions extends ScopeOptions, OutputOptions {
  readonly vary: string;
  readonly target: string;
  readonly format: "table" | "json" | "csv" | "md";
}

/** A number as the command line gives it: 10%, 0.1, 250k, 1.5M, -20000, 1_000. */
function numberArg(option: string, text: string, percent: boolean): Decimal {
  const t = text.trim().replace(/_/g, "");
  const m = /^([-+]?\d+(?:\.\d+)?)(%|k|M)?$/.exec(t);
  if (!m || (m[2] === "%" && !percent) || (percent && (m[2] === "k" || m[2] === "M"))) {
    throw new UsageError(say({ en: `${option} '${text}' is not ${percent ? "a percentage" : "an amount"}`, nl: `${option} '${text}' is geen ${percent ? "percentage" : "bedrag"}` }), percent ? say({ en: `write it like ${option} 10% (or the fraction 0.1)`, nl: `schrijf het als ${option} 10% (of de breuk 0.1)` }) : say({ en: `write it like ${option} 250k, 1.5M or 20000`, nl: `schrijf het als ${option} 250k, 1.5M of 20000` }));
  }
  const n = new Decimal(m[1]!);
  return m[2] === "%" ? n.dividedBy(100) : m[2] === "k" ? n.times(1000) : m[2] === "M" ? n.times(1_000_000) : n;
}

function scenarioOf(loaded: LoadedModel, requested: string[] | undefined): ScenarioModel {
  if ((requested?.length ?? 0) > 1 || requested?.includes("all")) throw new UsageError(say({ en: "the decision tools look at one scenario at a time", nl: "de beslishulpen bekijken één scenario tegelijk" }), say({ en: "pass one --scenario id (default: base)", nl: "geef één --scenario id (standaard: base)" }));
  const id = requested?.[0] ?? "base";
  const found = loaded.scenarios.find((s) => s.id === id);
  if (!found) {
    const ids = loaded.scenarios.map((s) => s.id);
    const close = suggest(id, ids);
    throw new UsageError(say({ en: `unknown scenario '${id}' in ${loaded.source}`, nl: `onbekend scenario '${id}' in ${loaded.source}` }), close ? say({ en: `did you mean '${close}'?`, nl: `bedoel je '${close}'?` }) : say({ en: `scenarios are: ${ids.join(", ")}`, nl: `de scenario's zijn: ${ids.join(", ")}` }));
  }
  return found;
}

function scopeOf(scenario: ScenarioModel, o: ScopeOptions, fallback: CompareMetric): MetricScope {
  const model = scenario.model;
  const metric = o.metric ?? fallback;
  if (!isCompareMetric(metric)) {
    const close = suggest(metric, COMPARE_METRICS);
    throw new UsageError(say({ en: `unknown metric '${metric}'`, nl: `onbekende maatstaf '${metric}'` }), close ? say({ en: `did you mean '${close}'?`, nl: `bedoel je '${close}'?` }) : say({ en: `metrics are: ${COMPARE_METRICS.join(", ")}`, nl: `de maatstaven zijn: ${COMPARE_METRICS.join(", ")}` }));
  }
  const known = (kind: string, id: string | undefined, ids: string[]) => {
    if (id === undefined || ids.includes(id)) return id ?? null;
    const close = suggest(id, ids);
    throw new UsageError(say({ en: `unknown ${kind} '${id}'`, nl: `onbekend ${kind === "channel" ? "kanaal" : kind} '${id}'` }), close ? say({ en: `did you mean '${close}'?`, nl: `bedoel je '${close}'?` }) : say({ en: `${kind}s are: ${ids.join(", ")}`, nl: `de ${kind === "channel" ? "kanalen" : `${kind}en`} zijn: ${ids.join(", ")}` }));
  };
  const channel = known("channel", o.channel, model.channels.map((c) => c.id));
  const segment = known("segment", o.segment, model.segments.map((s) => s.id));
  if (channel && segment) throw new UsageError(say({ en: "--channel and --segment together", nl: "--channel en --segment samen" }), say({ en: "a metric is a channel's, a segment's or the total: pass one of them", nl: "een maatstaf is die van een kanaal, van een segment of het totaal: geef er één van de twee" }));
  if (segment && (metric === "npv" || metric === "cumulative_net_profit" || ["contribution", "net_profit", "shared_costs", "contribution_margin", "net_margin"].includes(metric))) {
    throw new UsageError(say({ en: `a segment has no ${metric}`, nl: `een segment heeft geen ${metric}` }), say({ en: "a segment's metrics are revenue, market_revenue, gross_profit, gross_margin, cm1 and customers: contribution and what follows are a channel's", nl: "de maatstaven van een segment zijn revenue, market_revenue, gross_profit, gross_margin, cm1 en customers: contribution (dekkingsbijdrage) en wat daarna komt horen bij een kanaal" }));
  }
  let year: number | null = null;
  if (o.year !== undefined && !o.horizon) {
    const years = Array.from({ length: model.years }, (_, t) => model.startYear + t);
    if (!/^\d{4}$/.test(o.year) || !years.includes(Number(o.year))) throw new UsageError(say({ en: `--year ${o.year} is not a year of the plan`, nl: `--year ${o.year} is geen jaar van het plan` }), say({ en: `the plan runs from ${years[0]} to ${years.at(-1)}`, nl: `het plan loopt van ${years[0]} tot en met ${years.at(-1)}` }));
    if (metric === "npv" || metric === "cumulative_net_profit") throw new UsageError(say({ en: `${metric} is a figure of the whole horizon`, nl: `${metric} is een cijfer over de hele planhorizon` }), say({ en: "leave out --year, or pick a yearly metric such as net_profit", nl: "laat --year weg, of kies een maatstaf per jaar zoals net_profit" }));
    year = Number(o.year);
  }
  return { metric, channel, segment, year };
}

const context = (scenario: ScenarioModel): DecisionContext => ({ model: scenario.model.name, scenario: scenario.id, currency: scenario.model.currency, minorUnits: scenario.model.minorUnits });

export async function runSensitivity(modelArg: string | undefined, options: SensitivityOptions): Promise<number> {
  const csv = options.format === "csv" ? csvOptions(options) : null;
  const loaded = await loadValidModel(resolveModelPath(modelArg));
  writeErr(issuesAsText(loaded, stderrPaint(options), ["warning"]));
  const scenario = scenarioOf(loaded, options.scenario);
  const scope = scopeOf(scenario, options, "npv");
  const step = options.step === undefined ? new Decimal("0.1") : numberArg("--step", options.step, true);
  if (step.isNegative() || step.greaterThanOrEqualTo(1)) throw new UsageError(say({ en: `--step ${options.step} is outside 0% … 99%`, nl: `--step ${options.step} ligt buiten 0% … 99%` }), say({ en: "a step such as 10% moves each input down and up by a tenth", nl: "een stap zoals 10% beweegt elke invoer een tiende omlaag en omhoog" }));
  const globs = options.inputs ?? [];
  if (globs.length > 0 && matchingLevers(leversOf(scenario.model), globs).length === 0) {
    throw new UsageError(say({ en: `--inputs ${globs.join(" ")} matches no input`, nl: `--inputs ${globs.join(" ")} past bij geen enkele invoer` }), say({ en: `inputs are paths such as ${leversOf(scenario.model).slice(1, 4).map((l) => l.path).join(", ")}; * stands for one part, ** for any`, nl: `invoer is een pad zoals ${leversOf(scenario.model).slice(1, 4).map((l) => l.path).join(", ")}; * staat voor één deel, ** voor een willekeurig aantal` }));
  }
  const result = sensitivity(scenario, scope, step, globs);
  const c = context(scenario);
  const style = localeStyle(options.locale);
  // -o FILE: written whole through a temporary file and a rename, as every other -o.
  const out = (text: string) => emit(text, options.output);
  const toFile = options.output !== undefined && options.output !== "-";
  switch (options.format) {
    case "table": await out(renderTerminal(sensitivityView(result, c, "screen"), { ...DEFAULT_TERMINAL_OPTIONS, width: terminalWidth(options.width ?? (toFile ? "80" : undefined)), paint: stdoutPaint(toFile ? { ...options, color: options.color === true } : options), style, unit: options.unit ?? "auto", ascii: wantsAscii(options.ascii) })); break;
    case "json": await out(renderJson(sensitivityData(result, c))); break;
    case "csv": await out(renderCsv(sensitivityRecords(result, c), csv!)); break;
    case "md": await out(renderMarkdown(sensitivityView(result, c, "page"), { style })); break;
    case "html": {
      const { renderHtml } = await import("../../render/html.js");
      await out(renderHtml(chartedSensitivity(result, sensitivityView(result, c, "page"), c.scenario), { style, lang: activeLanguage() }));
      break;
    }
  }
  return EXIT.ok;
}

export async function runSolve(modelArg: string | undefined, options: SolveOptions): Promise<number> {
  const csv = options.format === "csv" ? csvOptions(options) : null;
  const loaded = await loadValidModel(resolveModelPath(modelArg));
  writeErr(issuesAsText(loaded, stderrPaint(options), ["warning"]));
  const scenario = scenarioOf(loaded, options.scenario);
  const scope = scopeOf(scenario, options, "npv");
  const paths = leversOf(scenario.model).map((l) => l.path);
  if (!paths.includes(options.vary)) {
    const close = suggest(options.vary, paths);
    throw new UsageError(say({ en: `--vary ${options.vary} is not an input of this model`, nl: `--vary ${options.vary} is geen invoer van dit model` }), close ? say({ en: `did you mean '${close}'?`, nl: `bedoel je '${close}'?` }) : say({ en: `inputs are paths such as ${paths.slice(1, 4).join(", ")} (distplan sensitivity lists them all)`, nl: `invoer is een pad zoals ${paths.slice(1, 4).join(", ")} (distplan sensitivity noemt ze allemaal)` }));
  }
  const target = numberArg("--target", options.target, isRatioMetric(scope.metric));
  const outcome = solve(scenario, { path: options.vary, scope, target });
  const c = context(scenario);
  const style = localeStyle(options.locale);
  switch (options.format) {
    case "table": writeOut(renderTerminal(solveView(outcome, scope, target, c), { ...DEFAULT_TERMINAL_OPTIONS, width: terminalWidth(options.width), paint: stdoutPaint(options), style, unit: "1", ascii: wantsAscii(options.ascii) })); break;
    case "json": writeOut(renderJson(solveData(outcome, scope, target, c))); break;
    case "csv": writeOut(renderCsv(solveRecords(outcome, scope, target, c), csv!)); break;
    case "md": writeOut(renderMarkdown(solveView(outcome, scope, target, c), { style })); break;
  }
  // Not reachable is an answer, not a failure of the command: exit 1, as a check that fails.
  return outcome.kind === "solved" ? EXIT.ok : EXIT.failed;
}
