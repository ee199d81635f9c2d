// YAML syntax errors as a person can act on them: one mistake, one error. The YAML parser reports
// every line it cannot fit after a mistake (one line indented too deep gives two errors on every
// following line of its block), so we keep the first error of each cause, explain it (a tab in
// the indentation, a line indented to the wrong column: which column instead), and count the
// errors it explains. Pure.
import type { YAMLError, YAMLWarning } from "yaml";
import { error, type Issue, type IssueCode } from "./issues.js";

const YAML_CODE_MAP: Readonly<Record<string, IssueCode>> = {
  DUPLICATE_KEY: "DUPLICATE_KEY",
  TAG_RESOLVE_FAILED: "UNKNOWN_TAG",
  MULTIPLE_DOCS: "MULTIPLE_DOCUMENTS",
};

type Cause = "tab" | "indent" | "quote" | "other";

interface Candidate {
  readonly code: IssueCode;
  readonly offset: number;
  readonly line: number; // 0-based
  readonly cause: Cause;
  readonly args: Record<string, string | number>;
  /** The mistake breaks the document's top level: every later error follows from it. */
  readonly wholeFile?: boolean;
}

/** Line starts of a text, to turn offsets into lines and back. */
class Lines {
  readonly starts: number[] = [0];
  constructor(readonly text: string) {
    for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 10) this.starts.push(i + 1);
  }
  lineOf(offset: number): number {
    let lo = 0, hi = this.starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.starts[mid]! <= offset) lo = mid; else hi = mid - 1;
    }
    return lo;
  }
  get(line: number): string {
    const end = line + 1 < this.starts.length ? this.starts[line + 1]! - 1 : this.text.length;
    return this.text.slice(this.starts[line]!, end).replace(/\r$/, "");
  }
  get count(): number {
    return this.starts.length;
  }
}

const isContent = (line: string) => !/^\s*(#.*)?$/.test(line);

/** The first key-like word of a line's content, for messages: `name` of `  name: x`. */
function keyOf(content: string): string {
  const m = /^(?:-\s+)*([^:#\s][^:#]*?)\s*:(?:\s|$)/.exec(content);
  return (m?.[1] ?? content.replace(/^(?:-\s+)*/, "")).slice(0, 30);
}

interface Block {
  readonly col: number; // 0-based column where the block's entries start
  readonly line: number;
  readonly key: string;
  /** The entry on `line` has its value on the same line (it cannot hold nested lines). */
  readonly closed: boolean;
  /** How many lines have written an entry at this column in this block so far. */
  readonly entries: number;
}

/**
 * The first line from `from` to `to` whose indentation is a mistake: a tab, or a column that no
 * open block can take. A rough, one-pass reading of block YAML (each line's column against the
 * blocks open above it), enough to say which column a line should have.
 */
function firstIndentationMistake(lines: Lines, from: number, to: number): { line: number; tab: number; wrong: Indentation | null; around: Block | undefined } | null {
  const stack: Block[] = [];
  let flowDepth = 0;
  for (let n = 0; n <= to && n < lines.count; n++) {
    const line = lines.get(n);
    if (!isContent(line)) continue;
    if (flowDepth > 0) { flowDepth = Math.max(0, flowDepth + bracketBalance(line)); continue; }
    const indent = /^[ \t]*/.exec(line)![0];
    const col = indent.length;
    const keys = stack.filter((b) => b.key !== "-");
    if (n >= from) {
      const tab = indent.indexOf("\t");
      if (tab >= 0) return { line: n, tab, wrong: null, around: keys.at(-1) };
      const wrong = misindented(stack, col, /^-(\s|$)/.test(line.slice(col)));
      if (wrong) return { line: n, tab: -1, wrong, around: wrong.expected };
    }
    if (indent.includes("\t")) continue;
    while (stack.length > 0 && stack.at(-1)!.col > col) stack.pop();
    let entries = 1;
    if (stack.length > 0 && stack.at(-1)!.col === col) entries += stack.pop()!.entries;
    let content = line.slice(col);
    let at = col;
    // `- - key: v`: each dash opens a list entry whose content starts after it.
    while (/^-(\s+|$)/.test(content)) {
      const dash = /^-\s*/.exec(content)![0].length;
      stack.push({ col: at, line: n, key: "-", closed: false, entries: at === col ? entries : 1 });
      at += dash;
      content = content.slice(dash);
      if (content === "") break;
    }
    flowDepth = Math.max(0, bracketBalance(content));
    if (content === "") continue;
    const code = content.replace(/\s+#.*$/, "");
    const valueAfterColon = /^[^#]*?:\s+(.*)$/.exec(code)?.[1] ?? "";
    const opensBlock = /:$/.test(code.trimEnd()) || /^[|>][-+0-9]*$/.test(valueAfterColon);
    stack.push({ col: at, line: n, key: keyOf(content), closed: !opensBlock, entries: at === col ? entries : 1 });
  }
  return null;
}

/** Opening minus closing brackets outside quotes: > 0 while a flow collection runs on. */
function bracketBalance(content: string): number {
  const code = content.replace(/"(?:[^"\\]|\\.)*"|'(?:[^']|'')*'/g, "").replace(/\s#.*$/, "");
  let balance = 0;
  for (const ch of code) {
    if (ch === "{" || ch === "[") balance++;
    else if (ch === "}" || ch === "]") balance--;
  }
  return balance;
}

interface Indentation {
  readonly col: number; // 0-based
  readonly expected: Block;
}

/** Whether a line at `col` fits no open block, and which block's column it should take. */
function misindented(open: readonly Block[], col: number, dash: boolean): Indentation | null {
  // A list entry may sit at its list's column (or, compact, at its key's); a key only at a key's.
  if (open.some((b) => b.col === col && (dash || b.key !== "-"))) return null;
  const blocks = open.filter((b) => b.key !== "-");
  if (blocks.length === 0) return null;
  const top = blocks.at(-1)!;
  if (col > top.col) return top.closed && open.at(-1) === top ? { col, expected: top } : null;
  let best = blocks[0]!;
  for (const b of blocks) if (Math.abs(b.col - col) <= Math.abs(best.col - col)) best = b;
  return { col, expected: best };
}

function candidateOf(problem: YAMLError | YAMLWarning, text: string, lines: Lines): Candidate {
  const code = YAML_CODE_MAP[problem.code] ?? "YAML_SYNTAX";
  const detail = firstLine(problem.message);
  if (code !== "YAML_SYNTAX") {
    const offset = problem.pos[0];
    const key = code === "DUPLICATE_KEY" ? duplicateKeyAt(text, offset) : "";
    const tag = code === "UNKNOWN_TAG" ? (/(!\S*)/.exec(text.slice(offset, offset + 200))?.[1] ?? "") : "";
    return { code, offset, line: lines.lineOf(offset), cause: "other", args: { detail, key, tag } };
  }
  if (/Missing closing .?quote/i.test(problem.message)) {
    const offset = unclosedQuoteOffset(text, problem.pos[0]);
    return { code, offset, line: lines.lineOf(offset), cause: "quote", args: { detail } };
  }
  // The parser may point after the mistake (at a value that runs on into the badly indented
  // line, or further down the block): look from the start of the section to the next line.
  const first = lines.lineOf(problem.pos[0]);
  const to = Math.max(lines.lineOf(problem.pos[1] ?? problem.pos[0]), nextContentLine(lines, first));
  const found = firstIndentationMistake(lines, sectionStart(lines, first), to);
  if (!found) return { code, offset: problem.pos[0], line: first, cause: "other", args: { detail } };
  const n = found.line;
  const line = lines.get(n);
  const around = found.around;
  if (found.tab >= 0) {
    return {
      code, offset: lines.starts[n]! + found.tab, line: n, cause: "tab",
      args: {
        detail: `a tab in the indentation (column ${found.tab + 1})`,
        hint: `indent with spaces, not tabs: replace the tab at column ${found.tab + 1} with spaces${around ? ` (the keys around it start at column ${around.col + 1}, like '${around.key}' on line ${around.line + 1})` : ""}`,
      },
    };
  }
  const wrong = found.wrong!;
  const key = keyOf(line.trimStart());
  const e = wrong.expected;
  const next = nextContentLine(lines, n);
  const indentOf = (k: number) => lines.get(k).length - lines.get(k).trimStart().length;
  if (e.entries === 1 && next > n && indentOf(next) === wrong.col) {
    // The block's first line is the odd one out: the lines after it agree with each other.
    const p = e.line;
    const pIndent = indentOf(p);
    const target = pIndent + wrong.col - e.col;
    const pKey = keyOf(lines.get(p).trimStart());
    return {
      code, offset: lines.starts[p]! + pIndent, line: p, cause: "indent", wholeFile: target === 0 || pIndent === 0,
      args: {
        shift: e.col - wrong.col,
        detail: `'${pKey}' is at column ${e.col + 1}, but the keys after it in the same mapping (from line ${n + 1}) are at column ${wrong.col + 1}`,
        hint: `indent line ${p + 1} to column ${target + 1}, so that '${e.key}' lines up with '${key}' on line ${n + 1} (use the same number of spaces at every level)`,
      },
    };
  }
  return {
    wholeFile: e.col === 0,
    code, offset: lines.starts[n]! + wrong.col, line: n, cause: "indent",
    args: {
      shift: wrong.col - e.col,
      detail: wrong.col > e.col
        ? `'${key}' is indented to column ${wrong.col + 1}, deeper than '${e.key}' on line ${e.line + 1}, which already has its value`
        : `'${key}' is indented to column ${wrong.col + 1}, which matches no mapping above it`,
      hint: `indent '${key}' to column ${e.col + 1}, like '${e.key}' on line ${e.line + 1} (use the same number of spaces at every level)`,
    },
  };
}

function nextContentLine(lines: Lines, n: number): number {
  for (let k = n + 1; k < lines.count; k++) if (isContent(lines.get(k))) return k;
  return n;
}

/** The first line of the top-level section that holds `line`. */
function sectionStart(lines: Lines, line: number): number {
  for (let n = line; n > 0; n--) if (/^[^\s#]/.test(lines.get(n))) return n;
  return 0;
}

/** The last line of the top-level section that holds `line`: a syntax error there derails it. */
function sectionEnd(lines: Lines, line: number): number {
  for (let n = line + 1; n < lines.count; n++) {
    const l = lines.get(n);
    if (/^[^\s#]/.test(l)) return n - 1;
  }
  return lines.count - 1;
}

export interface SyntaxReport {
  readonly issues: Issue[];
  /** Errors not shown because a reported one explains them. */
  readonly suppressed: number;
}

/**
 * The parser's errors and warnings as issues: the first syntax error with a hint that fits its
 * cause; later ones only when they are outside the section it derails and not the same kind of
 * indentation mistake again. `explained` spans (a decimal comma that split an entry in two) hide
 * the errors inside them: the number's own issue says what happened.
 */
export function yamlIssues(problems: readonly (YAMLError | YAMLWarning)[], text: string, explained: readonly (readonly [number, number])[] = []): SyntaxReport {
  if (problems.length === 0) return { issues: [], suppressed: 0 };
  const lines = new Lines(text);
  const sorted = problems
    .filter((p) => !explained.some(([a, b]) => p.pos[0] >= a && p.pos[0] <= b))
    .sort((a, b) => a.pos[0] - b.pos[0]);
  const reported: { candidate: Candidate; end: number; suppressed: number }[] = [];
  let suppressed = 0;
  const suppress = (by: { suppressed: number }) => { by.suppressed++; suppressed++; };
  for (const problem of sorted) {
    const syntax = !(problem.code in YAML_CODE_MAP);
    const line = lines.lineOf(problem.pos[0]);
    const inSection = reported.find((r) => r.candidate.code === "YAML_SYNTAX" && line >= r.candidate.line && line <= r.end);
    if (inSection) { suppress(inSection); continue; }
    // The cause is worked out only for errors outside every reported section: a handful.
    const c = candidateOf(problem, text, lines);
    // The same indentation mistake again (another tab, or lines shifted by the same amount) is
    // one mistake made throughout: counted, not repeated.
    const repeated = syntax && isIndentation(c.cause)
      ? reported.find((r) => r.candidate.cause === c.cause && r.candidate.args.shift === c.args.shift)
      : undefined;
    const sameSpot = reported.find((r) => r.candidate.line === c.line && r.candidate.code === c.code);
    const overflow = reported.length >= MAX_REPORTED ? reported.at(-1) : undefined;
    const by = repeated ?? sameSpot ?? overflow;
    if (by) { suppress(by); continue; }
    const end = !syntax ? c.line : c.cause === "quote" || c.wholeFile ? lines.count - 1 : sectionEnd(lines, c.line);
    reported.push({ candidate: c, end, suppressed: 0 });
  }
  const issues = reported
    .sort((a, b) => a.candidate.offset - b.candidate.offset)
    .map(({ candidate: c, suppressed: n }) => error(c.code, [], c.code === "YAML_SYNTAX" ? { ...c.args, suppressed: n } : c.args, { offset: c.offset }));
  return { issues, suppressed };
}

/** More than this many separate YAML errors: the file is not YAML at all; the rest are counted. */
const MAX_REPORTED = 20;

const isIndentation = (cause: Cause) => cause === "tab" || cause === "indent";

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
