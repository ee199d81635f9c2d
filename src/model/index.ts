// model/: the file as written → a validated, normalized Model (parse, locate, schema, semantic
// rules, scenarios as overlays). Issues are data (code, path, args); wording per code in issues.ts.
// May import: money/. No I/O, process, console or clock: cli/read.ts reads the files.
export { loadModelText, loadModelBytes, type LoadedModel } from "./load.js";
export type { Model, ModelFile } from "./types.js";
