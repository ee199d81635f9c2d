// Meaning: the rules the JSON Schema cannot say (ids, references, mix sums, ranges, lengths), and
// the normalization of a structurally valid ModelFile into a Model. Every rule reports issues and
// goes on, so a user sees all mistakes at once. Returns a Model only when there is no error.
import { Decimal, ONE, ZERO, sum } from "../money/decimal.js";
import { error, warning, suggest, type Issue, type Path } from "./issues.js";
import { ISO_4217, minorUnits } from "./currencies.js";
import { emptyRecord } from "./records.js";
import { plausibilityWarnings } from "./plausibility.js";
import { expandSeries, isRange, parseBound, parseMoney, parsePercent, percentText, seriesForm } from "./values.js";
import { RECIPES, checkRange, rangeName, rangesInSeries, resolveCorrelations, type Param, type Recipe, type UncertainInput } from "./ranges.js";
import {
  RATIO_METRICS, SEGMENT_METRICS, HORIZON_METRICS,
  type Channel, type ChannelFile, type ChannelOverridesFile, type ChannelTerms, type Check, type CheckFile,
  type Conflict, type Line, type Model, type ModelFile, type MoneyInput, type PercentInput, type Segment,
  type OptimiseSettings, type ScenarioFile, type Seasonality, type Series, type SeriesInput, type SharedCost, type Tier, type YearSelector,
} from "./types.js";

type Kind = "money" | "count" | "percent";
interface Bounds {
  readonly min?: Decimal;
  readonly max?: Decimal; // for percents: 1 = 100%
}

const HUNDRED = ONE;
const SHARE: Bounds = { min: ZERO, max: HUNDRED };
const NON_NEGATIVE: Bounds = { min: ZERO };
/**
 * The largest amount (or count) a model may hold anywhere: 10^24. Figures are computed with 40
 * significant digits (money/decimal.ts), so a figure up to 10^24 keeps 16 digits after the
 * point, and a sum of up to 10^13 such figures is still exact to the cent: footing cannot break.
 */
export const MAX_AMOUNT = new Decimal("1e24");
const MAX_AMOUNT_EXPONENT = 24;
const tooLarge = (path: Path, field: string, value: Decimal, year: number | string): Issue =>
  error("AMOUNT_TOO_LARGE", path, { field, value: value.toSignificantDigits(4).toString(), limit: "10^24", year });

/** Shares are divided when a line is interpolated; a sum within this of 100% is 100%. */
const SUM_TOLERANCE = new Decimal("1e-20");

class Context {
  readonly issues: Issue[] = [];
  /** The ranges met so far, in file order (ranges.ts). */
  readonly uncertain: UncertainInput[] = [];
  constructor(readonly years: number, readonly startYear: number, readonly bestEffort: boolean, readonly file: ModelFile) {}

  /**
   * A value converted by `parse`. On a structurally valid file every value converts (the schema
   * checked its form), so any exception is a bug and surfaces as one. Only the best-effort pass
   * over a file with schema errors meets values that cannot convert; they become zero there
   * (the schema has reported them already).
   */
  value<T>(parse: (v: T) => Decimal, input: T): Decimal {
    if (!this.bestEffort) return parse(input);
    if (typeof input !== "string" && typeof input !== "number") return ZERO;
    try {
      return parse(input);
    } catch (e) {
      if (e instanceof Error && e.message.startsWith("[DecimalError]")) return ZERO;
      throw e;
    }
  }

  series(input: SeriesInput<MoneyInput | PercentInput> | undefined, path: Path, kind: Kind, bounds: Bounds, field: string, fallback?: Decimal): Series {
    if (input === undefined) return Array.from({ length: this.years }, () => fallback ?? ZERO);
    const form = seriesForm(input);
    if (form === "list" && (input as unknown[]).length !== this.years) {
      this.issues.push(error("SERIES_LENGTH", path, { found: (input as unknown[]).length, years: this.years }));
      return Array.from({ length: this.years }, () => fallback ?? ZERO);
    }
    if (form === "growth") {
      const g = this.value(parsePercent, (input as { growth: PercentInput }).growth);
      if (g.lessThanOrEqualTo(-1)) {
        this.issues.push(error("GROWTH_TOO_LOW", [...path, "growth"], { value: percentText(g) }));
        return Array.from({ length: this.years }, () => ZERO);
      }
    }
    const parse = kind === "percent" ? parsePercent : parseMoney;
    const values = expandSeries(input as SeriesInput<MoneyInput>, this.years, (v: MoneyInput) => this.value(parse as (v: MoneyInput) => Decimal, v));
    this.ranges(input, values, path, kind, bounds, field);
    this.checkBounds(values, input, path, kind, bounds, field);
    if (kind !== "percent") this.checkLimit(values, input, path, field);
    return values;
  }

  /**
   * The ranges of a series as written: each checked (ranges.ts checkRange), and the series'
   * recipe recorded beside the normalized values for `simulate`. A mix share or a tier's field
   * cannot be a range: shares must add up to 100% in every draw, and tiers are not simulated.
   */
  ranges(input: SeriesInput<MoneyInput | PercentInput>, values: Series, path: Path, kind: Kind, bounds: Bounds, field: string): void {
    const found = rangesInSeries(input, path);
    if (found.length === 0) return;
    if (path[0] === "mix" || (path[0] === "channels" && path[2] === "tiers")) {
      this.issues.push(error("RANGE_NOT_ALLOWED", found[0]!.path, { field, why: path[0] === "mix" ? "a segment's shares must add up to 100% in every draw" : "a partner tier's terms are not simulated" }));
      return;
    }
    const parse = (v: MoneyInput) => this.value(kind === "percent" ? parsePercent : parseMoney, v);
    const inputs = new Map<object, UncertainInput>();
    for (const f of found) {
      const u = checkRange(f.range, f.path, rangeName(f.path, this.file), f.growth ? "percent" : kind, f.growth ? (v) => this.value(parsePercent, v) : parse, bounds, field, f.growth, this.issues);
      if (u) inputs.set(f.range, u);
    }
    if (inputs.size < found.length) return;
    this.uncertain.push(...inputs.values());
    const param = (v: unknown, p: (v: MoneyInput) => Decimal = parse): Param => (isRange(v) ? inputs.get(v)! : Number(p(v as MoneyInput).toString()));
    const limits = { min: bounds.min === undefined ? null : Number(bounds.min.toString()), max: bounds.max === undefined ? null : Number(bounds.max.toString()) };
    const form = seriesForm(input);
    const written = input as Record<string, unknown>;
    const recipe: Recipe =
      form === "list" ? { ...limits, form, values: (input as unknown[]).map((v) => param(v)) }
      : form === "growth" ? { ...limits, form, start: param(written.start), growth: param(written.growth, (v) => this.value(parsePercent, v)) }
      : form === "line" ? { ...limits, form, from: param(written.from), to: param(written.to) }
      : { ...limits, form: "scalar", value: param(input) };
    RECIPES.set(values, recipe);
  }

  /** A single value that may be a range (customers at the start, the discount rate). */
  scalarRange(input: MoneyInput | undefined, value: Decimal, path: Path, kind: Kind, bounds: Bounds, field: string): void {
    if (!isRange(input)) return;
    const parse = (v: MoneyInput) => this.value(kind === "percent" ? parsePercent : parseMoney, v);
    const u = checkRange(input, path, rangeName(path, this.file), kind, parse, bounds, field, false, this.issues);
    if (!u) return;
    this.uncertain.push(u);
    RECIPES.set(value, { form: "scalar", value: u, min: bounds.min === undefined ? null : Number(bounds.min.toString()), max: bounds.max === undefined ? null : Number(bounds.max.toString()) });
  }

  /** An amount or count beyond MAX_AMOUNT (after growth) is refused where it is written. */
  checkLimit(values: readonly Decimal[], input: unknown, path: Path, field: string): void {
    for (let t = 0; t < values.length; t++) {
      if (values[t]!.e < MAX_AMOUNT_EXPONENT || values[t]!.abs().lessThanOrEqualTo(MAX_AMOUNT)) continue;
      const at = Array.isArray(input) ? [...path, t] : path;
      const year = values.length > 1 && !isScalar(input) ? this.startYear + t : "";
      this.issues.push(tooLarge(at, field, values[t]!, year));
      return;
    }
  }

  private checkBounds(values: readonly Decimal[], input: unknown, path: Path, kind: Kind, bounds: Bounds, field: string): void {
    for (let t = 0; t < values.length; t++) {
      const v = values[t]!;
      const below = bounds.min !== undefined && v.lessThan(bounds.min);
      if (!below && !(bounds.max !== undefined && v.greaterThan(bounds.max))) continue;
      const at = Array.isArray(input) ? [...path, t] : path;
      const year = values.length > 1 && !isScalar(input) ? this.startYear + t : "";
      const shown = kind === "percent" ? percentText(v) : v.toFixed();
      this.issues.push(error(below ? "NEGATIVE_VALUE" : "PERCENT_OVER_100", at, { field, value: shown, year }));
      return;
    }
  }

  lines(map: Record<string, SeriesInput<MoneyInput | PercentInput>> | undefined, path: Path, kind: Kind): Line[] {
    return Object.entries(map ?? {}).map(([name, input]) => ({
      name,
      values: this.series(input, [...path, name], kind, kind === "percent" ? SHARE : NON_NEGATIVE, `${String(path.at(-1))}.${name}`),
    }));
  }
}

/** Whether a mapping of the file holds `key` itself (an id may be `constructor`). */
const hasKey = (map: unknown, key: string): boolean => map !== null && typeof map === "object" && Object.hasOwn(map, key);

const isScalar = (v: unknown) => v === null || typeof v !== "object";

function duplicateIds(list: readonly { id: string }[], listName: string, issues: Issue[]): void {
  const seen = new Set<string>();
  list.forEach((item, i) => {
    if (seen.has(item.id)) issues.push(error("DUPLICATE_ID", [listName, i, "id"], { id: item.id, list: listName }));
    seen.add(item.id);
  });
}

function reference(kind: "UNKNOWN_SEGMENT" | "UNKNOWN_CHANNEL" | "UNKNOWN_SCENARIO", id: string, known: readonly string[], path: Path, atKey = false): Issue {
  return error(kind, path, { id, known: known.join(", "), suggestion: suggest(id, known) ?? "" }, { atKey });
}

export interface Normalized {
  readonly model: Model | null;
  readonly issues: readonly Issue[];
}

/**
 * A model normalized before (base, for a scenario): parts of `file` that are written exactly as
 * in `previous.file` reuse its normalized objects. They were validated there, and sharing them
 * lets the engine compute a cell once for all scenarios that leave it alone.
 */
export interface Previous {
  readonly file: ModelFile;
  readonly model: Model;
}

const same = (a: unknown, b: unknown): boolean => a === b || JSON.stringify(a) === JSON.stringify(b);

/**
 * `bestEffort`: the file has schema errors, and these rules run only to report what lies
 * outside the broken parts (load.ts); a value that cannot convert is then taken as zero.
 */
export function normalizeModel(file: ModelFile, previous?: Previous, options: { bestEffort?: boolean } = {}): Normalized {
  const years = file.years ?? 5;
  const ctx = new Context(years, file.start_year, options.bestEffort ?? false, file);
  const { issues } = ctx;
  const segmentIds = file.segments.map((s) => s.id);
  const channelIds = file.channels.map((c) => c.id);

  duplicateIds(file.segments, "segments", issues);
  duplicateIds(file.channels, "channels", issues);
  duplicateIds(file.shared_costs ?? [], "shared_costs", issues);
  // A scenario's file shares base's list of scenarios (load.ts): its rules were applied to base.
  const scenariosOfBase = previous !== undefined && file.scenarios === previous.file.scenarios;
  if (!scenariosOfBase) duplicateIds(file.scenarios ?? [], "scenarios", issues);

  if (file.currency !== undefined && !ISO_4217.has(file.currency)) {
    issues.push(warning("UNKNOWN_CURRENCY", ["currency"], { value: file.currency, suggestion: suggest(file.currency, ISO_4217) ?? "" }));
  }
  const discountRate = file.discount_rate === undefined ? ZERO : ctx.value(parsePercent, file.discount_rate);
  ctx.scalarRange(file.discount_rate, discountRate, ["discount_rate"], "percent", { min: ZERO }, "discount_rate");
  if (discountRate.isNegative()) issues.push(error("NEGATIVE_VALUE", ["discount_rate"], { field: "discount_rate", value: percentText(discountRate), year: "" }));

  const reuse = previous && (previous.file.years ?? 5) === years && previous.file.start_year === file.start_year ? previous : undefined;
  const sameSegments = reuse !== undefined && same(reuse.file.segments.map((s) => s.id), segmentIds);
  const sameChannels = sameSegments && same(reuse!.file.channels.map((c) => c.id), channelIds);

  const segments: Segment[] = file.segments.map((s, i) => {
    if (reuse && same(reuse.file.segments[i], s)) return reuse.model.segments[i]!;
    const at = (k: string): Path => ["segments", i, k];
    const customers = ctx.value(parseMoney, s.customers);
    ctx.scalarRange(s.customers, customers, at("customers"), "count", NON_NEGATIVE, "customers");
    ctx.checkLimit([customers], s.customers, at("customers"), "customers");
    const segment: Segment = {
      id: s.id,
      name: s.name ?? s.id,
      customers,
      newCustomers: ctx.series(s.new_customers, at("new_customers"), "count", NON_NEGATIVE, "new_customers"),
      churn: ctx.series(s.churn, at("churn"), "percent", SHARE, "churn"),
      marketPotential: s.market_potential === undefined ? null : ctx.series(s.market_potential, at("market_potential"), "count", NON_NEGATIVE, "market_potential"),
      revenuePerCustomer: ctx.series(s.revenue_per_customer, at("revenue_per_customer"), "money", NON_NEGATIVE, "revenue_per_customer"),
      grossMargin: ctx.series(s.gross_margin, at("gross_margin"), "percent", { max: HUNDRED }, "gross_margin"),
    };
    // Customers never exceed those at the start plus every year's new ones (churn only removes):
    // that bound times the revenue per customer bounds every revenue figure of the segment.
    const active = customerBound(segment);
    ctx.checkLimit(active, s.new_customers ?? s.customers, s.new_customers === undefined ? at("customers") : at("new_customers"), "customers");
    ctx.checkLimit(active.map((n, t) => n.times(segment.revenuePerCustomer[t]!)), s.revenue_per_customer, at("revenue_per_customer"), "revenue of the segment");
    return segment;
  });

  const channels: Channel[] = file.channels.map((c, i) =>
    sameSegments && same(reuse!.file.channels[i], c) ? reuse!.model.channels[i]! : normalizeChannel(c, i, ctx, segmentIds));
  const mix = normalizeMix(file, ctx, segmentIds, channelIds, sameChannels ? reuse : undefined);
  checkCostLimits(file, segments, channels, mix, ctx, reuse);

  const conflicts: Conflict[] = sameChannels && same(reuse!.file.conflicts ?? [], file.conflicts ?? []) ? reuse!.model.conflicts as Conflict[] : (file.conflicts ?? []).map((c, i) => {
    const at = (k: string): Path => ["conflicts", i, k];
    if (!segmentIds.includes(c.segment)) issues.push(reference("UNKNOWN_SEGMENT", c.segment, segmentIds, at("segment")));
    for (const role of ["seller", "owner"] as const) {
      if (!channelIds.includes(c[role])) issues.push(reference("UNKNOWN_CHANNEL", c[role], channelIds, at(role)));
    }
    if (c.seller === c.owner) issues.push(error("CONFLICT_SAME_CHANNEL", at("owner"), { channel: c.owner }));
    else if (segmentIds.includes(c.segment) && channelIds.includes(c.seller) && !hasKey(hasKey(file.mix, c.segment) ? file.mix[c.segment] : undefined, c.seller)) {
      issues.push(warning("CONFLICT_NOT_SERVED", at("seller"), { channel: c.seller, segment: c.segment }));
    }
    return {
      segment: c.segment, seller: c.seller, owner: c.owner,
      overlap: ctx.series(c.overlap, at("overlap"), "percent", SHARE, "overlap"),
      compensation: ctx.series(c.compensation, at("compensation"), "percent", SHARE, "compensation"),
    };
  });

  const sharedCosts: SharedCost[] = (file.shared_costs ?? []).map((sc, i) => {
    const amount = ctx.series(sc.amount, ["shared_costs", i, "amount"], "money", NON_NEGATIVE, "amount");
    if (typeof sc.allocate_by === "string") return { id: sc.id, amount, allocation: { kind: "method", method: sc.allocate_by } };
    const shares = emptyRecord<Decimal>();
    for (const [channel, share] of Object.entries(sc.allocate_by)) {
      const at: Path = ["shared_costs", i, "allocate_by", channel];
      if (!channelIds.includes(channel)) issues.push(reference("UNKNOWN_CHANNEL", channel, channelIds, at, true));
      const value = ctx.value(parsePercent, share);
      if (value.isNegative()) issues.push(error("NEGATIVE_VALUE", at, { field: "share", value: percentText(value), year: "" }));
      shares[channel] = value;
    }
    const total = sum(Object.values(shares));
    if (!total.equals(ONE)) issues.push(error("SHARES_NOT_100", ["shared_costs", i, "allocate_by"], { id: sc.id, sum: percentText(total) }));
    return { id: sc.id, amount, allocation: { kind: "shares", shares } };
  });

  const seasonality = normalizeSeasonality(file, ctx);
  const optimise = normalizeOptimise(file, ctx, segmentIds, channelIds);
  if (!scenariosOfBase) checkScenarioIds(file, issues);
  const checks = (file.checks ?? []).map((c, i) => normalizeCheck(c, i, file, ctx, segmentIds, channelIds));

  channelIds.forEach((id, i) => {
    if (!Object.values(file.mix).some((row) => hasKey(row, id))) issues.push(warning("UNUSED_CHANNEL", ["channels", i, "id"], { channel: id }));
  });

  // The correlations are base's: a scenario that sets a ranged value to a number drops its pairs.
  // Not on a best-effort pass: a range under a broken key is not read, and a pair naming it would only repeat that.
  if (previous === undefined && !options.bestEffort && file.correlate !== undefined) resolveCorrelations(ctx.uncertain, file.correlate, issues);

  const hasError = issues.some((x) => x.severity === "error");
  // Not on a best-effort pass: a value the schema refused reads as zero there.
  if (!hasError && !options.bestEffort) issues.push(...plausibilityWarnings(file, reuse?.file));
  const model: Model | null = hasError ? null : {
    name: file.name,
    currency: file.currency ?? "EUR",
    minorUnits: minorUnits(file.currency ?? "EUR"),
    startYear: file.start_year,
    years,
    discountRate,
    segments,
    channels,
    mix,
    conflicts,
    sharedCosts,
    checks: checks.filter((c): c is Check => c !== null),
    seasonality,
    ...(optimise === null ? {} : { optimise }),
  };
  return { model, issues };
}

function normalizeChannel(c: ChannelFile, i: number, ctx: Context, segmentIds: readonly string[]): Channel {
  const base: Path = ["channels", i];
  const terms = (o: ChannelOverridesFile, path: Path, fallback: ChannelTerms | null): ChannelTerms => {
    if (o.partner_margin !== undefined && c.type !== "indirect") {
      ctx.issues.push(error("PARTNER_MARGIN_NOT_INDIRECT", [...path, "partner_margin"], { channel: c.id, type: c.type }, { atKey: true }));
    }
    const pick = (key: keyof ChannelOverridesFile, kind: Kind, bounds: Bounds, fb: keyof ChannelTerms): Series =>
      o[key] === undefined && fallback ? fallback[fb] : ctx.series(o[key], [...path, key], kind, bounds, key);
    return {
      priceDiscount: pick("price_discount", "percent", SHARE, "priceDiscount"),
      partnerMargin: pick("partner_margin", "percent", SHARE, "partnerMargin"),
      acquisitionCost: pick("acquisition_cost", "money", NON_NEGATIVE, "acquisitionCost"),
      serviceCost: pick("service_cost", "money", NON_NEGATIVE, "serviceCost"),
      rebateRate: fallback?.rebateRate ?? [],
      mdfRate: fallback?.mdfRate ?? [],
    };
  };
  const tiers = normalizeTiers(c, base, ctx);
  const withTiers = (t: ChannelTerms): ChannelTerms =>
    tiers.length === 0 ? t : { ...t, partnerMargin: tierMargin(tiers, ctx.years), rebateRate: tierCostRate(tiers, ctx.years, "rebate"), mdfRate: tierCostRate(tiers, ctx.years, "mdf") };
  const defaultTerms = withTiers(terms(c, base, null));
  const bySegment = emptyRecord<ChannelTerms>();
  for (const [segment, overrides] of Object.entries(c.by_segment ?? {})) {
    const path: Path = [...base, "by_segment", segment];
    if (!segmentIds.includes(segment)) ctx.issues.push(reference("UNKNOWN_SEGMENT", segment, segmentIds, path, true));
    bySegment[segment] = terms(overrides, path, defaultTerms);
  }
  const allTerms = emptyRecord<ChannelTerms>();
  for (const s of segmentIds) allTerms[s] = bySegment[s] ?? defaultTerms;
  return {
    id: c.id,
    name: c.name ?? c.id,
    type: c.type,
    terms: allTerms,
    defaultTerms,
    variableCosts: ctx.lines(c.variable_costs, [...base, "variable_costs"], "percent"),
    fixedCosts: ctx.lines(c.fixed_costs, [...base, "fixed_costs"], "money"),
    // A tier's fees (partners × fee, paid by the partners) are income lines of the channel; the
    // name holds a dot, which a line written in the file cannot, so it never meets one of those.
    income: [...ctx.lines(c.income, [...base, "income"], "money"), ...tiers.map((k) => ({ name: `fees.${k.id}`, values: k.partners.map((n, t) => n.times(k.fee[t]!)) }))],
    tiers,
  };
}

/** The share-weighted partner margin of a tiered channel: Σ_k share_k × margin_k per year. */
function tierMargin(tiers: readonly Tier[], years: number): Series {
  return Array.from({ length: years }, (_, t) => sum(tiers.map((k) => k.share[t]!.times(k.partnerMargin[t]!))));
}

/**
 * Rebates or MDF of a tiered channel per euro of its sell-out: each tier's rate applies to the
 * vendor's sell-in from the tier, sell-out × share_k × (1 − margin_k), so the rate on sell-out is
 * Σ_k share_k × (1 − margin_k) × rate_k.
 */
function tierCostRate(tiers: readonly Tier[], years: number, field: "rebate" | "mdf"): Series {
  return Array.from({ length: years }, (_, t) => sum(tiers.map((k) => k.share[t]!.times(ONE.minus(k.partnerMargin[t]!)).times(k[field][t]!))));
}

function normalizeTiers(c: ChannelFile, base: Path, ctx: Context): Tier[] {
  if (!Array.isArray(c.tiers)) return [];
  const at: Path = [...base, "tiers"];
  if (c.type !== "indirect") ctx.issues.push(error("TIERS_NOT_INDIRECT", at, { channel: c.id, type: c.type }, { atKey: true }));
  if (c.partner_margin !== undefined) ctx.issues.push(error("TIERS_WITH_PARTNER_MARGIN", [...base, "partner_margin"], { channel: c.id }, { atKey: true }));
  for (const [segment, o] of Object.entries(c.by_segment ?? {})) {
    if (o?.partner_margin !== undefined) ctx.issues.push(error("TIERS_WITH_PARTNER_MARGIN", [...base, "by_segment", segment, "partner_margin"], { channel: c.id }, { atKey: true }));
  }
  const seen = new Set<string>();
  const tiers = c.tiers.map((k, i): Tier => {
    const p = (key: string): Path => [...at, i, key];
    if (seen.has(k.id)) ctx.issues.push(error("DUPLICATE_ID", p("id"), { id: k.id, list: `the tiers of '${c.id}'` }));
    seen.add(k.id);
    const field = (key: string) => `tiers.${k.id}.${key}`;
    let requires: Tier["requires"] = null;
    if (k.requires !== undefined) {
      const revenue = ctx.value(parseMoney, k.requires.revenue);
      if (revenue.isNegative()) ctx.issues.push(error("NEGATIVE_VALUE", [...p("requires"), "revenue"], { field: field("requires.revenue"), value: revenue.toString(), year: "" }));
      requires = { revenue, certified: ctx.value(parseMoney, k.requires.certified), specialisations: k.requires.specialisations ?? [] };
    }
    return {
      id: k.id,
      name: k.name ?? k.id,
      partnerMargin: ctx.series(k.partner_margin, p("partner_margin"), "percent", SHARE, field("partner_margin")),
      rebate: ctx.series(k.rebate, p("rebate"), "percent", SHARE, field("rebate")),
      mdf: ctx.series(k.mdf, p("mdf"), "percent", SHARE, field("mdf")),
      fee: ctx.series(k.fee, p("fee"), "money", NON_NEGATIVE, field("fee")),
      requires,
      grace: k.grace ?? 0,
      partners: ctx.series(k.partners, p("partners"), "count", NON_NEGATIVE, field("partners")),
      share: ctx.series(k.share, p("share"), "percent", SHARE, field("share")),
    };
  });
  for (let t = 0; t < ctx.years; t++) {
    const total = sum(tiers.map((k) => k.share[t] ?? ZERO));
    if (total.minus(ONE).abs().greaterThan(SUM_TOLERANCE)) {
      ctx.issues.push(error("TIER_SHARES_NOT_100", at, { channel: c.id, sum: percentText(total), year: ctx.startYear + t }, { atKey: true }));
      break;
    }
  }
  return tiers;
}

function normalizeMix(file: ModelFile, ctx: Context, segmentIds: readonly string[], channelIds: readonly string[], reuse?: Previous): Record<string, Record<string, Series>> {
  const mix = emptyRecord<Record<string, Series>>();
  for (const [segment, row] of Object.entries(file.mix)) {
    const before = reuse?.model.mix[segment];
    if (before && same(reuse!.file.mix[segment], row)) {
      mix[segment] = before as Record<string, Series>;
      continue;
    }
    if (!segmentIds.includes(segment)) {
      // One error for the row: its channels and sums would only repeat the same mistake.
      ctx.issues.push(reference("UNKNOWN_SEGMENT", segment, segmentIds, ["mix", segment], true));
      continue;
    }
    const shares = emptyRecord<Series>();
    for (const [channel, input] of Object.entries(row ?? {})) {
      if (!channelIds.includes(channel)) ctx.issues.push(reference("UNKNOWN_CHANNEL", channel, channelIds, ["mix", segment, channel], true));
      shares[channel] = ctx.series(input, ["mix", segment, channel], "percent", SHARE, `mix.${segment}.${channel}`);
    }
    for (let t = 0; t < ctx.years; t++) {
      const total = sum(Object.values(shares).map((s) => s[t] ?? ZERO));
      if (total.minus(ONE).abs().greaterThan(SUM_TOLERANCE)) {
        ctx.issues.push(error("MIX_NOT_100", ["mix", segment], { segment, sum: percentText(total), year: ctx.startYear + t }));
        break;
      }
    }
    mix[segment] = shares;
  }
  for (const segment of segmentIds) {
    if (!hasKey(file.mix, segment)) ctx.issues.push(error("MIX_MISSING", ["mix"], { segment }, { atKey: true }));
  }
  // Normalized mix rows follow the order of the segments, whatever order the file wrote them in.
  const ordered = emptyRecord<Record<string, Series>>();
  for (const segment of segmentIds) if (mix[segment]) ordered[segment] = mix[segment];
  return ordered;
}

/** Every scenario id, "base" first, as a list and a set; computed once per list of scenarios. */
const scenarioIdCache = new WeakMap<object, { readonly list: readonly string[]; readonly set: ReadonlySet<string> }>();
const NO_SCENARIOS: readonly ScenarioFile[] = [];
function scenarioIds(file: ModelFile): { readonly list: readonly string[]; readonly set: ReadonlySet<string> } {
  const scenarios = file.scenarios ?? NO_SCENARIOS;
  let ids = scenarioIdCache.get(scenarios);
  if (!ids) {
    const list = ["base", ...scenarios.map((s) => s.id)];
    ids = { list, set: new Set(list) };
    scenarioIdCache.set(scenarios, ids);
  }
  return ids;
}

function checkScenarioIds(file: ModelFile, issues: Issue[]): void {
  const { list, set } = scenarioIds(file);
  const ids = list.slice(1);
  (file.scenarios ?? []).forEach((s, i) => {
    if (s.id === "base") issues.push(error("SCENARIO_BASE_ID", ["scenarios", i, "id"]));
    if (s.extends !== undefined && s.extends !== "base" && !set.has(s.extends)) {
      issues.push(reference("UNKNOWN_SCENARIO", s.extends, ids, ["scenarios", i, "extends"]));
    }
  });
}

function normalizeCheck(c: CheckFile, i: number, file: ModelFile, ctx: Context, segmentIds: readonly string[], channelIds: readonly string[]): Check | null {
  if (c.kind === "variance" || c.max_below !== undefined) return normalizeVarianceCheck(c, i, file, ctx, channelIds);
  const at = (k: string): Path => ["checks", i, k];
  const before = ctx.issues.length;
  if (c.channel !== undefined && !channelIds.includes(c.channel)) ctx.issues.push(reference("UNKNOWN_CHANNEL", c.channel, channelIds, at("channel")));
  if (c.segment !== undefined && !segmentIds.includes(c.segment)) ctx.issues.push(reference("UNKNOWN_SEGMENT", c.segment, segmentIds, at("segment")));
  if (c.channel !== undefined && c.segment !== undefined) ctx.issues.push(error("CHECK_SCOPE", at("segment"), {}, { atKey: true }));
  if (c.segment !== undefined && !SEGMENT_METRICS.includes(c.metric)) ctx.issues.push(error("CHECK_METRIC_SCOPE", at("metric"), { metric: c.metric }));
  if (c.min === undefined && c.max === undefined) ctx.issues.push(error("CHECK_NO_BOUND", ["checks", i]));

  const ratio = RATIO_METRICS.includes(c.metric);
  const bound = (key: "min" | "max"): Decimal | null => {
    const raw = c[key];
    if (raw === undefined) return null;
    const isPercent = typeof raw === "string" && raw.endsWith("%");
    const parsed = { value: ctx.value((v: typeof raw) => parseBound(v).value, raw), percent: isPercent };
    if (parsed.percent && !ratio) ctx.issues.push(error("CHECK_BOUND_UNIT", at(key), { value: String(raw), metric: c.metric, ratio: "" }));
    if (ratio && !parsed.percent && parsed.value.abs().greaterThan(1)) {
      ctx.issues.push(error("PERCENT_AMBIGUOUS", at(key), { value: String(raw), asPercent: `${parsed.value.times(100).toFixed()}%`, asFraction: parsed.value.dividedBy(100).toFixed() }));
    }
    return parsed.value;
  };
  const min = bound("min");
  const max = bound("max");
  if (min && max && min.greaterThan(max)) ctx.issues.push(error("CHECK_MIN_GT_MAX", at("max"), { min: String(c.min), max: String(c.max) }));

  const first = ctx.startYear;
  const last = ctx.startYear + ctx.years - 1;
  let years: YearSelector = { kind: "all" };
  const raw = c.years;
  if (typeof raw === "number" || (typeof raw === "string" && /^\d{4}(\.\.\d{4})?$/.test(raw))) {
    const [a, b] = String(raw).split("..").map(Number) as [number, number | undefined];
    const to = b ?? a;
    const outside = [a, to].find((y) => y < first || y > last);
    if (outside !== undefined) ctx.issues.push(error("CHECK_YEAR_RANGE", at("years"), { year: outside, first, last }));
    if (to < a) ctx.issues.push(error("BAD_YEARS_SELECTOR", at("years"), { value: String(raw) }));
    years = { kind: "range", from: a, to };
  } else if (raw === "last") years = { kind: "last" };
  if (HORIZON_METRICS.includes(c.metric)) years = { kind: "all" };

  const known = scenarioIds(file);
  if (Array.isArray(c.scenarios)) {
    c.scenarios.forEach((id, j) => {
      if (!known.set.has(id)) ctx.issues.push(reference("UNKNOWN_SCENARIO", id, known.list, ["checks", i, "scenarios", j]));
    });
  }
  if (ctx.issues.slice(before).some((x) => x.severity === "error")) return null;
  return {
    index: i,
    name: c.name ?? defaultCheckName(c),
    metric: c.metric,
    channel: c.channel ?? null,
    segment: c.segment ?? null,
    years,
    scenarios: c.scenarios ?? ["base"],
    min,
    max,
    variance: null,
  };
}

function defaultCheckName(c: CheckFile): string {
  const bounds = [c.min !== undefined ? `≥ ${String(c.min)}` : "", c.max !== undefined ? `≤ ${String(c.max)}` : ""].filter(Boolean).join(" and ");
  return `${c.metric} ${bounds}`;
}

/** Per year, the most customers a segment can have: those at the start plus all new ones so far. */
function customerBound(segment: Segment): Decimal[] {
  let total = segment.customers;
  return segment.newCustomers.map((n) => (total = total.plus(n)));
}

/** The largest decimal exponent in a series: every |value| is below 10^(that + 1). */
function largestExponent(values: readonly Decimal[]): number {
  let max = 0;
  for (const v of values) if (!v.isZero() && v.e > max) max = v.e;
  return max;
}

/**
 * A channel's acquisition and service costs over the customers it can have in each segment.
 * Two shortcuts, neither of which changes an issue: a pair whose segment and channel a
 * scenario took over from base unchanged (the same objects), and that base's mix served too,
 * was checked with base, which has no error (`previous` exists only then); and when the largest
 * cost times the largest customer count is surely within the limit (by their decimal exponents:
 * below 10^(a+1) × 10^(b+1) ≤ 10^24), no year can exceed it, so the year-by-year products are
 * computed only for a pair that may.
 */
function checkCostLimits(file: ModelFile, segments: readonly Segment[], channels: readonly Channel[], mix: Readonly<Record<string, Readonly<Record<string, Series>>>>, ctx: Context, previous?: Previous): void {
  const baseSegments = new Set(previous?.model.segments);
  const baseChannels = new Set(previous?.model.channels);
  const exponents = new Map<readonly Decimal[], number>();
  const exponent = (values: readonly Decimal[]): number => {
    let e = exponents.get(values);
    if (e === undefined) exponents.set(values, (e = largestExponent(values)));
    return e;
  };
  segments.forEach((segment) => {
    const active = customerBound(segment);
    channels.forEach((channel, i) => {
      if (!mix[segment.id]?.[channel.id]) return;
      const terms = channel.terms[segment.id];
      if (!terms) return;
      if (baseSegments.has(segment) && baseChannels.has(channel) && previous!.model.mix[segment.id]?.[channel.id] !== undefined) return;
      const override = file.channels[i]?.by_segment?.[segment.id];
      for (const [key, per, customers] of [["acquisition_cost", terms.acquisitionCost, segment.newCustomers], ["service_cost", terms.serviceCost, active]] as const) {
        if (exponent(per) + exponent(customers) <= MAX_AMOUNT_EXPONENT - 2) continue;
        const written = override?.[key] !== undefined ? override[key] : file.channels[i]?.[key];
        const path: Path = override?.[key] !== undefined ? ["channels", i, "by_segment", segment.id, key] : ["channels", i, key];
        ctx.checkLimit(per.map((cost, t) => cost.times(customers[t] ?? ZERO)), written, path, `${key} of ${segment.id}`);
      }
    });
  });
}

/** The optional `optimise:` block (distplan optimise's constraints): ids that exist, shares 0%..100%. */
function normalizeOptimise(file: ModelFile, ctx: Context, segmentIds: readonly string[], channelIds: readonly string[]): OptimiseSettings | null {
  const o = file.optimise;
  if (o === undefined) return null;
  const share = (input: PercentInput, path: Path, field: string): Decimal => {
    const value = ctx.value(parsePercent, input);
    if (value.isNegative()) ctx.issues.push(error("NEGATIVE_VALUE", path, { field, value: percentText(value), year: "" }));
    return value;
  };
  const ids = (segment: string | undefined, channel: string, at: Path) => {
    if (segment !== undefined && !segmentIds.includes(segment)) ctx.issues.push(reference("UNKNOWN_SEGMENT", segment, segmentIds, [...at, "segment"]));
    if (!channelIds.includes(channel)) ctx.issues.push(reference("UNKNOWN_CHANNEL", channel, channelIds, [...at, "channel"]));
  };
  const limits = (o.limits ?? []).map((l, i) => {
    const at: Path = ["optimise", "limits", i];
    ids(l.segment, l.channel, at);
    return { channel: l.channel, segment: l.segment ?? null, min: l.min === undefined ? null : share(l.min, [...at, "min"], "min"), max: l.max === undefined ? null : share(l.max, [...at, "max"], "max") };
  });
  const exclusions = (o.exclude ?? []).map((e, i) => {
    ids(e.segment, e.channel, ["optimise", "exclude", i]);
    return { segment: e.segment, channel: e.channel };
  });
  return { maxShift: o.max_shift === undefined ? null : share(o.max_shift, ["optimise", "max_shift"], "max_shift"), contributionFloor: o.contribution_floor ?? null, checks: o.checks ?? null, limits, exclusions };
}

/** The optional seasonality: 4 or 12 weights, none negative, together exactly 100%. */
function normalizeSeasonality(file: ModelFile, ctx: Context): Seasonality | null {
  const raw = file.seasonality;
  if (raw === undefined) return null;
  if (raw.length !== 4 && raw.length !== 12) {
    ctx.issues.push(error("SEASONALITY_LENGTH", ["seasonality"], { count: raw.length }));
    return null;
  }
  const weights = raw.map((w, i) => {
    const value = ctx.value(parsePercent, w);
    if (value.isNegative()) ctx.issues.push(error("NEGATIVE_VALUE", ["seasonality", i], { field: "seasonality", value: percentText(value), year: "" }));
    return value;
  });
  const total = sum(weights);
  if (!total.equals(ONE)) ctx.issues.push(error("SEASONALITY_NOT_100", ["seasonality"], { sum: percentText(total) }));
  return { kind: raw.length === 4 ? "quarters" : "months", weights };
}

/** A variance check (kind: variance): revenue or contribution, max_below, optional channel and scenarios. */
function normalizeVarianceCheck(c: CheckFile, i: number, file: ModelFile, ctx: Context, channelIds: readonly string[]): Check | null {
  const at = (k: string): Path => ["checks", i, k];
  const before = ctx.issues.length;
  const wrong = (k: string, what: string, atKey = true) => ctx.issues.push(error("CHECK_VARIANCE", at(k), { what }, atKey ? { atKey: true } : {}));
  if (c.kind !== "variance") wrong("max_below", "max_below belongs to a check with kind: variance");
  if (c.metric !== "revenue" && c.metric !== "contribution") wrong("metric", `a variance check compares revenue or contribution, not '${c.metric}'`, false);
  for (const k of ["min", "max", "segment", "years"] as const) if (c[k] !== undefined) wrong(k, `a variance check has no ${k}`);
  if (c.channel !== undefined && !channelIds.includes(c.channel)) ctx.issues.push(reference("UNKNOWN_CHANNEL", c.channel, channelIds, at("channel")));
  let below = ZERO;
  let ratio = false;
  if (c.max_below === undefined) ctx.issues.push(error("CHECK_NO_BOUND", ["checks", i]));
  else {
    ratio = typeof c.max_below === "string" && c.max_below.endsWith("%");
    below = ctx.value((v: MoneyInput) => parseBound(v).value, c.max_below);
    if (below.isNegative()) ctx.issues.push(error("NEGATIVE_VALUE", at("max_below"), { field: "max_below", value: String(c.max_below), year: "" }));
  }
  const known = scenarioIds(file);
  if (Array.isArray(c.scenarios)) {
    c.scenarios.forEach((id, j) => {
      if (!known.set.has(id)) ctx.issues.push(reference("UNKNOWN_SCENARIO", id, known.list, ["checks", i, "scenarios", j]));
    });
  }
  if (ctx.issues.slice(before).some((x) => x.severity === "error")) return null;
  const scope = c.channel === undefined ? "every channel" : c.channel;
  return {
    index: i,
    name: c.name ?? `${c.metric} year to date at most ${String(c.max_below)} below plan, ${scope}`,
    metric: c.metric,
    channel: c.channel ?? null,
    segment: null,
    years: { kind: "all" },
    scenarios: c.scenarios ?? ["base"],
    min: null,
    max: null,
    variance: { below, ratio },
  };
}
