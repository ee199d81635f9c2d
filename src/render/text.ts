// What every renderer shares: turning a document's text (messages, model text, typed values)
// into a string. Each format supplies a Writer that knows its own syntax and number style.
import type { Piece, Text, Tone, Value } from "../views/document.js";
import type { Decimal } from "../money/decimal.js";
import { en, type Catalogue } from "./messages/en.js";
import { groupDigits, percent, shortPercent, signed, signedPercent, type NumberStyle } from "./format.js";

export interface Writer {
  readonly messages: Catalogue;
  value(value: Value): string;
  /** Model text as written, escaped for the format; `code` marks an identifier. */
  raw(text: string, code: boolean): string;
  paint(text: string, tone: Tone | undefined): string;
  /** The mark beside a figure that is best (or the blank that keeps a column aligned). */
  best(best: boolean): string;
  /** The unit word of the section being written (" thousands"), or "". */
  unit(): string;
}

let active: Catalogue = en;

/** The catalogue a renderer uses when none is given: the language the CLI chose (--lang). */
export const activeMessages = (): Catalogue => active;

/** Set by the CLI once, before anything renders; English until then. */
export function useMessages(catalogue: Catalogue): void {
  active = catalogue;
}

/** A text as one string; `prefix` goes inside the first piece's tone (an indented label). */
export function words(text: Text, w: Writer, prefix = ""): string {
  let out = "";
  text.forEach((p, i) => {
    out += piece(p, w, i === 0 ? prefix : "");
  });
  return out || prefix;
}

function piece(p: Piece, w: Writer, prefix: string): string {
  if ("msg" in p) return w.paint(prefix + fill(w.messages[p.msg], p.args, w), p.tone);
  if ("raw" in p) return w.paint(prefix + w.raw(p.raw, p.code === true), p.tone);
  if ("value" in p) return w.paint(prefix + w.value(p.value), p.tone) + (p.best === undefined ? "" : w.best(p.best));
  return prefix + w.unit();
}

/** "{model} · {what}" with each {name} replaced by its argument, written by the same writer. */
export function fill(template: string, args: Readonly<Record<string, Text>> | undefined, w: Writer): string {
  if (!args) return template;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const arg = args[name];
    return arg === undefined ? whole : words(arg, w);
  });
}

/** Short abbreviations that tell ids apart: direct, partners, webshop → D, P, W. */
export function abbreviations(ids: readonly string[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const id of ids) {
    let len = 1;
    while (ids.some((o) => o !== id && o.slice(0, len) === id.slice(0, len)) && len < id.length) len++;
    out[id] = id.slice(0, len).charAt(0).toUpperCase() + id.slice(1, len);
  }
  return out;
}

/** Money never scaled to a unit: to the minor unit (`places`: the cent for EUR), or as written
 *  (whole when whole). */
export function exactMoney(amount: Decimal, exact: "cents" | "written", style: NumberStyle, places = 2): string {
  return groupDigits(amount, exact === "written" && amount.isInteger() ? 0 : places, style);
}

/** A figure as the page formats (Markdown, HTML) write it: money to the minor unit (`places`),
 *  counts and percentages to two decimals, rates as people write them. */
export function pageFigure(v: Extract<Value, { kind: "money" | "percent" | "rate" | "count" }>, style: NumberStyle, places: number): string {
  switch (v.kind) {
    case "money": return v.exact ? exactMoney(v.amount, v.exact, style, places) : groupDigits(v.amount, places, style);
    case "percent": return v.ratio === null ? "–" : percent(v.ratio, v.places ?? 2, style);
    case "rate": return shortPercent(v.ratio, style);
    case "count": return groupDigits(v.amount, 2, style);
  }
}

const EIGHTHS = ["", "▏", "▎", "▍", "▌", "▋", "▊", "▉"];

/** A horizontal bar of `eighths` eighths of a character: full blocks and one partial block. */
export function bar(eighths: number, ascii: boolean): string {
  const whole = Math.floor(eighths / 8);
  return ascii ? "#".repeat(Math.round(eighths / 8)) : "█".repeat(whole) + EIGHTHS[eighths % 8]!;
}

/** A change as the page formats write it: signed, and its relative change when `full`. */
export function pageDelta(v: Extract<Value, { kind: "delta" }>, style: NumberStyle, places: number, messages: Catalogue = active): string {
  const main = v.of === "points" ? `${signed(groupDigits(v.amount.times(100), 2, style))} ${messages["unit.points"]}` : signed(groupDigits(v.amount, v.of === "money" ? places : 2, style));
  return v.full && v.ratio ? `${main} (${signedPercent(v.ratio, 1, style)})` : main;
}
