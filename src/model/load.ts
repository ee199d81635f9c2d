// From text to a validated, normalized plan: parse → structure (JSON Schema) → meaning → each
// scenario applied and validated in full. Pure: the bytes come in from cli/read.ts.
import { LineCounter, type Document } from "yaml";
import { parseModelText, decodeModelBytes } from "./parse.js";
import { checkStructure } from "./structure.js";
import { normalizeModel } from "./normalize.js";
import { overlayChain, relocateScenarioIssue, scenarioApplier, scenarioIndex, type Overlay } from "./scenarios.js";
import { hasErrors, onePerNode, type Issue } from "./issues.js";
import type { Model, ModelFile, ScenarioInfo } from "./types.js";

export interface ScenarioModel extends ScenarioInfo {
  readonly model: Model;
}

export interface LoadedModel {
  /** The name used in messages: a path, or REV:path for a file read from git. */
  readonly source: string;
  readonly text: string;
  readonly doc: Document | null;
  readonly lineCounter: LineCounter;
  /** The file as written (after the schema accepted it), or null. */
  readonly file: ModelFile | null;
  /** base first, then every scenario in file order; empty when there is any error. */
  readonly scenarios: readonly ScenarioModel[];
  readonly issues: readonly Issue[];
}

export const isValid = (loaded: LoadedModel): boolean => !hasErrors(loaded.issues);

export function loadModelText(text: string, source: string): LoadedModel {
  const parsed = parseModelText(text);
  const result = (file: ModelFile | null, scenarios: ScenarioModel[], issues: readonly Issue[]): LoadedModel =>
    ({ source, text, doc: parsed.doc, lineCounter: parsed.lineCounter, file, scenarios, issues: onePerNode(issues) });
  if (parsed.issues.length > 0) return result(null, [], parsed.issues);

  const structural = checkStructure(parsed.value);
  if (structural.length > 0) return result(null, [], [...structural, ...meaningDespite(parsed.value, structural)]);
  const file = parsed.value as ModelFile;

  const base = normalizeModel(file);
  const issues: Issue[] = [...base.issues];
  const seen = new Set(base.issues.map(issueKey));
  const scenarios: ScenarioModel[] = [];
  if (base.model) scenarios.push({ id: "base", name: "base", description: "the model as written", model: base.model });

  const index = scenarioIndex(file.scenarios ?? []);
  const apply = scenarioApplier(file, index);
  (file.scenarios ?? []).forEach((scenario, i) => {
    const applied = apply(i);
    if ("cycle" in applied) { issues.push(applied.cycle); return; }
    if (applied.issues.length > 0) {
      // A parent's bad `set` entry reaches every scenario that extends it: report it once.
      for (const found of applied.issues) if (!seen.has(issueKey(found))) { seen.add(issueKey(found)); issues.push(found); }
      return;
    }
    // `scenarios` and `checks` are base's own (no scenario can set them), already validated:
    // validating the list of every scenario again for each scenario would be quadratic.
    const scenarioIssues = [...checkStructure({ ...applied.file, scenarios: undefined, checks: undefined })];
    const normalized = scenarioIssues.length === 0 ? normalizeModel(applied.file, base.model ? { file, model: base.model } : undefined) : null;
    if (normalized) scenarioIssues.push(...normalized.issues);
    let overlays: Overlay[] | undefined;
    for (const found of scenarioIssues) {
      if (seen.has(issueKey(found))) continue; // the same issue as in base: reported once, there
      overlays ??= overlayChain(file.scenarios!, i, index).overlays;
      issues.push(relocateScenarioIssue(found, applied.file, overlays, scenario.id, file));
    }
    if (normalized?.model) {
      scenarios.push({ id: scenario.id, name: scenario.name ?? scenario.id, description: scenario.description ?? "", model: normalized.model });
    }
  });
  const ok = !hasErrors(issues);
  return result(file, ok ? scenarios : [], issues);
}

/** Keys that every other value depends on: when one of them is broken, the rest can't be judged. */
const FOUNDATIONS = new Set(["version", "years", "start_year", "segments", "channels", "mix"]);

/**
 * All mistakes at once: with structural errors, the rules of meaning still run on what is
 * there, and report what lies outside the broken parts (a different list entry or key). A
 * broken foundation (the horizon, the segment or channel lists) stops them: every length or
 * reference would then look wrong.
 */
function meaningDespite(value: unknown, structural: readonly Issue[]): Issue[] {
  // A misspelled foundation (`yaers:`) counts as broken: its default would make the rest look wrong.
  const misspelled = (i: Issue) => FOUNDATIONS.has(String(i.args.suggestion ?? "")) && !(String(i.args.suggestion) in (value as object));
  if (structural.some((i) => i.path.length <= 1 && (FOUNDATIONS.has(String(i.path[0] ?? "")) || misspelled(i)))) return [];
  let found: readonly Issue[];
  try {
    found = normalizeModel(value as ModelFile, undefined, { bestEffort: true }).issues;
  } catch (e) {
    // normalize reads the shapes the schema guarantees; here the schema has just said that some
    // shape is wrong (a list where a mapping belongs), and reading it fails with a TypeError.
    // Those issues are reported already. Any other exception is a bug and surfaces as one.
    if (e instanceof TypeError) return [];
    throw e;
  }
  const scope = (path: readonly unknown[]) => path.slice(0, 2).map(String);
  const overlaps = (a: readonly unknown[], b: readonly unknown[]) => {
    const [x, y] = [scope(a), scope(b)];
    const n = Math.min(x.length, y.length);
    return x.slice(0, n).every((p, k) => p === y[k]);
  };
  return found.filter((i) => i.severity === "error" && !structural.some((s) => overlaps(s.path, i.path)));
}

const issueKey = (i: Issue) => `${i.code}|${i.path.join("\u0000")}|${JSON.stringify(i.args)}`;

export function loadModelBytes(bytes: Uint8Array, source: string): LoadedModel {
  const decoded = decodeModelBytes(bytes);
  if ("issue" in decoded) return fromIssue(source, decoded.issue, decoded.text);
  return loadModelText(decoded.text, source);
}

/** An issue found before parsing (a file error, bad bytes); `text`, when there is some, lets it be shown at its line. */
export function fromIssue(source: string, issue: Issue, text = ""): LoadedModel {
  const lineCounter = new LineCounter();
  lineCounter.addNewLine(0);
  for (let i = text.indexOf("\n"); i >= 0; i = text.indexOf("\n", i + 1)) lineCounter.addNewLine(i + 1);
  return { source, text, doc: null, lineCounter, file: null, scenarios: [], issues: [issue] };
}
