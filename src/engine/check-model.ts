// Everything `distplan check` needs from one valid model: its checks evaluated on the scenarios
// they select, and the round-table lints on base. Pure.
import type { LoadedModel } from "../model/load.js";
import { projectScenarios } from "./projection.js";
import { evaluateChecks, type CheckOutcome } from "./checks.js";
import { lintModel, type Lint } from "./lints.js";

export interface ModelCheck {
  readonly outcomes: readonly CheckOutcome[];
  readonly lints: readonly Lint[];
}

export function checkLoadedModel(loaded: LoadedModel): ModelCheck {
  const base = loaded.scenarios[0]!.model;
  const needed = new Set(["base"]);
  for (const check of base.checks) {
    if (check.scenarios === "all") loaded.scenarios.forEach((s) => needed.add(s.id));
    else check.scenarios.forEach((id) => needed.add(id));
  }
  const projection = projectScenarios(loaded.scenarios.filter((s) => needed.has(s.id)));
  return {
    outcomes: evaluateChecks(base, projection),
    lints: lintModel(base, loaded.file!, projection.scenarios[0]!),
  };
}
