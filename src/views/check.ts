// `distplan check`: every model file's checks and lints, for people (screen: one line per
// failure, lint and pass, then a summary; page: a Markdown table for a PR comment) and for tools
// (distplan.check/v1). The wording of a check (its condition, title and failures) and of a lint
// is built here as message keys, so every format, and the CI renderers, say the same thing.
import { Decimal, fixed } from "../money/decimal.js";
import type { CheckOutcome, CheckPoint } from "../engine/checks.js";
import type { Lint } from "../engine/lints.js";
import type { LoadedModel } from "../model/load.js";
import type { Projection } from "../engine/projection-types.js";
import { emptyRecord } from "../model/records.js";
import { issueText, type Issue } from "../model/issues.js";
import { locate, type Position } from "../model/locate.js";
import { Figure, Words, code, msg, raw, val, type Block, type Data, type Piece, type ReportDocument, type Row, type Text, type Tone } from "./document.js";
import { sortedIssues } from "./issues.js";
import type { MessageKey } from "./messages.js";

export interface CheckedFile {
  readonly loaded: LoadedModel;
  /** null when the model is invalid. */
  readonly outcomes: readonly CheckOutcome[] | null;
  readonly lints: readonly Lint[];
}

export type FileStatus = "passed" | "failed" | "invalid";

export function fileStatus(file: CheckedFile, strict: boolean): FileStatus {
  if (file.outcomes === null) return "invalid";
  if (file.outcomes.some((o) => !o.passed) || (strict && file.lints.length > 0)) return "failed";
  return "passed";
}

// ---- wording -------------------------------------------------------------------------------------
const exact = (d: Decimal, how: "cents" | "written" = "cents"): Piece => val({ kind: "money", amount: d, exact: how });

export function lintText(lint: Lint): Text {
  const a = lint.args;
  const args: Record<string, Text | string> = Object.fromEntries(Object.entries(a).map(([k, v]) => [k, String(v)]));
  if (lint.code === "SHORT_HORIZON") return [msg(a.years === 1 ? "lint.SHORT_HORIZON.one" : "lint.SHORT_HORIZON", args)];
  if (lint.code === "ALLOCATION_LOSS") {
    const net = new Decimal(String(a.net)).abs();
    return [msg("lint.ALLOCATION_LOSS", { ...args, contribution: [exact(new Decimal(String(a.contribution)))], net: [exact(net)] })];
  }
  if (lint.code === "TIER_LADDER") return [msg(a.what === "earns" ? "lint.TIER_LADDER.earns" : "lint.TIER_LADDER.requires", args)];
  if (lint.code === "TIER_UNREACHABLE") return [msg("lint.TIER_UNREACHABLE", { ...args, sells: [exact(new Decimal(String(a.sells)))], requires: [exact(new Decimal(String(a.requires)))] })];
  if (lint.code === "PARTNER_LOSES") return [msg("lint.PARTNER_LOSES", { ...args, fee: [exact(new Decimal(String(a.fee)))], earns: [exact(new Decimal(String(a.earns)))] })];
  return [msg(`lint.${lint.code}`, args)];
}

/**
 * A check's value at one point: a percentage or an amount, or why there is none. `inUnit`: the
 * amount in the unit of the table it is shown under (a note under a report), else to the cent.
 */
export function valueText(outcome: Pick<CheckOutcome, "ratio" | "metric">, value: Decimal | null, missing?: CheckPoint["missing"], inUnit = false): Text {
  if (value === null) return [msg(missing === "no_channel" ? "check.missing.channel" : missing === "no_segment" ? "check.missing.segment" : "check.missing.revenue")];
  return [outcome.ratio ? val({ kind: "percent", ratio: value, places: 1 }) : inUnit ? val({ kind: "money", amount: value }) : exact(value)];
}

const bound = (o: CheckOutcome, d: Decimal): Text => [o.ratio ? val({ kind: "rate", ratio: d }) : exact(d, "written")];

export function condition(o: CheckOutcome): Text {
  const parts: Text[] = [];
  if (o.min) parts.push([msg("check.min", { bound: bound(o, o.min) })]);
  if (o.max) parts.push([msg("check.max", { bound: bound(o, o.max) })]);
  const scope = o.channel ?? o.segment;
  return [msg(scope ? "check.condition.scoped" : "check.condition", { metric: o.metric, bounds: parts.flatMap((p, i) => (i === 0 ? p : [msg("check.and"), ...p])), scope: scope ?? "" })];
}

/** The condition as the checks file would say it, only to tell whether a name merely repeats it. */
function conditionKey(o: CheckOutcome): string {
  const grouped = (d: Decimal, places: number) => {
    const [whole, frac] = fixed(d, places).split(".") as [string, string | undefined];
    return whole.replace(/\B(?=(\d{3})+(?!\d))/g, ",") + (frac ? `.${frac}` : "");
  };
  const b = (d: Decimal) => (o.ratio ? `${fixed(d.times(100), 1).replace(/\.0$/, "")}%` : grouped(d, d.isInteger() ? 0 : 2));
  const parts = [o.min ? `≥ ${b(o.min)}` : "", o.max ? `≤ ${b(o.max)}` : ""].filter(Boolean).join(" and ");
  const scope = o.channel ? ` · ${o.channel}` : o.segment ? ` · ${o.segment}` : "";
  return `${o.metric} ${parts}${scope}`;
}

export function title(o: CheckOutcome): Text {
  // The default check (a model without checks) is named in the reader's language.
  if (o.index === null) return [msg("check.title", { name: [msg("check.defaultName")], condition: condition(o) })];
  const named = o.name && o.name !== conditionKey(o) && !o.name.startsWith(o.metric + " ");
  return named ? [msg("check.title", { name: o.name, condition: condition(o) })] : condition(o);
}

const at = (p: CheckPoint): Text => [p.year !== null ? msg("check.at.year", { scenario: p.scenario, year: String(p.year) }) : raw(p.scenario)];

/** "2028–2031; webshop-push 2027" — the failing points after the first, compactly. */
function alsoText(failures: readonly CheckPoint[]): Text {
  const byScenario = new Map<string, number[]>();
  for (const p of failures) byScenario.set(p.scenario, [...(byScenario.get(p.scenario) ?? []), ...(p.year === null ? [] : [p.year])]);
  const first = failures[0]?.scenario;
  const parts: Text[] = [...byScenario].flatMap(([scenario, years]): Text[] => {
    const when: Text = years.length ? [val({ kind: "years", years })] : [];
    if (scenario === first) return when.length ? [when] : [];
    return [when.length ? [raw(scenario), raw(" "), ...when] : [raw(scenario)]];
  });
  return parts.flatMap((p, i) => (i === 0 ? p : [msg("list.semicolon"), ...p]));
}

/** The first failing point with its value, then the others compactly; `inUnit` as in valueText. */
export function failureSummary(o: CheckOutcome, inUnit = false): Text {
  const failures = o.points.filter((p) => !p.passed);
  const first = failures[0]!;
  const also = alsoText(failures.slice(1));
  const head: Text = [msg("check.failure", { at: at(first), value: valueText(o, first.value, first.missing, inUnit) })];
  return also.length ? [...head, msg("check.also", { also })] : head;
}

/** Each failing point on its own: "base · 2027: 5.3%". */
export function failurePoints(o: CheckOutcome): Text[] {
  return o.points.filter((p) => !p.passed).map((p) => [msg("check.failure", { at: at(p), value: valueText(o, p.value, p.missing) })]);
}

export function checkLine(file: CheckedFile, o: CheckOutcome): number | null {
  if (o.index === null) return null;
  return locate(file.loaded.doc, file.loaded.lineCounter, ["checks", o.index]).line;
}

export function lintLine(file: CheckedFile, lint: Lint): number {
  return locate(file.loaded.doc, file.loaded.lineCounter, lint.path).line;
}

export function counts(files: readonly CheckedFile[], strict: boolean) {
  let failed = 0, passed = 0, warnings = 0, invalid = 0;
  for (const f of files) {
    if (f.outcomes === null) { invalid++; continue; }
    for (const o of f.outcomes) o.passed ? passed++ : failed++;
    warnings += f.lints.length;
  }
  return { failed, passed, warnings, invalid, lintFailures: strict ? warnings : 0 };
}

const counted = (n: number, one: MessageKey, many: MessageKey, tone?: Tone): Piece => msg(n === 1 ? one : many, { n: String(n) }, tone);

export function errors(loaded: LoadedModel): { issue: Issue; position: Position | null }[] {
  return sortedIssues(loaded).filter((x) => x.issue.severity === "error");
}

const where = (source: string, line?: number | null, col?: number): Text => [raw(source), ...(line ? [raw(`:${line}`)] : []), ...(line && col ? [raw(`:${col}`)] : [])];

// ---- screen and page -----------------------------------------------------------------------------
/**
 * `whatIf`: the `--set` values the checks ran with (check --set): the output says first, plainly,
 * that this is not the committed plan.
 */
export function checkView(files: readonly CheckedFile[], strict: boolean, density: "screen" | "page", whatIf: readonly string[] = []): ReportDocument {
  const doc = density === "page" ? checkPage(files, strict) : checkScreen(files, strict);
  if (whatIf.length === 0) return doc;
  const note: Block = { kind: "paragraph", text: [msg("check.whatIf", { sets: [code(whatIf.join(", "))] }, "warning")] };
  return { ...doc, blocks: density === "page" ? [doc.blocks[0]!, note, ...doc.blocks.slice(1)] : [note, ...doc.blocks] };
}

function checkScreen(files: readonly CheckedFile[], strict: boolean): ReportDocument {
  const lines: Text[] = [];
  for (const file of files) {
    const source = file.loaded.source;
    if (file.outcomes === null) {
      for (const { issue, position } of errors(file.loaded)) {
        lines.push([...where(source, position?.line, position?.col), msg("check.line.invalid", { x: [msg("check.cross", undefined, "bad")], label: [msg("check.invalidCode", { code: issue.code }, "bad")], message: issueText(issue).message })]);
      }
      continue;
    }
    for (const o of file.outcomes.filter((x) => !x.passed)) {
      lines.push([...where(source, checkLine(file, o)), msg("check.line.failed", { x: [msg("check.cross", undefined, "bad")], check: title(o), failures: failureSummary(o) })]);
    }
    for (const lint of file.lints) {
      lines.push([...where(source, lintLine(file, lint)), msg("check.line.lint", { mark: [strict ? msg("check.lintMark.failed", undefined, "bad") : msg("check.lintMark.warning", undefined, "warning")], code: lint.code, message: lintText(lint) })]);
    }
    for (const o of file.outcomes.filter((x) => x.passed)) {
      const scenarios = [...new Set(o.points.map((p) => p.scenario))].join(", ");
      const years = new Set(o.points.map((p) => p.year)).size;
      const scope: Text = o.points.some((p) => p.year === null) ? [raw(scenarios)] : [counted(years, "check.years.one", "check.years.many"), msg("list.comma"), raw(scenarios)];
      lines.push([raw(source), msg("check.line.passed", { x: [msg("check.tick", undefined, "good")], check: title(o), scope })]);
    }
  }
  const c = counts(files, strict);
  const summary: Text[] = [
    [counted(files.length, "check.files.one", "check.files.many")],
    ...(c.invalid ? [[msg("check.invalid", { n: String(c.invalid) }, "bad")]] : []),
    [c.failed ? counted(c.failed, "check.failed.one", "check.failed.many", "bad") : msg("check.failed.many", { n: "0" })],
    [msg("check.passed", { n: String(c.passed) })],
    ...(c.warnings ? [[strict ? counted(c.warnings, "check.lintFailures.one", "check.lintFailures.many", "bad") : counted(c.warnings, "check.warnings.one", "check.warnings.many", "warning")]] : []),
  ];
  const blocks: Block[] = [...lines, summary.flatMap((t, i) => (i === 0 ? t : [msg("list.dot"), ...t]))].map((text) => ({ kind: "paragraph", text }));
  return { blocks };
}

function checkPage(files: readonly CheckedFile[], strict: boolean): ReportDocument {
  const c = counts(files, strict);
  const ok = c.invalid === 0 && c.failed === 0 && c.lintFailures === 0;
  const summary: Text = [
    counted(files.length, "check.files.one", "check.files.many"), msg("list.dot"),
    msg("check.invalid", { n: String(c.invalid) }), msg("list.dot"),
    msg("check.failed.short", { n: String(c.failed) }), msg("list.dot"),
    msg("check.passed", { n: String(c.passed) }), msg("list.dot"),
    strict ? counted(c.warnings, "check.lintFailures.one", "check.lintFailures.many") : counted(c.warnings, "check.warnings.one", "check.warnings.many"),
  ];
  const rows: Row[] = [];
  const file = (source: string, line?: number | null): Text => [code(source), ...(line ? [raw(`:${line}`)] : [])];
  for (const f of files) {
    const source = f.loaded.source;
    if (f.outcomes === null) {
      for (const { issue, position } of errors(f.loaded)) rows.push({ role: "line", cells: [[msg("check.mark.failed")], file(source, position?.line), [msg("check.invalidCode.page", { code: issue.code })], [raw(issueText(issue).message)]] });
      continue;
    }
    for (const o of f.outcomes) {
      rows.push({ role: "line", cells: [[msg(o.passed ? "check.mark.passed" : "check.mark.failed")], file(source, checkLine(f, o)), title(o), o.passed ? [msg("check.status.passed")] : failureSummary(o)] });
    }
    for (const lint of f.lints) rows.push({ role: "note", cells: [[msg(strict ? "check.mark.failed" : "check.mark.warning")], file(source, lintLine(f, lint)), [msg("check.lintCode", { code: lint.code })], lintText(lint)] });
  }
  const head: Row = { role: "head", cells: [[], [msg("check.column.file")], [msg("check.column.check")], [msg("check.column.result")]] };
  return {
    blocks: [
      { kind: "heading", text: [msg(ok ? "check.title.passed" : "check.title.failed")] },
      { kind: "paragraph", text: summary },
      { kind: "table", table: { columns: [{ align: "left" }, { align: "left" }, { align: "left" }, { align: "left" }], rows: [head, ...rows], split: false, fixed: 1 } },
    ],
  };
}

// ---- distplan.check/v1 ---------------------------------------------------------------------------
export function checkData(files: readonly CheckedFile[], strict: boolean, whatIf: readonly string[] = []): Data {
  // A checked amount in the currency's minor unit; customer counts to 2 decimals.
  const figure = (o: CheckOutcome, d: Decimal | null, places = 2): Data => (d === null ? null : new Figure(o.ratio ? "ratio" : "money", d, o.metric === "customers" ? 2 : places));
  const c = counts(files, strict);
  const doc = {
    format: "distplan.check/v1",
    strict,
    ...(whatIf.length > 0 ? { what_if: [...whatIf] } : {}),
    files: files.map((file) => ({
      file: file.loaded.source,
      status: fileStatus(file, strict),
      errors: errors(file.loaded).map(({ issue, position }) => ({
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
        code: lint.code, status: strict ? "failed" : "warning", scenario: "base", line: lintLine(file, lint), path: lint.path.join("."), message: new Words(lintText(lint)),
      })),
    })),
    summary: { files: files.length, invalid: c.invalid, checks_failed: c.failed, checks_passed: c.passed, lints: c.warnings },
  };
  return doc as unknown as Data;
}

/** Under each scenario's report: the model's checks (their outcomes) that fail in it. */
export function failedCheckNotes(outcomes: readonly CheckOutcome[], projection: Projection): Record<string, Text[]> {
  const notes = emptyRecord<Text[]>();
  // Each outcome's points by scenario, grouped once: linear in the number of scenarios.
  const pointsOf = outcomes.map((o) => {
    const byScenario = new Map<string, (typeof o.points)[number][]>();
    for (const p of o.points) {
      const list = byScenario.get(p.scenario);
      if (list) list.push(p);
      else byScenario.set(p.scenario, [p]);
    }
    return byScenario;
  });
  for (const s of projection.scenarios) {
    notes[s.id] = outcomes.flatMap((o, k) => {
      const failing = { ...o, points: pointsOf[k]!.get(s.id) ?? [] };
      if (failing.points.every((p) => p.passed)) return [];
      return [[msg("note.checkFailed", { check: title(o), failures: failureSummary(failing, true) })]];
    });
  }
  return notes;
}

/** Under a comparison: each failing check and the scenarios it fails in. */
export function failingCheckNotes(outcomes: readonly CheckOutcome[]): Text[] {
  return outcomes.filter((o) => !o.passed).map((o) => {
    const where = [...new Set(o.points.filter((p) => !p.passed).map((p) => p.scenario))].join(", ");
    return [msg("note.checkFailsIn", { scenarios: [raw(where)], check: title(o) })];
  });
}
