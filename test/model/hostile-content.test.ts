// Hostile content (issue #19): input that is valid YAML, or even a valid model, but built to
// make distplan slow, crash or lie. Each case here was reproduced on the code before its fix.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { loadModelText, type LoadedModel } from "../../src/model/load.js";
import { overlayWork } from "../../src/model/scenarios.js";
import { locate, positionOfOffset, sourceLine } from "../../src/model/locate.js";
import { issuePosition } from "../../src/views/issues.js";
import { formatModelText } from "../../src/model/fmt.js";
import { projectScenarios } from "../../src/engine/projection.js";
import { compareScenarios } from "../../src/engine/compare.js";
import { checkLoadedModel } from "../../src/engine/check-model.js";
import { compareAllocations } from "../../src/engine/allocation.js";
import { modelDiff } from "../../src/cli/commands/diff.js";
import { textconvText } from "../../src/cli/commands/textconv.js";
import { formatVerified } from "../../src/cli/commands/fmt.js";
import { ROOT, errorCodes } from "../helpers.js";
import { distplan } from "../support/cli.js";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";

const VOORBEELD = readFileSync(join(ROOT, "examples/voorbeeld.yaml"), "utf8");
const lines = (n: number, line: (i: number) => string) => Array.from({ length: n }, (_, i) => line(i)).join("\n") + "\n";

/** What a user waits for: load, then place every issue (file:line:col and the source line). */
function loadAndPlace(text: string): LoadedModel {
  const loaded = loadModelText(text, "hostile.yaml");
  for (const issue of loaded.issues) {
    const at = issue.offset !== undefined ? positionOfOffset(loaded.lineCounter, issue.offset) : locate(loaded.doc, loaded.lineCounter, issue.path, issue.atKey ?? false);
    sourceLine(loaded.text, at.line);
  }
  return loaded;
}

/**
 * How much more CPU time the 10× input costs than the 1× input (the best of three runs each).
 * Not a benchmark and no absolute time: the work that went quadratic sat inside the yaml library
 * (its duplicate-key check and alias lookup) and in ajv's validation of copies, where nothing of
 * ours can count operations, so the growth is measured as a ratio of CPU time within one run. A
 * linear cost grows about 10×, a quadratic one about 100×; the bound of 30× leaves room for a
 * busy machine.
 */
function growth(run: (size: number) => unknown, size: number): number {
  const ratio = measuredGrowth(run, size);
  if (process.env.DISTPLAN_SHOW_GROWTH) console.log(`growth at 10×: ${ratio.toFixed(1)}×`);
  return ratio;
}

function measuredGrowth(run: (size: number) => unknown, size: number): number {
  const cpu = (n: number) => {
    let best = Infinity;
    for (let k = 0; k < 3; k++) {
      const start = process.cpuUsage();
      run(n);
      const used = process.cpuUsage(start);
      best = Math.min(best, used.user + used.system);
    }
    return best;
  };
  run(size); // warm up the code paths
  return cpu(10 * size) / cpu(size);
}

/** Seven loads of up to 20k nodes each: seconds on a busy machine (the quadratic code took minutes). */
const SLOW = 90_000;

describe("linear time on hostile YAML", () => {
  // Today's bundled models are about 100 lines with 2 scenarios; 1× here is already 10 times that.
  it("many top-level keys (every one an unknown key to report)", () => {
    const text = (n: number) => lines(n, (i) => `k${i}: ${i}`);
    expect(loadAndPlace(text(3)).issues.filter((i) => i.code === "UNKNOWN_KEY")).toHaveLength(3);
    expect(growth((n) => loadAndPlace(text(n)), 1000)).toBeLessThan(30);
  }, SLOW);

  it("many anchors and aliases", () => {
    const text = (n: number) => lines(n, (i) => `k${i}: &a${i} ${i}`) + lines(n, (i) => `r${i}: *a${i}`);
    expect(errorCodes(loadAndPlace(text(2)))).toContain("UNKNOWN_KEY");
    expect(growth((n) => loadAndPlace(text(n)), 500)).toBeLessThan(30);
  }, SLOW);

  it("many duplicate keys, each reported where it is written", () => {
    const text = (n: number) => lines(n, (i) => `name: x${i}`);
    const loaded = loadAndPlace(text(3));
    expect(loaded.issues.map((i) => [i.code, i.offset])).toEqual([["DUPLICATE_KEY", 9], ["DUPLICATE_KEY", 18]]);
    expect(growth((n) => loadAndPlace(text(n)), 1000)).toBeLessThan(30);
  }, SLOW);

  it("many scenarios", () => {
    const text = (n: number) => VOORBEELD.replace(/^scenarios:\n/m, "scenarios:\n" + lines(n, (i) => `  - id: s${i}\n    set:\n      channels.partners.partner_margin: ${20 + (i % 10)}%\n      channels.webshop.fixed_costs.platform: ${300000 + i}`));
    expect(loadModelText(text(3), "s.yaml").scenarios).toHaveLength(1 + 3 + 2);
    // 40 and 400 (+ the example's 2): 10× stays within the limit of 500 scenarios (below).
    expect(growth((n) => loadModelText(text(n), "s.yaml"), 40)).toBeLessThan(30);
  }, SLOW);

  it("at most 500 scenarios: 5000 are refused with one error that states the limit, at the list", () => {
    const text = (n: number) => VOORBEELD.replace(/^scenarios:\n/m, "scenarios:\n" + lines(n, (i) => `  - { id: s${i}, set: { discount_rate: ${i % 20}% } }`));
    // The example has 2 scenarios of its own: 498 more is the most a model may hold.
    expect(loadModelText(text(498), "s.yaml").scenarios).toHaveLength(1 + 500);
    const refused = loadModelText(text(4998), "s.yaml");
    expect(refused.issues.map((i) => [i.code, i.path, i.args])).toEqual([["TOO_MANY_SCENARIOS", ["scenarios"], { count: 5000, limit: 500 }]]);
    expect(refused.scenarios).toEqual([]);
    const line = VOORBEELD.split("\n").indexOf("scenarios:") + 2;
    expect(issuePosition(refused, refused.issues[0]!)).toEqual({ line, col: 3 });
  }, SLOW);
});

describe("comments", () => {
  it("a long comment header is read in linear time", () => {
    // The empty-file check was one regular expression that backtracked exponentially in the
    // number of comment lines above the first key: 26 lines took 9 s, 60 would take years.
    const header = (n: number) => lines(n, (i) => `# line ${i} of the header`);
    expect(errorCodes(loadModelText(header(60) + VOORBEELD, "c.yaml"))).toEqual([]);
    expect(loadModelText(header(60), "c.yaml").issues.map((i) => i.code)).toEqual(["EMPTY_FILE"]);
    expect(growth((n) => loadModelText(header(n) + VOORBEELD, "c.yaml"), 200)).toBeLessThan(30);
  }, SLOW);
});

describe("long strings where a suggestion is made", () => {
  it("a bad id of dashes and a reference to a long unknown id: linear", () => {
    // "did you mean" compared every candidate by edit distance (length × length) and cleaned a bad
    // id with /-+$/ (quadratic in a run of dashes): ids of a megabyte took hours.
    const run = (n: number) => {
      const text = VOORBEELD
        .replace("id: enterprise", `id: A${"-".repeat(n)}x`) // BAD_ID
        .replace("id: midmarket", `id: m${"b".repeat(n)}`).replace("\n  midmarket: { direct", `\n  ? m${"b".repeat(n)}\n  : { direct`) // (a long key must be explicit in YAML)
        .replace("  - segment: midmarket", `  - segment: m${"c".repeat(n)}`); // UNKNOWN_SEGMENT
      return loadModelText(text, "l.yaml");
    };
    expect(errorCodes(run(10))).toEqual(expect.arrayContaining(["BAD_ID", "UNKNOWN_SEGMENT"]));
    expect(growth(run, 20_000)).toBeLessThan(30);
  }, SLOW);
});

describe("a long extends chain", () => {
  const chain = (n: number) => VOORBEELD.replace(/^scenarios:\n/m, "scenarios:\n" + lines(n, (i) => `  - id: s${i}\n${i > 0 ? `    extends: s${i - 1}\n` : ""}    set:\n      channels.webshop.fixed_costs.platform: ${300000 + i}`));
  it("applies each scenario's overlays once (counted), with every scenario's own figures", () => {
    const applied = (n: number) => {
      const before = overlayWork.applied;
      const loaded = loadModelText(chain(n), "c.yaml");
      expect(loaded.scenarios).toHaveLength(n + 3);
      return { count: overlayWork.applied - before, loaded };
    };
    // Each chain scenario has one overlay, the SPEC example's two scenarios four in all. Applying
    // each scenario's chain from base would cost n(n+1)/2 for the chain.
    expect(applied(20).count).toBe(20 + 4);
    const { count, loaded } = applied(200);
    expect(count).toBe(200 + 4);
    const last = loaded.scenarios.find((s) => s.id === "s199")!.model;
    expect(last.channels.find((c) => c.id === "webshop")!.fixedCosts[0]!.values[0]!.toFixed()).toBe("300199");
  });
  it("a cycle in a chain is still reported for each scenario on it", () => {
    const text = chain(3).replace("  - id: s0\n", "  - id: s0\n    extends: s2\n");
    expect(loadModelText(text, "c.yaml").issues.filter((i) => i.code === "SCENARIO_CYCLE")).toHaveLength(3);
  });
});

describe("duplicate keys (found by our own linear check, not yaml's)", () => {
  // The offsets are those yaml's own check (uniqueKeys: true) reports for the same texts.
  const found = (text: string) => loadModelText(text, "d.yaml").issues.map((i) => [i.code, i.offset, i.args.key]);
  it("in block and flow mappings, at the repeated key", () => {
    expect(found("a: 1\nb: { x: 1, y: 2, x: 3 }\na: 2\n")).toEqual([["DUPLICATE_KEY", 22, "x"], ["DUPLICATE_KEY", 29, "a"]]);
  });
  it("after an anchor, and as an explicit key", () => {
    expect(found("&k a: 1\n&j a: 2\n")).toEqual([["DUPLICATE_KEY", 11, "a"]]);
    expect(found('"a": 1\n? a\n: 2\n')).toEqual([["DUPLICATE_KEY", 9, "a"]]);
  });
  it("keys that only look alike are different keys", () => {
    expect(loadModelText("1: a\n'1': b\n", "d.yaml").issues.map((i) => i.code)).not.toContain("DUPLICATE_KEY");
  });
});

describe("aliases", () => {
  it("an alias before its anchor is a syntax error at the alias", () => {
    const loaded = loadModelText("version: 1\nname: *nope\n", "a.yaml");
    expect(loaded.issues.map((i) => [i.code, i.offset])).toEqual([["YAML_SYNTAX", 17]]);
  });
  it("a value that contains itself is refused, not turned into a cycle", () => {
    expect(loadModelText("version: 1\nname: &x [ *x ]\n", "a.yaml").issues.map((i) => i.code)).toEqual(["ALIAS_LIMIT"]);
    expect(loadModelText("version: 1\nmix: &y { a: *y }\n", "a.yaml").issues.map((i) => i.code)).toEqual(["ALIAS_LIMIT"]);
  });
  it("an anchor used up to yaml's alias count is fine, one more is a bomb", () => {
    // yaml counts the anchor itself and every use: count × expansion ≤ 100.
    const uses = (n: number) => `a: &a 1\nb: [${Array.from({ length: n }, () => "*a").join(", ")}]\n`;
    expect(loadModelText(uses(99), "a.yaml").issues.map((i) => i.code)).not.toContain("ALIAS_LIMIT");
    expect(loadModelText(uses(100), "a.yaml").issues.map((i) => i.code)).toEqual(["ALIAS_LIMIT"]);
  });
});

// Ids that are names every JavaScript object inherits. Only `constructor` is a valid id (ids are
// lowercase); the others must be refused as bad ids, cleanly. None may pollute a prototype.
const PROTOTYPE_NAMES = ["constructor", "toString", "__proto__", "hasOwnProperty", "valueOf", "prototype"] as const;
// Where an id can appear: a segment, a channel (checks and conflicts name it too), a scenario,
// a shared cost and a cost line. Each replaces one id of the SPEC example everywhere it is used.
const ROLES = { segment: "smb", channel: "partners", scenario: "partner-margin-28", shared_cost: "marketing", line: "commission" } as const;

function withId(role: keyof typeof ROLES, name: string): string {
  const word = ROLES[role];
  return VOORBEELD.replace(new RegExp(`(?<![\\w-])${word}(?![\\w])`, "g"), name);
}

describe("ids that are JavaScript prototype names", () => {
  it("work in every command's code, or are refused as bad ids (property)", () => {
    fc.assert(fc.property(fc.constantFrom(...PROTOTYPE_NAMES), fc.constantFrom(...(Object.keys(ROLES) as (keyof typeof ROLES)[])), (name, role) => {
      const text = withId(role, name);
      const loaded = loadModelText(text, "p.yaml");
      const valid = /^[a-z][a-z0-9_-]*$/.test(name);
      if (!valid) {
        expect(errorCodes(loaded).length).toBeGreaterThan(0);
        expect(loaded.scenarios).toEqual([]);
        // As it is, with the one line that says why a model has no results.
        const shown = textconvText(new TextEncoder().encode(text), "p.yaml");
        expect(shown.startsWith(text)).toBe(true);
        expect(shown.slice(text.length)).toMatch(/^\n?# ─── distplan results: none, the model is not valid \(\d+ errors?; the first: \d+:\d+ [A-Z_]+\);[^\n]*\n$/);
        return;
      }
      expect(errorCodes(loaded)).toEqual([]);
      // report / compare / check / diff / textconv / fmt / validate, through their own code.
      const projection = projectScenarios(loaded.scenarios);
      for (const s of projection.scenarios) {
        for (const y of s.years) expect(Object.keys(y.channels)).toEqual(s.channelIds);
        compareAllocations(loaded.scenarios[0]!.model, s);
      }
      const comparison = compareScenarios(projection);
      for (const year of comparison.revenueMix.flat()) expect(Object.keys(year.shares).sort()).toEqual([...projection.scenarios[0]!.channelIds].sort());
      expect(checkLoadedModel(loaded).outcomes.length).toBeGreaterThan(0);
      const base = loadModelText(VOORBEELD, "before.yaml");
      expect(modelDiff(base, loaded).assumptions.length).toBeGreaterThan(0);
      expect(textconvText(new TextEncoder().encode(text), "p.yaml")).toContain(`# ─── distplan results`);
      expect(formatVerified(text, "p.yaml")).not.toBeNull();
      if (role !== "scenario") {
        // The same figures as the example with its own ids.
        const expected = projectScenarios(base.scenarios).scenarios.map((s) => s.npv.toFixed(2));
        expect(projection.scenarios.map((s) => s.npv.toFixed(2))).toEqual(expected);
      }
    }), { numRuns: 40 });
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it("the binary: `constructor` as a segment and as a channel, in every command", () => {
    const dir = mkdtempSync(join(tmpdir(), "distplan-proto-"));
    const file = join(dir, "m.yaml");
    writeFileSync(file, withId("channel", "constructor").replace(/(?<![\w-])smb(?![\w])/g, "constructor"));
    const before = join(dir, "before.yaml");
    writeFileSync(before, VOORBEELD);
    for (const args of [["validate", file], ["report", file, "--scenario", "all", "--by", "both"], ["compare", file], ["check", file], ["diff", before, file], ["textconv", file], ["fmt", "--check", file]]) {
      const r = distplan(args);
      expect([args[0], r.code]).toEqual([args[0], args[0] === "check" ? 1 : 0]); // the example fails one check on purpose
      expect(r.stderr).not.toMatch(/internal error|at .*\.cjs/);
    }
    const r = distplan(["report", file, "--format", "json"]);
    expect(JSON.parse(r.stdout).scenarios[0].years[0].channels).toHaveProperty("constructor");
    const bad = join(dir, "bad.yaml");
    writeFileSync(bad, withId("segment", "__proto__"));
    for (const command of ["validate", "report", "check"]) {
      const result = distplan([command, bad]);
      expect(result.code).toBe(2);
      expect(result.stdout + result.stderr).toContain("BAD_ID");
    }
  });

  it("__proto__ keys anywhere in a model stay own keys and pollute nothing", () => {
    const text = VOORBEELD.replace("variable_costs: { commission: 4% }", "variable_costs: { __proto__: { polluted: 1 }, commission: 4% }");
    const loaded = loadModelText(text, "p.yaml");
    expect(errorCodes(loaded)).toContain("BAD_ID");
    expect(Object.prototype).not.toHaveProperty("polluted");
  });
});

describe("money beyond what 40 significant digits carry to the cent", () => {
  it("a revenue per customer of 1e300 is refused at the value, with the limit", () => {
    const loaded = loadModelText(VOORBEELD.replace("revenue_per_customer: 3600", "revenue_per_customer: 1e300"), "m.yaml");
    const issue = loaded.issues.find((i) => i.code === "AMOUNT_TOO_LARGE");
    expect(issue?.path).toEqual(["segments", 2, "revenue_per_customer"]);
    expect(issue?.args.limit).toBe("10^24");
  });
  it("an amount that grows past the limit over the horizon is refused too", () => {
    const text = VOORBEELD.replace("revenue_per_customer: 3600", "revenue_per_customer: { start: 1e20, growth: 100% }");
    expect(errorCodes(loadModelText(text, "m.yaml"))).toContain("AMOUNT_TOO_LARGE");
  });
  it("customers × revenue per customer past the limit is refused, each within it", () => {
    const text = VOORBEELD.replace("customers: 5200", "customers: 1e13").replace("revenue_per_customer: 3600", "revenue_per_customer: 1e12");
    const issue = loadModelText(text, "m.yaml").issues.find((i) => i.code === "AMOUNT_TOO_LARGE");
    expect(issue?.path).toEqual(["segments", 2, "revenue_per_customer"]);
  });
  it("a cost per customer over every customer past the limit is refused at that cost", () => {
    const text = VOORBEELD.replace("customers: 5200", "customers: 1e13").replace("service_cost: 60", "service_cost: 1e12");
    const issue = loadModelText(text, "m.yaml").issues.find((i) => i.code === "AMOUNT_TOO_LARGE");
    expect(issue?.path).toEqual(["channels", 2, "service_cost"]);
  });
  // The cost limits of a segment and channel that a scenario took over from base are not
  // computed again (base had no error there); these are the pairs a scenario does change.
  const scenario = (set: string) => VOORBEELD.replace(/^scenarios:\n/m, `scenarios:\n  - id: big\n    set:\n      ${set}\n`);
  it("a scenario that raises a cost past the limit is refused, naming the scenario", () => {
    const text = scenario("channels.webshop.service_cost: 1e12").replace("customers: 5200", "customers: 1e13");
    const issue = loadModelText(text, "m.yaml").issues.find((i) => i.code === "AMOUNT_TOO_LARGE");
    expect([issue?.scenario, issue?.path]).toEqual(["big", ["scenarios", 0, "set", "channels.webshop.service_cost"]]);
  });
  it("a scenario that serves a segment through a channel base did not is checked for that pair", () => {
    // direct's service cost over enterprise's customers is within the limit, over smb's not.
    const text = scenario("mix.smb: { direct: 100% }").replace("customers: 5200", "customers: 1e13").replace("service_cost: 6500", "service_cost: 1e12");
    expect(errorCodes(loadModelText(text.replace(/^  - id: big\n(    .*\n)+/m, ""), "m.yaml"))).toEqual([]);
    const issue = loadModelText(text, "m.yaml").issues.find((i) => i.code === "AMOUNT_TOO_LARGE");
    expect(issue?.scenario).toBe("big");
  });
  it("amounts just within the limit still foot to the cent", () => {
    const text = VOORBEELD.replace("customers: 5200", "customers: 1e9").replace("revenue_per_customer: 3600", "revenue_per_customer: 1e14");
    const loaded = loadModelText(text, "m.yaml");
    expect(errorCodes(loaded)).toEqual([]);
    for (const s of projectScenarios(loaded.scenarios).scenarios) {
      for (const y of s.years) {
        const channels = Object.values(y.channels);
        expect(channels.reduce((a, c) => a.plus(c.revenue), channels[0]!.revenue.minus(channels[0]!.revenue)).equals(y.total.revenue)).toBe(true);
        for (const c of channels) expect(c.revenue.decimalPlaces()).toBeLessThanOrEqual(2);
      }
    }
  });
});

describe("fmt and anchors", () => {
  it("canonical key order that moves an alias above its anchor moves the anchor with it", () => {
    const text = [
      "version: 1", "name: Alias order", "start_year: 2027", "years: 3",
      "channels:", "  - id: partners", "    type: indirect", "    partner_margin: &share 20%",
      "mix:", "  smb: { partners: 100% }",
      "segments:", "  - id: smb", "    customers: 100", "    churn: *share", "    revenue_per_customer: 1000", "    gross_margin: 40%", "",
    ].join("\n");
    const formatted = formatModelText(text);
    expect(formatted.indexOf("&share")).toBeGreaterThan(0);
    expect(formatted.indexOf("&share")).toBeLessThan(formatted.indexOf("*share"));
    expect(formatted).toMatch(/churn: &share 20%/);
    expect(formatted).toMatch(/partner_margin: \*share/);
    expect(formatVerified(text, "a.yaml")).toBe(formatted); // same figures before and after
  });
});
