// JSON: a view's documented record tree (distplan.report/v1 and the like). A small JSON writer that prints Decimal figures as exact number literals ("32136000.00"), so
// no amount passes through a JavaScript float on its way out. Key order is insertion order.
import { fixed, type Decimal } from "../money/decimal.js";
import { Figure, Words, type Data } from "../views/document.js";
import { activeMessages } from "./text.js";
import { plainWords, DEFAULT_TERMINAL_OPTIONS } from "./table.js";
import type { Catalogue } from "./messages/en.js";

export class RawNumber {
  constructor(readonly text: string) {}
}
/** An amount with the currency's number of decimals (`places`: Projection.minorUnits; EUR 2). */
export const money = (d: Decimal, places = 2): RawNumber => new RawNumber(fixed(d, places));
export const ratio = (d: Decimal | null): RawNumber | null => (d === null ? null : new RawNumber(fixed(d, 4)));
export const count = (d: Decimal): RawNumber => new RawNumber(fixed(d, 2));

export type JsonValue = RawNumber | string | number | boolean | null | readonly JsonValue[] | { readonly [key: string]: JsonValue };

export function jsonText(value: JsonValue, indent = 2): string {
  return write(value, "", " ".repeat(indent)) + "\n";
}

function write(value: JsonValue, current: string, step: string): string {
  if (value instanceof RawNumber) return value.text;
  if (value === null) return "null";
  if (typeof value === "string" || typeof value === "boolean") return JSON.stringify(value);
  if (typeof value === "number") {
    if (!Number.isInteger(value)) throw new Error("jsonText: a non-integer number must be a RawNumber");
    return String(value);
  }
  const inner = current + step;
  if (Array.isArray(value)) {
    if (value.length === 0) return "[]";
    if (value.every((v) => v === null || typeof v !== "object" || v instanceof RawNumber)) {
      return `[${value.map((v) => write(v, inner, step)).join(", ")}]`;
    }
    return `[\n${value.map((v) => inner + write(v, inner, step)).join(",\n")}\n${current}]`;
  }
  const entries = Object.entries(value as Record<string, JsonValue>);
  if (entries.length === 0) return "{}";
  return `{\n${entries.map(([k, v]) => `${inner}${JSON.stringify(k)}: ${write(v, inner, step)}`).join(",\n")}\n${current}}`;
}

// ---- records ------------------------------------------------------------------------------------

function jsonValue(data: Data, messages: Catalogue): JsonValue {
  if (data instanceof Figure) {
    if (data.amount === null) return null;
    return data.kind === "ratio" ? ratio(data.amount) : data.kind === "count" ? count(data.amount) : money(data.amount, data.places);
  }
  if (data instanceof Words) return plainWords(data.text, { ...DEFAULT_TERMINAL_OPTIONS, messages });
  if (data === null || typeof data !== "object") return data;
  if (Array.isArray(data)) return data.map((d: Data) => jsonValue(d, messages));
  return Object.fromEntries(Object.entries(data as Record<string, Data>).map(([k, v]) => [k, jsonValue(v, messages)]));
}

/** A view's documented record tree as JSON text; figures written from their exact text. */
export function renderJson(data: Data, messages: Catalogue = activeMessages()): string {
  return jsonText(jsonValue(data, messages));
}
