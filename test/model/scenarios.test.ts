import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { loadText, errorCodes, ROOT } from "../helpers.js";
import { issuePosition, sortedIssues } from "../../src/views/issues.js";
import { issueText } from "../../src/model/issues.js";

const base = readFileSync(join(ROOT, "test/fixtures/invalid/UNKNOWN_KEY.yaml"), "utf8").split("\n").filter((l) => !l.startsWith("yers") && !l.startsWith("#")).join("\n");
const withScenarios = (yaml: string) => `${base}scenarios:\n${yaml}`;

describe("scenarios (docs/MODEL.md §9)", () => {
  it("the base fixture is valid", () => expect(errorCodes(loadText(base))).toEqual([]));

  it("a set path replaces a node; base is untouched", () => {
    const loaded = loadText(withScenarios("  - id: cheap\n    set:\n      channels.webshop.price_discount: 10%\n"));
    expect(errorCodes(loaded)).toEqual([]);
    const [b, s] = loaded.scenarios;
    expect(b!.model.channels[1]!.defaultTerms.priceDiscount[0]!.toFixed()).toBe("0");
    expect(s!.model.channels[1]!.defaultTerms.priceDiscount[0]!.toFixed()).toBe("0.1");
  });

  it("a scenario may add keys the base lacks, and a whole new channel by id", () => {
    const loaded = loadText(withScenarios([
      "  - id: grow",
      "    set:",
      "      channels.webshop.fixed_costs.platform: 2000",
      "      channels.marketplace: { type: ecommerce, variable_costs: { commission: 15% } }",
      "      mix.smb: { partners: 50%, webshop: 30%, marketplace: 20% }",
      "",
    ].join("\n")));
    expect(errorCodes(loaded)).toEqual([]);
    const model = loaded.scenarios[1]!.model;
    expect(model.channels.map((c) => c.id)).toEqual(["partners", "webshop", "marketplace"]);
    expect(model.channels[1]!.fixedCosts[0]!.values[0]!.toFixed()).toBe("2000");
  });

  it("extends applies the parent's overlays first", () => {
    const loaded = loadText(withScenarios([
      "  - id: a",
      "    set: { channels.webshop.price_discount: 10% }",
      "  - id: b",
      "    extends: a",
      "    set: { channels.partners.partner_margin: 25% }",
      "",
    ].join("\n")));
    const b = loaded.scenarios.find((s) => s.id === "b")!.model;
    expect(b.channels[1]!.defaultTerms.priceDiscount[0]!.toFixed()).toBe("0.1");
    expect(b.channels[0]!.defaultTerms.partnerMargin[0]!.toFixed()).toBe("0.25");
  });

  it("aliases in the base are not changed through a scenario's copy", () => {
    const text = base.replace("churn: 10%", "churn: &c { from: 10%, to: 12% }").replace("  - id: partners\n", "  - id: partners\n    price_discount: *c\n");
    const loaded = loadText(`${text}scenarios:\n  - id: s\n    set: { segments.smb.churn.to: 50% }\n`);
    expect(errorCodes(loaded)).toEqual([]);
    expect(loaded.scenarios[0]!.model.segments[0]!.churn[2]!.toFixed()).toBe("0.12");
    expect(loaded.scenarios[0]!.model.channels[0]!.defaultTerms.priceDiscount[2]!.toFixed()).toBe("0.12");
    expect(loaded.scenarios[1]!.model.segments[0]!.churn[2]!.toFixed()).toBe("0.5");
    expect(loaded.scenarios[1]!.model.channels[0]!.defaultTerms.priceDiscount[2]!.toFixed()).toBe("0.12");
  });

  it("errors in a scenario name the scenario and point into its set value", () => {
    const text = withScenarios("  - id: bad\n    set:\n      segments.smb.gross_margin: 140%\n");
    const loaded = loadText(text);
    const issue = loaded.issues.find((i) => i.code === "PERCENT_OVER_100")!;
    expect(issue.scenario).toBe("bad");
    expect(issueText(issue).message).toBe("scenario 'bad' (set segments.smb.gross_margin): gross_margin is 140%; it cannot exceed 100%");
    const line = text.split("\n").findIndex((l) => l.includes("140%")) + 1;
    expect(issuePosition(loaded, issue)).toEqual({ line, col: text.split("\n")[line - 1]!.indexOf("140%") + 1 });
  });

  it("a list entry set to something without an id is reported at that set entry, not at base's entry", () => {
    const text = withScenarios("  - id: gone\n    set:\n      channels.webshop: null\n  - id: odd\n    set:\n      channels.extra: 5\n");
    const loaded = loadText(text);
    const lines = text.split("\n");
    const at = (needle: string) => lines.findIndex((l) => l.includes(needle)) + 1;
    const found = sortedIssues(loaded).map(({ issue, position }) => `${issue.code} ${issue.scenario} ${position?.line}`);
    expect(found).toEqual([`WRONG_TYPE gone ${at("channels.webshop: null")}`, `WRONG_TYPE odd ${at("channels.extra: 5")}`]);
  });

  it("cycles, unknown parents and forbidden paths are errors", () => {
    expect(errorCodes(loadText(withScenarios("  - id: a\n    extends: b\n  - id: b\n    extends: a\n")))).toContain("SCENARIO_CYCLE");
    expect(errorCodes(loadText(withScenarios("  - id: a\n    set: { version: 2 }\n")))).toEqual(["SCENARIO_SET_FORBIDDEN"]);
    expect(errorCodes(loadText(withScenarios("  - id: a\n    set: { __proto__.x: 1 }\n")))).toEqual(["SCENARIO_PATH_NOT_FOUND"]);
    expect(({} as Record<string, unknown>).x).toBeUndefined();
  });
});

describe("all mistakes at once", () => {
  it("rules of meaning still report outside the parts the schema rejected", () => {
    const text = [
      "version: 1", "name: x", "start_year: 2027", "years: 3", "yers: 3",
      "segments:", "  - id: smb", "    customers: 10", "    revenue_per_customer: 100", "    gross_margin: 45",
      "channels:", "  - id: web", "    type: ecomerce", "    partner_margin: 10%", "  - id: partners", "    type: indirect",
      "mix:", "  smb: { web: 90%, partnrs: 5% }", "",
    ].join("\n");
    const loaded = loadText(text);
    expect(sortedIssues(loaded).map(({ issue, position }) => `${issue.code} ${JSON.stringify(position)}`)).toEqual([
      'UNKNOWN_KEY {"line":5,"col":1}',
      'PERCENT_AMBIGUOUS {"line":10,"col":19}',
      'BAD_ENUM {"line":13,"col":11}',
      // Not PARTNER_MARGIN_NOT_INDIRECT: that channel's type is already wrong, so it is not judged.
      'MIX_NOT_100 {"line":18,"col":8}',
      'UNKNOWN_CHANNEL {"line":18,"col":20}',
    ]);
  });

  it("a broken foundation (the horizon) stops the rules of meaning", () => {
    const loaded = loadText(base.replace("years: 3", "years: many"));
    expect(errorCodes(loaded)).toEqual(["WRONG_TYPE"]);
  });
});
