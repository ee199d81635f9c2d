// Text → YAML document → plain JS value, with every YAML-level problem as an Issue. Pure: the
// bytes come in from load.ts. Hostile input (binary, non-UTF-8, alias bombs, deep nesting,
// unknown tags, duplicate keys, __proto__ keys) ends here as a clear issue, never a crash.
import { LineCounter, parseDocument, type Document } from "yaml";
import { error, type Issue } from "./issues.js";
import { treeValue, MAX_DEPTH } from "./tree.js";
import { findMisspelledNumbers } from "./number-spelling.js";
import { yamlIssues } from "./yaml-errors.js";

export const MAX_FILE_BYTES = 5 * 1024 * 1024;
export { MAX_DEPTH };

export interface ParsedText {
  readonly text: string;
  readonly doc: Document | null;
  readonly lineCounter: LineCounter;
  readonly value: unknown;
  readonly issues: readonly Issue[];
}

export type Decoded = { readonly text: string } | { readonly issue: Issue; readonly text?: string };

export function decodeModelBytes(bytes: Uint8Array): Decoded {
  if (bytes.length > MAX_FILE_BYTES) {
    return { issue: error("FILE_TOO_LARGE", [], { size: bytes.length, limit: MAX_FILE_BYTES }) };
  }
  const utf16 = utf16Order(bytes);
  if (utf16) return { issue: error("UTF16_FILE", [], { order: utf16 }, { offset: 0 }) };
  const nul = bytes.indexOf(0);
  if (nul >= 0) return { issue: error("BINARY_FILE", [], {}, { offset: 0 }) };
  const start = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
  const bad = firstInvalidUtf8(bytes, start);
  if (bad >= 0) {
    // Where the bad byte is: the text before it is valid, so its length is the byte's offset.
    const before = new TextDecoder("utf-8").decode(bytes.subarray(start, bad));
    const text = normalizeLineEnds(new TextDecoder("utf-8").decode(bytes.subarray(start)));
    return { issue: error("NOT_UTF8", [], legacyEncoding(bytes, bad), { offset: before.length }), text };
  }
  return { text: normalizeLineEnds(new TextDecoder("utf-8").decode(bytes.subarray(start))) };
}

/**
 * Old Mac line ends (a CR alone) become LF, one character for one, so every offset stays
 * where it was. YAML itself reads CRLF.
 */
const normalizeLineEnds = (text: string): string => (text.includes("\r") ? text.replace(/\r(?!\n)/g, "\n") : text);

/** "little-endian" / "big-endian" for UTF-16 text (a BOM, or ASCII with every other byte NUL). */
function utf16Order(bytes: Uint8Array): string | null {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return "little-endian";
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return "big-endian";
  const n = Math.min(bytes.length, 512) & ~1;
  if (n < 4) return null;
  let even = 0, odd = 0;
  for (let i = 0; i < n; i += 2) {
    if (bytes[i] === 0 && bytes[i + 1] !== 0) even++;
    if (bytes[i + 1] === 0 && bytes[i] !== 0) odd++;
  }
  const pairs = n / 2;
  if (odd >= pairs * 0.9) return "little-endian";
  if (even >= pairs * 0.9) return "big-endian";
  return null;
}

/** The offset of the first byte that is not part of a well-formed UTF-8 sequence, or -1. */
export function firstInvalidUtf8(bytes: Uint8Array, from = 0): number {
  let i = from;
  while (i < bytes.length) {
    const b = bytes[i]!;
    if (b < 0x80) { i++; continue; }
    let need: number, min: number;
    if (b >= 0xc2 && b <= 0xdf) { need = 1; min = 0x80; }
    else if (b >= 0xe0 && b <= 0xef) { need = 2; min = 0x800; }
    else if (b >= 0xf0 && b <= 0xf4) { need = 3; min = 0x10000; }
    else return i;
    let cp = b & (0x3f >> need);
    for (let k = 1; k <= need; k++) {
      const c = bytes[i + k];
      if (c === undefined || (c & 0xc0) !== 0x80) return i;
      cp = (cp << 6) | (c & 0x3f);
    }
    if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) return i;
    i += need + 1;
  }
  return -1;
}

/** The byte, and what it is in Windows-1252 (Latin-1 plus signs in 0x80-0x9F) when it is a character there. */
function legacyEncoding(bytes: Uint8Array, at: number): Record<string, string> {
  const byte = bytes[at]!;
  const hex = `0x${byte.toString(16).toUpperCase().padStart(2, "0")}`;
  const char = byte >= 0x80 ? new TextDecoder("windows-1252").decode(bytes.subarray(at, at + 1)) : "";
  // 0x81, 0x8D, 0x8F, 0x90 and 0x9D are unassigned in Windows-1252 (they decode to C1 controls).
  const printable = char !== "" && !/[\u0080-\u009f]/.test(char);
  return { byte: hex, char: printable ? char : "", encoding: printable ? "Windows-1252 (Latin-1)" : "" };
}

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
  const problems = [...doc.errors, ...doc.warnings];
  const deep = problems.find((p) => /Maximum call stack/i.test(p.message));
  if (deep) return fail(error("TOO_DEEP", [], { limit: MAX_DEPTH }, { offset: deep.pos[0] }));
  // Dutch thousands (18.000) and decimal commas (1,6M) where a number belongs, and the parser's
  // errors as one per mistake (yaml-errors.ts); a misspelled number's own YAML errors are its.
  const misspelled = findMisspelledNumbers(doc, text);
  issues.push(...misspelled.map((m) => m.issue), ...yamlIssues(problems, text, misspelled.map((m) => m.span)).issues);
  // Duplicate keys, depth, exact numbers and aliases: one linear walk (tree.ts), since yaml's
  // own duplicate check and alias resolution are quadratic.
  const tree = treeValue(doc);
  // A key YAML made of a split number (`{ a: 59,5%, b: 40,5% }` has two keys `5%`) is part of
  // that misspelling, not a duplicate of its own.
  const inSpan = (i: Issue) => misspelled.some(({ span: [from, to] }) => (i.offset ?? -1) >= from && (i.offset ?? -1) < to);
  issues.push(...tree.duplicates.filter((i) => !inSpan(i)));
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
