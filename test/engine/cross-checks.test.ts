// Two paths to the same figure must agree: the check engine against the report's JSON, and the
// comparison's deltas against the values it compares, as the CSV prints them (to the cent).
import { readdirSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { loadExample, ROOT } from "../helpers.js";
import { projectScenarios } from "../../src/engine/projection.js";
import { evaluateChecks } from "../../src/engine/checks.js";
import { compareScenarios, COMPARE_METRICS } from "../../src/engine/compare.js";
import { compareRecords } from "../../src/views/compare.js";
import { renderCsv } from "../../src/render/csv.js";
import { reportData } from "../../src/views/report.js";
import { renderJson } from "../../src/render/json.js";
import type { Projection } from "../../src/engine/projection-types.js";

const projectionJson = (projection: Projection) => renderJson(reportData(projection));
import { Decimal } from "../../src/money/decimal.js";
import { CHECK_METRICS, HORIZON_METRICS, RATIO_METRICS, SEGMENT_METRICS, type Check, type Model } from "../../src/model/types.js";

const examples = readdirSync(join(ROOT, "examples")).filter((f) => f.endsWith(".yaml"));

describe.each(examples)("%s", (file) => {
  const loaded = loadExample(file);
  const projection = projectScenarios(loaded.scenarios);
  const json = JSON.parse(projectionJson(projection));
  const base = loaded.scenarios[0]!.model;

  it("every check metric × scope reads the figure the report shows", () => {
    const check = (metric: Check["metric"], channel: string | null, segment: string | null): Check => ({
      index: 0, name: "x", metric, channel, segment, years: { kind: "all" }, scenarios: "all", min: new Decimal(-1e15), max: null,
    });
    const scopes: [string | null, string | null][] = [[null, null], ...base.channels.map((c) => [c.id, null] as [string, null]), ...base.segments.map((s) => [null, s.id] as [null, string])];
    for (const metric of CHECK_METRICS) {
      for (const [channel, segment] of scopes) {
        if (segment && !SEGMENT_METRICS.includes(metric)) continue;
        const model: Model = { ...base, checks: [check(metric, channel, segment)] };
        const [outcome] = evaluateChecks(model, projection);
        for (const point of outcome!.points) {
          const s = json.scenarios.find((x: { id: string }) => x.id === point.scenario);
          let expected: unknown;
          if (HORIZON_METRICS.includes(metric)) {
            if (channel) continue; // a channel's NPV is not in the report; checks.test.ts derives it by hand
            expected = s[metric];
          } else {
            const y = s.years.find((x: { year: number }) => x.year === point.year);
            if (segment) {
              // A segment over all channels: the sum of its cells in the report.
              const cells = Object.values(y.channels as Record<string, { segments: Record<string, Record<string, number>> }>).map((c) => c.segments[segment]).filter(Boolean);
              if (metric === "gross_margin") {
                const gp = cells.reduce((a, c) => a.plus(String(c!.gross_profit)), new Decimal(0));
                const rev = cells.reduce((a, c) => a.plus(String(c!.revenue)), new Decimal(0));
                expected = rev.isZero() ? null : Number(gp.dividedBy(rev).toFixed(4));
              } else expected = Number(cells.reduce((a, c) => a.plus(String(c![metric])), new Decimal(0)).toFixed(2));
            } else expected = (channel ? y.channels[channel] : y.total)[metric];
          }
          const places = RATIO_METRICS.includes(metric) ? 4 : 2;
          expect(point.value === null ? null : Number(point.value.toFixed(places)), `${metric} ${channel ?? segment ?? "total"} ${point.scenario} ${point.year}`).toBe(expected);
        }
      }
    }
  });

  it("compare: every delta is the scenario's value minus base's, to the cent", () => {
    const csv = renderCsv(compareRecords(compareScenarios(projection, COMPARE_METRICS))).trim().split("\n").slice(1).map((l) => l.split(","));
    const baseValue = new Map(csv.filter((r) => r[0] === "base").map((r) => [`${r[1]}|${r[2]}`, r[3]!]));
    let compared = 0;
    for (const [scenario, metric, year, value, delta] of csv) {
      if (scenario === "base" || value === "" || delta === "") continue;
      expect(new Decimal(value!).minus(baseValue.get(`${metric}|${year}`)!).equals(new Decimal(delta!)), `${scenario} ${metric} ${year}`).toBe(true);
      compared++;
    }
    if (loaded.scenarios.length > 1) expect(compared).toBeGreaterThan(50);
  });
});
