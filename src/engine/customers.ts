// Customer flow of one segment (docs/MODEL.md §3): churn on last year's base, new customers capped by the
// market potential. Exact; nothing is rounded here.
import { ZERO, ONE, maxOf, minOf, type Decimal } from "../money/decimal.js";
import type { Segment } from "../model/types.js";

export interface CustomerFlow {
  /** Last year's base after churn (the start's customers in the first year). */
  readonly retained: readonly Decimal[];
  readonly active: readonly Decimal[];
  readonly added: readonly Decimal[];
}

export function projectCustomers(segment: Segment, years: number): CustomerFlow {
  const retainedAll: Decimal[] = [];
  const active: Decimal[] = [];
  const added: Decimal[] = [];
  let previous = segment.customers;
  for (let t = 0; t < years; t++) {
    const retained = previous.times(ONE.minus(segment.churn[t]!));
    let fresh = segment.newCustomers[t]!;
    const cap = segment.marketPotential?.[t];
    if (cap !== undefined) fresh = minOf(fresh, maxOf(ZERO, cap.minus(retained)));
    previous = retained.plus(fresh);
    retainedAll.push(retained);
    active.push(previous);
    added.push(fresh);
  }
  return { retained: retainedAll, active, added };
}
