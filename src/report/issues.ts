// Issues as a person reads them, compiler style:
//   models/plan.yaml:12:7: error MIX_NOT_100: the mix for 'smb' sums to 90% in 2029
//      12 |   smb: { partners: 70%, webshop: 20% }
//         |        ^
//     hint: each segment's channel shares must add up to exactly 100% in every year
import { issueText, type Issue } from "../model/issues.js";
import { locate, positionOfOffset, sourceLine, type Position } from "../model/locate.js";
import type { LoadedModel } from "../model/load.js";
import type { Paint } from "./format.js";
import { jsonText, type JsonValue } from "./json-text.js";

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

export function issuesAsText(loaded: LoadedModel, paint: Paint, severities: readonly Issue["severity"][] = ["error", "warning"]): string {
  const out: string[] = [];
  for (const { issue, position } of sortedIssues(loaded)) {
    if (!severities.includes(issue.severity)) continue;
    const { message, hint } = issueText(issue);
    const where = position ? `${loaded.source}:${position.line}:${position.col}` : loaded.source;
    const label = issue.severity === "error" ? paint.red(`error ${issue.code}`) : paint.yellow(`warning ${issue.code}`);
    out.push(`${paint.bold(where)}: ${label}: ${message}`);
    if (position && loaded.text) {
      const line = sourceLine(loaded.text, position.line);
      if (line.length <= 200) {
        const gutter = String(position.line).padStart(5);
        out.push(paint.dim(`${gutter} | `) + line, paint.dim(`${" ".repeat(gutter.length)} | `) + " ".repeat(Math.max(0, position.col - 1)) + paint.red("^"));
      }
    }
    out.push(`  ${paint.dim("hint:")} ${hint}`);
  }
  return out.length ? out.join("\n") + "\n" : "";
}

export function issuesAsJson(models: readonly LoadedModel[]): string {
  const doc: JsonValue = {
    format: "distplan.issues/v1",
    files: models.map((m) => ({
      file: m.source,
      valid: !m.issues.some((i) => i.severity === "error"),
      issues: sortedIssues(m).map(({ issue, position }) => ({
        severity: issue.severity,
        code: issue.code,
        line: position?.line ?? null,
        column: position?.col ?? null,
        path: issue.path.join("."),
        scenario: issue.scenario ?? null,
        message: issueText(issue).message,
        hint: issueText(issue).hint,
      })),
    })),
  };
  return jsonText(doc);
}
