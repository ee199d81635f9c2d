// The report document: what a view shows, as plain typed data, before any format is chosen.
// A view builds one; every renderer in src/render/ takes any of them. Nothing here is formatted:
// money is a Decimal with its currency, a label is a message key, model text is kept as written
// (renderers escape it), and a number's digits, unit, colour, padding and language are decided
// by the renderer.
import type { Decimal } from "../money/decimal.js";
import type { MessageKey } from "./messages.js";

/** How a piece of text stands out; each renderer maps it (bold, dim, colour, `**`, nothing).
 *  signed: a figure whose sign matters (a loss stands out). */
export type Tone = "strong" | "muted" | "warning" | "good" | "bad" | "signed";

/** A value with a type, so each format can write it its own way. */
export type Value =
  /** exact: never scaled to a unit — "cents" always to the cent, "written" whole when whole (a bound as written). */
  | { readonly kind: "money"; readonly amount: Decimal; readonly exact?: "cents" | "written" }
  /** A ratio shown as a percentage (margins, shares); null when undefined (no revenue). `places`
   *  fixes the decimals where a figure is quoted alike in every format (a check result). */
  | { readonly kind: "percent"; readonly ratio: Decimal | null; readonly places?: number }
  /** A rate as people write it: 8%, 7.5% (the discount rate). */
  | { readonly kind: "rate"; readonly ratio: Decimal }
  /** A count (customers, partners) or a plain number; `places` decimals on a screen (default 0). */
  | { readonly kind: "count"; readonly amount: Decimal; readonly places?: number }
  /** A change against a reference; `better` says which way is good (null: no change). */
  | {
      readonly kind: "delta";
      readonly of: "money" | "count" | "points";
      readonly amount: Decimal;
      /** The change relative to the reference (0.049 = +4.9%), when it means something. */
      readonly ratio: Decimal | null;
      readonly better: boolean | null;
      /** Show the direction and the relative change beside the amount. */
      readonly full: boolean;
    }
  | { readonly kind: "spark"; readonly levels: readonly number[] }
  /** A bar of a tornado: its length as a share (0 to 1) of the longest, in eighths of a cell. */
  | { readonly kind: "bar"; readonly eighths: number }
  /** Shares of a whole per part (revenue mix per channel), in the parts' order. */
  | { readonly kind: "mix"; readonly parts: readonly { readonly id: string; readonly share: Decimal | null }[] }
  /** The abbreviation legend of a mix: "D direct · P partners". */
  | { readonly kind: "mixLegend"; readonly ids: readonly string[] }
  | { readonly kind: "year"; readonly year: number }
  /** Several years, written as ranges: 2027–2029, 2031. */
  | { readonly kind: "years"; readonly years: readonly number[] }
  /** A span of years, first to last (a horizon total). */
  | { readonly kind: "period"; readonly from: number; readonly to: number }
  /** A value that is absent (no figure for this cell): a dash. */
  | { readonly kind: "none" };

/** One piece of text: a message from the catalogue, model text as written, or a value. */
export type Piece =
  | { readonly msg: MessageKey; readonly args?: Readonly<Record<string, Text>>; readonly tone?: Tone }
  /** Text from the model file (names, ids, descriptions): renderers escape it. `code` = an identifier. */
  | { readonly raw: string; readonly tone?: Tone; readonly code?: boolean }
  | { readonly value: Value; readonly tone?: Tone; readonly best?: boolean }
  /** The unit the enclosing section's money is shown in (" thousands"), or nothing. */
  | { readonly unit: true };
export type Text = readonly Piece[];

export type Row = {
  /** line, subtotal, total: figures; delta: a change under the line above; head: column titles. */
  readonly role: "head" | "line" | "subtotal" | "total" | "delta" | "note";
  readonly cells: readonly Text[];
  /** Nesting of the row's first cell under the row above (a segment under its channel). */
  readonly indent?: number;
};

export interface Column {
  readonly align: "left" | "right";
}

export interface Table {
  readonly columns: readonly Column[];
  readonly rows: readonly Row[];
  /** Split into column blocks that fit the width, repeating the first `fixed` columns. (A
   *  terminal splits any table wider than its width; `split` says the table may be split even
   *  when it would fit, by year blocks of a report.) */
  readonly split: boolean;
  readonly fixed: number;
  /** Columns after the fixed ones that belong together (a figure and its change): a split
   *  keeps each run of `group` columns in one block. */
  readonly group?: number;
}

export type Block =
  | { readonly kind: "heading"; readonly text: Text; readonly tone?: Tone }
  /** A paragraph, wrapped to the width; continuation lines start with `indent` in a terminal. */
  | { readonly kind: "paragraph"; readonly text: Text; readonly tone?: Tone; readonly indent?: string; readonly wrap?: boolean }
  /** Notes a reader must not miss (warnings, failing checks), one per item. */
  | { readonly kind: "notes"; readonly items: readonly Text[]; readonly tone: Tone; readonly wrap: boolean }
  | { readonly kind: "list"; readonly items: readonly Text[] }
  | { readonly kind: "table"; readonly table: Table }
  /** A line of the model file, with the column an issue points at. */
  | { readonly kind: "source"; readonly line: number; readonly col: number; readonly text: string }
  /** A break between parts, where a terminal leaves an empty line. */
  | { readonly kind: "gap" }
  /** A group of blocks whose money shares one unit, chosen to fit `scale`. */
  | { readonly kind: "section"; readonly scale: readonly Decimal[]; readonly blocks: readonly Block[] }
  /** A chart with the figures it shows (#16): drawn by the HTML renderer (SVG plus the data as a
   *  table); formats that cannot draw leave it out. */
  | { readonly kind: "chart"; readonly chart: Chart };

/** One coloured series of a chart: a value per category (null: no figure). */
export interface ChartSeries {
  readonly label: Text;
  readonly values: readonly (Decimal | null)[];
}

/** A chart's data. stacked: a category's series on top of each other (parts of a whole);
 *  grouped: side by side, a negative value below the axis; tornado: one horizontal row per
 *  category, each series a bar from `base` to its value. Figures are the engine's, footed. */
export interface Chart {
  readonly type: "stacked" | "grouped" | "tornado";
  /** tornado: the value every bar starts from (the metric as planned). */
  readonly base?: Decimal;
  readonly title: Text;
  /** One sentence saying what the chart shows, for readers who cannot see it. */
  readonly description: Text;
  /** What a value is: money in the document's currency, or a ratio shown as a percentage. */
  readonly value: "money" | "percent";
  readonly categories: readonly Text[];
  readonly series: readonly ChartSeries[];
  /** Under each category, a remark (its change against base), or none. */
  readonly notes?: readonly Text[];
}

export interface ReportDocument {
  readonly blocks: readonly Block[];
  /** Decimals of the currency's minor unit (2 for EUR, 0 for JPY, 3 for KWD): money shown
   *  exactly is shown with this many. Absent: 2. */
  readonly minorUnits?: number;
}

// ---- small builders, so views read like what they show -----------------------------------------
export const msg = (key: MessageKey, args?: Readonly<Record<string, Text | string>>, tone?: Tone): Piece => {
  // Built field by field: a view may make one per row of 100,000 (the tier review), and spreads
  // and Object.entries cost allocations there.
  const piece: { msg: MessageKey; args?: Record<string, Text>; tone?: Tone } = { msg: key };
  if (args) {
    const texts: Record<string, Text> = {};
    for (const name of Object.keys(args)) {
      const v = args[name]!;
      texts[name] = typeof v === "string" ? [{ raw: v }] : v;
    }
    piece.args = texts;
  }
  if (tone) piece.tone = tone;
  return piece;
};
export const raw = (text: string, tone?: Tone): Piece => (tone ? { raw: text, tone } : { raw: text });
export const code = (text: string): Piece => ({ raw: text, code: true });
export const val = (value: Value, tone?: Tone): Piece => (tone ? { value, tone } : { value });
export const money = (amount: Decimal): Value => ({ kind: "money", amount });
export const none: Value = { kind: "none" };
export const text = (...pieces: Piece[]): Text => pieces;

// ---- records: the figures themselves, for the machine formats -------------------------------------
/** An exact figure in a record: money in the currency's minor unit (`places`: 2 for EUR, 0 for
 *  JPY, 3 for KWD), counts to 2 decimals, ratios to 4; null if undefined. */
export class Figure {
  constructor(readonly kind: "money" | "ratio" | "count", readonly amount: Decimal | null, readonly places = 2) {}
}
/** Words in a record (a warning's message), written in the catalogue's language, without tones. */
export class Words {
  constructor(readonly text: Text) {}
}
/** A documented record tree (distplan.report/v1 and the like): key order is insertion order. */
export type Data = Figure | Words | string | number | boolean | null | readonly Data[] | { readonly [key: string]: Data };
/** Tidy records: one row per observation, named columns. */
export interface Dataset {
  readonly columns: readonly string[];
  readonly rows: readonly (readonly (Figure | string)[])[];
}
