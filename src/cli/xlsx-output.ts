// --format xlsx (report, compare): the workbook of src/render/xlsx.ts, written to -o FILE through
// a temporary file and a rename. The renderer and exceljs are a bundle of their own (dist/xlsx.cjs,
// scripts/build.mjs), loaded here only, so no other command or format reads them.
import type { LoadedModel } from "../model/load.js";
import type { Projection } from "../engine/projection-types.js";
import { evaluateChecks } from "../engine/checks.js";
import { activeMessages } from "../render/text.js";
import { UsageError } from "./errors.js";
import { say } from "./words.js";
import { writeFileSafely } from "./files.js";

/** A workbook is binary: it goes to a file, never to a terminal or a pipe. Checked before the model is read. */
export function requireWorkbookFile(output: string | undefined, command: string): string {
  if (output === undefined || output === "-") {
    throw new UsageError(
      say({ en: "--format xlsx writes a binary workbook: name its file with -o", nl: "--format xlsx schrijft een binaire werkmap: geef het bestand op met -o" }),
      say({ en: `for example: distplan ${command} --format xlsx -o plan.xlsx`, nl: `bijvoorbeeld: distplan ${command} --format xlsx -o plan.xlsx` }),
    );
  }
  return output;
}

export async function writeWorkbook(loaded: LoadedModel, projection: Projection, output: string): Promise<void> {
  const { renderXlsx } = await import("../render/xlsx.js");
  const models = projection.scenarios.map((s) => loaded.scenarios.find((m) => m.id === s.id)!.model);
  const checks = evaluateChecks(loaded.scenarios[0]!.model, projection);
  const bytes = await renderXlsx({ projection, models, checks, messages: activeMessages() });
  await writeFileSafely(output, bytes);
}
