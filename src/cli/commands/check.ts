// distplan check [models...]: validation, the model's checks and the round-table lints, for CI.
// Every file is reported; the exit code is the worst of them (2 invalid > 1 failed > 0).
import { isValid } from "../../model/load.js";
import { readModelFile } from "../read.js";
import { checkLoadedModel } from "../../engine/check-model.js";
import { checkData, checkView, fileStatus, type CheckedFile } from "../../views/check.js";
import { renderTerminal, DEFAULT_TERMINAL_OPTIONS } from "../../render/table.js";
import { renderMarkdown } from "../../render/markdown.js";
import { renderJson } from "../../render/json.js";
import { checksAsJunit } from "../../render/junit.js";
import { checksAsGithub } from "../../render/github.js";
import { EXIT } from "../errors.js";
import { expandPatterns } from "../glob.js";
import { resolveModelPath } from "../models.js";
import { issuesAsText } from "../issues.js";
import { localeStyle, stderrPaint, stdoutPaint, terminalWidth, wantsAscii, writeErr, writeOut, type GlobalOptions } from "../output.js";

export type CheckFormat = "text" | "json" | "junit" | "github" | "md";

export interface CheckOptions extends GlobalOptions {
  readonly strict?: boolean;
  readonly format: CheckFormat;
  readonly ascii?: boolean;
  readonly width?: string;
  /** An actuals CSV for the model's variance checks (#15). */
  readonly actuals?: string;
}

export function modelPaths(args: readonly string[]): string[] {
  return args.length === 0 ? [resolveModelPath(undefined)] : expandPatterns(args);
}

export async function checkFiles(paths: readonly string[]): Promise<CheckedFile[]> {
  const loaded = await Promise.all(paths.map((p) => readModelFile(p)));
  return loaded.map((l) => {
    if (!isValid(l)) return { loaded: l, outcomes: null, lints: [] };
    const { outcomes, lints } = checkLoadedModel(l);
    return { loaded: l, outcomes, lints };
  });
}

export async function runCheck(args: readonly string[], options: CheckOptions): Promise<number> {
  let files = await checkFiles(modelPaths(args));
  // #15: variance checks are evaluated only against actuals; without them, a note on stderr.
  if (files.some((f) => f.loaded.scenarios[0]?.model.checks.some((c) => c.variance))) {
    const { withVarianceChecks, notEvaluatedNote } = await import("../actuals-file.js");
    if (options.actuals === undefined) writeErr(notEvaluatedNote(files));
    else {
      const r = await withVarianceChecks(files, options.actuals);
      if (!r.ok) { writeErr(r.text); return EXIT.usage; }
      files = r.files;
    }
  }
  const strict = options.strict ?? false;
  // The model's own warnings (PLAUSIBILITY, UNUSED_CHANNEL, …) go to stderr, as validate and
  // report show them; they never change the exit code, not even under --strict.
  for (const f of files) if (f.outcomes !== null) writeErr(issuesAsText(f.loaded, stderrPaint(options), ["warning"]));
  switch (options.format) {
    case "text": writeOut(renderTerminal(checkView(files, strict, "screen"), { ...DEFAULT_TERMINAL_OPTIONS, width: terminalWidth(options.width), style: localeStyle(undefined), paint: stdoutPaint(options), ascii: wantsAscii(options.ascii) })); break;
    case "json": writeOut(renderJson(checkData(files, strict))); break;
    case "junit": writeOut(checksAsJunit(files, { strict })); break;
    case "github": writeOut(checksAsGithub(files, { strict })); break;
    case "md": writeOut(renderMarkdown(checkView(files, strict, "page"), { style: localeStyle(undefined) })); break;
  }
  const statuses = files.map((f) => fileStatus(f, strict));
  return statuses.includes("invalid") ? EXIT.usage : statuses.includes("failed") ? EXIT.failed : EXIT.ok;
}
