// `actuals --reforecast --write FILE`: the model's own text with the re-forecast scenario added to
// its `scenarios` (comments and layout kept; a scenario with the same id is replaced), checked by
// loading it again before anything is written: the new file must be valid and its scenario must
// give the re-forecast's figures, or nothing is written.
import { isMap, isSeq, parseDocument } from "yaml";
import type { ReforecastSet } from "../engine/reforecast.js";

export interface ScenarioEntry {
  readonly id: string;
  readonly name: string;
  readonly description: string;
  readonly sets: readonly ReforecastSet[];
  /** The scenario it starts from (`extends`); absent: base. */
  readonly extends?: string;
}

/** The model text with `entry` as a scenario (appended, or replacing the one with its id). */
export function modelWithScenario(text: string, entry: ScenarioEntry): string {
  const doc = parseDocument(text, { uniqueKeys: false });
  const set = Object.fromEntries(entry.sets.map((s) => [s.path, [...s.value]]));
  const node = doc.createNode({ id: entry.id, name: entry.name, description: entry.description, ...(entry.extends === undefined ? {} : { extends: entry.extends }), set });
  // Series as flow lists, one per line: readable in a diff.
  const setNode = node.get("set", true);
  if (isMap(setNode)) for (const pair of setNode.items) if (isSeq(pair.value)) pair.value.flow = true;
  const list = doc.get("scenarios", true);
  if (isSeq(list)) {
    const at = list.items.findIndex((item) => isMap(item) && item.get("id") === entry.id);
    if (at >= 0) list.items[at] = node;
    else list.items.push(node);
  } else doc.set("scenarios", doc.createNode([node]));
  return doc.toString({ lineWidth: 0 });
}
