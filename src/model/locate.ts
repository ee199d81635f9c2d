// Path → file position. Kept outside the domain objects: the model never carries positions; a
// printer asks for them from the YAML document when it shows an issue.
import { isMap, isSeq, isScalar, isPair, type Document, type LineCounter, type Node, type Pair, type YAMLMap } from "yaml";
import type { Path } from "./issues.js";

export interface Position {
  readonly line: number; // 1-based
  readonly col: number; // 1-based
}

/** The position of the node at `path` (or of its key), or of the deepest node found on the way. */
export function locate(doc: Document | null, lineCounter: LineCounter, path: Path, atKey = false): Position {
  const offset = doc ? offsetOf(doc, path, atKey) : 0;
  return positionOfOffset(lineCounter, offset);
}

export function positionOfOffset(lineCounter: LineCounter, offset: number): Position {
  const pos = lineCounter.linePos(offset);
  return pos.line === 0 ? { line: 1, col: 1 } : { line: pos.line, col: pos.col };
}

export function offsetOf(doc: Document, path: Path, atKey = false): number {
  let node: unknown = doc.contents;
  let offset = rangeStart(node) ?? 0;
  for (let i = 0; i < path.length; i++) {
    const segment = path[i]!;
    const last = i === path.length - 1;
    if (isMap(node)) {
      const pair = pairsByKey(node).get(String(segment));
      if (!pair) return offset;
      if (last && atKey) return rangeStart(pair.key) ?? offset;
      node = pair.value;
      offset = rangeStart(node) ?? rangeStart(pair.key) ?? offset;
    } else if (isSeq(node) && typeof segment === "number" && segment < node.items.length) {
      node = node.items[segment];
      offset = rangeStart(node) ?? offset;
    } else {
      return offset;
    }
  }
  return offset;
}

/**
 * A mapping's pairs by key text (the first pair of a key, as `find` would give), built once per
 * mapping: printing one issue per key of a 20k-key mapping stays linear.
 */
const keyIndex = new WeakMap<object, Map<string, Pair>>();
function pairsByKey(map: YAMLMap): Map<string, Pair> {
  let index = keyIndex.get(map);
  if (!index) {
    index = new Map();
    for (const p of map.items) {
      const key = isPair(p) ? keyText(p.key) : undefined;
      if (key !== undefined && !index.has(key)) index.set(key, p);
    }
    keyIndex.set(map, index);
  }
  return index;
}

function keyText(key: unknown): string | undefined {
  return isScalar(key) ? String(key.value) : undefined;
}

function rangeStart(node: unknown): number | undefined {
  const range = (node as Node | null | undefined)?.range;
  return range ? range[0] : undefined;
}

/** The lines of the last text asked about: one split per text, not one per issue printed. */
let lastLines: { text: string; lines: readonly string[] } | undefined;

export function sourceLine(text: string, line: number): string {
  if (lastLines?.text !== text) lastLines = { text, lines: text.split(/\r?\n/) };
  return lastLines.lines[line - 1] ?? "";
}
