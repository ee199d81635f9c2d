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
import { say } from "../words.js";
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
  const why = pattern === "" ? say({ en: "it is empty", nl: "het is leeg" })
    : /[\s\u0000-\u001f\u007f]/.test(pattern) ? say({ en: "it contains whitespace or a control character", nl: "het bevat witruimte of een stuurteken" })
    : /^[#!"]/.test(pattern) ? say({ en: `it starts with '${pattern[0]}'`, nl: `het begint met '${pattern[0]}'` })
    : /^\[attr\]/.test(pattern) ? say({ en: "it defines a macro", nl: "het definieert een macro" }) : null;
  if (why) throw new UsageError(say({ en: `--pattern ${JSON.stringify(pattern)} is not a .gitattributes pattern: ${why}`, nl: `--pattern ${JSON.stringify(pattern)} is geen patroon voor .gitattributes: ${why}` }), say({ en: "give one glob per --pattern, such as '*.yaml' or 'models/**/*.yml'", nl: "geef één glob per --pattern, zoals '*.yaml' of 'models/**/*.yml'" }));
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
    const what = r.error ? r.error.message : r.status !== 0 ? `${say({ en: "it exited with", nl: "het eindigde met" })} ${r.status ?? r.signal}${r.stderr.trim() ? `: ${r.stderr.trim().split("\n")[0]}` : ""}` : say({ en: "its output is not distplan's textconv output", nl: "de uitvoer is niet die van distplan textconv" });
    throw new UsageError(say({ en: `--command ${JSON.stringify(command)} does not run distplan textconv (${what})`, nl: `--command ${JSON.stringify(command)} draait geen distplan textconv (${what})` }), say({ en: "give the command that runs distplan's textconv driver, such as 'npx distplan textconv'; nothing was written", nl: "geef het commando dat de textconv-driver van distplan draait, zoals 'npx distplan textconv'; er is niets geschreven" }));
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
    if (code === "EISDIR") throw new UsageError(say({ en: `${path} is a directory, not a .gitattributes file`, nl: `${path} is een map, geen .gitattributes-bestand` }), say({ en: "remove or rename that directory, or use --print and set up git by hand", nl: "verwijder die map of geef hem een andere naam, of gebruik --print en stel git met de hand in" }));
    throw new UsageError(say({ en: `cannot read ${path}: ${isErrnoError(e) ? errnoReason(e) : String(e)}`, nl: `kan ${path} niet lezen: ${isErrnoError(e) ? errnoReason(e) : String(e)}` }));
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
  if (!top.ok) throw new UsageError(say({ en: "not inside a git repository", nl: "niet in een git-repository" }), say({ en: "run distplan git-setup from your repository, or use --print to see what it would write", nl: "draai distplan git-setup vanuit je repository, of gebruik --print om te zien wat het zou schrijven" }));
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
  if (!set.ok) throw new UsageError(say({ en: `git config failed: ${set.stderr}`, nl: `git config is mislukt: ${set.stderr}` }));
  writeOut(`${missing.length ? say({ en: `added to .gitattributes: ${missing.join(", ")}`, nl: `toegevoegd aan .gitattributes: ${missing.join(", ")}` }) : say({ en: ".gitattributes already set up", nl: ".gitattributes was al ingesteld" })}\ngit config diff.distplan.textconv = ${command}\n`);
  return 0;
}
