// Borderless, aligned columns for terminal tables: each cell padded to its column's visible
// width (colour codes take no room), columns two spaces apart, trailing blanks dropped. Written
// out directly: cli-table3 measured every cell with a Unicode-width regex, which cost more than
// the rest of a report together (issue #20), for the same bytes.
import { visibleLength } from "./format.js";

export type Align = "left" | "right";

export function grid(rows: readonly (readonly string[])[], aligns: readonly Align[]): string {
  const columns = rows.reduce((n, r) => Math.max(n, r.length), 0);
  // Every cell's visible length, row after row in one flat array (a table may have 100,000 rows).
  const lengths = new Int32Array(rows.length * columns);
  // A column with nothing in it still takes one character, as cli-table3's did.
  const widths = new Array<number>(columns).fill(1);
  rows.forEach((r, i) => {
    for (let c = 0; c < columns; c++) {
      const n = visibleLength(r[c] ?? "");
      lengths[i * columns + c] = n;
      if (n > widths[c]!) widths[c] = n;
    }
  });
  const lines = new Array<string>(rows.length);
  rows.forEach((row, i) => {
    let line = "";
    for (let c = 0; c < columns; c++) {
      const cell = row[c] ?? "";
      const pad = " ".repeat(widths[c]! - lengths[i * columns + c]!);
      line += (c > 0 ? "  " : "") + (aligns[c] === "right" ? pad + cell : cell + pad);
    }
    // trimEnd drops the same blanks as /\s+$/ (white space and line terminators).
    lines[i] = line.trimEnd();
  });
  return lines.join("\n");
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
