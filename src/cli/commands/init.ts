// distplan init [file] [--yes] [--force]: from nothing to a first valid, commented model.
// @inquirer/prompts is imported here only, when the wizard actually runs.
import { existsSync, lstatSync, type Stats } from "node:fs";
import { dirname, join } from "node:path";
import { writeFileSafely } from "../files.js";
import { defaultAnswers, modelFromAnswers, type InitAnswers } from "../init/answers.js";
import { runWizard, type Prompts } from "../init/wizard.js";
import { formatModelText } from "../../model/fmt.js";
import { loadModelText, isValid } from "../../model/load.js";
import { projectScenarios } from "../../engine/projection.js";
import { reportView } from "../../views/report.js";
import { renderTerminal } from "../../render/table.js";
import { schemaText } from "./schema.js";
import { UsageError } from "../errors.js";
import { loadColour, localeStyle, stdoutPaint, terminalWidth, writeOut, writeErr, type GlobalOptions } from "../output.js";
import { activeLanguage, environmentLanguage, languageArgument, useLanguage } from "../language.js";
import { styleText } from "node:util";
import { say } from "../words.js";

const t = (en: string, nl: string): string => say({ en, nl });

export interface InitOptions extends GlobalOptions {
  readonly yes?: boolean;
  readonly force?: boolean;
  readonly startYear?: string;
}

export const SCHEMA_FILE = "distplan.schema.json";

export function initialModelText(answers: InitAnswers): string {
  const text = formatModelText(modelFromAnswers(answers, `./${SCHEMA_FILE}`));
  const loaded = loadModelText(text, "distplan.yaml");
  if (!isValid(loaded)) throw new Error(`init produced an invalid model: ${loaded.issues.map((i) => i.code).join(", ")}`);
  return text;
}

/** inquirer's key hints ("↑↓ navigate • ⏎ select") in Dutch, drawn as inquirer draws them. */
const DUTCH_KEYS: Record<"select" | "checkbox", Record<string, string>> = {
  select: { navigate: "navigeren", select: "kiezen" },
  checkbox: { navigate: "navigeren", select: "aanvinken", all: "alles", invert: "omkeren", submit: "bevestigen" },
};

export function dutchKeysHelpTip(prompt: "select" | "checkbox"): (keys: [string, string][]) => string {
  return (keys) => keys.map(([key, action]) => `${styleText("bold", key)} ${styleText("dim", DUTCH_KEYS[prompt][action] ?? action)}`).join(styleText("dim", " • "));
}

async function inquirerPrompts(): Promise<Prompts> {
  const { input, select, checkbox } = await import("@inquirer/prompts");
  const dutch = activeLanguage() === "nl";
  const theme = (prompt: "select" | "checkbox") => (dutch ? { theme: { style: { keysHelpTip: dutchKeysHelpTip(prompt) } } } : {});
  return {
    input: (c) => input(c),
    select: (c) => select({ ...(c as Parameters<typeof select>[0]), ...theme("select") }) as never,
    checkbox: (c) => checkbox({ ...(c as Parameters<typeof checkbox>[0]), ...theme("checkbox") }) as never,
  };
}

const lstatOrNull = (path: string): Stats | null => {
  try {
    return lstatSync(path);
  } catch {
    return null;
  }
};

export async function runInit(fileArg: string | undefined, options: InitOptions): Promise<number> {
  // This bundle's own copies of output.ts and language.ts: colour and language as main chose them.
  const argv = process.argv.slice(2);
  await loadColour(argv);
  await useLanguage(languageArgument(argv) ?? environmentLanguage(process.env));
  const path = fileArg ?? "distplan.yaml";
  const present = lstatOrNull(path);
  if (present?.isDirectory()) throw new UsageError(t(`${path} is a directory`, `${path} is een map`), t(`give a file name, such as ${join(path, "distplan.yaml")}`, `geef een bestandsnaam, zoals ${join(path, "distplan.yaml")}`));
  if (present && !options.force) {
    const dangling = present.isSymbolicLink() && !existsSync(path);
    throw new UsageError(
      dangling ? t(`${path} is a symlink to a file that does not exist`, `${path} is een symlink naar een bestand dat niet bestaat`) : t(`${path} already exists`, `${path} bestaat al`),
      dangling
        ? t("pass --force to write through it, or give another file name: distplan init other.yaml", "geef --force om erdoorheen te schrijven, of een andere bestandsnaam: distplan init ander.yaml")
        : t("pass --force to overwrite it, or give another file name: distplan init other.yaml", "geef --force om het te overschrijven, of een andere bestandsnaam: distplan init ander.yaml"),
    );
  }
  if (!existsSync(dirname(path))) throw new UsageError(t(`cannot write ${path}: the folder ${dirname(path)} does not exist`, `kan ${path} niet schrijven: de map ${dirname(path)} bestaat niet`), t(`create it first (mkdir -p ${dirname(path)})`, `maak die eerst aan (mkdir -p ${dirname(path)})`));
  const startYear = options.startYear ? Number(options.startYear) : new Date().getFullYear() + 1;
  if (!Number.isInteger(startYear) || startYear < 1900 || startYear > 2200) throw new UsageError(t(`--start-year ${options.startYear} is not a year`, `--start-year ${options.startYear} is geen jaartal`));
  let answers: InitAnswers;
  if (options.yes) answers = defaultAnswers(startYear);
  else {
    if (!process.stdin.isTTY || !process.stdout.isTTY) {
      throw new UsageError(
        t("distplan init asks questions and needs a terminal", "distplan init stelt vragen en heeft een terminal nodig"),
        t("run it in a terminal, or pass --yes to write a starter model from the defaults", "draai het in een terminal, of geef --yes om een startmodel met de standaardwaarden te schrijven"),
      );
    }
    try {
      answers = await runWizard(await inquirerPrompts(), startYear);
    } catch (e) {
      if (e instanceof Error && (e.name === "ExitPromptError" || e.name === "AbortPromptError")) {
        writeErr(t("cancelled: nothing was written\n", "afgebroken: er is niets geschreven\n"));
        return 130;
      }
      throw e;
    }
  }
  const text = initialModelText(answers);
  await writeFileSafely(path, text, { createOnly: !options.force });
  const schemaPath = join(dirname(path), SCHEMA_FILE);
  const wroteSchema = lstatOrNull(schemaPath) === null;
  if (wroteSchema) await writeFileSafely(schemaPath, schemaText(), { createOnly: true });

  const loaded = loadModelText(text, path);
  const table = renderTerminal(reportView(projectScenarios(loaded.scenarios.slice(0, 1)), { by: "channel", lines: "summary", density: "screen" }), {
    unit: "auto", width: terminalWidth(), paint: stdoutPaint(options), style: localeStyle(undefined), ascii: false,
  });
  writeOut([
    wroteSchema
      ? t(`wrote ${path} (and ${schemaPath}, so editors check and complete it)`, `${path} geschreven (en ${schemaPath}, zodat editors het controleren en aanvullen)`)
      : t(`wrote ${path}`, `${path} geschreven`),
    "",
    table.trimEnd(),
    "",
    t("Next:", "Verder:"),
    `  distplan report ${path} --lines full     ${t("every P&L line per channel", "elke regel van de resultatenrekening per kanaal")}`,
    `  distplan compare ${path}                 ${t("the scenarios against the plan", "de scenario's tegen het plan")}`,
    `  distplan report ${path} --allocations    ${t("net profit under every allocation method", "nettowinst onder elke verdeelsleutel")}`,
    `  distplan check ${path}                   ${t("the CI gate", "de CI-poort")}`,
    "",
  ].join("\n"));
  return 0;
}
