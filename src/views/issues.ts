// Where each issue of a model sits in its file, in reading order: the shared part of every view
// that lists issues (validate, check, the error output of every command).
import type { Issue } from "../model/issues.js";
import { locate, positionOfOffset, type Position } from "../model/locate.js";
import type { LoadedModel } from "../model/load.js";

export function issuePosition(loaded: LoadedModel, issue: Issue): Position | null {
  if (issue.code === "FILE_NOT_FOUND" || issue.code === "FILE_TOO_LARGE") return null;
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
