// distplan textconv <file>: the git diff driver. It must never fail, or `git diff` aborts: on an
// invalid file, or any error at all, it prints the file as it is and exits 0.
import { createReadStream } from "node:fs";
import { pipeline } from "node:stream/promises";
import { readModelInput } from "../read.js";
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

export async function runTextconv(path: string): Promise<number> {
  const read = await readModelInput(path);
  if ("bytes" in read) writeOut(textconvText(read.bytes, path));
  else if (read.issue.code === "FILE_TOO_LARGE") {
    // Too large to evaluate: shown as it is, streamed (never held in memory).
    await pipeline(createReadStream(path), process.stdout, { end: false }).catch(() => undefined);
  }
  // Unreadable: nothing to show; git shows an empty side rather than aborting.
  return 0;
}
