// Reading an actuals CSV: the shell's side (bounded read, UTF-8), then the pure parser, loaded
// here by dynamic import so that csv-parse costs only the commands that read actuals.
import { readModelInput, sourceName } from "./read.js";
import type { ActualRow, ActualsIds } from "../model/actuals.js";

export type ActualsFile =
  | { readonly ok: true; readonly rows: readonly ActualRow[]; readonly dutch: boolean }
  /** Every error, formatted `file:line:col: error CODE: message` with its hint, for stderr (exit 2). */
  | { readonly ok: false; readonly text: string };

export async function readActualsFile(path: string, ids: ActualsIds): Promise<ActualsFile> {
  const file = sourceName(path);
  const read = await readModelInput(path);
  if ("issue" in read) {
    const reason = String(read.issue.args.reason ?? read.issue.code);
    return { ok: false, text: `${file}:1:1: error ${read.issue.code}: cannot read the actuals file: ${reason}\n  hint: pass the path of a CSV file with the columns period,channel,segment,metric,value\n` };
  }
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(read.bytes);
  } catch {
    return { ok: false, text: `${file}:1:1: error NOT_UTF8: the actuals file is not valid UTF-8 text\n  hint: export the CSV as UTF-8 (Excel: 'CSV UTF-8')\n` };
  }
  const { parseActuals, formatActualsError } = await import("../model/actuals.js");
  const result = parseActuals(text, ids);
  if (!result.ok) return { ok: false, text: result.errors.map((e) => `${formatActualsError(file, e)}\n`).join("") };
  return { ok: true, rows: result.rows, dutch: result.dutch };
}
