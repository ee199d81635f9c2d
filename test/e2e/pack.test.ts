// The package as a user gets it: `npm pack` of a copy of this source (its `prepare` builds there,
// not in the tree the other tests run from), the tarball installed into an empty folder outside
// the source tree, and the installed `distplan` run from there. Then the CI examples in
// examples/ci/ run their own commands, read from those files, against the same tarball in a
// temporary git repository. Installing needs the npm registry for distplan's dependencies.
import { spawnSync } from "node:child_process";
import { copyFileSync, cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, realpathSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { basename, join, relative, sep } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parse } from "yaml";
import { ROOT } from "../helpers.js";

const TIMEOUT = 300_000; // npm install on a loaded machine can take a minute or more
const STEP_TIMEOUT = 120_000; // a few npx runs each, on a machine shared with other work
const version = (JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8")) as { version: string }).version;

/** The environment of every command here: the user's, without what `npm test` adds for itself. */
function cleanEnv(extra: Record<string, string> = {}): Record<string, string> {
  const env: Record<string, string> = {};
  for (const [k, v] of Object.entries(process.env)) {
    if (v !== undefined && !k.startsWith("npm_") && !["NODE_OPTIONS", "FORCE_COLOR", "INIT_CWD", "VITEST", "VITEST_POOL_ID", "VITEST_WORKER_ID", "NODE_ENV"].includes(k)) env[k] = v;
  }
  return { ...env, NO_COLOR: "1", LANG: "C.UTF-8", ...extra };
}

function run(command: string, args: readonly string[], cwd: string, env = cleanEnv()) {
  const r = spawnSync(command, args, { cwd, env, encoding: "utf8", timeout: TIMEOUT });
  return { code: r.status, stdout: r.stdout ?? "", stderr: r.stderr ?? "", error: r.error };
}

const ok = (r: ReturnType<typeof run>) => {
  if (r.code !== 0) throw new Error(`exit ${r.code}: ${r.stderr || r.stdout || String(r.error)}`);
  return r;
};

let work = "";
let tarball = "";
let packedFiles: string[] = [];

beforeAll(() => {
  work = realpathSync(mkdtempSync(join(tmpdir(), "distplan-pack-")));
  const source = join(work, "source");
  // Everything a clone has, except what the build makes and the installed packages (linked).
  const left = new Set(["node_modules", "dist", ".git", ".bench"]);
  cpSync(ROOT, source, {
    recursive: true,
    filter: (from) => {
      const top = relative(ROOT, from).split(sep)[0]!;
      return !left.has(top) && !top.endsWith(".tgz");
    },
  });
  symlinkSync(join(ROOT, "node_modules"), join(source, "node_modules"), "dir");
  const out = join(work, "out");
  mkdirSync(out);
  const r = ok(run("npm", ["pack", "--json", "--pack-destination", out], source));
  const json = JSON.parse(r.stdout.slice(r.stdout.indexOf("["))) as { filename: string; files: { path: string }[] }[];
  tarball = join(out, json[0]!.filename);
  packedFiles = json[0]!.files.map((f) => f.path).sort();
}, TIMEOUT);

afterAll(() => {
  if (work) rmSync(work, { recursive: true, force: true });
});

describe("npm pack", () => {
  it("holds the CLI, its bundles, the schema, the examples and the docs; no tests, fixtures or sources", () => {
    expect(basename(tarball)).toBe(`distplan-${version}.tgz`);
    const allowed = [
      /^(LICENSE|README\.md|package\.json)$/,
      /^bin\/(distplan\.js|package\.json)$/,
      /^dist\/[a-z0-9-]+\.cjs(\.cache)?$/, // the bundles and their V8 code cache
      /^models\/distplan\.schema\.json$/,
      /^docs\/MODEL\.md$/,
      /^examples\/[a-z0-9-]+\.yaml$/,
      /^examples\/[a-z0-9-]+-actuals\.csv$/, // #15: example actuals beside their model
      /^examples\/[a-z0-9-]+-partners\.csv$/, // #14: an example partner list for the tier review
      /^examples\/ci\/(distplan-check\.yml|pre-commit-config\.yaml)$/,
    ];
    expect(packedFiles.filter((f) => !allowed.some((p) => p.test(f)))).toEqual([]);
    for (const needed of ["LICENSE", "README.md", "package.json", "bin/distplan.js", "bin/package.json", "dist/distplan.cjs", "dist/init.cjs", "dist/xlsx.cjs", "models/distplan.schema.json", "docs/MODEL.md", "examples/voorbeeld.yaml", "examples/worked-example.yaml", "examples/ci/distplan-check.yml", "examples/ci/pre-commit-config.yaml"]) {
      expect(packedFiles).toContain(needed);
    }
    expect(packedFiles.filter((f) => /^(src|test|scripts)\/|\.ts$|fixtures/.test(f))).toEqual([]);
  }, STEP_TIMEOUT);
});

describe("the tarball installed into an empty folder", () => {
  let app = "";
  const distplan = (args: string[]) => run("npx", ["--no", "--", "distplan", ...args], app);

  beforeAll(() => {
    app = join(work, "app");
    mkdirSync(app);
    writeFileSync(join(app, "package.json"), '{ "name": "app", "private": true }\n');
    ok(run("npm", ["install", "--no-audit", "--no-fund", tarball], app));
  }, TIMEOUT);

  it("is the tarball's copy that runs, not the source tree's", () => {
    const installed = realpathSync(join(app, "node_modules/distplan/bin/distplan.js"));
    expect(installed.startsWith(join(app, "node_modules"))).toBe(true);
    expect(installed.startsWith(ROOT)).toBe(false);
  }, STEP_TIMEOUT);

  it("distplan --version", () => {
    const r = distplan(["--version"]);
    expect(r.code).toBe(0);
    expect(r.stdout.trim()).toBe(version);
  }, STEP_TIMEOUT);

  it("distplan report on a bundled example gives the worked example's figures", () => {
    const example = "node_modules/distplan/examples/worked-example.yaml";
    const table = distplan(["report", example]);
    expect(table.code).toBe(0);
    expect(table.stdout).toContain("Worked example · scenario base · EUR");
    const csv = distplan(["report", example, "--format", "csv"]);
    expect(csv.code).toBe(0);
    expect(csv.stdout).toContain("base,2029,total,,net_profit,61323.45");
    expect(csv.stdout).toContain("base,,total,,cumulative_net_profit,151330.95");
  }, STEP_TIMEOUT);

  it("distplan optimise finds HiGHS in the installed package's node_modules", () => {
    const r = distplan(["optimise", "node_modules/distplan/examples/worked-example.yaml", "--format", "csv"]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain("small,partners,2029,0.3000,0.1342,-0.1658"); // test/engine/optimise.test.ts, by hand
  }, STEP_TIMEOUT);

  it("distplan report --format xlsx loads its own bundle (dist/xlsx.cjs) from the installed package", () => {
    const example = "node_modules/distplan/examples/worked-example.yaml";
    const r = distplan(["report", example, "--format", "xlsx", "-o", "plan.xlsx"]);
    expect(r.code, r.stderr).toBe(0);
    expect(readFileSync(join(app, "plan.xlsx")).subarray(0, 2).toString()).toBe("PK"); // a zip
  }, STEP_TIMEOUT);

  it("runs the same without its V8 code cache, or with one V8 rejects", () => {
    const example = "node_modules/distplan/examples/worked-example.yaml";
    const before = distplan(["report", example, "--format", "csv"]).stdout;
    const cache = join(app, "node_modules/distplan/dist/distplan.cjs.cache");
    expect(existsSync(cache)).toBe(true);
    writeFileSync(cache, "not a code cache");
    const rejected = distplan(["report", example, "--format", "csv"]);
    expect(rejected.code).toBe(0);
    expect(rejected.stdout).toBe(before);
    rmSync(cache);
    const missing = distplan(["report", example, "--format", "csv"]);
    expect(missing.code).toBe(0);
    expect(missing.stdout).toBe(before);
  }, STEP_TIMEOUT);

  it("distplan init --yes writes a model that validates and passes its checks", () => {
    const dir = join(app, "plan");
    mkdirSync(dir);
    const init = run("npx", ["--no", "--", "distplan", "init", "--yes"], dir);
    expect(init.code).toBe(0);
    expect(readFileSync(join(dir, "distplan.yaml"), "utf8").split("\n")[0]).toBe("# yaml-language-server: $schema=./distplan.schema.json");
    expect(existsSync(join(dir, "distplan.schema.json"))).toBe(true);
    const check = run("npx", ["--no", "--", "distplan", "check", "distplan.yaml"], dir);
    expect(check.code).toBe(0);
    expect(check.stdout).toContain("0 checks failed");
  }, STEP_TIMEOUT);
});

describe("examples/ci against the tarball, in a git repository", () => {
  let repo = "";
  let env: Record<string, string> = {};
  const gitEnv = { GIT_AUTHOR_NAME: "ci", GIT_AUTHOR_EMAIL: "ci@example.com", GIT_COMMITTER_NAME: "ci", GIT_COMMITTER_EMAIL: "ci@example.com" };
  const workflow = parse(readFileSync(join(ROOT, "examples/ci/distplan-check.yml"), "utf8")) as { jobs: Record<string, { steps: { name?: string; run?: string }[] }> };
  const steps = Object.values(workflow.jobs).flatMap((job) => job.steps).filter((s) => s.run !== undefined);
  const preCommit = parse(readFileSync(join(ROOT, "examples/ci/pre-commit-config.yaml"), "utf8")) as { repos: { hooks: { id: string; entry: string; files: string }[] }[] };
  const hooks = preCommit.repos.flatMap((r) => r.hooks);
  /** A workflow step as GitHub runs it on Linux: bash -e. */
  const step = (command: string) => run("bash", ["-e", "-c", command], repo, env);
  /** A hook as pre-commit runs it: the entry's words, then the staged files its pattern matches. */
  const hook = (h: (typeof hooks)[number]) => {
    const staged = ok(run("git", ["diff", "--cached", "--name-only"], repo, env)).stdout.split("\n").filter((f) => f && new RegExp(h.files).test(f));
    const [command, ...args] = h.entry.split(" ");
    return run(command!, [...args, ...staged], repo, env);
  };

  beforeAll(() => {
    repo = join(work, "repo");
    const prefix = join(work, "global"); // `npm install --global` lands here, not in the user's prefix
    env = cleanEnv({ ...gitEnv, NPM_CONFIG_PREFIX: prefix, PATH: `${join(prefix, "bin")}:${process.env.PATH ?? ""}`, GITHUB_STEP_SUMMARY: join(work, "step-summary.md") });
    mkdirSync(join(repo, "vendor"), { recursive: true });
    mkdirSync(join(repo, "models"));
    copyFileSync(tarball, join(repo, "vendor", basename(tarball)));
    copyFileSync(join(ROOT, "examples/worked-example.yaml"), join(repo, "models/plan.yaml"));
    ok(run("git", ["init", "--quiet"], repo, env));
    ok(run("git", ["add", "."], repo, env));
  }, TIMEOUT);

  it("the workflow installs distplan without the registry entry and runs its checks", () => {
    expect(steps.map((s) => s.name)).toEqual(["Install distplan", "Check the plans", "Summary", "JUnit report"]);
    expect(steps[0]!.run).not.toMatch(/install --global distplan\b/);
    for (const s of steps) {
      const r = step(s.run!);
      expect(r.code, `${s.name}: ${r.stderr}`).toBe(0);
    }
    expect(realpathSync(ok(run("bash", ["-c", "command -v distplan"], repo, env)).stdout.trim()).startsWith(work)).toBe(true);
    expect(readFileSync(join(work, "step-summary.md"), "utf8")).toContain("### distplan check ✅ passed");
    expect(readFileSync(join(repo, "distplan-junit.xml"), "utf8")).toMatch(/^<\?xml[\s\S]*<testsuites[ >][\s\S]*<testcase name="net_profit ≥ 0"/);
  }, TIMEOUT);

  it("the workflow's check step fails the build and annotates the line when a check fails", () => {
    const plan = join(repo, "models/plan.yaml");
    const good = readFileSync(plan, "utf8");
    writeFileSync(plan, good.replace("checks:\n  - metric: net_profit\n    min: 0", "checks:\n  - metric: net_profit\n    min: 1M"));
    try {
      const r = step(steps.find((s) => s.name === "Check the plans")!.run!);
      expect(r.code).toBe(1);
      expect(r.stdout).toMatch(/^::error file=models\/plan\.yaml,line=\d+,/m);
    } finally {
      writeFileSync(plan, good);
    }
  }, STEP_TIMEOUT);

  it("the pre-commit hooks pass a staged, formatted, passing model and stop an unformatted one", () => {
    expect(hooks.map((h) => h.id)).toEqual(["distplan-check", "distplan-fmt"]);
    for (const h of hooks) expect(hook(h).code, h.id).toBe(0);
    const plan = join(repo, "models/plan.yaml");
    const good = readFileSync(plan, "utf8");
    writeFileSync(plan, good.replace("years: 3", "years:   3"));
    ok(run("git", ["add", "models/plan.yaml"], repo, env));
    try {
      const fmt = hook(hooks.find((h) => h.id === "distplan-fmt")!);
      expect(fmt.code).toBe(1);
      expect(fmt.stdout + fmt.stderr).toContain("models/plan.yaml");
      expect(hook(hooks.find((h) => h.id === "distplan-check")!).code).toBe(0);
    } finally {
      writeFileSync(plan, good);
      ok(run("git", ["add", "models/plan.yaml"], repo, env));
    }
  }, STEP_TIMEOUT);
});
