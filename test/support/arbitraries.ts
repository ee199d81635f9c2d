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
        // #14: an indirect channel has either a partner_margin or tiers (shares adding up to 100%).
        tiers: fc.option(fc.tuple(partition(3), fc.array(fc.record({ margin: percent(4000), fee: money(5000), partners: fc.integer({ min: 0, max: 400 }) }), { minLength: 3, maxLength: 3 })), { nil: undefined }),
      }).map(({ type, partner_margin, variable, fixed, income, tiers, ...rest }) => ({
        id: `c${i}`,
        type,
        ...rest,
        ...(type === "indirect" && tiers === undefined ? { partner_margin } : {}),
        ...(type === "indirect" && tiers !== undefined
          ? { tiers: tiers[1].map((k, t) => ({ id: `t${t}`, partner_margin: k.margin, fee: k.fee, partners: k.partners, share: `${tiers[0][t]}%` })) }
          : {}),
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

// ---- the rest of the format (issue #22 item 8) -------------------------------------------------
// `richModelArb` starts from `modelArb` (whose simple shape some properties rely on, e.g. scaling
// every amount) and adds what it never produced: mix rows as per-year lists and {from, to} lines,
// `by_segment` overrides, conflict rules, and scenarios that `extend` each other and `set` plan
// values and the top-level discount_rate. `forbiddenSetArb` gives a `set` entry that a scenario
// must be refused (a top-level key that would make scenarios incomparable, or the file's own).

/** k integer percentages summing to 100, per year for `years` years. */
const partitions = (k: number, years: number) => fc.array(partition(k), { minLength: years, maxLength: years });

/** A mix row as a scalar, a per-year list or a {from, to} line per channel; every year sums to 100%. */
const mixRowArb = (channels: readonly string[], years: number): fc.Arbitrary<Record<string, unknown>> =>
  fc.oneof(
    partition(channels.length).map((p) => Object.fromEntries(channels.map((c, i) => [c, `${p[i]}%`]))),
    partitions(channels.length, years).map((ps) => Object.fromEntries(channels.map((c, i) => [c, ps.map((p) => `${p[i]}%`)]))),
    // Each year of a line is a weighted mean of `from` and `to`, so it sums to 100% when both do.
    fc.tuple(partition(channels.length), partition(channels.length)).map(([a, b]) => Object.fromEntries(channels.map((c, i) => [c, { from: `${a[i]}%`, to: `${b[i]}%` }]))),
  );

const SETTABLE = ["discount_rate", "fixed", "churn", "mix", "shared"] as const;

export const richModelArb: fc.Arbitrary<ModelFile> = modelArb.chain((base) => {
  const years = base.years!;
  const channelIds = base.channels.map((c) => c.id);
  const segmentIds = base.segments.map((s) => s.id);
  const servedBy = (segment: string, rows: Record<string, Record<string, unknown>>) => Object.keys(rows[segment] ?? {});
  return fc.record({
    mix: fc.tuple(...segmentIds.map(() => mixRowArb(channelIds, years))),
    bySegment: fc.array(fc.record({ channel: fc.nat(channelIds.length - 1), segment: fc.nat(segmentIds.length - 1), discount: percent(3000), acquisition: money(30_000), margin: percent(4000) }), { maxLength: 3 }),
    conflicts: fc.array(fc.record({ segment: fc.nat(segmentIds.length - 1), seller: fc.nat(channelIds.length - 1), owner: fc.nat(channelIds.length - 1), overlap: percent(10000), compensation: percent(10000) }), { maxLength: 3 }),
    scenarios: fc.array(fc.record({
      parent: fc.option(fc.nat(5), { nil: undefined }),
      sets: fc.uniqueArray(fc.constantFrom(...SETTABLE), { maxLength: 3 }),
      rate: percent(2500),
      fixed: money(2_000_000),
      churn: percent(5000),
      mixRow: mixRowArb(channelIds, years),
      shared: money(1_500_000),
    }), { maxLength: 3 }),
  }).map(({ mix, bySegment, conflicts, scenarios }): ModelFile => {
    const rows = Object.fromEntries(segmentIds.map((s, i) => [s, mix[i]!]));
    const channels = base.channels.map((c, ci) => {
      const overrides = bySegment.filter((o) => o.channel === ci);
      if (overrides.length === 0) return c;
      return {
        ...c,
        by_segment: Object.fromEntries(overrides.map((o) => [segmentIds[o.segment]!, {
          price_discount: o.discount, acquisition_cost: o.acquisition, ...(c.type === "indirect" && !c.tiers ? { partner_margin: o.margin } : {}),
        }])),
      };
    });
    const rules = conflicts
      .map((r) => ({ segment: segmentIds[r.segment]!, seller: channelIds[r.seller]!, owner: channelIds[r.owner]!, overlap: r.overlap, compensation: r.compensation }))
      .filter((r) => r.seller !== r.owner && servedBy(r.segment, rows).includes(r.seller));
    const sharedIds = (base.shared_costs ?? []).map((s) => s.id);
    const scenarioFiles = scenarios.map((s, i) => {
      const set: Record<string, unknown> = {};
      for (const what of s.sets) {
        if (what === "discount_rate") set.discount_rate = s.rate;
        if (what === "fixed") set[`channels.${channelIds[0]}.fixed_costs.f`] = s.fixed;
        if (what === "churn") set[`segments.${segmentIds[0]}.churn`] = s.churn;
        if (what === "mix") set[`mix.${segmentIds[segmentIds.length - 1]}`] = s.mixRow;
        if (what === "shared" && sharedIds.length > 0) set[`shared_costs.${sharedIds[0]}.amount`] = s.shared;
      }
      // Only an earlier scenario can be a parent, so there is never a cycle.
      const parent = s.parent !== undefined && i > 0 ? `g${s.parent % i}` : undefined;
      return { id: `g${i}`, ...(parent ? { extends: parent } : {}), set };
    });
    return {
      ...base,
      channels,
      mix: rows,
      ...(rules.length > 0 ? { conflicts: rules } : {}),
      ...(scenarioFiles.length > 0 ? { scenarios: scenarioFiles } : {}),
    } as ModelFile;
  });
});

/** A `set` entry that every scenario must be refused: [the key as written, a plausible value]. */
export const forbiddenSetArb: fc.Arbitrary<[string, unknown]> = fc.oneof(
  fc.integer({ min: 1, max: 10 }).map((n): [string, unknown] => ["years", n]),
  fc.integer({ min: 1900, max: 2200 }).map((n): [string, unknown] => ["start_year", n]),
  fc.constantFrom("USD", "JPY", "KWD").map((c): [string, unknown] => ["currency", c]),
  fc.constant<[string, unknown]>(["version", 1]),
  fc.constant<[string, unknown]>(["name", "another plan"]),
  fc.constant<[string, unknown]>(["scenarios", []]),
  fc.constant<[string, unknown]>(["checks", []]),
  fc.constant<[string, unknown]>(["checks.0.min", 0]),
);
