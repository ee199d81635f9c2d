import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { dirname, join } from "node:path";
import { loadModelText, type LoadedModel } from "../src/model/load.js";
import { projectScenarios } from "../src/engine/projection.js";
import type { Projection } from "../src/engine/projection-types.js";

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), "..");

export function loadExample(name: string): LoadedModel {
  const path = join(ROOT, "examples", name);
  return loadModelText(readFileSync(path, "utf8"), `examples/${name}`);
}

export function loadText(text: string, source = "test.yaml"): LoadedModel {
  return loadModelText(text, source);
}

export function project(loaded: LoadedModel): Projection {
  if (loaded.scenarios.length === 0) throw new Error(`invalid model: ${JSON.stringify(loaded.issues)}`);
  return projectScenarios(loaded.scenarios);
}

export const errorCodes = (loaded: LoadedModel) => loaded.issues.filter((i) => i.severity === "error").map((i) => i.code);
