// JUnit XML for CI test reports: a check-specific renderer. A report document describes what a
// person reads; JUnit's structure is the CI system's (suites, test cases, failures, system-out),
// so it is written from the checked files directly, with the check view's wording.
import { issueText } from "../model/issues.js";
import { checkLine, errors as modelErrors, failurePoints, failureSummary, lintLine, lintText, title, type CheckedFile } from "../views/check.js";
import { visibleControls } from "./format.js";
import { plainWords } from "./table.js";

const XML_INVALID = /[^\u0009\u000a\u000d\u0020-\ud7ff\ue000-\ufffd]/gu;
/** XML text: control characters shown escaped (\e), characters XML cannot hold dropped, markup escaped. */
export function xmlEscape(s: string): string {
  return visibleControls(s, "\t\n\r").replace(XML_INVALID, "").replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;").replace(/'/g, "&apos;");
}
/** xs:token: no leading, trailing or repeated white space, no tabs or line breaks. */
const token = (s: string) => xmlEscape(s.replace(/\s+/g, " ").trim());

/**
 * JUnit XML valid against both the Jenkins xunit junit-10.xsd and Ant's JUnit.xsd: one suite per
 * model file, one test case per check, validation errors as <error>, lints in <system-out> (or as
 * failing test cases under --strict). Times are 0 and the timestamp is the plan's first day, so
 * the report is deterministic.
 */
export function checksAsJunit(files: readonly CheckedFile[], options: { readonly strict: boolean; readonly whatIf?: readonly string[] }): string {
  const suites: string[] = [];
  files.forEach((file, id) => {
    const source = file.loaded.source;
    const classname = token(source);
    const cases: string[] = [];
    let failures = 0, errors = 0;
    if (file.outcomes === null) {
      const issues = modelErrors(file.loaded);
      const detail = issues.map(({ issue, position }) => `${source}${position ? `:${position.line}:${position.col}` : ""}: ${issue.code}: ${issueText(issue).message}`).join("\n");
      cases.push(`    <testcase name="valid model" classname="${classname}" time="0">\n      <error type="${token(issues[0]?.issue.code ?? "INVALID")}" message="${xmlEscape(`${issues.length} error${issues.length === 1 ? "" : "s"} in the model`)}">${xmlEscape(detail)}</error>\n    </testcase>`);
      errors++;
    } else {
      for (const o of file.outcomes) {
        const line = checkLine(file, o);
        const name = token(plainWords(title(o)));
        if (o.passed) cases.push(`    <testcase name="${name}" classname="${classname}" time="0"/>`);
        else {
          failures++;
          const detail = failurePoints(o).map((t) => plainWords(t)).join("\n");
          cases.push(`    <testcase name="${name}" classname="${classname}" time="0">\n      <failure type="check" message="${xmlEscape(`${plainWords(failureSummary(o))}${line ? ` (${source}:${line})` : ""}`)}">${xmlEscape(detail)}</failure>\n    </testcase>`);
        }
      }
      if (options.strict) {
        for (const lint of file.lints) {
          failures++;
          cases.push(`    <testcase name="${token(`lint ${lint.code}`)}" classname="${classname}" time="0">\n      <failure type="lint" message="${xmlEscape(plainWords(lintText(lint)))}">${xmlEscape(`${source}:${lintLine(file, lint)}`)}</failure>\n    </testcase>`);
        }
      }
    }
    const out = !options.strict && file.outcomes !== null ? file.lints.map((l) => `warning ${l.code} (${source}:${lintLine(file, l)}): ${plainWords(lintText(l))}`).join("\n") : "";
    const start = file.loaded.file?.start_year ?? 1970;
    suites.push([
      `  <testsuite name="${token(source)}" package="distplan" id="${id}" timestamp="${start}-01-01T00:00:00" hostname="distplan" tests="${cases.length}" failures="${failures}" errors="${errors}" skipped="0" time="0">`,
      `    <properties>\n      <property name="model" value="${xmlEscape(file.loaded.file?.name ?? source)}"/>${options.whatIf?.length ? `\n      <property name="what-if" value="${xmlEscape(options.whatIf.join(", "))}"/>` : ""}\n    </properties>`,
      ...cases,
      out ? `    <system-out>${xmlEscape(out)}</system-out>` : "    <system-out/>",
      "    <system-err/>",
      "  </testsuite>",
    ].join("\n"));
  });
  // Ant's schema allows no attributes on <testsuites>; the totals are in each suite.
  return `<?xml version="1.0" encoding="UTF-8"?>\n<testsuites>\n${suites.join("\n")}\n</testsuites>\n`;
}

