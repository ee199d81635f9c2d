// Text → YAML document → plain JS value, with every YAML-level problem as an Issue. Pure: the
// bytes come in from load.ts. Hostile input (binary, non-UTF-8, alias bombs, deep nesting,
// unknown tags, duplicate keys, __proto__ keys) ends here as a clear issue, never a crash.
import { LineCounter, parseDocument, type Document } from "yaml";
import { error, type Issue } from "./issues.js";
import { treeValue, MAX_DEPTH } from "./tree.js";

export const MAX_FILE_BYTES = 5 * 1024 * 1024;
export { MAX_DEPTH };

export interface ParsedText {
  readonly text: string;
  readonly doc: Document | null;
  readonly lineCounter: LineCounter;
  readonly value: unknown;
  readonly issues: readonly Issue[];
}

export function decodeModelBytes(bytes: Uint8Array): { text: string } | { issue: Issue } {
  if (bytes.length > MAX_FILE_BYTES) {
    return { issue: error("FILE_TOO_LARGE", [], { size: bytes.length, limit: MAX_FILE_BYTES }) };
  }
  const nul = bytes.indexOf(0);
  if (nul >= 0) return { issue: error("BINARY_FILE", [], {}, { offset: 0 }) };
  try {
    let text = new TextDecoder("utf-8", { fatal: true, ignoreBOM: false }).decode(bytes);
    if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
    return { text };
  } catch {
    return { issue: error("NOT_UTF8", [], {}, { offset: 0 }) };
  }
}

const YAML_CODE_MAP: Record<string, Issue["code"]> = {
  DUPLICATE_KEY: "DUPLICATE_KEY",
  TAG_RESOLVE_FAILED: "UNKNOWN_TAG",
  MULTIPLE_DOCS: "MULTIPLE_DOCUMENTS",
};

export function parseModelText(text: string): ParsedText {
  const lineCounter = new LineCounter();
  const fail = (issue: Issue): ParsedText => ({ text, doc: null, lineCounter, value: undefined, issues: [issue] });
  if (onlyComments(text)) return fail(error("EMPTY_FILE", [], {}, { offset: 0 }));

  let doc: Document;
  try {
    doc = parseDocument(text, { lineCounter, uniqueKeys: false, prettyErrors: false, strict: true, keepSourceTokens: false });
  } catch (e) {
    if (e instanceof RangeError) return fail(error("TOO_DEEP", [], { limit: MAX_DEPTH }, { offset: 0 }));
    throw e;
  }
  const issues: Issue[] = [];
  for (const problem of [...doc.errors, ...doc.warnings]) {
    if (/Maximum call stack/i.test(problem.message)) return fail(error("TOO_DEEP", [], { limit: MAX_DEPTH }, { offset: problem.pos[0] }));
    const code = YAML_CODE_MAP[problem.code] ?? "YAML_SYNTAX";
    const offset = /Missing closing .?quote/i.test(problem.message) ? unclosedQuoteOffset(text, problem.pos[0]) : problem.pos[0];
    const key = code === "DUPLICATE_KEY" ? duplicateKeyAt(text, offset) : "";
    const tag = code === "UNKNOWN_TAG" ? (/(!\S*)/.exec(text.slice(offset, offset + 200))?.[1] ?? "") : "";
    issues.push(error(code, [], { detail: firstLine(problem.message), key, tag }, { offset }));
  }
  // Duplicate keys, depth, exact numbers and aliases: one linear walk (tree.ts), since yaml's
  // own duplicate check and alias resolution are quadratic.
  const tree = treeValue(doc);
  if (tree.duplicates.length > 0) issues.push(...tree.duplicates);
  if (issues.length > 0) return { text, doc, lineCounter, value: undefined, issues: issues.sort((a, b) => (a.offset ?? 0) - (b.offset ?? 0)) };
  if (tree.issues.length > 0) return tree.issues[0]!.code === "NUMBER_NOT_EXACT" ? { text, doc, lineCounter, value: undefined, issues: tree.issues } : fail(tree.issues[0]!);
  const value = tree.value;
  if (value === null || typeof value !== "object" || Array.isArray(value)) {
    const found = value === null || value === undefined ? "nothing" : Array.isArray(value) ? "a list" : `a ${typeof value}`;
    return { text, doc, lineCounter, value: undefined, issues: [error("ROOT_NOT_MAPPING", [], { found })] };
  }
  return { text, doc, lineCounter, value, issues: [] };
}

/**
 * Blank or comment lines only, line by line: the single pattern this replaces,
 * /^(\s*#.*\n?)*\s*$/, backtracked exponentially in the number of comment lines above the
 * first key (26 lines took 9 s).
 */
const onlyComments = (text: string): boolean => text.split("\n").every((line) => /^\s*(#[^\n]*)?$/.test(line));

const firstLine = (s: string) => s.split("\n")[0]!.replace(/ at line \d+, column \d+:?$/, "");

function duplicateKeyAt(text: string, offset: number): string {
  const m = /^\s*["']?([^"':\n]+)/.exec(text.slice(offset, offset + 200));
  return m ? m[1]!.trim() : "?";
}

/**
 * The YAML parser notices an unclosed quote where the text ends; a person wants to see where the
 * quote opened: the last quote on the first line (at or before `offset`) with an odd count.
 */
function unclosedQuoteOffset(text: string, offset: number): number {
  let lineStart = 0;
  for (const line of text.slice(0, Math.max(offset, 1)).split("\n")) {
    const content = line.replace(/\s#.*$/, "");
    for (const quote of ['"', "'"]) {
      const escaped = quote === '"' ? content.replace(/\\./g, "") : content.replace(/''/g, "");
      const count = escaped.split(quote).length - 1;
      if (count % 2 === 1) return lineStart + content.lastIndexOf(quote);
    }
    lineStart += line.length + 1;
  }
  return offset;
}
