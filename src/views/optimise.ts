// `distplan optimise`: the optimal channel mix beside the plan's, the metric as planned, by the LP
// and by the engine, the constraints that hold the optimum back in plain words, and then the
// comparison of the plan with the optimum (compare's own view). When no mix meets the
// constraints: the smallest set of them that conflict. Screen, page and records.
import type { Decimal } from "../money/decimal.js";
import { compareScenarios } from "../engine/compare.js";
import type { Binding, ConstraintRef, OptimiseOutcome, OptimiseOptimal, ShareLimit } from "../engine/optimise.js";
import { compareData, compareView } from "./compare.js";
import { Figure, code, msg, raw, val, type Block, type Data, type Dataset, type Piece, type ReportDocument, type Row, type Text } from "./document.js";
import type { LineField } from "./messages.js";
import type { Check } from "../model/types.js";

export interface OptimiseContext {
  readonly model: string;
  readonly scenario: string;
  readonly currency: string;
  readonly minorUnits: number;
  readonly years: readonly number[];
}

const pct = (ratio: Decimal): Piece => val({ kind: "percent", ratio, places: 2 });
const points = (ratio: Decimal): Text => [raw(ratio.times(100).toFixed())];
const years = (ys: readonly number[]): Text => [val({ kind: "years", years: ys })];

function source(from: ShareLimit["from"]): Text {
  return from.kind === "model" ? [code(`optimise.limits[${from.index}]`)] : [code(from.text)];
}

/** A declared constraint in words, with where it was declared. */
export function constraintText(ref: ConstraintRef): Text {
  switch (ref.kind) {
    case "sum": return [msg("optimise.ref.sum", { segment: [code(ref.segment)] })];
    case "shift": return [msg("optimise.ref.shift", { channel: [code(ref.channel)], segment: [code(ref.segment)], points: points(ref.maxShift) })];
    case "contribution": return [msg("optimise.ref.contribution", { channel: [code(ref.channel)] })];
    case "check": return [msg("optimise.ref.check", { name: checkName(ref.check) })];
    case "exclude": {
      const e = ref.exclusion;
      return [msg("optimise.ref.exclude", { channel: [code(e.channel)], segment: [code(e.segment)], from: e.from.kind === "model" ? [code(`optimise.exclude[${e.from.index}]`)] : [code(e.from.text)] })];
    }
    case "limit": {
      const l = ref.limit;
      const where: Text = l.segment === null ? [msg("optimise.everySegment")] : [code(l.segment)];
      const bound: Text = l.min !== null && l.max !== null ? [msg("optimise.between", { min: [pct(l.min)], max: [pct(l.max)] })] : l.min !== null ? [msg("optimise.atLeast", { min: [pct(l.min)] })] : [msg("optimise.atMost", { max: [pct(l.max!)] })];
      return [msg("optimise.ref.limit", { channel: [code(l.channel)], segment: where, bound, from: source(l.from) })];
    }
  }
}

/** What holds the optimum back, in plain words: "webshop's share of smb capped by the 15-point rule in 2028". */
export function bindingText(b: Binding): Text {
  const ch = [code(b.channel ?? "")];
  const seg = [code(b.segment ?? "")];
  const ys = years(b.years);
  switch (b.ref.kind) {
    case "shift": return [msg(b.side === "max" ? "optimise.binding.shift.max" : "optimise.binding.shift.min", { channel: ch, segment: seg, points: points(b.ref.maxShift), years: ys })];
    case "limit": return [msg(b.side === "max" ? "optimise.binding.limit.max" : "optimise.binding.limit.min", { channel: ch, segment: seg, bound: [pct(b.side === "max" ? b.ref.limit.max! : b.ref.limit.min!)], years: ys, from: source(b.ref.limit.from) })];
    case "exclude": return [msg("optimise.binding.exclude", { channel: ch, segment: seg, years: ys })];
    case "contribution": return [msg("optimise.binding.contribution", { channel: ch, years: ys })];
    case "check": return [msg(b.side === "max" ? "optimise.binding.check.max" : "optimise.binding.check.min", { name: checkName(b.ref.check), years: ys })];
    case "sum": return [msg("optimise.ref.sum", { segment: seg })];
  }
}

/** A check's name; the default check's in the reader's language. */
const checkName = (c: Check): Text => (c.index < 0 ? [msg("check.defaultName")] : [raw(c.name)]);
const notApplied = (checks: readonly Check[]): Block => ({ kind: "notes", tone: "warning", wrap: true, items: [[msg("optimise.checksNotApplied", { checks: checks.flatMap((c, i) => (i === 0 ? checkName(c) : [raw("; "), ...checkName(c)])) })]] });

const metricLabel = (metric: string): Piece => msg(`line.${metric as LineField}`);

function mixTable(o: OptimiseOptimal, c: OptimiseContext): Block {
  const head: Row = { role: "head", cells: [[msg("optimise.column.segment")], [msg("optimise.column.channel")], ...c.years.map((y) => [raw(String(y))])] };
  const rows: Row[] = [];
  for (const [segment, row] of Object.entries(o.shares)) {
    for (const [channel, shares] of Object.entries(row)) {
      const planned = o.planned[segment]![channel]!;
      rows.push({ role: "line", cells: [[code(segment)], [code(channel)], ...shares.map((s) => [pct(s)])] });
      rows.push({ role: "delta", cells: [[], [msg("optimise.vsPlan", undefined, "muted")], ...shares.map((s, t) => [val({ kind: "delta", of: "points", amount: s.minus(planned[t]!), ratio: null, better: null, full: false })])] });
    }
  }
  return { kind: "table", table: { columns: [{ align: "left" }, { align: "left" }, ...c.years.map(() => ({ align: "right" as const }))], rows: [head, ...rows], split: false, fixed: 2 } };
}

function figuresTable(o: OptimiseOptimal): Block {
  const exact = (amount: Decimal): Piece => val({ kind: "money", amount, exact: "cents" });
  const rows: Row[] = [
    { role: "line", cells: [[msg("optimise.figure.planned")], [exact(o.plannedValue)]] },
    { role: "line", cells: [[msg("optimise.figure.lp")], [exact(o.lpObjective)]] },
    { role: "line", cells: [[msg("optimise.figure.linear")], [exact(o.linear)]] },
    { role: "total", cells: [[msg("optimise.figure.engine")], [exact(o.engine)]] },
    { role: "line", cells: [[msg("optimise.figure.gain")], [val({ kind: "delta", of: "money", amount: o.engine.minus(o.plannedValue), ratio: o.plannedValue.isZero() ? null : o.engine.minus(o.plannedValue).dividedBy(o.plannedValue.abs()), better: o.engine.equals(o.plannedValue) ? null : o.engine.greaterThan(o.plannedValue), full: true })]] },
  ];
  return { kind: "table", table: { columns: [{ align: "left" }, { align: "right" }], rows, split: false, fixed: 1 } };
}

export function optimiseView(outcome: OptimiseOutcome, c: OptimiseContext, density: "screen" | "page"): ReportDocument {
  const blocks: Block[] = [
    { kind: "heading", text: [msg("optimise.title", { model: c.model, metric: [metricLabel(outcome.metric)], scenario: [code(c.scenario)], currency: c.currency })], tone: "strong" },
  ];
  if (outcome.kind === "infeasible") {
    blocks.push({ kind: "paragraph", text: [msg("optimise.infeasible")], tone: "bad" });
    blocks.push({ kind: "list", items: outcome.conflict.map(constraintText) });
    blocks.push({ kind: "paragraph", text: [msg("optimise.infeasible.hint")], tone: "muted" });
    if (outcome.checksNotApplied.length > 0) blocks.push(notApplied(outcome.checksNotApplied));
    return { blocks, minorUnits: c.minorUnits };
  }
  const o = outcome;
  blocks.push({ kind: "paragraph", text: [msg("optimise.about", { points: points(o.constraints.maxShift) })], tone: "muted" });
  blocks.push({ kind: "gap" }, { kind: "heading", text: [msg("optimise.mix")], tone: "strong" }, mixTable(o, c));
  blocks.push({ kind: "gap" }, { kind: "heading", text: [metricLabel(o.metric)], tone: "strong" }, figuresTable(o));
  blocks.push({ kind: "paragraph", text: [o.metric === "npv" ? msg("optimise.gap.npv") : msg("optimise.gap.cumulative", { bound: [val({ kind: "money", amount: o.gapBound, exact: "cents" })] })], tone: "muted" });
  blocks.push({ kind: "gap" }, { kind: "heading", text: [msg("optimise.binding")], tone: "strong" });
  blocks.push(o.binding.length === 0 ? { kind: "paragraph", text: [msg("optimise.binding.none")] } : { kind: "list", items: o.binding.map(bindingText) });
  if (o.checksNotApplied.length > 0) blocks.push(notApplied(o.checksNotApplied));
  if (o.roundingBreaks.length > 0) blocks.push({ kind: "notes", tone: "warning", wrap: true, items: o.roundingBreaks.map((r) => [msg("optimise.roundingBreaks", { constraint: constraintText(r) })]) });
  blocks.push({ kind: "gap" });
  const comparison = compareView(o.projection, compareScenarios(o.projection), { density });
  blocks.push(...comparison.blocks);
  return { blocks, minorUnits: c.minorUnits };
}

// ---- records ------------------------------------------------------------------------------------------

const refData = (ref: ConstraintRef): Data => {
  switch (ref.kind) {
    case "sum": return { constraint: "sum", segment: ref.segment };
    case "shift": return { constraint: "max_shift", segment: ref.segment, channel: ref.channel, max_shift: new Figure("ratio", ref.maxShift) };
    case "contribution": return { constraint: "contribution_floor", channel: ref.channel };
    case "check": return { constraint: "check", check: ref.check.name };
    case "exclude": return { constraint: "exclude", segment: ref.exclusion.segment, channel: ref.exclusion.channel, from: ref.exclusion.from.kind === "model" ? `optimise.exclude[${ref.exclusion.from.index}]` : ref.exclusion.from.text };
    case "limit": {
      const l = ref.limit;
      return { constraint: "limit", segment: l.segment, channel: l.channel, min: l.min === null ? null : new Figure("ratio", l.min), max: l.max === null ? null : new Figure("ratio", l.max), from: l.from.kind === "model" ? `optimise.limits[${l.from.index}]` : l.from.text };
    }
  }
};

const mixData = (mix: OptimiseOptimal["shares"]): Data => Object.fromEntries(Object.entries(mix).map(([s, row]) => [s, Object.fromEntries(Object.entries(row).map(([ch, v]) => [ch, v.map((x) => new Figure("ratio", x, 4))]))]));

export function optimiseData(outcome: OptimiseOutcome, c: OptimiseContext, written: string | null = null): Data {
  const common = { format: "distplan.optimise/v1", model: c.model, scenario: c.scenario, currency: c.currency, metric: outcome.metric, status: outcome.kind };
  const skipped = outcome.checksNotApplied.map((c) => c.name);
  if (outcome.kind === "infeasible") return { ...common, conflict: outcome.conflict.map(refData), checks_not_applied: skipped };
  const o = outcome;
  const m = (v: Decimal) => new Figure("money", v, c.minorUnits);
  return {
    ...common,
    max_shift: new Figure("ratio", o.constraints.maxShift),
    contribution_floor: o.constraints.contributionFloor,
    checks: o.constraints.checks,
    planned_mix: mixData(o.planned),
    optimal_mix: mixData(o.shares),
    objective: { planned: m(o.plannedValue), lp: m(o.lpObjective), linear: m(o.linear), engine: m(o.engine), gap_bound: m(o.gapBound) },
    binding: o.binding.map((b) => ({ ...(refData(b.ref) as Record<string, Data>), side: b.side, segment: b.segment, channel: b.channel, years: [...b.years] })),
    rounding_breaks: o.roundingBreaks.map(refData),
    checks_not_applied: skipped,
    written,
    comparison: compareData(o.projection, compareScenarios(o.projection)),
  };
}

/** One row per segment × channel × year: the plan's share and the optimum's (fractions to 4 decimals). */
export function optimiseRecords(outcome: OptimiseOutcome, c: OptimiseContext): Dataset {
  if (outcome.kind === "infeasible") {
    const text = (d: Record<string, Data>, key: string) => (typeof d[key] === "string" ? (d[key] as string) : "");
    return { columns: ["status", "constraint", "segment", "channel", "check", "declared"], rows: outcome.conflict.map((r) => {
      const d = refData(r) as Record<string, Data>;
      return ["infeasible", text(d, "constraint"), text(d, "segment"), text(d, "channel"), text(d, "check"), text(d, "from")];
    }) };
  }
  const rows: (Figure | string)[][] = [];
  for (const [segment, row] of Object.entries(outcome.shares)) {
    for (const [channel, shares] of Object.entries(row)) {
      shares.forEach((s, t) => rows.push([segment, channel, String(c.years[t]), new Figure("ratio", outcome.planned[segment]![channel]![t]!, 4), new Figure("ratio", s, 4), new Figure("ratio", s.minus(outcome.planned[segment]![channel]![t]!), 4)]));
    }
  }
  return { columns: ["segment", "channel", "year", "planned_share", "optimal_share", "change"], rows };
}

