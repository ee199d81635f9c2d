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
import { PLAIN_STYLE } from "../../render/format.js";
import { schemaText } from "./schema.js";
import { UsageError } from "../errors.js";
import { loadColour, stdoutPaint, terminalWidth, writeOut, writeErr, type GlobalOptions } from "../output.js";

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

async function inquirerPrompts(): Promise<Prompts> {
  const { input, select, checkbox } = await import("@inquirer/prompts");
  return {
    input: (c) => input(c),
    select: (c) => select(c as Parameters<typeof select>[0]) as never,
    checkbox: (c) => checkbox(c as Parameters<typeof checkbox>[0]) as never,
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
  await loadColour(process.argv.slice(2)); // this bundle's own copy of output.ts
  const path = fileArg ?? "distplan.yaml";
  const present = lstatOrNull(path);
  if (present?.isDirectory()) throw new UsageError(`${path} is a directory`, `give a file name, such as ${join(path, "distplan.yaml")}`);
  if (present && !options.force) {
    const dangling = present.isSymbolicLink() && !existsSync(path);
    throw new UsageError(dangling ? `${path} is a symlink to a file that does not exist` : `${path} already exists`, `pass --force to ${dangling ? "write through it" : "overwrite it"}, or give another file name: distplan init other.yaml`);
  }
  if (!existsSync(dirname(path))) throw new UsageError(`cannot write ${path}: the folder ${dirname(path)} does not exist`, `create it first (mkdir -p ${dirname(path)})`);
  const startYear = options.startYear ? Number(options.startYear) : new Date().getFullYear() + 1;
  if (!Number.isInteger(startYear) || startYear < 1900 || startYear > 2200) throw new UsageError(`--start-year ${options.startYear} is not a year`);
  let answers: InitAnswers;
  if (options.yes) answers = defaultAnswers(startYear);
  else {
    if (!process.stdin.isTTY || !process.stdout.isTTY) {
      throw new UsageError("distplan init asks questions and needs a terminal", "run it in a terminal, or pass --yes to write a starter model from the defaults");
    }
    try {
      answers = await runWizard(await inquirerPrompts(), startYear);
    } catch (e) {
      if (e instanceof Error && (e.name === "ExitPromptError" || e.name === "AbortPromptError")) {
        writeErr("cancelled: nothing was written\n");
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
    unit: "auto", width: terminalWidth(), paint: stdoutPaint(options), style: PLAIN_STYLE, ascii: false,
  });
  writeOut([
    `wrote ${path}${wroteSchema ? ` (and ${schemaPath}, so editors check and complete it)` : ""}`,
    "",
    table.trimEnd(),
    "",
    "Next:",
    `  distplan report ${path} --lines full     every P&L line per channel`,
    `  distplan compare ${path}                 the scenarios against the plan`,
    `  distplan report ${path} --allocations    net profit under every allocation method`,
    `  distplan check ${path}                   the CI gate`,
    "",
  ].join("\n"));
  return 0;
}
