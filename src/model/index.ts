// model/: the file as written → a validated, normalized Model (parse, locate, schema, semantic
// rules, scenarios as overlays). Issues are data (code, path, args); wording per code in issues.ts.
// May import: money/. No process, console or clock; readModelFile in load.ts is the one file read.
export { loadModelText, loadModelBytes, readModelFile, type LoadedModel } from "./load.js";
export type { Model, ModelFile } from "./types.js";
