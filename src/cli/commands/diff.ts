// distplan diff <old> <new>: the assumptions that changed, their impact, checks that change status.
import { diffAssumptions } from "../../diff/assumptions.js";
import { diffImpact } from "../../diff/impact.js";
import { attribute } from "../../diff/attribution.js";
import { diffData, diffView, isEmptyDiff, type ModelDiff } from "../../views/diff.js";
import { renderTerminal, DEFAULT_TERMINAL_OPTIONS } from "../../render/table.js";
import { renderMarkdown } from "../../render/markdown.js";
import { renderJson } from "../../render/json.js";
import { title } from "../../views/check.js";
import { plainWords } from "../../render/table.js";
import { isValid, type LoadedModel } from "../../model/load.js";
import { EXIT, InvalidModelError } from "../errors.js";
import { readOperand } from "../git.js";
import { localeStyle, stdoutPaint, terminalWidth, wantsAscii, writeOut, type GlobalOptions } from "../output.js";

export interface DiffOptions extends GlobalOptions {
  readonly format: "text" | "json" | "md";
  readonly exitCode?: boolean;
  readonly width?: string;
  readonly ascii?: boolean;
}

export function modelDiff(before: LoadedModel, after: LoadedModel): ModelDiff {
  const model = after.scenarios[0]!.model;
  const assumptions = diffAssumptions(before.file!, after.file!);
  const impact = diffImpact(before, after, (o) => plainWords(title(o)));
  const baseMoved = impact.scenarios.some((s) => s.scenario === "base");
  return {
    before: before.source,
    after: after.source,
    currency: model.currency,
    minorUnits: model.minorUnits,
    assumptions,
    impact,
    ...(baseMoved ? { attribution: attribute(before.file!, after.file!, assumptions, model.minorUnits) } : {}),
  };
}

export async function runDiff(oldArg: string, newArg: string, options: DiffOptions): Promise<number> {
  const [before, after] = await Promise.all([readOperand(oldArg), readOperand(newArg)]);
  const invalid = [before, after].filter((m) => !isValid(m));
  if (invalid.length > 0) throw new InvalidModelError(invalid);
  const diff = modelDiff(before, after);
  switch (options.format) {
    case "text": writeOut(renderTerminal(diffView(diff, "screen"), { ...DEFAULT_TERMINAL_OPTIONS, style: localeStyle(undefined), paint: stdoutPaint(options), width: terminalWidth(options.width), unit: "1", ascii: wantsAscii(options.ascii) })); break;
    case "json": writeOut(renderJson(diffData(diff))); break;
    case "md": writeOut(renderMarkdown(diffView(diff, "page"), { style: localeStyle(undefined) })); break;
  }
  return options.exitCode && !isEmptyDiff(diff) ? EXIT.failed : EXIT.ok;
}
