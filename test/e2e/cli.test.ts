// End to end: the built binary, spawned with a clean environment (no colour, no TTY, fixed width).
import { mkdtempSync, writeFileSync, readFileSync, copyFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { ROOT } from "../helpers.js";
import { spawnSync } from "node:child_process";
import { BIN, CLEAN_ENV, distplan } from "../support/cli.js";

describe("distplan binary", () => {
  it("report on the complete example matches its figures in docs/MODEL.md §13", () => {
    const r = distplan(["report", "examples/voorbeeld.yaml"]);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe("");
    expect(r.stdout).toContain("Voorbeeld BV distribution model 2027-2031 · scenario base · EUR thousands");
    expect(r.stdout).toMatch(/total\s+revenue\s+58,436\s+63,072\s+67,519\s+71,807\s+75,964/);
    expect(r.stdout).toMatch(/net profit\s+8,685\s+10,218\s+11,745\s+13,266\s+14,782/);
    expect(r.stdout).toContain("NPV at 8%: 45,937");
    expect(r.stdout).not.toMatch(/\u001b\[/); // no colour codes in a pipe
  });

  it("compare (npm start) shows the scenarios and their NPV deltas", () => {
    const r = distplan(["compare", "examples/voorbeeld.yaml"]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/webshop-push\s+48,174 ★\s+\+2,237 ▲ \+4\.9%/);
    expect(r.stdout).toMatch(/partner-margin-28\s+42,310\s+-3,627 ▼ -7\.9%/);
    // The model's failing check is named under the comparison (its checks select base only).
    expect(r.stdout).toContain("⚠ check fails in base: contribution_margin ≥ 10% · partners");
    for (const line of r.stdout.split("\n")) expect([...line].length).toBeLessThanOrEqual(80);
  });

  it("output is byte-identical across runs, in every format", () => {
    for (const format of ["table", "json", "csv", "md"]) {
      const a = distplan(["report", "examples/hybrid-b2b.yaml", "--scenario", "all", "--format", format]);
      const b = distplan(["report", "examples/hybrid-b2b.yaml", "--scenario", "all", "--format", format]);
      expect(a.code).toBe(0);
      expect(a.stdout).toBe(b.stdout);
    }
  });

  it("FORCE_COLOR colours negative figures; --no-color wins over it", () => {
    const coloured = distplan(["report", "examples/ecommerce-brand.yaml"], { env: { FORCE_COLOR: "1", NO_COLOR: "" } });
    expect(coloured.stdout).toMatch(/\u001b\[31m-55,750\u001b\[39m/);
    expect(distplan(["report", "examples/ecommerce-brand.yaml", "--no-color"], { env: { FORCE_COLOR: "1" } }).stdout).not.toMatch(/\u001b\[/);
  });

  // In a terminal (a pseudo-terminal from util-linux's script(1), which Debian always has): colour
  // by default, none under NO_COLOR, and --color wins over NO_COLOR. chalk's detection alone
  // ignored NO_COLOR; chalk is now loaded only when colour is possible at all.
  const script = spawnSync("script", ["--version"]).status === 0;
  it.skipIf(!script)("in a terminal: colour, NO_COLOR turns it off, --color back on (skipped without script(1))", () => {
    const inTerminal = (env: string, args: string) =>
      spawnSync("script", ["-qec", `env -i PATH="$PATH" TERM=xterm ${env} ${process.execPath} ${BIN} report examples/ecommerce-brand.yaml ${args}`, "/dev/null"], { cwd: ROOT, encoding: "utf8" }).stdout;
    expect(inTerminal("", "")).toMatch(/\u001b\[31m-55,750\u001b\[39m/);
    expect(inTerminal("NO_COLOR=1", "")).not.toMatch(/\u001b\[3\d?m/);
    expect(inTerminal("NO_COLOR=1", "--color")).toMatch(/\u001b\[31m-55,750\u001b\[39m/);
  });

  it("an invalid model: errors on stderr with file:line:col and hints, nothing on stdout, exit 2", () => {
    const dir = mkdtempSync(join(tmpdir(), "distplan-e2e-"));
    const file = join(dir, "bad.yaml");
    copyFileSync(join(ROOT, "test/fixtures/invalid/MIX_NOT_100.yaml"), file);
    const before = readFileSync(file, "utf8");
    for (const cmd of [["validate", file], ["report", file], ["compare", file]]) {
      const r = distplan(cmd);
      expect(r.code).toBe(2);
      expect(r.stdout).toBe("");
      expect(r.stderr).toContain(`${file}:20:8: error MIX_NOT_100: the mix for 'smb' sums to 90% in 2027`);
      expect(r.stderr).toContain("hint:");
      expect(r.stderr).not.toMatch(/at .*\.js:\d+/); // no stack trace
    }
    expect(readFileSync(file, "utf8")).toBe(before);
  });

  it("no model and no ./distplan.yaml points at init and the examples", () => {
    const r = distplan(["report"], { cwd: mkdtempSync(join(tmpdir(), "distplan-e2e-")) });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("no model given and no ./distplan.yaml here");
    expect(r.stderr).toContain("distplan init");
  });

  it("./distplan.yaml is the default model", () => {
    const dir = mkdtempSync(join(tmpdir(), "distplan-e2e-"));
    copyFileSync(join(ROOT, "examples/worked-example.yaml"), join(dir, "distplan.yaml"));
    const r = distplan(["report", "--format", "csv"], { cwd: dir });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("base,2027,direct,,net_profit,15809.96");
  });

  it("bad usage exits 2: unknown option, bad format, unknown scenario", () => {
    expect(distplan(["report", "examples/voorbeeld.yaml", "--frobnicate"]).code).toBe(2);
    expect(distplan(["report", "examples/voorbeeld.yaml", "--format", "xml"]).code).toBe(2);
    const r = distplan(["report", "examples/voorbeeld.yaml", "--scenario", "webshop-psh"]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("did you mean 'webshop-push'?");
  });

  it("a bad --locale is a usage error, not an internal one", () => {
    const r = distplan(["report", "examples/voorbeeld.yaml", "--locale", "nl_NL@@"]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("--locale nl_NL@@ is not a BCP 47 language tag");
    expect(distplan(["report", "examples/voorbeeld.yaml", "--locale", "nl-NL"]).stdout).toContain("32.136");
  });

  it("a missing file is a one-line error, exit 2", () => {
    const r = distplan(["validate", "nope.yaml"]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("nope.yaml: error FILE_NOT_FOUND: cannot read nope.yaml: no such file");
  });

  it("validate prints ok and a summary; schema prints the JSON Schema", () => {
    const r = distplan(["validate", "models/plan.yaml"]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^ok models\/plan\.yaml: .* 3 segments, 3 channels, 2 scenarios, 3 checks\n$/);
    const schema = distplan(["schema"]);
    expect(JSON.parse(schema.stdout).$schema).toBe("https://json-schema.org/draft/2020-12/schema");
  });

  it("--help and --version exit 0", () => {
    expect(distplan(["--help"]).code).toBe(0);
    expect(distplan(["--version"]).stdout.trim()).toMatch(/^\d+\.\d+\.\d+$/);
  });

  it("--version and -V, answered before the bundle loads, print what commander prints: package.json's version", () => {
    const version = `${JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8")).version}\n`;
    // `--debug --version` is not the short path: commander answers it, from main.ts's VERSION.
    for (const args of [["--version"], ["-V"], ["--debug", "--version"]]) expect(distplan(args)).toEqual({ code: 0, stdout: version, stderr: "" });
  });

  it("a command built alone (the start-up path) has the help it has in the whole program", () => {
    for (const command of ["report", "compare", "check", "diff", "git-setup", "validate", "fmt", "init", "schema"]) {
      const alone = distplan([command, "--help"]);
      expect(alone.code).toBe(0);
      expect(alone.stdout).toBe(distplan(["help", command]).stdout); // `help` builds every command
    }
  });

  it("start-up does not load node:child_process (commander's require of it is deferred to first use)", () => {
    const dir = mkdtempSync(join(tmpdir(), "distplan-e2e-"));
    const probe = join(dir, "probe.cjs");
    writeFileSync(probe, 'process.on("exit", () => require("node:fs").writeSync(2, `\\n${process.moduleLoadList.join("\\n")}\\n`));\n');
    const r = spawnSync(process.execPath, ["-r", probe, BIN, "schema"], { cwd: ROOT, env: CLEAN_ENV, encoding: "utf8" });
    expect(r.status).toBe(0);
    expect(r.stderr).toContain("NativeModule fs"); // the probe ran
    expect(r.stderr).not.toContain("NativeModule child_process");
  });

  it("commander's usage errors are unchanged: message, hint line, exit 2, nothing on stdout", () => {
    const usage = "(run 'distplan --help' for usage)\n";
    expect(distplan(["report", "--bogus"])).toEqual({ code: 2, stdout: "", stderr: `error: unknown option '--bogus'\n${usage}` });
    expect(distplan(["report", "--by", "x"])).toEqual({ code: 2, stdout: "", stderr: `error: option '--by <view>' argument 'x' is invalid. Allowed choices are channel, segment, both, tier.\n${usage}` });
    expect(distplan(["diff", "a.yaml"])).toEqual({ code: 2, stdout: "", stderr: `error: missing required argument 'new'\n${usage}` });
    expect(distplan(["repot"])).toEqual({ code: 2, stdout: "", stderr: `error: unknown command 'repot'\n(Did you mean report?)\n${usage}` });
  });

  it("a warning-only model still runs, with the warning on stderr", () => {
    const dir = mkdtempSync(join(tmpdir(), "distplan-e2e-"));
    const file = join(dir, "w.yaml");
    writeFileSync(file, readFileSync(join(ROOT, "test/fixtures/invalid/UNUSED_CHANNEL.yaml")));
    const r = distplan(["report", file]);
    expect(r.code).toBe(0);
    expect(r.stderr).toContain("warning UNUSED_CHANNEL");
    expect(r.stdout).toContain("direct");
  });
});

describe("distplan check (binary)", () => {
  it("the committed plan passes: exit 0", () => {
    const r = distplan(["check", "models/*.yaml"]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/1 file · 0 checks failed · 3 passed · 1 warning\n$/);
  });

  it("--strict turns the lint into a failure: exit 1", () => {
    expect(distplan(["check", "models/plan.yaml", "--strict"]).code).toBe(1);
  });

  it("mixed files: every file is reported and the worst exit code wins", () => {
    const failing = distplan(["check", "models/plan.yaml", "examples/voorbeeld.yaml"]);
    expect(failing.code).toBe(1);
    const invalid = distplan(["check", "models/plan.yaml", "examples/voorbeeld.yaml", "test/fixtures/invalid/MIX_NOT_100.yaml", "--format", "json"]);
    expect(invalid.code).toBe(2);
    expect(JSON.parse(invalid.stdout).files.map((f: { status: string }) => f.status)).toEqual(["passed", "failed", "invalid"]);
  });

  it("a glob that matches nothing is a usage error", () => {
    const r = distplan(["check", "nowhere/*.yaml"]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("no model files match 'nowhere/*.yaml'");
  });

  it("github format output for a failing plan", () => {
    const r = distplan(["check", "examples/voorbeeld.yaml", "--format", "github"]);
    expect(r.code).toBe(1);
    expect(r.stdout.split("\n")[0]).toMatch(/^::error file=examples\/voorbeeld\.yaml,line=100,title=/);
  });
});
