// A partner list for the tier review (`distplan partners classify`): one row per partner with
// id, name, trailing-year revenue, certified people, optional specialisations (separated by '|'),
// current tier and reviews missed. Read with csv-parse; a Dutch export (';', decimal comma,
// € 1.234,56) is recognised; every bad row is an error with its line and column, and nothing is
// half-read. Pure: the file is read in src/cli.
import type { Decimal } from "../money/decimal.js";
import { suggest } from "./issues.js";
import { fieldColumns, parseAmount, readCsvTable, type ActualsError } from "./actuals.js";

export interface PartnerRow {
  readonly line: number;
  readonly id: string;
  readonly name: string;
  readonly revenue: Decimal;
  readonly certified: Decimal;
  readonly specialisations: readonly string[];
  /** The tier the partner holds now, or null for a new partner. */
  readonly tier: string | null;
  /** Reviews in a row the partner has already missed its tier's requirements (for its grace). */
  readonly missed: number;
}

const REQUIRED = ["id", "revenue", "certified"] as const;
const OPTIONAL = ["name", "specialisations", "tier", "missed"] as const;
const COLUMNS = [...REQUIRED, ...OPTIONAL] as const;
type Column = (typeof COLUMNS)[number];

export type PartnersResult = { readonly ok: true; readonly rows: readonly PartnerRow[]; readonly dutch: boolean } | { readonly ok: false; readonly errors: readonly ActualsError[] };

export function parsePartners(text: string, tiers: readonly string[]): PartnersResult {
  const read = readCsvTable(text, { what: "partner file", columns: COLUMNS, required: REQUIRED, headerHint: (d) => `the header line is ${COLUMNS.join(d)} (name, specialisations, tier and missed may be left out)` });
  if (!read.ok) return read;
  const { dutch, delimiter, header, index, rows: records } = read.table;
  const errors: ActualsError[] = [];
  const rows: PartnerRow[] = [];
  const seen = new Map<string, number>();
  for (const r of records) {
    const line = r.info.lines;
    const cols = fieldColumns(r.raw, delimiter);
    if (r.record.length !== header.record.length) {
      errors.push({ code: "CSV_COLUMNS", line, col: 1, message: `the row has ${r.record.length} fields, the header ${header.record.length}`, hint: dutch ? "a Dutch file separates fields with ';' and writes amounts with a decimal comma" : "quote a field that contains a ',' (\"1,234.56\")" });
      continue;
    }
    const cell = (c: Column) => (index.has(c) ? { text: (r.record[index.get(c)!] ?? "").trim(), col: cols[index.get(c)!] ?? 1 } : { text: "", col: 1 });
    const before = errors.length;
    const id = cell("id");
    if (id.text === "") errors.push({ code: "BAD_VALUE", line, col: id.col, message: "the partner has no id", hint: "give every partner an id of its own (a customer number)" });
    const amount = (c: "revenue" | "certified", what: string) => {
      const x = cell(c);
      const v = parseAmount(x.text, dutch);
      if (!v || v.isNegative()) errors.push({ code: "BAD_VALUE", line, col: x.col, message: `'${x.text}' is not ${what}`, hint: dutch ? "a Dutch file writes 1.234,56 or € 1.234,56 (decimal comma), never below zero" : "write 1234.56 or €1234.56, never below zero" });
      return v;
    };
    const revenue = amount("revenue", "a revenue");
    const certified = amount("certified", "a number of certified people");
    const t = cell("tier");
    if (t.text !== "" && !tiers.includes(t.text)) {
      const s = suggest(t.text, tiers);
      errors.push({ code: "UNKNOWN_TIER", line, col: t.col, message: `unknown tier '${t.text}'`, hint: s ? `did you mean '${s}'?` : `the channel's tiers are ${tiers.join(", ")}` });
    }
    const m = cell("missed");
    if (m.text !== "" && !/^\d+$/.test(m.text)) errors.push({ code: "BAD_VALUE", line, col: m.col, message: `'${m.text}' is not a number of reviews`, hint: "write the reviews in a row the partner has missed its tier's requirements: 0, 1, 2 …" });
    if (errors.length > before || !revenue || !certified) continue;
    const first = seen.get(id.text);
    if (first !== undefined) {
      errors.push({ code: "DUPLICATE_ROW", line, col: id.col, message: `partner '${id.text}' is listed twice (first on line ${first})`, hint: "keep one row per partner" });
      continue;
    }
    seen.set(id.text, line);
    const specialisations = cell("specialisations").text.split("|").map((x) => x.trim()).filter(Boolean);
    rows.push({ line, id: id.text, name: cell("name").text || id.text, revenue, certified, specialisations, tier: t.text || null, missed: m.text ? Number(m.text) : 0 });
  }
  return errors.length > 0 ? { ok: false, errors } : { ok: true, rows, dutch };
}
