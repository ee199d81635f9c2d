// distplan validate <model>: all issues at once, or "ok" and a one-line summary.
import { isValid } from "../../model/load.js";
import { readModelFile } from "../read.js";
import { issuesAsText } from "../issues.js";
import { InvalidModelError } from "../errors.js";
import { say } from "../words.js";
import { stderrPaint, writeErr, writeOut, type GlobalOptions } from "../output.js";

export async function runValidate(path: string, options: GlobalOptions): Promise<number> {
  const loaded = await readModelFile(path);
  if (!isValid(loaded)) throw new InvalidModelError([loaded]);
  writeErr(issuesAsText(loaded, stderrPaint(options), ["warning"]));
  const base = loaded.scenarios[0]!.model;
  const scenarios = loaded.scenarios.length - 1;
  const checks = base.checks.length;
  const segments = base.segments.length;
  const channels = base.channels.length;
  writeOut(say({
    en: `ok ${loaded.source}: ${base.name} · ${base.startYear}–${base.startYear + base.years - 1} · ` +
      `${segments} segment${segments === 1 ? "" : "s"}, ${channels} channel${channels === 1 ? "" : "s"}, ` +
      `${scenarios} scenario${scenarios === 1 ? "" : "s"}, ${checks} check${checks === 1 ? "" : "s"}\n`,
    nl: `ok ${loaded.source}: ${base.name} · ${base.startYear}–${base.startYear + base.years - 1} · ` +
      `${segments} ${segments === 1 ? "segment" : "segmenten"}, ${channels} ${channels === 1 ? "kanaal" : "kanalen"}, ` +
      `${scenarios} ${scenarios === 1 ? "scenario" : "scenario's"}, ${checks} ${checks === 1 ? "toets" : "toetsen"}\n`,
  }));
  return 0;
}
