// distplan diff <old> <new>: the assumptions that changed, their impact, checks that change status.
import { diffAssumptions } from "../../diff/assumptions.js";
import { diffImpact } from "../../diff/impact.js";
import { diffAsJson, diffAsMarkdown, diffAsText, isEmptyDiff, type ModelDiff } from "../../report/diff.js";
import { title } from "../../report/check.js";
import { shortPercent } from "../../report/format.js";
import { isValid, type LoadedModel } from "../../model/load.js";
import { EXIT, InvalidModelError } from "../errors.js";
import { readOperand } from "../git.js";
import { stdoutPaint, terminalWidth, writeOut, type GlobalOptions } from "../output.js";

export interface DiffOptions extends GlobalOptions {
  readonly format: "text" | "json" | "md";
  readonly exitCode?: boolean;
  readonly width?: string;
}

export function modelDiff(before: LoadedModel, after: LoadedModel): ModelDiff {
  const model = after.scenarios[0]!.model;
  return {
    before: before.source,
    after: after.source,
    currency: model.currency,
    minorUnits: model.minorUnits,
    discountRate: shortPercent(model.discountRate),
    assumptions: diffAssumptions(before.file!, after.file!),
    impact: diffImpact(before, after, title),
  };
}

export async function runDiff(oldArg: string, newArg: string, options: DiffOptions): Promise<number> {
  const [before, after] = await Promise.all([readOperand(oldArg), readOperand(newArg)]);
  const invalid = [before, after].filter((m) => !isValid(m));
  if (invalid.length > 0) throw new InvalidModelError(invalid);
  const diff = modelDiff(before, after);
  switch (options.format) {
    case "text": writeOut(diffAsText(diff, stdoutPaint(options), terminalWidth(options.width))); break;
    case "json": writeOut(diffAsJson(diff)); break;
    case "md": writeOut(diffAsMarkdown(diff)); break;
  }
  return options.exitCode && !isEmptyDiff(diff) ? EXIT.failed : EXIT.ok;
}
