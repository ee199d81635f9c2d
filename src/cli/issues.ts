// A model's issues, for stderr: the issue-list view through the terminal renderer.
import type { Issue } from "../model/issues.js";
import type { LoadedModel } from "../model/load.js";
import { issuesView } from "../views/issues.js";
import { renderTerminal, DEFAULT_TERMINAL_OPTIONS } from "../render/table.js";
import type { Paint } from "../render/format.js";

export function issuesAsText(loaded: LoadedModel, paint: Paint, severities: readonly Issue["severity"][] = ["error", "warning"]): string {
  // Unwrapped: a message and its hint stay on one line each, whatever the terminal.
  return renderTerminal(issuesView(loaded, severities), { ...DEFAULT_TERMINAL_OPTIONS, paint, width: Number.MAX_SAFE_INTEGER });
}
