// `--scenario` (issue #22 item 6, #19 item 11, #11): comma-separated or repeated ids, a model path
// after the option is the model, `all` does not hide an unknown id, and `compare --scenario base`
// says what is wrong instead of claiming the model has no scenarios.
import { describe, expect, it } from "vitest";
import { distplan } from "../support/cli.js";

const model = "examples/voorbeeld.yaml"; // scenarios: webshop-push, partner-margin-28
const shown = (stdout: string) => [...stdout.matchAll(/· scenario (\S+) ·/g)].map((m) => m[1]);

describe("--scenario", () => {
  it("a model path after the option is the model, not a scenario id", () => {
    const r = distplan(["report", "--scenario", "webshop-push", model]);
    expect(r.code).toBe(0);
    expect(shown(r.stdout)).toEqual(["webshop-push"]);
  });

  it("comma-separated, repeated, and the old form after the model all give the same scenarios", () => {
    const forms = [
      ["report", "--scenario", "partner-margin-28,base", model],
      ["report", "--scenario", "partner-margin-28", "--scenario", "base", model],
      ["report", model, "--scenario", "partner-margin-28", "base"],
    ];
    for (const argv of forms) {
      const r = distplan(argv);
      expect(r.code).toBe(0);
      expect(shown(r.stdout)).toEqual(["base", "partner-margin-28"]); // model order
    }
  });

  it("space-separated ids before the model are refused with the comma form as the hint", () => {
    const r = distplan(["report", "--scenario", "base", "webshop-push", model]);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe("");
    expect(r.stderr).toContain(`--scenario base,webshop-push ${model}`);
  });

  it("'all' next to an unknown id is an error, not 'all'", () => {
    for (const argv of [["report", model, "--scenario", "all,nope"], ["report", model, "--scenario", "all", "nope"], ["compare", "--scenario", "all", "--scenario", "nope", model]]) {
      const r = distplan(argv);
      expect(r.code).toBe(2);
      expect(r.stdout).toBe("");
      expect(r.stderr).toContain("unknown scenario 'nope'");
    }
    expect(distplan(["report", model, "--scenario", "all,base"]).code).toBe(0);
  });

  it("an empty id is a usage error", () => {
    expect(distplan(["report", model, "--scenario", "base,,webshop-push"]).code).toBe(2);
  });

  it("compare --scenario base names the model's scenarios instead of saying it has none", () => {
    const r = distplan(["compare", model, "--scenario", "base"]);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe("");
    expect(r.stderr).not.toContain("no scenarios");
    expect(r.stderr).toContain("webshop-push, partner-margin-28");
    expect(distplan(["compare", "--scenario", "webshop-push", model]).code).toBe(0);
  });

  it("the help says how to give several", () => {
    expect(distplan(["report", "--help"]).stdout).toContain("comma-separated or repeated (--scenario a,b)");
    expect(distplan(["compare", "--help"]).stdout).toContain("comma-separated or repeated (--scenario a,b)");
  });
});
