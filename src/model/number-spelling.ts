// Numbers written the Dutch (or English) way: `18.000` for eighteen thousand, `1,6M` for 1.6
// million. YAML reads `18.000` as the float 18 and splits `1,6M` inside a flow mapping into two
// entries, so the mistake is invisible once the document is built: it is found here, in the
// source text of each scalar, before the schema or the engine see a wrong value. Pure.
import { isMap, isScalar, isSeq, type Document, type Node } from "yaml";
import { error, type Issue, type PathSegment } from "./issues.js";
import { modelSchema } from "./schema.js";

/** The value type a field of the model takes, as far as a scalar written there goes. */
export type FieldKind = "money" | "count" | "percent" | "bound";

type SchemaNode = Readonly<Record<string, unknown>>;
const DEFS = modelSchema.$defs as unknown as Readonly<Record<string, SchemaNode>>;
const KIND_OF_DEF: Readonly<Record<string, FieldKind>> = {
  money: "money", count: "count", percent: "percent", bound: "bound",
  series_money: "money", series_count: "count", series_percent: "percent",
};

function refName(node: SchemaNode): string | undefined {
  const ref = node.$ref;
  return typeof ref === "string" ? ref.replace("#/$defs/", "") : undefined;
}

/** A schema node with its $ref followed, and every branch of its if/then/else. */
function alternatives(node: SchemaNode): SchemaNode[] {
  const out: SchemaNode[] = [];
  const todo: SchemaNode[] = [node];
  while (todo.length > 0) {
    let n = todo.pop()!;
    const name = refName(n);
    if (name && DEFS[name]) n = DEFS[name]!;
    out.push(n);
    for (const branch of ["then", "else"]) {
      const b = n[branch];
      if (b && typeof b === "object") todo.push(b as SchemaNode);
    }
  }
  return out;
}

function child(node: SchemaNode, segment: PathSegment): SchemaNode | null {
  const alts = alternatives(node);
  for (const alt of alts) {
    const properties = alt.properties as Record<string, SchemaNode> | undefined;
    if (typeof segment === "string" && properties?.[segment]) return properties[segment]!;
  }
  for (const alt of alts) {
    // A list is addressed by index in the file and by id in a scenario's `set` path.
    if (alt.items && typeof alt.items === "object") return alt.items as SchemaNode;
  }
  for (const alt of alts) {
    if (alt.additionalProperties && typeof alt.additionalProperties === "object") return alt.additionalProperties as SchemaNode;
  }
  return null;
}

/** A node's kind by its $ref, or (a value that may be a range: schema.ts orRange) its else branch's. */
function directKind(node: SchemaNode): FieldKind | null {
  const name = refName(node) ?? (node.else && typeof node.else === "object" ? refName(node.else as SchemaNode) : undefined);
  return name ? (KIND_OF_DEF[name] ?? null) : null;
}

function kindOfNode(node: SchemaNode): FieldKind | null {
  for (const alt of [node, ...alternatives(node)]) {
    const kind = directKind(alt) ?? (alt.items && typeof alt.items === "object" ? directKind(alt.items as SchemaNode) : null);
    if (kind) return kind;
  }
  return null;
}

/**
 * The kind of the scalar at `path` in a model file (null when it is not a number field, or the
 * path leads nowhere the schema knows). A scenario's `set` entry is resolved through its dotted
 * path, so `set: { channels.webshop.fixed_costs.platform: 420.000 }` is a money field too.
 */
export function fieldKind(path: readonly PathSegment[]): FieldKind | null {
  let node: SchemaNode | null = modelSchema as unknown as SchemaNode;
  let segments: readonly PathSegment[] = path;
  if (path[0] === "scenarios" && path[2] === "set" && typeof path[3] === "string") {
    segments = [...path[3].split("."), ...path.slice(4)];
  }
  for (const segment of segments) {
    node = child(node, segment);
    if (!node) return null;
  }
  // A series' own keys: `growth` is a percent, `start`/`from`/`to` have the series' kind.
  const last = segments.at(-1);
  const kind = kindOfNode(node);
  if (kind === null && last === "growth") return "percent";
  return kind;
}

// ---- spellings -------------------------------------------------------------------------------

/** `18.000`, `1.250.000`, `1.500k`: every dot followed by exactly three digits. */
const THOUSANDS = /^([-+]?)([1-9]\d{0,2}(?:\.\d{3})+)([kM]?)$/;
/** `1,250,000`: commas as thousands separators (two or more groups). */
const COMMA_THOUSANDS = /^([-+]?)(\d{1,3}(?:,\d{3}){2,})([kM%]?)$/;
/** `26,5%`, `1,6M`, `1.250,50`: a decimal comma, perhaps after dot-grouped thousands. */
const DECIMAL_COMMA = /^([-+]?)(\d{1,3}(?:\.\d{3})+|\d+),(\d+)([kM%]?)$/;

const AMOUNT_KINDS: ReadonlySet<FieldKind> = new Set(["money", "count", "bound"]);

/** "18k", "1.25M", or "" when the value has no short form. */
function shortForm(digits: string): string {
  const n = BigInt(digits);
  if (n >= 1_000_000n && n % 10_000n === 0n) return `${trimZeros(digits.slice(0, -6) + "." + digits.slice(-6))}M`;
  if (n >= 1000n && n % 1000n === 0n) return `${digits.slice(0, -3)}k`;
  return "";
}

const trimZeros = (s: string) => s.replace(/\.?0+$/, "");

export interface Misspelling {
  readonly issue: Issue;
  /** The source span the mistake covers: YAML errors inside it are consequences of it. */
  readonly span: readonly [number, number];
}

/**
 * What is wrong with `text`, a number as written in a field of `kind` (perhaps put back
 * together from the two entries YAML made of it), or null when nothing is.
 */
export function misspelledNumber(text: string, kind: FieldKind, path: readonly PathSegment[], offset: number): Issue | null {
  const thousands = THOUSANDS.exec(text);
  if (thousands && AMOUNT_KINDS.has(kind)) {
    const [, sign, grouped, suffix] = thousands as unknown as [string, string, string, string];
    const digits = grouped.replace(/\./g, "");
    const decimal = grouped.split(".").length === 2 ? trimZeros(grouped) : "";
    const short = suffix ? "" : shortForm(digits);
    return error("AMBIGUOUS_THOUSANDS", path, {
      value: text,
      thousands: `${sign}${digits}${suffix}`,
      underscored: `${sign}${grouped.replace(/\./g, "_")}${suffix}`,
      short: short ? `${sign}${short}` : "",
      decimal: decimal ? `${sign}${decimal}${suffix}` : "",
    }, { offset });
  }
  const commas = COMMA_THOUSANDS.exec(text);
  if (commas) {
    const [, sign, grouped, suffix] = commas as unknown as [string, string, string, string];
    return error("DECIMAL_COMMA", path, { value: text, corrected: `${sign}${grouped.replace(/,/g, "")}${suffix}`, alternative: "" }, { offset });
  }
  const comma = DECIMAL_COMMA.exec(text);
  if (comma) {
    const [, sign, whole, fraction, suffix] = comma as unknown as [string, string, string, string, string];
    const corrected = `${sign}${whole.replace(/\./g, "")}.${fraction}${suffix}`;
    // `1,250` may be English for one thousand two hundred and fifty.
    const alternative = /^\d{1,3}$/.test(whole) && fraction.length === 3 && suffix !== "%" ? `${sign}${whole}${fraction}${suffix}` : "";
    return error("DECIMAL_COMMA", path, { value: text, corrected, alternative }, { offset });
  }
  return null;
}

const SUSPECT = /\d[.,]\d/;

/**
 * Every number in a money, count, percent or bound field written with thousands dots or a
 * decimal comma, one issue each, at the number. Linear in the document; aliases are not
 * followed (a mistake is reported where it is written).
 */
export function findMisspelledNumbers(doc: Document, text: string): Misspelling[] {
  const found: Misspelling[] = [];
  // Paths are built only for the few suspect scalars, from parent links.
  interface Entry { readonly node: unknown; readonly key: PathSegment | null; readonly up: Entry | null; readonly parent: Node | null; readonly depth: number }
  const pathOf = (e: Entry): PathSegment[] => {
    const path: PathSegment[] = [];
    for (let x: Entry | null = e; x && x.key !== null; x = x.up) path.push(x.key);
    return path.reverse();
  };
  const stack: Entry[] = [{ node: doc.contents, key: null, up: null, parent: null, depth: 0 }];
  while (stack.length > 0) {
    const entry = stack.pop()!;
    const { node, parent, depth } = entry;
    if (depth > 64) continue; // parse.ts reports the nesting
    if (isMap(node)) {
      for (const pair of node.items) {
        if (isScalar(pair.key)) stack.push({ node: pair.value, key: String(pair.key.value), up: entry, parent: node, depth: depth + 1 });
      }
    } else if (isSeq(node)) {
      node.items.forEach((item, i) => stack.push({ node: item, key: i, up: entry, parent: node, depth: depth + 1 }));
    } else if (isScalar(node) && node.range && typeof node.source === "string" && (typeof node.value === "number" || typeof node.value === "string")) {
      const [start, end] = node.range;
      let written = node.source;
      let spanEnd = end;
      const split = parent && (parent as { flow?: boolean }).flow ? flowSplitAt(text, end, parent) : "";
      if (split) {
        written = `${written},${split}`;
        spanEnd = end + 1 + split.length;
      }
      if (!SUSPECT.test(written)) continue;
      const path = pathOf(entry);
      const kind = fieldKind(path);
      if (kind === null) continue;
      const issue = misspelledNumber(written, kind, path, start);
      if (issue) found.push({ issue, span: [start, spanEnd] });
    }
  }
  return found.sort((a, b) => a.span[0] - b.span[0]);
}

/**
 * In a flow collection, `26,5%` is two entries: `26` and `5%`. Returns the digits after the
 * comma when the text at `end` continues a number that way, else "". A list written without
 * spaces (`[10,20,30]`) is a list; a comma is a decimal comma when what follows has a unit
 * (`5%`, `6M`), would become a key without a value (in a mapping), or when the list
 * separates its other entries with ", ".
 */
function flowSplitAt(text: string, end: number, parent: Node): string {
  if (text[end] !== ",") return "";
  const m = /^(\d+[kM%]?)(?=\s*(?:[,}\]#]|$))/.exec(text.slice(end + 1, end + 40));
  if (!m) return "";
  const token = m[1]!;
  if (/[kM%]$/.test(token) || isMap(parent)) return token;
  const range = parent.range;
  return range && text.slice(range[0], range[1]).includes(", ") ? token : "";
}
