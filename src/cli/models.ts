// Finding and loading the model files a command was given. Invalid models become one
// InvalidModelError carrying all their issues; warnings of valid models go to stderr.
import { existsSync } from "node:fs";
import { dirname, join, relative, resolve, sep } from "node:path";
import { isValid, type LoadedModel } from "../model/load.js";
import { readModelFile } from "./read.js";
import { projectScenarios } from "../engine/projection.js";
import type { Projection } from "../engine/projection-types.js";
import { suggest } from "../model/issues.js";
import { InvalidModelError, UsageError } from "./errors.js";

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
  throw new UsageError(`no model given and no ./${DEFAULT_MODEL} here: run 'distplan init', or pass a model such as ${join(examplesFolder(), "voorbeeld.yaml")}`);
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
      throw new UsageError(`unknown scenario '${id}' in ${loaded.source}`, close ? `did you mean '${close}'?` : `scenarios are: ${ids.join(", ")}`);
    }
  }
  if (requested === undefined || requested.length === 0) chosen = new Set(fallback === "all" ? ids : ["base"]);
  else if (requested.includes("all")) chosen = new Set(ids);
  else chosen = new Set(requested);
  return projectScenarios(loaded.scenarios.filter((s) => chosen.has(s.id)));
}
