// Issue #15 item 2: `distplan actuals` on the bundled example and its generated actuals file.
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { Decimal, roundTo } from "../../src/money/decimal.js";
import { loadExample, project, ROOT } from "../helpers.js";
import { distplan } from "../support/cli.js";

interface Figure { plan: number; actual: number; variance: number; variance_ratio: number | null; favourable: boolean | null }
interface Line { channel: string; metric: string; period: Figure; year_to_date: Figure }

const raw = (text: string, key: string) => [...text.matchAll(new RegExp(`"${key}": (-?[0-9.]+)`, "g"))].map((m) => new Decimal(m[1]!));

describe("distplan actuals", () => {
  it("plan, actual and variance per channel and line foot to the cent; a quarter's plan is a quarter of the year's", () => {
    const r = distplan(["actuals", "examples/hybrid-b2b.yaml", "examples/hybrid-b2b-actuals.csv", "--period", "2027-Q2", "--format", "json"]);
    expect(r.code).toBe(0);
    // Exact figures from their text, never through a float: plan + variance = actual, every line.
    const [plans, actuals, variances] = [raw(r.stdout, "plan"), raw(r.stdout, "actual"), raw(r.stdout, "variance")];
    expect(plans.length).toBeGreaterThan(10);
    plans.forEach((p, i) => expect(p.plus(variances[i]!).equals(actuals[i]!)).toBe(true));
    const doc = JSON.parse(r.stdout) as { format: string; period: string; lines: Line[] };
    expect([doc.format, doc.period]).toEqual(["distplan.actuals/v1", "2027-Q2"]);
    // The plan's 2027 revenue of direct, from the report, over four.
    const annual = project(loadExample("hybrid-b2b.yaml")).scenarios[0]!.years[0]!.channels.direct!.revenue;
    const direct = doc.lines.find((l) => l.channel === "direct" && l.metric === "revenue")!;
    const i = doc.lines.indexOf(direct);
    expect(plans[2 * i]!.equals(roundTo(annual.dividedBy(4), 2))).toBe(true); // each line: its period, then year to date
    // Costs below plan are favourable, revenue below plan is not.
    const cogs = doc.lines.find((l) => l.channel === "direct" && l.metric === "cogs")!;
    expect([direct.period.variance < 0, direct.period.favourable, cogs.period.variance < 0, cogs.period.favourable]).toEqual([true, false, true, true]);
  });

  it("a table for the terminal and md for a memo; the latest period by default", () => {
    const table = distplan(["actuals", "examples/hybrid-b2b.yaml", "examples/hybrid-b2b-actuals.csv", "--width", "120"]);
    expect(table.code).toBe(0);
    expect(table.stdout).toMatch(/plan vs actual, 2027-Q3 · scenario base · EUR/);
    const md = distplan(["actuals", "examples/hybrid-b2b.yaml", "examples/hybrid-b2b-actuals.csv", "--format", "md"]);
    expect(md.stdout).toMatch(/\| direct \| customers \| [\d,.]+ \|/);
    expect(md.stdout).toMatch(/\|  \| revenue \| [\d,.]+ \|/);
  });

  it("a bad actuals file or period is an error with its position or a hint, exit 2, nothing on stdout", () => {
    const dir = mkdtempSync(join(tmpdir(), "distplan-actuals-"));
    const bad = join(dir, "bad.csv");
    writeFileSync(bad, "period,channel,segment,metric,value\n2027-Q1,drect,enterprise,revenue,100\n");
    const r = distplan(["actuals", "examples/hybrid-b2b.yaml", bad]);
    expect([r.code, r.stdout]).toEqual([2, ""]);
    expect(r.stderr).toMatch(/bad\.csv:2:\d+: error UNKNOWN_CHANNEL/);
    const outside = distplan(["actuals", "examples/hybrid-b2b.yaml", "examples/hybrid-b2b-actuals.csv", "--period", "2040"]);
    expect([outside.code, outside.stdout]).toEqual([2, ""]);
    expect(outside.stderr).toContain("outside the plan");
  });
});

describe("distplan actuals --by and --pvm", () => {
  it("--by segment and --by both: rows per segment or per cell; JSON says which", () => {
    const seg = distplan(["actuals", "examples/hybrid-b2b.yaml", "examples/hybrid-b2b-actuals.csv", "--by", "segment", "--format", "json"]);
    expect(seg.code).toBe(0);
    const doc = JSON.parse(seg.stdout) as { by: string; lines: { channel?: string; segment: string; metric: string }[] };
    expect(doc.by).toBe("segment");
    expect(doc.lines.every((l) => l.channel === undefined && typeof l.segment === "string")).toBe(true);
    // The plan + variance = actual identity holds in every scope, from the exact JSON text.
    const [plans, actuals, variances] = [raw(seg.stdout, "plan"), raw(seg.stdout, "actual"), raw(seg.stdout, "variance")];
    plans.forEach((p, i) => expect(p.plus(variances[i]!).equals(actuals[i]!)).toBe(true));
    const both = distplan(["actuals", "examples/hybrid-b2b.yaml", "examples/hybrid-b2b-actuals.csv", "--by", "both", "--width", "140"]);
    expect(both.stdout).toMatch(/^resellers · mkb +customers/m);
    const wrong = distplan(["actuals", "examples/hybrid-b2b.yaml", "examples/hybrid-b2b-actuals.csv", "--by", "segmnt"]);
    expect([wrong.code, wrong.stdout]).toEqual([2, ""]);
    expect(wrong.stderr).toContain("segment");
  });

  it("--pvm: volume + mix + price = variance to the cent, per channel and in total, revenue and contribution", () => {
    const r = distplan(["actuals", "examples/hybrid-b2b.yaml", "examples/hybrid-b2b-actuals.csv", "--period", "2027-Q2", "--pvm", "--format", "json"]);
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.stdout) as { price_volume_mix: Record<string, { channels: unknown[]; total: unknown }> };
    expect(Object.keys(doc.price_volume_mix)).toEqual(["revenue", "contribution"]);
    // From the exact text: each PVM row is `"variance": v, "volume": a, "mix": b, "price": c`.
    const rows = [...r.stdout.matchAll(/"variance": (-?[0-9.]+),\s*"volume": (-?[0-9.]+),\s*"mix": (-?[0-9.]+),\s*"price": (-?[0-9.]+)/g)];
    expect(rows).toHaveLength(2 * 4); // three channels and the total, twice
    for (const m of rows) {
      const [v, a, b, c] = m.slice(1).map((x) => new Decimal(x!));
      expect(a!.plus(b!).plus(c!).equals(v!)).toBe(true);
    }
    // The total's variance is the channels' sum.
    for (const k of [0, 4]) expect(rows.slice(k, k + 3).reduce((s, m) => s.plus(m[1]!), new Decimal(0)).equals(new Decimal(rows[k + 3]![1]!))).toBe(true);
    const md = distplan(["actuals", "examples/hybrid-b2b.yaml", "examples/hybrid-b2b-actuals.csv", "--pvm", "--format", "md"]);
    expect(md.stdout).toMatch(/Contribution variance 2027-Q3: volume, mix and price/);
    expect(md.stdout).toMatch(/\| total \|/);
  });
});

import { readFileSync, existsSync } from "node:fs";
import { loadModelText } from "../../src/model/load.js";
import { projectScenarios } from "../../src/engine/projection.js";
import { channelHorizon } from "../../src/engine/horizon.js";

describe("distplan actuals --reforecast", () => {
  it("--write under --lang nl names the scenario in Dutch (its id stays as it is)", () => {
    const out = join(mkdtempSync(join(tmpdir(), "distplan-reforecast-nl-")), "plan.yaml");
    expect(distplan(["actuals", "examples/hybrid-b2b.yaml", "examples/hybrid-b2b-actuals.csv", "--reforecast", "--write", out, "--lang", "nl"]).code).toBe(0);
    const written = readFileSync(out, "utf8");
    expect(written).toContain("id: reforecast-2027-q3");
    expect(written).toContain("name: Herprognose uit realisatiecijfers 2027-Q3");
  });

  it("--write FILE: the model with the scenario added; it validates and reproduces the re-forecast shown", () => {
    const dir = mkdtempSync(join(tmpdir(), "distplan-reforecast-"));
    const out = join(dir, "plan.yaml");
    const r = distplan(["actuals", "examples/hybrid-b2b.yaml", "examples/hybrid-b2b-actuals.csv", "--reforecast", "--write", out, "--format", "json"]);
    expect([r.code, r.stderr]).toEqual([0, ""]);
    const doc = JSON.parse(r.stdout) as { reforecast: { period: string; scenario: string; written: string; horizon: { channel: string | null; figure: string }[] } };
    expect([doc.reforecast.period, doc.reforecast.scenario, doc.reforecast.written]).toEqual(["2027-Q3", "reforecast-2027-q3", out]);
    // The written text is the original with one scenario appended: every original line is kept.
    const original = readFileSync(join(ROOT, "examples/hybrid-b2b.yaml"), "utf8");
    const written = readFileSync(out, "utf8");
    expect(written.startsWith(original.trimEnd().split("\nchecks:")[0]!)).toBe(true);
    const loaded = loadModelText(written, out);
    expect(loaded.issues.filter((i) => i.severity === "error")).toEqual([]);
    const p = projectScenarios(loaded.scenarios);
    const [base, rf] = [p.scenarios.find((s) => s.id === "base")!, p.scenarios.find((s) => s.id === "reforecast-2027-q3")!];
    // Exact figures from the JSON text, in order: total NPV, total cumulative, then per channel.
    const plans = raw(r.stdout.slice(r.stdout.indexOf('"horizon"')), "plan");
    const news = raw(r.stdout.slice(r.stdout.indexOf('"horizon"')), "reforecast");
    const expected = (s: typeof base) => [s.npv, s.cumulativeNetProfit, ...s.channelIds.flatMap((c) => { const h = channelHorizon(s, c, 2); return [h.npv, h.cumulativeNetProfit]; })];
    expect(plans.map((d) => d.toFixed(2))).toEqual(expected(base).map((d) => d.toFixed(2)));
    expect(news.map((d) => d.toFixed(2))).toEqual(expected(rf).map((d) => d.toFixed(2)));
    // The base of the written file is the original plan.
    const orig = projectScenarios(loadExample("hybrid-b2b.yaml").scenarios).scenarios[0]!;
    expect(base.npv.eq(orig.npv)).toBe(true);
    // Running it again replaces the scenario instead of adding a second one.
    expect(distplan(["actuals", out, "examples/hybrid-b2b-actuals.csv", "--reforecast", "--write", out]).code).toBe(0);
    expect(readFileSync(out, "utf8").match(/id: reforecast-2027-q3/g)).toHaveLength(1);
  });

  it("refuses a plan other than base, and actuals without customers, writing nothing", () => {
    const dir = mkdtempSync(join(tmpdir(), "distplan-reforecast-"));
    const out = join(dir, "plan.yaml");
    const other = distplan(["actuals", "examples/hybrid-b2b.yaml", "examples/hybrid-b2b-actuals.csv", "--scenario", "webshop-push", "--reforecast", "--write", out]);
    expect([other.code, other.stdout, existsSync(out)]).toEqual([2, "", false]);
    const csv = join(dir, "rev.csv");
    writeFileSync(csv, "period,channel,segment,metric,value\n2027-Q1,direct,enterprise,revenue,100\n");
    const none = distplan(["actuals", "examples/hybrid-b2b.yaml", csv, "--reforecast", "--write", out]);
    expect([none.code, none.stdout, existsSync(out)]).toEqual([2, "", false]);
    expect(none.stderr).toContain("customers");
  });
});

describe("distplan actuals --format csv", () => {
  it("tidy records: plan + variance = actual and volume + mix + price = variance, from the CSV text", () => {
    const r = distplan(["actuals", "examples/hybrid-b2b.yaml", "examples/hybrid-b2b-actuals.csv", "--pvm", "--format", "csv"]);
    expect(r.code).toBe(0);
    const lines = r.stdout.trimEnd().split("\n");
    expect(lines[0]).toBe("section,period,span,channel,segment,metric,figure,value");
    const value = (section: string, span: string, channel: string, metric: string, figure: string) =>
      new Decimal(lines.find((l) => l.startsWith(`${section},2027-Q3,${span},${channel},,${metric},${figure},`))!.split(",").at(-1)!);
    for (const ch of ["direct", "resellers", "webshop"]) {
      for (const span of ["period", "year_to_date"]) {
        expect(value("variance", span, ch, "revenue", "plan").plus(value("variance", span, ch, "revenue", "variance")).equals(value("variance", span, ch, "revenue", "actual"))).toBe(true);
      }
    }
    for (const ch of ["direct", "resellers", "webshop", "total"]) {
      for (const metric of ["revenue", "contribution"]) {
        const part = (f: string) => value("pvm", "period", ch, metric, f);
        expect(part("volume").plus(part("mix")).plus(part("price")).equals(part("variance"))).toBe(true);
      }
    }
    // A decimal-comma locale: ';' between fields and ',' in numbers.
    const nl = distplan(["actuals", "examples/hybrid-b2b.yaml", "examples/hybrid-b2b-actuals.csv", "--format", "csv", "--locale", "nl-NL"]);
    expect(nl.stdout.split("\n")[1]).toMatch(/^variance;2027-Q3;period;direct;;customers;plan;\d+,\d\d$/);
  });
});
