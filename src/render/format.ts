// Shared presentation helpers: number text, units, colour. Pure. Formatting rounds footed
// figures for display; it never derives a figure (renderers never compute).
import { Decimal, fixed } from "../money/decimal.js";

/** Colour is decided once by the CLI and passed in; `plainPaint` is the no-colour palette. */
export interface Paint {
  readonly red: (s: string) => string;
  readonly green: (s: string) => string;
  readonly yellow: (s: string) => string;
  readonly dim: (s: string) => string;
  readonly bold: (s: string) => string;
}
const identity = (s: string) => s;
export const plainPaint: Paint = { red: identity, green: identity, yellow: identity, dim: identity, bold: identity };

/** The unit money is shown in; "bn" is chosen only by `auto`, for figures too wide in millions. */
export type Unit = "1" | "k" | "M" | "bn";
/** Multiplying by 0.001 is exact, like dividing by 1000, and several times cheaper. */
const UNIT_FACTOR: Record<Unit, Decimal> = { "1": new Decimal(1), k: new Decimal("0.001"), M: new Decimal("0.000001"), bn: new Decimal("0.000000001") };

export interface NumberStyle {
  readonly group: string;
  readonly decimal: string;
}
export const PLAIN_STYLE: NumberStyle = { group: ",", decimal: "." };

/**
 * The separators of the locales people mostly ask for, as Intl gives them (a test keeps them
 * equal): the first Intl.NumberFormat of a process loads ICU's data, about 15 ms of a 70 ms run.
 */
export const KNOWN_STYLES: Readonly<Record<string, NumberStyle>> = {
  nl: { group: ".", decimal: "," }, "nl-NL": { group: ".", decimal: "," }, "nl-BE": { group: ".", decimal: "," },
  de: { group: ".", decimal: "," }, "de-DE": { group: ".", decimal: "," },
  en: PLAIN_STYLE, "en-US": PLAIN_STYLE, "en-GB": PLAIN_STYLE,
};

/** Separators of a BCP 47 locale ("nl-NL" → "." and ","), learnt from Intl on an integer. */
export function numberStyle(locale: string | undefined): NumberStyle {
  if (!locale) return PLAIN_STYLE;
  const known = Object.hasOwn(KNOWN_STYLES, locale) ? KNOWN_STYLES[locale] : undefined;
  if (known) return known;
  const parts = new Intl.NumberFormat(locale, { minimumFractionDigits: 1 }).formatToParts(12345);
  const group = parts.find((p) => p.type === "group")?.value ?? ",";
  const decimal = parts.find((p) => p.type === "decimal")?.value ?? ".";
  return { group: group.replace(/\u202f|\u00a0/g, " "), decimal };
}

/** "1234567.891" → "1,234,567.89" with `places` decimals; exact, from the Decimal's text. */
export function groupDigits(value: Decimal, places: number, style: NumberStyle = PLAIN_STYLE): string {
  const text = fixed(value, places);
  const negative = text.startsWith("-");
  const [whole, frac] = (negative ? text.slice(1) : text).split(".") as [string, string | undefined];
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, style.group);
  return `${negative ? "-" : ""}${grouped}${frac !== undefined ? style.decimal + frac : ""}`;
}

export function scaled(value: Decimal, unit: Unit, style: NumberStyle = PLAIN_STYLE, places = 0): string {
  return groupDigits(value.times(UNIT_FACTOR[unit]), places, style);
}

/**
 * Decimals that keep two significant digits of the smallest non-zero figure in `unit`
 * (1,500,000 in millions: 1 decimal, "1.5"; 40,000 in millions: 2, "0.04"); 0 in units of one
 * and when every figure has two digits before the mark. At most 6, the places of a millionth.
 */
export function unitPlaces(values: Iterable<Decimal>, unit: Unit): number {
  if (unit === "1") return 0;
  let smallest: Decimal | null = null;
  for (const v of values) if (!v.isZero() && (smallest === null || v.abs().lessThan(smallest))) smallest = v.abs();
  if (smallest === null) return 0;
  const inUnit = smallest.times(UNIT_FACTOR[unit]);
  if (inUnit.greaterThanOrEqualTo(10)) return 0;
  // A figure below 10 has its first digit at 10^e (e = floor(log10)); two digits end at 10^(e-1).
  const exponent = inUnit.e;
  return Math.min(6, Math.max(0, 1 - exponent));
}

/** The smallest unit in which every figure fits in `digits` digits. */
export function autoUnit(values: Iterable<Decimal>, digits = 7): Unit {
  let max = new Decimal(0);
  for (const v of values) if (v.abs().greaterThan(max)) max = v.abs();
  const limit = new Decimal(`1e${digits}`);
  if (max.lessThan(limit)) return "1";
  if (max.times(UNIT_FACTOR.k).lessThan(limit)) return "k";
  if (max.times(UNIT_FACTOR.M).lessThan(limit)) return "M";
  return "bn";
}

/** A ratio as a percentage with one decimal: 0.0533 → "5.3%"; null → "–". */
export function percent(value: Decimal | null, places = 1, style: NumberStyle = PLAIN_STYLE): string {
  if (value === null) return "–";
  return `${groupDigits(value.times(100), places, style)}%`;
}

/** A rate as people write it: 8%, 7.5%, 10% (one decimal, dropped when it is zero). */
export function shortPercent(value: Decimal, style: NumberStyle = PLAIN_STYLE): string {
  return percent(value, 1, style).replace(/[.,]0%$/, "%");
}

/** Years as ranges: [2027, 2028, 2029, 2031] → "2027–2029, 2031". */
export function yearRanges(years: readonly number[]): string {
  const ys = [...years].sort((a, b) => a - b);
  const ranges: string[] = [];
  for (let i = 0; i < ys.length; i++) {
    let j = i;
    while (j + 1 < ys.length && ys[j + 1] === ys[j]! + 1) j++;
    ranges.push(i === j ? String(ys[i]) : `${ys[i]}–${ys[j]}`);
    i = j;
  }
  return ranges.join(", ");
}

export function signedPercent(value: Decimal | null, places = 1, style: NumberStyle = PLAIN_STYLE): string {
  if (value === null) return "–";
  const text = percent(value, places, style);
  return value.isPositive() && !value.isZero() && !/^0[.,]0+%$/.test(text) ? `+${text}` : text;
}

export function signed(text: string): string {
  return text.startsWith("-") || /^0([.,]0+)?$/.test(text) ? text : `+${text}`;
}

// eslint-disable-next-line no-control-regex
const ANSI = /\u001b\[[0-9;]*m/g;
/** Characters a terminal shows: colour codes take no room, a surrogate pair is one character. */
export const visibleLength = (s: string) => (/[\u001b\ud800-\udfff]/.test(s) ? [...s.replace(ANSI, "")].length : s.length);

// Control characters (C0, DEL, C1) and the bidirectional overrides: model text may hold them
// (YAML's "\e" escape), and a terminal would obey them (retitle the window, clear the screen).
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;
const CONTROL_NAMES: Readonly<Record<string, string>> = {
  "\u0000": "\\0", "\u0007": "\\a", "\b": "\\b", "\t": "\\t", "\n": "\\n", "\v": "\\v", "\f": "\\f", "\r": "\\r", "\u001b": "\\e",
};

/** Model text made harmless for a terminal: each control character written as its escape (\e, \n, \u0085). */
const HAS_CONTROL = new RegExp(CONTROL.source);
export function visibleControls(s: string, keep = ""): string {
  if (!HAS_CONTROL.test(s)) return s; // the common case: nothing to escape, no new string
  return s.replace(CONTROL, (c) => (keep.includes(c) ? c : (CONTROL_NAMES[c] ?? `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`)));
}

/** Model text for Markdown: a line break or tab is a space (so a heading or row holds), other controls escaped. */
export function mdText(s: string): string {
  return visibleControls(s.replace(/\r\n|[\r\n\t]/g, " "));
}

/** A Markdown table cell: controls neutralised and each pipe escaped, once. */
export function mdEscape(s: string): string {
  return mdText(s).replace(/\|/g, "\\|");
}

/** Word-wrap plain text to `width` columns; continuation lines start with `indent`. */
/**
 * Text in lines of at most `width` visible characters, broken at spaces; continuation lines
 * start with `indent`. A word longer than a line is cut (a long path, a YAML value without
 * spaces). Line breaks in the text are kept.
 */
export function wrap(text: string, width: number, indent = "  "): string {
  if (visibleLength(text) <= width && !text.includes("\n")) return text;
  const lines: string[] = [];
  for (const paragraph of text.split("\n")) {
    const lead = /^ */.exec(paragraph)![0];
    let line = lead;
    let fresh = true; // the line holds only its lead or indent so far
    const put = (word: string) => {
      line = fresh ? line + word : `${line} ${word}`;
      fresh = false;
    };
    const room = () => width - visibleLength(line) - (fresh ? 0 : 1);
    for (let word of paragraph.slice(lead.length).split(" ")) {
      if (!fresh && visibleLength(word) > room()) {
        lines.push(line);
        line = indent;
        fresh = true;
      }
      // A word that cannot fit a line of its own is cut into pieces that do (not a coloured one).
      while (visibleLength(word) > room() && room() > 8 && !word.includes("\u001b")) {
        const r = room();
        put(word.slice(0, r));
        word = word.slice(r);
        lines.push(line);
        line = indent;
        fresh = true;
      }
      put(word);
    }
    lines.push(line);
  }
  return lines.join("\n");
}

// #12 --ascii: every glyph as ASCII, so `--ascii` output is bytes below 128.
const ASCII_GLYPHS: Readonly<Record<string, string>> = {
  "Δ": "vs", "→": "->", "≥": ">=", "≤": "<=", "\u26a0\ufe0f": "!", "\u26a0": "!", "·": "-", "–": "-", "—": "-", "▲": "^", "▼": "v",
  "★": "*", "✓": "ok", "✗": "x", "✅": "ok", "❌": "x", "…": "...", "×": "x", "€": "EUR", "‘": "'", "’": "'", "“": '"', "”": '"',
};
const NON_ASCII = /\u26a0\ufe0f|[^\u0000-\u007f]/gu;

/** Text as ASCII: known glyphs by their ASCII spelling, accents dropped (é → e), anything else "?". */
export function asciiText(s: string): string {
  return s.replace(NON_ASCII, (c) => ASCII_GLYPHS[c] ?? (c.normalize("NFKD").replace(/[\u0300-\u036f]/g, "").replace(/[^\u0000-\u007f]/g, "?") || "?"));
}
