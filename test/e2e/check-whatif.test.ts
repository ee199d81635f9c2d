// Issue #13 item 1: check --set, a what-if gate. voorbeeld's partners miss their 10% contribution
// margin at a 25% partner margin (5.3% in 2027); at 20% they earn 10% or more in every year, at
// 40% they lose money. Every format says that a what-if was checked, not the committed plan.
import { describe, expect, it } from "vitest";
import { distplan } from "../support/cli.js";

const run = (args: string[]) => distplan(["check", "examples/voorbeeld.yaml", ...args]);

describe("check --set", () => {
  it("turns a failing check into a passing one and back, on a hand-chosen value", () => {
    expect(run([]).code).toBe(1);
    expect(run(["--set", "channels.partners.partner_margin=20%"]).code).toBe(0);
    expect(run(["--set", "channels.partners.partner_margin=40%"]).code).toBe(1);
  });

  it("says so in every format, and without --set the output is as before", () => {
    const set = ["--set", "channels.partners.partner_margin=20%"];
    expect(run([...set]).stdout.split("\n")[0]).toContain("what-if: checked with channels.partners.partner_margin=20% set on base");
    expect(JSON.parse(run([...set, "--format", "json"]).stdout).what_if).toEqual(["channels.partners.partner_margin=20%"]);
    expect(run([...set, "--format", "junit"]).stdout).toContain('<property name="what-if" value="channels.partners.partner_margin=20%"/>');
    expect(run([...set, "--format", "github"]).stdout.split("\n")[0]).toBe("::notice title=what-if::checked with channels.partners.partner_margin=20%25 set on base, not the committed plan"); // % escaped as GitHub's workflow commands require
    expect(run([...set, "--format", "md"]).stdout).toContain("what-if: checked with `channels.partners.partner_margin=20%` set on base");
    for (const format of ["text", "json", "junit", "github", "md"]) {
      const plain = run(["--format", format]).stdout;
      expect(plain).not.toContain("what-if");
      expect(plain).not.toContain("what_if");
    }
  });

  it("a bad path is a usage error naming the argument, with did-you-mean", () => {
    const r = run(["--set", "channels.partners.partner_margn=40%"]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("--set channels.partners.partner_margn=40%");
    expect(r.stderr).toContain("did you mean 'partner_margin'?");
  });
});
