// The LP solver of `distplan optimise`: HiGHS compiled to WebAssembly (npm `highs`), loaded only
// when optimise runs. The bundle keeps `highs` external (scripts/build.mjs), so dist/distplan.cjs
// does not hold it and it is read from node_modules, with its .wasm beside it, at run time.
import { createRequire } from "node:module";
import type { LinearProgram, LpSolution, LpSolver } from "../engine/optimise.js";

type Highs = { solve(problem: string, options?: Record<string, unknown>): { Status: string; ObjectiveValue: number; Columns: Record<string, { Primal: number }>; Rows: { Primal: number; Dual?: number }[] } };

declare const require: NodeJS.Require | undefined;

function requireHighs(): () => Promise<Highs> {
  // In the CommonJS bundle `require` is the bundle's own; run from source (tests), one made here.
  const req = typeof require === "function" ? require : createRequire(import.meta.url);
  return req("highs") as () => Promise<Highs>;
}

let loaded: Promise<Highs> | undefined;

/** A number as the LP format reads it (shortest round-trip text; never NaN or infinite here). */
function num(x: number): string {
  if (!Number.isFinite(x)) throw new Error(`optimise: a coefficient is not finite (${x})`);
  return String(x);
}

/** The programme in CPLEX LP format: columns x0…, rows r0… in order, every x in [0, 1]. */
export function lpText(lp: LinearProgram): string {
  const expr = (terms: readonly (readonly [number, number])[]) => {
    if (terms.length === 0) return "0 x0";
    return terms.map(([i, c], k) => `${c < 0 ? "- " : k === 0 ? "" : "+ "}${num(Math.abs(c))} x${i}`).join(" ");
  };
  const n = lp.objective.length;
  const lines = ["Maximize", ` obj: ${expr(lp.objective.map((c, i) => [i, c] as const))}`, "Subject To"];
  lp.rows.forEach((row, r) => lines.push(` r${r}: ${expr(row.terms)} ${row.sense} ${num(row.rhs)}`));
  lines.push("Bounds");
  for (let i = 0; i < n; i++) lines.push(` 0 <= x${i} <= 1`);
  lines.push("End");
  return lines.join("\n");
}

export async function highsSolver(): Promise<LpSolver> {
  loaded ??= requireHighs()();
  const highs = await loaded;
  return (lp: LinearProgram): LpSolution => {
    const result = highs.solve(lpText(lp), { output_flag: false });
    if (result.Status === "Infeasible" || result.Status === "Primal infeasible or unbounded") return { status: "infeasible" };
    if (result.Status !== "Optimal") return { status: "failed", detail: result.Status };
    const x = lp.objective.map((_, i) => result.Columns[`x${i}`]?.Primal ?? 0);
    return { status: "optimal", x, objective: result.ObjectiveValue, duals: result.Rows.map((r) => r.Dual ?? 0) };
  };
}
