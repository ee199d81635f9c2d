// Issues as a person reads them, compiler style:
//   models/plan.yaml:12:7: error MIX_NOT_100: the mix for 'smb' sums to 90% in 2029
//      12 |   smb: { partners: 70%, webshop: 20% }
//         |        ^
//     hint: each segment's channel shares must add up to exactly 100% in every year
import { issueText, type Issue } from "../model/issues.js";
import { sourceLine } from "../model/locate.js";
import { sortedIssues } from "../views/issues.js";

export { issuePosition, sortedIssues } from "../views/issues.js";
import type { LoadedModel } from "../model/load.js";
import { visibleControls, type Paint } from "../render/format.js";
import { jsonText, type JsonValue } from "../render/json.js";

export function issuesAsText(loaded: LoadedModel, paint: Paint, severities: readonly Issue["severity"][] = ["error", "warning"]): string {
  const out: string[] = [];
  for (const { issue, position } of sortedIssues(loaded)) {
    if (!severities.includes(issue.severity)) continue;
    const { message, hint } = issueText(issue);
    const where = visibleControls(position ? `${loaded.source}:${position.line}:${position.col}` : loaded.source);
    const label = issue.severity === "error" ? paint.red(`error ${issue.code}`) : paint.yellow(`warning ${issue.code}`);
    out.push(`${paint.bold(where)}: ${label}: ${visibleControls(message)}`);
    if (position && loaded.text) {
      const line = sourceLine(loaded.text, position.line);
      if (line.length <= 200) {
        const gutter = String(position.line).padStart(5);
        out.push(paint.dim(`${gutter} | `) + visibleControls(line, "\t"), paint.dim(`${" ".repeat(gutter.length)} | `) + " ".repeat(Math.max(0, position.col - 1)) + paint.red("^"));
      }
    }
    out.push(`  ${paint.dim("hint:")} ${visibleControls(hint)}`);
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
