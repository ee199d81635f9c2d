// Actuals: what happened, per period, channel, segment and metric, read from a tidy CSV
// (`period, channel, segment, metric, value`). Pure: takes the text, returns every row or every
// error (never half of the rows). Amounts become Decimals from their text, never via a float.
// A Dutch export is recognised by its ';' delimiter: decimal comma, '.' thousands, '€ 1.234,56'.
// csv-parse is loaded with this module only, and this module only by commands that read actuals.
import { parse } from "csv-parse/sync";
import { Decimal } from "../money/decimal.js";
import { inLanguage, suggest } from "./issues.js";

export const ACTUAL_METRICS = [
  "customers", "new_customers", "revenue", "market_revenue", "partner_margin", "cogs",
  "variable_costs", "acquisition_costs", "service_costs", "fixed_costs", "income", "shared_costs",
] as const;
export type ActualMetric = (typeof ACTUAL_METRICS)[number];

/** Metrics counted in customers rather than money. */
export const COUNT_METRICS: ReadonlySet<ActualMetric> = new Set(["customers", "new_customers"]);

export interface Period {
  readonly text: string;
  readonly year: number;
  /** 1-4 for a quarter. */
  readonly quarter?: number;
  /** 1-12 for a month. */
  readonly month?: number;
}

export interface ActualRow {
  readonly line: number;
  readonly period: Period;
  /** Undefined for a company-level figure (empty cell). */
  readonly channel?: string;
  readonly segment?: string;
  readonly metric: ActualMetric;
  readonly value: Decimal;
}

export type ActualsCode =
  | "CSV_EMPTY" | "CSV_SYNTAX" | "CSV_HEADER" | "CSV_COLUMNS" | "BAD_PERIOD" | "UNKNOWN_CHANNEL"
  | "UNKNOWN_SEGMENT" | "UNKNOWN_METRIC" | "BAD_VALUE" | "NEGATIVE_COUNT" | "DUPLICATE_ROW" | "UNKNOWN_TIER";

export interface ActualsError {
  readonly code: ActualsCode;
  readonly line: number;
  readonly col: number;
  readonly message: string;
  readonly hint: string;
}

export interface ActualsIds {
  readonly channels: readonly string[];
  readonly segments: readonly string[];
}

export type ActualsResult =
  | { readonly ok: true; readonly dutch: boolean; readonly rows: readonly ActualRow[] }
  | { readonly ok: false; readonly errors: readonly ActualsError[] };

const COLUMNS = ["period", "channel", "segment", "metric", "value"] as const;
type Column = (typeof COLUMNS)[number];

/** `file:line:col: error CODE: message` and the hint on the next line. */
const t = inLanguage;

/** Why a row has more or fewer fields than the header: the separator, or an unquoted comma. */
export const columnsHint = (dutch: boolean): string => dutch
  ? t("a Dutch file separates fields with ';' and writes amounts with a decimal comma", "een Nederlands bestand scheidt velden met ';' en schrijft bedragen met een decimale komma")
  : t("quote a field that contains a ',' (\"1,234.56\")", "zet een veld met een ',' tussen aanhalingstekens (\"1,234.56\")");

export function formatActualsError(file: string, e: ActualsError): string {
  return `${file}:${e.line}:${e.col}: ${t("error", "fout")} ${e.code}: ${e.message}\n  ${t("hint", "tip")}: ${e.hint}`;
}

export function parsePeriod(text: string): Period | undefined {
  const m = /^(\d{4})(?:-(?:Q([1-4])|(0[1-9]|1[0-2])))?$/.exec(text);
  if (!m) return undefined;
  const year = Number(m[1]);
  if (m[2] !== undefined) return { text, year, quarter: Number(m[2]) };
  if (m[3] !== undefined) return { text, year, month: Number(m[3]) };
  return { text, year };
}

/**
 * An amount's text as a Decimal, or undefined. Dutch: `-1.234,56`, `€ 1.234,56`, `1234,5`;
 * otherwise `-1234.56`, `€1,234.56`. A currency sign (€) may lead, after an optional minus.
 */
const DUTCH_AMOUNT = /^(\d{1,3}(?:\.\d{3})+|\d+)(?:,(\d+))?$/;
const PLAIN_AMOUNT = /^(\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d+))?$/;

export function parseAmount(raw: string, dutch: boolean): Decimal | undefined {
  let s = raw.trim().replace(/\u00a0/g, " ");
  let negative = false;
  if (s.startsWith("-")) { negative = true; s = s.slice(1).trimStart(); }
  if (s.startsWith("€")) s = s.slice(1).trimStart();
  if (!negative && s.startsWith("-")) { negative = true; s = s.slice(1); }
  // A plain whole number (most rows) needs no pattern.
  if (/^\d+$/.test(s)) return new Decimal(negative ? `-${s}` : s);
  const thousands = dutch ? "." : ",";
  const m = (dutch ? DUTCH_AMOUNT : PLAIN_AMOUNT).exec(s);
  if (!m) return undefined;
  const whole = m[1]!.split(thousands).join("");
  const text = `${negative ? "-" : ""}${whole}${m[2] !== undefined ? `.${m[2]}` : ""}`;
  return new Decimal(text);
}

/** 1-based character columns where each field of a raw CSV record starts. */
export function fieldColumns(raw: string, delimiter: string): number[] {
  // A record after skipped empty lines carries their line breaks in front of it.
  const start = raw.length - raw.replace(/^[\r\n]+/, "").length;
  const cols = [1];
  let quoted = false;
  for (let i = start; i < raw.length; i++) {
    const c = raw[i];
    if (c === '"') quoted = !quoted;
    else if (c === delimiter && !quoted) cols.push(i - start + 2);
    else if (c === "\n" || c === "\r") break;
  }
  return cols;
}

/**
 * A file without quotes and without empty lines: each line is one record, so record i stands on
 * line i + 1 and its raw text is its fields joined by the delimiter. csv-parse then need not track
 * positions (its info and raw options cost about a third of a 100,000-row read).
 */
const plainCsv = (body: string): boolean => !body.includes('"') && !/\n\r?\n|^\r?\n/.test(body.replace(/\r?\n$/, ""));

class PlainRecord implements CsvRecord {
  readonly info: { readonly lines: number };
  constructor(readonly record: string[], line: number, private readonly delimiter: string) {
    this.info = { lines: line };
  }
  get raw(): string {
    return this.record.join(this.delimiter);
  }
}

export interface CsvRecord {
  readonly record: string[];
  readonly info: { readonly lines: number };
  readonly raw: string;
}

export interface CsvTable<C extends string> {
  readonly dutch: boolean;
  readonly delimiter: string;
  readonly header: CsvRecord;
  readonly rows: readonly CsvRecord[];
  /** The field index of each known column the header names. */
  readonly index: ReadonlyMap<C, number>;
}

/**
 * A CSV file's records with its header mapped to known columns (case-insensitive): a Dutch
 * export (';' between fields) is recognised by its header line; an unknown column is an error
 * with did-you-mean, a missing required one too. Shared by the actuals and the partner list.
 */
export function readCsvTable<C extends string>(text: string, spec: { readonly what: { readonly en: string; readonly nl: string }; readonly columns: readonly C[]; readonly required: readonly C[]; readonly headerHint: (delimiter: string) => string }): { ok: true; table: CsvTable<C> } | { ok: false; errors: ActualsError[] } {
  const body = text.replace(/^\uFEFF/, "");
  if (body.trim() === "") return { ok: false, errors: [{ code: "CSV_EMPTY", line: 1, col: 1, message: t(`the ${spec.what.en} is empty`, `het ${spec.what.nl} is leeg`), hint: t(`start with the header line ${spec.columns.join(",")}`, `begin met de kopregel ${spec.columns.join(",")}`) }] };
  const firstLine = body.split(/\r?\n/, 1)[0] ?? "";
  const dutch = firstLine.includes(";") && !firstLine.includes(",");
  const delimiter = dutch ? ";" : ",";
  let records: CsvRecord[];
  try {
    records = plainCsv(body)
      ? (parse(body, { delimiter, relax_column_count: true }) as string[][]).map((record, i) => new PlainRecord(record, i + 1, delimiter))
      : (parse(body, { delimiter, relax_column_count: true, skip_empty_lines: true, info: true, raw: true }) as unknown as CsvRecord[]);
  } catch (err) {
    const e = err as { lines?: number; message?: string };
    return { ok: false, errors: [{ code: "CSV_SYNTAX", line: e.lines ?? 1, col: 1, message: `CSV: ${e.message ?? String(err)}`, hint: t("close the quoted field, or remove the stray '\"'", "sluit het veld tussen aanhalingstekens af, of haal de losse '\"' weg") }] };
  }
  const errors: ActualsError[] = [];
  const header = records[0]!;
  const index = new Map<C, number>();
  const headerCols = fieldColumns(header.raw, delimiter);
  header.record.forEach((name, i) => {
    const key = name.trim().toLowerCase();
    if ((spec.columns as readonly string[]).includes(key)) index.set(key as C, i);
    else {
      const s = suggest(key, spec.columns);
      errors.push({ code: "CSV_HEADER", line: header.info.lines, col: headerCols[i] ?? 1, message: t(`unknown column '${name}'`, `onbekende kolom '${name}'`), hint: s ? t(`did you mean '${s}'?`, `bedoel je '${s}'?`) : t(`the columns are ${spec.columns.join(", ")}`, `de kolommen zijn ${spec.columns.join(", ")}`) });
    }
  });
  for (const c of spec.required) if (!index.has(c)) errors.push({ code: "CSV_HEADER", line: header.info.lines, col: 1, message: t(`the header has no column '${c}'`, `de kopregel heeft geen kolom '${c}'`), hint: spec.headerHint(delimiter) });
  return errors.length > 0 ? { ok: false, errors } : { ok: true, table: { dutch, delimiter, header, rows: records.slice(1), index } };
}

export function parseActuals(text: string, ids: ActualsIds): ActualsResult {
  const read = readCsvTable(text, { what: { en: "actuals file", nl: "bestand met realisaties" }, columns: COLUMNS, required: COLUMNS, headerHint: (d) => t(`the header line is ${COLUMNS.join(d)}`, `de kopregel is ${COLUMNS.join(d)}`) });
  if (!read.ok) return read;
  const { dutch, delimiter, header, index, rows: records } = read.table;
  const errors: ActualsError[] = [];

  const rows: ActualRow[] = [];
  const seen = new Map<string, number>();
  for (const r of records) {
    const line = r.info.lines;
    const cols = fieldColumns(r.raw, delimiter);
    if (r.record.length !== header.record.length) {
      errors.push({ code: "CSV_COLUMNS", line, col: 1, message: t(`the row has ${r.record.length} fields, the header ${header.record.length}`, `de rij heeft ${r.record.length} velden, de kopregel ${header.record.length}`), hint: columnsHint(dutch) });
      continue;
    }
    const cell = (c: Column): { text: string; col: number } => ({ text: (r.record[index.get(c)!] ?? "").trim(), col: cols[index.get(c)!] ?? 1 });
    const before = errors.length;
    const p = cell("period");
    const period = parsePeriod(p.text);
    if (!period) errors.push({ code: "BAD_PERIOD", line, col: p.col, message: t(`'${p.text}' is not a period`, `'${p.text}' is geen periode`), hint: t("write a year (2027), a quarter (2027-Q1) or a month (2027-03)", "schrijf een jaar (2027), een kwartaal (2027-Q1) of een maand (2027-03)") });
    const ch = cell("channel");
    if (ch.text !== "" && !ids.channels.includes(ch.text)) {
      const s = suggest(ch.text, ids.channels);
      errors.push({ code: "UNKNOWN_CHANNEL", line, col: ch.col, message: t(`unknown channel '${ch.text}'`, `onbekend kanaal '${ch.text}'`), hint: s ? t(`did you mean '${s}'?`, `bedoel je '${s}'?`) : t(`the model's channels are ${ids.channels.join(", ")}`, `de kanalen van het model zijn ${ids.channels.join(", ")}`) });
    }
    const sg = cell("segment");
    if (sg.text !== "" && !ids.segments.includes(sg.text)) {
      const s = suggest(sg.text, ids.segments);
      errors.push({ code: "UNKNOWN_SEGMENT", line, col: sg.col, message: t(`unknown segment '${sg.text}'`, `onbekend segment '${sg.text}'`), hint: s ? t(`did you mean '${s}'?`, `bedoel je '${s}'?`) : t(`the model's segments are ${ids.segments.join(", ")}`, `de segmenten van het model zijn ${ids.segments.join(", ")}`) });
    }
    const mt = cell("metric");
    const metric = (ACTUAL_METRICS as readonly string[]).includes(mt.text) ? (mt.text as ActualMetric) : undefined;
    if (!metric) {
      const s = suggest(mt.text, ACTUAL_METRICS);
      errors.push({ code: "UNKNOWN_METRIC", line, col: mt.col, message: t(`unknown metric '${mt.text}'`, `onbekende maatstaf '${mt.text}'`), hint: s ? t(`did you mean '${s}'?`, `bedoel je '${s}'?`) : t(`the metrics are ${ACTUAL_METRICS.join(", ")}`, `de maatstaven zijn ${ACTUAL_METRICS.join(", ")}`) });
    }
    const v = cell("value");
    const value = parseAmount(v.text, dutch);
    if (!value) {
      errors.push({ code: "BAD_VALUE", line, col: v.col, message: t(`'${v.text}' is not a number`, `'${v.text}' is geen getal`), hint: dutch ? t("a Dutch file writes 1.234,56 or € 1.234,56 (decimal comma)", "een Nederlands bestand schrijft 1.234,56 of € 1.234,56 (decimale komma)") : t("write 1234.56, 1,234.56 (quoted) or €1234.56 (decimal point)", "schrijf 1234.56, 1,234.56 (tussen aanhalingstekens) of €1234.56 (decimale punt)") });
    } else if (metric && COUNT_METRICS.has(metric) && value.isNegative()) {
      errors.push({ code: "NEGATIVE_COUNT", line, col: v.col, message: t(`${metric} cannot be negative (${v.text})`, `${metric} kan niet negatief zijn (${v.text})`), hint: t("a count of customers is zero or more", "een aantal klanten is nul of meer") });
    }
    if (errors.length > before || !period || !metric || !value) continue;
    const key = [period.text, ch.text, sg.text, metric].join("\u0000");
    const first = seen.get(key);
    if (first !== undefined) {
      errors.push({ code: "DUPLICATE_ROW", line, col: 1, message: t(`${metric} of ${period.text}/${ch.text || "-"}/${sg.text || "-"} is given twice (first on line ${first})`, `${metric} van ${period.text}/${ch.text || "-"}/${sg.text || "-"} staat er twee keer in (eerst op regel ${first})`), hint: t("keep one row: two values for the same cell would be ambiguous", "houd één rij: twee waarden voor dezelfde cel zijn dubbelzinnig") });
      continue;
    }
    seen.set(key, line);
    rows.push({ line, period, ...(ch.text ? { channel: ch.text } : {}), ...(sg.text ? { segment: sg.text } : {}), metric, value });
  }
  return errors.length > 0 ? { ok: false, errors } : { ok: true, dutch, rows };
}
