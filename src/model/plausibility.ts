// Plausibility: values a plan can hold but rarely means to — a slipped unit or a typo (900%
// growth, 1e300 customers, a 75% partner margin, a list where one year is 1000× its
// neighbours). Warnings (PLAUSIBILITY), never errors, and they never fail `check`, not even
// under --strict: a start-up may really double every year, and a gate that cannot be satisfied
// by a correct plan would be switched off. Pure; runs on a file that normalized without errors.
import { Decimal } from "../money/decimal.js";
import { warning, type Issue, type PathSegment } from "./issues.js";
import { fieldKind } from "./number-spelling.js";
import { where } from "./structure.js";
import type { ModelFile, MoneyInput, PercentInput, SeriesInput } from "./types.js";
import { expandSeries, parseMoney, parsePercent, percentText } from "./values.js";

const MAX_GROWTH = new Decimal(1); // 100% a year
const MAX_CUSTOMERS = new Decimal(10_000_000);
const MAX_SHARE = new Decimal("0.6"); // discount, partner margin, churn
const OUTLIER = new Decimal(1000);

/** An amount as a person reads it: 1e+300 rather than three hundred digits. */
const amountText = (v: Decimal): string => (v.abs().greaterThanOrEqualTo("1e15") ? v.toExponential() : v.toFixed());

/**
 * `base`: the file of base, when `file` is a scenario of it. An entry of a top-level list or
 * mapping that the scenario took over unchanged (the same object at the same index or key)
 * gives the warnings it gave in base, at the same paths with the same words (a warning's
 * wording reads only the nodes on its path), and load.ts reports those once, with base: they are
 * not computed again.
 */
export function plausibilityWarnings(file: ModelFile, base?: ModelFile): Issue[] {
  const years = file.years ?? 5;
  const issues: Issue[] = [];
  const warn = (path: readonly PathSegment[], value: string, rule: string, year: number | "" = "") =>
    issues.push(warning("PLAUSIBILITY", path, { field: where(path, file), value, rule, year }));

  /** The first year a series passes `limit`, at the node that says so. */
  const above = (input: SeriesInput<PercentInput> | undefined, path: PathSegment[], limit: Decimal, rule: string) => {
    if (input === undefined) return;
    const values = expandSeries(input, years, parsePercent);
    const t = values.findIndex((v) => v.greaterThan(limit));
    if (t < 0) return;
    warn(Array.isArray(input) ? [...path, t] : path, percentText(values[t]!), rule, Array.isArray(input) || typeof input === "object" ? file.start_year + t : "");
  };

  const fromBase = (path: readonly PathSegment[], node: unknown): boolean => {
    if (base === undefined || path.length !== 2) return false;
    const list = (base as unknown as Record<string, unknown>)[path[0] as string];
    return list !== null && typeof list === "object" && Object.hasOwn(list, path[1]!) && (list as Record<string | number, unknown>)[path[1]!] === node;
  };

  file.segments.forEach((s, i) => {
    if (fromBase(["segments", i], s)) return;
    const customers = parseMoney(s.customers);
    if (customers.greaterThan(MAX_CUSTOMERS)) warn(["segments", i, "customers"], amountText(customers), "more than 10 million customers in one segment");
    if (s.new_customers !== undefined) {
      const added = expandSeries(s.new_customers as SeriesInput<MoneyInput>, years, parseMoney);
      const t = added.findIndex((v) => v.greaterThan(MAX_CUSTOMERS));
      if (t >= 0) warn(Array.isArray(s.new_customers) ? ["segments", i, "new_customers", t] : ["segments", i, "new_customers"], amountText(added[t]!), "more than 10 million new customers a year in one segment", file.start_year + t);
    }
    above(s.churn, ["segments", i, "churn"], MAX_SHARE, "more than 60% of the customers lost each year");
  });

  file.channels.forEach((c, i) => {
    if (fromBase(["channels", i], c)) return;
    const terms = [{ o: c, path: ["channels", i] as PathSegment[] }, ...Object.entries(c.by_segment ?? {}).map(([s, o]) => ({ o, path: ["channels", i, "by_segment", s] as PathSegment[] }))];
    for (const { o, path } of terms) {
      above(o.price_discount, [...path, "price_discount"], MAX_SHARE, "a price discount above 60%");
      above(o.partner_margin, [...path, "partner_margin"], MAX_SHARE, "a partner margin above 60%");
    }
  });

  // Every series of the file (scenario overlays are judged when applied): growth, and a value
  // 1000× off its neighbours (a slipped k or M).
  const walk = (node: unknown, path: PathSegment[]) => {
    if (node === null || typeof node !== "object" || fromBase(path, node)) return;
    if (Array.isArray(node)) {
      const kind = fieldKind([...path, 0]);
      if ((kind === "money" || kind === "count") && node.every((v) => typeof v === "number" || typeof v === "string")) {
        outliers(node.map((v) => parseMoney(v as MoneyInput)), (t) => [...path, t]);
      }
      node.forEach((v, k) => walk(v, [...path, k]));
      return;
    }
    const entries = node as Record<string, unknown>;
    if ("growth" in entries && "start" in entries) {
      const growth = parsePercent(entries.growth as PercentInput);
      if (growth.greaterThan(MAX_GROWTH)) warn([...path, "growth"], percentText(growth), "growth above 100% a year");
    }
    if ("from" in entries && "to" in entries) {
      const kind = fieldKind([...path, "from"]);
      if (kind === "money" || kind === "count") {
        outliers([parseMoney(entries.from as MoneyInput), parseMoney(entries.to as MoneyInput)], (t) => [...path, t === 0 ? "from" : "to"]);
      }
    }
    for (const [key, value] of Object.entries(entries)) if (!(path.length === 0 && key === "scenarios")) walk(value, [...path, key]);
  };

  const outliers = (values: readonly Decimal[], at: (t: number) => PathSegment[]) => {
    const off = (a: Decimal, b: Decimal) => !a.isZero() && !b.isZero() && (a.abs().dividedBy(b.abs()).greaterThanOrEqualTo(OUTLIER) || b.abs().dividedBy(a.abs()).greaterThanOrEqualTo(OUTLIER));
    const n = values.length;
    for (let t = 0; t < n; t++) {
      const v = values[t]!;
      let odd: boolean;
      if (n < 2) odd = false;
      else if (n === 2) odd = t === 1 && off(v, values[0]!); // with two values, the second is the odd one out
      else if (t === 0) odd = off(v, values[1]!) && !off(values[1]!, values[2]!);
      else if (t === n - 1) odd = off(v, values[t - 1]!) && !off(values[t - 1]!, values[t - 2]!);
      else odd = off(v, values[t - 1]!) && off(v, values[t + 1]!);
      if (odd) warn(at(t), amountText(v), "1000 times off its neighbours in this series (a slipped k or M?)");
    }
  };
  walk(file, []);
  return issues;
}
