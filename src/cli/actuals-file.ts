// Reading an actuals CSV: the shell's side (bounded read, UTF-8), then the pure parser, loaded
// here by dynamic import so that csv-parse costs only the commands that read actuals.
import { readModelInput, sourceName } from "./read.js";
import { say } from "./words.js";
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

// ---- check --actuals ------------------------------------------------------------------------------
import type { CheckedFile } from "../views/check.js";
import { evaluateVarianceChecks, varianceCheckCount } from "../engine/checks.js";
import { projectScenarios } from "../engine/projection.js";

/**
 * Each valid model's variance checks evaluated against the actuals file (read once per model, as
 * its ids decide what is valid), up to the end of the file's latest period; appended to the
 * model's other outcomes. Any bad row of the file is an error (exit 2), for every model.
 */
export async function withVarianceChecks(files: readonly CheckedFile[], path: string): Promise<{ readonly ok: true; readonly files: CheckedFile[] } | { readonly ok: false; readonly text: string }> {
  const out: CheckedFile[] = [];
  for (const f of files) {
    const base = f.loaded.scenarios[0]?.model;
    if (f.outcomes === null || !base || varianceCheckCount(base) === 0) { out.push(f); continue; }
    const read = await readActualsFile(path, { channels: base.channels.map((c) => c.id), segments: base.segments.map((s) => s.id) });
    if (!read.ok) return read;
    const last = [...read.rows].sort((a, b) => a.period.year - b.period.year || end(a.period) - end(b.period)).at(-1);
    if (last === undefined) return { ok: false, text: `${sourceName(path)}:1:1: error CSV_EMPTY: the actuals file has no rows\n  hint: add rows period,channel,segment,metric,value\n` };
    const projection = projectScenarios(f.loaded.scenarios);
    if (!projection.years.includes(last.period.year)) {
      return { ok: false, text: `${sourceName(path)}:${last.line}:1: error BAD_PERIOD: ${last.period.text} is outside the plan of ${f.loaded.source} (${projection.years[0]}–${projection.years.at(-1)})\n  hint: check the actuals against the plan they belong to\n` };
    }
    const outcomes = evaluateVarianceChecks(base, projection, read.rows, last.period, { minorUnits: projection.minorUnits, seasonality: base.seasonality });
    out.push({ ...f, outcomes: [...f.outcomes, ...outcomes] });
  }
  return { ok: true, files: out };
}

/** `model.yaml: 2 variance checks not evaluated: pass --actuals FILE` for stderr, or "". */
export function notEvaluatedNote(files: readonly CheckedFile[]): string {
  return files.map((f) => {
    const base = f.loaded.scenarios[0]?.model;
    const n = f.outcomes !== null && base ? varianceCheckCount(base) : 0;
    return n === 0 ? "" : say({
      en: `${f.loaded.source}: ${n} variance check${n === 1 ? "" : "s"} not evaluated: pass --actuals FILE\n`,
      nl: `${f.loaded.source}: ${n} ${n === 1 ? "afwijkingstoets" : "afwijkingstoetsen"} niet uitgevoerd: geef --actuals BESTAND\n`,
    });
  }).join("");
}

const end = (p: { quarter?: number; month?: number }) => (p.month ?? (p.quarter !== undefined ? p.quarter * 3 : 12));
