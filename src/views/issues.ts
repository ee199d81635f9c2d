// A model's issues as a person reads them, compiler style, in the order of the file:
//   models/plan.yaml:12:7: error MIX_NOT_100: the mix for 'smb' sums to 90% in 2029
//      12 |   smb: { partners: 70%, webshop: 20% }
//         |        ^
//     hint: each segment's channel shares must add up to exactly 100% in every year
// (validate, and every command's report of an invalid model or of warnings).
import { issueText, type Issue } from "../model/issues.js";
import { locate, positionOfOffset, sourceLine, type Position } from "../model/locate.js";
import type { LoadedModel } from "../model/load.js";
import { msg, raw, type Block, type ReportDocument } from "./document.js";

export function issuePosition(loaded: LoadedModel, issue: Issue): Position | null {
  if (["FILE_NOT_FOUND", "FILE_IS_DIRECTORY", "FILE_NOT_READABLE", "FILE_TOO_LARGE"].includes(issue.code)) return null;
  if (issue.offset !== undefined) return positionOfOffset(loaded.lineCounter, issue.offset);
  return locate(loaded.doc, loaded.lineCounter, issue.path, issue.atKey ?? false);
}

/** Issues sorted by position, so the output reads top to bottom like the file. */
export function sortedIssues(loaded: LoadedModel): { issue: Issue; position: Position | null }[] {
  return loaded.issues
    .map((issue, i) => ({ issue, position: issuePosition(loaded, issue), i }))
    .sort((a, b) => (a.position?.line ?? 0) - (b.position?.line ?? 0) || (a.position?.col ?? 0) - (b.position?.col ?? 0) || a.i - b.i)
    .map(({ issue, position }) => ({ issue, position }));
}

export function issuesView(loaded: LoadedModel, severities: readonly Issue["severity"][] = ["error", "warning"]): ReportDocument {
  const blocks: Block[] = [];
  for (const { issue, position } of sortedIssues(loaded)) {
    if (!severities.includes(issue.severity)) continue;
    const { message, hint } = issueText(issue);
    const where = position ? `${loaded.source}:${position.line}:${position.col}` : loaded.source;
    const label = issue.severity === "error" ? msg("issue.error", { code: issue.code }, "bad") : msg("issue.warning", { code: issue.code }, "warning");
    blocks.push({ kind: "paragraph", text: [msg("issue.line", { where: [raw(where, "strong")], label: [label], message })] });
    if (position && loaded.text) {
      const line = sourceLine(loaded.text, position.line);
      if (line.length <= 200) blocks.push({ kind: "source", line: position.line, col: position.col, text: line });
    }
    blocks.push({ kind: "paragraph", text: [msg("issue.hint", { label: [msg("issue.hintLabel", undefined, "muted")], hint })] });
  }
  return { blocks };
}
