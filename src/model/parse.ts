// Text → YAML document → plain JS value, with every YAML-level problem as an Issue. Pure: the
// bytes come in from load.ts. Hostile input (binary, non-UTF-8, alias bombs, deep nesting,
// unknown tags, duplicate keys, __proto__ keys) ends here as a clear issue, never a crash.
import { LineCounter, parseDocument, isScalar, isMap, isSeq, isAlias, type Document, type Node } from "yaml";
import { error, type Issue } from "./issues.js";
import { Decimal } from "../money/decimal.js";

export const MAX_FILE_BYTES = 5 * 1024 * 1024;
export const MAX_DEPTH = 64;

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
  if (text.trim() === "" || /^(\s*#.*\n?)*\s*$/.test(text)) return fail(error("EMPTY_FILE", [], {}, { offset: 0 }));

  let doc: Document;
  try {
    doc = parseDocument(text, { lineCounter, uniqueKeys: true, prettyErrors: false, strict: true, keepSourceTokens: false });
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
  if (issues.length > 0) return { text, doc, lineCounter, value: undefined, issues };

  const depthIssue = checkDepthAndNumbers(doc, issues);
  if (depthIssue) return fail(depthIssue);
  if (issues.length > 0) return { text, doc, lineCounter, value: undefined, issues };

  let value: unknown;
  try {
    value = doc.toJS({ maxAliasCount: 100 });
  } catch (e) {
    if (e instanceof ReferenceError) return fail(error("ALIAS_LIMIT", [], {}, { offset: (doc.contents as Node | null)?.range?.[0] ?? 0 }));
    if (e instanceof RangeError) return fail(error("TOO_DEEP", [], { limit: MAX_DEPTH }, { offset: 0 }));
    throw e;
  }
  if (value === null || typeof value !== "object" || Array.isArray(value)) {
    const found = value === null || value === undefined ? "nothing" : Array.isArray(value) ? "a list" : `a ${typeof value}`;
    return { text, doc, lineCounter, value: undefined, issues: [error("ROOT_NOT_MAPPING", [], { found })] };
  }
  return { text, doc, lineCounter, value, issues: [] };
}

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

const PLAIN_DECIMAL = /^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/;

/**
 * Walks the node tree once (aliases are not followed, so this is linear in the file): refuses
 * nesting deeper than MAX_DEPTH, and numbers whose JS double does not hold the written value
 * exactly. Every number accepted here converts to Decimal through String() without loss.
 */
function checkDepthAndNumbers(doc: Document, issues: Issue[]): Issue | null {
  const stack: { node: unknown; depth: number }[] = [{ node: doc.contents, depth: 0 }];
  while (stack.length > 0) {
    const { node, depth } = stack.pop()!;
    if (depth > MAX_DEPTH) {
      return error("TOO_DEEP", [], { limit: MAX_DEPTH }, { offset: (node as Node).range?.[0] ?? 0 });
    }
    if (isMap(node) || isSeq(node)) {
      for (const item of node.items as unknown[]) {
        if (isMap(node)) {
          const pair = item as { key: unknown; value: unknown };
          stack.push({ node: pair.key, depth: depth + 1 }, { node: pair.value, depth: depth + 1 });
        } else stack.push({ node: item, depth: depth + 1 });
      }
    } else if (isScalar(node) && typeof node.value === "number" && typeof node.source === "string") {
      const source = node.source.replace(/_/g, "");
      if (PLAIN_DECIMAL.test(source) && Number.isFinite(node.value)) {
        if (!new Decimal(String(node.value)).equals(new Decimal(source))) {
          issues.push(error("NUMBER_NOT_EXACT", [], { source: node.source }, { offset: node.range?.[0] ?? 0 }));
        }
      }
    } else if (isAlias(node)) {
      // followed by toJS under its alias limit
    }
  }
  return null;
}
