// An issue is data: a code, a path into the file, and arguments. Wording lives here, one template
// per code; the location (file:line:col) is resolved from the path when the issue is printed.
// Tests assert codes and positions, never wording.

export type PathSegment = string | number;
export type Path = readonly PathSegment[];
export type Severity = "error" | "warning";
export type Args = Readonly<Record<string, string | number>>;

export interface Issue {
  readonly code: IssueCode;
  readonly severity: Severity;
  /** Where in the YAML document the issue is: keys and list indices from the root. */
  readonly path: Path;
  /** Point at the key of the last path segment rather than its value. */
  readonly atKey?: boolean;
  readonly args: Args;
  /** Set when the issue appears only with a scenario applied. */
  readonly scenario?: string;
  /** For YAML-level issues that have no node: a 0-based character offset. */
  readonly offset?: number;
}

export interface Template {
  readonly message: (a: Args) => string;
  readonly hint: (a: Args) => string;
}

/** "a, b or c", leaving out empty entries. */
const orList = (items: readonly (string | number | undefined)[]): string => {
  const xs = items.filter((x) => x !== undefined && x !== "").map(String);
  return xs.length <= 1 ? (xs[0] ?? "") : `${xs.slice(0, -1).join(", ")} or ${xs.at(-1)}`;
};

const SERIES_FORMS = "a value, one value per year [a, b, …], { start: V, growth: G% } or { from: A, to: B }";

export const TEMPLATES = {
  // --- reading the file ---
  FILE_NOT_FOUND: { message: (a) => `cannot read ${a.file}: ${a.reason}`, hint: () => "run 'distplan init' to create a model, or pass the path of one (see examples/ in the distplan package)" },
  FILE_IS_DIRECTORY: { message: (a) => `${a.file} is a directory, not a model file`, hint: (a) => `pass a model file inside it, such as ${a.example}` },
  FILE_NOT_READABLE: { message: (a) => `cannot read ${a.file}: ${a.reason}`, hint: () => "check the file's permissions, or pass another model file" },
  FILE_TOO_LARGE: { message: (a) => `the file is ${a.size === undefined ? `larger than ${a.limit}` : a.size} bytes; a model may be at most ${a.limit} bytes`, hint: () => "a distribution plan is a few kilobytes; check that this is the model you meant" },
  NOT_UTF8: {
    message: (a) => (a.byte ? `the file is not valid UTF-8 text: byte ${a.byte} here does not belong to a UTF-8 character` : "the file is not valid UTF-8 text"),
    hint: (a) => `save the model as UTF-8 (most editors: 'Save with encoding')${a.encoding ? `; byte ${a.byte} is '${a.char}' in ${a.encoding}, so the file was probably saved as ${a.encoding}` : ""}`,
  },
  UTF16_FILE: { message: (a) => `the file is UTF-16 text (${a.order}), not UTF-8`, hint: () => "save the model as UTF-8 (most editors: 'Save with encoding'; Notepad: 'UTF-8')" },
  BINARY_FILE: { message: () => "the file contains NUL bytes: it looks binary, not YAML", hint: () => "pass a YAML model file" },
  EMPTY_FILE: { message: () => "the model file is empty", hint: () => "run 'distplan init' to write a first model" },
  YAML_SYNTAX: {
    message: (a) => `YAML: ${a.detail}`,
    hint: (a) => `${a.hint || "fix the YAML syntax at this position (indentation, a missing ':' or an unclosed quote or bracket are usual causes)"}${Number(a.suppressed) > 0 ? `; ${a.suppressed} later YAML error${a.suppressed === 1 ? "" : "s"} follow${a.suppressed === 1 ? "s" : ""} from this one and ${a.suppressed === 1 ? "is" : "are"} not shown` : ""}`,
  },
  DUPLICATE_KEY: { message: (a) => `the key '${a.key}' appears twice in this mapping`, hint: () => "keep one of them: YAML would silently use the last" },
  ALIAS_LIMIT: { message: () => "too many YAML alias expansions (an alias bomb?)", hint: () => "write the values out, or use fewer nested aliases" },
  TOO_DEEP: { message: (a) => `the document nests more than ${a.limit} levels deep`, hint: () => "a model needs at most a handful of levels; check for runaway brackets" },
  UNKNOWN_TAG: { message: (a) => `unknown YAML tag ${a.tag}`, hint: () => "remove the tag: a model uses plain YAML values only" },
  MULTIPLE_DOCUMENTS: { message: () => "the file holds more than one YAML document", hint: () => "keep one model per file (remove the '---' separator)" },
  ROOT_NOT_MAPPING: { message: (a) => `the model must be a mapping of keys, not ${a.found}`, hint: () => "start with 'version: 1' and 'name: …' at the top level (see 'distplan init')" },
  // --- structure (JSON Schema) ---
  UNKNOWN_KEY: { message: (a) => `unknown key '${a.key}'${a.where ? ` in ${a.where}` : ""}`, hint: (a) => (a.suggestion ? `did you mean '${a.suggestion}'?` : `allowed here: ${a.allowed}`) },
  MISSING_KEY: { message: (a) => `missing required key '${a.key}'${a.where ? ` in ${a.where}` : ""}`, hint: (a) => `add '${a.key}: …'${a.example ? ` (for example ${a.example})` : ""}` },
  WRONG_TYPE: { message: (a) => `expected ${a.expected}, found ${a.found}`, hint: (a) => a.hint ? String(a.hint) : `write ${a.expected} here` },
  BAD_MONEY: { message: (a) => `'${a.value}' is not an amount`, hint: () => 'write a number (1400000 or 1400000.50) or a string with "_" separators and an optional k or M suffix ("1.4M", "1_400_000")' },
  BAD_COUNT: { message: (a) => `'${a.value}' is not a count of customers`, hint: () => 'write a non-negative number (120, 12.5) or a string like "1.2k"' },
  BAD_PERCENT: { message: (a) => `'${a.value}' is not a percentage`, hint: () => 'write "42%" or the fraction 0.42' },
  PERCENT_AMBIGUOUS: { message: (a) => `${a.value} in a percent field means ${a.asPercent}`, hint: (a) => `${a.value} means ${a.asPercent}; write ${a.value}% or ${a.asFraction}` },
  BAD_ID: { message: (a) => `'${a.value}' is not a valid id`, hint: (a) => `ids are lowercase: a letter, then letters, digits, '_' or '-'${a.suggestion ? ` (e.g. '${a.suggestion}')` : ""}` },
  BAD_ENUM: { message: (a) => `'${a.value}' is not one of ${a.allowed}`, hint: (a) => (a.suggestion ? `did you mean '${a.suggestion}'?` : `use one of ${a.allowed}`) },
  BAD_VERSION: { message: (a) => `format version ${a.value} is not supported`, hint: () => "this distplan reads format version 1: write 'version: 1'" },
  UNKNOWN_CURRENCY: { message: (a) => `'${a.value}' is not an active ISO 4217 currency code`, hint: (a) => (a.suggestion ? `did you mean '${a.suggestion}'?` : "use the three-letter code of a currency, such as EUR, USD or GBP") },
  BAD_CURRENCY: { message: (a) => `'${a.value}' is not an ISO 4217 currency code`, hint: () => "use three capital letters, such as EUR, USD or GBP" },
  OUT_OF_RANGE: { message: (a) => `${a.value} is out of range: ${a.rule}`, hint: (a) => `use a value ${a.rule}` },
  BAD_SERIES: { message: (a) => `this is not a valid series: ${a.detail}`, hint: () => `a series is ${SERIES_FORMS}` },
  EMPTY_LIST: { message: (a) => `${a.what} must not be empty`, hint: (a) => `add at least one ${a.item}` },
  BAD_SCENARIO_PATH: { message: (a) => `'${a.value}' is not a model path`, hint: () => "write a dotted path such as channels.webshop.fixed_costs.platform or mix.smb.webshop" },
  BAD_YEARS_SELECTOR: { message: (a) => `'${a.value}' is not a year selector`, hint: () => 'write all, last, a year (2029) or a range ("2029..2031")' },
  AMBIGUOUS_THOUSANDS: {
    message: (a) => (a.decimal
      ? `${a.value} reads as ${a.decimal}, but with '.' as a thousands separator (Dutch) it means ${a.thousands}`
      : `${a.value} uses '.' as a thousands separator (${a.thousands}); distplan reads a dot as the decimal mark`),
    hint: (a) => `for ${a.thousands} write ${orList([a.thousands, a.underscored, a.short])}` +
      (a.decimal ? `; for ${a.decimal} write ${a.decimal}${String(a.decimal).includes(".") ? "" : ` or "${a.decimal}.0"`}` : ""),
  },
  DECIMAL_COMMA: {
    message: (a) => `${a.value} has a comma: distplan reads '.' as the decimal mark, and no thousands separator but '_'`,
    hint: (a) => `write ${a.corrected}${a.alternative ? ` (or ${a.alternative} if the comma separates thousands)` : ""}`,
  },
  NUMBER_NOT_EXACT: { message: (a) => `the number ${a.source} has more digits than can be read exactly`, hint: (a) => `write it as a string: "${a.source}"` },
  INVALID_VALUE: { message: (a) => `invalid value: ${a.detail}`, hint: () => "see 'distplan schema' for the model format" },
  // --- meaning ---
  DUPLICATE_ID: { message: (a) => `the id '${a.id}' is used twice in ${a.list}`, hint: (a) => `ids must be unique within ${a.list}; rename one of them` },
  UNKNOWN_SEGMENT: { message: (a) => `unknown segment '${a.id}'`, hint: (a) => (a.suggestion ? `did you mean '${a.suggestion}'?` : `segments are: ${a.known}`) },
  UNKNOWN_CHANNEL: { message: (a) => `unknown channel '${a.id}'`, hint: (a) => (a.suggestion ? `did you mean '${a.suggestion}'?` : `channels are: ${a.known}`) },
  UNKNOWN_SCENARIO: { message: (a) => `unknown scenario '${a.id}'`, hint: (a) => (a.suggestion ? `did you mean '${a.suggestion}'?` : `scenarios are: ${a.known}`) },
  MIX_MISSING: { message: (a) => `segment '${a.segment}' has no channel mix`, hint: (a) => `add 'mix: { ${a.segment}: { <channel>: 100% } }'` },
  MIX_NOT_100: { message: (a) => `the mix for '${a.segment}' sums to ${a.sum} in ${a.year}`, hint: () => "each segment's channel shares must add up to exactly 100% in every year" },
  SERIES_LENGTH: { message: (a) => `this list has ${a.found} values; the horizon has ${a.years} years`, hint: (a) => `give exactly one value per year (${a.years}), or a single value for all years` },
  NEGATIVE_VALUE: { message: (a) => `${a.field} must not be negative (found ${a.value}${a.year ? ` in ${a.year}` : ""})`, hint: () => "use zero or a positive value" },
  PERCENT_OVER_100: { message: (a) => `${a.field} is ${a.value}${a.year ? ` in ${a.year}` : ""}; it cannot exceed 100%`, hint: () => "use a share between 0% and 100%" },
  AMOUNT_TOO_LARGE: { message: (a) => `${a.field} reaches ${a.value}${a.year ? ` in ${a.year}` : ""}, above the limit of ${a.limit}`, hint: (a) => `distplan computes exactly to the cent up to ${a.limit}; check the unit (k, M) and the growth` },
  RANGE_ORDER: { message: (a) => `the range of ${a.field} must have ${a.rule} (found ${a.found})`, hint: () => "write the lowest value first: { low: 14%, mode: 18%, high: 24% } or { p10: 7%, p90: 13% }" },
  RANGE_FORM: { message: (a) => `the range of ${a.field} mixes low/mode/high with p10/p90`, hint: () => "write either { low, mode, high } (triangular or pert) or { p10, p90 } (normal or lognormal)" },
  RANGE_DIST: { message: (a) => `dist: ${a.dist} does not fit a range of ${a.form}`, hint: (a) => `a range of ${a.form} is ${a.fits}` },
  RANGE_LOGNORMAL: { message: (a) => `a lognormal range of ${a.field} needs p10 above zero (found ${a.value})`, hint: () => "use dist: normal, or a p10 above zero" },
  RANGE_NOT_ALLOWED: { message: (a) => `${a.field} cannot be a range: ${a.why}`, hint: () => "write one value here; ranges go on the plan's inputs (customers, churn, prices, margins, costs)" },
  CORRELATE_UNKNOWN: {
    message: (a) => (a.many ? `'${a.name}' holds more than one range; name one of them` : `'${a.name}' is not a range of this model`),
    hint: (a) => (a.suggestion ? `did you mean '${a.suggestion}'? ` : "") + `the ${a.many ? "ranges under it" : "ranges"} are: ${a.known || "none"}`,
  },
  CORRELATE_SELF: { message: (a) => `a correlation pairs '${a.name}' with itself`, hint: () => "name two different ranges in between" },
  CORRELATE_TWICE: { message: (a) => `'${a.a}' and '${a.b}' are paired already (correlate entry ${a.first})`, hint: () => "keep one correlation per pair of ranges" },
  CORRELATE_IMPOSSIBLE: { message: (a) => `the ${a.count} correlations cannot hold together (their matrix is not positive definite)`, hint: () => "weaken some of them: for example, a correlated with b and b with c make a strong correlation of a with c" },
  GROWTH_TOO_LOW: { message: (a) => `a growth of ${a.value} would make the value negative`, hint: () => "growth must be above -100%" },
  PARTNER_MARGIN_NOT_INDIRECT: { message: (a) => `partner_margin on the ${a.type} channel '${a.channel}'`, hint: () => "only an indirect channel has partners who keep a margin; use price_discount for a lower end-customer price" },
  TIERS_NOT_INDIRECT: { message: (a) => `tiers on the ${a.type} channel '${a.channel}'`, hint: () => "only an indirect channel has a partner programme; move the tiers to an indirect channel or remove them" },
  TIERS_WITH_PARTNER_MARGIN: { message: (a) => `'${a.channel}' has tiers and a partner_margin`, hint: () => "with tiers, the partner margin is each tier's partner_margin weighted by its share; remove this partner_margin" },
  TIER_SHARES_NOT_100: { message: (a) => `the tier shares of '${a.channel}' sum to ${a.sum} in ${a.year}`, hint: () => "the tiers' shares of the channel's sell-out must add up to exactly 100% in every year" },
  CONFLICT_SAME_CHANNEL: { message: (a) => `the conflict rule's seller and owner are both '${a.channel}'`, hint: () => "a conflict is between two different channels" },
  CONFLICT_NOT_SERVED: { message: (a) => `'${a.channel}' does not serve '${a.segment}' in the mix, so this conflict rule never applies`, hint: (a) => `add ${a.channel} to mix.${a.segment}, or remove the rule` },
  SEASONALITY_NOT_100: { message: (a) => `the seasonality weights sum to ${a.sum}`, hint: () => "the 4 quarter or 12 month weights must add up to exactly 100%" },
  SEASONALITY_LENGTH: { message: (a) => `seasonality has ${a.count} weights`, hint: () => "give 4 weights (quarters) or 12 (months), in calendar order" },
  SHARES_NOT_100: { message: (a) => `allocation shares of '${a.id}' sum to ${a.sum}`, hint: () => "fixed allocation shares must add up to exactly 100%" },
  UNUSED_CHANNEL: { message: (a) => `channel '${a.channel}' serves no segment in the mix`, hint: () => "it still carries its fixed costs and income; add it to the mix or remove it" },
  SCENARIO_BASE_ID: { message: () => "a scenario cannot be called 'base'", hint: () => "'base' is the model itself; choose another id" },
  SCENARIO_PATH_NOT_FOUND: { message: (a) => `scenario path '${a.path}': ${a.detail}`, hint: (a) => a.suggestion ? `did you mean '${a.suggestion}'?` : a.known ? `the ids there are: ${a.known}` : "list entries are addressed by id (channels.webshop…), map entries by key (mix.smb.webshop)" },
  SCENARIO_SET_FORBIDDEN: {
    message: (a) => `a scenario cannot set '${a.key}'`,
    hint: (a) => a.reason === "horizon" ? "scenarios are compared year by year over one horizon; for another horizon make a separate model"
      : a.reason === "currency" ? "scenarios are compared in one currency; for another currency make a separate model"
      : a.reason === "name" ? "a scenario has a name of its own: write it as the scenario's name, next to its id"
      : `'${a.key}' belongs to the file itself; a scenario may set discount_rate, segments, channels, mix, conflicts and shared_costs`,
  },
  SCENARIO_CYCLE: { message: (a) => `scenarios extend each other in a cycle: ${a.cycle}`, hint: () => "break the cycle: one of them must start from base" },
  TOO_MANY_SCENARIOS: { message: (a) => `the model has ${a.count} scenarios; a model holds at most ${a.limit}`, hint: () => "split the scenarios over several model files (each with the same base), or drop the ones nobody compares" },
  CHECK_NO_BOUND: { message: () => "a check needs 'min' or 'max'", hint: () => "add min: … or max: … (for example min: 0)" },
  CHECK_SCOPE: { message: () => "a check takes a channel or a segment, not both", hint: () => "write two checks, one per scope" },
  CHECK_METRIC_SCOPE: { message: (a) => `a segment has no '${a.metric}'`, hint: () => "a segment-scoped check takes revenue, market_revenue, gross_profit, gross_margin, cm1 or customers" },
  CHECK_YEAR_RANGE: { message: (a) => `year ${a.year} is outside the plan (${a.first}–${a.last})`, hint: (a) => `use a year from ${a.first} to ${a.last}, 'all' or 'last'` },
  CHECK_MIN_GT_MAX: { message: (a) => `min ${a.min} is above max ${a.max}`, hint: () => "no value can pass; swap them" },
  PLAUSIBILITY: { message: (a) => `${a.field} is ${a.value}${a.year ? ` in ${a.year}` : ""}: ${a.rule}`, hint: () => "check the value for a typo or a slipped unit; if it is right, this warning can stay (it never fails check, not even --strict)" },
  CHECK_VARIANCE: { message: (a) => `${a.what}`, hint: () => "a variance check has kind: variance, metric revenue or contribution, max_below, and optionally name, channel and scenarios" },
  CHECK_BOUND_UNIT: { message: (a) => `the bound ${a.value} does not fit '${a.metric}'`, hint: (a) => (a.ratio ? `'${a.metric}' is a ratio: write a percentage such as 10%` : `'${a.metric}' is an amount: write a number such as 0 or "1.5M"`) },
} satisfies Record<string, Template>;

export type IssueCode = keyof typeof TEMPLATES;

/** The languages a person can read distplan in (`--lang`). */
export type Language = "en" | "nl";

let issueLanguage: Language = "en";
const DUTCH: { templates?: Readonly<Record<IssueCode, Template>> } = {};

/**
 * The language of issue texts from now on, set once by the CLI from --lang (the Dutch templates
 * are given with it, so a process that never asks for Dutch never loads them).
 */
/** A sentence of the model layer in the language of the run (the CSV readers' row errors). */
export const inLanguage = (en: string, nl: string): string => (issueLanguage === "nl" ? nl : en);

export function useIssueLanguage(language: Language, dutch?: Readonly<Record<IssueCode, Template>>): void {
  issueLanguage = language;
  if (dutch) DUTCH.templates = dutch;
}

export function issueText(issue: Issue, language: Language = issueLanguage): { message: string; hint: string } {
  const t: Template = language === "nl" && DUTCH.templates ? DUTCH.templates[issue.code] : TEMPLATES[issue.code];
  const message = t.message(issue.args);
  if (!issue.scenario) return { message, hint: t.hint(issue.args) };
  // Relocated scenario issues sit under scenarios[i].set[<path>]: name that path too.
  const setPath = issue.path[0] === "scenarios" && issue.path[2] === "set" && typeof issue.path[3] === "string" ? issue.path[3] : "";
  return { message: `scenario '${issue.scenario}'${setPath ? ` (set ${setPath})` : ""}: ${message}`, hint: t.hint(issue.args) };
}

export function error(code: IssueCode, path: Path, args: Args = {}, extra: Partial<Issue> = {}): Issue {
  return { code, severity: "error", path, args, ...extra };
}

export function warning(code: IssueCode, path: Path, args: Args = {}, extra: Partial<Issue> = {}): Issue {
  return { code, severity: "warning", path, args, ...extra };
}

/**
 * One error per node: the first error reported at a place (a path, or a text offset) stands for
 * it; later errors there only repeat or follow from it. Warnings are kept once per code.
 */
export function onePerNode(issues: readonly Issue[]): Issue[] {
  const seen = new Set<string>();
  return issues.filter((i) => {
    // Not by scenario: an error in a scenario's `set` entry shows again in every scenario that
    // extends it, at the same place.
    const where = `${i.offset !== undefined ? `@${i.offset}` : i.path.join("\u0000")}|${i.atKey ? 1 : 0}`;
    const key = i.severity === "error" ? `error|${where}` : `${i.code}|${where}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

export const hasErrors = (issues: readonly Issue[]): boolean => issues.some((i) => i.severity === "error");

/** The closest candidate within a small edit distance, for "did you mean" hints. */
export function suggest(word: string, candidates: Iterable<string>): string | undefined {
  let best: string | undefined;
  let bestDistance = Infinity;
  const limit = Math.max(1, Math.floor(word.length / 3));
  for (const c of candidates) {
    // The distance is at least the difference in length: skip the quadratic comparison then
    // (a hostile key of a megabyte would otherwise cost a megabyte squared).
    if (Math.abs(c.length - word.length) > limit || word.length > 200) continue;
    const d = editDistance(word.toLowerCase(), c.toLowerCase());
    if (d < bestDistance) { best = c; bestDistance = d; }
  }
  return best !== undefined && bestDistance <= limit ? best : undefined;
}

/** Edits between two words, a swap of two neighbouring letters counting as one (chrun → churn). */
function editDistance(a: string, b: string): number {
  const rows: number[][] = [Array.from({ length: b.length + 1 }, (_, j) => j)];
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let d = Math.min(rows[i - 1]![j]! + 1, row[j - 1]! + 1, rows[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d = Math.min(d, rows[i - 2]![j - 2]! + 1);
      row.push(d);
    }
    rows.push(row);
  }
  return rows[a.length]![b.length]!;
}

export const formatPath = (path: Path): string =>
  path.map((p, i) => (typeof p === "number" ? `[${p}]` : i === 0 ? p : `.${p}`)).join("");
