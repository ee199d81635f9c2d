// Reading a model from git (`REV:path`, as `git show` takes it) and finding the repository.
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { loadModelBytes, type LoadedModel } from "../model/load.js";
import { readModelFile } from "./read.js";
import { UsageError } from "./errors.js";
import { say } from "./words.js";

/** "main:models/plan.yaml" → { rev: "main", path: "models/plan.yaml" }; a file that exists wins. */
export function parseOperand(arg: string): { rev: string; path: string } | null {
  if (existsSync(arg)) return null;
  const m = /^([^:]+):(.+)$/.exec(arg);
  return m ? { rev: m[1]!, path: m[2]! } : null;
}

export function git(args: readonly string[], cwd = process.cwd()): { ok: boolean; stdout: Buffer; stderr: string } {
  const r = spawnSync("git", args, { cwd, maxBuffer: 64 * 1024 * 1024 });
  if (r.error) throw new UsageError(say({ en: `cannot run git: ${r.error.message}`, nl: `kan git niet draaien: ${r.error.message}` }), say({ en: "install git, or pass file paths instead of REV:path", nl: "installeer git, of geef bestandspaden in plaats van REV:pad" }));
  return { ok: r.status === 0, stdout: r.stdout, stderr: r.stderr.toString("utf8").trim() };
}

export async function readOperand(arg: string): Promise<LoadedModel> {
  const operand = parseOperand(arg);
  if (!operand) return readModelFile(arg);
  // An operand never becomes an option of git: a REV starting with '-' is refused, and
  // --end-of-options tells git that what follows is a revision even so.
  if (operand.rev.startsWith("-")) throw new UsageError(say({ en: `'${arg}' is not REV:path: a revision cannot start with '-'`, nl: `'${arg}' is geen REV:pad: een revisie kan niet met '-' beginnen` }), say({ en: "name a commit, branch or tag before the ':' (main:models/plan.yaml), or pass a file path", nl: "noem een commit, branch of tag vóór de ':' (main:models/plan.yaml), of geef een bestandspad" }));
  const r = git(["show", "--end-of-options", `${operand.rev}:${operand.path}`]);
  if (!r.ok) throw new UsageError(say({ en: `cannot read ${arg} from git: ${r.stderr.split("\n")[0]}`, nl: `kan ${arg} niet uit git lezen: ${r.stderr.split("\n")[0]}` }), say({ en: "write REV:path with a path from the repository's top (main:models/plan.yaml), or REV:./path relative to here", nl: "schrijf REV:pad met een pad vanaf de top van de repository (main:models/plan.yaml), of REV:./pad vanaf hier" }));
  return loadModelBytes(new Uint8Array(r.stdout), arg);
}
