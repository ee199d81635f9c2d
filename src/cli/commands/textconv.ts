// distplan textconv <file>: the git diff driver. It must never fail, or `git diff` aborts: on an
// invalid file, or any error at all, it prints the file as it is and exits 0.
import { readFileSync } from "node:fs";
import { loadModelBytes, isValid } from "../../model/load.js";
import { formatDocument } from "../../model/fmt.js";
import { projectScenarios } from "../../engine/projection.js";
import { evaluateChecks } from "../../engine/checks.js";
import { textconvView } from "../../views/textconv.js";
import { renderTerminal, DEFAULT_TERMINAL_OPTIONS } from "../../render/table.js";
import { writeOut } from "../output.js";

export function textconvText(bytes: Uint8Array, source: string): string {
  const raw = Buffer.from(bytes).toString("utf8");
  try {
    const loaded = loadModelBytes(bytes, source);
    if (!isValid(loaded)) return raw;
    const projection = projectScenarios(loaded.scenarios);
    // Unwrapped and uncoloured: git compares the lines, whatever the terminal.
    const results = renderTerminal(textconvView(projection, evaluateChecks(loaded.scenarios[0]!.model, projection)), { ...DEFAULT_TERMINAL_OPTIONS, width: Number.MAX_SAFE_INTEGER });
    return formatDocument(loaded.doc!) + results;
  } catch {
    return raw;
  }
}

export function runTextconv(path: string): number {
  let bytes: Uint8Array;
  try {
    bytes = readFileSync(path);
  } catch {
    return 0; // nothing to show; git shows an empty side rather than aborting
  }
  writeOut(textconvText(bytes, path));
  return 0;
}
