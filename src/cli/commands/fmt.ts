// distplan fmt <model...> [--check]: canonical formatting, comments kept. A file is written only
// when its formatted text evaluates exactly like the original, safely (files.ts: temp + rename,
// links, mode, and never over an edit made meanwhile). Invalid or unwritable files are reported
// and left untouched; the other files are still formatted.
import { writeFileSafely } from "../files.js";
import { isValid, loadModelBytes, loadModelText, type LoadedModel } from "../../model/load.js";
import { readModelFile, readModelInput, STDIN_PATH } from "../read.js";
import { formatDocument, formatModelText } from "../../model/fmt.js";
import { projectScenarios } from "../../engine/projection.js";
import { reportData } from "../../views/report.js";
import { renderJson } from "../../render/json.js";
import { issuesAsText } from "../issues.js";
import { EXIT, isUsageError, UsageError } from "../errors.js";
import { say } from "../words.js";
import { expandPatterns } from "../glob.js";
import { stderrPaint, usageErrorText, writeErr, writeOut, type GlobalOptions } from "../output.js";

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

/**
 * The formatted file as bytes, written back the way it was read: a byte order mark stays, and a
 * file whose first line ends in CRLF keeps CRLF line endings (every line; formatting works on LF).
 */
export function formatKeepingEncoding(bytes: Uint8Array, text: string, source: string, loaded?: LoadedModel): Buffer {
  const bom = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
  const crlf = /^[^\n]*\r\n/.test(text);
  const formatted = formatVerified(crlf ? text.replace(/\r\n/g, "\n") : text, source, loaded);
  if (formatted === null) throw new Error(`formatting ${source} would change its figures; the file is left as it is`);
  return Buffer.from(`${bom ? "\uFEFF" : ""}${crlf ? formatted.replace(/\n/g, "\r\n") : formatted}`, "utf8");
}

export async function runFmt(args: readonly string[], options: FmtOptions): Promise<number> {
  const paths = expandPatterns(args);
  if (paths.includes(STDIN_PATH)) throw new UsageError(say({ en: "fmt rewrites files and cannot take standard input ('-')", nl: "fmt herschrijft bestanden en kan geen standaardinvoer ('-') lezen" }), say({ en: "pass the model's file name", nl: "geef de bestandsnaam van het model" }));
  let worst: number = EXIT.ok;
  const changed: string[] = [];
  let unchanged = 0;
  for (const path of paths) {
    const read = await readModelInput(path);
    const loaded = "issue" in read ? await readModelFile(path) : loadModelBytes(read.bytes, path);
    if (!("bytes" in read) || !isValid(loaded)) {
      writeErr(issuesAsText(loaded, stderrPaint(options), ["error"]));
      worst = EXIT.usage;
      continue;
    }
    const formatted = formatKeepingEncoding(read.bytes, loaded.text, path, loaded);
    if (formatted.equals(read.bytes)) { unchanged++; continue; }
    if (!options.check) {
      try {
        await writeFileSafely(path, formatted, { expected: read.bytes });
      } catch (e) {
        if (!isUsageError(e)) throw e;
        writeErr(usageErrorText(e, stderrPaint(options)));
        worst = EXIT.usage;
        continue;
      }
    }
    changed.push(path);
  }
  if (options.check) {
    for (const path of changed) writeOut(say({ en: `would reformat ${path}\n`, nl: `zou ${path} in de vaste vorm zetten\n` }));
    if (changed.length > 0 && worst === EXIT.ok) worst = EXIT.failed;
    writeOut(say({ en: `${changed.length} file${changed.length === 1 ? "" : "s"} to reformat, ${unchanged} formatted\n`, nl: `${changed.length} ${changed.length === 1 ? "bestand" : "bestanden"} niet in de vaste vorm, ${unchanged} wel\n` }));
  } else {
    for (const path of changed) writeOut(say({ en: `formatted ${path}\n`, nl: `${path} in de vaste vorm gezet\n` }));
    writeOut(say({ en: `${changed.length} file${changed.length === 1 ? "" : "s"} formatted, ${unchanged} unchanged\n`, nl: `${changed.length} ${changed.length === 1 ? "bestand" : "bestanden"} in de vaste vorm gezet, ${unchanged} ongewijzigd\n` }));
  }
  return worst;
}
