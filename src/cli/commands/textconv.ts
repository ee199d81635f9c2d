// distplan textconv <file>: the git diff driver. It must never fail, or `git diff` aborts: on an
// invalid file, or any error at all, it prints the file as it is and exits 0. Under an invalid
// file that is recognisably a distplan model, one comment line says why there are no results,
// so a reviewer does not read their absence as "nothing changed".
import { createReadStream } from "node:fs";
import { pipeline } from "node:stream/promises";
import { readModelInput } from "../read.js";
import { loadModelBytes, isValid } from "../../model/load.js";
import { formatDocument } from "../../model/fmt.js";
import { projectScenarios } from "../../engine/projection.js";
import { evaluateChecks } from "../../engine/checks.js";
import { textconvNoResultsView, textconvView } from "../../views/textconv.js";
import { sortedIssues } from "../../views/issues.js";
import type { LoadedModel } from "../../model/load.js";
import { renderTerminal, DEFAULT_TERMINAL_OPTIONS } from "../../render/table.js";
import { writeOut } from "../output.js";

export function textconvText(bytes: Uint8Array, source: string): string {
  const raw = Buffer.from(bytes).toString("utf8");
  try {
    const loaded = loadModelBytes(bytes, source);
    if (!isValid(loaded)) return looksLikeModel(raw) ? raw + (raw.endsWith("\n") || raw === "" ? "" : "\n") + noResults(loaded) : raw;
    const projection = projectScenarios(loaded.scenarios);
    // Unwrapped and uncoloured: git compares the lines, whatever the terminal.
    const results = renderTerminal(textconvView(projection, evaluateChecks(loaded.scenarios[0]!.model, projection)), UNWRAPPED);
    return formatDocument(loaded.doc!) + results;
  } catch {
    return raw;
  }
}

const UNWRAPPED = { ...DEFAULT_TERMINAL_OPTIONS, width: Number.MAX_SAFE_INTEGER };

/**
 * A distplan model rather than any other YAML the `*.yaml` pattern reaches (a CI workflow, a
 * compose file): it names distplan's schema, or has both top-level `segments:` and `channels:`.
 * Only those get the line that says why the results are missing.
 */
const looksLikeModel = (text: string): boolean =>
  text.includes("distplan.schema.json") || (/^segments:/m.test(text) && /^channels:/m.test(text));

function noResults(loaded: LoadedModel): string {
  const errors = sortedIssues(loaded).filter(({ issue }) => issue.severity === "error");
  const first = errors[0]!;
  const where = first.position ? `${first.position.line}:${first.position.col} ` : "";
  return renderTerminal(textconvNoResultsView(`${errors.length} error${errors.length === 1 ? "" : "s"}`, [{ raw: `${where}${first.issue.code}` }]), UNWRAPPED);
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
