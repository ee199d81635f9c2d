// distplan git-setup: make plain `git diff`, `git log -p` and `git show` render model files
// through `distplan textconv`. Writes the .gitattributes line and the repository's git config
// entry; running it again changes nothing. --print shows both instead.
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { delimiter, join } from "node:path";
import { git } from "../git.js";
import { writeFileSafely } from "../files.js";
import { errnoReason, isErrnoError } from "../io-errors.js";
import { UsageError } from "../errors.js";
import { writeOut } from "../output.js";

export interface GitSetupOptions {
  readonly print?: boolean;
  readonly pattern?: string[];
  readonly command?: string;
}

const onPath = (name: string) => (process.env.PATH ?? "").split(delimiter).some((dir) => dir && existsSync(join(dir, name)));

/** One word for sh: single-quoted, a single quote inside written as '\'' . */
export const shellQuote = (word: string) => `'${word.replace(/'/g, "'\\''")}'`;

/** `distplan textconv` when distplan is on PATH; else this very binary, by absolute path, quoted for sh. */
export function textconvCommand(explicit?: string): string {
  if (explicit) return explicit;
  if (onPath("distplan")) return "distplan textconv";
  const bin = process.argv[1] ?? "distplan";
  return `${shellQuote(process.execPath)} ${shellQuote(bin)} textconv`;
}

/**
 * A .gitattributes pattern is one whitespace-free word: a space, tab or newline would let it
 * carry attributes or whole lines of its own (`*.md\n* -diff`). Comments, negations, macros and
 * quotes are refused too.
 */
export function checkPattern(pattern: string): void {
  const why = pattern === "" ? "it is empty"
    : /[\s\u0000-\u001f\u007f]/.test(pattern) ? "it contains whitespace or a control character"
    : /^[#!"]/.test(pattern) ? `it starts with '${pattern[0]}'`
    : /^\[attr\]/.test(pattern) ? "it defines a macro" : null;
  if (why) throw new UsageError(`--pattern ${JSON.stringify(pattern)} is not a .gitattributes pattern: ${why}`, "give one glob per --pattern, such as '*.yaml' or 'models/**/*.yml'");
}

// Small enough to evaluate in an instant, valid, and with results: what git would show of it.
const PROBE_MODEL = `version: 1
name: probe
currency: EUR
start_year: 2027
years: 1
discount_rate: 10%
segments:
  - { id: smb, customers: 10, new_customers: 0, churn: 0%, revenue_per_customer: 1000, gross_margin: 50% }
channels:
  - { id: direct, type: direct, acquisition_cost: 0, service_cost: 0 }
mix:
  smb: { direct: 100% }
`;

/**
 * --command must run a distplan textconv: it is run once, as git would (through sh, the file's
 * path appended), on a tiny model, and its output must carry distplan's results block.
 */
export function verifyTextconvCommand(command: string): void {
  const dir = mkdtempSync(join(tmpdir(), "distplan-probe-"));
  try {
    const file = join(dir, "probe.yaml");
    writeFileSync(file, PROBE_MODEL);
    const r = spawnSync("sh", ["-c", `${command} "$@"`, command, file], { encoding: "utf8", timeout: 30_000, stdio: ["ignore", "pipe", "pipe"] });
    if (r.status === 0 && r.stdout.includes("# ─── distplan results") && r.stdout.includes("# base · NPV at")) return;
    const what = r.error ? r.error.message : r.status !== 0 ? `it exited with ${r.status ?? r.signal}${r.stderr.trim() ? `: ${r.stderr.trim().split("\n")[0]}` : ""}` : "its output is not distplan's textconv output";
    throw new UsageError(`--command ${JSON.stringify(command)} does not run distplan textconv (${what})`, "give the command that runs distplan's textconv driver, such as 'npx distplan textconv'; nothing was written");
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function readAttributes(path: string): Buffer | null {
  try {
    return readFileSync(path);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === "ENOENT") return null;
    if (code === "EISDIR") throw new UsageError(`${path} is a directory, not a .gitattributes file`, "remove or rename that directory, or use --print and set up git by hand");
    throw new UsageError(`cannot read ${path}: ${isErrnoError(e) ? errnoReason(e) : String(e)}`);
  }
}

export async function runGitSetup(options: GitSetupOptions): Promise<number> {
  const patterns = options.pattern && options.pattern.length > 0 ? options.pattern : ["*.yaml", "*.yml"];
  patterns.forEach(checkPattern);
  const lines = patterns.map((p) => `${p} diff=distplan`);
  const command = textconvCommand(options.command);
  if (options.print) {
    writeOut(`# .gitattributes\n${lines.join("\n")}\n\n# git config\ngit config diff.distplan.textconv ${shellQuote(command)}\n`);
    return 0;
  }
  const top = git(["rev-parse", "--show-toplevel"]);
  if (!top.ok) throw new UsageError("not inside a git repository", "run distplan git-setup from your repository, or use --print to see what it would write");
  if (options.command) verifyTextconvCommand(command);
  const root = top.stdout.toString("utf8").trim();
  const attributes = join(root, ".gitattributes");
  const existing = readAttributes(attributes);
  const current = existing?.toString("utf8") ?? "";
  const present = new Set(current.split(/\r?\n/).map((l) => l.trim()));
  const missing = lines.filter((l) => !present.has(l));
  if (missing.length > 0) {
    const text = `${current}${current && !current.endsWith("\n") ? "\n" : ""}${missing.join("\n")}\n`;
    await writeFileSafely(attributes, text, existing === null ? {} : { expected: existing });
  }
  const set = git(["config", "diff.distplan.textconv", command], root);
  if (!set.ok) throw new UsageError(`git config failed: ${set.stderr}`);
  writeOut(`${missing.length ? `added to .gitattributes: ${missing.join(", ")}` : ".gitattributes already set up"}\ngit config diff.distplan.textconv = ${command}\n`);
  return 0;
}
