// distplan validate <model>: all issues at once, or "ok" and a one-line summary.
import { isValid } from "../../model/load.js";
import { readModelFile } from "../read.js";
import { issuesAsText } from "../issues.js";
import { InvalidModelError } from "../errors.js";
import { stderrPaint, writeErr, writeOut, type GlobalOptions } from "../output.js";

export async function runValidate(path: string, options: GlobalOptions): Promise<number> {
  const loaded = await readModelFile(path);
  if (!isValid(loaded)) throw new InvalidModelError([loaded]);
  writeErr(issuesAsText(loaded, stderrPaint(options), ["warning"]));
  const base = loaded.scenarios[0]!.model;
  const scenarios = loaded.scenarios.length - 1;
  const checks = base.checks.length;
  writeOut(
    `ok ${loaded.source}: ${base.name} · ${base.startYear}–${base.startYear + base.years - 1} · ` +
      `${base.segments.length} segment${base.segments.length === 1 ? "" : "s"}, ${base.channels.length} channel${base.channels.length === 1 ? "" : "s"}, ` +
      `${scenarios} scenario${scenarios === 1 ? "" : "s"}, ${checks} check${checks === 1 ? "" : "s"}\n`,
  );
  return 0;
}
