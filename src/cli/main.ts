// The CLI's entry (bin/distplan.js calls main): commander wiring, and the one top-level catch that turns every failure into an
// exit code (README): 0 ok, 1 a check failed or a difference was found, 2 bad usage or an
// invalid model, 70 an internal error. Each command's module is imported only when it runs.
import { Command, CommanderError, InvalidArgumentError, Option } from "commander";
import { suggest } from "../model/issues.js";
import { EXIT, isInvalidModelError, isUsageError, UsageError } from "./errors.js";
import { errnoReason, guardOutput, isErrnoError } from "./io-errors.js";
import type { GlobalOptions } from "./output.js";
import { modelAndScenarios, scenarioOption } from "./scenario-option.js";
import { LANGUAGES, activeLanguage, environmentLanguage, languageArgument, useLanguage } from "./language.js";
import { dutchHelp } from "./help-nl.js";
import { say } from "./words.js";

const VERSION = "0.1.0";

export async function main(argv: readonly string[]): Promise<number> {
  // Each command's action stores its exit code here; main returns it and never touches
  // process.exitCode (bin/distplan.js sets that once), so calls in one process are independent.
  const outcome = { code: EXIT.ok as number };
  guardOutput();
  await (await import("./output.js")).loadColour(argv);
  await useLanguage(languageArgument(argv) ?? environmentLanguage(process.env));
  const program = buildProgram(outcome, invokedCommand(argv));
  try {
    const options = argv.slice(0, argv.includes("--") ? argv.indexOf("--") : argv.length);
    if (options.includes("--color") && options.includes("--no-color")) throw new UsageError(say({ en: "--color and --no-color contradict each other", nl: "--color en --no-color spreken elkaar tegen" }), say({ en: "pass one of them", nl: "geef er één van de twee" }));
    await program.parseAsync([...argv], { from: "user" });
    return outcome.code;
  } catch (e) {
    return await handleFailure(e, program.opts<GlobalOptions>());
  }
}

async function handleFailure(e: unknown, options: GlobalOptions): Promise<number> {
  const { stderrPaint, usageErrorText, writeErr } = await import("./output.js");
  const paint = stderrPaint(options);
  if (e instanceof CommanderError) {
    if (e.code === "commander.helpDisplayed" || e.code === "commander.version" || e.code === "commander.help") return EXIT.ok;
    return EXIT.usage; // commander has printed its message already
  }
  if (isUsageError(e)) {
    writeErr(usageErrorText(e, paint));
    return EXIT.usage;
  }
  if (isInvalidModelError(e)) {
    const { issuesAsText } = await import("./issues.js");
    for (const model of e.models) writeErr(issuesAsText(model, paint));
    const errors = e.models.reduce((n, m) => n + m.issues.filter((i) => i.severity === "error").length, 0);
    const suppressed = e.models.reduce((n, m) => n + m.issues.reduce((k, i) => k + (Number(i.args.suppressed) || 0), 0), 0);
    const { words } = await import("./words.js");
    writeErr(`${words().errors(errors)}${suppressed > 0 ? words().suppressed(suppressed, errors) : ""}\n`);
    return EXIT.usage;
  }
  if (isErrnoError(e)) {
    // A file-system or stream failure no command turned into words: still one line, exit 2.
    writeErr(`${paint.red("distplan:")} ${e.path ? `${e.path}: ` : ""}${errnoReason(e)}\n`);
    return EXIT.usage;
  }
  const error = e instanceof Error ? e : new Error(String(e));
  const { words } = await import("./words.js");
  writeErr(`${paint.red(words().internal)} ${error.message}\n`);
  if (options.debug) writeErr(`${error.stack ?? ""}\n`);
  else writeErr(`  ${paint.dim(words().hint)} ${words().debugHint}\n`);
  return EXIT.internal;
}

/** A fixed set of values, with "did you mean" for a near miss (commander's `.choices` has none). */
function oneOf(option: Option, allowed: readonly string[]): Option {
  return option.choices(allowed).argParser((value: string) => {
    if (allowed.includes(value)) return value;
    const close = suggest(value, allowed);
    throw new InvalidArgumentError(`Allowed choices are ${allowed.join(", ")}.${close ? ` Did you mean '${close}'?` : ""}`);
  });
}

/** --set may be given several times; each adds one PATH=VALUE. */
const collectSet = (value: string, previous: string[]): string[] => [...previous, value];

const MIN_WIDTH = 40;

/** --width: a whole number of columns, at least MIN_WIDTH. */
export function parseWidth(value: string): string {
  if (!/^\d+$/.test(value.trim()) || Number(value) < MIN_WIDTH) {
    throw new InvalidArgumentError(say({ en: `The width is a whole number of columns, at least ${MIN_WIDTH} (for example --width 120).`, nl: `De breedte is een geheel aantal kolommen, minstens ${MIN_WIDTH} (bijvoorbeeld --width 120).` }));
  }
  return value.trim();
}

const formatOption = (formats: readonly string[], fallback: string) =>
  oneOf(new Option("--format <format>", "output format"), formats).default(fallback);

/** CSV for spreadsheets (#16): the separator, and a byte order mark for Excel. */
const csvDelimiterOption = () => new Option("--csv-delimiter <char>", "CSV field separator, e.g. ';' or tab (default: ';' under a decimal-comma --locale, else ',')");
const bomOption = () => new Option("--bom", "start CSV with a UTF-8 byte order mark, for Excel");
const unitOption = () => oneOf(new Option("--unit <unit>", "table unit: 1, k, M or auto"), ["auto", "1", "k", "M"]).default("auto");
const localeOption = () => new Option("--locale <locale>", "number separators of a locale, e.g. nl-NL");
const widthOption = () => new Option("--width <columns>", `table width, at least ${MIN_WIDTH} (default: the terminal's, or 80)`).argParser(parseWidth);

const COMMANDS = new Set(["report", "compare", "check", "diff", "textconv", "git-setup", "validate", "fmt", "init", "schema", "actuals", "sensitivity", "solve", "optimise", "simulate", "partners"]);

/**
 * The command argv names, if it names one: the first argument that is not an option (the global
 * options take no value). Only that command is then built, which is most of commander's cost at
 * start-up; its help, errors and parsing are the same as in the full program. Anything else
 * (no command, `help`, a typo) builds them all, for the program's help and suggestions.
 */
function invokedCommand(argv: readonly string[]): string | undefined {
  const first = argv.find((a) => !a.startsWith("-"));
  return first !== undefined && COMMANDS.has(first) ? first : undefined;
}

/** The commander program; `only` builds just that command (exported for the help-text test). */
export function buildProgram(outcome: { code: number }, only: string | undefined): Command {
  const program = new Command("distplan")
    .description("Plan a distribution model: direct, partner and e-commerce channels over 3-5 years, exact to the cent.")
    .version(VERSION, "-V, --version")
    .option("--color", "force colour output")
    .option("--no-color", "no colour output")
    .option("--debug", "show stack traces of internal errors")
    .addOption(oneOf(new Option("--lang <language>", "language of everything a person reads: en or nl (default: from LC_ALL, LC_MESSAGES or LANG)"), LANGUAGES))
    .exitOverride()
    .showHelpAfterError("(run 'distplan --help' for usage)")
    .configureOutput({ writeErr: (s) => process.stderr.write(s), writeOut: (s) => process.stdout.write(s) });
  const define = (name: string, build: () => void) => {
    if (only === undefined || only === name) build();
  };

  define("report", () => program
    .command("report")
    .description("per-channel P&L per year: revenue down to net profit, totals, NPV")
    .argument("[model]", "model file (default ./distplan.yaml)")
    .addOption(scenarioOption("scenario ids to show, or 'all' (default: base)"))
    .allowExcessArguments()
    .option("--set <path=value>", "what-if: base with this value set, as in a scenario's set (repeatable)", collectSet, [] as string[])
    .addOption(oneOf(new Option("--by <view>", "rows by channel, segment, both, or tier (a tiered channel's tiers)"), ["channel", "segment", "both", "tier"]).default("channel"))
    .addOption(oneOf(new Option("--lines <set>", "summary lines or every P&L line"), ["summary", "full"]).default("summary"))
    .option("--allocations", "each channel's net profit under every allocation method")
    .addOption(formatOption(["table", "json", "csv", "md", "html", "xlsx"], "table"))
    .option("-o, --output <file>", "write to FILE instead of standard output (required for xlsx)")
    .addOption(unitOption())
    .addOption(localeOption())
    .addOption(widthOption())
    .addOption(csvDelimiterOption())
    .addOption(bomOption())
    .option("--ascii", "ASCII only: no Unicode glyphs in the table")
    .action(async (_model: string | undefined, _opts, cmd: Command) => {
      const { runReport } = await import("./commands/report.js");
      const { model, scenario } = modelAndScenarios(cmd.args, cmd.opts().scenario);
      outcome.code = await runReport(model, { ...cmd.optsWithGlobals(), scenario });
    }));

  define("compare", () => program
    .command("compare")
    .description("scenarios side by side against base: deltas, best per metric, net profit chart, revenue mix")
    .argument("[model]", "model file (default ./distplan.yaml)")
    .addOption(scenarioOption("scenarios to compare with base (default: all)"))
    .allowExcessArguments()
    .option("--set <path=value>", "what-if: one more scenario, base with this value set (repeatable)", collectSet, [] as string[])
    .option("--against <id>", "measure every change from this scenario instead of base")
    .option("--shift", "where revenue, customers and contribution move between channels and segments")
    .option("--metric <metric...>", "metrics to compare (default: revenue contribution net_profit contribution_margin npv cumulative_net_profit)")
    .addOption(formatOption(["table", "json", "csv", "md", "html", "xlsx"], "table"))
    .option("-o, --output <file>", "write to FILE instead of standard output (required for xlsx)")
    .addOption(unitOption())
    .addOption(localeOption())
    .addOption(widthOption())
    .addOption(csvDelimiterOption())
    .addOption(bomOption())
    .option("--ascii", "ASCII instead of Unicode glyphs in the chart")
    .action(async (_model: string | undefined, _opts, cmd: Command) => {
      const { runCompare } = await import("./commands/compare.js");
      const { model, scenario } = modelAndScenarios(cmd.args, cmd.opts().scenario);
      outcome.code = await runCompare(model, { ...cmd.optsWithGlobals(), scenario });
    }));

  define("check", () => program
    .command("check")
    .description("CI gate: validate models, run their checks and the round-table lints; exit 1 on a failed check")
    .argument("[models...]", "model files or globs (default ./distplan.yaml)")
    .option("--strict", "lint warnings fail the check too")
    .option("--set <path=value>", "what-if gate: check base with this value set, as in a scenario's set (repeatable)", collectSet, [] as string[])
    .addOption(formatOption(["text", "json", "junit", "github", "md"], "text"))
    .addOption(widthOption())
    .option("--ascii", "ASCII only in the text format: no Unicode marks")
    .option("--actuals <file>", "an actuals CSV: evaluate the models' variance checks against it")
    .action(async (models: string[], _opts, cmd: Command) => {
      const { runCheck } = await import("./commands/check.js");
      outcome.code = await runCheck(models, cmd.optsWithGlobals());
    }));

  define("diff", () => program
    .command("diff")
    .description("what changed between two versions of a model: assumptions, impact on results, checks")
    .argument("<old>", "a model file, or REV:path read from git (main:models/plan.yaml)")
    .argument("<new>", "a model file, or REV:path")
    .addOption(formatOption(["text", "json", "md"], "text"))
    .option("--exit-code", "exit 1 when there are differences")
    .addOption(widthOption())
    .option("--ascii", "ASCII only in the text format: no Unicode arrows or marks")
    .action(async (before: string, after: string, _opts, cmd: Command) => {
      const { runDiff } = await import("./commands/diff.js");
      outcome.code = await runDiff(before, after, cmd.optsWithGlobals());
    }));

  define("textconv", () => program
    .command("textconv", { hidden: true })
    .description("git diff driver: a model rendered with its key results (never fails)")
    .argument("<file>")
    .action(async (file: string) => {
      const { runTextconv } = await import("./commands/textconv.js");
      outcome.code = await runTextconv(file);
    }));

  define("git-setup", () => program
    .command("git-setup")
    .description("make git diff, git log -p and git show render models with their results")
    .option("--print", "show the .gitattributes line and git config entry instead of writing them")
    .option("--pattern <glob...>", "files to render (default: *.yaml *.yml)")
    .option("--command <cmd>", "the textconv command git should run (default: distplan textconv)")
    .action(async (_opts, cmd: Command) => {
      const { runGitSetup } = await import("./commands/git-setup.js");
      outcome.code = await runGitSetup(cmd.optsWithGlobals());
    }));

  define("validate", () => program
    .command("validate")
    .description("check a model file and print all of its issues")
    .argument("<model>", "model file")
    .action(async (model: string, _opts, cmd: Command) => {
      const { runValidate } = await import("./commands/validate.js");
      outcome.code = await runValidate(model, cmd.optsWithGlobals());
    }));

  define("fmt", () => program
    .command("fmt")
    .description("format model files canonically (schema key order, \"42%\" percentages), keeping comments")
    .argument("<models...>", "model files or globs")
    .option("--check", "list files that are not formatted and exit 1; write nothing")
    .action(async (models: string[], _opts, cmd: Command) => {
      const { runFmt } = await import("./commands/fmt.js");
      outcome.code = await runFmt(models, cmd.optsWithGlobals());
    }));

  define("init", () => program
    .command("init")
    .description("an interactive wizard that writes a first, valid, commented model")
    .argument("[file]", "where to write it (default distplan.yaml)")
    .option("--yes", "write a starter model from the defaults, without questions")
    .option("--force", "overwrite an existing file")
    .option("--start-year <year>", "first year of the plan (default: next year)")
    .action(async (file: string | undefined, _opts, cmd: Command) => {
      const { runInit } = await import("./commands/init.js");
      outcome.code = await runInit(file, cmd.optsWithGlobals());
    }));

  define("schema", () => program
    .command("schema")
    .description("print the JSON Schema of the model format")
    .action(async () => {
      const { runSchema } = await import("./commands/schema.js");
      outcome.code = runSchema();
    }));

  define("actuals", () => program
    .command("actuals")
    .description("plan vs actual per channel for a period and its year to date, from an actuals CSV")
    .argument("<model>", "model file")
    .argument("<actuals>", "CSV with period,channel,segment,metric,value (a Dutch ';' export too)")
    .addOption(scenarioOption("the scenario that is the plan (default: base)"))
    .option("--period <period>", "2027, 2027-Q3 or 2027-09 (default: the latest in the file)")
    .addOption(oneOf(new Option("--by <view>", "rows by channel, segment or both"), ["channel", "segment", "both"]).default("channel"))
    .option("--pvm", "also split the revenue and contribution variance into volume, mix and price")
    .option("--reforecast", "also roll base forward from the actual customer base: NPV and cumulative net profit beside the plan")
    .option("--write <file>", "with --reforecast: write the model with the re-forecast scenario added to FILE")
    .addOption(formatOption(["table", "json", "md", "csv"], "table"))
    .addOption(csvDelimiterOption())
    .addOption(bomOption())
    .addOption(localeOption())
    .addOption(widthOption())
    .option("--ascii", "ASCII only: no Unicode glyphs")
    .action(async (model: string, actuals: string, _opts, cmd: Command) => {
      const { runActuals } = await import("./commands/actuals.js");
      outcome.code = await runActuals(model, actuals, cmd.optsWithGlobals());
    }));

  define("sensitivity", () => program
    .command("sensitivity")
    .description("which input matters: each one moved down and up by a step, ranked by its effect on a metric (a tornado)")
    .argument("[model]", "model file (default ./distplan.yaml)")
    .addOption(scenarioOption("the scenario to move the inputs of (default: base)"))
    .option("--metric <metric>", "the metric to watch (default: npv; any compare metric)")
    .option("--channel <id>", "a channel's metric instead of the total")
    .option("--segment <id>", "a segment's metric instead of the total")
    .option("--year <year>", "one year's metric (default: over the horizon)")
    .option("--step <percent>", "how far each input moves, down and up (default: 10%; a mix share by as many points)")
    .option("--inputs <glob...>", "only these inputs, by path: segments.*.churn, channels.partners.**")
    .addOption(formatOption(["table", "json", "csv", "md", "html"], "table"))
    .option("-o, --output <file>", "write to FILE instead of standard output")
    .addOption(unitOption())
    .addOption(localeOption())
    .addOption(widthOption())
    .addOption(csvDelimiterOption())
    .addOption(bomOption())
    .option("--ascii", "ASCII only: no Unicode glyphs")
    .action(async (model: string | undefined, _opts, cmd: Command) => {
      const { runSensitivity } = await import("./commands/decide.js");
      outcome.code = await runSensitivity(model, cmd.optsWithGlobals());
    }));

  define("solve", () => program
    .command("solve")
    .description("goal seek: the value of one input at which a metric reaches a target")
    .argument("[model]", "model file (default ./distplan.yaml)")
    .addOption(scenarioOption("the scenario to solve in (default: base)"))
    .requiredOption("--vary <path>", "the input to vary, by path: channels.partners.partner_margin")
    .requiredOption("--target <value>", "the value the metric must reach: 10%, 0, 1.5M")
    .option("--metric <metric>", "the metric (default: npv; any compare metric)")
    .option("--channel <id>", "a channel's metric instead of the total")
    .option("--segment <id>", "a segment's metric instead of the total")
    .option("--year <year>", "one year's metric (default: over the horizon)")
    .option("--horizon", "the metric over the horizon (the default)")
    .addOption(formatOption(["table", "json", "csv", "md"], "table"))
    .addOption(localeOption())
    .addOption(widthOption())
    .option("--ascii", "ASCII only: no Unicode glyphs")
    .action(async (model: string | undefined, _opts, cmd: Command) => {
      const { runSolve } = await import("./commands/decide.js");
      outcome.code = await runSolve(model, cmd.optsWithGlobals());
    }));

  define("optimise", () => program
    .command("optimise")
    .description("the channel mix per segment and year that maximises NPV or cumulative net profit, under the round table's constraints (a linear programme)")
    .argument("[model]", "model file (default ./distplan.yaml)")
    .addOption(scenarioOption("the scenario whose mix is optimised (default: base)"))
    .option("--metric <metric>", "what to maximise: npv (default) or cumulative_net_profit")
    .option("--max-shift <percent>", "the most a share may move in a year (default: the model's optimise.max_shift, else 15%)")
    .option("--min <cell=share>", "a least share: channel=20% (every segment it serves) or segment.channel=20%; repeatable", collectSet, [])
    .option("--max <cell=share>", "a largest share: channel=60% or segment.channel=60%; repeatable", collectSet, [])
    .option("--exclude <segment.channel>", "a channel that may not serve a segment; repeatable", collectSet, [])
    .option("--no-contribution-floor", "allow a channel's contribution below zero (default: every channel ≥ 0 every year)")
    .option("--no-checks", "ignore the model's checks (default: those linear in the shares must pass at the optimum)")
    .option("--write <file>", "write the model with the optimum added as a scenario (comments kept; may be the model itself)")
    .addOption(formatOption(["table", "json", "csv", "md"], "table"))
    .addOption(unitOption())
    .addOption(localeOption())
    .addOption(widthOption())
    .addOption(csvDelimiterOption())
    .addOption(bomOption())
    .option("--ascii", "ASCII only: no Unicode glyphs")
    .action(async (model: string | undefined, _opts, cmd: Command) => {
      const { runOptimise } = await import("./commands/optimise.js");
      outcome.code = await runOptimise(model, cmd.optsWithGlobals());
    }));

  define("simulate", () => program
    .command("simulate")
    .description("Monte Carlo over the model's ranges: P10/P50/P90 of NPV and net profit, the chance of a loss and of each check failing, and what drives the spread")
    .argument("[model]", "model file (default ./distplan.yaml)")
    .addOption(scenarioOption("the scenarios to simulate (default: base; all for every one)"))
    .option("--draws <n>", "how many draws (default: 10000)")
    .option("--seed <n>", "the random generator's seed, 0 to 4294967295 (default: 1): the same seed gives the same output")
    .option("--top <n>", "how many inputs to list as drivers of the spread (default: 10)")
    .option("--bins <n>", "bars of the NPV histogram (default: 12)")
    .addOption(formatOption(["table", "json", "csv", "md"], "table"))
    .addOption(unitOption())
    .addOption(localeOption())
    .addOption(widthOption())
    .addOption(csvDelimiterOption())
    .addOption(bomOption())
    .option("--ascii", "ASCII only: no Unicode glyphs")
    .action(async (model: string | undefined, _opts, cmd: Command) => {
      const { runSimulate } = await import("./commands/simulate.js");
      outcome.code = await runSimulate(model, cmd.optsWithGlobals());
    }));

  define("partners", () => {
    const partners = program.command("partners").description("the partner programme: review real partners against a channel's tiers");
    partners
      .command("classify")
      .description("the tier review: each partner's tier from its data, promotions, demotions, grace and early warnings")
      .argument("<partners>", "CSV with id,name,revenue,certified,specialisations,tier,missed (a Dutch ';' export too)")
      .option("--model <file>", "model file (default ./distplan.yaml)")
      .option("--channel <id>", "the channel whose tiers apply (default: the only one with tiers)")
      .option("--warn <percent>", "early warning within this distance of a requirement (default: 15%)")
      .option("--year <year>", "the year of the partners and share values in --format yaml (default: the first)")
      .addOption(formatOption(["table", "json", "csv", "md", "yaml"], "table"))
      .addOption(localeOption())
      .addOption(widthOption())
      .addOption(csvDelimiterOption())
      .addOption(bomOption())
      .option("--ascii", "ASCII only: no Unicode glyphs")
      .action(async (file: string, _opts, cmd: Command) => {
        const { runClassify } = await import("./commands/partners.js");
        outcome.code = await runClassify(file, cmd.optsWithGlobals());
      });
  });

  if (activeLanguage() === "nl") dutchHelp(program);
  return program;
}

