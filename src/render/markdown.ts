// GitHub-flavoured Markdown: any report document for a PR comment or a board memo. Money to the
// cent (it is read as a record), headings as `###`, tables as pipe tables, notes as quotes.
import type { Block, ReportDocument, Table, Value } from "../views/document.js";
import { mdEscape, mdText, percent, yearRanges, PLAIN_STYLE, type NumberStyle } from "./format.js";
import { activeMessages, bar, pageDelta, pageFigure, words, type Writer } from "./text.js";
import type { Catalogue } from "./messages/en.js";

export interface MarkdownOptions {
  readonly style: NumberStyle;
  readonly messages?: Catalogue;
}

export function renderMarkdown(doc: ReportDocument, options: MarkdownOptions = { style: PLAIN_STYLE }): string {
  const w = markdownWriter(options, doc.minorUnits ?? 2);
  const parts: string[] = [];
  const visit = (blocks: readonly Block[]) => {
    for (const b of blocks) {
      if (b.kind === "section") visit(b.blocks);
      else if (b.kind !== "gap" && b.kind !== "chart") parts.push(blockText(b, w)); // a chart's figures are in the tables
    }
  };
  visit(doc.blocks);
  return parts.join("\n\n") + "\n";
}

function markdownWriter(options: MarkdownOptions, places: number): Writer {
  const { style } = options;
  const value = (v: Value): string => {
    switch (v.kind) {
      case "money": case "percent": case "rate": case "count": return pageFigure(v, style, places);
      case "delta": return pageDelta(v, style, places, options.messages);
      case "spark": return v.levels.join(" ");
      case "bar": return bar(v.eighths, false);
      case "mix": return v.parts.map((p) => `${p.id} ${p.share ? percent(p.share, 1, style) : "0%"}`).join(", ");
      case "mixLegend": return v.ids.join(", ");
      case "year": return String(v.year);
      case "years": return yearRanges(v.years);
      case "period": return v.from === v.to ? String(v.from) : `${v.from}–${v.to}`;
      case "none": return "–";
    }
  };
  return {
    messages: options.messages ?? activeMessages(),
    value,
    raw: (text, code) => (code ? `\`${mdText(text)}\`` : mdText(text)),
    paint: (text, tone) => (tone === "strong" ? `**${text}**` : tone === "muted" ? `_${text}_` : text),
    best: (best) => (best ? " **★**" : ""),
    unit: () => "",
  };
}

function blockText(block: Exclude<Block, { kind: "section" | "gap" | "chart" }>, w: Writer): string {
  switch (block.kind) {
    case "source": return "```yaml\n" + `${mdText(block.text)}  # line ${block.line}, column ${block.col}` + "\n```";
    case "heading": return `### ${words(block.text, w)}`;
    case "paragraph": return w.paint(words(block.text, w), block.tone);
    case "notes": return block.items.map((item) => `> ⚠ ${words(item, w)}`).join("\n");
    case "list": return block.items.map((item) => `- ${words(item, w)}`).join("\n");
    case "table": return tableText(block.table, w);
  }
}

/** A pipe table; the first row is the head. Each cell is escaped once, here. */
export function mdTable(head: readonly string[], rows: readonly (readonly string[])[], aligns: readonly ("l" | "r")[]): string {
  const line = (cells: readonly string[]) => `| ${cells.map(mdEscape).join(" | ")} |`;
  return [line(head), `|${aligns.map((a) => (a === "r" ? " ---: " : " --- ")).join("|")}|`, ...rows.map(line)].join("\n");
}

function tableText(table: Table, w: Writer): string {
  const cells = table.rows.map((row) => table.columns.map((_, i) => words(row.cells[i] ?? [], w)));
  const headAt = table.rows.findIndex((r) => r.role === "head");
  const head = headAt >= 0 ? cells[headAt]! : table.columns.map(() => "");
  return mdTable(head, cells.filter((_, i) => i !== headAt), table.columns.map((c) => (c.align === "right" ? "r" : "l")));
}
