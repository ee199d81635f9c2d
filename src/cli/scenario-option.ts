// `--scenario` of report and compare. It takes comma-separated ids and may be repeated
// (`--scenario a,b` or `--scenario a --scenario b`), so it never swallows the model path that
// follows it (`report --scenario base plan.yaml`). The old form with the ids after the model
// (`report plan.yaml --scenario a b`) still works: extra words after an existing model file are
// more ids. Before the model they are ambiguous and refused with a hint.
import { existsSync } from "node:fs";
import { InvalidArgumentError, Option } from "commander";
import { UsageError } from "./errors.js";
import { say } from "./words.js";

export const scenarioOption = (description: string): Option =>
  new Option("--scenario <ids>", `${description}; comma-separated or repeated (--scenario a,b)`).argParser(collectIds);

function collectIds(value: string, previous: string[] | undefined): string[] {
  const ids = value.split(",").map((s) => s.trim());
  if (ids.some((id) => id === "")) throw new InvalidArgumentError(say({ en: "write scenario ids separated by commas, e.g. --scenario base,short", nl: "schrijf scenario-ids gescheiden door komma's, bijv. --scenario base,short" }));
  return [...(previous ?? []), ...ids];
}

/** The model path and the scenario ids from a command's positional words and its --scenario. */
export function modelAndScenarios(words: readonly string[], scenario: readonly string[] | undefined): { model: string | undefined; scenario: string[] | undefined } {
  const [model, ...extra] = words;
  if (extra.length === 0) return { model, scenario: scenario ? [...scenario] : undefined };
  if (scenario && model !== undefined && existsSync(model) && !extra.some((w) => existsSync(w))) {
    return { model, scenario: [...scenario, ...extra] };
  }
  const hint = scenario
    ? say({ en: `--scenario takes comma-separated ids or is repeated: --scenario ${[...scenario, model].join(",")} ${extra.join(" ")}`, nl: `--scenario neemt ids gescheiden door komma's, of wordt herhaald: --scenario ${[...scenario, model].join(",")} ${extra.join(" ")}` })
    : say({ en: "give one model file; scenarios are chosen with --scenario a,b", nl: "geef één modelbestand; scenario's kies je met --scenario a,b" });
  throw new UsageError(say({ en: `one model file expected, got ${words.map((w) => `'${w}'`).join(" and ")}`, nl: `één modelbestand verwacht, kreeg ${words.map((w) => `'${w}'`).join(" en ")}` }), hint);
}
