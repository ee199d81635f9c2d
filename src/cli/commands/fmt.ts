// distplan fmt <model...> [--check]: canonical formatting, comments kept. A file is written only
// when its formatted text evaluates exactly like the original, and atomically (temp + rename).
// Invalid files are reported and left untouched.
import { readFile } from "node:fs/promises";
import { writeFileAtomically } from "../files.js";
import { readModelFile, isValid, loadModelText, type LoadedModel } from "../../model/load.js";
import { formatDocument, formatModelText } from "../../model/fmt.js";
import { projectScenarios } from "../../engine/projection.js";
import { reportData } from "../../views/report.js";
import { renderJson } from "../../render/json.js";
import { issuesAsText } from "../issues.js";
import { EXIT } from "../errors.js";
import { expandGlob, hasGlob } from "../glob.js";
import { stderrPaint, writeErr, writeOut, type GlobalOptions } from "../output.js";

export interface FmtOptions extends GlobalOptions {
  readonly check?: boolean;
}

/**
 * The formatted text, or null when formatting would change what the model means (a bug).
 * `loaded`, the same text already loaded, saves parsing and loading it again; its YAML document
 * becomes the formatted one.
 */
export function formatVerified(text: string, source: string, loaded?: LoadedModel): string | null {
  const reuse = loaded !== undefined && loaded.text === text && loaded.doc !== null && isValid(loaded);
  const formatted = reuse ? formatDocument(loaded.doc!) : formatModelText(text);
  if (formatted === text) return formatted;
  const before = reuse ? loaded : loadModelText(text, source);
  const after = loadModelText(formatted, source);
  if (!isValid(after)) return null;
  const evaluate = (l: typeof before) => renderJson(reportData(projectScenarios(l.scenarios)));
  return evaluate(before) === evaluate(after) ? formatted : null;
}

export async function runFmt(args: readonly string[], options: FmtOptions): Promise<number> {
  const paths = args.flatMap((a) => (hasGlob(a) ? expandGlob(a) : [a]));
  let worst: number = EXIT.ok;
  const changed: string[] = [];
  let unchanged = 0;
  for (const path of paths) {
    const loaded = await readModelFile(path);
    if (!isValid(loaded)) {
      writeErr(issuesAsText(loaded, stderrPaint(options), ["error"]));
      worst = EXIT.usage;
      continue;
    }
    const text = await readFile(path, "utf8");
    const formatted = formatVerified(text, path, loaded);
    if (formatted === null) throw new Error(`formatting ${path} would change its figures; the file is left as it is`);
    if (formatted === text) { unchanged++; continue; }
    changed.push(path);
    if (!options.check) await writeFileAtomically(path, formatted);
  }
  if (options.check) {
    for (const path of changed) writeOut(`would reformat ${path}\n`);
    if (changed.length > 0 && worst === EXIT.ok) worst = EXIT.failed;
    writeOut(`${changed.length} file${changed.length === 1 ? "" : "s"} to reformat, ${unchanged} formatted\n`);
  } else {
    for (const path of changed) writeOut(`formatted ${path}\n`);
    writeOut(`${changed.length} file${changed.length === 1 ? "" : "s"} formatted, ${unchanged} unchanged\n`);
  }
  return worst;
}
