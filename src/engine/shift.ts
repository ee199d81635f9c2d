// The channel shift (`compare --shift`): per scenario, what each channel and each of its
// segments gains or loses against the reference (base, or --against) over the horizon — revenue,
// customers in the last year, and contribution (a channel's) or CM1 (a segment's cell, which has
// no fixed costs or income of its own). Every figure is a difference of footed figures, so the
// channels add up to the total and a channel's segments to the channel's revenue, customers and
// CM1, to the cent. Pure.
import { ZERO, sum, type Decimal } from "../money/decimal.js";
import type { Projection, ScenarioProjection } from "./projection-types.js";

export interface ShiftFigures {
  readonly revenue: Decimal;
  /** In the last year of the horizon (customers are a stock). */
  readonly customers: Decimal;
  /** Contribution for a channel and the total; CM1 for a segment's cell. */
  readonly contribution: Decimal;
}

export interface ChannelShift extends ShiftFigures {
  readonly channel: string;
  readonly segments: readonly ({ readonly segment: string } & ShiftFigures)[];
}

export interface ScenarioShift {
  readonly scenario: string;
  readonly reference: string;
  readonly channels: readonly ChannelShift[];
  readonly total: ShiftFigures;
}

type Figures = { revenue: Decimal; customers: Decimal; contribution?: Decimal; cm1?: Decimal };

function horizon(s: ScenarioProjection, pick: (y: ScenarioProjection["years"][number]) => Figures | undefined, money: "contribution" | "cm1"): ShiftFigures {
  const last = pick(s.years.at(-1)!);
  return {
    revenue: sum(s.years.map((y) => pick(y)?.revenue ?? ZERO)),
    customers: last?.customers ?? ZERO,
    contribution: sum(s.years.map((y) => pick(y)?.[money] ?? ZERO)),
  };
}

const minus = (a: ShiftFigures, b: ShiftFigures): ShiftFigures => ({ revenue: a.revenue.minus(b.revenue), customers: a.customers.minus(b.customers), contribution: a.contribution.minus(b.contribution) });

/** Each scenario after the first against the first (the reference). */
export function channelShift(projection: Projection): ScenarioShift[] {
  const [reference, ...others] = projection.scenarios;
  if (!reference) return [];
  return others.map((s) => {
    const channels = [...new Set([...reference.channelIds, ...s.channelIds])];
    const segmentsOf = (c: string) => [...new Set([reference, s].flatMap((x) => x.years.flatMap((y) => Object.keys(y.channels[c]?.segments ?? {}))))];
    return {
      scenario: s.id,
      reference: reference.id,
      channels: channels.map((c): ChannelShift => ({
        channel: c,
        ...minus(horizon(s, (y) => y.channels[c], "contribution"), horizon(reference, (y) => y.channels[c], "contribution")),
        segments: segmentsOf(c).map((g) => ({ segment: g, ...minus(horizon(s, (y) => y.channels[c]?.segments[g], "cm1"), horizon(reference, (y) => y.channels[c]?.segments[g], "cm1")) })),
      })),
      total: minus(horizon(s, (y) => y.total, "contribution"), horizon(reference, (y) => y.total, "contribution")),
    };
  });
}
