// distplan simulate (#17): N draws of the plan with its ranges (engine/simulate.ts), per
// scenario, beside the exact point plan. Parse, call, render; a progress bar on standard error
// only when it is a terminal and not under CI (cli-progress, loaded only here).
import { suggest } from "../../model/issues.js";
import { projectScenarios } from "../../engine/projection.js";
import { simulateScenario, summarize } from "../../engine/simulate.js";
import { simulateData, simulateRecords, simulateView, type SimulatedScenario, type SimulationContext } from "../../views/simulate.js";
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
import { activeMessages } from "../../render/text.js";

export interface SimulateOptions extends TableOutputOptions {
  readonly draws?: string;
  readonly seed?: string;
  readonly top?: string;
  readonly bins?: string;
  readonly scenario?: string[];
  readonly format: "table" | "json" | "csv" | "md";
}

export const DEFAULT_DRAWS = 10_000;
export const MAX_DRAWS = 1_000_000;
export const DEFAULT_SEED = 1;

function wholeNumber(option: string, text: string | undefined, fallback: number, min: number, max: number, example: string): number {
  if (text === undefined) return fallback;
  const t = text.trim().replace(/_/g, "");
  const n = /^\d+$/.test(t) ? Number(t) : NaN;
  if (!Number.isSafeInteger(n) || n < min || n > max) throw new UsageError(
    say({ en: `${option} '${text}' is not a whole number from ${min} to ${max}`, nl: `${option} '${text}' is geen heel getal van ${min} tot ${max}` }),
    say({ en: `write it like ${option} ${example}`, nl: `schrijf het als ${option} ${example}` }),
  );
  return n;
}

function scenariosOf(loaded: LoadedModel, requested: string[] | undefined): ScenarioModel[] {
  if (requested === undefined || requested.length === 0) return [loaded.scenarios[0]!];
  if (requested.includes("all")) return [...loaded.scenarios];
  const ids = loaded.scenarios.map((s) => s.id);
  return [...new Set(requested)].map((id) => {
    const found = loaded.scenarios.find((s) => s.id === id);
    if (found) return found;
    const close = suggest(id, ids);
    throw new UsageError(
      say({ en: `unknown scenario '${id}' in ${loaded.source}`, nl: `onbekend scenario '${id}' in ${loaded.source}` }),
      close ? say({ en: `did you mean '${close}'?`, nl: `bedoel je '${close}'?` }) : say({ en: `scenarios are: ${ids.join(", ")}`, nl: `de scenario's zijn: ${ids.join(", ")}` }),
    );
  });
}

/** A progress bar on standard error, or nothing: only on a terminal, never under CI. */
async function progressBar(total: number, ascii: boolean): Promise<{ update: (done: number) => void; stop: () => void } | null> {
  if (!process.stderr.isTTY || process.env.CI) return null;
  const { SingleBar, Presets } = await import("cli-progress");
  // The template is the catalogue's (its {bar}, {percentage}, {value} and {total} are cli-progress's own).
  const format = activeMessages()["simulate.progress"].replace(/·/g, ascii ? "-" : "·");
  const glyphs = ascii ? { barCompleteChar: "#", barIncompleteChar: "-" } : {};
  const bar = new SingleBar({ stream: process.stderr, format, hideCursor: true, clearOnComplete: true, ...glyphs }, Presets.shades_classic);
  bar.start(total, 0);
  return { update: (done) => bar.update(done), stop: () => bar.stop() };
}

export async function runSimulate(modelArg: string | undefined, options: SimulateOptions): Promise<number> {
  const csv = options.format === "csv" ? csvOptions(options) : null;
  const draws = wholeNumber("--draws", options.draws, DEFAULT_DRAWS, 1, MAX_DRAWS, "10000");
  const seed = wholeNumber("--seed", options.seed, DEFAULT_SEED, 0, 2 ** 32 - 1, "42");
  const top = wholeNumber("--top", options.top, 10, 1, 1000, "5");
  const bins = wholeNumber("--bins", options.bins, 12, 1, 100, "20");
  const loaded = await loadValidModel(resolveModelPath(modelArg));
  writeErr(issuesAsText(loaded, stderrPaint(options), ["warning"]));
  const scenarios = scenariosOf(loaded, options.scenario);
  const projection = projectScenarios(scenarios);
  const bar = await progressBar(draws * scenarios.length, wantsAscii(options.ascii));
  const runs: SimulatedScenario[] = [];
  try {
    scenarios.forEach((s, i) => {
      const drawn = simulateScenario(s, loaded.file?.correlate ?? [], { draws, seed, progress: bar ? (done) => bar.update(i * draws + done) : undefined });
      runs.push({ summary: summarize(drawn, bins), point: projection.scenarios[i]! });
    });
  } finally {
    bar?.stop();
  }
  const base = scenarios[0]!.model;
  const c: SimulationContext = { model: base.name, currency: base.currency, minorUnits: base.minorUnits, draws, seed, top };
  const style = localeStyle(options.locale);
  switch (options.format) {
    case "table": writeOut(renderTerminal(simulateView(runs, c, "screen"), { ...DEFAULT_TERMINAL_OPTIONS, width: terminalWidth(options.width), paint: stdoutPaint(options), style, unit: options.unit ?? "auto", ascii: wantsAscii(options.ascii) })); break;
    case "json": writeOut(renderJson(simulateData(runs, c))); break;
    case "csv": writeOut(renderCsv(simulateRecords(runs, c), csv!)); break;
    case "md": writeOut(renderMarkdown(simulateView(runs, c, "page"), { style })); break;
  }
  return EXIT.ok;
}
