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
import { resolveModelPath, withWhatIf } from "../models.js";
import { issuesAsText } from "../issues.js";
import { localeStyle, stderrPaint, stdoutPaint, terminalWidth, wantsAscii, writeErr, writeOut, type GlobalOptions } from "../output.js";

export type CheckFormat = "text" | "json" | "junit" | "github" | "md";

export interface CheckOptions extends GlobalOptions {
  readonly strict?: boolean;
  readonly format: CheckFormat;
  readonly ascii?: boolean;
  readonly width?: string;
  /** --set PATH=VALUE: check base with these values set (a what-if gate). */
  readonly set?: string[];
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

/**
 * A checked file with base replaced by the what-if (base with the --set values, validated like a
 * scenario's set; a bad value is a usage error naming the argument). The other scenarios stay as
 * the file writes them: a gate on "would the plan still pass with …" asks about base.
 */
function asWhatIf(file: CheckedFile, sets: readonly string[]): CheckedFile {
  const { loaded, id } = withWhatIf(file.loaded, sets);
  const whatIf = loaded.scenarios.find((s) => s.id === id)!;
  const replaced = { ...loaded, scenarios: [{ ...loaded.scenarios[0]!, model: whatIf.model }, ...loaded.scenarios.slice(1).filter((s) => s.id !== id)] };
  const { outcomes, lints } = checkLoadedModel(replaced);
  return { loaded: replaced, outcomes, lints };
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
  // --set: a what-if gate. Base of every valid file is replaced by base with those values set.
  const whatIf = options.set ?? [];
  if (whatIf.length > 0) files = files.map((f) => (f.outcomes === null ? f : asWhatIf(f, whatIf)));
  const strict = options.strict ?? false;
  // The model's own warnings (PLAUSIBILITY, UNUSED_CHANNEL, …) go to stderr, as validate and
  // report show them; they never change the exit code, not even under --strict.
  for (const f of files) if (f.outcomes !== null) writeErr(issuesAsText(f.loaded, stderrPaint(options), ["warning"]));
  switch (options.format) {
    case "text": writeOut(renderTerminal(checkView(files, strict, "screen", whatIf), { ...DEFAULT_TERMINAL_OPTIONS, width: terminalWidth(options.width), style: localeStyle(undefined), paint: stdoutPaint(options), ascii: wantsAscii(options.ascii) })); break;
    case "json": writeOut(renderJson(checkData(files, strict, whatIf))); break;
    case "junit": writeOut(checksAsJunit(files, { strict, whatIf })); break;
    case "github": writeOut(checksAsGithub(files, { strict, whatIf })); break;
    case "md": writeOut(renderMarkdown(checkView(files, strict, "page", whatIf), { style: localeStyle(undefined) })); break;
  }
  const statuses = files.map((f) => fileStatus(f, strict));
  return statuses.includes("invalid") ? EXIT.usage : statuses.includes("failed") ? EXIT.failed : EXIT.ok;
}
