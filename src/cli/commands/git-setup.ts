// distplan git-setup: make plain `git diff`, `git log -p` and `git show` render model files
// through `distplan textconv`. Writes the .gitattributes line and the repository's git config
// entry; running it again changes nothing. --print shows both instead.
import { existsSync, readFileSync } from "node:fs";
import { delimiter, join } from "node:path";
import { git } from "../git.js";
import { writeFileAtomically } from "../files.js";
import { UsageError } from "../errors.js";
import { writeOut } from "../output.js";

export interface GitSetupOptions {
  readonly print?: boolean;
  readonly pattern?: string[];
  readonly command?: string;
}

const onPath = (name: string) => (process.env.PATH ?? "").split(delimiter).some((dir) => dir && existsSync(join(dir, name)));

/** `distplan textconv` when distplan is on PATH; else this very binary, by absolute path. */
export function textconvCommand(explicit?: string): string {
  if (explicit) return explicit;
  if (onPath("distplan")) return "distplan textconv";
  const bin = process.argv[1] ?? "distplan";
  return `"${process.execPath}" "${bin}" textconv`;
}

export async function runGitSetup(options: GitSetupOptions): Promise<number> {
  const patterns = options.pattern && options.pattern.length > 0 ? options.pattern : ["*.yaml", "*.yml"];
  const lines = patterns.map((p) => `${p} diff=distplan`);
  const command = textconvCommand(options.command);
  if (options.print) {
    writeOut(`# .gitattributes\n${lines.join("\n")}\n\n# git config\ngit config diff.distplan.textconv '${command}'\n`);
    return 0;
  }
  const top = git(["rev-parse", "--show-toplevel"]);
  if (!top.ok) throw new UsageError("not inside a git repository", "run distplan git-setup from your repository, or use --print to see what it would write");
  const root = top.stdout.toString("utf8").trim();
  const attributes = join(root, ".gitattributes");
  const current = existsSync(attributes) ? readFileSync(attributes, "utf8") : "";
  const present = new Set(current.split(/\r?\n/).map((l) => l.trim()));
  const missing = lines.filter((l) => !present.has(l));
  if (missing.length > 0) {
    const text = `${current}${current && !current.endsWith("\n") ? "\n" : ""}${missing.join("\n")}\n`;
    await writeFileAtomically(attributes, text);
  }
  const set = git(["config", "diff.distplan.textconv", command], root);
  if (!set.ok) throw new UsageError(`git config failed: ${set.stderr}`);
  writeOut(`${missing.length ? `added to .gitattributes: ${missing.join(", ")}` : ".gitattributes already set up"}\ngit config diff.distplan.textconv = ${command}\n`);
  return 0;
}
