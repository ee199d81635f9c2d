// CSV (RFC 4180): a view's tidy records, one row per observation, ready for a spreadsheet pivot.
// Money in the currency's minor unit, counts to 2 decimals, ratios as 4-decimal fractions, empty when undefined.
// The machine default is comma-separated with a decimal point; a spreadsheet in a locale that
// writes a decimal comma (nl-NL) wants `;` between fields and `,` in numbers, and Excel a BOM to
// read UTF-8.
import { fixed } from "../money/decimal.js";
import { Figure, type Dataset } from "../views/document.js";

export interface CsvOptions {
  /** The field separator: one character, not a quote or line end. */
  readonly delimiter: string;
  /** The decimal mark written in numbers ("." or ","). */
  readonly decimal: string;
  /** Start with a UTF-8 byte order mark (Excel reads the file as UTF-8 only with it). */
  readonly bom: boolean;
}

export const MACHINE_CSV: CsvOptions = { delimiter: ",", decimal: ".", bom: false };

/** RFC 4180 field: quoted when it holds the delimiter, a quote or a line end. */
export function csvField(s: string, delimiter = ","): string {
  return s.includes(delimiter) || /["\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export function figureText(f: Figure, decimal = "."): string {
  if (f.amount === null) return "";
  const text = fixed(f.amount, f.kind === "ratio" ? 4 : f.kind === "count" ? 2 : f.places);
  return decimal === "." ? text : text.replace(".", decimal);
}

export function renderCsv(data: Dataset, options: CsvOptions = MACHINE_CSV): string {
  const { delimiter, decimal } = options;
  const lines = [data.columns.map((c) => csvField(c, delimiter)).join(delimiter)];
  for (const row of data.rows) lines.push(row.map((v) => csvField(v instanceof Figure ? figureText(v, decimal) : v, delimiter)).join(delimiter));
  return (options.bom ? "\ufeff" : "") + lines.join("\n") + "\n";
}
