// distplan check [models...]: validation, the model's checks and the round-table lints, for CI.
// Every file is reported; the exit code is the worst of them (2 invalid > 1 failed > 0).
import { readModelFile, isValid } from "../../model/load.js";
import { checkLoadedModel } from "../../engine/check-model.js";
import { checksAsGithub, checksAsJson, checksAsJunit, checksAsMarkdown, checksAsText, fileStatus, type CheckedFile } from "../../report/check.js";
import { EXIT, UsageError } from "../errors.js";
import { expandGlob, hasGlob } from "../glob.js";
import { resolveModelPath } from "../models.js";
import { issuesAsText } from "../../report/issues.js";
import { stderrPaint, stdoutPaint, writeErr, writeOut, type GlobalOptions } from "../output.js";

export type CheckFormat = "text" | "json" | "junit" | "github" | "md";

export interface CheckOptions extends GlobalOptions {
  readonly strict?: boolean;
  readonly format: CheckFormat;
}

export function modelPaths(args: readonly string[]): string[] {
  if (args.length === 0) return [resolveModelPath(undefined)];
  const paths: string[] = [];
  for (const arg of args) {
    if (!hasGlob(arg)) { paths.push(arg); continue; }
    const matches = expandGlob(arg);
    if (matches.length === 0) throw new UsageError(`no model files match '${arg}'`, "check the pattern, or quote it so distplan expands it (e.g. 'models/*.yaml')");
    paths.push(...matches);
  }
  return [...new Set(paths)];
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
  const files = await checkFiles(modelPaths(args));
  const strict = options.strict ?? false;
  // The model's own warnings (PLAUSIBILITY, UNUSED_CHANNEL, …) go to stderr, as validate and
  // report show them; they never change the exit code, not even under --strict.
  for (const f of files) if (f.outcomes !== null) writeErr(issuesAsText(f.loaded, stderrPaint(options), ["warning"]));
  switch (options.format) {
    case "text": writeOut(checksAsText(files, { strict, paint: stdoutPaint(options) })); break;
    case "json": writeOut(checksAsJson(files, { strict })); break;
    case "junit": writeOut(checksAsJunit(files, { strict })); break;
    case "github": writeOut(checksAsGithub(files, { strict })); break;
    case "md": writeOut(checksAsMarkdown(files, { strict })); break;
  }
  const statuses = files.map((f) => fileStatus(f, strict));
  return statuses.includes("invalid") ? EXIT.usage : statuses.includes("failed") ? EXIT.failed : EXIT.ok;
}
