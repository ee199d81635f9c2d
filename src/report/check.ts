// `distplan check` output for people and for every CI: text, json, junit, github, md. Pure:
// each renderer takes the evaluated files and returns a string.
import { Decimal } from "../engine/decimal.js";
import type { CheckOutcome, CheckPoint } from "../engine/checks.js";
import type { Lint } from "../engine/lints.js";
import type { LoadedModel } from "../model/load.js";
import { issueText } from "../model/issues.js";
import { locate } from "../model/locate.js";
import { sortedIssues } from "./issues.js";
import { groupDigits, mdEscape, percent, shortPercent, yearRanges, type Paint } from "./format.js";
import { jsonText, money, ratio, type JsonValue } from "./json-text.js";
import { mdTable } from "./markdown.js";

export interface CheckedFile {
  readonly loaded: LoadedModel;
  /** null when the model is invalid. */
  readonly outcomes: readonly CheckOutcome[] | null;
  readonly lints: readonly Lint[];
}

export interface CheckRenderOptions {
  readonly strict: boolean;
  readonly paint: Paint;
}

export type FileStatus = "passed" | "failed" | "invalid";

export function fileStatus(file: CheckedFile, strict: boolean): FileStatus {
  if (file.outcomes === null) return "invalid";
  if (file.outcomes.some((o) => !o.passed) || (strict && file.lints.length > 0)) return "failed";
  return "passed";
}

// ---- wording -------------------------------------------------------------------------------------
export function lintMessage(lint: Lint): string {
  const a = lint.args;
  switch (lint.code) {
    case "CONFLICT_RULE_MISSING": return `${a.segment} is served by ${a.seller} and the partner channel ${a.owner} with no conflict rule: decide in advance how channel conflicts are resolved`;
    case "MIX_SHIFT": return `${a.channel}'s share of ${a.segment} moves ${a.points} points in ${a.year}: keep the chosen model for 3-5 years`;
    case "SHORT_HORIZON": return `the horizon is ${a.years} year${a.years === 1 ? "" : "s"}: a distribution model should hold for 3-5 years`;
    case "PRICE_UNDERCUT": return `${a.shop} sells to ${a.segment} ${a.gap}% below the end-customer price through ${a.partner} (${a.year}): pricing should be transparent across channels`;
    case "CONTRIBUTION_NEGATIVE": return `${a.channel}'s contribution is negative in every year of base`;
    case "ALLOCATION_LOSS": return `${a.channel} contributes ${groupDigits(new Decimal(String(a.contribution)), 2)} but shows a net loss of ${groupDigits(new Decimal(String(a.net)).abs(), 2)} after allocation (${a.year}): don't drop it on allocated profit`;
  }
}

export function valueText(outcome: Pick<CheckOutcome, "ratio" | "metric">, value: Decimal | null, missing?: CheckPoint["missing"]): string {
  if (value === null) return missing === "no_channel" ? "channel not in this scenario" : missing === "no_segment" ? "segment not in this scenario" : "undefined (no revenue)";
  return outcome.ratio ? percent(value, 1) : groupDigits(value, 2);
}

export function condition(o: CheckOutcome): string {
  const bound = (d: Decimal) => (o.ratio ? shortPercent(d) : groupDigits(d, d.isInteger() ? 0 : 2));
  const parts = [o.min ? `≥ ${bound(o.min)}` : "", o.max ? `≤ ${bound(o.max)}` : ""].filter(Boolean).join(" and ");
  const scope = o.channel ? ` · ${o.channel}` : o.segment ? ` · ${o.segment}` : "";
  return `${o.metric} ${parts}${scope}`;
}

export function title(o: CheckOutcome): string {
  const c = condition(o);
  return o.name && o.name !== c && !o.name.startsWith(o.metric + " ") ? `${o.name}: ${c}` : c;
}

const at = (p: CheckPoint) => `${p.scenario}${p.year !== null ? ` · ${p.year}` : ""}`;

/** "2028–2031, webshop-push 2027" — the failing points after the first, compactly. */
function alsoText(failures: readonly CheckPoint[]): string {
  const byScenario = new Map<string, (number | null)[]>();
  for (const p of failures) byScenario.set(p.scenario, [...(byScenario.get(p.scenario) ?? []), p.year]);
  const first = failures[0]?.scenario;
  return [...byScenario].map(([scenario, years]) => {
    const when = yearRanges(years.filter((y): y is number => y !== null));
    return scenario === first ? when : `${scenario}${when ? ` ${when}` : ""}`;
  }).filter(Boolean).join("; ");
}

export function failureSummary(o: CheckOutcome): string {
  const failures = o.points.filter((p) => !p.passed);
  const first = failures[0]!;
  const also = alsoText(failures.slice(1));
  return `${at(first)}: ${valueText(o, first.value, first.missing)}${also ? `  (also ${also})` : ""}`;
}

function checkLine(file: CheckedFile, o: CheckOutcome): number | null {
  if (o.index === null) return null;
  return locate(file.loaded.doc, file.loaded.lineCounter, ["checks", o.index]).line;
}

function lintLine(file: CheckedFile, lint: Lint): number {
  return locate(file.loaded.doc, file.loaded.lineCounter, lint.path).line;
}

function counts(files: readonly CheckedFile[], strict: boolean) {
  let failed = 0, passed = 0, warnings = 0, invalid = 0;
  for (const f of files) {
    if (f.outcomes === null) { invalid++; continue; }
    for (const o of f.outcomes) o.passed ? passed++ : failed++;
    warnings += f.lints.length;
  }
  return { failed, passed, warnings, invalid, lintFailures: strict ? warnings : 0 };
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? "" : "s"}`;

// ---- text ---------------------------------------------------------------------------------------
export function checksAsText(files: readonly CheckedFile[], options: CheckRenderOptions): string {
  const { paint } = options;
  const out: string[] = [];
  for (const file of files) {
    const source = file.loaded.source;
    if (file.outcomes === null) {
      for (const { issue, position } of sortedIssues(file.loaded)) {
        if (issue.severity !== "error") continue;
        out.push(`${position ? `${source}:${position.line}:${position.col}` : source}  ${paint.red("✗")} ${paint.red(`invalid ${issue.code}`)}: ${issueText(issue).message}`);
      }
      continue;
    }
    for (const o of file.outcomes.filter((x) => !x.passed)) {
      const line = checkLine(file, o);
      out.push(`${line ? `${source}:${line}` : source}  ${paint.red("✗")} ${title(o)} · ${failureSummary(o)}`);
    }
    for (const lint of file.lints) {
      const mark = options.strict ? paint.red("✗ lint") : paint.yellow("⚠ lint");
      out.push(`${source}:${lintLine(file, lint)}  ${mark} ${lint.code}: ${lintMessage(lint)}`);
    }
    for (const o of file.outcomes.filter((x) => x.passed)) {
      const scenarios = [...new Set(o.points.map((p) => p.scenario))];
      const years = new Set(o.points.map((p) => p.year)).size;
      const scope = o.points.some((p) => p.year === null) ? scenarios.join(", ") : `${plural(years, "year")}, ${scenarios.join(", ")}`;
      out.push(`${source}  ${paint.green("✓")} ${title(o)} (${scope})`);
    }
  }
  const c = counts(files, options.strict);
  const summary = [
    plural(files.length, "file"),
    ...(c.invalid ? [paint.red(`${c.invalid} invalid`)] : []),
    c.failed ? paint.red(`${plural(c.failed, "check")} failed`) : `${c.failed} checks failed`,
    `${c.passed} passed`,
    ...(c.warnings ? [(options.strict ? paint.red : paint.yellow)(plural(c.warnings, options.strict ? "lint failure" : "warning"))] : []),
  ].join(" · ");
  return [...out, summary].join("\n") + "\n";
}

// ---- json ---------------------------------------------------------------------------------------
export function checksAsJson(files: readonly CheckedFile[], options: Pick<CheckRenderOptions, "strict">): string {
  // #22: a checked amount in the currency's decimals (places); bounds and counts keep 2.
  const figure = (o: CheckOutcome, d: Decimal | null, places = 2) => (d === null ? null : o.ratio ? ratio(d) : money(d, o.metric === "customers" ? 2 : places));
  const c = counts(files, options.strict);
  const doc = {
    format: "distplan.check/v1",
    strict: options.strict,
    files: files.map((file) => ({
      file: file.loaded.source,
      status: fileStatus(file, options.strict),
      errors: sortedIssues(file.loaded).filter((x) => x.issue.severity === "error").map(({ issue, position }) => ({
        code: issue.code, line: position?.line ?? null, column: position?.col ?? null, scenario: issue.scenario ?? null, message: issueText(issue).message, hint: issueText(issue).hint,
      })),
      checks: (file.outcomes ?? []).map((o) => ({
        name: o.name,
        metric: o.metric,
        scope: o.channel ? { channel: o.channel } : o.segment ? { segment: o.segment } : "total",
        line: checkLine(file, o),
        min: figure(o, o.min),
        max: figure(o, o.max),
        status: o.passed ? "passed" : "failed",
        results: o.points.map((p) => ({ scenario: p.scenario, year: p.year, value: figure(o, p.value, file.loaded.scenarios[0]?.model.minorUnits), status: p.passed ? "passed" : "failed", missing: p.missing ?? null })),
      })),
      lints: file.lints.map((lint) => ({
        code: lint.code, status: options.strict ? "failed" : "warning", scenario: "base", line: lintLine(file, lint), path: lint.path.join("."), message: lintMessage(lint),
      })),
    })),
    summary: { files: files.length, invalid: c.invalid, checks_failed: c.failed, checks_passed: c.passed, lints: c.warnings },
  } satisfies Record<string, unknown>;
  return jsonText(doc as unknown as JsonValue);
}

// ---- junit --------------------------------------------------------------------------------------
const XML_INVALID = /[^\u0009\u000a\u000d\u0020-\ud7ff\ue000-\ufffd]/gu;
export function xmlEscape(s: string): string {
  return s.replace(XML_INVALID, "").replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;").replace(/'/g, "&apos;");
}
/** xs:token: no leading, trailing or repeated white space, no tabs or line breaks. */
const token = (s: string) => xmlEscape(s.replace(/\s+/g, " ").trim());

/**
 * JUnit XML valid against both the Jenkins xunit junit-10.xsd and Ant's JUnit.xsd: one suite per
 * model file, one test case per check, validation errors as <error>, lints in <system-out> (or as
 * failing test cases under --strict). Times are 0 and the timestamp is the plan's first day, so
 * the report is deterministic.
 */
export function checksAsJunit(files: readonly CheckedFile[], options: Pick<CheckRenderOptions, "strict">): string {
  const suites: string[] = [];
  files.forEach((file, id) => {
    const source = file.loaded.source;
    const classname = token(source);
    const cases: string[] = [];
    let failures = 0, errors = 0;
    if (file.outcomes === null) {
      const issues = sortedIssues(file.loaded).filter((x) => x.issue.severity === "error");
      const detail = issues.map(({ issue, position }) => `${source}${position ? `:${position.line}:${position.col}` : ""}: ${issue.code}: ${issueText(issue).message}`).join("\n");
      cases.push(`    <testcase name="valid model" classname="${classname}" time="0">\n      <error type="${token(issues[0]?.issue.code ?? "INVALID")}" message="${xmlEscape(`${issues.length} error${issues.length === 1 ? "" : "s"} in the model`)}">${xmlEscape(detail)}</error>\n    </testcase>`);
      errors++;
    } else {
      for (const o of file.outcomes) {
        const line = checkLine(file, o);
        const name = token(title(o));
        if (o.passed) cases.push(`    <testcase name="${name}" classname="${classname}" time="0"/>`);
        else {
          failures++;
          const detail = o.points.filter((p) => !p.passed).map((p) => `${at(p)}: ${valueText(o, p.value, p.missing)}`).join("\n");
          cases.push(`    <testcase name="${name}" classname="${classname}" time="0">\n      <failure type="check" message="${xmlEscape(`${failureSummary(o)}${line ? ` (${source}:${line})` : ""}`)}">${xmlEscape(detail)}</failure>\n    </testcase>`);
        }
      }
      if (options.strict) {
        for (const lint of file.lints) {
          failures++;
          cases.push(`    <testcase name="${token(`lint ${lint.code}`)}" classname="${classname}" time="0">\n      <failure type="lint" message="${xmlEscape(lintMessage(lint))}">${xmlEscape(`${source}:${lintLine(file, lint)}`)}</failure>\n    </testcase>`);
        }
      }
    }
    const out = !options.strict && file.outcomes !== null ? file.lints.map((l) => `warning ${l.code} (${source}:${lintLine(file, l)}): ${lintMessage(l)}`).join("\n") : "";
    const start = file.loaded.file?.start_year ?? 1970;
    suites.push([
      `  <testsuite name="${token(source)}" package="distplan" id="${id}" timestamp="${start}-01-01T00:00:00" hostname="distplan" tests="${cases.length}" failures="${failures}" errors="${errors}" skipped="0" time="0">`,
      `    <properties>\n      <property name="model" value="${xmlEscape(file.loaded.file?.name ?? source)}"/>\n    </properties>`,
      ...cases,
      out ? `    <system-out>${xmlEscape(out)}</system-out>` : "    <system-out/>",
      "    <system-err/>",
      "  </testsuite>",
    ].join("\n"));
  });
  // Ant's schema allows no attributes on <testsuites>; the totals are in each suite.
  return `<?xml version="1.0" encoding="UTF-8"?>\n<testsuites>\n${suites.join("\n")}\n</testsuites>\n`;
}

// ---- github -------------------------------------------------------------------------------------
const ghData = (s: string) => s.replace(/%/g, "%25").replace(/\r/g, "%0D").replace(/\n/g, "%0A");
const ghProperty = (s: string) => ghData(s).replace(/:/g, "%3A").replace(/,/g, "%2C");

/** GitHub Actions workflow commands: annotations on the failing check's line in the PR diff. */
export function checksAsGithub(files: readonly CheckedFile[], options: Pick<CheckRenderOptions, "strict">): string {
  const out: string[] = [];
  for (const file of files) {
    const source = ghProperty(file.loaded.source);
    if (file.outcomes === null) {
      for (const { issue, position } of sortedIssues(file.loaded)) {
        if (issue.severity !== "error") continue;
        const { message, hint } = issueText(issue);
        out.push(`::error file=${source}${position ? `,line=${position.line},col=${position.col}` : ""},title=${ghProperty(issue.code)}::${ghData(`${message}\nhint: ${hint}`)}`);
      }
      continue;
    }
    for (const o of file.outcomes) {
      if (o.passed) continue;
      const line = checkLine(file, o);
      out.push(`::error file=${source}${line ? `,line=${line}` : ""},title=${ghProperty(title(o))}::${ghData(failureSummary(o))}`);
    }
    for (const lint of file.lints) {
      out.push(`::${options.strict ? "error" : "warning"} file=${source},line=${lintLine(file, lint)},title=${ghProperty(`lint ${lint.code}`)}::${ghData(lintMessage(lint))}`);
    }
  }
  const c = counts(files, options.strict);
  out.push(`distplan check: ${plural(files.length, "file")}, ${c.invalid} invalid, ${c.failed} failed, ${c.passed} passed, ${plural(c.warnings, "lint")}`);
  return out.join("\n") + "\n";
}

// ---- markdown -----------------------------------------------------------------------------------
export function checksAsMarkdown(files: readonly CheckedFile[], options: Pick<CheckRenderOptions, "strict">): string {
  const c = counts(files, options.strict);
  const ok = c.invalid === 0 && c.failed === 0 && c.lintFailures === 0;
  const out = [`### distplan check ${ok ? "✅ passed" : "❌ failed"}`, "", `${plural(files.length, "file")} · ${c.invalid} invalid · ${c.failed} failed · ${c.passed} passed · ${plural(c.warnings, options.strict ? "lint failure" : "warning")}`, ""];
  const rows: string[][] = [];
  for (const file of files) {
    const source = `\`${file.loaded.source}\``;
    if (file.outcomes === null) {
      for (const { issue, position } of sortedIssues(file.loaded)) {
        if (issue.severity === "error") rows.push(["❌", source + (position ? `:${position.line}` : ""), `invalid: ${issue.code}`, issueText(issue).message]);
      }
      continue;
    }
    for (const o of file.outcomes) {
      const line = checkLine(file, o);
      rows.push([o.passed ? "✅" : "❌", source + (line ? `:${line}` : ""), title(o), o.passed ? "passed" : failureSummary(o)]);
    }
    for (const lint of file.lints) rows.push([options.strict ? "❌" : "⚠️", `${source}:${lintLine(file, lint)}`, `lint ${lint.code}`, lintMessage(lint)]);
  }
  out.push(mdTable(["", "file", "check", "result"], rows.map((r) => r.map((x) => mdEscape(x))), ["l", "l", "l", "l"]), "");
  return out.join("\n");
}
