// The questions of `distplan init`, asked through an injected `Prompts` (the @inquirer/prompts
// functions in the CLI, a script in tests). Every answer is validated as it is typed, with a
// message that says why it is wrong; every question has a default, so Enter all the way through
// gives a valid, sensible model.
import {
  ALLOCATION_CHOICES, CHANNEL_DEFAULTS, CHANNEL_KINDS, SEGMENT_DEFAULTS, SEGMENT_TYPES, defaultMix,
  type ChannelAnswers, type ChannelKind, type InitAnswers, type SegmentAnswers, type SegmentType, type SharedCostAnswers,
} from "./answers.js";
import { checkStructure } from "../../model/structure.js";
import { misspelledNumber } from "../../model/number-spelling.js";
import { issueText } from "../../model/issues.js";
import { parseMoney } from "../../model/values.js";

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

const amountValidator = (kind: AmountKind, wrong: string): Validate => (v) => amountProblem(v, kind) ?? (parseAmount(v, kind) !== null ? true : wrong);
export const validateAmount: Validate = amountValidator("money", "enter a whole amount such as 250000, 250k or 1.4M");
export const validateCount: Validate = amountValidator("count", "enter a whole number of customers, such as 120 or 1.2k");

/** "12", "12%", "12.5 %" → 12.5; null outside 0..100 or not a number. */
export function parsePercentAnswer(text: string): number | null {
  const m = /^\s*(\d+(?:\.\d{1,2})?)\s*%?\s*$/.exec(text);
  if (!m) return null;
  const n = Number(m[1]);
  return n <= 100 ? n : null;
}
export const validatePercent: Validate = (v) => (parsePercentAnswer(v) !== null ? true : "enter a percentage from 0 to 100, such as 12 or 12.5%");
export const validateYear: Validate = (v) => (/^\s*\d{4}\s*$/.test(v) && Number(v) >= 1900 && Number(v) <= 2200 ? true : "enter a calendar year such as 2027");
export const validateYears: Validate = (v) => (/^\s*([1-9]|10)\s*$/.test(v) ? true : "enter a horizon of 1 to 10 years (3 to 5 is what a distribution model should hold)");
export const validateCurrency: Validate = (v) => (/^\s*[A-Za-z]{3}\s*$/.test(v) ? true : "enter a three-letter ISO 4217 code such as EUR, USD or GBP");
export const validateName: Validate = (v) => (v.trim().length > 0 ? true : "the plan needs a name");

export function validateShare(remaining: number): Validate {
  return (v) => {
    const n = parsePercentAnswer(v);
    if (n === null) return "enter a share from 0 to 100%";
    if (n > remaining) return `only ${remaining}% is left for this segment's other channels`;
    return true;
  };
}

// ---- the conversation -------------------------------------------------------------------------
const ask = async (p: Prompts, message: string, fallback: string | number, validate: Validate) => p.input({ message, default: String(fallback), validate });
const amount = async (p: Prompts, message: string, fallback: number) => parseAmount(await ask(p, message, fallback, validateAmount))!;
const share = async (p: Prompts, message: string, fallback: number) => parsePercentAnswer(await ask(p, message, fallback, validatePercent))!;

const SEGMENT_LABELS: Record<SegmentType, string> = {
  enterprise: "Enterprise — large, complex accounts", midmarket: "Mid-market", mkb: "MKB — small businesses", consumer: "Consumers",
};
const CHANNEL_LABELS: Record<ChannelKind, string> = {
  direct: "Direct sales (account managers)", partners: "Partners (resellers, agents, installers)", webshop: "Own webshop", marketplace: "Marketplace",
};

export async function runWizard(p: Prompts, startYear: number): Promise<InitAnswers> {
  const currency = (await ask(p, "Currency (ISO 4217)", "EUR", validateCurrency)).trim().toUpperCase();
  const start = Number(await ask(p, "First year of the plan", startYear, validateYear));
  const years = Number(await ask(p, "Horizon in years (3-5 suggested)", 5, validateYears));
  const name = (await p.input({ message: "Plan name", default: `Distribution plan ${start}-${start + years - 1}`, validate: validateName })).trim();
  const discountRate = await share(p, "Discount rate for NPV (%)", 8);

  const types = await p.checkbox<SegmentType>({
    message: "Which customer segments do you serve?",
    choices: SEGMENT_TYPES.map((t) => ({ name: SEGMENT_LABELS[t], value: t, checked: t !== "consumer" })),
    validate: (c) => (c.length > 0 ? true : "choose at least one segment"),
  });
  const segments: SegmentAnswers[] = [];
  for (const type of types) {
    const d = SEGMENT_DEFAULTS[type];
    // Every later question about the segment uses the name the person just typed.
    const name = (await p.input({ message: `${SEGMENT_LABELS[type]}: name`, default: d.name, validate: validateName })).trim();
    segments.push({
      type,
      name,
      customers: parseAmount(await ask(p, `${name}: active customers today`, d.customers, validateCount), "count")!,
      newCustomers: parseAmount(await ask(p, `${name}: new customers per year`, d.newCustomers, validateCount), "count")!,
      churn: await share(p, `${name}: customers lost per year (%)`, d.churn),
      revenuePerCustomer: await amount(p, `${name}: revenue per customer per year, at list price`, d.revenuePerCustomer),
      grossMargin: await share(p, `${name}: gross margin at list price (%)`, d.grossMargin),
    });
  }

  const kinds = await p.checkbox<ChannelKind>({
    message: "Through which channels do you sell?",
    choices: CHANNEL_KINDS.map((k) => ({ name: CHANNEL_LABELS[k], value: k, checked: k !== "marketplace" })),
    validate: (c) => (c.length > 0 ? true : "choose at least one channel"),
  });
  const channels: ChannelAnswers[] = [];
  for (const kind of kinds) {
    const d = CHANNEL_DEFAULTS[kind];
    const label = CHANNEL_LABELS[kind];
    const extra: Partial<ChannelAnswers> = {};
    if (kind === "partners") {
      Object.assign(extra, {
        partnerMargin: await share(p, `${label}: margin partners keep (% of the end-customer price)`, d.partnerMargin!),
        partnerIncome: await amount(p, `${label}: what partners pay you per year (platform, leads)`, d.partnerIncome!),
      });
    }
    if (kind === "webshop" || kind === "marketplace") {
      Object.assign(extra, { priceDiscount: await share(p, `${label}: price below list (%)`, d.priceDiscount!) });
    }
    const variableLabel = { direct: "sales commission", partners: "rebates and MDF", webshop: "payment fees", marketplace: "marketplace commission" }[kind];
    channels.push({
      kind,
      ...extra,
      acquisitionCost: await amount(p, `${label}: cost to win a customer`, d.acquisitionCost),
      serviceCost: await amount(p, `${label}: cost to serve a customer per year`, d.serviceCost),
      variableRate: await share(p, `${label}: ${variableLabel} (% of revenue)`, d.variableRate),
      fixedCost: await amount(p, `${label}: fixed costs per year (team, platform)`, d.fixedCost),
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
        message: `${s.name}: share served by ${CHANNEL_LABELS[kind]} (%, ${remaining}% left)`,
        default: String(Math.min(suggested[kind] ?? 0, remaining)),
        validate: validateShare(remaining),
      }))!;
      row[kind] = value;
      left -= Math.round(value * 100);
    }
    mix[s.type] = row;
  }

  const sharedCosts: SharedCostAnswers[] = [];
  for (const [id, label, fallback, method] of [["marketing", "Marketing (brand, events)", 500000, "revenue"], ["it_and_overhead", "IT and overhead", 400000, "customers"]] as const) {
    const value = await amount(p, `${label}: shared cost per year (0 for none)`, fallback);
    if (value === 0) continue;
    const allocateBy = await p.select({
      message: `${label}: how do finance and sales allocate it to channels?`,
      choices: ALLOCATION_CHOICES.map((m) => ({ name: m.replace("_", " "), value: m })),
      default: method,
    });
    sharedCosts.push({ id, amount: value, allocateBy });
  }

  const scenario = await p.select<InitAnswers["scenario"]>({
    message: "Add a first scenario to compare with the plan?",
    choices: [
      ...(kinds.includes("webshop") && kinds.includes("partners") ? [{ name: "Move a partner segment to the webshop faster", value: "webshop-push" as const }] : []),
      ...(kinds.includes("partners") ? [{ name: "Raise the partner margin by 3 points", value: "partner-margin-up" as const }] : []),
      ...(kinds.includes("direct") && kinds.includes("partners") ? [{ name: "Hand a direct segment over to partners", value: "direct-to-partners" as const }] : []),
      { name: "No scenario for now", value: "none" as const },
    ],
  });
  return { name, currency, startYear: start, years, discountRate, segments, channels, mix, sharedCosts, scenario };
}
