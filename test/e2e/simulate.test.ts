// distplan simulate end to end (#17): the same seed gives byte-identical output in every format,
// the figures agree across formats, nothing is written to standard error on a pipe, and bad
// arguments are usage errors that name the argument.
import { describe, expect, it } from "vitest";
import { distplan } from "../support/cli.js";

const EXAMPLE = "examples/voorbeeld-ranges.yaml";
const run = (...args: string[]) => distplan(["simulate", EXAMPLE, "--draws", "2000", ...args]);

describe("distplan simulate", () => {
  it.each([["table"], ["json"], ["csv"], ["md"]])("--format %s: the same seed gives byte-identical output, another seed other figures", (format) => {
    const a = run("--format", format, "--seed", "7");
    const b = run("--format", format, "--seed", "7");
    expect(a.code).toBe(0);
    expect(a.stderr).toBe(""); // no progress bar on a pipe
    expect(a.stdout).toBe(b.stdout);
    expect(run("--format", format, "--seed", "8").stdout).not.toBe(a.stdout);
  });

  it("--ascii, --width, --locale and --lang nl keep the output deterministic", () => {
    for (const extra of [["--ascii"], ["--width", "60"], ["--locale", "nl-NL"], ["--lang", "nl"]]) {
      const a = run(...extra);
      expect(a.code).toBe(0);
      expect(a.stdout).toBe(run(...extra).stdout);
    }
    expect(run("--ascii").stdout).toMatch(/^[\x00-\x7f]*$/);
    expect(run("--lang", "nl").stdout).toContain("Kans op verlies");
  });

  it("json: P10 ≤ P50 ≤ P90, the point plan is the exact plan, and the CSV says the same", () => {
    const data = JSON.parse(run("--format", "json", "--scenario", "all").stdout) as {
      format: string; draws: number; seed: number;
      scenarios: { id: string; point: { npv: string }; npv: Record<"p10" | "p50" | "p90", string>; probability_of_loss: string; checks: { name: string; probability_of_failure: string }[]; drivers: { input: string }[]; histogram: { count: number }[] }[];
    };
    expect(data.format).toBe("distplan.simulate/v1");
    expect(data.draws).toBe(2000);
    expect(data.seed).toBe(1);
    expect(data.scenarios.map((s) => s.id)).toEqual(["base", "webshop-push", "partner-margin-28"]);
    const report = JSON.parse(distplan(["report", EXAMPLE, "--format", "json"]).stdout) as { scenarios: { npv: string }[] };
    const base = data.scenarios[0]!;
    expect(base.point.npv).toBe(report.scenarios[0]!.npv);
    expect(Number(base.npv.p10)).toBeLessThanOrEqual(Number(base.npv.p50));
    expect(Number(base.npv.p50)).toBeLessThanOrEqual(Number(base.npv.p90));
    expect(base.drivers).toHaveLength(7);
    expect(base.histogram.reduce((a, b) => a + b.count, 0)).toBe(2000);
    // base fails its contribution-margin check in the point plan and in every draw
    expect(base.checks.map((c) => c.probability_of_failure)).toEqual([0, 1]);
    const csv = run("--format", "csv", "--scenario", "all").stdout.split("\n");
    expect(csv[0]).toBe("scenario,scope,metric,year,p10,p50,p90,mean,point");
    expect(csv).toContain(`base,total,npv,,${base.npv.p10},${base.npv.p50},${base.npv.p90},${(data.scenarios[0] as unknown as { npv: { mean: string } }).npv.mean},${base.point.npv}`);
  });

  it("a model without ranges: every draw is the point plan", () => {
    const data = JSON.parse(distplan(["simulate", "examples/voorbeeld.yaml", "--draws", "50", "--format", "json"]).stdout) as { scenarios: { point: { npv: string }; npv: Record<string, string> }[] };
    const s = data.scenarios[0]!;
    expect([s.npv.p10, s.npv.p50, s.npv.p90, s.npv.mean]).toEqual([s.point.npv, s.point.npv, s.point.npv, s.point.npv]);
  });

  it("bad arguments are usage errors naming the argument", () => {
    for (const [args, text] of [
      [["--draws", "0"], "--draws '0' is not a whole number from 1 to 1000000"],
      [["--draws", "many"], "--draws 'many'"],
      [["--seed", "-1"], "--seed '-1'"],
      [["--scenario", "webshop-pus"], "did you mean 'webshop-push'?"],
    ] as const) {
      const r = distplan(["simulate", EXAMPLE, ...args]);
      expect(r.code, args.join(" ")).toBe(2);
      expect(r.stdout).toBe("");
      expect(r.stderr).toContain(text);
    }
  });

  it("a bad range is reported at its position, all at once", () => {
    const input = "version: 1\nname: x\nstart_year: 2027\nyears: 3\nsegments:\n  - id: smb\n    customers: 100\n    churn: { low: 12%, mode: 10%, high: 14% }\n    revenue_per_customer: { p10: 900, p90: 800 }\n    gross_margin: 40%\nchannels:\n  - id: web\n    type: ecommerce\nmix:\n  smb: { web: 100% }\n";
    const r = distplan(["simulate", "-"], { input });
    expect(r.code).toBe(2);
    expect(r.stdout).toBe("");
    expect(r.stderr).toContain("<stdin>:8:30: error RANGE_ORDER");
    expect(r.stderr).toContain("<stdin>:9:44: error RANGE_ORDER");
  });
});
