// Structure: run the precompiled JSON Schema validator (allErrors) and turn its errors into
// issues with our own codes and wording. Several ajv errors can describe one mistake; we keep
// the most specific and drop the wrappers (if/then, propertyNames).
import validateSchema, { type SchemaError } from "./schema-validator.generated.cjs";
import { Decimal } from "../money/decimal.js";
import { modelSchema } from "./schema.js";
import { error, suggest, type Issue, type IssueCode, type PathSegment } from "./issues.js";

export function checkStructure(value: unknown): Issue[] {
  if (validateSchema(value)) return [];
  const issues: Issue[] = [];
  const seen = new Set<string>();
  for (const e of validateSchema.errors ?? []) {
    const issue = issueOfSchemaError(e, value);
    if (!issue) continue;
    const key = `${issue.code}|${issue.path.join("\u0000")}|${issue.atKey ? 1 : 0}`;
    if (seen.has(key)) continue;
    seen.add(key);
    issues.push(issue);
  }
  // A misspelled key is one mistake: `custmers:` is reported as unknown (did you mean
  // 'customers'?), not also as a missing 'customers'.
  const suggested = new Set(issues.filter((i) => i.code === "UNKNOWN_KEY" && i.args.suggestion).map((i) => [...i.path.slice(0, -1), i.args.suggestion].join("\u0000")));
  return issues.filter((i) => !(i.code === "MISSING_KEY" && suggested.has([...i.path, i.args.key].join("\u0000"))));
}

function pathOf(pointer: string, root: unknown): PathSegment[] {
  if (pointer === "") return [];
  const path: PathSegment[] = [];
  let node: unknown = root;
  for (const raw of pointer.slice(1).split("/")) {
    const segment = raw.replace(/~1/g, "/").replace(/~0/g, "~");
    if (Array.isArray(node)) {
      path.push(Number(segment));
      node = node[Number(segment)];
    } else {
      path.push(segment);
      node = node !== null && typeof node === "object" ? (node as Record<string, unknown>)[segment] : undefined;
    }
  }
  return path;
}

function describe(value: unknown): string {
  if (value === null || value === undefined) return "nothing";
  if (Array.isArray(value)) return "a list";
  if (typeof value === "object") return "a mapping";
  if (typeof value === "string") return `the text '${value.length > 40 ? value.slice(0, 40) + "…" : value}'`;
  return `${typeof value} ${String(value)}`;
}

/** A scalar as written; a mapping or list described (mappings have no prototype, so no toString). */
const scalarText = (value: unknown): string => (value !== null && typeof value === "object" ? describe(value) : String(value));

const EXPECTED: Record<string, string> = {
  object: "a mapping", array: "a list", string: "text", number: "a number", integer: "a whole number",
  "number,string": "a number", boolean: "true or false",
};

/** Which $defs entry (or top-level property) produced the error: decides the issue code. */
function definitionOf(schemaPath: string): string {
  const properties = [...schemaPath.matchAll(/\/properties\/([a-z_]+)\//g)];
  if (properties.length > 0) return properties.at(-1)![1]!;
  return /#\/\$defs\/([a-z_]+)\//.exec(schemaPath)?.[1] ?? "";
}

/** "segment 'smb' revenue_per_customer": a path as a person names it, with ids for list entries. */
export function where(path: readonly PathSegment[], root: unknown): string {
  if (path.length === 0) return "the model";
  let node: unknown = root;
  const names: string[] = [];
  for (const segment of path) {
    node = (node as Record<string | number, unknown>)?.[segment];
    const id = node && typeof node === "object" && !Array.isArray(node) ? (node as { id?: unknown }).id : undefined;
    if (typeof segment === "number") names.push(typeof id === "string" ? `'${id}'` : `[${segment}]`);
    else names.push(segment);
  }
  return names.join(" ").replace(/^segments /, "segment ").replace(/^channels /, "channel ");
}

function issueOfSchemaError(e: SchemaError, root: unknown): Issue | null {
  const path = pathOf(e.instancePath, root);
  const data = (e as { data?: unknown }).data;
  const def = definitionOf(e.schemaPath);
  const params = e.params;
  const named = (e as { propertyName?: unknown }).propertyName ?? params.propertyName;
  const propertyName = typeof named === "string" ? named : undefined;
  switch (e.keyword) {
    case "if":
    case "propertyNames":
      return null;
    case "additionalProperties": {
      const key = String(params.additionalProperty);
      const allowed = Object.keys(((e as { parentSchema?: { properties?: object } }).parentSchema?.properties) ?? {});
      // In a series mapping, a typo may aim at the other form's keys (`strat` for start).
      const candidates = allowed.some((k) => SERIES_KEYS.includes(k)) ? SERIES_KEYS : allowed;
      const suggestion = suggest(key, candidates);
      return error("UNKNOWN_KEY", [...path, key], { key, where: where(path, root), allowed: allowed.join(", "), suggestion: suggestion ?? "" }, { atKey: true });
    }
    case "required": {
      const key = String(params.missingProperty);
      return error("MISSING_KEY", path, { key, where: where(path, root), example: EXAMPLES[key] ?? "" });
    }
    case "type": {
      if (propertyName !== undefined) return null;
      const expected = EXPECTED[String(params.type)] ?? String(params.type);
      const seriesHint = def.startsWith("series") ? "a series is a value, a list with one value per year, { start, growth } or { from, to }" : "";
      return error("WRONG_TYPE", path, { expected, found: describe(data), hint: seriesHint });
    }
    case "pattern": {
      if (propertyName !== undefined) {
        const code: IssueCode = def === "set" ? "BAD_SCENARIO_PATH" : "BAD_ID";
        return error(code, [...path, propertyName], { value: propertyName, suggestion: idSuggestion(propertyName) }, { atKey: true });
      }
      const value = String(data);
      const pattern = String(params.pattern ?? "");
      const code = PATTERN_CODES[PATTERN_KINDS[pattern] ?? def] ?? "INVALID_VALUE";
      return error(code, path, { value, detail: `'${value}'`, suggestion: idSuggestion(value) });
    }
    case "minimum":
    case "maximum": {
      const value = Number(data);
      if (def === "percent") {
        const text = String(data);
        const asPercent = `${new Decimal(text).times(100).toFixed()}%`;
        const asFraction = new Decimal(text).dividedBy(100).toFixed();
        return error("PERCENT_AMBIGUOUS", path, { value: text, asPercent, asFraction });
      }
      if (def === "count") return error("NEGATIVE_VALUE", path, { field: String(path.at(-1) ?? "value"), value });
      const rule = e.keyword === "minimum" ? `at least ${String(params.limit)}` : `at most ${String(params.limit)}`;
      return error("OUT_OF_RANGE", path, { value, rule });
    }
    case "const":
      if (path.length === 1 && path[0] === "version") return error("BAD_VERSION", path, { value: scalarText(data) });
      return error("INVALID_VALUE", path, { detail: `expected ${JSON.stringify(params.allowedValue)}, found ${describe(data)}` });
    case "enum": {
      const allowed = (params.allowedValues as string[]) ?? [];
      return error("BAD_ENUM", path, { value: scalarText(data), allowed: allowed.join(", "), suggestion: typeof data === "string" ? (suggest(data, allowed) ?? "") : "" });
    }
    case "minItems":
    case "minProperties":
      if (Array.isArray(data) && !LISTS.has(String(path.at(-1)))) return error("BAD_SERIES", path, { detail: "an empty list" });
      return error("EMPTY_LIST", path, { what: String(path.at(-1) ?? "this"), item: ITEM_NAMES[String(path.at(-1))] ?? "entry" });
    case "minLength":
      return error("INVALID_VALUE", path, { detail: "this must not be empty" });
    case "maxItems":
      // The only list with a maximum: scenarios (schema.ts MAX_SCENARIOS).
      return error("TOO_MANY_SCENARIOS", path, { count: Array.isArray(data) ? data.length : 0, limit: Number(params.limit) });
    default:
      return error("INVALID_VALUE", path, { detail: e.message ?? e.keyword });
  }
}

const SERIES_KEYS = ["start", "growth", "from", "to"];

const PATTERN_CODES: Record<string, IssueCode> = {
  money: "BAD_MONEY", count: "BAD_COUNT", percent: "BAD_PERCENT", id: "BAD_ID", currency: "BAD_CURRENCY",
  years: "BAD_YEARS_SELECTOR", bound: "INVALID_VALUE",
};

/** Lists of entries (not series): an empty one is EMPTY_LIST. */
const LISTS = new Set(["segments", "channels", "scenarios", "allocate_by"]);

/** Which value type a failed pattern belongs to, whatever schema path ajv reports it under. */
const PATTERN_KINDS: Record<string, string> = Object.fromEntries(
  Object.entries(modelSchema.$defs)
    .filter(([, def]) => "pattern" in def)
    .map(([name, def]) => [(def as { pattern: string }).pattern, name]),
);

const ITEM_NAMES: Record<string, string> = { segments: "segment", channels: "channel", allocate_by: "channel share" };

const EXAMPLES: Record<string, string> = {
  version: "version: 1", name: "name: My plan 2027-2031", start_year: "start_year: 2027", segments: "a list of segments",
  channels: "a list of channels", mix: "mix: { smb: { partners: 100% } }", id: "id: smb", customers: "customers: 500",
  revenue_per_customer: "revenue_per_customer: 3600", gross_margin: "gross_margin: 45%", type: "type: direct",
  amount: "amount: 250000", allocate_by: "allocate_by: revenue", metric: "metric: net_profit",
  overlap: "overlap: 10%", compensation: "compensation: 5%", segment: "segment: smb", seller: "seller: direct", owner: "owner: partners",
};

function idSuggestion(value: string): string {
  if (value.length > MAX_SUGGESTED) return "";
  const s = value.toLowerCase().replace(/[^a-z0-9_-]+/g, "-").replace(/^[^a-z]+/, "").replace(/-+$/, "");
  return s && s !== value ? s : "";
}

/** No suggestion for a longer id: /-+$/ is quadratic in a run of dashes, and no id is this long. */
const MAX_SUGGESTED = 200;
