// fast-check arbitraries for valid models. Amounts and percentages are generated as integers (cents,
// basis points) and written as decimal text, so no float is involved in making them either.
import fc from "fast-check";
import type { ChannelFile, ModelFile, SegmentFile, SharedCostFile } from "../../src/model/types.js";

export const centsText = (cents: number) => `${Math.floor(cents / 100)}.${String(cents % 100).padStart(2, "0")}`;
export const bpText = (bp: number) => `${Math.floor(bp / 100)}.${String(bp % 100).padStart(2, "0")}%`;

const money = (max: number) => fc.integer({ min: 0, max: max * 100 }).map(centsText);
const percent = (maxBp: number) => fc.integer({ min: 0, max: maxBp }).map(bpText);

/** Integer percentages that add up to exactly 100. */
const partition = (k: number) =>
  fc.array(fc.integer({ min: 0, max: 100 }), { minLength: k - 1, maxLength: k - 1 }).map((cuts) => {
    const sorted = [0, ...cuts.sort((a, b) => a - b), 100];
    return sorted.slice(1).map((v, i) => v - sorted[i]!);
  });

const METHODS = ["revenue", "gross_profit", "contribution", "customers", "new_customers", "equal"] as const;

export const modelArb: fc.Arbitrary<ModelFile> = fc
  .record({ years: fc.integer({ min: 1, max: 5 }), segments: fc.integer({ min: 1, max: 3 }), channels: fc.integer({ min: 1, max: 4 }) })
  .chain(({ years, segments, channels }) => {
    const segmentArb = (i: number): fc.Arbitrary<SegmentFile> =>
      fc.record({
        customers: fc.integer({ min: 0, max: 5000 }),
        new_customers: fc.integer({ min: 0, max: 800 }),
        churn: percent(5000),
        revenue_per_customer: fc.oneof(money(200_000), fc.record({ start: money(200_000), growth: percent(1500) })),
        gross_margin: fc.integer({ min: -2000, max: 10000 }).map((bp) => (bp < 0 ? `-${bpText(-bp)}` : bpText(bp))),
        cap: fc.option(fc.integer({ min: 0, max: 8000 }), { nil: undefined }),
      }).map(({ cap, ...s }) => ({ id: `s${i}`, ...s, ...(cap === undefined ? {} : { market_potential: cap }) }));
    const channelArb = (i: number): fc.Arbitrary<ChannelFile> =>
      fc.record({
        type: fc.constantFrom("direct", "indirect", "ecommerce" as const),
        price_discount: percent(3000),
        partner_margin: percent(4000),
        acquisition_cost: money(30_000),
        service_cost: money(8000),
        variable: percent(1500),
        fixed: money(2_000_000),
        income: money(200_000),
      }).map(({ type, partner_margin, variable, fixed, income, ...rest }) => ({
        id: `c${i}`,
        type,
        ...rest,
        ...(type === "indirect" ? { partner_margin } : {}),
        variable_costs: { v: variable },
        fixed_costs: { f: fixed },
        income: { i: income },
      }));
    const mixArb = fc.tuple(...Array.from({ length: segments }, () => partition(channels)));
    const sharedArb: fc.Arbitrary<SharedCostFile[]> = fc.array(
      fc.record({ amount: money(1_500_000), method: fc.constantFrom(...METHODS, "shares" as const), shares: partition(channels) }),
      { maxLength: 3 },
    ).map((list) => list.map(({ amount, method, shares }, i) => ({
      id: `x${i}`,
      amount,
      allocate_by: method === "shares" ? Object.fromEntries(shares.map((s, c) => [`c${c}`, `${s}%`])) : method,
    })));
    return fc.record({
      segs: fc.tuple(...Array.from({ length: segments }, (_, i) => segmentArb(i))),
      chans: fc.tuple(...Array.from({ length: channels }, (_, i) => channelArb(i))),
      mix: mixArb,
      shared: sharedArb,
      discount: percent(2000),
    }).map(({ segs, chans, mix, shared, discount }): ModelFile => ({
      version: 1,
      name: "generated",
      start_year: 2027,
      years,
      discount_rate: discount,
      segments: segs,
      channels: chans,
      mix: Object.fromEntries(segs.map((s, i) => [s.id, Object.fromEntries(mix[i]!.map((share, c) => [`c${c}`, `${share}%`]))])),
      shared_costs: shared,
    }));
  });
