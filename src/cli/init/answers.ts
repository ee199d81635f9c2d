// The init wizard's answers, their defaults, and the pure `modelFromAnswers()` that turns them
// into a commented, canonical model file. No prompts and no I/O here, so all of it is testable
// without a terminal; wizard.ts asks the questions.
import { Document, Pair, Scalar, YAMLMap, YAMLSeq, type Node } from "yaml";
import { say } from "../words.js";

const t = (en: string, nl: string): string => say({ en, nl });

export const SEGMENT_TYPES = ["enterprise", "midmarket", "mkb", "consumer"] as const;
export type SegmentType = (typeof SEGMENT_TYPES)[number];
export const CHANNEL_KINDS = ["direct", "partners", "webshop", "marketplace"] as const;
export type ChannelKind = (typeof CHANNEL_KINDS)[number];
export const ALLOCATION_CHOICES = ["revenue", "gross_profit", "contribution", "customers", "new_customers", "equal"] as const;

export interface SegmentAnswers {
  readonly type: SegmentType;
  readonly name: string;
  readonly customers: number;
  readonly newCustomers: number;
  /** Percentages as a person types them: 12 means 12%. */
  readonly churn: number;
  readonly revenuePerCustomer: number;
  readonly grossMargin: number;
}

export interface ChannelAnswers {
  readonly kind: ChannelKind;
  readonly acquisitionCost: number;
  readonly serviceCost: number;
  /** direct: commission; partners: rebates; webshop: payment fees; marketplace: commission. */
  readonly variableRate: number;
  readonly fixedCost: number;
  /** partners only: the share of the end-customer price partners keep. */
  readonly partnerMargin?: number;
  /** partners only: what partners pay for the platform and leads, per year. */
  readonly partnerIncome?: number;
  /** e-commerce: the end-customer price below list. */
  readonly priceDiscount?: number;
  /** partners only, instead of partnerMargin: the partner programme's tiers, lowest first. */
  readonly tiers?: readonly TierAnswers[];
}

export interface TierAnswers {
  readonly id: string;
  readonly name: string;
  /** Percentages as typed: 20 means 20%. */
  readonly partnerMargin: number;
  /** Paid by one partner of the tier per year. */
  readonly fee: number;
  readonly partners: number;
  /** The tier's share of the channel's sell-out; the tiers' shares add up to 100. */
  readonly share: number;
}

export interface SharedCostAnswers {
  readonly id: string;
  readonly amount: number;
  readonly allocateBy: (typeof ALLOCATION_CHOICES)[number];
}

export interface InitAnswers {
  readonly name: string;
  readonly currency: string;
  readonly startYear: number;
  readonly years: number;
  readonly discountRate: number;
  readonly segments: readonly SegmentAnswers[];
  readonly channels: readonly ChannelAnswers[];
  /** mix[segment type][channel kind] in whole percent; each segment's shares sum to 100. */
  readonly mix: Readonly<Record<string, Readonly<Record<string, number>>>>;
  readonly sharedCosts: readonly SharedCostAnswers[];
  readonly scenario: "none" | "webshop-push" | "partner-margin-up" | "direct-to-partners";
}

export const SEGMENT_DEFAULTS: Record<SegmentType, Omit<SegmentAnswers, "type">> = {
  enterprise: { name: "Large and complex accounts", customers: 80, newCustomers: 10, churn: 6, revenuePerCustomer: 150000, grossMargin: 45 },
  midmarket: { name: "Mid-market", customers: 600, newCustomers: 100, churn: 10, revenuePerCustomer: 20000, grossMargin: 42 },
  mkb: { name: "MKB (small businesses)", customers: 3000, newCustomers: 800, churn: 18, revenuePerCustomer: 3500, grossMargin: 45 },
  consumer: { name: "Consumers", customers: 20000, newCustomers: 9000, churn: 40, revenuePerCustomer: 90, grossMargin: 50 },
};

export const CHANNEL_DEFAULTS: Record<ChannelKind, Omit<ChannelAnswers, "kind">> = {
  direct: { acquisitionCost: 15000, serviceCost: 4000, variableRate: 4, fixedCost: 900000 },
  partners: { acquisitionCost: 1000, serviceCost: 250, variableRate: 2, fixedCost: 350000, partnerMargin: 25, partnerIncome: 60000 },
  webshop: { acquisitionCost: 150, serviceCost: 40, variableRate: 1.8, fixedCost: 200000, priceDiscount: 0 },
  marketplace: { acquisitionCost: 20, serviceCost: 5, variableRate: 15, fixedCost: 60000, priceDiscount: 0 },
};

const CHANNEL_TYPE: Record<ChannelKind, string> = { direct: "direct", partners: "indirect", webshop: "ecommerce", marketplace: "ecommerce" };
const VARIABLE_LINE: Record<ChannelKind, string> = { direct: "commission", partners: "rebates", webshop: "payment_fees", marketplace: "marketplace_commission" };
const FIXED_LINE: Record<ChannelKind, string> = { direct: "sales_team", partners: "channel_management", webshop: "platform", marketplace: "listing_management" };

/** The usual mix (round table: large accounts direct, MKB via partners, e-commerce beside). */
const TYPICAL_MIX: Record<SegmentType, Partial<Record<ChannelKind, number>>> = {
  enterprise: { direct: 100 },
  midmarket: { direct: 40, partners: 60 },
  mkb: { partners: 70, webshop: 30, direct: 0 },
  consumer: { webshop: 60, marketplace: 40 },
};

/** Whole-percent default shares for the chosen channels, summing to exactly 100. */
export function defaultMix(type: SegmentType, channels: readonly ChannelKind[]): Record<string, number> {
  const typical = channels.map((c) => TYPICAL_MIX[type][c] ?? 0);
  const total = typical.reduce((a, b) => a + b, 0);
  const weights = total > 0 ? typical : channels.map(() => 1);
  const sumWeights = weights.reduce((a, b) => a + b, 0);
  const shares = weights.map((w) => Math.floor((w * 100) / sumWeights));
  let rest = 100 - shares.reduce((a, b) => a + b, 0);
  for (let i = 0; rest > 0; i = (i + 1) % shares.length) {
    if (weights[i]! > 0) { shares[i]! += 1; rest--; }
  }
  return Object.fromEntries(channels.map((c, i) => [c, shares[i]!]));
}

/** A segment's suggested name, in the run's language (an id stays English in the file). */
export const segmentName = (type: SegmentType): string => ({
  enterprise: t(SEGMENT_DEFAULTS.enterprise.name, "Grote en complexe klanten"),
  midmarket: t(SEGMENT_DEFAULTS.midmarket.name, "Middelgrote bedrijven"),
  mkb: t(SEGMENT_DEFAULTS.mkb.name, "MKB (kleine bedrijven)"),
  consumer: t(SEGMENT_DEFAULTS.consumer.name, "Consumenten"),
})[type];

export const planName = (start: number, years: number): string => t(`Distribution plan ${start}-${start + years - 1}`, `Distributieplan ${start}-${start + years - 1}`);

export function defaultAnswers(startYear: number): InitAnswers {
  const segments = (["enterprise", "midmarket", "mkb"] as const).map((type) => ({ type, ...SEGMENT_DEFAULTS[type], name: segmentName(type) }));
  const channels = (["direct", "partners", "webshop"] as const).map((kind) => ({ kind, ...CHANNEL_DEFAULTS[kind] }));
  const kinds = channels.map((c) => c.kind);
  return {
    name: planName(startYear, 5),
    currency: "EUR",
    startYear,
    years: 5,
    discountRate: 8,
    segments,
    channels,
    mix: Object.fromEntries(segments.map((s) => [s.type, defaultMix(s.type, kinds)])),
    sharedCosts: [
      { id: "marketing", amount: 500000, allocateBy: "revenue" },
      { id: "it_and_overhead", amount: 400000, allocateBy: "customers" },
    ],
    scenario: "webshop-push",
  };
}

// ---- the model text --------------------------------------------------------------------------
// Built as a YAML document (the `yaml` library's node API), never by pasting text: a name such as
// `MKB: small # firms`, `null`, `- x` or `007` is quoted exactly where YAML needs it.
const pct = (n: number) => `${n}%`;
/** a + b and a − b for shares with at most two decimals, in whole hundredths: no float drift. */
const plus = (a: number, b: number) => (Math.round(a * 100) + Math.round(b * 100)) / 100;
const minus = (a: number, b: number) => plus(a, -b);

/** A mapping written on one line: `{ a: 1, b: 2 }`. */
class Flow {
  constructor(readonly entries: Record<string, unknown>) {}
}

interface ScenarioEntry {
  readonly id: string;
  readonly name: string;
  readonly set: Record<string, unknown>;
}

/** A scenario that moves up to 20 points of a segment from one channel to another over the horizon. */
function moveShare(a: InitAnswers, type: string, from: string, to: string, id: string, name: string): ScenarioEntry {
  const source = a.mix[type]![from]!;
  const target = a.mix[type]![to] ?? 0;
  const move = Math.min(source, 20);
  return {
    id,
    name,
    set: {
      [`mix.${type}.${from}`]: new Flow({ from: pct(source), to: pct(minus(source, move)) }),
      [`mix.${type}.${to}`]: new Flow({ from: pct(target), to: pct(plus(target, move)) }),
    },
  };
}

function scenarioEntries(a: InitAnswers): ScenarioEntry[] {
  const kinds = a.channels.map((c) => c.kind);
  const served = (type: string, kind: string) => (a.mix[type]?.[kind] ?? 0) > 0;
  if (a.scenario === "webshop-push") {
    const both = a.segments.find((s) => served(s.type, "partners") && served(s.type, "webshop"));
    const segment = both ?? a.segments.find((s) => served(s.type, "partners") && kinds.includes("webshop"));
    return segment ? [moveShare(a, segment.type, "partners", "webshop", "webshop-push", t(`Move ${segment.name} to the webshop faster`, `${segment.name} sneller naar de webwinkel`))] : [];
  }
  if (a.scenario === "partner-margin-up") {
    const partners = a.channels.find((c) => c.kind === "partners");
    if (!partners) return [];
    const top = partners.tiers?.at(-1);
    if (top) return [{ id: "partner-margin-up", name: t(`Raise ${top.name}'s margin by 3 points`, `De marge van ${top.name} 3 punten verhogen`), set: { [`channels.partners.tiers.${top.id}.partner_margin`]: pct(Math.min(100, plus(top.partnerMargin, 3))) } }];
    return [{ id: "partner-margin-up", name: t("Raise the partner margin by 3 points", "De partnermarge 3 punten verhogen"), set: { "channels.partners.partner_margin": pct(Math.min(100, plus(partners.partnerMargin ?? 25, 3))) } }];
  }
  if (a.scenario === "direct-to-partners") {
    const segment = a.segments.find((s) => served(s.type, "direct") && kinds.includes("partners"));
    return segment ? [moveShare(a, segment.type, "direct", "partners", "direct-to-partners", t(`Hand ${segment.name} over to partners`, `${segment.name} aan partners overdragen`))] : [];
  }
  return [];
}

/** The model's content, in the order of the schema; sections that would be empty are left out. */
function modelContent(a: InitAnswers): Record<string, unknown> {
  const segments = a.segments.map((s) => ({
    id: s.type,
    name: s.name,
    customers: s.customers,
    new_customers: s.newCustomers,
    churn: pct(s.churn),
    revenue_per_customer: s.revenuePerCustomer,
    gross_margin: pct(s.grossMargin),
  }));
  const channels = a.channels.map((c) => ({
    id: c.kind,
    type: CHANNEL_TYPE[c.kind],
    ...(c.priceDiscount !== undefined && c.priceDiscount > 0 ? { price_discount: pct(c.priceDiscount) } : {}),
    ...(c.kind === "partners" && !c.tiers ? { partner_margin: pct(c.partnerMargin ?? 25) } : {}),
    acquisition_cost: c.acquisitionCost,
    service_cost: c.serviceCost,
    variable_costs: new Flow({ [VARIABLE_LINE[c.kind]]: pct(c.variableRate) }),
    fixed_costs: new Flow({ [FIXED_LINE[c.kind]]: c.fixedCost }),
    ...(c.kind === "partners" && (c.partnerIncome ?? 0) > 0 ? { income: new Flow({ platform_and_leads: c.partnerIncome }) } : {}),
    ...(c.kind === "partners" && c.tiers
      ? { tiers: c.tiers.map((k) => ({ id: k.id, name: k.name, partner_margin: pct(k.partnerMargin), fee: k.fee, partners: k.partners, share: pct(k.share) })) }
      : {}),
  }));
  // Channels at 0% are left out: a segment's row names the channels that serve it.
  const mix = Object.fromEntries(a.segments.map((s) => [s.type, new Flow(Object.fromEntries(Object.entries(a.mix[s.type] ?? {}).filter(([, share]) => share > 0).map(([kind, share]) => [kind, pct(share)])))]));
  const conflicts = a.segments.flatMap((s) => {
    const row = a.mix[s.type] ?? {};
    if (!((row.partners ?? 0) > 0)) return [];
    return ["direct", "webshop", "marketplace"].filter((seller) => (row[seller] ?? 0) > 0)
      .map((seller) => ({ segment: s.type, seller, owner: "partners", overlap: "10%", compensation: "5%" }));
  });
  const checks: Record<string, unknown>[] = [{ name: t("plan profitable every year", "plan elk jaar winstgevend"), metric: "net_profit", min: 0 }];
  if (a.channels.some((c) => c.kind === "partners")) checks.push({ name: t("partners contribute", "partners dragen bij"), metric: "contribution", channel: "partners", min: 0 });
  const scenarios = scenarioEntries(a);
  return {
    version: 1,
    name: a.name,
    currency: a.currency,
    start_year: a.startYear,
    years: a.years,
    discount_rate: pct(a.discountRate),
    segments,
    channels,
    mix,
    ...(conflicts.length > 0 ? { conflicts } : {}),
    ...(a.sharedCosts.length > 0 ? { shared_costs: a.sharedCosts.map((c) => ({ id: c.id, amount: c.amount, allocate_by: c.allocateBy })) } : {}),
    ...(scenarios.length > 0 ? { scenarios } : {}),
    checks,
  };
}

/** The comment above each section (a blank line before each), in the run's language. */
const sectionComments = (): Readonly<Record<string, string>> => ({
  segments: t("Who buys: customers at plan start, new ones per year, the share lost each year, revenue per\ncustomer at list price and the gross margin at list price.",
    "Wie koopt: klanten bij de start, nieuwe per jaar, het deel dat elk jaar vertrekt, omzet per\nklant tegen lijstprijs en de brutomarge tegen lijstprijs."),
  channels: t("How they are served, and what each channel costs to win and serve a customer.",
    "Hoe ze bediend worden, en wat elk kanaal kost om een klant te winnen en te bedienen."),
  mix: t("The share of each segment's customers per channel; 100% per segment.", "Het aandeel van de klanten van elk segment per kanaal; 100% per segment."),
  conflicts: t("Agreed in advance: when a channel sells into partner-owned accounts, the partner is\ncompensated (a share of that revenue).",
    "Vooraf afgesproken: verkoopt een kanaal aan klanten van een partner, dan krijgt de partner\neen compensatie (een deel van die omzet)."),
  shared_costs: t("Costs no single channel causes, and how finance and sales agreed to allocate them.",
    "Kosten die geen enkel kanaal alleen veroorzaakt, en hoe finance en sales ze afspraken te verdelen."),
  scenarios: t("What-ifs: each changes a few values of the plan above (`distplan compare`).", "Wat-als: elk verandert een paar waarden van het plan hierboven (`distplan compare`)."),
  checks: t("CI gates for `distplan check`.", "CI-poorten voor `distplan check`."),
});

const asComment = (text: string) => text.split("\n").map((line) => ` ${line}`).join("\n");

function toNode(doc: Document, value: unknown): Node {
  if (value instanceof Flow) {
    const map = toNode(doc, value.entries) as YAMLMap;
    map.flow = true;
    return map;
  }
  if (Array.isArray(value)) {
    const seq = new YAMLSeq();
    for (const item of value) seq.items.push(toNode(doc, item));
    return seq;
  }
  if (value !== null && typeof value === "object") {
    const map = new YAMLMap();
    for (const [k, v] of Object.entries(value)) map.items.push(new Pair(new Scalar(k), toNode(doc, v)));
    return map;
  }
  return doc.createNode(value) as Node;
}

/** The model file for a set of answers: valid, commented, in canonical (fmt) form once formatted. */
export function modelFromAnswers(a: InitAnswers, schemaRef: string): string {
  const doc = new Document();
  const root = toNode(doc, modelContent(a)) as YAMLMap<Scalar, unknown>;
  const comments = sectionComments();
  for (const pair of root.items) {
    const comment = comments[String(pair.key.value)];
    if (comment) {
      pair.key.commentBefore = asComment(comment);
      pair.key.spaceBefore = true;
    }
  }
  doc.contents = root;
  // On the first key rather than the document: a document comment is followed by a blank line.
  root.items[0]!.key.commentBefore = asComment(`yaml-language-server: $schema=${schemaRef}\n${t(
    "Written by `distplan init`. Edit freely: `distplan validate` checks it, `distplan report` and\n`distplan compare` show what it earns, `distplan check` gates it in CI.",
    "Geschreven door `distplan init`. Pas het gerust aan: `distplan validate` controleert het,\n`distplan report` en `distplan compare` tonen wat het oplevert, `distplan check` bewaakt het in CI.",
  )}`);
  return doc.toString({ indent: 2, indentSeq: true, lineWidth: 0, minContentWidth: 0, flowCollectionPadding: true });
}
