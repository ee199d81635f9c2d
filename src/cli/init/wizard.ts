// The questions of `distplan init`, asked through an injected `Prompts` (the @inquirer/prompts
// functions in the CLI, a script in tests). Every answer is validated as it is typed, with a
// message that says why it is wrong; every question has a default, so Enter all the way through
// gives a valid, sensible model.
import {
  ALLOCATION_CHOICES, CHANNEL_DEFAULTS, CHANNEL_KINDS, SEGMENT_DEFAULTS, SEGMENT_TYPES, defaultMix, planName, segmentName,
  type ChannelAnswers, type ChannelKind, type InitAnswers, type SegmentAnswers, type SegmentType, type SharedCostAnswers, type TierAnswers,
} from "./answers.js";
import { checkStructure } from "../../model/structure.js";
import { misspelledNumber } from "../../model/number-spelling.js";
import { issueText } from "../../model/issues.js";
import { parseMoney } from "../../model/values.js";
import { say } from "../words.js";

/** A sentence of the wizard in the run's language (--lang, or the locale). */
const t = (en: string, nl: string): string => say({ en, nl });

type Validate = (value: string) => true | string;

export interface Prompts {
  input(config: { message: string; default?: string; validate?: Validate }): Promise<string>;
  select<T extends string>(config: { message: string; choices: readonly { name: string; value: T; description?: string }[]; default?: T }): Promise<T>;
  checkbox<T extends string>(config: { message: string; choices: readonly { name: string; value: T; checked?: boolean }[]; validate?: (choices: readonly { value: T }[]) => true | string }): Promise<T[]>;
}

// ---- validators (pure; exported for tests) ---------------------------------------------------
type AmountKind = "money" | "count";
/** Where a typed amount is put in a probe model, so the model's own rules judge it. */
const PROBE_PATH: Record<AmountKind, string> = { money: "segments.0.revenue_per_customer", count: "segments.0.customers" };

/**
 * The model file's verdict on an amount typed as text: the same rules and the same message as
 * for that value in a model file (`1,5M` is refused there, so it is here), or null when valid.
 */
export function amountProblem(text: string, kind: AmountKind = "money"): string | null {
  const value = text.trim();
  // Dutch thousands (1.000.000) and decimal commas (1,5M) first, as the file's parser does.
  const misspelled = misspelledNumber(value, kind, PROBE_PATH[kind].split("."), 0);
  if (misspelled) {
    const { message, hint } = issueText(misspelled);
    return `${message} (${hint})`;
  }
  const segment: Record<string, unknown> = { id: "s", customers: 1, revenue_per_customer: 1, gross_margin: "0%" };
  segment[kind === "money" ? "revenue_per_customer" : "customers"] = value;
  const probe = { version: 1, name: "probe", start_year: 2027, segments: [segment], channels: [{ id: "c", type: "direct" }], mix: { s: { c: "100%" } } };
  const issue = checkStructure(probe).find((i) => i.path.join(".") === PROBE_PATH[kind]);
  if (!issue) return null;
  const { message, hint } = issueText(issue);
  return `${message} (${hint})`;
}

/** "1400000", "1_400_000", "1.4M", "250k" → a whole amount, by the model's value rules; null otherwise. */
export function parseAmount(text: string, kind: AmountKind = "money"): number | null {
  if (amountProblem(text, kind) !== null) return null;
  const value = parseMoney(text.trim());
  // Whole units only in the wizard (cents can be edited in the file afterwards).
  return value.isInteger() && !value.isNegative() && value.lessThan(1e15) ? value.toNumber() : null;
}

const amountValidator = (kind: AmountKind, wrong: () => string): Validate => (v) => amountProblem(v, kind) ?? (parseAmount(v, kind) !== null ? true : wrong());
export const validateAmount: Validate = amountValidator("money", () => t("enter a whole amount such as 250000, 250k or 1.4M", "vul een heel bedrag in, zoals 250000, 250k of 1.4M"));
export const validateCount: Validate = amountValidator("count", () => t("enter a whole number of customers, such as 120 or 1.2k", "vul een heel aantal klanten in, zoals 120 of 1.2k"));
const validatePartners: Validate = amountValidator("count", () => t("enter a whole number of partners, such as 40", "vul een heel aantal partners in, zoals 40"));

/** "12", "12%", "12.5 %" → 12.5; null outside 0..100 or not a number. */
export function parsePercentAnswer(text: string): number | null {
  const m = /^\s*(\d+(?:\.\d{1,2})?)\s*%?\s*$/.exec(text);
  if (!m) return null;
  const n = Number(m[1]);
  return n <= 100 ? n : null;
}
export const validatePercent: Validate = (v) => (parsePercentAnswer(v) !== null ? true : t("enter a percentage from 0 to 100, such as 12 or 12.5%", "vul een percentage van 0 tot 100 in, zoals 12 of 12.5%"));
export const validateYear: Validate = (v) => (/^\s*\d{4}\s*$/.test(v) && Number(v) >= 1900 && Number(v) <= 2200 ? true : t("enter a calendar year such as 2027", "vul een kalenderjaar in, zoals 2027"));
export const validateYears: Validate = (v) => (/^\s*([1-9]|10)\s*$/.test(v) ? true : t("enter a horizon of 1 to 10 years (3 to 5 is what a distribution model should hold)", "vul een horizon van 1 tot 10 jaar in (3 tot 5 jaar is wat een distributiemodel hoort te dragen)"));
export const validateCurrency: Validate = (v) => (/^\s*[A-Za-z]{3}\s*$/.test(v) ? true : t("enter a three-letter ISO 4217 code such as EUR, USD or GBP", "vul een ISO 4217-code van drie letters in, zoals EUR, USD of GBP"));
export const validateName: Validate = (v) => (v.trim().length > 0 ? true : t("the plan needs a name", "het plan heeft een naam nodig"));

export function validateShare(remaining: number, of: "channels" | "tiers" = "channels"): Validate {
  return (v) => {
    const n = parsePercentAnswer(v);
    if (n === null) return t("enter a share from 0 to 100%", "vul een aandeel van 0 tot 100% in");
    if (n > remaining) {
      return of === "channels"
        ? t(`only ${remaining}% is left for this segment's other channels`, `er is nog maar ${remaining}% over voor de andere kanalen van dit segment`)
        : t(`only ${remaining}% of the partners' sell-out is left for the other tiers`, `er is nog maar ${remaining}% van de sell-out van partners over voor de andere niveaus`);
    }
    return true;
  };
}

// ---- the conversation -------------------------------------------------------------------------
const ask = async (p: Prompts, message: string, fallback: string | number, validate: Validate) => p.input({ message, default: String(fallback), validate });
const amount = async (p: Prompts, message: string, fallback: number) => parseAmount(await ask(p, message, fallback, validateAmount))!;
const share = async (p: Prompts, message: string, fallback: number) => parsePercentAnswer(await ask(p, message, fallback, validatePercent))!;

const segmentLabel = (type: SegmentType): string => ({
  enterprise: t("Enterprise — large, complex accounts", "Enterprise — grote, complexe klanten"),
  midmarket: t("Mid-market", "Middelgrote bedrijven"),
  mkb: t("MKB — small businesses", "MKB — kleine bedrijven"),
  consumer: t("Consumers", "Consumenten"),
})[type];
const channelLabel = (kind: ChannelKind): string => ({
  direct: t("Direct sales (account managers)", "Directe verkoop (accountmanagers)"),
  partners: t("Partners (resellers, agents, installers)", "Partners (resellers, agenten, installateurs)"),
  webshop: t("Own webshop", "Eigen webwinkel"),
  marketplace: t("Marketplace", "Marktplaats"),
})[kind];

/** Three tiers, lowest first: margins rise, and so do the fee and the partners' sell-out each. */
export const TIER_DEFAULTS: readonly TierAnswers[] = [
  { id: "registered", name: "Registered", partnerMargin: 20, fee: 250, partners: 60, share: 25 },
  { id: "silver", name: "Silver", partnerMargin: 25, fee: 1000, partners: 25, share: 35 },
  { id: "gold", name: "Gold", partnerMargin: 30, fee: 3000, partners: 10, share: 40 },
];

async function askTiers(p: Prompts, label: string): Promise<TierAnswers[]> {
  const tiers: TierAnswers[] = [];
  let left = 10000; // hundredths of a percent, as for the mix
  for (const [i, d] of TIER_DEFAULTS.entries()) {
    const remaining = left / 100;
    const margin = await share(p, t(`${label} · ${d.name}: margin a ${d.name} partner keeps (%)`, `${label} · ${d.name}: marge die een ${d.name}-partner houdt (%)`), d.partnerMargin);
    const fee = await amount(p, t(`${label} · ${d.name}: what one ${d.name} partner pays you per year (certification, platform, leads)`, `${label} · ${d.name}: wat één ${d.name}-partner u per jaar betaalt (certificering, platform, leads)`), d.fee);
    const partners = parseAmount(await ask(p, t(`${label} · ${d.name}: partners in this tier`, `${label} · ${d.name}: partners op dit niveau`), d.partners, validatePartners), "count")!;
    let tierShare = remaining;
    if (i < TIER_DEFAULTS.length - 1) {
      tierShare = parsePercentAnswer(await p.input({
        message: t(`${label} · ${d.name}: share of the partners' sell-out (%, ${remaining}% left)`, `${label} · ${d.name}: aandeel in de sell-out van partners (%, nog ${remaining}%)`),
        default: String(Math.min(d.share, remaining)),
        validate: validateShare(remaining, "tiers"),
      }))!;
      left -= Math.round(tierShare * 100);
    }
    tiers.push({ id: d.id, name: d.name, partnerMargin: margin, fee, partners, share: tierShare });
  }
  return tiers;
}

export async function runWizard(p: Prompts, startYear: number): Promise<InitAnswers> {
  const currency = (await ask(p, t("Currency (ISO 4217)", "Valuta (ISO 4217)"), "EUR", validateCurrency)).trim().toUpperCase();
  const start = Number(await ask(p, t("First year of the plan", "Eerste jaar van het plan"), startYear, validateYear));
  const years = Number(await ask(p, t("Horizon in years (3-5 suggested)", "Horizon in jaren (3-5 aanbevolen)"), 5, validateYears));
  const name = (await p.input({ message: t("Plan name", "Naam van het plan"), default: planName(start, years), validate: validateName })).trim();
  const discountRate = await share(p, t("Discount rate for NPV (%)", "Disconteringsvoet voor de NCW (%)"), 8);

  const types = await p.checkbox<SegmentType>({
    message: t("Which customer segments do you serve?", "Welke klantsegmenten bedient u?"),
    choices: SEGMENT_TYPES.map((type) => ({ name: segmentLabel(type), value: type, checked: type !== "consumer" })),
    validate: (c) => (c.length > 0 ? true : t("choose at least one segment", "kies minstens één segment")),
  });
  const segments: SegmentAnswers[] = [];
  for (const type of types) {
    const d = SEGMENT_DEFAULTS[type];
    // Every later question about the segment uses the name the person just typed.
    const name = (await p.input({ message: t(`${segmentLabel(type)}: name`, `${segmentLabel(type)}: naam`), default: segmentName(type), validate: validateName })).trim();
    segments.push({
      type,
      name,
      customers: parseAmount(await ask(p, t(`${name}: active customers today`, `${name}: actieve klanten nu`), d.customers, validateCount), "count")!,
      newCustomers: parseAmount(await ask(p, t(`${name}: new customers per year`, `${name}: nieuwe klanten per jaar`), d.newCustomers, validateCount), "count")!,
      churn: await share(p, t(`${name}: customers lost per year (%)`, `${name}: klanten die per jaar vertrekken (%)`), d.churn),
      revenuePerCustomer: await amount(p, t(`${name}: revenue per customer per year, at list price`, `${name}: omzet per klant per jaar, tegen lijstprijs`), d.revenuePerCustomer),
      grossMargin: await share(p, t(`${name}: gross margin at list price (%)`, `${name}: brutomarge tegen lijstprijs (%)`), d.grossMargin),
    });
  }

  const kinds = await p.checkbox<ChannelKind>({
    message: t("Through which channels do you sell?", "Via welke kanalen verkoopt u?"),
    choices: CHANNEL_KINDS.map((k) => ({ name: channelLabel(k), value: k, checked: k !== "marketplace" })),
    validate: (c) => (c.length > 0 ? true : t("choose at least one channel", "kies minstens één kanaal")),
  });
  const channels: ChannelAnswers[] = [];
  for (const kind of kinds) {
    const d = CHANNEL_DEFAULTS[kind];
    const label = channelLabel(kind);
    const extra: Partial<ChannelAnswers> = {};
    if (kind === "partners") {
      // The round table grades partners in tiers (Registered → Silver → Gold, docs/MODEL.md §14a).
      const graded = await p.select<"one" | "tiers">({
        message: t(`${label}: one margin for every partner, or a partner programme in tiers?`, `${label}: één marge voor elke partner, of een partnerprogramma met niveaus?`),
        choices: [
          { name: t("One margin for every partner", "Eén marge voor elke partner"), value: "one" },
          { name: t("Tiers: Registered, Silver and Gold, each with its margin, fee and partners", "Niveaus: Registered, Silver en Gold, elk met eigen marge, bijdrage en partners"), value: "tiers" },
        ],
        default: "one",
      });
      if (graded === "tiers") Object.assign(extra, { tiers: await askTiers(p, label) });
      else Object.assign(extra, { partnerMargin: await share(p, t(`${label}: margin partners keep (% of the end-customer price)`, `${label}: marge die partners houden (% van de eindklantprijs)`), d.partnerMargin!) });
      Object.assign(extra, { partnerIncome: await amount(p, t(`${label}: what partners pay you per year besides tier fees (platform, leads)`, `${label}: wat partners u per jaar betalen naast niveaubijdragen (platform, leads)`), d.partnerIncome!) });
    }
    if (kind === "webshop" || kind === "marketplace") {
      Object.assign(extra, { priceDiscount: await share(p, t(`${label}: price below list (%)`, `${label}: prijs onder de lijstprijs (%)`), d.priceDiscount!) });
    }
    const variableLabel = {
      direct: t("sales commission", "verkoopprovisie"), partners: t("rebates and MDF", "bonussen en MDF"),
      webshop: t("payment fees", "betaalkosten"), marketplace: t("marketplace commission", "commissie van de marktplaats"),
    }[kind];
    channels.push({
      kind,
      ...extra,
      acquisitionCost: await amount(p, t(`${label}: cost to win a customer`, `${label}: kosten om een klant te winnen`), d.acquisitionCost),
      serviceCost: await amount(p, t(`${label}: cost to serve a customer per year`, `${label}: kosten om een klant een jaar te bedienen`), d.serviceCost),
      variableRate: await share(p, t(`${label}: ${variableLabel} (% of revenue)`, `${label}: ${variableLabel} (% van de omzet)`), d.variableRate),
      fixedCost: await amount(p, t(`${label}: fixed costs per year (team, platform)`, `${label}: vaste kosten per jaar (team, platform)`), d.fixedCost),
    });
  }

  const mix: Record<string, Record<string, number>> = {};
  for (const s of segments) {
    const suggested = defaultMix(s.type, kinds);
    const row: Record<string, number> = {};
    // Shares have at most two decimals: keep what is left in hundredths of a percent, whole
    // numbers, so that 33.33 + 33.33 leaves exactly 33.34 (no float drift in the written file).
    let left = 10000;
    for (const [i, kind] of kinds.entries()) {
      const remaining = left / 100;
      if (i === kinds.length - 1) { row[kind] = remaining; break; }
      const value = parsePercentAnswer(await p.input({
        message: t(`${s.name}: share served by ${channelLabel(kind)} (%, ${remaining}% left)`, `${s.name}: aandeel bediend via ${channelLabel(kind)} (%, nog ${remaining}%)`),
        default: String(Math.min(suggested[kind] ?? 0, remaining)),
        validate: validateShare(remaining),
      }))!;
      row[kind] = value;
      left -= Math.round(value * 100);
    }
    mix[s.type] = row;
  }

  const sharedCosts: SharedCostAnswers[] = [];
  const sharedCostList = [
    ["marketing", t("Marketing (brand, events)", "Marketing (merk, evenementen)"), 500000, "revenue"],
    ["it_and_overhead", t("IT and overhead", "IT en overhead"), 400000, "customers"],
  ] as const;
  const methodName = (m: (typeof ALLOCATION_CHOICES)[number]): string => ({
    revenue: t("revenue", "omzet"), gross_profit: t("gross profit", "brutowinst"), contribution: t("contribution", "dekkingsbijdrage"),
    customers: t("customers", "klanten"), new_customers: t("new customers", "nieuwe klanten"), equal: t("equal shares", "gelijke delen"),
  })[m];
  for (const [id, label, fallback, method] of sharedCostList) {
    const value = await amount(p, t(`${label}: shared cost per year (0 for none)`, `${label}: gedeelde kosten per jaar (0 voor geen)`), fallback);
    if (value === 0) continue;
    const allocateBy = await p.select({
      message: t(`${label}: how do finance and sales allocate it to channels?`, `${label}: hoe verdelen finance en sales deze kosten over de kanalen?`),
      choices: ALLOCATION_CHOICES.map((m) => ({ name: methodName(m), value: m })),
      default: method,
    });
    sharedCosts.push({ id, amount: value, allocateBy });
  }

  const tiered = channels.some((c) => c.tiers !== undefined);
  const scenario = await p.select<InitAnswers["scenario"]>({
    message: t("Add a first scenario to compare with the plan?", "Een eerste scenario toevoegen om met het plan te vergelijken?"),
    choices: [
      ...(kinds.includes("webshop") && kinds.includes("partners") ? [{ name: t("Move a partner segment to the webshop faster", "Een partnersegment sneller naar de webwinkel"), value: "webshop-push" as const }] : []),
      ...(kinds.includes("partners")
        ? [{ name: tiered ? t("Raise the top tier's margin by 3 points", "De marge van het hoogste niveau 3 punten verhogen") : t("Raise the partner margin by 3 points", "De partnermarge 3 punten verhogen"), value: "partner-margin-up" as const }]
        : []),
      ...(kinds.includes("direct") && kinds.includes("partners") ? [{ name: t("Hand a direct segment over to partners", "Een direct segment aan partners overdragen"), value: "direct-to-partners" as const }] : []),
      { name: t("No scenario for now", "Voorlopig geen scenario"), value: "none" as const },
    ],
  });
  return { name, currency, startYear: start, years, discountRate, segments, channels, mix, sharedCosts, scenario };
}
