// distplan actuals <model> <actuals.csv>: plan against actual for a period and its year to date,
// per channel and line (docs/MODEL.md §14b). The CSV is read by cli/actuals-file.ts (its parser is
// loaded only here); the variance is the engine's; the view renders it in every format.
import { readActualsFile } from "../actuals-file.js";
import { parsePeriod, type ActualMetric, ACTUAL_METRICS } from "../../model/actuals.js";
import { pvmOfPeriod, variance, type VarianceBy } from "../../engine/variance.js";
import { actualsData, actualsRecords, actualsView, type HorizonLine, type ReforecastReport } from "../../views/actuals.js";
import { reforecastSets } from "../../engine/reforecast.js";
import { channelHorizon } from "../../engine/horizon.js";
import { projectModel } from "../../engine/projection.js";
import type { ScenarioProjection } from "../../engine/projection-types.js";
import { whatIfScenario } from "../../model/whatif.js";
import { loadModelText, type LoadedModel } from "../../model/load.js";
import type { ActualRow } from "../../model/actuals.js";
import { writeFileSafely } from "../files.js";
import { modelWithScenario } from "../reforecast-file.js";
import { renderTerminal } from "../../render/table.js";
import { renderMarkdown } from "../../render/markdown.js";
import { renderJson } from "../../render/json.js";
import { renderCsv } from "../../render/csv.js";
import { csvOptions } from "../csv-options.js";
import { issuesAsText } from "../issues.js";
import { EXIT, UsageError } from "../errors.js";
import { say } from "../words.js";
import { loadValidModel, selectScenarios } from "../models.js";
import { localeStyle, stderrPaint, stdoutPaint, terminalWidth, wantsAscii, writeErr, writeOut, type GlobalOptions } from "../output.js";

export interface ActualsOptions extends GlobalOptions {
  readonly scenario?: string[];
  readonly period?: string;
  readonly by?: VarianceBy;
  readonly pvm?: boolean;
  readonly reforecast?: boolean;
  readonly write?: string;
  readonly format: "table" | "json" | "md" | "csv";
  readonly csvDelimiter?: string;
  readonly bom?: boolean;
  readonly locale?: string;
  readonly width?: string;
  readonly ascii?: boolean;
}

export async function runActuals(modelArg: string, actualsArg: string, options: ActualsOptions): Promise<number> {
  // CSV options are checked first: a bad one must stop the command before --write writes.
  const csv = options.format === "csv" ? csvOptions(options) : null;
  const loaded = await loadValidModel(modelArg);
  writeErr(issuesAsText(loaded, stderrPaint(options), ["warning"]));
  if ((options.scenario?.length ?? 0) > 1 || options.scenario?.includes("all")) throw new UsageError(say({ en: "actuals compares one scenario with what happened", nl: "actuals zet één scenario af tegen de werkelijkheid" }), say({ en: "pass one --scenario id (default: base)", nl: "geef één --scenario id (standaard: base)" }));
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
    throw new UsageError(options.period === undefined ? say({ en: "the actuals file has no rows", nl: "het bestand met realisatiecijfers heeft geen rijen" }) : say({ en: `--period '${options.period}' is not a period`, nl: `--period '${options.period}' is geen periode` }), say({ en: "write a year (2027), a quarter (2027-Q3) or a month (2027-09)", nl: "schrijf een jaar (2027), een kwartaal (2027-Q3) of een maand (2027-09)" }));
  }
  if (!projection.years.includes(period.year)) {
    throw new UsageError(say({ en: `${period.text} is outside the plan (${projection.years[0]}–${projection.years.at(-1)})`, nl: `${period.text} valt buiten het plan (${projection.years[0]}–${projection.years.at(-1)})` }), say({ en: "pick a period within the plan's horizon", nl: "kies een periode binnen de planhorizon" }));
  }
  const metrics = ACTUAL_METRICS.filter((m: ActualMetric) => file.rows.some((r) => r.metric === m));
  const planModel = loaded.scenarios.find((x) => x.id === scenario.id)?.model ?? model;
  const opts = { minorUnits: projection.minorUnits, by: options.by ?? "channel", seasonality: planModel.seasonality } as const;
  const report = {
    model: projection.name, scenario: scenario.id, currency: projection.currency, minorUnits: projection.minorUnits, period: period.text, by: opts.by, seasonal: opts.seasonality !== null,
    lines: variance(scenario, file.rows, period, metrics, opts),
    ...(options.pvm ? { pvm: pvmOfPeriod(scenario, file.rows, period, opts) } : {}),
    ...(options.reforecast || options.write !== undefined ? { reforecast: await reforecast(loaded, scenario, file.rows, projection.minorUnits, options.write) } : {}),
  };
  const style = localeStyle(options.locale);
  switch (options.format) {
    case "table": writeOut(renderTerminal(actualsView(report), { width: terminalWidth(options.width), paint: stdoutPaint(options), style, unit: "1", ascii: wantsAscii(options.ascii) })); break;
    case "json": writeOut(renderJson(actualsData(report))); break;
    case "md": writeOut(renderMarkdown(actualsView(report), { style })); break;
    case "csv": writeOut(renderCsv(actualsRecords(report), csv!)); break;
  }
  return EXIT.ok;
}

const end = (p: { quarter?: number; month?: number }) => (p.month ?? (p.quarter !== undefined ? p.quarter * 3 : 12));

/** Horizon figures of the plan and the re-forecast: the total's NPV and cumulative net profit, then each channel's. */
function horizonLines(plan: ScenarioProjection, next: ScenarioProjection, places: number): HorizonLine[] {
  const lines: HorizonLine[] = [
    { channel: null, figure: "npv", plan: plan.npv, reforecast: next.npv },
    { channel: null, figure: "cumulative_net_profit", plan: plan.cumulativeNetProfit, reforecast: next.cumulativeNetProfit },
  ];
  for (const c of plan.channelIds) {
    const [a, b] = [channelHorizon(plan, c, places), channelHorizon(next, c, places)];
    lines.push({ channel: c, figure: "npv", plan: a.npv, reforecast: b.npv }, { channel: c, figure: "cumulative_net_profit", plan: a.cumulativeNetProfit, reforecast: b.cumulativeNetProfit });
  }
  return lines;
}

/**
 * --reforecast: base rolled forward from the actual customer base (engine/reforecast.ts), as a
 * scenario applied like a what-if; with --write FILE the model with that scenario added, written
 * only after the new text loads without an error and its scenario reproduces the figures.
 */
async function reforecast(loaded: LoadedModel, plan: ScenarioProjection, rows: readonly ActualRow[], places: number, write: string | undefined): Promise<ReforecastReport> {
  if (plan.id !== "base") throw new UsageError(say({ en: "--reforecast rolls base forward", nl: "--reforecast rolt base vooruit" }), say({ en: "leave out --scenario (the re-forecast is base with the actual customer base)", nl: "laat --scenario weg (de herprognose is base met het werkelijke klantenbestand)" }));
  const rf = reforecastSets(loaded.scenarios[0]!.model, plan, rows);
  if (rf === null) throw new UsageError(say({ en: "--reforecast needs the customer base: rows with metric customers per channel and segment", nl: "--reforecast heeft het klantenbestand nodig: rijen met metric customers per kanaal en segment" }), say({ en: "add rows such as 2027-Q3,direct,smb,customers,120", nl: "voeg rijen toe zoals 2027-Q3,direct,smb,customers,120" }));
  const id = `reforecast-${rf.period.text.toLowerCase()}`;
  // The scenario's name and description are text of the model file, written in the run's language.
  const name = say({ en: `Re-forecast from actuals ${rf.period.text}`, nl: `Herprognose uit realisatiecijfers ${rf.period.text}` });
  const description = say({
    en: `base with each segment's customer base moved by the actuals at the end of ${rf.period.text}`,
    nl: `base met het klantenbestand van elk segment verschoven naar de realisatie aan het eind van ${rf.period.text}`,
  });
  const what = whatIfScenario(loaded, rf.sets.map((s) => ({ path: s.path, value: [...s.value], text: s.path })));
  if ("errors" in what) throw new UsageError(say({ en: `the re-forecast is not a valid scenario: ${what.errors.map((e) => e.issue.code).join(", ")}`, nl: `de herprognose is geen geldig scenario: ${what.errors.map((e) => e.issue.code).join(", ")}` }), say({ en: "check the customers in the actuals file against the model", nl: "controleer de klanten in het bestand met realisatiecijfers tegen het model" }));
  const next = projectModel(what.scenario.model, { id, name, description });
  let written: string | null = null;
  if (write !== undefined) {
    const text = modelWithScenario(loaded.text, { id, name, description, sets: rf.sets });
    const again = loadModelText(text, write);
    const mine = again.scenarios.find((s) => s.id === id);
    const same = mine !== undefined && again.issues.every((i) => i.severity !== "error") && projectModel(mine.model, { id, name, description }).npv.eq(next.npv);
    if (!same) throw new UsageError(say({ en: `cannot write ${write}: the model with the re-forecast scenario does not load as it should`, nl: `kan ${write} niet schrijven: het model met het herprognosescenario laadt niet zoals het hoort` }), say({ en: "report this as a bug; nothing was written", nl: "meld dit als fout; er is niets geschreven" }));
    await writeFileSafely(write, text);
    written = write;
  }
  return { period: rf.period.text, id, bases: rf.bases, horizon: horizonLines(plan, next, places), written };
}
