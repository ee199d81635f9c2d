// Value forms (docs/MODEL.md §1), parsed into Decimal. The JSON Schema has already checked each value's
// form, so these functions only convert; range and length rules live in normalize.ts.
import { Decimal, D, ONE } from "../money/decimal.js";
import type { MoneyInput, PercentInput, RangeFile, ScalarInput, SeriesInput } from "./types.js";

/**
 * A YAML number arrives as a JS double; parse.ts has verified that its shortest text is exactly
 * the written value, so going through String() loses nothing.
 */
const fromNumber = (n: number): Decimal => new Decimal(String(n));

/** The keys that make a mapping a range rather than a series form ({ start, growth }, { from, to }). */
export const RANGE_KEYS = ["low", "mode", "high", "p10", "p90"] as const;

/** Whether a value as written is a range ({ low, mode, high } or { p10, p90 }). */
export function isRange(value: unknown): value is RangeFile {
  return value !== null && typeof value === "object" && !Array.isArray(value) && RANGE_KEYS.some((k) => Object.hasOwn(value, k));
}

/**
 * A range's point value, which every figure of the plan uses: the mode, or the midpoint of p10
 * and p90 (exact). A range thus stands wherever a number does, and every command but `simulate`
 * sees only this value.
 */
export function rangePoint(range: RangeFile, parse: (v: ScalarInput) => Decimal): Decimal {
  if (range.mode !== undefined) return parse(range.mode);
  return parse(range.p10!).plus(parse(range.p90!)).dividedBy(2);
}

export function parseMoney(value: MoneyInput): Decimal {
  if (typeof value === "number") return fromNumber(value);
  if (isRange(value)) return rangePoint(value, parseMoney);
  const text = value.replace(/_/g, "");
  if (text.endsWith("k")) return D(text.slice(0, -1)).times(1000);
  if (text.endsWith("M")) return D(text.slice(0, -1)).times(1_000_000);
  return D(text);
}

export function parsePercent(value: PercentInput): Decimal {
  if (typeof value === "number") return fromNumber(value);
  if (isRange(value)) return rangePoint(value, parsePercent);
  return D(value.slice(0, -1)).dividedBy(100);
}

/** A check bound: a percent string is a fraction, anything else an amount. */
export function parseBound(value: MoneyInput): { value: Decimal; percent: boolean } {
  if (typeof value === "string" && value.endsWith("%")) return { value: parsePercent(value), percent: true };
  return { value: parseMoney(value), percent: false };
}

export type SeriesForm = "scalar" | "list" | "growth" | "line";

export function seriesForm(input: SeriesInput<unknown>): SeriesForm {
  if (Array.isArray(input)) return "list";
  if (input !== null && typeof input === "object" && !isRange(input)) return "start" in input ? "growth" : "line";
  return "scalar";
}

/**
 * Expand a series to one value per year. A list must already have the right length (checked by
 * the caller, which knows where to report it).
 */
export function expandSeries<T>(input: SeriesInput<T>, years: number, parse: (v: T) => Decimal): Decimal[] {
  const form = seriesForm(input);
  if (form === "list") return (input as T[]).map(parse);
  if (form === "growth") {
    const { start, growth } = input as { start: T; growth: PercentInput };
    const first = parse(start);
    const factor = ONE.plus(parsePercent(growth));
    return Array.from({ length: years }, (_, t) => first.times(factor.pow(t)));
  }
  if (form === "line") {
    const { from, to } = input as { from: T; to: T };
    const a = parse(from);
    const b = parse(to);
    if (years === 1) return [a];
    // (a·(n−1−t) + b·t) / (n−1): exact at both ends, one division per year.
    return Array.from({ length: years }, (_, t) => a.times(years - 1 - t).plus(b.times(t)).dividedBy(years - 1));
  }
  const v = parse(input as T);
  return Array.from({ length: years }, () => v);
}

/** "42%", the way a person writes a share, for messages. */
export function percentText(value: Decimal): string {
  return `${value.times(100).toDecimalPlaces(4, Decimal.ROUND_HALF_UP).toFixed()}%`;
}
