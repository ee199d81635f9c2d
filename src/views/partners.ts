// `distplan partners classify`: the tier review of a partner list against a channel's tiers —
// promotions, demotions, partners on grace, the early warning, and the tiers' counts and shares
// after the review (docs/MODEL.md §14a). Screen, page, records, and a YAML snippet to paste.
import { Decimal } from "../money/decimal.js";
import type { PartnerReview, Review } from "../engine/classify.js";
import { Figure, code, money, msg, raw, val, type Block, type Data, type Dataset, type ReportDocument, type Row, type Text } from "./document.js";

export interface ReviewContext {
  readonly model: string;
  readonly channel: string;
  readonly currency: string;
  readonly minorUnits: number;
  readonly file: string;
  readonly warn: Decimal;
}

const tierText = (id: string | null): Text => [id === null ? msg("partners.none") : code(id)];

function gapText(r: PartnerReview): Text {
  const w = r.warning!;
  return w.on === "revenue"
    ? [msg("partners.gap.revenue", { cushion: [val(money(w.cushion))], required: [val(money(w.required))] })]
    : [msg("partners.gap.certified", { cushion: [val({ kind: "count", amount: w.cushion })], required: [val({ kind: "count", amount: w.required })] })];
}

export function reviewView(review: Review, c: ReviewContext, density: "screen" | "page"): ReportDocument {
  const page = density === "page";
  const blocks: Block[] = [{ kind: "heading", text: [msg("partners.title", { model: c.model, channel: [code(c.channel)], file: c.file, currency: c.currency })], tone: "strong" }];
  const countsHead: Row = { role: "head", cells: [[msg("partners.column.tier")], [msg("partners.column.before")], [msg("partners.column.after")], [msg("partners.column.revenue")], [msg("partners.column.share")]] };
  const countRows: Row[] = review.tiers.map((t) => ({ role: "line", cells: [[code(t.tier)], [val({ kind: "count", amount: new Decimal(t.before) })], [val({ kind: "count", amount: new Decimal(t.after) })], [val(money(t.revenue))], [val({ kind: "percent", ratio: t.share })]] }));
  if (review.below > 0) countRows.push({ role: "line", cells: [[msg("partners.none")], [], [val({ kind: "count", amount: new Decimal(review.below) })], [], []] });
  blocks.push({ kind: "section", scale: review.tiers.map((t) => t.revenue), blocks: [{ kind: "table", table: { columns: [{ align: "left" }, { align: "right" }, { align: "right" }, { align: "right" }, { align: "right" }], rows: [countsHead, ...countRows], split: false, fixed: 1 } }] });
  const changed = review.partners.filter((r) => r.outcome === "promoted" || r.outcome === "demoted" || r.outcome === "grace" || r.warning !== null);
  if (changed.length === 0) {
    blocks.push({ kind: "paragraph", text: [msg("partners.noChanges")] });
    return { blocks, minorUnits: c.minorUnits };
  }
  const head: Row = { role: "head", cells: [[msg("partners.column.partner")], [msg("partners.column.from")], [msg("partners.column.to")], [msg("partners.column.outcome")], [msg("partners.column.why")]] };
  const rank: Readonly<Record<string, number>> = { demoted: 0, grace: 1, promoted: 2, kept: 3, new: 4, below: 5 };
  // The same few texts on many rows (a review may list 100,000 partners): made once, shared.
  const texts = new Map<string, Text>();
  const once = (key: string, make: () => Text): Text => {
    let text = texts.get(key);
    if (!text) texts.set(key, (text = make()));
    return text;
  };
  const tier = (id: string | null) => once(`tier:${id ?? ""}`, () => tierText(id));
  const outcome = (o: PartnerReview["outcome"]) => once(`outcome:${o}`, () => [msg(`partners.outcome.${o}`, undefined, o === "demoted" ? "bad" : o === "promoted" ? "good" : o === "grace" ? "warning" : undefined)]);
  const rows: Row[] = [...changed].sort((a, b) => rank[a.outcome]! - rank[b.outcome]! || a.partner.line - b.partner.line).map((r) => ({
    role: "line",
    cells: [
      [page ? code(r.partner.id) : raw(r.partner.id), ...(r.partner.name !== r.partner.id ? [raw(` ${r.partner.name}`)] : [])],
      tier(r.before),
      tier(r.after),
      outcome(r.outcome),
      r.outcome === "grace"
        ? once(`grace:${r.graceLeft}:${r.meets ?? ""}`, () => [msg("partners.graceLeft", { n: String(r.graceLeft), meets: tierText(r.meets) })])
        : r.warning ? [msg("partners.warning", undefined, "warning"), ...gapText(r)]
        : r.outcome === "demoted" ? once(`meets:${r.meets ?? ""}`, () => [msg("partners.meets", { meets: tierText(r.meets) })]) : [],
    ],
  }));
  blocks.push({ kind: "gap" }, { kind: "table", table: { columns: [{ align: "left" }, { align: "left" }, { align: "left" }, { align: "left" }, { align: "left" }], rows: [head, ...rows], split: false, fixed: 1 } });
  blocks.push({ kind: "paragraph", text: [msg("partners.legend", { warn: [val({ kind: "percent", ratio: c.warn, places: 0 })] })], tone: "muted" });
  return { blocks, minorUnits: c.minorUnits };
}

export function reviewData(review: Review, c: ReviewContext): Data {
  const m = (x: Decimal) => new Figure("money", x, c.minorUnits);
  return {
    format: "distplan.partners/v1",
    model: c.model,
    channel: c.channel,
    file: c.file,
    warn: new Figure("ratio", c.warn),
    tiers: review.tiers.map((t) => ({ tier: t.tier, before: t.before, after: t.after, revenue: m(t.revenue), share: new Figure("ratio", t.share) })),
    below: review.below,
    partners: review.partners.map((r) => ({
      id: r.partner.id, line: r.partner.line, before: r.before, after: r.after, outcome: r.outcome, meets: r.meets,
      warning: r.warning ? { on: r.warning.on, cushion: r.warning.on === "revenue" ? m(r.warning.cushion) : new Figure("count", r.warning.cushion), required: r.warning.on === "revenue" ? m(r.warning.required) : new Figure("count", r.warning.required) } : null,
      grace_left: r.outcome === "grace" ? r.graceLeft : null,
    })),
  } as unknown as Data;
}

export function reviewRecords(review: Review, c: ReviewContext): Dataset {
  return {
    columns: ["id", "name", "before", "after", "outcome", "meets", "warning_on", "cushion", "grace_left"],
    rows: review.partners.map((r) => [r.partner.id, r.partner.name, r.before ?? "", r.after ?? "", r.outcome, r.meets ?? "", r.warning?.on ?? "", r.warning ? new Figure(r.warning.on === "revenue" ? "money" : "count", r.warning.cushion, c.minorUnits) : "", r.outcome === "grace" ? String(r.graceLeft) : ""]),
  };
}

/** The tiers' partner counts and shares after the review, as YAML to paste into the model's year. */
export function reviewYaml(review: Review, c: ReviewContext, year: number): string {
  const lines = [`# ${c.channel}: the tiers after the review of ${c.file} — the ${year} values of each tier's partners and share`, "tiers:"];
  for (const t of review.tiers) lines.push(`  - id: ${t.tier}`, `    partners: ${t.after}`, `    share: ${t.share.times(100).toDecimalPlaces(2).toFixed()}%`);
  return `${lines.join("\n")}\n`;
}
