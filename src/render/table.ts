// The terminal: any report document as aligned text for a person at a terminal. One rule for
// every table (columns split into blocks that fit the width, the first columns repeated), money
// in the unit that fits each section (said in its heading), colour from the palette the CLI
// passes in, and ASCII glyphs when asked.
import { fixed, type Decimal } from "../money/decimal.js";
import type { Block, ReportDocument, Table, Text, Tone, Value } from "../views/document.js";
import { columnBlocks, grid, widest, type Align } from "./grid.js";
import {
  asciiText, autoUnit, visibleLength, unitPlaces, visibleControls, groupDigits, percent, plainPaint, scaled, shortPercent, signed, signedPercent, wrap, yearRanges, PLAIN_STYLE,
  type NumberStyle, type Paint, type Unit,
} from "./format.js";
import { activeMessages, abbreviations, bar, exactMoney, words, type Writer } from "./text.js";
import type { Catalogue } from "./messages/en.js";

export interface TerminalOptions {
  readonly width: number;
  readonly paint: Paint;
  readonly style: NumberStyle;
  readonly unit: Unit | "auto";
  readonly ascii: boolean;
  readonly messages?: Catalogue;
}

export const DEFAULT_TERMINAL_OPTIONS: TerminalOptions = { width: 80, paint: plainPaint, style: PLAIN_STYLE, unit: "auto", ascii: false };

const SPARK = ["▁", "▂", "▃", "▄", "▅", "▆", "▇", "█"];
const SPARK_ASCII = ["_", ".", "-", "~", "=", "+", "*", "#"];

/** A text on one line, without colour: for formats that quote our wording (JUnit, annotations, git). */
export function plainWords(text: Text, options: TerminalOptions = DEFAULT_TERMINAL_OPTIONS): string {
  return words(text, terminalWriter(options, "1"));
}

export function renderTerminal(doc: ReportDocument, options: TerminalOptions = DEFAULT_TERMINAL_OPTIONS): string {
  if (doc.blocks.length === 0) return "";
  const lines: string[] = [];
  const writer = terminalWriter(options, options.unit === "auto" ? "1" : options.unit, doc.minorUnits ?? 2);
  for (const block of doc.blocks) renderBlock(block, writer, options, lines);
  const text = lines.join("\n").replace(/\n+$/, "") + "\n";
  return options.ascii ? asciiText(text) : text; // a last net: what no writer spelled (a source line)
}

interface TerminalWriter extends Writer {
  readonly unitInUse: Unit;
  /** Decimals of money shown exactly (the document's minorUnits). */
  readonly places: number;
}

/** `unitDecimals`: decimals of money scaled to `unit` (unitPlaces of the section's figures). */
function terminalWriter(options: TerminalOptions, unit: Unit, places = 2, unitDecimals = 0): TerminalWriter {
  const { paint, style } = options;
  const glyphs = options.ascii ? SPARK_ASCII : SPARK;
  const star = options.ascii ? "*" : "★";
  const value = (v: Value): string => {
    switch (v.kind) {
      case "money": return v.exact ? exactMoney(v.amount, v.exact, style, places) : scaled(v.amount, unit, style, unitDecimals);
      case "percent": return v.ratio === null ? "–" : percent(v.ratio, v.places ?? 1, style);
      case "rate": return shortPercent(v.ratio, style);
      case "count": return groupDigits(v.amount, v.places ?? 0, style);
      case "delta": return deltaText(v, unit, options, unitDecimals);
      case "spark": return v.levels.map((level) => glyphs[level]!).join("");
      case "bar": return bar(v.eighths, options.ascii);
      case "mix": {
        const abbr = abbreviations(v.parts.map((p) => p.id));
        return v.parts.map((p) => `${abbr[p.id]}${p.share ? fixed(p.share.times(100), 0) : "0"}`).join(" ");
      }
      case "mixLegend": {
        const abbr = abbreviations(v.ids);
        return v.ids.map((id) => `${abbr[id]} ${id}`).join(" · ");
      }
      case "year": return String(v.year);
      case "years": return yearRanges(v.years);
      case "period": return v.from === v.to ? String(v.from) : `${v.from}–${String(v.to).slice(-2)}`;
      case "none": return "–";
    }
  };
  const messages = options.messages ?? activeMessages();
  return {
    // --ascii: the wording and every value spelled in ASCII before the layout, so columns align.
    messages: options.ascii ? asciiCatalogue(messages) : messages,
    unitInUse: unit,
    places,
    value: options.ascii ? (v) => asciiText(value(v)) : value,
    raw: (text) => (options.ascii ? asciiText(visibleControls(text)) : visibleControls(text)),
    paint: (text, tone) => toned(text, tone, paint),
    best: (best) => (best ? ` ${star}` : "  "),
    unit: () => (unit === "1" ? "" : ` ${messages[`unit.${unit}`]}`),
  };
}

const asciiCatalogues = new WeakMap<Catalogue, Catalogue>();
function asciiCatalogue(messages: Catalogue): Catalogue {
  let ascii = asciiCatalogues.get(messages);
  if (!ascii) {
    ascii = Object.fromEntries(Object.entries(messages).map(([k, v]) => [k, asciiText(v)])) as unknown as Catalogue;
    asciiCatalogues.set(messages, ascii);
  }
  return ascii;
}

function toned(text: string, tone: Tone | undefined, paint: Paint): string {
  switch (tone) {
    case undefined: return text;
    case "strong": return paint.bold(text);
    case "muted": return paint.dim(text);
    case "warning": return paint.yellow(text);
    case "good": return paint.green(text);
    case "bad": return paint.red(text);
    case "signed": return text.startsWith("-") && /[1-9]/.test(text) ? paint.red(text) : text;
  }
}

function deltaText(v: Extract<Value, { kind: "delta" }>, unit: Unit, options: TerminalOptions, unitDecimals: number): string {
  const { paint, style } = options;
  const d: Decimal = v.amount;
  const figure = v.of === "points" ? groupDigits(d.times(100), 1, style) : v.of === "count" ? groupDigits(d, 0, style) : scaled(d, unit, style, unitDecimals);
  // A change of a percentage is in points; the row that holds it says so (compare.deltaBase.points).
  if (d.isZero() || /^[+-]?0([.,]0+)?$/.test(figure)) return paint.dim(figure.replace(/^[+-]/, ""));
  const main = signed(figure);
  const colour = v.better ? paint.green : paint.red;
  if (!v.full) return colour(main);
  const arrow = options.ascii ? (v.better ? "^" : "v") : v.better ? "▲" : "▼";
  const pct = v.ratio ? ` ${signedPercent(v.ratio, 1, style)}` : "";
  return colour(`${main} ${arrow}${pct}`);
}

function renderBlock(block: Block, w: TerminalWriter, options: TerminalOptions, out: string[]): void {
  switch (block.kind) {
    case "heading":
      out.push(w.paint(wrap(words(block.text, w), options.width), block.tone));
      return;
    case "paragraph": {
      // Every paragraph fits the width; `indent` starts its continuation lines.
      out.push(w.paint(wrap(words(block.text, w), options.width, block.indent ?? "  "), block.tone));
      return;
    }
    case "notes":
      for (const item of block.items) {
        const text = `${options.ascii ? "!" : "⚠"} ${words(item, w)}`;
        out.push(w.paint(wrap(text, options.width), block.tone));
      }
      return;
    case "list":
      for (const item of block.items) out.push(wrap(`- ${words(item, w)}`, options.width));
      return;
    case "table":
      out.push(tableText(block.table, w, options));
      return;
    case "gap":
      out.push("");
      return;
    case "source": {
      const gutter = String(block.line).padStart(5);
      const { paint } = options;
      out.push(paint.dim(`${gutter} | `) + visibleControls(block.text, "\t"), paint.dim(`${" ".repeat(gutter.length)} | `) + " ".repeat(Math.max(0, block.col - 1)) + paint.red("^"));
      return;
    }
    case "section": {
      const unit = options.unit === "auto" ? autoUnit(block.scale) : options.unit;
      // An asked-for unit (--unit k|M) keeps two significant digits of the smallest figure; auto
      // picks a unit in which every figure already has its digits.
      const inner = terminalWriter(options, unit, w.places, options.unit === "auto" ? 0 : unitPlaces(block.scale, unit));
      for (const b of block.blocks) renderBlock(b, inner, options, out);
      return;
    }
    case "chart": // a terminal does not draw charts: their figures are in the tables
      return;
  }
}

/**
 * The one layout rule for every table: as it is when it fits the width; otherwise its columns
 * split into blocks that fit, each repeating the first `fixed` columns (at least the row labels),
 * so no column is ever dropped; a block still too wide (one long text column) wraps its widest
 * text column onto continuation lines.
 */
function tableText(table: Table, w: Writer, options: TerminalOptions): string {
  const rows = table.rows.map((row) => table.columns.map((_, i) => words(row.cells[i] ?? [], w, i === 0 && row.indent ? "  ".repeat(row.indent) : "")));
  const aligns: Align[] = table.columns.map((c) => c.align);
  const widths = aligns.map((_, c) => widest(rows.map((r) => r[c] ?? "")));
  const total = widths.reduce((sum, x) => sum + x, 0) + 2 * Math.max(0, widths.length - 1);
  if (total <= options.width) return grid(rows, aligns);
  const fixed = Math.min(Math.max(table.fixed, 1), aligns.length);
  let fixedWidth = 0;
  for (let c = 0; c < fixed; c++) fixedWidth += (c > 0 ? 2 : 0) + widths[c]!;
  if (fixed === aligns.length) return fitted(rows, aligns, options.width, widths);
  // Columns that belong together are measured as one, so a split never parts them.
  const group = Math.max(1, table.group ?? 1);
  const rest = widths.slice(fixed);
  const units = Array.from({ length: Math.ceil(rest.length / group) }, (_, g) => rest.slice(g * group, g * group + group).reduce((sum, x, k) => sum + x + (k > 0 ? 2 : 0), 0));
  return columnBlocks(fixedWidth, units, options.width)
    .map((blockUnits) => blockUnits.flatMap((g) => Array.from({ length: Math.min(group, rest.length - g * group) }, (_, k) => g * group + k)))
    .map((cols) => {
      const picked = [...Array.from({ length: fixed }, (_, c) => c), ...cols.map((k) => fixed + k)];
      return fitted(rows.map((r) => picked.map((c) => r[c] ?? "")), picked.map((c) => aligns[c]!), options.width);
    })
    .join("\n\n");
}

/** Narrowest a wrapped text column gets: below this a word per line helps nobody. */
const MIN_WRAPPED = 16;

/** A grid within `width`, wrapping the widest left-aligned (text) columns where it is needed. */
function fitted(rows: readonly (readonly string[])[], aligns: readonly Align[], width: number, measured?: readonly number[]): string {
  const widths = measured ?? aligns.map((_, c) => widest(rows.map((r) => r[c] ?? "")));
  let total = widths.reduce((sum, x) => sum + x, 0) + 2 * Math.max(0, widths.length - 1);
  if (total <= width) return grid(rows, aligns);
  const target = [...widths];
  for (;;) {
    let c = -1;
    for (let k = 0; k < target.length; k++) if (aligns[k] === "left" && target[k]! > MIN_WRAPPED && (c < 0 || target[k]! > target[c]!)) c = k;
    if (c < 0 || total <= width) break;
    const cut = Math.min(total - width, target[c]! - MIN_WRAPPED);
    target[c] = target[c]! - cut;
    total -= cut;
  }
  // A cell that fits its column and has no line break stays as it is (what wrapCell would return);
  // a row with no cell to wrap is one line as it stands (most rows: a table may have 100,000).
  const wraps = (cell: string, c: number) => target[c]! < widths[c]! && (visibleLength(cell) > target[c]! || cell.includes("\n"));
  const lines: (readonly string[])[] = [];
  for (const row of rows) {
    let wrapped = false;
    for (let c = 0; c < aligns.length && !wrapped; c++) wrapped = wraps(row[c] ?? "", c);
    if (!wrapped) {
      lines.push(row);
      continue;
    }
    const cells = aligns.map((_, c) => (wraps(row[c] ?? "", c) ? wrapCell(row[c] ?? "", target[c]!) : [row[c] ?? ""]));
    const height = Math.max(...cells.map((l) => l.length));
    for (let k = 0; k < height; k++) lines.push(cells.map((l) => l[k] ?? ""));
  }
  return grid(lines, aligns);
}

// eslint-disable-next-line no-control-regex
const PAINTED = /^((?:\u001b\[[0-9;]*m)*)([^\u001b]*)((?:\u001b\[[0-9;]*m)*)$/;
// eslint-disable-next-line no-control-regex
const ANSI_CODES = /\u001b\[[0-9;]*m/g;

/** A cell's text in lines of at most `width` characters; a painted cell keeps its colour on each. */
function wrapCell(cell: string, width: number): string[] {
  const painted = PAINTED.exec(cell);
  const [open, inner, close] = painted ? [painted[1]!, painted[2]!, painted[3]!] : ["", cell.replace(ANSI_CODES, ""), ""];
  return wrap(inner, width, "").split("\n").map((line) => (open ? `${open}${line}${close}` : line));
}
