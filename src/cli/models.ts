// Finding and loading the model files a command was given. Invalid models become one
// InvalidModelError carrying all their issues; warnings of valid models go to stderr.
import { existsSync } from "node:fs";
import { dirname, join, relative, resolve, sep } from "node:path";
import { isValid, type LoadedModel } from "../model/load.js";
import { readModelFile } from "./read.js";
import { projectScenarios } from "../engine/projection.js";
import type { Projection } from "../engine/projection-types.js";
import { issueText, suggest } from "../model/issues.js";
import { parse as parseYaml } from "yaml";
import { SET_PATH, whatIfScenario, type WhatIfSet } from "../model/whatif.js";
import { InvalidModelError, UsageError } from "./errors.js";
import { say } from "./words.js";

export const DEFAULT_MODEL = "distplan.yaml";

/** The examples shipped beside the binary (bin/../examples), for the "no model" message. */
function examplesFolder(): string {
  const bin = process.argv[1];
  const folder = bin ? resolve(dirname(bin), "..", "examples") : "";
  if (!folder || !existsSync(folder)) return "the examples/ folder of the distplan package";
  const relativePath = relative(process.cwd(), folder);
  return relativePath.startsWith("..") && relativePath.split(sep).length > 3 ? folder : relativePath || ".";
}

export function resolveModelPath(arg: string | undefined): string {
  if (arg !== undefined) return arg;
  if (existsSync(DEFAULT_MODEL)) return DEFAULT_MODEL;
  // One line: what is missing, and the two ways forward.
  const example = join(examplesFolder(), "voorbeeld.yaml");
  throw new UsageError(say({
    en: `no model given and no ./${DEFAULT_MODEL} here: run 'distplan init', or pass a model such as ${example}`,
    nl: `geen model gegeven en geen ./${DEFAULT_MODEL} hier: draai 'distplan init', of geef een model zoals ${example}`,
  }));
}

export async function loadValidModel(path: string): Promise<LoadedModel> {
  const loaded = await readModelFile(path);
  if (!isValid(loaded)) throw new InvalidModelError([loaded]);
  return loaded;
}

/** The scenarios to show: `all`, a list of ids (shown in model order), or base alone. */
export function selectScenarios(loaded: LoadedModel, requested: readonly string[] | undefined, fallback: "base" | "all" = "base"): Projection {
  const ids = loaded.scenarios.map((s) => s.id);
  let chosen: Set<string>;
  // Every id is checked, also next to 'all' (`--scenario all,nope` is a mistake, not 'all').
  for (const id of requested ?? []) {
    if (id !== "all" && !ids.includes(id)) {
      const close = suggest(id, ids);
      throw new UsageError(
        say({ en: `unknown scenario '${id}' in ${loaded.source}`, nl: `onbekend scenario '${id}' in ${loaded.source}` }),
        close ? say({ en: `did you mean '${close}'?`, nl: `bedoel je '${close}'?` }) : say({ en: `scenarios are: ${ids.join(", ")}`, nl: `de scenario's zijn: ${ids.join(", ")}` }),
      );
    }
  }
  if (requested === undefined || requested.length === 0) chosen = new Set(fallback === "all" ? ids : ["base"]);
  else if (requested.includes("all")) chosen = new Set(ids);
  else chosen = new Set(requested);
  return projectScenarios(loaded.scenarios.filter((s) => chosen.has(s.id)));
}

/**
 * The model with a what-if scenario added from `--set PATH=VALUE` arguments (base with those
 * values set, validated like a scenario's `set`), and the what-if's id; the model as it is when
 * there are none. A bad argument is a usage error that names it.
 */
export function withWhatIf(loaded: LoadedModel, args: readonly string[] | undefined): { loaded: LoadedModel; id: string | null } {
  if (!args || args.length === 0) return { loaded, id: null };
  const sets: WhatIfSet[] = args.map((arg) => {
    const eq = arg.indexOf("=");
    const path = eq < 0 ? arg : arg.slice(0, eq).trim();
    if (eq < 0 || !SET_PATH.test(path)) {
      throw new UsageError(
        say({ en: `--set '${arg}' is not PATH=VALUE`, nl: `--set '${arg}' is geen PAD=WAARDE` }),
        say({ en: "write a model path, '=' and a value as in a scenario's set: --set channels.partners.partner_margin=28%", nl: "schrijf een modelpad, '=' en een waarde, zoals in de set van een scenario: --set channels.partners.partner_margin=28%" }),
      );
    }
    const text = arg.slice(eq + 1).trim();
    let value: unknown;
    try {
      value = parseYaml(text, { prettyErrors: false });
    } catch (e) {
      const why = (e as Error).message.split("\n")[0];
      throw new UsageError(
        say({ en: `--set '${arg}': the value is not YAML (${why})`, nl: `--set '${arg}': de waarde is geen YAML (${why})` }),
        say({ en: "quote the whole argument in the shell: --set 'mix.smb={partners: 60%, webshop: 40%}'", nl: "zet het hele argument tussen aanhalingstekens in de shell: --set 'mix.smb={partners: 60%, webshop: 40%}'" }),
      );
    }
    return { path, value: value ?? null, text: `${path}=${text}` };
  });
  const result = whatIfScenario(loaded, sets);
  if ("errors" in result) {
    const [first] = result.errors;
    const { message, hint } = issueText(first!.issue);
    const which = first!.set === null ? `--set ${sets.map((s) => s.text).join(" --set ")}` : `--set ${sets[first!.set]!.text}`;
    const more = result.errors.length > 1 ? say({ en: ` (and ${result.errors.length - 1} more)`, nl: ` (en nog ${result.errors.length - 1})` }) : "";
    throw new UsageError(`${which}: ${message}${more}`, hint);
  }
  return { loaded: { ...loaded, scenarios: [...loaded.scenarios, result.scenario] }, id: result.scenario.id };
}
