// A what-if: base with some values set, given on the command line (`--set PATH=VALUE`) rather than
// written in the file. It is a scenario in all but where it comes from: the same path language,
// the same refusals (SCENARIO_SET_FORBIDDEN, SCENARIO_PATH_NOT_FOUND) and the same full
// validation as a scenario's `set`, so a what-if equal to a scenario's `set` gives that scenario's
// figures exactly. Pure: the command line is parsed in cli/.
import { applyOverlays, type Overlay } from "./scenarios.js";
import { checkStructure } from "./structure.js";
import { normalizeModel } from "./normalize.js";
import type { LoadedModel, ScenarioModel } from "./load.js";
import type { Issue } from "./issues.js";

export interface WhatIfSet {
  readonly path: string;
  readonly value: unknown;
  /** As the person wrote it, for the scenario's name. */
  readonly text: string;
}

/** Dotted model paths, as in a scenario's `set` (the schema's pattern for its keys). */
export const SET_PATH = /^[a-z0-9_-]+(\.[a-z0-9_-]+)*$/;

/**
 * The what-if scenario, or the errors that stop it (each with the index of the `--set` it comes
 * from, or null for a rule broken by the values together, such as a mix that no longer sums).
 */
export function whatIfScenario(loaded: LoadedModel, sets: readonly WhatIfSet[]): { scenario: ScenarioModel } | { errors: { issue: Issue; set: number | null }[] } {
  const file = loaded.file!;
  const base = loaded.scenarios[0]!.model;
  const overlays: Overlay[] = sets.map((s, i) => ({ scenarioIndex: i, key: s.path, value: s.value }));
  const applied = applyOverlays(file, overlays);
  if (applied.issues.length > 0) return { errors: applied.issues.map((issue) => ({ issue, set: Number(issue.path[1]) })) };
  const structural = checkStructure({ ...applied.file, scenarios: undefined, checks: undefined });
  const normalized = structural.length > 0 ? null : normalizeModel(applied.file, { file, model: base });
  const errors = (normalized?.issues ?? structural).filter((i) => i.severity === "error");
  if (errors.length > 0) {
    // The --set whose path leads to the issue's node, when one does.
    const owner = (issue: Issue) => {
      const at = issue.path.join(".");
      const i = sets.findIndex((s) => at === s.path || at.startsWith(`${s.path}.`));
      return i < 0 ? null : i;
    };
    return { errors: errors.map((issue) => ({ issue, set: owner(issue) })) };
  }
  const model = normalized!.model!;
  const taken = new Set(loaded.scenarios.map((s) => s.id));
  let id = "what-if";
  for (let n = 2; taken.has(id); n++) id = `what-if-${n}`;
  return { scenario: { id, name: `what-if: ${sets.map((s) => s.text).join(", ")}`, description: "base with the values set on the command line", model } };
}
