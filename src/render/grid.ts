// Borderless, aligned columns for terminal tables (cli-table3 with every border character
// cleared: it measures ANSI colour codes correctly and adds none of its own).
import Table from "cli-table3";
import { visibleLength } from "./format.js";

const CHARS = {
  top: "", "top-mid": "", "top-left": "", "top-right": "", bottom: "", "bottom-mid": "", "bottom-left": "",
  "bottom-right": "", left: "", "left-mid": "", mid: "", "mid-mid": "", right: "", "right-mid": "", middle: "  ",
};

export type Align = "left" | "right";

export function grid(rows: readonly (readonly string[])[], aligns: readonly Align[]): string {
  const table = new Table({ chars: CHARS, style: { head: [], border: [], "padding-left": 0, "padding-right": 0 }, colAligns: [...aligns] });
  for (const row of rows) table.push([...row]);
  return table.toString().split("\n").map((line) => line.replace(/\s+$/, "")).join("\n");
}

/** Split a list of column indexes into blocks whose rendered width stays within `width`. */
export function columnBlocks(fixedWidth: number, columnWidths: readonly number[], width: number): number[][] {
  const blocks: number[][] = [];
  let current: number[] = [];
  let used = fixedWidth;
  columnWidths.forEach((w, i) => {
    if (current.length > 0 && used + 2 + w > width) {
      blocks.push(current);
      current = [];
      used = fixedWidth;
    }
    current.push(i);
    used += 2 + w;
  });
  if (current.length > 0) blocks.push(current);
  return blocks;
}

export const widest = (cells: readonly string[]) => cells.reduce((m, c) => Math.max(m, visibleLength(c)), 0);
