// Spawn the built binary with a clean environment: no colour, no TTY, UTF-8, nothing inherited
// but PATH (so the user's NODE_OPTIONS or FORCE_COLOR cannot change what a test sees).
import { spawnSync } from "node:child_process";
import { join } from "node:path";
import { ROOT } from "../helpers.js";

export const BIN = join(ROOT, "bin/distplan.js");
export const CLEAN_ENV = { PATH: process.env.PATH ?? "", NO_COLOR: "1", LANG: "C.UTF-8" };

export function distplan(args: string[], options: { cwd?: string; env?: Record<string, string>; input?: string } = {}) {
  const r = spawnSync(process.execPath, [BIN, ...args], { cwd: options.cwd ?? ROOT, env: { ...CLEAN_ENV, ...options.env }, encoding: "utf8", input: options.input });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}
