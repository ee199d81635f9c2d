// The re-forecast (docs/MODEL.md "Actuals", `actuals --reforecast`): the plan rolled forward from
// the actual customer base. Pure: from the base model, its projection and the actual rows, the
// scenario `set` entries that move each segment's active customers in the anchor year by what the
// actuals show against the plan, and nothing else.
//
// Anchor: the latest period (by its last month) that has `customers` rows with a segment. For each
// segment s, its shift = Σ over its channels of (actual − plan) customers in that period, where a
// channel the file does not give in that period counts at plan (shift 0) and the plan is the
// shown figure (the cell's customers, the year's base, as the variance compares it). The
// re-forecast's active customers of s in the anchor year t are active_plan(t) + shift; years
// before t are unchanged, later years roll forward from there with the model's churn, new
// customers, market potential and mix (the rest of the model unchanged). Expressed as a `set`:
//   shift ≥ −new(t)…: the active base A = active_plan(t) + shift; retained = active(t−1) × (1 − churn(t))
//   A ≥ retained: new_customers(t) := A − retained (and market_potential(t) := A when it would cap);
//   A < retained: new_customers(t) := 0 and churn(t) := 1 − A / active(t−1).
// A segment whose shift is zero gets no entry, so actuals equal to the plan give the plan itself.
import { ONE, ZERO, type Decimal } from "../money/decimal.js";
import type { ActualRow, Period } from "../model/actuals.js";
import type { Model, Segment } from "../model/types.js";
import { projectCustomers } from "./customers.js";
import { monthsOf } from "./variance.js";
import type { ScenarioProjection } from "./projection-types.js";

export interface ReforecastBase {
  readonly segment: string;
  /** The plan's base of the segment in the anchor year, as shown (the sum of its cells). */
  readonly plan: Decimal;
  /** The same with each channel's actual base where the file gives it. */
  readonly actual: Decimal;
}

export interface ReforecastSet {
  readonly path: string;
  /** A YAML value as a scenario's set takes it: a list of strings. */
  readonly value: readonly string[];
}

export interface Reforecast {
  readonly period: Period;
  readonly bases: readonly ReforecastBase[];
  readonly sets: readonly ReforecastSet[];
}

const end = (p: Period) => p.year * 12 + monthsOf(p)[1];

/** The re-forecast's set entries, or null when the file gives no customers of a segment in the plan's years. */
export function reforecastSets(model: Model, plan: ScenarioProjection, rows: readonly ActualRow[]): Reforecast | null {
  const base = rows.filter((r) => r.metric === "customers" && r.segment !== undefined && r.channel !== undefined && plan.years.some((y) => y.year === r.period.year));
  if (base.length === 0) return null;
  const last = Math.max(...base.map((r) => end(r.period)));
  const period = base.find((r) => end(r.period) === last)!.period;
  const inPeriod = base.filter((r) => end(r.period) === last);
  const t = plan.years.findIndex((y) => y.year === period.year);
  const year = plan.years[t]!;
  const bases: ReforecastBase[] = [];
  const sets: ReforecastSet[] = [];
  for (const segment of model.segments) {
    let planned = ZERO;
    let actual = ZERO;
    for (const c of plan.channelIds) {
      const cell = year.channels[c]?.segments[segment.id];
      if (!cell) continue;
      const given = inPeriod.filter((r) => r.channel === c && r.segment === segment.id);
      planned = planned.plus(cell.customers);
      actual = actual.plus(given.length === 0 ? cell.customers : given.reduce((s, r) => s.plus(r.value), ZERO));
    }
    if (!inPeriod.some((r) => r.segment === segment.id)) continue;
    bases.push({ segment: segment.id, plan: planned, actual });
    const shift = actual.minus(planned);
    if (!shift.isZero()) sets.push(...segmentSets(segment, model.years, t, shift));
  }
  return { period, bases, sets };
}

const text = (d: Decimal) => d.toFixed();
const series = (values: readonly Decimal[], t: number, v: Decimal) => values.map((x, i) => text(i === t ? v : x));

function segmentSets(s: Segment, years: number, t: number, shift: Decimal): ReforecastSet[] {
  const flow = projectCustomers(s, years);
  const target = flow.active[t]!.plus(shift);
  const previous = t === 0 ? s.customers : flow.active[t - 1]!;
  const retained = previous.times(ONE.minus(s.churn[t]!));
  const at = (field: string) => `segments.${s.id}.${field}`;
  if (target.greaterThanOrEqualTo(retained)) {
    const out: ReforecastSet[] = [{ path: at("new_customers"), value: series(s.newCustomers, t, target.minus(retained)) }];
    const cap = s.marketPotential?.[t];
    if (s.marketPotential && cap !== undefined && cap.lessThan(target)) out.push({ path: at("market_potential"), value: series(s.marketPotential, t, target) });
    return out;
  }
  // Fewer customers than the plan keeps: no one new, and the churn that leaves exactly the actual base.
  const churn = ONE.minus(target.div(previous));
  return [
    { path: at("new_customers"), value: series(s.newCustomers, t, ZERO) },
    { path: at("churn"), value: s.churn.map((x, i) => `${(i === t ? churn : x).times(100).toFixed()}%`) },
  ];
}
