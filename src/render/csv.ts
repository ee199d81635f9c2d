// CSV (RFC 4180): a view's tidy records, one row per observation, ready for a spreadsheet pivot.
// Money in the currency's minor unit, counts to 2 decimals, ratios as 4-decimal fractions, empty when undefined.
import { fixed } from "../money/decimal.js";
import { Figure, type Dataset } from "../views/document.js";

/** RFC 4180 field. */
export function csvField(s: string): string {
  return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export function figureText(f: Figure): string {
  if (f.amount === null) return "";
  return fixed(f.amount, f.kind === "ratio" ? 4 : f.kind === "count" ? 2 : f.places);
}

export function renderCsv(data: Dataset): string {
  const lines = [data.columns.map(csvField).join(",")];
  for (const row of data.rows) lines.push(row.map((v) => (v instanceof Figure ? figureText(v) : csvField(v))).join(","));
  return lines.join("\n") + "\n";
}
