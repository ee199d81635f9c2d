// GitHub Actions workflow commands: annotations on the failing check's line in a PR diff. A
// check-specific renderer: the format is a line protocol with its own escaping, not a layout.
import { issueText } from "../model/issues.js";
import { checkLine, counts, errors, failureSummary, lintLine, lintText, title, type CheckedFile } from "../views/check.js";
import { visibleControls } from "./format.js";
import { plainWords } from "./table.js";

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? "" : "s"}`;

const ghData = (s: string) => visibleControls(s, "\r\n").replace(/%/g, "%25").replace(/\r/g, "%0D").replace(/\n/g, "%0A");
const ghProperty = (s: string) => ghData(s).replace(/:/g, "%3A").replace(/,/g, "%2C");

/** GitHub Actions workflow commands: annotations on the failing check's line in the PR diff. */
export function checksAsGithub(files: readonly CheckedFile[], options: { readonly strict: boolean; readonly whatIf?: readonly string[] }): string {
  const out: string[] = [];
  if (options.whatIf?.length) out.push(`::notice title=what-if::${ghData(`checked with ${options.whatIf.join(", ")} set on base, not the committed plan`)}`);
  for (const file of files) {
    const source = ghProperty(file.loaded.source);
    if (file.outcomes === null) {
      for (const { issue, position } of errors(file.loaded)) {
        const { message, hint } = issueText(issue);
        out.push(`::error file=${source}${position ? `,line=${position.line},col=${position.col}` : ""},title=${ghProperty(issue.code)}::${ghData(`${message}\nhint: ${hint}`)}`);
      }
      continue;
    }
    for (const o of file.outcomes) {
      if (o.passed) continue;
      const line = checkLine(file, o);
      out.push(`::error file=${source}${line ? `,line=${line}` : ""},title=${ghProperty(plainWords(title(o)))}::${ghData(plainWords(failureSummary(o)))}`);
    }
    for (const lint of file.lints) {
      out.push(`::${options.strict ? "error" : "warning"} file=${source},line=${lintLine(file, lint)},title=${ghProperty(`lint ${lint.code}`)}::${ghData(plainWords(lintText(lint)))}`);
    }
  }
  const c = counts(files, options.strict);
  out.push(`distplan check: ${plural(files.length, "file")}, ${c.invalid} invalid, ${c.failed} failed, ${c.passed} passed, ${plural(c.warnings, "lint")}`);
  return out.join("\n") + "\n";
}

