// The terminal: any report document as aligned text for a person at a terminal. One rule for
// every table (columns split into blocks that fit the width, the first columns repeated), money
// in the unit that fits each section (said in its heading), colour from the palette the CLI
// passes in, and ASCII glyphs when asked.
import { fixed, type Decimal } from "../money/decimal.js";
import type { Block, ReportDocument, Table, Text, Tone, Value } from "../views/document.js";
import { columnBlocks, grid, widest, type Align } from "./grid.js";
import {
  asciiText, autoUnit, unitPlaces, visibleControls, groupDigits, percent, plainPaint, scaled, shortPercent, signed, signedPercent, wrap, yearRanges, PLAIN_STYLE,
  type NumberStyle, type Paint, type Unit,
} from "./format.js";
import { activeMessages, abbreviations, exactMoney, words, type Writer } from "./text.js";
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
      case "count": return groupDigits(v.amount, 0, style);
      case "delta": return deltaText(v, unit, options, unitDecimals);
      case "spark": return v.levels.map((level) => glyphs[level]!).join("");
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
  const main = v.of === "points" ? `${signed(groupDigits(d.times(100), 1, style))}pt` : signed(v.of === "count" ? groupDigits(d, 0, style) : scaled(d, unit, style, unitDecimals));
  if (d.isZero() || /^[+-]?0([.,]0+)?(pt)?$/.test(main)) return paint.dim(main.replace(/^[+-]/, ""));
  const colour = v.better ? paint.green : paint.red;
  if (!v.full) return colour(main);
  const arrow = options.ascii ? (v.better ? "^" : "v") : v.better ? "▲" : "▼";
  const pct = v.ratio ? ` ${signedPercent(v.ratio, 1, style)}` : "";
  return colour(`${main} ${arrow}${pct}`);
}

function renderBlock(block: Block, w: TerminalWriter, options: TerminalOptions, out: string[]): void {
  switch (block.kind) {
    case "heading":
      out.push(w.paint(words(block.text, w), block.tone));
      return;
    case "paragraph": {
      const text = words(block.text, w);
      out.push(w.paint(block.wrap ? wrap(text, options.width, block.indent ?? "  ") : text, block.tone));
      return;
    }
    case "notes":
      for (const item of block.items) {
        const text = `${options.ascii ? "!" : "⚠"} ${words(item, w)}`;
        out.push(w.paint(block.wrap ? wrap(text, options.width) : text, block.tone));
      }
      return;
    case "list":
      for (const item of block.items) out.push(`- ${words(item, w)}`);
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

function tableText(table: Table, w: Writer, options: TerminalOptions): string {
  const shown = table.columns.map((c, i) => ({ ...c, i })).filter((c) => c.minWidth === undefined || options.width >= c.minWidth);
  const rows = table.rows.map((row) => shown.map((c) => words(row.cells[c.i] ?? [], w, c.i === 0 && row.indent ? "  ".repeat(row.indent) : "")));
  const aligns: Align[] = shown.map((c) => c.align);
  if (!table.split || shown.length <= table.fixed) return grid(rows, aligns);
  const fixedCols = rows.map((r) => r.slice(0, table.fixed));
  let fixedWidth = 0;
  for (let c = 0; c < table.fixed; c++) fixedWidth += (c > 0 ? 2 : 0) + widest(fixedCols.map((r) => r[c]!));
  const widths = shown.slice(table.fixed).map((_, k) => widest(rows.map((r) => r[table.fixed + k]!)));
  return columnBlocks(fixedWidth, widths, options.width)
    .map((cols) => grid(rows.map((r) => [...r.slice(0, table.fixed), ...cols.map((k) => r[table.fixed + k]!)]), [...aligns.slice(0, table.fixed), ...cols.map((k) => aligns[table.fixed + k]!)]))
    .join("\n\n");
}
