// Hostile paths and files (issue #19, files and processes): the built binary, spawned with a clean
// environment in temporary folders, against what an attacker or an unlucky user would try. Each
// case failed on the code before the fix (named in the test).
import { execFileSync, spawnSync } from "node:child_process";
import {
  chmodSync, chownSync, cpSync, existsSync, linkSync, lstatSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, readlinkSync, statSync, symlinkSync, writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { describe, expect, it } from "vitest";
import { ROOT } from "../helpers.js";
import { BIN, CLEAN_ENV, distplan } from "../support/cli.js";

const WORKED = readFileSync(join(ROOT, "examples/worked-example.yaml"), "utf8");
/** A valid model that fmt reorders (name above version). */
const UNFORMATTED = WORKED.replace("version: 1\nname: Worked example\n", "name: Worked example\nversion: 1\n");
const isRoot = process.getuid?.() === 0;

const temp = () => mkdtempSync(join(tmpdir(), "distplan-hostile-"));
const noStack = (stderr: string) => expect(stderr).not.toMatch(/\n\s+at .*:\d+/);

/** sh -c SCRIPT with $1 = node, $2 = the binary, then ARGS; clean environment. */
function sh(script: string, args: string[] = [], options: { cwd?: string; env?: Record<string, string> } = {}) {
  const r = spawnSync("sh", ["-c", script, "sh", process.execPath, BIN, ...args], {
    cwd: options.cwd ?? ROOT, env: { ...CLEAN_ENV, ...options.env }, encoding: "utf8", timeout: 20_000,
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

const gitEnv = { ...process.env, GIT_CONFIG_GLOBAL: "/dev/null", GIT_CONFIG_NOSYSTEM: "1" };
const gitIn = (dir: string, ...args: string[]) => execFileSync("git", args, { cwd: dir, encoding: "utf8", env: gitEnv });

function repo(): string {
  const dir = temp();
  gitIn(dir, "init", "-q", "-b", "main");
  gitIn(dir, "config", "user.email", "test@example.com");
  gitIn(dir, "config", "user.name", "Test");
  writeFileSync(join(dir, "m.yaml"), WORKED);
  gitIn(dir, "add", ".");
  gitIn(dir, "commit", "-q", "-m", "plan");
  return dir;
}

describe("git-setup: no code execution, no smuggled attributes", () => {
  it("a textconv command under a path with $(touch pwned) and a quote is quoted for sh; git diff renders", () => {
    // Before: written as "<node>" "<bin>" textconv, so sh ran $(touch pwned) on every git diff.
    const base = temp();
    const install = join(base, "ev $(touch pwned) it's");
    mkdirSync(install);
    cpSync(join(ROOT, "bin"), join(install, "bin"), { recursive: true });
    cpSync(join(ROOT, "dist"), join(install, "dist"), { recursive: true });
    const dir = repo();
    // PATH without a distplan, so git-setup writes this binary's absolute path.
    const env = { PATH: `${dirname(process.execPath)}:/usr/bin:/bin` };
    const setup = spawnSync(process.execPath, [join(install, "bin/distplan.js"), "git-setup"], { cwd: dir, env: { ...CLEAN_ENV, ...env }, encoding: "utf8" });
    expect(setup.stderr).toBe("");
    expect(setup.status).toBe(0);
    writeFileSync(join(dir, "m.yaml"), WORKED.replace("churn: 10%", "churn: 12%"));
    const diff = execFileSync("git", ["diff", "--", "m.yaml"], { cwd: dir, encoding: "utf8", env: { ...gitEnv, ...env } });
    expect(diff).toContain("# ─── distplan results");
    expect(diff).toContain("+    churn: 12%");
    expect(existsSync(join(dir, "pwned"))).toBe(false);
    expect(existsSync(join(base, "pwned"))).toBe(false);
  });

  it("--pattern with a newline or a space is a usage error and writes nothing", () => {
    const dir = repo();
    for (const pattern of ["*.md\n* -diff", "*.md -diff", "", "!*.yaml", "[attr]x"]) {
      const r = distplan(["git-setup", "--pattern", pattern, "--command", "distplan textconv"], { cwd: dir });
      expect(r.code).toBe(2);
      expect(r.stderr).toContain("is not a .gitattributes pattern");
    }
    expect(existsSync(join(dir, ".gitattributes"))).toBe(false);
  });

  it("--print --command \"it's\" prints a correctly quoted command", () => {
    const r = distplan(["git-setup", "--print", "--command", "it's"], { cwd: temp() });
    expect(r.stdout).toContain("git config diff.distplan.textconv 'it'\\''s'\n");
    // And sh reads it back as the one word it was.
    expect(execFileSync("sh", ["-c", `printf %s ${"'it'\\''s'"}`], { encoding: "utf8" })).toBe("it's");
  });

  it("--command that does not run distplan textconv is refused before anything is written", () => {
    const dir = repo();
    const r = distplan(["git-setup", "--command", "cat"], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("does not run distplan textconv");
    expect(existsSync(join(dir, ".gitattributes"))).toBe(false);
    expect(spawnSync("git", ["config", "diff.distplan.textconv"], { cwd: dir, env: gitEnv }).status).toBe(1);
    const ok = distplan(["git-setup", "--command", `'${process.execPath}' '${BIN}' textconv`], { cwd: dir });
    expect(ok.stderr).toBe("");
    expect(ok.code).toBe(0);
  });

  it("a symlinked .gitattributes is written through; a directory is a clear error", () => {
    const dir = repo();
    mkdirSync(join(dir, "attrs"));
    writeFileSync(join(dir, "attrs/real"), "*.png binary\n");
    symlinkSync("attrs/real", join(dir, ".gitattributes"));
    expect(distplan(["git-setup", "--command", `'${process.execPath}' '${BIN}' textconv`], { cwd: dir }).code).toBe(0);
    expect(lstatSync(join(dir, ".gitattributes")).isSymbolicLink()).toBe(true);
    expect(readFileSync(join(dir, "attrs/real"), "utf8")).toBe("*.png binary\n*.yaml diff=distplan\n*.yml diff=distplan\n");

    const other = repo();
    mkdirSync(join(other, ".gitattributes"));
    const r = distplan(["git-setup"], { cwd: other });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(".gitattributes is a directory");
    noStack(r.stderr);
  });
});

describe("diff: an operand never becomes a git option", () => {
  it("diff -- '--output=notes:x.txt' m.yaml leaves the committed file alone", () => {
    const dir = repo();
    writeFileSync(join(dir, "notes:x.txt"), "keep me\n");
    gitIn(dir, "add", ".");
    gitIn(dir, "commit", "-q", "-m", "notes");
    const r = distplan(["diff", "--", "--output=notes:x.txt", "m.yaml"], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("a revision cannot start with '-'");
    expect(readFileSync(join(dir, "notes:x.txt"), "utf8")).toBe("keep me\n");
    expect(gitIn(dir, "status", "--porcelain")).toBe("");
  });
});

describe("writes never lose data", () => {
  it("fmt writes through a symlink: the link stays, its target is formatted", () => {
    const dir = temp();
    writeFileSync(join(dir, "real.yaml"), UNFORMATTED);
    symlinkSync("real.yaml", join(dir, "link.yaml"));
    const r = distplan(["fmt", "link.yaml"], { cwd: dir });
    expect(r.code).toBe(0);
    expect(readlinkSync(join(dir, "link.yaml"))).toBe("real.yaml");
    expect(readFileSync(join(dir, "real.yaml"), "utf8")).toContain("version: 1\nname: Worked example\n");
    expect(readdirSync(dir).sort()).toEqual(["link.yaml", "real.yaml"]);
  });

  it("fmt keeps the file's mode, refuses a read-only file and a hard-linked one, and leaves no temp file", () => {
    const dir = temp();
    writeFileSync(join(dir, "mode.yaml"), UNFORMATTED);
    chmodSync(join(dir, "mode.yaml"), 0o640);
    expect(distplan(["fmt", "mode.yaml"], { cwd: dir }).code).toBe(0);
    expect(statSync(join(dir, "mode.yaml")).mode & 0o777).toBe(0o640);

    writeFileSync(join(dir, "ro.yaml"), UNFORMATTED);
    chmodSync(join(dir, "ro.yaml"), 0o444);
    writeFileSync(join(dir, "a.yaml"), UNFORMATTED);
    linkSync(join(dir, "a.yaml"), join(dir, "b.yaml"));
    const r = distplan(["fmt", "ro.yaml", "a.yaml"], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("cannot write ro.yaml: the file is read-only");
    expect(r.stderr).toContain("cannot write a.yaml: it has 2 hard links");
    noStack(r.stderr);
    expect(readFileSync(join(dir, "ro.yaml"), "utf8")).toBe(UNFORMATTED);
    expect(readFileSync(join(dir, "a.yaml"), "utf8")).toBe(UNFORMATTED);
    expect(statSync(join(dir, "a.yaml")).nlink).toBe(2);
    expect(readdirSync(dir).sort()).toEqual(["a.yaml", "b.yaml", "mode.yaml", "ro.yaml"]);
  });

  it.skipIf(!isRoot)("fmt run as root keeps another user's file theirs (skipped unless root: only root can chown)", () => {
    const dir = temp();
    writeFileSync(join(dir, "theirs.yaml"), UNFORMATTED);
    chownSync(join(dir, "theirs.yaml"), 4321, 4322);
    expect(distplan(["fmt", "theirs.yaml"], { cwd: dir }).code).toBe(0);
    const info = statSync(join(dir, "theirs.yaml"));
    expect([info.uid, info.gid]).toEqual([4321, 4322]);
    expect(readFileSync(join(dir, "theirs.yaml"), "utf8")).toBe(WORKED);
  });

  it.skipIf(isRoot)("fmt in a read-only folder: one line, exit 2 (skipped as root, who may write anywhere)", () => {
    const dir = temp();
    writeFileSync(join(dir, "m.yaml"), UNFORMATTED);
    chmodSync(dir, 0o555);
    const r = distplan(["fmt", "m.yaml"], { cwd: dir });
    chmodSync(dir, 0o755);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("cannot write m.yaml: cannot create a file in");
    noStack(r.stderr);
  });

  it("fmt keeps a byte order mark and CRLF line endings", () => {
    const dir = temp();
    const crlf = (s: string) => s.replace(/\n/g, "\r\n");
    writeFileSync(join(dir, "w.yaml"), Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(crlf(UNFORMATTED))]));
    expect(distplan(["fmt", "w.yaml"], { cwd: dir }).code).toBe(0);
    const bytes = readFileSync(join(dir, "w.yaml"));
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(bytes.subarray(3).toString("utf8")).toBe(crlf(WORKED));
    expect(distplan(["fmt", "--check", "w.yaml"], { cwd: dir }).code).toBe(0);
  });

  it("init --yes does not replace a dangling symlink without --force; with it, writes through", () => {
    const dir = temp();
    symlinkSync("elsewhere/target.yaml", join(dir, "distplan.yaml"));
    mkdirSync(join(dir, "elsewhere"));
    const r = distplan(["init", "--yes"], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("distplan.yaml is a symlink to a file that does not exist");
    expect(existsSync(join(dir, "elsewhere/target.yaml"))).toBe(false);
    expect(distplan(["init", "--yes", "--force"], { cwd: dir }).code).toBe(0);
    expect(lstatSync(join(dir, "distplan.yaml")).isSymbolicLink()).toBe(true);
    expect(readFileSync(join(dir, "elsewhere/target.yaml"), "utf8")).toContain("version: 1");
  });

  it("init into a missing folder, or onto a directory with --force: one line, exit 2", () => {
    const dir = temp();
    const missing = distplan(["init", "--yes", "nodir/sub/x.yaml"], { cwd: dir });
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain("the folder nodir/sub does not exist");
    mkdirSync(join(dir, "DIR"));
    const onDir = distplan(["init", "--yes", "--force", "DIR"], { cwd: dir });
    expect(onDir.code).toBe(2);
    expect(onDir.stderr).toContain("DIR is a directory");
    for (const r of [missing, onDir]) noStack(r.stderr);
    expect(readdirSync(dir)).toEqual(["DIR"]);
    expect(readdirSync(join(dir, "DIR"))).toEqual([]);
  });
});

describe("bounded input", () => {
  it("report /dev/zero and /dev/urandom are refused at the size limit, fast", () => {
    for (const device of ["/dev/zero", "/dev/urandom"]) {
      const r = spawnSync(process.execPath, [BIN, "report", device], { env: CLEAN_ENV, encoding: "utf8", timeout: 15_000 });
      expect(r.status).toBe(2);
      expect(r.stderr).toContain(`${device}: error FILE_TOO_LARGE`);
    }
  });

  it("a FIFO fed without end is read up to the limit and refused beyond it", () => {
    const dir = temp();
    const r = sh('mkfifo f && (yes "a: 1" > f 2>/dev/null &) && "$1" "$2" validate f', [], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("f: error FILE_TOO_LARGE");
  });

  it("'-' reads the model from standard input, named <stdin>, for report, compare, check and validate", () => {
    expect(distplan(["validate", "-"], { input: WORKED }).stdout).toMatch(/^ok <stdin>: Worked example/);
    expect(distplan(["report", "-", "--format", "csv"], { input: WORKED }).stdout).toContain("base,2027,direct,,net_profit,15809.96");
    expect(distplan(["compare", "-"], { input: WORKED }).code).toBe(0);
    expect(distplan(["check", "-", "--format", "json"], { input: WORKED }).stdout).toContain('"file": "<stdin>"');
    const bad = distplan(["validate", "-"], { input: WORKED.replace("big: { direct: 100% }", "big: { direct: 90% }") });
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/^<stdin>:\d+:\d+: error MIX_NOT_100/);
    const big = sh('yes "a: 1" | "$1" "$2" validate -');
    expect(big.code).toBe(2);
    expect(big.stderr).toContain("<stdin>: error FILE_TOO_LARGE");
  });

  it("globs never follow directory symlinks and never list a file twice", () => {
    const dir = temp();
    writeFileSync(join(dir, "a.yaml"), WORKED);
    symlinkSync(".", join(dir, "l1"));
    symlinkSync(".", join(dir, "l2"));
    symlinkSync("a.yaml", join(dir, "same.yaml"));
    // Before: l1 and l2 were followed without end (a timeout stops that here).
    const r = spawnSync(process.execPath, [BIN, "check", "**/*.yaml", "--format", "json"], { cwd: dir, env: CLEAN_ENV, encoding: "utf8", timeout: 20_000 });
    expect(r.status).toBe(0);
    expect(JSON.parse(r.stdout).files.map((f: { file: string }) => f.file)).toEqual(["a.yaml"]);
  });

  it("invalid glob patterns and a glob without matches are usage errors for check and fmt", () => {
    for (const command of ["check", "fmt"]) {
      for (const pattern of ["[z-a]*.yaml", "*[.yaml", "zzz*.yaml"]) {
        const r = distplan([command, pattern], { cwd: temp() });
        expect(r.code).toBe(2);
        expect(r.stderr).toMatch(/^distplan: ('.*' is not a valid glob|no model files match)/);
      }
    }
  });

  it("a directory, a missing file and an unreadable file each have their own code", () => {
    const dir = temp();
    mkdirSync(join(dir, "models"));
    writeFileSync(join(dir, "models/plan.yaml"), WORKED);
    const isDir = distplan(["validate", "models"], { cwd: dir });
    expect(isDir.code).toBe(2);
    expect(isDir.stderr).toContain("models: error FILE_IS_DIRECTORY");
    expect(isDir.stderr).toContain("models/plan.yaml");
    expect(isDir.stderr).not.toContain("distplan init");
    expect(distplan(["validate", "nope.yaml"], { cwd: dir }).stderr).toContain("nope.yaml: error FILE_NOT_FOUND");
  });

  it.skipIf(isRoot)("an unreadable file is FILE_NOT_READABLE (skipped as root, who may read anything)", () => {
    const dir = temp();
    writeFileSync(join(dir, "secret.yaml"), WORKED);
    chmodSync(join(dir, "secret.yaml"), 0o000);
    const r = distplan(["validate", "secret.yaml"], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("secret.yaml: error FILE_NOT_READABLE: cannot read secret.yaml: permission denied");
  });
});

describe("output failures: one line, the right exit code, never a stack", () => {
  it("a reader that stops early (EPIPE) ends the output quietly with the command's own exit code", () => {
    // The first command's exit status, through a file: sh has no PIPESTATUS.
    const status = join(temp(), "status");
    const r = sh('("$1" "$2" report examples/hybrid-b2b.yaml --scenario all --format csv; echo "exit $?" > "$3") | head -c 1 > /dev/null; cat "$3"', [status]);
    expect(r.stdout).toBe("exit 0\n");
    expect(r.stderr).toBe("");
    const failing = sh('("$1" "$2" check examples/voorbeeld.yaml examples/hybrid-b2b.yaml examples/voorbeeld.yaml; echo "exit $?" > "$3") | head -c 1 > /dev/null; cat "$3"', [status]);
    expect(failing.stdout).toBe("exit 1\n");
    expect(failing.stderr).toBe("");
  });

  it("> /dev/full: one line on stderr, exit 2 (report and fmt)", () => {
    const dir = temp();
    writeFileSync(join(dir, "u.yaml"), UNFORMATTED);
    for (const args of ["report examples/voorbeeld.yaml", `fmt ${join(dir, "u.yaml")}`]) {
      const r = sh(`"$1" "$2" ${args} > /dev/full`);
      expect(r.code).toBe(2);
      expect(r.stderr).toBe("distplan: cannot write standard output: no space left on the device\n");
    }
  });

  it("stderr closed: a missing file still exits 2; stdout closed: the output is discarded, exit 0", () => {
    expect(sh('"$1" "$2" validate nope.yaml 2>&-').code).toBe(2);
    expect(sh('"$1" "$2" report examples/voorbeeld.yaml >&-').code).toBe(0);
  });

  it("--color --no-color together is a usage error", () => {
    const r = distplan(["--color", "--no-color", "report", "examples/voorbeeld.yaml"]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("--color and --no-color contradict each other");
    expect(r.stdout).toBe("");
  });
});
