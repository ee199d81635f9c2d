// distplan optimise [model]: the channel mix that maximises NPV (or cumulative net profit) under
// the model's `optimise:` constraints and the command line's (src/engine/optimise.ts). Parse, load
// the LP solver (cli/lp.ts), call, render; --write adds the optimum to the model as a scenario.
import { Decimal } from "../../money/decimal.js";
import { suggest } from "../../model/issues.js";
import { loadModelText, type LoadedModel, type ScenarioModel } from "../../model/load.js";
import type { Model } from "../../model/types.js";
import { DEFAULT_CONSTRAINTS, OPTIMISE_METRICS, isOptimiseMetric, optimiseMix, type Exclusion, type OptimiseConstraints, type OptimiseMetric, type ShareLimit } from "../../engine/optimise.js";
import { projectModel } from "../../engine/projection.js";
import { optimiseData, optimiseRecords, optimiseView, type OptimiseContext } from "../../views/optimise.js";
import { code, msg } from "../../views/document.js";
import { renderTerminal } from "../../render/table.js";
import { renderMarkdown } from "../../render/markdown.js";
import { renderJson } from "../../render/json.js";
import { renderCsv } from "../../render/csv.js";
import { csvOptions } from "../csv-options.js";
import { issuesAsText } from "../issues.js";
import { EXIT, UsageError } from "../errors.js";
import { say } from "../words.js";
import { writeFileSafely } from "../files.js";
import { modelWithScenario } from "../reforecast-file.js";
import { loadValidModel, resolveModelPath } from "../models.js";
import { localeStyle, stderrPaint, stdoutPaint, terminalWidth, wantsAscii, writeErr, writeOut, type TableOutputOptions } from "../output.js";
import { highsSolver } from "../lp.js";

export interface OptimiseOptions extends TableOutputOptions {
  readonly scenario?: string[];
  readonly metric?: string;
  readonly maxShift?: string;
  readonly min?: string[];
  readonly max?: string[];
  readonly exclude?: string[];
  readonly contributionFloor?: boolean;
  readonly checks?: boolean;
  readonly write?: string;
  readonly format: "table" | "json" | "csv" | "md";
}

/** A share as the command line gives it: 60% or the fraction 0.6, within 0% … 100%. */
function shareArg(option: string, text: string): Decimal {
  const m = /^(\d+(?:\.\d+)?)(%)?$/.exec(text.trim());
  const v = m ? (m[2] ? new Decimal(m[1]!).dividedBy(100) : new Decimal(m[1]!)) : null;
  if (v === null || v.greaterThan(1) || (m && !m[2] && v.greaterThan(1))) {
    const example = option === "--max-shift" ? "--max-shift 20%" : `${option} webshop=60%`;
    throw new UsageError(
      say({ en: `${option} '${text}' is not a share from 0% to 100%`, nl: `${option} '${text}' is geen aandeel van 0% tot 100%` }),
      say({ en: `write it like ${example} (or a fraction such as 0.6)`, nl: `schrijf het als ${example} (of een fractie zoals 0.6)` }),
    );
  }
  return v;
}

function known(kind: "segment" | "channel", id: string, ids: readonly string[], option: string): string {
  if (ids.includes(id)) return id;
  const close = suggest(id, ids);
  const dutchKind = kind === "segment" ? "segment" : "kanaal";
  throw new UsageError(
    say({ en: `${option}: unknown ${kind} '${id}'`, nl: `${option}: onbekend ${dutchKind} '${id}'` }),
    close ? say({ en: `did you mean '${close}'?`, nl: `bedoel je '${close}'?` }) : say({ en: `${kind}s are: ${ids.join(", ")}`, nl: `${kind === "segment" ? "de segmenten" : "de kanalen"} zijn: ${ids.join(", ")}` }),
  );
}

/** `CHANNEL` or `SEGMENT.CHANNEL`, checked against the model; a named pair must be in the segment's mix. */
function cellArg(model: Model, option: string, text: string): { segment: string | null; channel: string } {
  const parts = text.split(".");
  const channels = model.channels.map((c) => c.id);
  const segments = model.segments.map((s) => s.id);
  if (parts.length === 1) return { segment: null, channel: known("channel", parts[0]!, channels, option) };
  if (parts.length !== 2) throw new UsageError(
    say({ en: `${option} '${text}' is not a channel or segment.channel`, nl: `${option} '${text}' is geen kanaal of segment.kanaal` }),
    say({ en: `write it like ${option} webshop=60% or ${option} smb.webshop=60%`, nl: `schrijf het als ${option} webshop=60% of ${option} smb.webshop=60%` }),
  );
  const segment = known("segment", parts[0]!, segments, option);
  const channel = known("channel", parts[1]!, channels, option);
  if (model.mix[segment]?.[channel] === undefined) {
    const named = Object.keys(model.mix[segment] ?? {}).join(", ");
    throw new UsageError(
      say({ en: `${option} ${text}: the mix of '${segment}' does not name '${channel}'`, nl: `${option} ${text}: de mix van '${segment}' noemt '${channel}' niet` }),
      say({
        en: `the optimiser moves the shares of the channels each segment's mix names (${named}); name '${channel}' there at 0% to let it serve '${segment}'`,
        nl: `de optimalisatie verschuift de aandelen van de kanalen die de mix van een segment noemt (${named}); noem '${channel}' daar met 0% om '${segment}' te laten bedienen`,
      }),
    );
  }
  return { segment, channel };
}

/** The model's `optimise:` block and the options, together: options add limits and exclusions and override the rest. */
export function constraintsOf(model: Model, o: OptimiseOptions): OptimiseConstraints {
  const declared = model.optimise ?? null;
  const limits: ShareLimit[] = (declared?.limits ?? []).map((l, index) => ({ ...l, from: { kind: "model", index } }));
  const exclusions: Exclusion[] = (declared?.exclusions ?? []).map((e, index) => ({ ...e, from: { kind: "model", index } }));
  for (const side of ["min", "max"] as const) {
    for (const text of o[side] ?? []) {
      const option = `--${side}`;
      const eq = text.lastIndexOf("=");
      if (eq < 0) throw new UsageError(
        say({ en: `${option} '${text}' has no share`, nl: `${option} '${text}' heeft geen aandeel` }),
        say({ en: `write it like ${option} webshop=60% or ${option} smb.webshop=60%`, nl: `schrijf het als ${option} webshop=60% of ${option} smb.webshop=60%` }),
      );
      const cell = cellArg(model, option, text.slice(0, eq));
      const share = shareArg(option, text.slice(eq + 1));
      limits.push({ ...cell, min: side === "min" ? share : null, max: side === "max" ? share : null, from: { kind: "option", text: `${option} ${text}` } });
    }
  }
  for (const text of o.exclude ?? []) {
    const cell = cellArg(model, "--exclude", text);
    if (cell.segment === null) throw new UsageError(
      say({ en: `--exclude '${text}' names no segment`, nl: `--exclude '${text}' noemt geen segment` }),
      say({ en: "write it like --exclude enterprise.webshop (segment.channel)", nl: "schrijf het als --exclude enterprise.webshop (segment.kanaal)" }),
    );
    exclusions.push({ segment: cell.segment, channel: cell.channel, from: { kind: "option", text: `--exclude ${text}` } });
  }
  const maxShift = o.maxShift !== undefined ? shareArg("--max-shift", o.maxShift) : declared?.maxShift ?? DEFAULT_CONSTRAINTS.maxShift;
  const contributionFloor = o.contributionFloor === false ? false : declared?.contributionFloor ?? true;
  const checks = o.checks === false ? false : declared?.checks ?? true;
  return { maxShift, contributionFloor, limits, exclusions, checks };
}

function scenarioOf(loaded: LoadedModel, requested: string[] | undefined): ScenarioModel {
  if ((requested?.length ?? 0) > 1 || requested?.includes("all")) throw new UsageError(
    say({ en: "optimise looks at one scenario at a time", nl: "optimise bekijkt één scenario tegelijk" }),
    say({ en: "pass one --scenario id (default: base)", nl: "geef één --scenario id (standaard: base)" }),
  );
  const id = requested?.[0] ?? "base";
  const found = loaded.scenarios.find((s) => s.id === id);
  if (!found) {
    const ids = loaded.scenarios.map((s) => s.id);
    const close = suggest(id, ids);
    throw new UsageError(
      say({ en: `unknown scenario '${id}' in ${loaded.source}`, nl: `onbekend scenario '${id}' in ${loaded.source}` }),
      close ? say({ en: `did you mean '${close}'?`, nl: `bedoel je '${close}'?` }) : say({ en: `scenarios are: ${ids.join(", ")}`, nl: `de scenario's zijn: ${ids.join(", ")}` }),
    );
  }
  return found;
}

/** optimal-npv (optimal-cumulative); for a scenario other than base, prefixed with its id. */
export const optimumId = (metric: OptimiseMetric, scenario: string) => `${scenario === "base" ? "" : `${scenario}-`}${metric === "npv" ? "optimal-npv" : "optimal-cumulative"}`;

export async function runOptimise(modelArg: string | undefined, options: OptimiseOptions): Promise<number> {
  const csv = options.format === "csv" ? csvOptions(options) : null;
  const metric = options.metric ?? "npv";
  if (!isOptimiseMetric(metric)) {
    const close = suggest(metric, OPTIMISE_METRICS);
    throw new UsageError(
      say({ en: `--metric ${metric}: the optimiser maximises ${OPTIMISE_METRICS.join(" or ")}`, nl: `--metric ${metric}: de optimalisatie maximaliseert ${OPTIMISE_METRICS.join(" of ")}` }),
      close
        ? say({ en: `did you mean '${close}'?`, nl: `bedoel je '${close}'?` })
        : say({ en: "both are linear in the mix shares; ratios and single years are not offered", nl: "beide zijn lineair in de mixaandelen; verhoudingen en losse jaren worden niet aangeboden" }),
    );
  }
  const loaded = await loadValidModel(resolveModelPath(modelArg));
  writeErr(issuesAsText(loaded, stderrPaint(options), ["warning"]));
  const scenario = scenarioOf(loaded, options.scenario);
  const constraints = constraintsOf(scenario.model, options);
  const id = optimumId(metric, scenario.id);
  // The name is the id: it is shown in every language, and JSON is the same in each.
  const name = id;
  const solver = await highsSolver();
  const outcome = optimiseMix(scenario, { metric, constraints, id, name }, solver);
  const model = scenario.model;
  const c: OptimiseContext = { model: model.name, scenario: scenario.id, currency: model.currency, minorUnits: model.minorUnits, years: Array.from({ length: model.years }, (_, t) => model.startYear + t) };

  let written: string | null = null;
  if (options.write !== undefined && outcome.kind === "optimal") {
    const description = say({
      en: `the mix that maximises ${metric} under the optimiser's constraints (distplan optimise)`,
      nl: `de mix die ${metric} maximaliseert binnen de voorwaarden van de optimalisatie (distplan optimise)`,
    });
    const sets = Object.entries(outcome.shares).flatMap(([segment, row]) => Object.entries(row).map(([channel, shares]) => ({ path: `mix.${segment}.${channel}`, value: shares.map((s) => `${s.times(100).toFixed()}%`) })));
    const text = modelWithScenario(loaded.text, { id, name, description, sets, ...(scenario.id === "base" ? {} : { extends: scenario.id }) });
    const again = loadModelText(text, options.write);
    const mine = again.scenarios.find((s) => s.id === id);
    const engine = outcome.projection.scenarios[1]!;
    const same = mine !== undefined && again.issues.every((i) => i.severity !== "error") && projectModel(mine.model, { id, name, description }).npv.eq(engine.npv);
    if (!same) throw new UsageError(
      say({ en: `cannot write ${options.write}: the model with the optimum as a scenario does not load as it should`, nl: `kan ${options.write} niet schrijven: het model met het optimum als scenario laadt niet zoals het hoort` }),
      say({ en: "report this as a bug; nothing was written", nl: "meld dit als fout; er is niets geschreven" }),
    );
    await writeFileSafely(options.write, text);
    written = options.write;
  }

  const style = localeStyle(options.locale);
  const doc = (density: "screen" | "page") => {
    const d = optimiseView(outcome, c, density);
    return written === null ? d : { ...d, blocks: [...d.blocks, { kind: "gap" as const }, { kind: "paragraph" as const, text: [msg("optimise.written", { file: written, scenario: [code(id)] })] }] };
  };
  switch (options.format) {
    case "table": writeOut(renderTerminal(doc("screen"), { width: terminalWidth(options.width), paint: stdoutPaint(options), style, unit: options.unit ?? "auto", ascii: wantsAscii(options.ascii) })); break;
    case "json": writeOut(renderJson(optimiseData(outcome, c, written))); break;
    case "csv": writeOut(renderCsv(optimiseRecords(outcome, c), csv!)); break;
    case "md": writeOut(renderMarkdown(doc("page"), { style })); break;
  }
  // No mix meets the constraints: an answer about the plan, not a broken input (as solve's
  // "not reachable"): exit 1, with the conflicting constraints named.
  return outcome.kind === "optimal" ? EXIT.ok : EXIT.failed;
}
