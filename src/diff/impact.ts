// What the changed assumptions do to the results: per scenario present in both models, the
// deltas of revenue, contribution and net profit per year and channel, NPV and cumulative net
// profit; and which checks and lints change status. Deltas are new − old of footed figures, so
// they are exact to the cent. Pure.
import { ZERO, type Decimal } from "../money/decimal.js";
import type { LoadedModel } from "../model/load.js";
import { projectScenarios } from "../engine/projection.js";
import type { ScenarioProjection } from "../engine/projection-types.js";
import { checkLoadedModel } from "../engine/check-model.js";
import type { CheckOutcome } from "../engine/checks.js";
import type { Lint } from "../engine/lints.js";

export const IMPACT_METRICS = ["revenue", "contribution", "net_profit"] as const;
export type ImpactMetric = (typeof IMPACT_METRICS)[number];

export interface ImpactLine {
  /** A channel id, or "total". */
  readonly scope: string;
  readonly metric: ImpactMetric;
  readonly before: readonly Decimal[];
  readonly after: readonly Decimal[];
  readonly deltas: readonly Decimal[];
}

export interface ScenarioImpact {
  readonly scenario: string;
  readonly years: readonly number[];
  readonly lines: readonly ImpactLine[];
  /** The scenario's discount rate in the new version (a scenario may set its own). */
  readonly discountRate: Decimal;
  readonly npv: { readonly before: Decimal; readonly after: Decimal; readonly delta: Decimal };
  readonly cumulative: { readonly before: Decimal; readonly after: Decimal; readonly delta: Decimal };
}

export interface CheckChange {
  readonly title: string;
  readonly before: "passed" | "failed" | "absent";
  readonly after: "passed" | "failed" | "absent";
}

export interface LintChange {
  readonly code: string;
  readonly key: string;
  readonly lint: Lint;
  readonly change: "added" | "removed";
}

export interface Impact {
  readonly scenarios: readonly ScenarioImpact[];
  /** Scenarios in only one of the two models. */
  readonly addedScenarios: readonly string[];
  readonly removedScenarios: readonly string[];
  readonly checks: readonly CheckChange[];
  readonly unchangedFailing: readonly string[];
  readonly lints: readonly LintChange[];
}

function series(s: ScenarioProjection, scope: string, metric: ImpactMetric, years: readonly number[]): Decimal[] {
  return years.map((year) => {
    const y = s.years.find((x) => x.year === year);
    if (!y) return ZERO;
    const figures = scope === "total" ? y.total : y.channels[scope];
    return figures ? figures[metric] : ZERO;
  });
}

export function scenarioImpact(before: ScenarioProjection, after: ScenarioProjection): ScenarioImpact {
  const years = [...new Set([...before.years.map((y) => y.year), ...after.years.map((y) => y.year)])].sort((a, b) => a - b);
  const scopes = [...new Set([...before.channelIds, ...after.channelIds]), "total"];
  const lines: ImpactLine[] = [];
  for (const scope of scopes) {
    for (const metric of IMPACT_METRICS) {
      const b = series(before, scope, metric, years);
      const a = series(after, scope, metric, years);
      const deltas = a.map((v, i) => v.minus(b[i]!));
      if (deltas.some((d) => !d.isZero())) lines.push({ scope, metric, before: b, after: a, deltas });
    }
  }
  const pair = (b: Decimal, a: Decimal) => ({ before: b, after: a, delta: a.minus(b) });
  return { scenario: after.id, years, lines, discountRate: after.discountRate, npv: pair(before.npv, after.npv), cumulative: pair(before.cumulativeNetProfit, after.cumulativeNetProfit) };
}

const checkTitle = (o: CheckOutcome) => `${o.name}|${o.metric}|${o.channel ?? o.segment ?? ""}`;
const lintKey = (l: Lint) => `${l.code}|${JSON.stringify(l.args)}`;

export function diffImpact(before: LoadedModel, after: LoadedModel, describeCheck: (o: CheckOutcome) => string): Impact {
  const pb = projectScenarios(before.scenarios);
  const pa = projectScenarios(after.scenarios);
  const idsBefore = pb.scenarios.map((s) => s.id);
  const idsAfter = pa.scenarios.map((s) => s.id);
  const scenarios = pa.scenarios
    .filter((s) => idsBefore.includes(s.id))
    .map((s) => scenarioImpact(pb.scenarios.find((x) => x.id === s.id)!, s))
    .filter((i) => i.lines.length > 0 || !i.npv.delta.isZero());

  const cb = checkLoadedModel(before);
  const ca = checkLoadedModel(after);
  const statusOf = (list: readonly CheckOutcome[], key: string) => {
    const o = list.find((x) => checkTitle(x) === key);
    return o ? (o.passed ? "passed" : "failed") : "absent";
  };
  const keys = [...new Set([...cb.outcomes.map(checkTitle), ...ca.outcomes.map(checkTitle)])];
  const checks: CheckChange[] = [];
  const unchangedFailing: string[] = [];
  for (const key of keys) {
    const b = statusOf(cb.outcomes, key);
    const a = statusOf(ca.outcomes, key);
    const outcome = ca.outcomes.find((x) => checkTitle(x) === key) ?? cb.outcomes.find((x) => checkTitle(x) === key)!;
    if (b !== a) checks.push({ title: describeCheck(outcome), before: b, after: a });
    else if (a === "failed") unchangedFailing.push(describeCheck(outcome));
  }
  const lb = new Map(cb.lints.map((l) => [lintKey(l), l]));
  const la = new Map(ca.lints.map((l) => [lintKey(l), l]));
  const lints: LintChange[] = [
    ...[...la].filter(([k]) => !lb.has(k)).map(([key, lint]) => ({ code: lint.code, key, lint, change: "added" as const })),
    ...[...lb].filter(([k]) => !la.has(k)).map(([key, lint]) => ({ code: lint.code, key, lint, change: "removed" as const })),
  ];
  return {
    scenarios,
    addedScenarios: idsAfter.filter((id) => !idsBefore.includes(id)),
    removedScenarios: idsBefore.filter((id) => !idsAfter.includes(id)),
    checks,
    unchangedFailing,
    lints,
  };
}
